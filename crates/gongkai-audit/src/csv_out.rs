//! `summary.csv` and `findings.csv`: UTF-8 with a byte-order mark, so that
//! Excel shows the Chinese text correctly when the file is opened directly.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::AuditError;
use crate::summary::{KeyTotals, ParseStatus, ReportRow, decimal_text};
use crate::worker::Outcome;

/// The UTF-8 byte-order mark.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// Header of `findings.csv`.
const FINDINGS_HEADER: [&str; 9] = [
    "文件",
    "机关",
    "年度",
    "严重程度",
    "代码",
    "单元格",
    "应为",
    "实际",
    "说明",
];

/// Header of `summary.csv` (and `summary.xlsx`) before the key totals.
pub(crate) const SUMMARY_HEADER: [&str; 11] = [
    "文件",
    "机关",
    "年度",
    "格式",
    "解析状态",
    "解析信息",
    "错误数",
    "警告数",
    "提示数",
    "导入说明数",
    "JSON 文件",
];

/// Streams `findings.csv` into a temporary file, renamed into place by [`FindingsWriter::finish`].
pub(crate) struct FindingsWriter {
    writer: csv::Writer<BufWriter<File>>,
    tmp: PathBuf,
    path: PathBuf,
}

impl FindingsWriter {
    /// Creates the temporary file and writes the header.
    pub fn create(path: &Path) -> Result<FindingsWriter, AuditError> {
        let tmp = crate::temp_path(path);
        let output_error = |source| AuditError::Output {
            path: path.to_path_buf(),
            source,
        };
        let mut file = BufWriter::new(File::create(&tmp).map_err(output_error)?);
        file.write_all(BOM).map_err(output_error)?;
        let mut writer = csv::Writer::from_writer(file);
        writer
            .write_record(FINDINGS_HEADER)
            .map_err(|source| AuditError::Csv {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(FindingsWriter {
            writer,
            tmp,
            path: path.to_path_buf(),
        })
    }

    /// Appends the findings of one report.
    pub fn write(&mut self, outcome: &Outcome) -> Result<(), AuditError> {
        let row = &outcome.row;
        let agency = row.agency.as_deref().unwrap_or_default();
        let year = row.year.map(|y| y.to_string()).unwrap_or_default();
        for finding in &outcome.findings {
            let record = [
                row.file.as_str(),
                agency,
                &year,
                finding.severity.label(),
                finding.code,
                &finding.cells,
                &decimal_text(finding.expected),
                &decimal_text(finding.actual),
                &finding.message,
            ];
            self.writer
                .write_record(record)
                .map_err(|source| AuditError::Csv {
                    path: self.path.clone(),
                    source,
                })?;
        }
        Ok(())
    }

    /// Flushes the file and renames it into place.
    pub fn finish(self) -> Result<(), AuditError> {
        let FindingsWriter { writer, tmp, path } = self;
        let output_error = |source| AuditError::Output {
            path: path.clone(),
            source,
        };
        let file = writer
            .into_inner()
            .map_err(|e| output_error(e.into_error()))?;
        let file = file
            .into_inner()
            .map_err(|e| output_error(e.into_error()))?;
        file.sync_all().map_err(output_error)?;
        std::fs::rename(&tmp, &path).map_err(output_error)
    }

    /// Removes the temporary file after a failed audit.
    pub fn discard(self) {
        let _ = std::fs::remove_file(&self.tmp);
    }
}

/// Writes `summary.csv` (through a temporary file): one row per input file, in input order.
pub(crate) fn write_summary(path: &Path, rows: &[ReportRow]) -> Result<(), AuditError> {
    let tmp = crate::temp_path(path);
    let result = write_summary_to(&tmp, path, rows).and_then(|()| {
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

fn write_summary_to(tmp: &Path, path: &Path, rows: &[ReportRow]) -> Result<(), AuditError> {
    let output_error = |source| AuditError::Output {
        path: path.to_path_buf(),
        source,
    };
    let csv_error = |source| AuditError::Csv {
        path: path.to_path_buf(),
        source,
    };
    let mut file = BufWriter::new(File::create(tmp).map_err(output_error)?);
    file.write_all(BOM).map_err(output_error)?;
    let mut writer = csv::Writer::from_writer(file);
    writer
        .write_record(SUMMARY_HEADER.iter().chain(KeyTotals::HEADERS.iter()))
        .map_err(csv_error)?;
    for row in rows {
        writer
            .write_record(summary_record(row))
            .map_err(csv_error)?;
    }
    let file = writer
        .into_inner()
        .map_err(|e| output_error(e.into_error()))?;
    file.into_inner()
        .map_err(|e| output_error(e.into_error()))?
        .sync_all()
        .map_err(output_error)
}

/// The text of one summary row, in the order of the header.
pub(crate) fn summary_record(row: &ReportRow) -> Vec<String> {
    let mut record = vec![
        row.file.clone(),
        row.agency.clone().unwrap_or_default(),
        row.year.map(|y| y.to_string()).unwrap_or_default(),
        row.format.unwrap_or_default().to_owned(),
        row.status.label().to_owned(),
        row.message.clone(),
    ];
    // A file that was not read has no counts, which is not the same as none found.
    let counts = [
        row.counts.errors,
        row.counts.warnings,
        row.counts.notices,
        row.notes,
    ];
    record.extend(counts.iter().map(|n| {
        if row.status == ParseStatus::Failed {
            String::new()
        } else {
            n.to_string()
        }
    }));
    record.push(row.json_name.clone().unwrap_or_default());
    record.extend(row.totals.values().into_iter().map(decimal_text));
    record
}
