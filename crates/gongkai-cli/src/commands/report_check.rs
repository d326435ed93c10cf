//! `gongkai report check`: every consistency rule, findings for people or tools.

use std::path::Path;

use gongkai_domain::Report;
use gongkai_domain::validate::{Finding, Summary, validate, validate_with_previous};
use serde_json::json;

use crate::cli::FindingsFormat;
use crate::exit::{Failure, Outcome};
use crate::output::write_stdout;

/// Checks the report (and the previous year's, when given) and prints the findings.
pub fn run(
    file: &Path,
    previous: Option<&Path>,
    format: FindingsFormat,
) -> Result<Outcome, Failure> {
    let report = super::source::read_report(file)?;
    let findings = match previous {
        Some(path) => validate_with_previous(&report, &super::source::read_report(path)?),
        None => validate(&report),
    };
    let summary = Summary::of(&findings);
    let text = match format {
        FindingsFormat::Text => text_output(&report, &findings, summary),
        FindingsFormat::Json => json_output(file, &report, &findings, summary),
    };
    write_stdout(text.as_bytes())?;
    Ok(if summary.errors > 0 {
        Outcome::ReportHasErrors
    } else {
        Outcome::Clean
    })
}

fn title(report: &Report) -> String {
    format!(
        "{}{}年政府信息公开工作年度报告（{}，{}）",
        report.agency.as_deref().unwrap_or("（未署名机关）"),
        report.year,
        report.format.key(),
        report.format.label()
    )
}

fn text_output(report: &Report, findings: &[Finding], summary: Summary) -> String {
    let mut out = format!("{}\n", title(report));
    for finding in findings {
        out.push_str(&format!(
            "{} [{}] {}\n",
            finding.severity.label(),
            finding.code.code(),
            finding.message
        ));
        if !finding.cells.is_empty() {
            let cells: Vec<String> = finding.cells.iter().map(|c| c.to_string()).collect();
            out.push_str(&format!("    单元格：{}\n", cells.join(", ")));
        }
    }
    if findings.is_empty() {
        out.push_str("未发现问题：各表勾稽关系均成立。\n");
    }
    out.push_str(&format!(
        "共 {} 个错误，{} 个警告，{} 个提示\n",
        summary.errors, summary.warnings, summary.notices
    ));
    out
}

fn json_output(file: &Path, report: &Report, findings: &[Finding], summary: Summary) -> String {
    let document = json!({
        "file": file.display().to_string(),
        "agency": report.agency,
        "year": report.year,
        "format": report.format.key(),
        "summary": summary,
        "findings": findings,
    });
    serde_json::to_string_pretty(&document).unwrap_or_default() + "\n"
}
