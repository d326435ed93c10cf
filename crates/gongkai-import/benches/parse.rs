//! Parse + validate per input kind: what `gongkai report parse --findings`
//! and every file of `gongkai report audit` cost.
//!
//! `cargo bench -p gongkai-import --bench parse -- --warm-up-time 1 --measurement-time 3`
//!
//! One iteration parses and validates every input of a kind (the crate's own
//! fixtures and, when present, the shared corpus); the throughput is reported
//! both as reports/s (elements) and MB/s (bytes). PDF includes running
//! `pdftotext`, which dominates its time.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// The input kinds, with the file-name endings that belong to each.
const KINDS: [(&str, &[&str]); 5] = [
    ("text", &[".txt"]),
    ("markdown", &[".md"]),
    ("html", &[".html", ".htm"]),
    ("docx", &[".docx"]),
    ("pdf", &[".pdf"]),
];

/// Every input of the directories whose name ends with one of `endings`.
fn inputs(endings: &[&str]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in [FIXTURES, CORPUS] {
        let Ok(entries) = std::fs::read_dir(Path::new(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            if endings.iter().any(|e| name.ends_with(e))
                && let Ok(bytes) = std::fs::read(&path)
            {
                out.push((name, bytes));
            }
        }
    }
    out
}

/// Parses and validates every input; the number of findings, so nothing is optimised away.
fn parse_and_validate(inputs: &[(String, Vec<u8>)]) -> usize {
    inputs
        .iter()
        .filter_map(|(name, bytes)| gongkai_import::parse_bytes(bytes, Some(name)).ok())
        .map(|parsed| gongkai_domain::validate::validate(&parsed.report).len())
        .sum()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_validate");
    for (kind, endings) in KINDS {
        let inputs = inputs(endings);
        if inputs.is_empty() {
            eprintln!("no {kind} inputs found; skipped");
            continue;
        }
        let parsed = inputs
            .iter()
            .filter(|(name, bytes)| gongkai_import::parse_bytes(bytes, Some(name)).is_ok())
            .count();
        assert_eq!(parsed, inputs.len(), "every {kind} input must parse");
        let bytes: usize = inputs.iter().map(|(_, b)| b.len()).sum();
        group.throughput(Throughput::ElementsAndBytes {
            elements: inputs.len() as u64,
            bytes: bytes as u64,
        });
        // pdftotext takes tens of milliseconds per file: fewer samples.
        group.sample_size(if kind == "pdf" { 10 } else { 50 });
        group.bench_function(kind, |b| b.iter(|| parse_and_validate(black_box(&inputs))));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
