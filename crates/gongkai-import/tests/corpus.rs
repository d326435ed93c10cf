//! Golden tests: every report of the shared corpus (and the crate's own
//! fixtures) must reproduce every cell of its `NAME.expected.json`: the same
//! keys present, the same keys absent, the same nulls and values.

use std::path::{Path, PathBuf};

use gongkai_import::parse_path;
use serde_json::Value;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const INPUT_EXTENSIONS: [&str; 6] = ["txt", "md", "pdf", "html", "docx", "htm"];

/// Every key path of the compared part of a report JSON, with its value
/// (`"applications.other.total" → null`).
fn cells(json: &Value) -> Vec<(String, Value)> {
    let mut out = vec![
        ("agency".to_owned(), json["agency"].clone()),
        ("year".to_owned(), json["year"].clone()),
        ("format".to_owned(), json["format"].clone()),
    ];
    for table in ["proactive", "applications", "reviews"] {
        let Some(rows) = json[table].as_object() else {
            out.push((table.to_owned(), Value::Null));
            continue;
        };
        for (row, cols) in rows {
            for (col, value) in cols.as_object().into_iter().flatten() {
                out.push((format!("{table}.{row}.{col}"), value.clone()));
            }
        }
    }
    out
}

fn same_value(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        _ => a == b,
    }
}

/// Compares one input with its expected JSON; returns (matched, total, differences).
fn compare(input: &Path, expected_path: &Path) -> (usize, usize, Vec<String>) {
    let expected: Value =
        match std::fs::read_to_string(expected_path).map(|t| serde_json::from_str(&t)) {
            Ok(Ok(v)) => v,
            other => panic!("cannot read {}: {other:?}", expected_path.display()),
        };
    let parsed = match parse_path(input) {
        Ok(p) => p,
        Err(e) => {
            return (
                0,
                cells(&expected).len(),
                vec![format!("parse failed: {e}")],
            );
        }
    };
    let actual_json = parsed.report.to_json_value();
    let actual: std::collections::BTreeMap<String, Value> =
        cells(&actual_json).into_iter().collect();
    let expected_cells = cells(&expected);
    let mut diffs = Vec::new();
    let mut matched = 0;
    for (key, want) in &expected_cells {
        match actual.get(key) {
            Some(got) if same_value(got, want) => matched += 1,
            Some(got) => diffs.push(format!("{key}: expected {want}, got {got}")),
            None => diffs.push(format!("{key}: expected {want}, missing")),
        }
    }
    let expected_keys: std::collections::BTreeSet<&String> =
        expected_cells.iter().map(|(k, _)| k).collect();
    for (key, got) in &actual {
        if !expected_keys.contains(key) {
            diffs.push(format!("{key}: not expected, got {got}"));
        }
    }
    if !diffs.is_empty() {
        for note in &parsed.notes {
            diffs.push(format!("  note: {note}"));
        }
    }
    (matched, expected_cells.len(), diffs)
}

fn cases(dir: &str) -> Vec<(PathBuf, PathBuf)> {
    let dir = Path::new(dir);
    assert!(
        dir.is_dir(),
        "corpus directory {} is missing: the golden tests need shared/corpus beside the repo",
        dir.display()
    );
    let mut cases = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for expected in entries {
        let Some(name) = expected
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".expected.json"))
        else {
            continue;
        };
        let input = INPUT_EXTENSIONS
            .iter()
            .map(|ext| dir.join(format!("{name}.{ext}")))
            .find(|p| p.is_file());
        let input = input.unwrap_or_else(|| panic!("no input file for {}", expected.display()));
        cases.push((input, expected));
    }
    cases
}

fn check(dir: &str, filter: &dyn Fn(&Path) -> bool) {
    let cases: Vec<_> = cases(dir)
        .into_iter()
        .filter(|(input, _)| filter(input))
        .collect();
    assert!(!cases.is_empty(), "no cases in {dir}");
    let mut failures = Vec::new();
    for (input, expected) in cases {
        let (matched, total, diffs) = compare(&input, &expected);
        let name = input
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_owned();
        eprintln!("{name}: {matched}/{total} cells");
        if !diffs.is_empty() {
            failures.push(format!(
                "{name}: {matched}/{total} cells\n    {}",
                diffs.join("\n    ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "cells differ:\n{}",
        failures.join("\n")
    );
}

fn has_ext(path: &Path, exts: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.contains(&e))
}

#[test]
fn corpus_text_reports_match_expected_cells() {
    check(CORPUS, &|p| has_ext(p, &["txt", "md"]));
}

#[test]
fn corpus_pdf_reports_match_expected_cells() {
    if std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_err()
    {
        panic!("pdftotext (poppler-utils) is not installed: the PDF golden tests need it");
    }
    check(CORPUS, &|p| has_ext(p, &["pdf"]));
}

#[test]
fn own_fixtures_match_expected_cells() {
    check(FIXTURES, &|_| true);
}
