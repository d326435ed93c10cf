//! `/agencies/{code}/reports` and `/agencies/{code}/reports/{year}[.docx|.xlsx|.pdf|.json|.html]`.
//!
//! PDFs are converted from the DOCX by LibreOffice (gongkai-pdf) and cached
//! per report version (the hash of its canonical JSON); where LibreOffice is
//! not installed the PDF link is not offered and `.pdf` answers 503.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use gongkai_domain::Report;
use gongkai_pdf::PdfError;
use gongkai_render::OutputFormat;
use gongkai_store::{Agency, AnnualReport};

use super::{agency_chrome, agency_or_404, render};
use crate::text::{agency_href, encode_path};
use crate::views::{Crumb, ReportRow, ReportView, ReportsView};
use crate::{AppState, PageError};

/// A download format of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Download {
    /// Rendered by gongkai-render.
    Rendered(OutputFormat),
    /// The DOCX converted to PDF by LibreOffice, where installed.
    Pdf,
    /// The canonical JSON.
    Json,
}

impl Download {
    /// The formats offered, with their link labels, in display order.
    pub const OFFERED: [(Download, &'static str); 5] = [
        (Download::Rendered(OutputFormat::Docx), "Word（DOCX）"),
        (Download::Rendered(OutputFormat::Xlsx), "Excel（XLSX）"),
        (Download::Pdf, "PDF"),
        (Download::Rendered(OutputFormat::Html), "打印版（HTML）"),
        (Download::Json, "数据（JSON）"),
    ];

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Download::Rendered(format) => format.extension(),
            Download::Pdf => "pdf",
            Download::Json => "json",
        }
    }

    fn from_extension(ext: &str) -> Option<Download> {
        Download::OFFERED
            .iter()
            .map(|(d, _)| *d)
            .find(|d| d.extension() == ext)
    }
}

/// What the last path segment asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Page(i32),
    File(i32, Download),
}

/// `2020` → the page, `2020.docx` → a download; anything else (including
/// traversal attempts such as `..%2F..%2Fetc%2Fpasswd`) → `None`.
fn parse_target(segment: &str) -> Option<Target> {
    let (year, ext) = match segment.split_once('.') {
        Some((year, ext)) => (year, Some(ext)),
        None => (segment, None),
    };
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    match ext {
        None => Some(Target::Page(year)),
        Some(ext) => Download::from_extension(ext).map(|d| Target::File(year, d)),
    }
}

fn report_href(code: &str, year: i32, download: Option<Download>) -> String {
    let base = agency_href(code, &format!("reports/{year}"));
    match download {
        Some(d) => format!("{base}.{}", d.extension()),
        None => base,
    }
}

/// The download links of a report; PDF only where LibreOffice is installed.
fn downloads(code: &str, year: i32, pdf_available: bool) -> Vec<(&'static str, String)> {
    Download::OFFERED
        .iter()
        .filter(|(d, _)| pdf_available || *d != Download::Pdf)
        .map(|(d, label)| (*label, report_href(code, year, Some(*d))))
        .collect()
}

/// The PDF of `report`: from the converter's cache when this version (the
/// hash of its canonical JSON) was converted before, else converted from the
/// DOCX with LibreOffice. Shared by the portal and the report editor.
pub(crate) async fn report_pdf(
    state: &AppState,
    report: &Report,
) -> Result<Arc<Vec<u8>>, PdfError> {
    if !state.pdf.is_available() {
        return Err(PdfError::NotInstalled);
    }
    let key = format!(
        "report:{}",
        gongkai_store::sha256_hex(report.to_json_string().as_bytes())
    );
    if let Some(pdf) = state.pdf.cached(&key) {
        return Ok(pdf);
    }
    let docx = gongkai_render::render(report, OutputFormat::Docx)
        .map_err(|e| PdfError::Failed(format!("生成 Word 文件失败：{e}")))?;
    state.pdf.pdf_for(&key, &docx).await
}

