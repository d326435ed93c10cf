//! Bulk import of existing catalogs (主动公开目录) from CSV/XLSX with per-row
//! errors: upload → preview (nothing written) → confirm (one transaction).
//!
//! | route | what |
//! | --- | --- |
//! | `GET /staff/items/import` | the upload form, template downloads, the result of the last import |
//! | `POST /staff/items/import` | multipart `file` + `agency`: parse and show the preview |
//! | `POST /staff/items/import/confirm` | `token`: import the previewed valid rows |
//! | `GET /staff/items/import/template.csv`, `.xlsx` | the template |
//!
//! Officers import for their own agency, administrators for any agency (and
//! rows may then name any agency in 发布机构); other roles get 403. The rows
//! are parsed by `gongkai_import::catalog`; between preview and confirm they
//! wait in [`pending`], bound to the session.

mod pending;
mod views;

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use gongkai_import::catalog::{
    AgencyChoice, ImportTarget, MAX_CATALOG_BYTES, ParsedCatalog, parse_catalog, template_csv,
    template_xlsx,
};
use gongkai_store::{Agency, StaffRole, Store};
use serde::Deserialize;

use super::error::StaffError;
use super::{Staff, StaffState};
use crate::routes::apply::multipart;
use pending::PendingImport;
use views::{ErrorLine, ImportPage, PreviewPage, SampleRow};

/// Errors listed on the preview page; the rest are counted.
const MAX_LISTED_ERRORS: usize = 2_000;
/// Valid rows shown as a sample on the preview page.
const SAMPLE_ROWS: usize = 10;
/// Documents handed to the search index per commit.
const INDEX_BATCH: usize = 5_000;

/// The routes of this part of the back office.
pub(crate) fn routes() -> Router<StaffState> {
    Router::new()
        .route("/staff/items/import", get(upload_page).post(preview))
        .route("/staff/items/import/confirm", post(confirm))
        .route("/staff/items/import/template.csv", get(template_csv_file))
        .route("/staff/items/import/template.xlsx", get(template_xlsx_file))
}

/// Only administrators and officers import.
fn check_role(staff: &Staff) -> Result<(), StaffError> {
    match staff.user.role {
        StaffRole::Administrator | StaffRole::Officer => Ok(()),
        _ => Err(StaffError::Forbidden(format!(
            "您的角色（{}）不能批量导入主动公开目录。",
            staff.user.role.label()
        ))),
    }
}

/// The agencies `staff` may import for: every agency for administrators,
/// the own agency for officers.
async fn importable_agencies(store: &Store, staff: &Staff) -> Result<Vec<Agency>, StaffError> {
    let all = store.agencies().await?;
    Ok(match staff.user.role {
        StaffRole::Administrator => all,
        _ => all
            .into_iter()
            .filter(|a| a.code == staff.user.agency_code)
            .collect(),
    })
}

fn choice(agency: &Agency) -> AgencyChoice {
    AgencyChoice {
        code: agency.code.clone(),
        name: agency.name.clone(),
    }
}

/// What the upload page says after an import.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct DoneParams {
    #[serde(default)]
    inserted: Option<usize>,
    #[serde(default)]
    skipped: Option<usize>,
    #[serde(default)]
    invalid: Option<usize>,
}

