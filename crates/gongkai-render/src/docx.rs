//! DOCX in the layout of the official template: A4 portrait, 方正小标宋简体
//! title, 仿宋_GB2312 body, tables with real `vMerge`/`gridSpan` merges.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BorderType, Docx, LineSpacing, LineSpacingType, PageMargin, Paragraph, Run,
    RunFonts, Shading, SpecialIndentType, Table, TableAlignmentType, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellBorder, TableCellBorderPosition,
    TableCellBorders, TableCellMargins, TableLayoutType, TableRow, VAlignType, VMergeType,
    WidthType,
};
use gongkai_domain::{Report, Section};

use crate::RenderError;
use crate::document::{self, Block};
use crate::layout::{self, Grid, GridCell, Role, Slot};

/// A4 in twentieths of a point.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
/// Left and right margins (2.5 cm), so that the widest table fits the text width.
const SIDE_MARGIN: u32 = 1417;
/// Font sizes in half-points: 二号 title, 三号 body, 五号 table text (as the template).
const TITLE_SIZE: usize = 44;
const BODY_SIZE: usize = 32;
const TABLE_SIZE: usize = 20;
const TITLE_FONT: &str = "方正小标宋简体";
const BODY_FONT: &str = "仿宋_GB2312";
const HEADING_FONT: &str = "黑体";
const SUBHEAD_FONT: &str = "楷体_GB2312";
const TABLE_FONT: &str = "宋体";
const LATIN_FONT: &str = "Times New Roman";
/// Two characters of 三号 (16 pt) text, in twips.
const FIRST_LINE_INDENT: i32 = 640;
/// Left and right cell padding in twips (the template's 57 = 1 mm).
const CELL_MARGIN: usize = 57;
/// The fill of the block caption rows of table 二 in the template.
const CAPTION_FILL: &str = "C6D9F1";

/// Renders the report as the bytes of a DOCX file.
pub(crate) fn render(report: &Report) -> Result<Vec<u8>, RenderError> {
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(2098)
                .bottom(1984)
                .left(SIDE_MARGIN as i32)
                .right(SIDE_MARGIN as i32)
                .header(851)
                .footer(992),
        )
        .default_fonts(fonts(BODY_FONT))
        .default_size(BODY_SIZE);
    docx = docx.add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().after(320))
            .add_run(
                Run::new()
                    .add_text(document::title(report))
                    .fonts(fonts(TITLE_FONT))
                    .size(TITLE_SIZE),
            ),
    );
    for section in Section::ALL {
        docx = docx.add_paragraph(text_paragraph(section.heading(), HEADING_FONT));
        for block in document::narrative(report, section) {
            docx = docx.add_paragraph(match block {
                Block::Subhead(text) => text_paragraph(text, SUBHEAD_FONT),
                Block::Paragraph(text) => text_paragraph(text, BODY_FONT),
            });
        }
        if let Some(grid) = layout::table_of(report, section) {
            docx = docx.add_table(table(&grid)).add_paragraph(Paragraph::new());
        }
    }
    let mut bytes = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .map_err(|e| RenderError::Docx(e.to_string()))?;
    deflate(&bytes.into_inner())
        .map_err(|e| RenderError::Docx(format!("compressing the package: {e}")))
}

/// docx-rs stores its parts uncompressed (≈ 240 KB for a report); deflating
/// them makes the file about ten times smaller. Part order and names are kept.
fn deflate(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(stored))?;
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for index in 0..archive.len() {
        let mut part = archive.by_index(index)?;
        if part.is_dir() {
            writer.add_directory(part.name(), options)?;
        } else {
            writer.start_file(part.name(), options)?;
            std::io::copy(&mut part, &mut writer)?;
        }
    }
    Ok(writer.finish()?.into_inner())
}

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT)
        .cs(LATIN_FONT)
}

