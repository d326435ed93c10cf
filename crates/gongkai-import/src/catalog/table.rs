//! Turning the bytes of a CSV or XLSX file into numbered rows of cells.

use std::io::Cursor;

use calamine::{Data, Reader};
use chrono::NaiveDate;

use super::error::CatalogFileError;

/// The kind of file a catalog was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogFileKind {
    /// Comma-, tab- or semicolon-separated text (UTF-8 with or without BOM, GBK/GB18030).
    Csv,
    /// An Excel workbook (first sheet); also .xls and .ods, which the reader understands.
    Spreadsheet,
}

/// One cell as read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    /// An Excel error value such as `#REF!`.
    Error(String),
}

impl Cell {
    /// The cell as text; numbers without a fraction lose their `.0`.
    pub(crate) fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_owned(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Error(e) => e.clone(),
        }
    }

    pub(crate) fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// A row with its number as the spreadsheet shows it (1-based).
pub(crate) struct Row {
    pub number: usize,
    pub cells: Vec<Cell>,
}

/// What the bytes look like.
pub(crate) fn detect(bytes: &[u8], file: &str) -> Result<CatalogFileKind, CatalogFileError> {
    let unsupported = |reason: &str| CatalogFileError::UnsupportedKind {
        file: file.to_owned(),
        reason: reason.to_owned(),
    };
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Ok(CatalogFileKind::Spreadsheet);
    }
    if bytes.starts_with(b"%PDF") {
        return Err(unsupported("这是 PDF 文件"));
    }
    if bytes.starts_with(b"\x89PNG") || bytes.starts_with(b"\xFF\xD8\xFF") {
        return Err(unsupported("这是图片文件"));
    }
    Ok(CatalogFileKind::Csv)
}

/// Reads every row of a CSV file.
pub(crate) fn csv_rows(bytes: &[u8], file: &str) -> Result<Vec<Row>, CatalogFileError> {
    let text = crate::encoding::decode(bytes, file).map_err(|_| CatalogFileError::Encoding {
        file: file.to_owned(),
    })?;
    if text.chars().take(4096).any(|c| c == '\0') {
        return Err(CatalogFileError::UnsupportedKind {
            file: file.to_owned(),
            reason: "内容是二进制数据".to_owned(),
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| CatalogFileError::Csv {
            file: file.to_owned(),
            row: e.position().map_or(i as u64 + 1, |p| p.record() + 1),
            detail: csv_detail(&e),
        })?;
        rows.push(Row {
            number: i + 1,
            cells: record
                .iter()
                .map(|c| {
                    if c.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(c.to_owned())
                    }
                })
                .collect(),
        });
    }
    Ok(rows)
}

fn csv_detail(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "含有无效字符".to_owned(),
        _ => "引号不匹配或格式不规范".to_owned(),
    }
}

/// The separator of the first line: the most frequent of comma, tab and semicolon.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    [b',', b'\t', b';']
        .into_iter()
        .max_by_key(|&d| first.bytes().filter(|&b| b == d).count())
        .unwrap_or(b',')
}

/// Reads every row of the first sheet of a workbook.
pub(crate) fn spreadsheet_rows(bytes: &[u8], file: &str) -> Result<Vec<Row>, CatalogFileError> {
    let fail = |detail: String| CatalogFileError::Spreadsheet {
        file: file.to_owned(),
        detail,
    };
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| fail(format!("文件已损坏或不是 Excel 工作簿（{e}）")))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| fail("工作簿中没有工作表".to_owned()))?
        .map_err(|e| fail(format!("无法读取第一个工作表（{e}）")))?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let leading = vec![Cell::Empty; first_col as usize];
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            number: first_row as usize + i + 1,
            cells: leading
                .iter()
                .cloned()
                .chain(cells.iter().map(cell_of))
                .collect(),
        })
        .collect())
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_owned()),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(at) if dt.is_datetime() => Cell::Date(at.date()),
            _ => Cell::Number(dt.as_f64()),
        },
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_taken_from_the_first_line() {
        assert_eq!(delimiter("标题,类别\n"), b',');
        assert_eq!(delimiter("标题\t类别\t发布日期\n"), b'\t');
        assert_eq!(delimiter("标题;类别\n"), b';');
    }

    #[test]
    fn files_are_told_apart_by_content() {
        assert_eq!(
            detect(b"PK\x03\x04rest", "a").ok(),
            Some(CatalogFileKind::Spreadsheet)
        );
        assert_eq!(
            detect("标题,类别".as_bytes(), "a").ok(),
            Some(CatalogFileKind::Csv)
        );
        assert!(matches!(
            detect(b"%PDF-1.7", "a"),
            Err(CatalogFileError::UnsupportedKind { .. })
        ));
    }
}
