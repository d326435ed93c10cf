//! Audits a folder of published annual reports (政府信息公开工作年度报告).
//!
//! [`audit`] walks the input, parses every supported file with
//! `gongkai-import`, checks it with `gongkai_domain::validate`, and writes into
//! the output folder:
//!
//! - one canonical JSON per report (`<relative path, / → __>.json`) with its
//!   `findings` and the importer's notes under `extra.import_notes`;
//! - `summary.csv` and `summary.xlsx`: one row per input file;
//! - `findings.csv`: one row per finding;
//! - `index.html`: a self-contained page (inline CSS, JS and the vendored
//!   ECharts) with a sortable table, each report's findings and charts.
//!
//! Architecture invariant: memory stays bounded whatever the number of files.
//! Reports are parsed by a pool of worker threads that write each JSON as soon
//! as it exists; only a small summary row per file is kept until the end.
//! `findings.csv` and the page's table rows are streamed to temporary files
//! in input order (a bounded reorder window keeps the order deterministic) and
//! moved into place when complete. A file that fails to parse, or makes the
//! parser panic, is recorded as failed and the audit goes on.

mod csv_out;
mod html_out;
mod progress;
mod summary;
mod walk;
mod worker;
mod xlsx_out;

use std::path::{Path, PathBuf};

pub use progress::{IndicatifProgress, NoProgress, Progress};
pub use summary::ParseStatus;
pub use walk::SUPPORTED_EXTENSIONS;

/// What to audit and where to write the results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditOptions {
    /// A folder (walked recursively) or a single report file.
    pub input: PathBuf,
    /// The output folder; created when missing. Existing files of the same
    /// names are replaced.
    pub output: PathBuf,
    /// Number of worker threads; 0 means one per available core.
    pub jobs: usize,
}

/// A file that could not be read as a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedFile {
    /// The file's path relative to the input folder.
    pub file: String,
    /// Why it failed, in Chinese.
    pub message: String,
}

/// The outcome of an audit, for the command line to print.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AuditSummary {
    /// Files with a supported extension that were audited.
    pub files: usize,
    /// Reports read completely.
    pub ok: usize,
    /// Reports read with at least one of the three tables missing.
    pub partial: usize,
    /// Files that could not be read as a report (errors and panics).
    pub failed: usize,
    /// Files skipped because their extension is not supported.
    pub skipped: usize,
    /// Reports with at least one error-severity finding.
    pub reports_with_errors: usize,
    /// Error-severity findings over all reports.
    pub errors: usize,
    /// Warning-severity findings over all reports.
    pub warnings: usize,
    /// Notice-severity findings over all reports.
    pub notices: usize,
    /// The failed files with their messages, in input order.
    pub failures: Vec<FailedFile>,
    /// The output folder.
    pub output: PathBuf,
}

/// Why an audit as a whole could not be carried out. Problems with single
/// input files are never an `AuditError`: they are counted as failures.
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    /// The input path does not exist or cannot be read.
    #[error("无法读取输入 {path}：{source}")]
    Input {
        /// The input path.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// An output file or the output folder could not be written.
    #[error("无法写入输出 {path}：{source}")]
    Output {
        /// The file or folder being written.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The CSV writer failed.
    #[error("无法写入 CSV 文件 {path}：{source}")]
    Csv {
        /// The CSV file.
        path: PathBuf,
        /// The writer's error.
        source: csv::Error,
    },
    /// The XLSX writer failed.
    #[error("无法写入 Excel 文件 {path}：{source}")]
    Xlsx {
        /// The XLSX file.
        path: PathBuf,
        /// The writer's error.
        source: rust_xlsxwriter::XlsxError,
    },
}

/// Audits every supported file under `options.input` and writes the results
/// into `options.output`, reporting progress per file.
///
/// Supported extensions are [`SUPPORTED_EXTENSIONS`] (case-insensitive);
/// other files are skipped and counted. Returns an error only when the
/// input cannot be read at all or an output cannot be written.
pub fn audit(options: &AuditOptions, progress: &dyn Progress) -> Result<AuditSummary, AuditError> {
    let output = options.output.as_path();
    std::fs::create_dir_all(output).map_err(|source| AuditError::Output {
        path: output.to_path_buf(),
        source,
    })?;
    let inputs = walk::walk(&options.input, output)?;
    let jobs = effective_jobs(options.jobs, inputs.files.len());
    progress.start(inputs.files.len());
    let collected = worker::run(&inputs.files, output, jobs, progress);
    progress.finish();
    let collected = collected?;
    let summary = summary::tally(&collected.rows, inputs.skipped, output);
    csv_out::write_summary(&output.join("summary.csv"), &collected.rows)?;
    xlsx_out::write_summary(&output.join("summary.xlsx"), &collected.rows)?;
    let charts = summary::ChartData::of(&collected.rows);
    collected
        .html
        .finish(&output.join("index.html"), &summary, &charts)?;
    Ok(summary)
}

fn effective_jobs(requested: usize, files: usize) -> usize {
    let jobs = if requested == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        requested
    };
    jobs.clamp(1, files.max(1))
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), AuditError> {
    let tmp = temp_path(path);
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    result.map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        AuditError::Output {
            path: path.to_path_buf(),
            source,
        }
    })
}

/// The temporary name used while `path` is being written: `.<name>.tmp` beside it.
pub(crate) fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.tmp"))
}