/// A body paragraph: first line indented two characters, fixed 28 pt line pitch.
fn text_paragraph(text: &str, font: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(FIRST_LINE_INDENT)),
            None,
            None,
        )
        .line_spacing(
            LineSpacing::new()
                .line(560)
                .line_rule(LineSpacingType::Exact),
        )
        .add_run(Run::new().add_text(text).fonts(fonts(font)).size(BODY_SIZE))
}

/// Column widths scaled to the text width of the page, in twips.
fn scaled_widths(grid: &Grid) -> Vec<usize> {
    let available = f64::from(PAGE_WIDTH - 2 * SIDE_MARGIN);
    let total = f64::from(grid.widths.iter().sum::<u32>().max(1));
    grid.widths
        .iter()
        .map(|&w| (f64::from(w) * available / total).floor() as usize)
        .collect()
}

fn table(grid: &Grid) -> Table {
    let widths = scaled_widths(grid);
    let rows = (0..grid.row_count)
        .map(|row| {
            let cells = (0..grid.column_count())
                .filter_map(|col| match grid.slot(row, col) {
                    Slot::Anchor(cell) => Some(anchor_cell(cell, &widths)),
                    Slot::Continue(cell) => Some(
                        bordered(TableCell::new())
                            .width(span_width(&widths, cell), WidthType::Dxa)
                            .grid_span(cell.colspan)
                            .vertical_merge(VMergeType::Continue)
                            .add_paragraph(Paragraph::new()),
                    ),
                    Slot::Covered => None,
                    Slot::Empty => Some(
                        bordered(TableCell::new())
                            .width(widths.get(col).copied().unwrap_or_default(), WidthType::Dxa)
                            .add_paragraph(Paragraph::new()),
                    ),
                })
                .collect();
            TableRow::new(cells).cant_split()
        })
        .collect();
    let total = widths.iter().sum();
    let border = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(4)
            .color("000000")
    };
    let borders = TableBorders::new()
        .set(border(TableBorderPosition::Top))
        .set(border(TableBorderPosition::Left))
        .set(border(TableBorderPosition::Bottom))
        .set(border(TableBorderPosition::Right))
        .set(border(TableBorderPosition::InsideH))
        .set(border(TableBorderPosition::InsideV));
    Table::new(rows)
        .set_grid(widths)
        .width(total, WidthType::Dxa)
        .align(TableAlignmentType::Center)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, CELL_MARGIN, 0, CELL_MARGIN))
        .set_borders(borders)
}

fn span_width(widths: &[usize], cell: &GridCell) -> usize {
    widths.iter().skip(cell.col).take(cell.colspan).sum()
}

/// Single black borders on all four sides, so every cell is boxed whatever the viewer's defaults.
fn bordered(cell: TableCell) -> TableCell {
    let border = |position| {
        TableCellBorder::new(position)
            .border_type(BorderType::Single)
            .size(4)
            .color("000000")
    };
    cell.set_borders(
        TableCellBorders::with_empty()
            .set(border(TableCellBorderPosition::Top))
            .set(border(TableCellBorderPosition::Left))
            .set(border(TableCellBorderPosition::Bottom))
            .set(border(TableCellBorderPosition::Right)),
    )
}

fn anchor_cell(cell: &GridCell, widths: &[usize]) -> TableCell {
    let align = match cell.role {
        Role::Note => AlignmentType::Both,
        _ => AlignmentType::Center,
    };
    let paragraph = Paragraph::new()
        .align(align)
        .line_spacing(LineSpacing::new().before(0).after(0))
        .add_run(
            Run::new()
                .add_text(cell.content.text())
                .fonts(fonts(TABLE_FONT))
                .size(TABLE_SIZE),
        );
    let mut out = bordered(TableCell::new())
        .width(span_width(widths, cell), WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(paragraph);
    if cell.colspan > 1 {
        out = out.grid_span(cell.colspan);
    }
    if cell.rowspan > 1 {
        out = out.vertical_merge(VMergeType::Restart);
    }
    if cell.role == Role::Caption {
        out = out.shading(Shading::new().fill(CAPTION_FILL));
    }
    out
}
