//! `summary.xlsx`: the summary as a worksheet with numbers as numbers, a
//! frozen header and a filter on every column.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::AuditError;
use crate::csv_out::SUMMARY_HEADER;
use crate::summary::{KeyTotals, ParseStatus, ReportRow};

/// Column widths (in characters) of the leading text columns.
const WIDTHS: [f64; 6] = [40.0, 30.0, 8.0, 9.0, 10.0, 40.0];

/// Writes `summary.xlsx` (through a temporary file): one row per input file,
/// in input order. The sheet is written in constant-memory mode (rows go to a
/// temporary file as they are written), so memory does not grow with the
/// number of reports.
pub(crate) fn write_summary(path: &Path, rows: &[ReportRow]) -> Result<(), AuditError> {
    let tmp = crate::temp_path(path);
    let result = File::create(&tmp)
        .map_err(XlsxError::from)
        .and_then(|file| write_workbook(rows, BufWriter::new(file)))
        .map_err(|source| AuditError::Xlsx {
            path: path.to_path_buf(),
            source,
        })
        .and_then(|()| {
            std::fs::rename(&tmp, path).map_err(|source| AuditError::Output {
                path: path.to_path_buf(),
                source,
            })
        });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn write_workbook(rows: &[ReportRow], writer: BufWriter<File>) -> Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name("报告汇总")?;
    let bold = Format::new().set_bold();
    let headers: Vec<&str> = SUMMARY_HEADER
        .iter()
        .chain(KeyTotals::HEADERS.iter())
        .copied()
        .collect();
    for (col, header) in (0u16..).zip(&headers) {
        sheet.write_string_with_format(0, col, *header, &bold)?;
        let width = WIDTHS.get(usize::from(col)).copied().unwrap_or(12.0);
        sheet.set_column_width(col, width)?;
    }
    for (r, row) in (1u32..).zip(rows) {
        sheet.write_string(r, 0, &row.file)?;
        sheet.write_string(r, 1, row.agency.as_deref().unwrap_or_default())?;
        if let Some(year) = row.year {
            sheet.write_number(r, 2, year)?;
        }
        sheet.write_string(r, 3, row.format.unwrap_or_default())?;
        sheet.write_string(r, 4, row.status.label())?;
        sheet.write_string(r, 5, &row.message)?;
        if row.status != ParseStatus::Failed {
            let counts = [
                row.counts.errors,
                row.counts.warnings,
                row.counts.notices,
                row.notes,
            ];
            for (col, n) in (6u16..).zip(counts) {
                sheet.write_number(r, col, n as f64)?;
            }
        }
        sheet.write_string(r, 10, row.json_name.as_deref().unwrap_or_default())?;
        let first_total = SUMMARY_HEADER.len() as u16;
        for (col, value) in (first_total..).zip(row.totals.values()) {
            if let Some(number) = value.and_then(|v| v.to_f64()) {
                sheet.write_number(r, col, number)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_col = headers.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, rows.len() as u32, last_col)?;
    workbook.save_to_writer(writer)
}
