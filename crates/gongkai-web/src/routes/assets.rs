//! The stylesheet, the suggestion script and the favicon, compiled into the binary.

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

const FAVICON_SVG: &str = include_str!("../../static/favicon.svg");
const FAVICON_ICO: &[u8] = include_bytes!("../../static/favicon.ico");

/// `GET /static/favicon.svg`: the portal's emblem (a gold star on red),
/// linked from every page.
pub async fn favicon_svg() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        FAVICON_SVG,
    )
}

/// `GET /favicon.ico`: the same emblem as an ICO (16, 32 and 48 px), for
/// browsers and tools that ask for it by convention.
pub async fn favicon_ico() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "image/x-icon"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        FAVICON_ICO,
    )
}
