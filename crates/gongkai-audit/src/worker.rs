//! The worker pool: parses, checks and writes each report's JSON on `jobs`
//! threads, and hands the results to the calling thread in input order.
//!
//! Workers take files in order but only within a window ahead of the last
//! result written, so the results waiting to be written in order stay few
//! even when one file is slow: memory does not grow with the number of files.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::mpsc;
use std::sync::{Condvar, Mutex, PoisonError};

use gongkai_domain::validate::{Finding, Severity, Summary, validate};
use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::csv_out::FindingsWriter;
use crate::html_out::HtmlRows;
use crate::summary::ReportRow;
use crate::walk::InputFile;
use crate::{AuditError, Progress, write_atomically};

/// Importer notes kept per report for the page (all of them are in the JSON).
const MAX_NOTES_KEPT: usize = 20;

/// One finding, flattened for the CSV and the page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FindingRow {
    pub severity: Severity,
    pub code: &'static str,
    /// Canonical keys of the cells involved, separated by `, `.
    pub cells: String,
    pub expected: Option<Decimal>,
    pub actual: Option<Decimal>,
    pub message: String,
}

impl FindingRow {
    fn of(finding: &Finding) -> FindingRow {
        FindingRow {
            severity: finding.severity,
            code: finding.code.code(),
            cells: finding
                .cells
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            expected: finding.expected,
            actual: finding.actual,
            message: finding.message.clone(),
        }
    }
}

/// What a worker produces for one file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Outcome {
    pub row: ReportRow,
    pub findings: Vec<FindingRow>,
    /// The first importer notes, as “line N: message”.
    pub notes: Vec<String>,
}

impl Outcome {
    fn failed(file: &InputFile, message: String) -> Outcome {
        Outcome {
            row: ReportRow::failed(&file.rel, message),
            findings: Vec::new(),
            notes: Vec::new(),
        }
    }
}

/// What the pool leaves for the final summary files.
pub(crate) struct Collected {
    /// One row per input file, in input order.
    pub rows: Vec<ReportRow>,
    /// The page's table rows, streamed so far; finished by the caller.
    pub html: HtmlRows,
}

/// Processes `files` on `jobs` threads. `findings.csv` is complete when this returns.
pub(crate) fn run(
    files: &[InputFile],
    output: &Path,
    jobs: usize,
    progress: &dyn Progress,
) -> Result<Collected, AuditError> {
    let mut findings = FindingsWriter::create(&output.join("findings.csv"))?;
    let mut html = match HtmlRows::create(&output.join("index.html")) {
        Ok(html) => html,
        Err(e) => {
            findings.discard();
            return Err(e);
        }
    };
    let mut rows = Vec::with_capacity(files.len());
    let dispatch = Dispatch::new((jobs * 16).max(64));
    let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
    let result = std::thread::scope(|scope| {
        for _ in 0..jobs {
            let tx = tx.clone();
            let dispatch = &dispatch;
            scope.spawn(move || {
                while let Some(index) = dispatch.take(files.len()) {
                    if tx
                        .send((index, process_guarded(&files[index], output)))
                        .is_err()
                    {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (index, outcome) in rx.iter() {
            pending.insert(index, outcome);
            while let Some(outcome) = pending.remove(&next) {
                progress.advance(&outcome.row.file);
                if let Err(e) = findings.write(&outcome).and_then(|()| html.write(&outcome)) {
                    dispatch.cancel();
                    return Err(e);
                }
                rows.push(outcome.row);
                next += 1;
            }
            dispatch.written(next);
        }
        Ok(())
    });
    match result.and_then(|()| findings.finish()) {
        Ok(()) => Ok(Collected { rows, html }),
        Err(e) => {
            html.discard();
            Err(e)
        }
    }
}

/// Hands out file indices in order, at most `window` ahead of the last result written.
struct Dispatch {
    state: Mutex<DispatchState>,
    changed: Condvar,
    window: usize,
}

struct DispatchState {
    next: usize,
    written: usize,
    cancelled: bool,
}

impl Dispatch {
    fn new(window: usize) -> Dispatch {
        Dispatch {
            state: Mutex::new(DispatchState {
                next: 0,
                written: 0,
                cancelled: false,
            }),
            changed: Condvar::new(),
            window,
        }
    }

    /// The next file to process, waiting while the window is full; `None` when done.
    fn take(&self, total: usize) -> Option<usize> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if state.cancelled || state.next >= total {
                return None;
            }
            if state.next < state.written + self.window {
                state.next += 1;
                return Some(state.next - 1);
            }
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Records that the results before `written` have been written.
    fn written(&self, written: usize) {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .written = written;
        self.changed.notify_all();
    }

    /// Stops handing out files.
    fn cancel(&self) {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .cancelled = true;
        self.changed.notify_all();
    }
}

/// [`process`], with a panic anywhere turned into a failed file.
fn process_guarded(file: &InputFile, output: &Path) -> Outcome {
    catch_unwind(AssertUnwindSafe(|| process(file, output))).unwrap_or_else(|payload| {
        let detail = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Outcome::failed(
            file,
            format!("{}: 审核时发生内部错误，请报告此文件（{detail}）", file.rel),
        )
    })
}

/// Parses and checks one file and writes its JSON.
fn process(file: &InputFile, output: &Path) -> Outcome {
    let parsed = match gongkai_import::parse_path(&file.path) {
        Ok(parsed) => parsed,
        Err(e) => return Outcome::failed(file, relative_message(&e.to_string(), file)),
    };
    let mut report = parsed.report;
    let found = validate(&report);
    let counts = Summary::of(&found);
    report.findings = Some(serde_json::to_value(&found).unwrap_or(Value::Null));
    if !parsed.notes.is_empty() {
        let notes = parsed
            .notes
            .iter()
            .map(|n| json!({ "line": n.line, "message": n.message }))
            .collect();
        report
            .extra
            .insert("import_notes".into(), Value::Array(notes));
    }
    if let Err(e) = write_atomically(
        &output.join(&file.json_name),
        report.to_json_string().as_bytes(),
    ) {
        return Outcome::failed(file, format!("{}: {e}", file.rel));
    }
    let mut findings: Vec<FindingRow> = found.iter().map(FindingRow::of).collect();
    // Most serious first; the sort is stable, so rule order is kept within a severity.
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    Outcome {
        row: ReportRow::parsed(
            &file.rel,
            &file.json_name,
            &report,
            counts,
            parsed.notes.len(),
        ),
        findings,
        notes: parsed
            .notes
            .iter()
            .take(MAX_NOTES_KEPT)
            .map(ToString::to_string)
            .collect(),
    }
}

/// Import errors name the file by its full path; the summary names it relative to the input.
fn relative_message(message: &str, file: &InputFile) -> String {
    let full = file.path.display().to_string();
    match message.strip_prefix(&full) {
        Some(rest) => format!("{}{rest}", file.rel),
        None => message.to_owned(),
    }
}
