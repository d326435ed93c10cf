//! The downloadable template: the header row and one example row.

use gongkai_domain::catalog::Category;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::columns::Column;

/// Why the XLSX template could not be written.
#[derive(Debug, thiserror::Error)]
#[error("无法生成导入模板：{0}")]
pub struct TemplateError(#[from] XlsxError);

/// The example row, one value per [`Column::ALL`].
fn example(column: Column) -> &'static str {
    match column {
        Column::IndexNo => "",
        Column::Title => "关于印发《城乡居民最低生活保障实施办法》的通知",
        Column::Agency => "",
        Column::DocNumber => "海政发〔2024〕12号",
        Column::WrittenOn => "2024-03-05",
        Column::PublishedOn => "2024年3月8日",
        Column::Topic => "民政、扶贫、救灾",
        Column::Category => "行政法规、规章和规范性文件",
        Column::Validity => "有效",
        Column::ValidityChangedOn => "",
        Column::DisclosureMode => "主动公开",
        Column::Body => {
            "各镇人民政府、街道办事处，县政府各部门：现将《城乡居民最低生活保障实施办法》印发给你们，请认真贯彻执行。"
        }
    }
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// The CSV template in UTF-8 with a BOM (so that Excel opens it as UTF-8).
pub fn template_csv() -> Vec<u8> {
    let line = |f: &dyn Fn(Column) -> String| {
        Column::ALL
            .iter()
            .map(|&c| csv_field(&f(c)))
            .collect::<Vec<_>>()
            .join(",")
    };
    let text = format!(
        "\u{feff}{}\r\n{}\r\n",
        line(&|c| c.label().to_owned()),
        line(&|c| example(c).to_owned())
    );
    text.into_bytes()
}

/// The XLSX template: the first sheet to fill in, a second listing the categories.
pub fn template_xlsx() -> Result<Vec<u8>, TemplateError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold().set_background_color("DDEBF7");
    let text = Format::new().set_num_format("@");
    let sheet = workbook.add_worksheet().set_name("主动公开目录")?;
    for (i, &column) in Column::ALL.iter().enumerate() {
        let col = u16::try_from(i).unwrap_or(u16::MAX);
        let header = if Column::REQUIRED.contains(&column) {
            format!("*{}", column.label())
        } else {
            column.label().to_owned()
        };
        sheet.write_string_with_format(0, col, header, &bold)?;
        sheet.write_string_with_format(1, col, example(column), &text)?;
        let width = match column {
            Column::Title | Column::Body => 48.0,
            Column::Category | Column::Topic => 26.0,
            _ => 16.0,
        };
        sheet.set_column_width(col, width)?;
        // Typed cells stay text: Excel would otherwise turn 索引号 and dates into numbers.
        sheet.set_column_format(col, &text)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let help = workbook.add_worksheet().set_name("类别说明")?;
    for (col, title) in ["类别（填名称或代码）", "代码", "条款"].iter().enumerate() {
        help.write_string_with_format(0, col as u16, *title, &bold)?;
    }
    for (i, category) in Category::ALL.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        help.write_string(row, 0, category.label())?;
        help.write_string(row, 1, category.key())?;
        help.write_string(row, 2, category.article())?;
    }
    help.set_column_width(0, 34.0)?;
    help.set_column_width(1, 14.0)?;
    help.set_column_width(2, 22.0)?;
    Ok(workbook.save_to_buffer()?)
}
