//! Inputs found by fuzzing (`fuzz/`, see its README) and hand-made hostile
//! inputs: none may panic, overflow the stack or take long.
//!
//! `parse_bytes` turns a panic into `ImportError::Internal` (after the panic
//! hook has printed it), so asserting that no input yields `Internal` is
//! asserting that none panics.

use std::path::Path;
use std::time::{Duration, Instant};

use gongkai_import::{ImportError, parse_bytes};

const REGRESSIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-regressions");

/// Parses `bytes` as `name`; fails on an internal error (a caught panic) or
/// when parsing takes more than `limit`.
fn survives(bytes: &[u8], name: &str, limit: Duration) -> Result<(), String> {
    let start = Instant::now();
    let result = parse_bytes(bytes, Some(name));
    let took = start.elapsed();
    if let Err(ImportError::Internal { .. }) = result {
        return Err(format!("{name}: panicked (ImportError::Internal)"));
    }
    if took > limit {
        return Err(format!("{name}: took {took:?}"));
    }
    Ok(())
}

#[test]
fn every_fuzz_regression_parses_without_panicking() {
    let dir = Path::new(REGRESSIONS);
    let mut failures = Vec::new();
    let mut count = 0;
    for target in ["parse_text", "parse_html", "parse_docx"] {
        let entries = std::fs::read_dir(dir.join(target))
            .unwrap_or_else(|e| panic!("{}/{target}: {e}", dir.display()));
        for entry in entries.flatten() {
            let bytes = std::fs::read(entry.path()).unwrap_or_default();
            // The fuzz targets read each input under these names.
            let names: &[&str] = match target {
                "parse_text" => &["fuzz.txt", "fuzz.md"],
                "parse_html" => &["fuzz.html"],
                _ => &["fuzz.docx"],
            };
            for name in names {
                count += 1;
                let label = format!("{target}/{} as {name}", entry.file_name().to_string_lossy());
                if let Err(e) = survives(&bytes, &label, Duration::from_secs(5)) {
                    failures.push(e);
                }
            }
        }
    }
    assert!(count > 0, "no regression inputs in {}", dir.display());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn deeply_nested_html_does_not_overflow_the_stack() {
    let depth = 50_000;
    let mut html = String::from("<html><body>");
    for _ in 0..depth {
        html.push_str("<div><table><tr><td>");
    }
    html.push_str("规章 1");
    // Run on a thread with a small stack, as a worker pool would.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || survives(html.as_bytes(), "deep.html", Duration::from_secs(20)));
    let result = handle
        .unwrap_or_else(|e| panic!("cannot spawn: {e}"))
        .join()
        .unwrap_or_else(|_| Err("the parser thread panicked".to_owned()));
    assert_eq!(result, Ok(()));
}

#[test]
fn long_lines_of_cells_stay_linear() {
    // 200,000 cells on one line, half of them units to merge into the values.
    let line = "1\t元\t".repeat(100_000);
    let text = format!("某局2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n{line}\n");
    assert_eq!(
        survives(text.as_bytes(), "long.txt", Duration::from_secs(5)),
        Ok(())
    );
    let layout = "1  元  ".repeat(100_000);
    let text = format!(
        "某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n{layout}\n"
    );
    assert_eq!(
        survives(text.as_bytes(), "layout.txt", Duration::from_secs(5)),
        Ok(())
    );
}

#[test]
fn huge_spans_in_a_small_page_stay_small() {
    // Each cell would cover 200 × 200 grid positions.
    let cell = "<td rowspan=200 colspan=200>1</td>";
    let rows = format!("<tr>{}</tr>", cell.repeat(500)).repeat(200);
    let html = format!("<html><body><table>{rows}</table></body></html>");
    assert_eq!(
        survives(html.as_bytes(), "spans.html", Duration::from_secs(10)),
        Ok(())
    );
}
