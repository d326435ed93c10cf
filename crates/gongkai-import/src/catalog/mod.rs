//! Bulk import of existing proactive-disclosure catalogs (主动公开目录) from CSV
//! or XLSX files.
//!
//! [`parse_catalog`] reads the bytes of a file into catalog items and, for
//! every bad row, errors naming the row, the column and the problem in
//! Chinese. It is pure: the caller reads the upload, looks up which given
//! 索引号 already exist ([`ParsedCatalog::reject_existing`]) and writes the
//! valid items in one transaction.
//!
//! Columns are found by their Chinese headers (in any order, with common
//! synonyms, whitespace and `*` markers ignored); a title row above the
//! header is skipped. CSV may be UTF-8 (with or without BOM) or GBK/GB18030,
//! separated by commas, tabs or semicolons. Of a workbook, the first sheet is
//! read. [`template_csv`] and [`template_xlsx`] write an empty file with the
//! header row and one example row.

mod columns;
mod date;
mod error;
mod row;
mod table;
mod template;

use std::collections::{HashMap, HashSet};

use gongkai_domain::catalog::NewCatalogItem;

pub use columns::Column;
pub use date::{excel_serial, parse_date_text};
pub use error::{CatalogFileError, DateProblem, RowError, RowProblem};
pub use table::CatalogFileKind;
pub use template::{TemplateError, template_csv, template_xlsx};

use row::RowReader;
use table::{Cell, Row};

/// The largest catalog file accepted, in bytes (20 MB).
pub const MAX_CATALOG_BYTES: usize = 20 * 1024 * 1024;

/// The most data rows one import may hold.
pub const MAX_CATALOG_ROWS: usize = 100_000;

/// How many rows from the top are searched for the header row.
const HEADER_SEARCH_ROWS: usize = 10;

/// An agency that rows may be imported for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyChoice {
    /// Its code.
    pub code: String,
    /// Its full name, e.g. 海盐县财政局.
    pub name: String,
}

/// Whom the rows of a file are imported for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportTarget {
    /// The agency of rows whose 发布机构 is blank.
    pub default_agency: AgencyChoice,
    /// Further agencies a row's 发布机构 may name (empty: only the default).
    pub allowed: Vec<AgencyChoice>,
}

/// A valid data row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogRow {
    /// The row number in the file.
    pub row: usize,
    /// The item to create (status 已发布).
    pub item: NewCatalogItem,
}

/// A catalog file read into valid items and per-row errors.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedCatalog {
    /// CSV or workbook.
    pub kind: CatalogFileKind,
    /// The recognised columns, in file order.
    pub columns: Vec<Column>,
    /// Header cells that name no known column (their values are not imported).
    pub ignored_headers: Vec<String>,
    /// Non-blank data rows in the file.
    pub data_rows: usize,
    /// The rows that can be imported.
    pub rows: Vec<CatalogRow>,
    /// Every problem of the other rows, by row then column.
    pub errors: Vec<RowError>,
}

impl ParsedCatalog {
    /// The number of rows with at least one error.
    pub fn invalid_rows(&self) -> usize {
        let mut rows: Vec<usize> = self.errors.iter().map(|e| e.row).collect();
        rows.dedup();
        rows.len()
    }

    /// The 索引号 given in valid rows (to look up in the database).
    pub fn given_index_numbers(&self) -> Vec<String> {
        self.rows
            .iter()
            .filter_map(|r| r.item.index_no.clone())
            .collect()
    }

    /// Moves the rows whose given 索引号 is in `existing` to the errors.
    pub fn reject_existing(&mut self, existing: &HashSet<String>) {
        if existing.is_empty() {
            return;
        }
        let (clash, keep): (Vec<CatalogRow>, Vec<CatalogRow>) =
            std::mem::take(&mut self.rows).into_iter().partition(|r| {
                r.item
                    .index_no
                    .as_ref()
                    .is_some_and(|n| existing.contains(n))
            });
        self.rows = keep;
        self.errors.extend(clash.into_iter().map(|r| RowError {
            row: r.row,
            column: Column::IndexNo,
            problem: RowProblem::AlreadyExists(r.item.index_no.unwrap_or_default()),
        }));
        self.errors.sort_by_key(|e| (e.row, e.column));
    }

