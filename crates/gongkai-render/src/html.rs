//! HTML: a printable page and fragments for the web portal.

use html_escape::encode_quoted_attribute as escape;
use std::fmt::Write as _;

use gongkai_domain::{Report, Section};

use crate::document::{self, Block};
use crate::layout::{self, Grid, GridCell, Role};

/// The style of the printed government document: serif CJK, centred title,
/// tables with 1px black borders.
const STYLE: &str = r#"
@page { size: A4 portrait; margin: 25mm 20mm; }
html { background: #fff; }
body { margin: 0 auto; max-width: 180mm; padding: 12mm 0; color: #000;
  font-family: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif;
  font-size: 16pt; line-height: 1.75; }
h1.gk-report-title { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "宋体", "Noto Serif CJK SC", serif;
  font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 1.2em; }
.gk-report h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0.8em 0 0.4em; }
.gk-report h3 { font-family: "楷体", "KaiTi", "楷体_GB2312", serif; font-size: 16pt; font-weight: normal; margin: 0.4em 0 0.2em; text-indent: 2em; }
.gk-report p { margin: 0; text-indent: 2em; text-align: justify; }
table.gk-report-table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 10.5pt; line-height: 1.4; table-layout: fixed; }
table.gk-report-table caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table.gk-report-table th, table.gk-report-table td { border: 1px solid #000; padding: 2px 4px; text-align: center; vertical-align: middle; font-weight: normal; word-break: break-all; }
table.gk-report-table th.gk-caption-row { background: #c6d9f1; }
table.gk-report-table th[scope="row"] { text-align: left; }
table.gk-report-table td.gk-note { font-size: 9pt; text-align: left; }
@media print {
  body { max-width: none; padding: 0; }
  table.gk-report-table { page-break-inside: auto; }
  table.gk-report-table tr { page-break-inside: avoid; }
  table.gk-report-table thead { display: table-header-group; }
  .gk-report h2 { page-break-after: avoid; }
}
"#;

/// A complete, self-contained HTML5 page of the report, styled like the
/// printed document and ready to print to A4.
pub fn html_document(report: &Report) -> String {
    let title = escape(&document::title(report)).into_owned();
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"{generator}\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1 class=\"gk-report-title\">{title}</h1>\n{body}</body>\n</html>\n",
        generator = escape(&document::generator()),
        body = html_body(report),
    )
}

/// The report as an HTML fragment for embedding: the six sections with their
/// headings (`<h2>`), narratives and the three tables; no title, no styles.
pub fn html_body(report: &Report) -> String {
    let mut out = String::from("<article class=\"gk-report\">\n");
    for section in Section::ALL {
        let _ = writeln!(
            out,
            "<section class=\"gk-section\" id=\"gk-{}\">",
            section.key()
        );
        let _ = writeln!(out, "<h2>{}</h2>", escape(section.heading()));
        for block in document::narrative(report, section) {
            match block {
                Block::Subhead(text) => {
                    let _ = writeln!(out, "<h3>{}</h3>", escape(text));
                }
                Block::Paragraph(text) => {
                    let _ = writeln!(out, "<p>{}</p>", escape(text));
                }
            }
        }
        if let Some(grid) = layout::table_of(report, section) {
            out.push_str(&table(&grid));
        }
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n");
    out
}

/// The three tables only, each a `<table class="gk-report-table">`.
pub fn html_tables(report: &Report) -> String {
    layout::tables(report).iter().map(table).collect()
}

fn table(grid: &Grid) -> String {
    let mut out = format!(
        "<table class=\"gk-report-table gk-{}\">\n<caption>{}</caption>\n<colgroup>",
        grid.section.key(),
        escape(grid.caption())
    );
    let total: u32 = grid.widths.iter().sum::<u32>().max(1);
    for width in &grid.widths {
        let _ = write!(
            out,
            "<col style=\"width:{:.2}%\">",
            f64::from(*width) * 100.0 / f64::from(total)
        );
    }
    out.push_str("</colgroup>\n");
    let is_header_row = |row: usize| {
        grid.row_cells(row)
            .all(|c| matches!(c.role, Role::ColumnHeader | Role::Note))
    };
    let head_rows = (0..grid.row_count)
        .take_while(|&row| is_header_row(row))
        .count();
    if head_rows > 0 {
        out.push_str("<thead>\n");
        (0..head_rows).for_each(|row| out.push_str(&table_row(grid, row)));
        out.push_str("</thead>\n");
    }
    let mut open = false;
    for row in head_rows..grid.row_count {
        let starts_block = grid.row_cells(row).any(|c| c.role == Role::Caption);
        if !open || starts_block {
            if open {
                out.push_str("</tbody>\n");
            }
            out.push_str("<tbody>\n");
            open = true;
        }
        out.push_str(&table_row(grid, row));
    }
    if open {
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n");
    out
}

fn table_row(grid: &Grid, row: usize) -> String {
    let mut out = String::from("<tr>");
    for cell in grid.row_cells(row) {
        out.push_str(&table_cell(cell));
    }
    out.push_str("</tr>\n");
    out
}

fn table_cell(cell: &GridCell) -> String {
    let (tag, attributes) = match cell.role {
        Role::Caption => ("th", " scope=\"colgroup\" class=\"gk-caption-row\""),
        Role::ColumnHeader if cell.colspan > 1 => ("th", " scope=\"colgroup\""),
        Role::ColumnHeader => ("th", " scope=\"col\""),
        Role::RowHeader if cell.rowspan > 1 => ("th", " scope=\"rowgroup\""),
        Role::RowHeader => ("th", " scope=\"row\""),
        Role::Note => ("td", " class=\"gk-note\""),
        Role::Data => ("td", " class=\"gk-num\""),
    };
    let mut spans = String::new();
    if cell.rowspan > 1 {
        let _ = write!(spans, " rowspan=\"{}\"", cell.rowspan);
    }
    if cell.colspan > 1 {
        let _ = write!(spans, " colspan=\"{}\"", cell.colspan);
    }
    format!(
        "<{tag}{spans}{attributes}>{}</{tag}>",
        escape(&cell.content.text())
    )
}
