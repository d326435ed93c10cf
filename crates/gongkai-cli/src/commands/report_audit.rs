//! `gongkai report audit`: parse and check a folder of published reports.

use std::path::PathBuf;

use gongkai_audit::{AuditOptions, IndicatifProgress, audit};

use crate::exit::{Failure, Outcome};

/// Audits `input` into `out` and prints a one-paragraph summary.
pub fn run(input: PathBuf, out: PathBuf, jobs: usize) -> Result<Outcome, Failure> {
    if !input.exists() {
        return Err(Failure::BadInput(format!("{} 不存在", input.display())));
    }
    let options = AuditOptions {
        input,
        output: out,
        jobs,
    };
    let progress = IndicatifProgress::new();
    let summary =
        audit(&options, &progress).map_err(|e| Failure::Failed(anyhow::anyhow!("{e}")))?;
    println!(
        "共 {} 个文件：{} 个解析正常，{} 个部分解析，{} 个解析失败，{} 个跳过（不支持的格式）；\
         {} 份报告有错误（共 {} 个错误，{} 个警告）。结果在 {}（打开 index.html 查看）",
        summary.files,
        summary.ok,
        summary.partial,
        summary.failed,
        summary.skipped,
        summary.reports_with_errors,
        summary.errors,
        summary.warnings,
        summary.output.display()
    );
    for failure in &summary.failures {
        eprintln!("解析失败：{}：{}", failure.file, failure.message);
    }
    Ok(Outcome::Clean)
}
