//! XLSX: a sheet with the report's identity, then one worksheet per table,
//! with the official merges as merged ranges.

use gongkai_domain::Report;
use gongkai_domain::report::ValueKind;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Color, DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::RenderError;
use crate::document;
use crate::layout::{self, Content, Grid, GridCell, Role};

/// The worksheet names, in order: report information, then tables 二, 三, 四.
const INFO_SHEET: &str = "报告信息";
/// Worksheet of table 二.
const PROACTIVE_SHEET: &str = "主动公开";
/// Worksheet of table 三.
const APPLICATIONS_SHEET: &str = "依申请公开";
/// Worksheet of table 四.
const REVIEWS_SHEET: &str = "复议诉讼";
/// The worksheet row where each table starts (row 0 holds the section heading).
const TABLE_FIRST_ROW: u32 = 2;

const FONT: &str = "宋体";
const CAPTION_FILL: u32 = 0xC6D9F1;

/// Attaches what was being written to an XLSX error.
fn context(what: &str) -> impl FnOnce(XlsxError) -> RenderError + '_ {
    move |source| RenderError::Xlsx {
        context: what.to_owned(),
        source,
    }
}

/// Renders the report as the bytes of an XLSX workbook.
pub(crate) fn render(report: &Report) -> Result<Vec<u8>, RenderError> {
    let mut workbook = Workbook::new();
    let title = document::title(report);
    workbook.set_properties(
        &DocProperties::new()
            .set_title(&title)
            .set_comment(document::generator()),
    );
    info_sheet(workbook.add_worksheet(), report, &title).map_err(context(INFO_SHEET))?;
    for (grid, name) in
        layout::tables(report)
            .iter()
            .zip([PROACTIVE_SHEET, APPLICATIONS_SHEET, REVIEWS_SHEET])
    {
        table_sheet(workbook.add_worksheet(), grid, name).map_err(context(name))?;
    }
    workbook.save_to_buffer().map_err(context("workbook"))
}

fn info_sheet(sheet: &mut Worksheet, report: &Report, title: &str) -> Result<(), XlsxError> {
    sheet.set_name(INFO_SHEET)?;
    sheet
        .set_paper_size(9)
        .set_portrait()
        .set_print_fit_to_pages(1, 0);
    let label = Format::new()
        .set_font_name(FONT)
        .set_bold()
        .set_border(FormatBorder::Thin);
    let text = Format::new()
        .set_font_name(FONT)
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Left);
    let generator = document::generator();
    let rows = [
        ("报告标题", title),
        ("机关名称", report.agency.as_deref().unwrap_or("")),
        ("报告格式", report.format.label()),
        ("生成工具", generator.as_str()),
    ];
    for (row, (name, value)) in (0u32..).zip(rows) {
        sheet.write_string_with_format(row, 0, name, &label)?;
        sheet.write_string_with_format(row, 1, value, &text)?;
    }
    sheet.write_string_with_format(4, 0, "报告年度", &label)?;
    sheet.write_number_with_format(
        4,
        1,
        f64::from(report.year),
        &text.clone().set_num_format("0"),
    )?;
    sheet.set_column_width(0, 12)?;
    sheet.set_column_width(1, 60)?;
    Ok(())
}

/// The cell formats of a table sheet.
struct Formats {
    label: Format,
    caption: Format,
    note: Format,
    count: Format,
    money: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new()
            .set_font_name(FONT)
            .set_font_size(10)
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_text_wrap();
        Formats {
            caption: base.clone().set_background_color(Color::RGB(CAPTION_FILL)),
            note: base.clone().set_align(FormatAlign::Left).set_font_size(9),
            count: base.clone().set_num_format("0"),
            money: base.clone().set_num_format("0.00"),
            label: base,
        }
    }

    fn of(&self, cell: &GridCell) -> &Format {
        match (&cell.role, &cell.content) {
            (Role::Caption, _) => &self.caption,
            (Role::Note, _) => &self.note,
            (_, Content::Value(_, ValueKind::Money)) => &self.money,
            (_, Content::Value(..)) => &self.count,
            _ => &self.label,
        }
    }
}

