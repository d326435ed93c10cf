//! Round trips through other programs' output: reports written as DOCX by
//! `gongkai-render` and converted to PDF by LibreOffice read back to the same
//! cells. The PDF test needs `soffice` on PATH (set
//! `GONGKAI_SKIP_LIBREOFFICE=1` to skip it where LibreOffice is not installed).

use std::path::{Path, PathBuf};
use std::process::Command;

use gongkai_domain::Report;
use gongkai_import::{InputKind, ParsedReport, parse_bytes};
use gongkai_render::OutputFormat;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn expected_reports(dir: &str) -> Vec<(String, Report)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {dir}: {e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let report =
                Report::from_json_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path.display().to_string(), report)
        })
        .collect()
}

/// The differences between the cells, identity and format of two reports.
fn differences(want: &Report, got: &Report) -> Vec<String> {
    let mut diffs = Vec::new();
    if (want.agency.as_deref(), want.year, want.format)
        != (got.agency.as_deref(), got.year, got.format)
    {
        diffs.push(format!(
            "identity: expected {:?} {} {:?}, got {:?} {} {:?}",
            want.agency, want.year, want.format, got.agency, got.year, got.format
        ));
    }
    for (key, cell) in want.cells() {
        if got.cell(key) != Some(cell) {
            diffs.push(format!("{key}: expected {cell:?}, got {:?}", got.cell(key)));
        }
    }
    for (key, cell) in got.cells() {
        if want.cell(key).is_none() {
            diffs.push(format!("{key}: not expected, got {cell:?}"));
        }
    }
    diffs
}

fn parsed(bytes: &[u8], name: &str) -> ParsedReport {
    parse_bytes(bytes, Some(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn reports_rendered_to_docx_read_back_to_the_same_cells() {
    let mut reports = expected_reports(CORPUS);
    reports.extend(expected_reports(FIXTURES));
    assert!(reports.len() >= 6, "corpus and fixtures missing");
    let mut failures = Vec::new();
    for (name, report) in reports {
        let docx = gongkai_render::render(&report, OutputFormat::Docx)
            .unwrap_or_else(|e| panic!("{name}: render failed: {e}"));
        let back = parsed(&docx, "roundtrip.docx");
        assert_eq!(back.kind, InputKind::Docx);
        let diffs = differences(&report, &back.report);
        if !diffs.is_empty() {
            failures.push(format!("{name}:\n    {}", diffs.join("\n    ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Converts `docx` to PDF with LibreOffice in a fresh profile; `None` when
/// `soffice` is absent and `GONGKAI_SKIP_LIBREOFFICE=1`.
fn libreoffice_pdf(docx: &[u8]) -> Option<Vec<u8>> {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
    let input = dir.path().join("report.docx");
    std::fs::write(&input, docx).unwrap_or_else(|e| panic!("cannot write DOCX: {e}"));
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("profile").display()
    );
    let status = Command::new("soffice")
        .arg(&profile)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&input)
        .output();
    match status {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if std::env::var("GONGKAI_SKIP_LIBREOFFICE").as_deref() == Ok("1") {
                eprintln!("soffice not found; skipped (GONGKAI_SKIP_LIBREOFFICE=1)");
                return None;
            }
            panic!(
                "soffice (LibreOffice) is not on PATH: install it, or set GONGKAI_SKIP_LIBREOFFICE=1"
            );
        }
        Err(e) => panic!("cannot run soffice: {e}"),
        Ok(out) => assert!(
            out.status.success(),
            "soffice failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
    }
    let pdf = dir.path().join("report.pdf");
    Some(std::fs::read(&pdf).unwrap_or_else(|e| panic!("{}: {e}", pdf.display())))
}

#[test]
fn docx_converted_to_pdf_by_libreoffice_reads_back_to_the_same_cells() {
    for name in ["county-education-2023", "city-natural-resources-2020"] {
        let dir = Path::new(FIXTURES);
        let docx = std::fs::read(dir.join(format!("{name}.docx")))
            .unwrap_or_else(|e| panic!("{name}.docx: {e}"));
        let expected = std::fs::read_to_string(dir.join(format!("{name}.expected.json")))
            .map_err(|e| e.to_string())
            .and_then(|t| Report::from_json_str(&t).map_err(|e| e.to_string()))
            .unwrap_or_else(|e| panic!("{name}.expected.json: {e}"));
        let Some(pdf) = libreoffice_pdf(&docx) else {
            return;
        };
        let back = parsed(&pdf, &format!("{name}.pdf"));
        assert_eq!(back.kind, InputKind::Pdf);
        let diffs = differences(&expected, &back.report);
        assert!(diffs.is_empty(), "{name}:\n    {}", diffs.join("\n    "));
    }
}
