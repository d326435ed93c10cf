//! Helpers shared by the integration tests: the corpus of real reports.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use gongkai_domain::Report;

/// `../shared/corpus`, next to the project. Tests need it: CI always has it.
pub fn corpus_dir() -> PathBuf {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus"
    ))
    .to_path_buf()
}

/// Every `*.expected.json` of the corpus as (name, report), sorted by name.
pub fn corpus() -> Vec<(String, Report)> {
    let dir = corpus_dir();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "the report corpus is required at {} (../shared/corpus beside the project): {e}",
            dir.display()
        )
    });
    let mut reports: Vec<(String, Report)> = entries
        .map(|entry| entry.expect("readable corpus entry").path())
        .filter_map(|path| {
            let name = path
                .file_name()?
                .to_str()?
                .strip_suffix(".expected.json")?
                .to_owned();
            let text = std::fs::read_to_string(&path).expect("readable corpus file");
            let report =
                Report::from_json_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            Some((name, report))
        })
        .collect();
    reports.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(
        !reports.is_empty(),
        "no *.expected.json in the report corpus at {}",
        dir.display()
    );
    reports
}

/// One corpus report by name.
pub fn corpus_report(name: &str) -> Report {
    corpus()
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, r)| r)
        .unwrap_or_else(|| panic!("corpus report {name}"))
}
