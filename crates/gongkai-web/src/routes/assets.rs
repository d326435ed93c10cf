//! The stylesheet and the suggestion script, compiled into the binary.

use axum::http::header;
use axum::response::IntoResponse;

const PORTAL_CSS: &str = include_str!("../../static/portal.css");
const SUGGEST_JS: &str = include_str!("../../static/suggest.js");

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

/// `GET /static/suggest.js`: search-as-you-type for the header search box
/// (progressive enhancement; the portal works without it).
pub async fn suggest_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        SUGGEST_JS,
    )
}