    /// The items of the valid rows.
    pub fn items(&self) -> Vec<NewCatalogItem> {
        self.rows.iter().map(|r| r.item.clone()).collect()
    }
}

/// Reads a catalog file. `file` names it in error messages.
pub fn parse_catalog(
    bytes: &[u8],
    file: &str,
    target: &ImportTarget,
) -> Result<ParsedCatalog, CatalogFileError> {
    if bytes.is_empty() {
        return Err(CatalogFileError::Empty { file: file.into() });
    }
    if bytes.len() > MAX_CATALOG_BYTES {
        return Err(CatalogFileError::TooLarge {
            file: file.into(),
            size: bytes.len(),
            limit: MAX_CATALOG_BYTES,
        });
    }
    let kind = table::detect(bytes, file)?;
    // A bug in a reader dependency must not take the server down.
    let rows = std::panic::catch_unwind(|| match kind {
        CatalogFileKind::Csv => table::csv_rows(bytes, file),
        CatalogFileKind::Spreadsheet => table::spreadsheet_rows(bytes, file),
    })
    .map_err(|_| CatalogFileError::Spreadsheet {
        file: file.into(),
        detail: "文件结构异常，无法读取".into(),
    })??;
    read_rows(kind, &rows, file, target)
}

fn read_rows(
    kind: CatalogFileKind,
    rows: &[Row],
    file: &str,
    target: &ImportTarget,
) -> Result<ParsedCatalog, CatalogFileError> {
    let header_at = rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .position(|r| {
            r.cells
                .iter()
                .filter_map(|c| Column::from_header(&c.text()))
                .any(|c| c == Column::Title)
        })
        .ok_or_else(|| CatalogFileError::NoHeader { file: file.into() })?;
    let header = &rows[header_at];
    let mut positions: HashMap<Column, usize> = HashMap::new();
    let mut columns = Vec::new();
    let mut ignored_headers = Vec::new();
    for (i, cell) in header.cells.iter().enumerate() {
        let text = cell.text();
        match Column::from_header(&text) {
            Some(column) => {
                if let Some(&first) = positions.get(&column) {
                    return Err(CatalogFileError::DuplicateColumn {
                        file: file.into(),
                        column,
                        first: first + 1,
                        second: i + 1,
                    });
                }
                positions.insert(column, i);
                columns.push(column);
            }
            None if !text.is_empty() => ignored_headers.push(text),
            None => {}
        }
    }
    let missing: Vec<Column> = Column::REQUIRED
        .iter()
        .copied()
        .filter(|c| !positions.contains_key(c))
        .collect();
    if !missing.is_empty() {
        return Err(CatalogFileError::MissingColumns {
            file: file.into(),
            missing,
        });
    }
    let data: Vec<&Row> = rows[header_at + 1..]
        .iter()
        .filter(|r| !r.cells.iter().all(Cell::is_blank))
        .collect();
    if data.len() > MAX_CATALOG_ROWS {
        return Err(CatalogFileError::TooManyRows {
            file: file.into(),
            rows: data.len(),
            limit: MAX_CATALOG_ROWS,
        });
    }
    let mut parsed = ParsedCatalog {
        kind,
        columns,
        ignored_headers,
        data_rows: data.len(),
        rows: Vec::with_capacity(data.len()),
        errors: Vec::new(),
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in data {
        let mut reader = RowReader {
            number: row.number,
            cells: &row.cells,
            positions: &positions,
            errors: Vec::new(),
        };
        let item = reader.item(target);
        let mut errors = reader.errors;
        // Invalid rows claim their 索引号 too: fixing them later must not clash.
        let given = positions
            .get(&Column::IndexNo)
            .and_then(|&i| row.cells.get(i))
            .map(Cell::text)
            .filter(|t| !t.is_empty());
        if let Some(index_no) = given {
            if let Some(&first_row) = seen.get(&index_no) {
                errors.push(RowError {
                    row: row.number,
                    column: Column::IndexNo,
                    problem: RowProblem::DuplicateInFile {
                        index_no,
                        first_row,
                    },
                });
            } else {
                seen.insert(index_no, row.number);
            }
        }
        match item {
            Some(item) if errors.is_empty() => parsed.rows.push(CatalogRow {
                row: row.number,
                item,
            }),
            _ => {
                errors.sort_by_key(|e| e.column);
                parsed.errors.extend(errors);
            }
        }
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests;
