//! `index.html`: one self-contained page (inline CSS, JS and the vendored
//! ECharts; no network) with the totals, three charts and a sortable table
//! of all reports with their findings.
//!
//! Table rows are streamed to a temporary file while the audit runs and
//! copied into the page at the end, so the page's size never sits in memory.
//! Everything that comes from a report is escaped: text in HTML with
//! [`escape_html`], data in the script with [`script_json`].

use html_escape::encode_quoted_attribute as escape_html;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use gongkai_domain::validate::Severity;

use crate::summary::{ChartData, KeyTotals, ParseStatus, decimal_text};
use crate::worker::Outcome;
use crate::{AuditError, AuditSummary};

/// Apache ECharts (Apache-2.0; the vendored copy and its licences live in gongkai-echarts).
const ECHARTS: &str = gongkai_echarts::ECHARTS_MIN_JS;
const PAGE_CSS: &str = include_str!("../assets/page.css");
const PAGE_JS: &str = include_str!("../assets/page.js");

/// Column headers of the key totals on the page, short enough for a table
/// (the full [`KeyTotals::HEADERS`] are their tooltips).
const SHORT_TOTAL_HEADERS: [&str; 8] = [
    "本年新收",
    "上年结转",
    "办理总计",
    "结转下年",
    "予以公开",
    "行政复议",
    "直接起诉",
    "复议后起诉",
];

/// Findings listed per report on the page; the rest are in the JSON and `findings.csv`.
const MAX_FINDINGS_SHOWN: usize = 50;

/// The table rows of the page, streamed into a temporary file.
pub(crate) struct HtmlRows {
    rows: BufWriter<File>,
    rows_path: PathBuf,
    count: usize,
}

impl HtmlRows {
    /// Creates the temporary file for the rows of the page that will be written at `page`.
    pub fn create(page: &Path) -> Result<HtmlRows, AuditError> {
        let rows_path = crate::temp_path(&page.with_extension("rows"));
        let file = File::create(&rows_path).map_err(|source| AuditError::Output {
            path: rows_path.clone(),
            source,
        })?;
        Ok(HtmlRows {
            rows: BufWriter::new(file),
            rows_path,
            count: 0,
        })
    }

    /// Appends the table row of one report.
    pub fn write(&mut self, outcome: &Outcome) -> Result<(), AuditError> {
        let html = row_html(outcome);
        self.count += 1;
        self.rows
            .write_all(html.as_bytes())
            .map_err(|source| AuditError::Output {
                path: self.rows_path.clone(),
                source,
            })
    }

    /// Writes the page to `path` (through a temporary file) and removes the rows file.
    pub fn finish(
        self,
        path: &Path,
        summary: &AuditSummary,
        charts: &ChartData,
    ) -> Result<(), AuditError> {
        let HtmlRows {
            rows,
            rows_path,
            count,
        } = self;
        let result = assemble(path, rows, &rows_path, count, summary, charts);
        let _ = std::fs::remove_file(&rows_path);
        result
    }

    /// Removes the temporary file after a failed audit.
    pub fn discard(self) {
        let _ = std::fs::remove_file(&self.rows_path);
    }
}

fn assemble(
    path: &Path,
    rows: BufWriter<File>,
    rows_path: &Path,
    count: usize,
    summary: &AuditSummary,
    charts: &ChartData,
) -> Result<(), AuditError> {
    let tmp = crate::temp_path(path);
    let result = (|| -> std::io::Result<()> {
        rows.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        let mut page = BufWriter::new(File::create(&tmp)?);
        page.write_all(head(summary).as_bytes())?;
        if count == 0 {
            page.write_all("<tr><td colspan=\"17\">没有找到可审核的文件。</td></tr>\n".as_bytes())?;
        }
        std::io::copy(&mut File::open(rows_path)?, &mut page)?;
        page.write_all(tail(charts).as_bytes())?;
        page.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        AuditError::Output {
            path: path.to_path_buf(),
            source,
        }
    })
}

