//! `gongkai report parse`: a published report as canonical JSON.

use std::path::Path;

use gongkai_domain::validate::{Summary, validate};
use serde_json::{Value, json};

use crate::exit::{Failure, Outcome};
use crate::output::{write_atomically, write_stdout};

/// Parses `file`; with `findings`, checks it too and attaches the findings.
pub fn run(file: &Path, findings: bool, output: Option<&Path>) -> Result<Outcome, Failure> {
    let parsed = gongkai_import::parse_path(file).map_err(|e| Failure::BadInput(e.to_string()))?;
    let mut report = parsed.report;
    if !parsed.notes.is_empty() {
        let notes: Vec<Value> = parsed
            .notes
            .iter()
            .map(|n| json!({ "line": n.line, "message": n.message }))
            .collect();
        report
            .extra
            .insert("import_notes".into(), Value::Array(notes));
    }
    let mut outcome = Outcome::Clean;
    if findings {
        let found = validate(&report);
        if Summary::of(&found).errors > 0 {
            outcome = Outcome::ReportHasErrors;
        }
        report.findings = Some(serde_json::to_value(&found).map_err(anyhow::Error::from)?);
    }
    let json = report.to_json_string();
    match output {
        Some(path) => write_atomically(path, json.as_bytes())?,
        None => write_stdout(json.as_bytes())?,
    }
    Ok(outcome)
}
