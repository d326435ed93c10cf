//! Preview in the official layout and downloads (DOCX, XLSX, PDF) of an
//! agency's current draft and of a government's aggregated report.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use gongkai_domain::Report;
use gongkai_render::OutputFormat;
use serde::Deserialize;

use super::super::error::StaffError;
use super::super::{Staff, StaffState};
use super::access::{self, Access};
use super::compose::compose;
use super::editor::AgencyQuery;
use super::overview::{OverviewQuery, aggregate};
use crate::text::encode_path;

/// A file a report is exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExportFormat {
    /// Rendered by gongkai-render.
    Rendered(OutputFormat),
    /// The DOCX converted by LibreOffice.
    Pdf,
}

impl ExportFormat {
    fn from_extension(ext: &str) -> Option<ExportFormat> {
        match ext {
            "docx" => Some(ExportFormat::Rendered(OutputFormat::Docx)),
            "xlsx" => Some(ExportFormat::Rendered(OutputFormat::Xlsx)),
            "pdf" => Some(ExportFormat::Pdf),
            _ => None,
        }
    }

    fn extension(self) -> &'static str {
        match self {
            ExportFormat::Rendered(format) => format.extension(),
            ExportFormat::Pdf => "pdf",
        }
    }
}

/// The bytes of `report` in `format`, with an attachment name built from `title`.
async fn file_response(
    state: &StaffState,
    report: &Report,
    format: ExportFormat,
    title: &str,
    ascii_name: &str,
) -> Result<Response, StaffError> {
    let (bytes, content_type) = match format {
        ExportFormat::Rendered(output) => (
            gongkai_render::render(report, output).map_err(|e| {
                StaffError::Internal(format!("生成{}失败：{e}", output.extension()))
            })?,
            output.mime_type(),
        ),
        ExportFormat::Pdf => {
            let pdf = crate::routes::reports::report_pdf(&state.app, report)
                .await
                .map_err(|e| match e {
                    gongkai_pdf::PdfError::NotInstalled => StaffError::Unavailable(e.to_string()),
                    other => StaffError::Internal(format!("生成PDF失败：{other}")),
                })?;
            (pdf.to_vec(), "application/pdf")
        }
    };
    let ext = format.extension();
    let utf8 = encode_path(&format!("{title}.{ext}")).replace('/', "%2F");
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{ascii_name}.{ext}\"; filename*=UTF-8''{utf8}"),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

fn unknown_format(ext: &str) -> StaffError {
    StaffError::NotFound(format!("不支持导出为“{ext}”：可选 docx、xlsx、pdf。"))
}

fn ascii(code: &str) -> String {
    code.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
}

/// `GET /staff/reports/{year}/preview`: the current draft in the official
/// layout, as a printable page.
pub(crate) async fn preview(
    State(state): State<StaffState>,
    staff: Staff,
    Path(year): Path<String>,
    Query(query): Query<AgencyQuery>,
) -> Result<Response, StaffError> {
    let year = access::parse_year(&year, access::today(&state))?;
    let target =
        access::target(&state, &staff, query.agency.as_deref(), year, Access::Read).await?;
    let composition = compose(&state.app.store, &target.agency.code, year, None).await?;
    Ok((
        [(header::CACHE_CONTROL, "no-store")],
        Html(gongkai_render::html_document(&composition.report)),
    )
        .into_response())
}

/// `GET /staff/reports/{year}/export/{format}`: the current draft as a file.
pub(crate) async fn export(
    State(state): State<StaffState>,
    staff: Staff,
    Path((year, ext)): Path<(String, String)>,
    Query(query): Query<AgencyQuery>,
) -> Result<Response, StaffError> {
    let format = ExportFormat::from_extension(&ext).ok_or_else(|| unknown_format(&ext))?;
    let year = access::parse_year(&year, access::today(&state))?;
    let target =
        access::target(&state, &staff, query.agency.as_deref(), year, Access::Read).await?;
    let composition = compose(&state.app.store, &target.agency.code, year, None).await?;
    let title = format!(
        "{}{year}年政府信息公开工作年度报告（草稿）",
        target.agency.name
    );
    let ascii_name = format!("report-draft-{}-{year}", ascii(&target.agency.code));
    file_response(&state, &composition.report, format, &title, &ascii_name).await
}

/// `?year=&gov=` of the aggregate downloads.
#[derive(Debug, Deserialize)]
pub(crate) struct AggregateExportPath {
    ext: String,
}

/// `GET /staff/reports/overview/export/{format}?year=&gov=`: the aggregated report as a file.
pub(crate) async fn export_aggregate(
    State(state): State<StaffState>,
    staff: Staff,
    Path(path): Path<AggregateExportPath>,
    Query(query): Query<OverviewQuery>,
) -> Result<Response, StaffError> {
    let format =
        ExportFormat::from_extension(&path.ext).ok_or_else(|| unknown_format(&path.ext))?;
    let government = access::overview_government(&state, &staff, query.gov.as_deref()).await?;
    let year = query.year_or_default(access::today(&state))?;
    let overview = aggregate(&state, &government, year).await?;
    let report = overview
        .report
        .map_err(|problem| StaffError::NotFound(format!("无法汇总：{problem}")))?;
    let title = format!(
        "{}{year}年政府信息公开工作年度报告（含所属部门及乡镇汇总）",
        government.name
    );
    let ascii_name = format!("report-aggregate-{}-{year}", ascii(&government.code));
    file_response(&state, &report, format, &title, &ascii_name).await
}