/// Everything before the table rows.
fn head(summary: &AuditSummary) -> String {
    let mut html = String::with_capacity(8 * 1024);
    html.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.push_str("<title>政府信息公开工作年度报告审核结果</title>\n<style>\n");
    html.push_str(PAGE_CSS);
    html.push_str("</style>\n</head>\n<body>\n<h1>政府信息公开工作年度报告审核结果</h1>\n<div class=\"cards\">\n");
    let cards = [
        ("", "审核文件", summary.files),
        ("ok", "正常解析", summary.ok),
        ("", "部分解析", summary.partial),
        ("fail", "解析失败", summary.failed),
        ("", "跳过（不支持的格式）", summary.skipped),
        ("err", "有错误的报告", summary.reports_with_errors),
        ("err", "错误", summary.errors),
        ("", "警告", summary.warnings),
        ("", "提示", summary.notices),
    ];
    for (class, label, n) in cards {
        let _ = writeln!(html, "<div class=\"card {class}\"><b>{n}</b>{label}</div>");
    }
    html.push_str(concat!(
        "</div>\n<p class=\"downloads\">下载：<a href=\"summary.xlsx\">summary.xlsx</a>",
        "<a href=\"summary.csv\">summary.csv</a><a href=\"findings.csv\">findings.csv</a></p>\n",
        "<h2>图表</h2>\n<div class=\"charts\">\n",
        "<div class=\"chart\"><h3>各机关本年新收政府信息公开申请数量</h3><div class=\"plot\" id=\"chart-agencies\"></div></div>\n",
        "<div class=\"chart\"><h3>办理结果构成（全部报告合计）</h3><div class=\"plot\" id=\"chart-outcomes\"></div></div>\n",
        "<div class=\"chart\"><h3>报告审核情况</h3><div class=\"plot\" id=\"chart-status\"></div></div>\n",
        "</div>\n<h2>报告列表</h2>\n<div class=\"toolbar\"><input id=\"filter\" type=\"search\" ",
        "placeholder=\"按机关或文件名筛选\" aria-label=\"按机关或文件名筛选\"> <span id=\"shown\" class=\"meta\"></span></div>\n",
        "<div class=\"table-wrap\"><table id=\"reports\">\n<thead><tr>",
        "<th>文件</th><th>机关</th><th data-type=\"num\">年度</th><th>格式</th><th data-type=\"num\">解析状态</th>",
        "<th data-type=\"num\">错误</th><th data-type=\"num\">警告</th><th data-type=\"num\">提示</th>",
    ));
    html.push_str("<th data-type=\"none\">问题与说明</th>");
    for (short, full) in SHORT_TOTAL_HEADERS.iter().zip(KeyTotals::HEADERS) {
        let _ = write!(
            html,
            "<th data-type=\"num\" title=\"{}\">{short}</th>",
            escape_html(full)
        );
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    html
}

/// Everything after the table rows: the scripts.
fn tail(charts: &ChartData) -> String {
    let mut html = String::with_capacity(ECHARTS.len() + PAGE_JS.len() + 4096);
    html.push_str("</tbody>\n</table></div>\n<footer>本页由 gongkai 离线生成，图表使用 Apache ECharts（Apache License 2.0）。</footer>\n");
    html.push_str("<script>\n");
    html.push_str(ECHARTS);
    html.push_str("\n</script>\n<script>\nwindow.AUDIT_DATA = ");
    html.push_str(&script_json(&charts.to_json()));
    html.push_str(";\n</script>\n<script>\n");
    html.push_str(PAGE_JS);
    html.push_str("\n</script>\n</body>\n</html>\n");
    html
}

/// The `<tr>` of one report.
fn row_html(outcome: &Outcome) -> String {
    let row = &outcome.row;
    let class = match row.status {
        ParseStatus::Failed => "st-failed",
        _ if row.counts.errors > 0 => "st-errors",
        _ => "st-clean",
    };
    let mut html = String::with_capacity(1024);
    let _ = write!(html, "<tr class=\"{class}\"><td class=\"file\">");
    match &row.json_name {
        Some(json) => {
            let _ = write!(
                html,
                "<a href=\"{}\" title=\"查看 JSON\">{}</a>",
                escape_html(&percent_encode(json)),
                escape_html(&row.file)
            );
        }
        None => html.push_str(&escape_html(&row.file)),
    }
    let _ = write!(
        html,
        "</td><td class=\"agency\">{}</td><td class=\"num\">{}</td><td>{}</td>",
        escape_html(row.agency.as_deref().unwrap_or_default()),
        row.year.map(|y| y.to_string()).unwrap_or_default(),
        row.format.unwrap_or_default(),
    );
    let rank = match row.status {
        ParseStatus::Ok => 0,
        ParseStatus::Partial => 1,
        ParseStatus::Failed => 2,
    };
    let _ = write!(
        html,
        "<td data-v=\"{rank}\" class=\"status-{}\">{}</td>",
        row.status.code(),
        row.status.label()
    );
    if row.status == ParseStatus::Failed {
        html.push_str("<td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td>");
    } else {
        let c = &row.counts;
        let _ = write!(
            html,
            "<td class=\"num n-err\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
            c.errors, c.warnings, c.notices
        );
    }
    html.push_str("<td class=\"details\">");
    details_html(outcome, &mut html);
    html.push_str("</td>");
    for value in row.totals.values() {
        let _ = write!(html, "<td class=\"num\">{}</td>", decimal_text(value));
    }
    html.push_str("</tr>\n");
    html
}

/// The findings, notes or failure of one report.
fn details_html(outcome: &Outcome, html: &mut String) {
    let row = &outcome.row;
    if row.status == ParseStatus::Failed {
        let _ = write!(
            html,
            "<span class=\"failmsg\">{}</span>",
            escape_html(&row.message)
        );
        return;
    }
    if outcome.findings.is_empty() && row.notes == 0 && row.message.is_empty() {
        html.push_str("<span class=\"meta\">无</span>");
        return;
    }
    let c = &row.counts;
    if outcome.findings.is_empty() {
        let notes = if row.notes > 0 {
            format!("；导入说明 {} 条", row.notes)
        } else {
            String::new()
        };
        let _ = write!(html, "<details><summary>无问题{notes}</summary>");
    } else {
        let _ = write!(
            html,
            "<details><summary>{} 条问题（错误 {}，警告 {}，提示 {}）</summary>",
            outcome.findings.len(),
            c.errors,
            c.warnings,
            c.notices
        );
    }
    if !row.message.is_empty() {
        let _ = write!(
            html,
            "<p class=\"status-partial\">{}</p>",
            escape_html(&row.message)
        );
    }
    if !outcome.findings.is_empty() {
        html.push_str("<ul>");
        for finding in outcome.findings.iter().take(MAX_FINDINGS_SHOWN) {
            let class = match finding.severity {
                Severity::Error => "sev-error",
                Severity::Warning => "sev-warning",
                Severity::Notice => "sev-notice",
            };
            let _ = write!(
                html,
                "<li class=\"{class}\"><span class=\"tag\">{}</span><code>{}</code> {}",
                finding.severity.label(),
                escape_html(finding.code),
                escape_html(&finding.message)
            );
            let mut meta = Vec::new();
            if !finding.cells.is_empty() {
                meta.push(format!("单元格：{}", finding.cells));
            }
            if let Some(expected) = finding.expected {
                meta.push(format!("应为 {}", decimal_text(Some(expected))));
            }
            if let Some(actual) = finding.actual {
                meta.push(format!("实际 {}", decimal_text(Some(actual))));
            }
            if !meta.is_empty() {
                let _ = write!(
                    html,
                    " <span class=\"meta\">（{}）</span>",
                    escape_html(&meta.join("；"))
                );
            }
            html.push_str("</li>");
        }
        html.push_str("</ul>");
        if outcome.findings.len() > MAX_FINDINGS_SHOWN {
            let _ = write!(
                html,
                "<p class=\"meta\">另有 {} 条，见 findings.csv 或该报告的 JSON。</p>",
                outcome.findings.len() - MAX_FINDINGS_SHOWN
            );
        }
    }
    if !outcome.notes.is_empty() {
        let _ = write!(
            html,
            "<p class=\"meta\">导入说明（{} 条）：</p><ul>",
            row.notes
        );
        for note in &outcome.notes {
            let _ = write!(html, "<li>{}</li>", escape_html(note));
        }
        html.push_str("</ul>");
    }
    html.push_str("</details>");
}

/// JSON safe to embed in a `<script>` element: `<`, `>` and `&` (so no `</script>`
/// or `<!--` can appear) and U+2028/U+2029 (line ends in older JavaScript)
/// are written as `\u` escapes, which leaves the JSON value unchanged.
pub(crate) fn script_json(value: &serde_json::Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
    }
    out
}

/// Percent-encodes a file name for a relative link (all but unreserved ASCII).
fn percent_encode(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for &b in name.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_script() {
        let value = serde_json::json!({ "agency": "</script><script>alert(1)</script>\u{2028}&" });
        let text = script_json(&value);
        assert!(!text.contains("</"), "{text}");
        assert!(!text.contains('\u{2028}'));
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            escape_html("<b a=\"x\">&'"),
            "&lt;b a=&quot;x&quot;&gt;&amp;&#x27;"
        );
        assert_eq!(percent_encode("a b#?.json"), "a%20b%23%3F.json");
    }

    #[test]
    fn assets_cannot_end_their_script_early() {
        for asset in [ECHARTS, PAGE_JS] {
            assert!(!asset.to_ascii_lowercase().contains("</script"));
            assert!(!asset.contains("<!--"));
        }
        assert!(!PAGE_CSS.contains("</"));
    }
}
