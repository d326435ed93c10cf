//! `/agencies/{code}/reports` and `/agencies/{code}/reports/{year}[.docx|.xlsx|.json|.html]`.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
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
    /// The canonical JSON.
    Json,
}

impl Download {
    /// The formats offered, with their link labels, in display order.
    pub const OFFERED: [(Download, &'static str); 4] = [
        (Download::Rendered(OutputFormat::Docx), "Word（DOCX）"),
        (Download::Rendered(OutputFormat::Xlsx), "Excel（XLSX）"),
        (Download::Rendered(OutputFormat::Html), "打印版（HTML）"),
        (Download::Json, "数据（JSON）"),
    ];

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Download::Rendered(format) => format.extension(),
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

fn downloads(code: &str, year: i32) -> Vec<(&'static str, String)> {
    Download::OFFERED
        .iter()
        .map(|(d, label)| (*label, report_href(code, year, Some(*d))))
        .collect()
}

fn published(report: &AnnualReport) -> String {
    report
        .published_at
        .map_or_else(|| "未发布".to_owned(), |p| p.format("%Y-%m-%d").to_string())
}

fn title(agency: &Agency, year: i32) -> String {
    format!("{}{}年政府信息公开工作年度报告", agency.name, year)
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
            title: title(&agency, r.year),
            href: report_href(&agency.code, r.year, None),
            published: r
                .published_at
                .map_or_else(|| "未发布".to_owned(), |p| p.format("%Y-%m-%d").to_string()),
            downloads: downloads(&agency.code, r.year),
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

/// `GET /agencies/{code}/reports/{year}` and the downloads `{year}.docx|.xlsx|.json|.html`.
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
                title: title(&agency, year),
                published: published(&stored),
                format: stored.report.format.label(),
                body_html: gongkai_render::html_body(&stored.report),
                downloads: downloads(&agency.code, year),
            };
            Ok(render(&view)?.into_response())
        }
        Target::File(_, download) => {
            let (bytes, content_type) = match download {
                Download::Json => (
                    stored.report.to_json_string().into_bytes(),
                    "application/json; charset=utf-8",
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
    fn targets() {
        assert_eq!(parse_target("2020"), Some(Target::Page(2020)));
        assert_eq!(
            parse_target("2020.docx"),
            Some(Target::File(2020, Download::Rendered(OutputFormat::Docx)))
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