async fn render_upload(
    store: &Store,
    staff: &Staff,
    selected: &str,
    error: Option<String>,
    done: Option<String>,
    status: StatusCode,
) -> Result<Response, StaffError> {
    let agencies = importable_agencies(store, staff).await?;
    let view = ImportPage {
        chrome: staff.chrome("批量导入目录", "import"),
        csrf: staff.csrf.clone(),
        agencies: views::agency_options(&agencies, selected),
        choose_agency: staff.user.role == StaffRole::Administrator,
        own_agency: staff.agency_name.clone(),
        max_mb: MAX_CATALOG_BYTES / (1024 * 1024),
        error,
        done,
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// `GET /staff/items/import`.
async fn upload_page(
    State(state): State<StaffState>,
    staff: Staff,
    Query(done): Query<DoneParams>,
) -> Result<Response, StaffError> {
    check_role(&staff)?;
    let message = done.inserted.map(|inserted| {
        let mut text = format!("已导入 {inserted} 条信息并发布到门户");
        if let Some(skipped) = done.skipped.filter(|n| *n > 0) {
            text.push_str(&format!("；{skipped} 条因索引号已存在而跳过"));
        }
        if let Some(invalid) = done.invalid.filter(|n| *n > 0) {
            text.push_str(&format!("；{invalid} 行有错误未导入"));
        }
        text.push('。');
        text
    });
    render_upload(
        &state.app.store,
        &staff,
        &staff.user.agency_code,
        None,
        message,
        StatusCode::OK,
    )
    .await
}

/// `POST /staff/items/import`: reads the upload and shows the preview.
async fn preview(
    State(state): State<StaffState>,
    staff: Staff,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, StaffError> {
    check_role(&staff)?;
    let store = &state.app.store;
    let own = staff.user.agency_code.clone();
    let fail = |message: String, selected: String| {
        let staff = &staff;
        async move {
            render_upload(
                store,
                staff,
                &selected,
                Some(message),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    };
    let Some(boundary) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(multipart::boundary)
    else {
        return fail(
            "上传表单格式不正确（应为 multipart/form-data）。".into(),
            own,
        )
        .await;
    };
    let form = match multipart::parse(&body, &boundary) {
        Ok(form) => form,
        Err(e) => return fail(e.message(), own).await,
    };
    let agencies = importable_agencies(store, &staff).await?;
    let wanted = match form.get("agency").trim() {
        "" => own.as_str(),
        code => code,
    };
    // An agency outside the user's reach is answered like a missing one.
    let Some(agency) = agencies.iter().find(|a| a.code == wanted) else {
        return Err(StaffError::NotFound(
            "找不到该机构，或您无权为其导入信息。".into(),
        ));
    };
    let selected = agency.code.clone();
    let Some(file) = form
        .files
        .iter()
        .find(|f| f.name == "file" && !f.data.is_empty())
    else {
        return fail("请选择要导入的 CSV 或 Excel 文件。".into(), selected).await;
    };
    let file_name = display_file_name(file.file_name.as_deref());
    let target = ImportTarget {
        default_agency: choice(agency),
        allowed: if staff.user.role == StaffRole::Administrator {
            agencies.iter().map(choice).collect()
        } else {
            Vec::new()
        },
    };
    let data = file.data.clone();
    let name = file_name.clone();
    let parsed = tokio::task::spawn_blocking(move || parse_catalog(&data, &name, &target))
        .await
        .map_err(|e| StaffError::Internal(format!("解析导入文件失败：{e}")))?;
    let mut parsed = match parsed {
        Ok(parsed) => parsed,
        Err(e) => return fail(e.to_string(), selected).await,
    };
    let existing = store
        .existing_index_numbers(&parsed.given_index_numbers())
        .await?;
    parsed.reject_existing(&existing);
    let names: HashMap<String, String> = agencies
        .iter()
        .map(|a| (a.code.clone(), a.name.clone()))
        .collect();
    let token = if parsed.rows.is_empty() {
        None
    } else {
        Some(pending::keep(PendingImport::new(
            staff.token.clone(),
            staff.user.username.clone(),
            agency.code.clone(),
            parsed.items(),
            parsed.invalid_rows(),
        ))?)
    };
    let view = preview_view(&staff, &parsed, &file_name, &agency.name, &names, token);
    Ok(Html(view.render()?).into_response())
}

/// The uploaded file's name as shown: the last path component, at most 100 characters.
fn display_file_name(sent: Option<&str>) -> String {
    let name = sent
        .unwrap_or_default()
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .trim();
    if name.is_empty() {
        "上传的文件".to_owned()
    } else {
        name.chars().take(100).collect()
    }
}

fn preview_view(
    staff: &Staff,
    parsed: &ParsedCatalog,
    file_name: &str,
    agency_name: &str,
    names: &HashMap<String, String>,
    token: Option<String>,
) -> PreviewPage {
    PreviewPage {
        chrome: staff.chrome("导入预览", "import"),
        csrf: staff.csrf.clone(),
        file_name: file_name.to_owned(),
        agency_name: agency_name.to_owned(),
        kind: match parsed.kind {
            gongkai_import::catalog::CatalogFileKind::Csv => "CSV 文本",
            gongkai_import::catalog::CatalogFileKind::Spreadsheet => "Excel 工作簿（第一个工作表）",
        },
        data_rows: parsed.data_rows,
        valid_rows: parsed.rows.len(),
        invalid_rows: parsed.invalid_rows(),
        error_count: parsed.errors.len(),
        errors: parsed
            .errors
            .iter()
            .take(MAX_LISTED_ERRORS)
            .map(|e| ErrorLine {
                row: e.row,
                column: e.column.label(),
                problem: e.problem.to_string(),
            })
            .collect(),
        ignored_headers: parsed.ignored_headers.join("、"),
        samples: parsed
            .rows
            .iter()
            .take(SAMPLE_ROWS)
            .map(|r| SampleRow {
                row: r.row,
                index_no: r.item.index_no.clone(),
                title: r.item.title.clone(),
                agency: names
                    .get(&r.item.agency_code)
                    .cloned()
                    .unwrap_or_else(|| r.item.agency_code.clone()),
                category: r.item.category.label(),
                published: r
                    .item
                    .published_on
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
            })
            .collect(),
        token,
    }
}

/// The confirm form.
#[derive(Debug, Deserialize)]
pub(crate) struct ConfirmForm {
    #[serde(default)]
    token: String,
}

/// `POST /staff/items/import/confirm`: imports the previewed rows in one
/// transaction (with its audit entry) and adds them to the search index.
async fn confirm(
    State(state): State<StaffState>,
    staff: Staff,
    axum::Form(form): axum::Form<ConfirmForm>,
) -> Result<Response, StaffError> {
    check_role(&staff)?;
    let store = &state.app.store;
    let Some(import) = pending::take(&form.token, &staff.token, &staff.user.username) else {
        return render_upload(
            store,
            &staff,
            &staff.user.agency_code,
            Some("导入预览已失效（超过 30 分钟、已确认过或服务已重启），未写入任何数据。请重新上传文件。".into()),
            None,
            StatusCode::CONFLICT,
        )
        .await;
    };
    // The agency may have been taken out of reach meanwhile (e.g. a role change).
    let agencies = importable_agencies(store, &staff).await?;
    if !agencies.iter().any(|a| a.code == import.agency_code) {
        return Err(StaffError::NotFound(
            "找不到该机构，或您无权为其导入信息。".into(),
        ));
    }
    let outcome = match store
        .import_catalog_items(&staff.user.username, &import.items)
        .await
    {
        Ok(outcome) => outcome,
        Err(e) if e.is_input_error() => {
            return render_upload(
                store,
                &staff,
                &import.agency_code,
                Some(format!("导入失败，未写入任何数据：{e}")),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        Err(e) => return Err(e.into()),
    };
    index_inserted(&state, &agencies, &outcome.inserted).await;
    Ok(Redirect::to(&format!(
        "/staff/items/import?inserted={}&skipped={}&invalid={}",
        outcome.inserted.len(),
        outcome.skipped.len(),
        import.invalid_rows
    ))
    .into_response())
}

/// Adds the imported items to the search index. A failure is logged, not
/// shown: the database is the source of truth and the next start of the
/// portal notices the count mismatch and rebuilds the index.
async fn index_inserted(state: &StaffState, agencies: &[Agency], inserted: &[String]) {
    let names: HashMap<&str, &str> = agencies
        .iter()
        .map(|a| (a.code.as_str(), a.name.as_str()))
        .collect();
    for chunk in inserted.chunks(INDEX_BATCH) {
        let mut docs = Vec::with_capacity(chunk.len());
        for index_no in chunk {
            match state.app.store.catalog_item(index_no).await {
                Ok(Some(item)) => {
                    let name = names.get(item.agency_code.as_str()).copied().unwrap_or("");
                    docs.extend(crate::indexing::search_document(&item, name));
                }
                Ok(None) => {}
                Err(e) => {
                    eprintln!("gongkai-web: 导入后读取 {index_no} 失败：{e}");
                    return;
                }
            }
        }
        let search = state.app.search.clone();
        match tokio::task::spawn_blocking(move || search.upsert(&docs)).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => eprintln!("gongkai-web: 导入后更新检索索引失败：{e}"),
            Err(e) => eprintln!("gongkai-web: 导入后更新检索索引失败：{e}"),
        }
    }
}

fn attachment(content_type: &'static str, file_name: &str, bytes: Vec<u8>) -> Response {
    let disposition = format!(
        "attachment; filename=\"catalog-import-template.{}\"; filename*=UTF-8''{}",
        file_name.rsplit('.').next().unwrap_or("csv"),
        super::error::percent_encode(file_name)
    );
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}

/// `GET /staff/items/import/template.csv`.
async fn template_csv_file(staff: Staff) -> Result<Response, StaffError> {
    check_role(&staff)?;
    Ok(attachment(
        "text/csv; charset=utf-8",
        "主动公开目录导入模板.csv",
        template_csv(),
    ))
}

/// `GET /staff/items/import/template.xlsx`.
async fn template_xlsx_file(staff: Staff) -> Result<Response, StaffError> {
    check_role(&staff)?;
    let bytes = template_xlsx().map_err(|e| StaffError::Internal(e.to_string()))?;
    Ok(attachment(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "主动公开目录导入模板.xlsx",
        bytes,
    ))
}
