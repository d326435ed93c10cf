//! The public portal of gongkai: the 政府信息公开 platform of a government and
//! its agencies, server-rendered HTML in Simplified Chinese over axum.
//!
//! Works without JavaScript; every page has a skip link, landmarks, a
//! breadcrumb, visible focus and a search box (`/search`, full-text over
//! the published items with [`gongkai_search`]; a small same-origin script
//! adds search-as-you-type suggestions). [`router`] builds the application for tests
//! (drive it with `tower::ServiceExt::oneshot`); [`serve`] runs it.

mod error;
mod indexing;
mod routes;
mod security;
mod server;
mod staff;
mod state;
mod text;
mod views;

pub use error::PageError;
/// The index types of the public API, re-exported so callers (the CLI's
/// `gongkai index rebuild`) need no direct dependency on `gongkai-search`.
pub use gongkai_search::{SearchDocument, SearchIndex};
pub use indexing::{
    IndexSync, load_user_words, published_count, rebuild_index, reindex, search_document,
    sync_index, visit_published,
};
pub use server::{DEFAULT_INDEX_DIR_NAME, ServeConfig, default_index_dir, open_index, serve};
pub use staff::reminders::{
    DigestMode, DigestOutcome, ReminderSettings, send_digests, spawn_daily,
};
pub use state::AppState;

use axum::Router;
use axum::routing::get;

/// The portal's routes, with security headers on every response.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(routes::home::page))
        .route("/static/portal.css", get(routes::assets::stylesheet))
        .route("/static/suggest.js", get(routes::assets::suggest_script))
        .route("/search", get(routes::search::page))
        .route("/search/suggest", get(routes::suggest::suggest))
        .route("/agencies/{code}", get(routes::agency::home))
        .route("/agencies/{code}/guide", get(routes::agency::guide))
        .route("/agencies/{code}/rules", get(routes::agency::rules))
        .route("/agencies/{code}/catalog", get(routes::catalog::list))
        .route("/agencies/{code}/reports", get(routes::reports::list))
        .route(
            "/agencies/{code}/reports/{file}",
            get(routes::reports::report_or_download),
        )
        .route("/items/{*index_no}", get(routes::item::page))
        .route("/attachments/{id}/{file}", get(routes::item::attachment))
        .route("/apply", get(routes::apply::choose))
        .route(
            "/agencies/{code}/apply",
            get(routes::apply::form).post(routes::apply::submit).layer(
                axum::extract::DefaultBodyLimit::max(routes::apply::BODY_LIMIT),
            ),
        )
        .route("/track", get(routes::apply::track))
        .route("/track/{code}", get(routes::apply::status))
        .route("/track/{code}/documents/{id}", get(routes::apply::document))
        .route("/favicon.ico", get(routes::assets::favicon_ico))
        .route("/static/favicon.svg", get(routes::assets::favicon_svg))
        .merge(gongkai_api::router(state.store.clone()))
        .merge(staff::router(state.clone()))
        .fallback(routes::not_found)
        .layer(axum::middleware::map_response_with_state(
            state.clone(),
            error::brand_error_page,
        ))
        .layer(axum::middleware::map_response(security::add_headers))
        .with_state(state)
}
