//! Converts a rendered report with the real LibreOffice and reads the PDF's
//! text back with pdftotext. Skipped (with a message) only when
//! GONGKAI_SKIP_LIBREOFFICE=1 and LibreOffice is missing.

use std::process::Command;
use std::sync::Arc;

use gongkai_domain::report::{ApplicantColumn, ApplicationRow, CellKey};
use gongkai_domain::{Report, Section};
use gongkai_pdf::PdfConverter;
use rust_decimal::Decimal;

fn converter() -> Option<PdfConverter> {
    let converter = PdfConverter::detect();
    if converter.is_available() {
        return Some(converter);
    }
    assert!(
        std::env::var("GONGKAI_SKIP_LIBREOFFICE").as_deref() == Ok("1"),
        "LibreOffice (soffice) is required: install it, or set GONGKAI_SKIP_LIBREOFFICE=1"
    );
    None
}

fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test]
async fn a_report_converts_to_a_pdf_with_its_title_and_figures_and_is_cached() {
    let Some(converter) = converter() else { return };
    let converter = Arc::new(converter);
    let mut report = Report::skeleton(Some("海盐县测试局".into()), 2024);
    for col in [ApplicantColumn::NaturalPerson, ApplicantColumn::Total] {
        for row in [
            ApplicationRow::NewReceived,
            ApplicationRow::Granted,
            ApplicationRow::TotalProcessed,
        ] {
            report.set(CellKey::Application(row, col), Some(Decimal::from(4321)));
        }
    }
    report.set_narrative(Section::Problems, "档案数字化进度偏慢。".into());
    let docx = gongkai_render::render(&report, gongkai_render::OutputFormat::Docx).unwrap();

    // Two at once: each has its own profile, so neither blocks the other.
    let (a, b) = tokio::join!(converter.convert(&docx), converter.convert(&docx));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert!(a.starts_with(b"%PDF") && b.starts_with(b"%PDF"));
    let text = pdf_text(&a);
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        flat.contains("海盐县测试局2024年政府信息公开工作年度报告"),
        "{text}"
    );
    assert!(flat.contains("4321"), "{text}");
    assert!(flat.contains("档案数字化进度偏慢"), "{text}");

    let first = converter.pdf_for("v1", &docx).await.unwrap();
    let started = std::time::Instant::now();
    let again = converter.pdf_for("v1", &docx).await.unwrap();
    assert!(
        Arc::ptr_eq(&first, &again),
        "the second download comes from the cache"
    );
    assert!(started.elapsed().as_millis() < 50);
}