fn table_sheet(sheet: &mut Worksheet, grid: &Grid, name: &str) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    sheet.set_paper_size(9).set_print_fit_to_pages(1, 0);
    // Table 四 has fifteen number columns: readable on paper only across the page.
    if grid.column_count() > 10 {
        sheet.set_landscape();
    } else {
        sheet.set_portrait();
    }
    let formats = Formats::new();
    let last_col = col_index(grid.column_count().saturating_sub(1));
    let heading = Format::new()
        .set_font_name(FONT)
        .set_font_size(12)
        .set_bold();
    if last_col > 0 {
        sheet.merge_range(0, 0, 0, last_col, grid.section.heading(), &heading)?;
    } else {
        sheet.write_string_with_format(0, 0, grid.section.heading(), &heading)?;
    }
    for (col, &twips) in grid.widths.iter().enumerate() {
        sheet.set_column_width(col_index(col), column_width(twips))?;
    }
    for cell in &grid.cells {
        write_cell(sheet, cell, formats.of(cell))?;
    }
    for row in 0..grid.row_count {
        let lines = grid
            .row_cells(row)
            .filter(|c| c.rowspan == 1)
            .map(|c| lines_needed(grid, c))
            .max()
            .unwrap_or(1);
        if lines > 1 {
            sheet.set_row_height(row_index(row), LINE_HEIGHT * f64::from(lines))?;
        }
    }
    Ok(())
}

/// Worksheet column width in character units for a grid column.
fn column_width(twips: u32) -> f64 {
    (f64::from(twips) / 100.0).max(10.0)
}

/// Height in points of one line of 10 pt text.
const LINE_HEIGHT: f64 = 14.0;

/// Lines a cell's wrapped text takes. Spreadsheet readers do not grow rows for
/// wrapped text written by a library, so the height is set from an estimate:
/// a CJK character is two width units, any other one unit.
fn lines_needed(grid: &Grid, cell: &GridCell) -> u32 {
    let width: f64 = grid
        .widths
        .iter()
        .skip(cell.col)
        .take(cell.colspan)
        .map(|&w| column_width(w))
        .sum();
    let text_units: f64 = cell
        .content
        .text()
        .chars()
        .map(|c| if c.is_ascii() { 1.0 } else { 2.0 })
        .sum();
    let usable = (width - 1.0).max(1.0);
    ((text_units * 10.0 / 11.0 / usable).ceil() as u32).max(1)
}

fn col_index(col: usize) -> u16 {
    u16::try_from(col).unwrap_or(u16::MAX)
}

fn row_index(row: usize) -> u32 {
    TABLE_FIRST_ROW + u32::try_from(row).unwrap_or(u32::MAX - TABLE_FIRST_ROW)
}

fn write_cell(sheet: &mut Worksheet, cell: &GridCell, format: &Format) -> Result<(), XlsxError> {
    let (row, col) = (row_index(cell.row), col_index(cell.col));
    let text = match &cell.content {
        Content::Label(text) => *text,
        Content::Value(..) => "",
    };
    if cell.rowspan > 1 || cell.colspan > 1 {
        let last_row = row_index(cell.row + cell.rowspan - 1);
        let last_col = col_index(cell.col + cell.colspan - 1);
        sheet.merge_range(row, col, last_row, last_col, text, format)?;
    } else if matches!(cell.content, Content::Label(_)) {
        sheet.write_string_with_format(row, col, text, format)?;
    } else {
        sheet.write_blank(row, col, format)?;
    }
    if let Content::Value(Some(value), _) = &cell.content {
        match value.to_f64() {
            Some(number) => sheet.write_number_with_format(row, col, number, format)?,
            None => {
                sheet.write_string_with_format(row, col, layout::format_number(*value), format)?
            }
        };
    }
    Ok(())
}
