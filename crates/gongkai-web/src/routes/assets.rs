//! The stylesheet, compiled into the binary.

use axum::http::header;
use axum::response::IntoResponse;

const PORTAL_CSS: &str = include_str!("../../static/portal.css");

/// `GET /static/portal.css`.
pub async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        PORTAL_CSS,
    )
}
