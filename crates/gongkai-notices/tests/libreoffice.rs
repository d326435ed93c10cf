//! Converts notices to PDF with LibreOffice (headless) and checks the text.
//! LibreOffice is required; set `GONGKAI_SKIP_LIBREOFFICE=1` to skip where
//! it cannot be installed. The DOCX and PDF files are kept under
//! `target/tmp/gongkai-notices-libreoffice/` for a look (`pdftoppm -png`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use gongkai_domain::deadline::Outcome;
use gongkai_notices::{NoticeKind, NoticeTemplates, render_docx, render_html};

fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-layout"])
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
fn libreoffice_converts_notices_to_pdf() {
    let Some(soffice) = on_path("soffice").or_else(|| on_path("libreoffice")) else {
        if std::env::var_os("GONGKAI_SKIP_LIBREOFFICE").is_some_and(|v| v == "1") {
            eprintln!("soffice not found; skipped because GONGKAI_SKIP_LIBREOFFICE=1");
            return;
        }
        panic!(
            "LibreOffice (soffice) is required for this test: install it, or set GONGKAI_SKIP_LIBREOFFICE=1"
        );
    };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("gongkai-notices-libreoffice");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");

    let templates = NoticeTemplates::builtin();
    let mut ctx = common::context();
    ctx.outcome = Some(Outcome::DeniedThirdParty);
    ctx.answer.reasons = vec![
        "经查，您申请获取的道路维修养护工程合同结算明细中含有中标企业的工程单价、成本构成等经营信息，属于该企业的商业秘密。".into(),
    ];
    let mut files = Vec::new();
    for kind in [NoticeKind::Answer, NoticeKind::FeeNotice] {
        let file = dir.join(format!("{}.docx", kind.key()));
        std::fs::write(&file, render_docx(kind, &ctx, &templates).expect("renders"))
            .expect("write");
        let html = render_html(kind, &ctx, &templates).expect("renders");
        std::fs::write(dir.join(format!("{}.html", kind.key())), html).expect("write");
        files.push((kind, file));
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
        .args(files.iter().map(|(_, f)| f))
        .status()
        .expect("soffice runs");
    assert!(status.success(), "soffice failed: {status}");

    for (kind, file) in &files {
        let pdf = file.with_extension("pdf");
        let size = std::fs::metadata(&pdf)
            .unwrap_or_else(|e| panic!("{} missing: {e}", pdf.display()))
            .len();
        assert!(size > 5_000, "{} is only {size} bytes", pdf.display());
        let text = pdf_text(&pdf);
        assert!(
            text.contains(kind.document_title()),
            "{kind}: title missing in PDF\n{text}"
        );
        assert!(text.contains("张三"), "{kind}: applicant missing in PDF");
    }
}
