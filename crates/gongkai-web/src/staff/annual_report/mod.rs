//! The annual-report editor and the supervisor's aggregate view.
//!
//! - `/staff/reports`: the years of an agency's report with their status
//!   (未开始/草稿/已发布) and finding counts;
//! - `/staff/reports/{year}[?agency=CODE]`: the editor. Tables 三 and 四 are
//!   recomputed from the cases on every view, table 二's 规章/规范性文件 rows
//!   are counted from the catalog, the other rows of table 二 and the
//!   narratives are entered and saved as a draft (history in the audit log);
//!   every save is validated on the server, and `report_editor.js` posts the
//!   form to `/check` while typing to refresh the findings panel;
//! - `/preview`, `/export/{docx|xlsx|pdf}`, `/publish` of a year;
//! - `/staff/reports/overview?year=&gov=`: a government and its subordinate
//!   agencies, their status and findings, and the summed report.
//!
//! Every handler resolves the agency through [`access`], the one scope check.
//!
//! Publishing policy: a report with validation **errors** is never published
//! (errors are contradictions such as negative item counts; warnings and
//! notices are shown and do not block). After the statutory deadline
//! (departments and towns 31 January, governments 31 March of the next year)
//! publishing needs an explicit acknowledgement and is recorded as late.
//! Republishing replaces the portal's version; the replaced one stays in the
//! audit log (`report.publish`, `before`).

mod access;
mod compare;
mod compose;
mod editor;
mod exports;
mod form;
mod overview;
mod views;

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{get, post};

use super::StaffState;

const EDITOR_JS: &str = include_str!("../../../static/report_editor.js");

async fn script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        EDITOR_JS,
    )
}

/// The routes of this part of the back office.
pub(crate) fn routes() -> Router<StaffState> {
    Router::new()
        .route("/staff/reports", get(editor::list))
        .route("/staff/reports/overview", get(overview::page))
        .route(
            "/staff/reports/overview/export/{ext}",
            get(exports::export_aggregate),
        )
        .route(
            "/staff/reports/{year}",
            get(editor::page).post(editor::save),
        )
        .route("/staff/reports/{year}/check", post(editor::check))
        .route("/staff/reports/{year}/publish", post(editor::publish))
        .route("/staff/reports/{year}/preview", get(exports::preview))
        .route("/staff/reports/{year}/export/{ext}", get(exports::export))
        .route("/staff/static/report_editor.js", get(script))
}