/// A PDF error as a page: 503 when LibreOffice is missing, 500 otherwise.
pub(crate) fn pdf_page_error(err: PdfError) -> PageError {
    match err {
        PdfError::NotInstalled => PageError::Unavailable(format!(
            "{err}。您可以下载 Word（DOCX）或 Excel（XLSX）格式的报告。"
        )),
        other => PageError::Internal(format!("生成PDF失败：{other}")),
    }
}

/// Wraps every `<table class="gk-report-table …">` of a rendered report in
/// its own horizontally scrolling box, so that on a phone a swipe moves the
/// table and not the headings and paragraphs around it. The box is a
/// focusable region named by the table's caption (keyboard users scroll it
/// with the arrow keys); `.gk-table-wrap` draws the edge shadows, and on
/// phones a line above the table says that it scrolls.
///
/// The fragment comes from gongkai-render, which escapes every text, so the
/// caption's text can go into the attribute as it is.
pub(crate) fn scrollable_tables(html: &str) -> String {
    const OPEN: &str = "<table class=\"gk-report-table";
    const CLOSE: &str = "</table>";
    let mut out = String::with_capacity(html.len() + 512);
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        let Some(len) = rest[start..].find(CLOSE).map(|end| end + CLOSE.len()) else {
            break;
        };
        let table = &rest[start..start + len];
        let caption = table
            .split_once("<caption>")
            .and_then(|(_, tail)| tail.split_once("</caption>"))
            .map(|(caption, _)| caption.trim())
            .filter(|c| !c.is_empty() && !c.contains(['<', '"']))
            .unwrap_or("报告表格");
        out.push_str(&rest[..start]);
        out.push_str(&format!(
            "<p class=\"gk-table-hint\" aria-hidden=\"true\">表格较宽，可左右滑动查看</p>\
             <div class=\"gk-table-wrap\"><div class=\"gk-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{caption}\">{table}</div></div>"
        ));
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

fn published(report: &AnnualReport) -> String {
    report
        .published_at
        .map_or_else(|| "未发布".to_owned(), |p| p.format("%Y-%m-%d").to_string())
}

fn title(agency: &Agency, year: i32) -> String {
    title_parts(agency, year).concat()
}

/// The title in parts between which a line may break (`<wbr>`; headings
/// break only there, not inside 政府信息公开).
fn title_parts(agency: &Agency, year: i32) -> Vec<String> {
    vec![
        agency.name.clone(),
        format!("{year}年"),
        "政府信息公开工作".to_owned(),
        "年度报告".to_owned(),
    ]
}

/// `GET /agencies/{code}/reports`.
pub async fn list(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let store = &state.store;
    let agency = agency_or_404(store, &code).await?;
    let rows = store
        .reports(&agency.code)
        .await?
        .into_iter()
        .map(|r| ReportRow {
            year: r.year,
            title_parts: title_parts(&agency, r.year),
            href: report_href(&agency.code, r.year, None),
            published: r
                .published_at
                .map_or_else(|| "未发布".to_owned(), |p| p.format("%Y-%m-%d").to_string()),
            downloads: downloads(&agency.code, r.year, state.pdf.is_available()),
        })
        .collect();
    let tail = vec![Crumb {
        label: "政府信息公开年报".into(),
        href: None,
    }];
    let view = ReportsView {
        chrome: agency_chrome(store, &agency, "reports", "政府信息公开年报", tail).await?,
        heading: format!("{} · 政府信息公开工作年度报告", agency.name),
        rows,
    };
    Ok(render(&view)?.into_response())
}

/// `GET /agencies/{code}/reports/{year}` and the downloads `{year}.docx|.xlsx|.pdf|.json|.html`.
pub async fn report_or_download(
    State(state): State<AppState>,
    Path((code, file)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let target =
        parse_target(&file).ok_or_else(|| PageError::NotFound(format!("找不到“{file}”。")))?;
    let store = &state.store;
    let agency = agency_or_404(store, &code).await?;
    let year = match target {
        Target::Page(year) | Target::File(year, _) => year,
    };
    let stored = store.report(&agency.code, year).await?.ok_or_else(|| {
        PageError::NotFound(format!(
            "{}没有{}年度的政府信息公开工作年度报告。",
            agency.name, year
        ))
    })?;
    match target {
        Target::Page(_) => {
            let tail = vec![
                Crumb {
                    label: "政府信息公开年报".into(),
                    href: Some(agency_href(&agency.code, "reports")),
                },
                Crumb {
                    label: format!("{year}年度"),
                    href: None,
                },
            ];
            let view = ReportView {
                chrome: agency_chrome(store, &agency, "reports", &title(&agency, year), tail)
                    .await?,
                title_parts: title_parts(&agency, year),
                published: published(&stored),
                format: stored.report.format.label(),
                body_html: scrollable_tables(&gongkai_render::html_body(&stored.report)),
                downloads: downloads(&agency.code, year, state.pdf.is_available()),
            };
            Ok(render(&view)?.into_response())
        }
        Target::File(_, download) => {
            let (bytes, content_type) = match download {
                Download::Json => (
                    stored.report.to_json_string().into_bytes(),
                    "application/json; charset=utf-8",
                ),
                Download::Pdf => (
                    report_pdf(&state, &stored.report)
                        .await
                        .map_err(pdf_page_error)?
                        .to_vec(),
                    "application/pdf",
                ),
                Download::Rendered(format) => (
                    gongkai_render::render(&stored.report, format).map_err(|e| {
                        PageError::Internal(format!("生成{}失败：{e}", format.extension()))
                    })?,
                    format.mime_type(),
                ),
            };
            let ext = download.extension();
            let ascii = format!(
                "report-{}-{year}.{ext}",
                agency
                    .code
                    .replace(|c: char| !c.is_ascii_alphanumeric(), "_")
            );
            let utf8 = encode_path(&format!("{}.{ext}", title(&agency, year))).replace('/', "%2F");
            let disposition = if download == Download::Rendered(OutputFormat::Html) {
                "inline"
            } else {
                "attachment"
            };
            Ok((
                [
                    (header::CONTENT_TYPE, content_type.to_owned()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("{disposition}; filename=\"{ascii}\"; filename*=UTF-8''{utf8}"),
                    ),
                ],
                bytes,
            )
                .into_response())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_report_table_gets_its_own_scrolling_region() {
        let html = "<section class=\"gk-section\"><h2>二</h2><p>文字</p>\
            <table class=\"gk-report-table gk-a\">\n<caption>表一 &quot;甲&quot;</caption><tr><td>1</td></tr></table>\n\
            </section><table class=\"gk-report-table gk-b\"><tr><td>2</td></tr></table><p>尾</p>";
        let wrapped = scrollable_tables(html);
        assert_eq!(wrapped.matches("class=\"gk-table-scroll\"").count(), 2);
        assert!(wrapped.contains(
            "<p>文字</p><p class=\"gk-table-hint\" aria-hidden=\"true\">表格较宽，可左右滑动查看</p>\
             <div class=\"gk-table-wrap\"><div class=\"gk-table-scroll\" tabindex=\"0\" \
             role=\"region\" aria-label=\"表一 &quot;甲&quot;\"><table class=\"gk-report-table gk-a\">"
        ));
        assert!(wrapped.contains("</table></div></div>\n</section>"));
        assert!(wrapped.contains("aria-label=\"报告表格\"><table class=\"gk-report-table gk-b\">"));
        assert!(wrapped.ends_with("</table></div></div><p>尾</p>"));
        assert_eq!(scrollable_tables("<p>无表</p>"), "<p>无表</p>");
    }

    #[test]
    fn targets() {
        assert_eq!(parse_target("2020"), Some(Target::Page(2020)));
        assert_eq!(
            parse_target("2020.docx"),
            Some(Target::File(2020, Download::Rendered(OutputFormat::Docx)))
        );
        assert_eq!(
            parse_target("2020.pdf"),
            Some(Target::File(2020, Download::Pdf))
        );
        assert_eq!(
            parse_target("2020.json"),
            Some(Target::File(2020, Download::Json))
        );
        for bad in [
            "20",
            "2020.exe",
            "../../etc/passwd",
            "2020.docx/..",
            "abcd",
            "2020..docx",
            "",
        ] {
            assert_eq!(parse_target(bad), None, "{bad}");
        }
    }
}
