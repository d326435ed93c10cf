//! Converts the DOCX and XLSX to PDF with LibreOffice (headless) and checks the
//! text of the PDFs. LibreOffice is required (CI installs it); set
//! `GONGKAI_SKIP_LIBREOFFICE=1` to skip where it cannot be installed.
//! The PDFs are kept under `target/tmp/gongkai-render-libreoffice/` for a look.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use gongkai_domain::Section;
use gongkai_render::{OutputFormat, render};

fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

fn soffice() -> Option<PathBuf> {
    on_path("soffice").or_else(|| on_path("libreoffice"))
}

fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(
        output.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn libreoffice_converts_docx_and_xlsx_to_pdf() {
    let Some(soffice) = soffice() else {
        if std::env::var_os("GONGKAI_SKIP_LIBREOFFICE").is_some_and(|v| v == "1") {
            eprintln!("soffice not found; skipped because GONGKAI_SKIP_LIBREOFFICE=1");
            return;
        }
        panic!(
            "LibreOffice (soffice) is required for this test: install it, or set GONGKAI_SKIP_LIBREOFFICE=1"
        );
    };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("gongkai-render-libreoffice");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");

    let mut report = common::corpus_report("huaian-city-gov-2024");
    report.set_narrative(
        Section::Overview,
        "（一）主动公开\n全年主动公开政府信息，按照《条例》要求做好各项工作。\n（二）依申请公开\n依法办理政府信息公开申请。".into(),
    );
    let mut files = Vec::new();
    for format in [OutputFormat::Docx, OutputFormat::Xlsx] {
        let file = dir.join(format!("report-{0}.{0}", format.extension()));
        std::fs::write(&file, render(&report, format).expect("renders")).expect("write");
        files.push(file);
    }
    let profile = dir.join("profile");
    let status = Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&dir)
        .args(&files)
        .status()
        .expect("soffice runs");
    assert!(status.success(), "soffice failed: {status}");

    for name in ["report-docx", "report-xlsx"] {
        let pdf = dir.join(format!("{name}.pdf"));
        let size = std::fs::metadata(&pdf)
            .unwrap_or_else(|e| panic!("{} missing: {e}", pdf.display()))
            .len();
        assert!(size > 5_000, "{} is only {size} bytes", pdf.display());
        let text = pdf_text(&pdf);
        assert!(
            text.contains("本年新收政府信息公开申请数量"),
            "{name}: table 三 label missing in PDF text"
        );
        assert!(
            text.contains("96171.6"),
            "{name}: money value missing in PDF text"
        );
        assert!(
            text.contains("351"),
            "{name}: review total missing in PDF text"
        );
    }
}
