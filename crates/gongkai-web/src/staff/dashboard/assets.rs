//! The dashboards' scripts, served from the application itself (no CDN):
//! the vendored ECharts library (gzip-compressed once, under a URL that
//! carries a hash of its content, so browsers may keep it for a year), the
//! small script that draws the charts, and ECharts' licence texts.

use std::io::Write as _;
use std::sync::LazyLock;

use axum::Router;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use flate2::Compression;
use flate2::write::GzEncoder;

const DASHBOARD_JS: &str = include_str!("../../../static/dashboard.js");

/// Cache lifetime of content-addressed files: a year, never revalidated.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// A script kept in memory as is and gzip-compressed, with its URL.
struct Script {
    url: String,
    plain: &'static str,
    gzip: Vec<u8>,
}

impl Script {
    fn new(stem: &str, plain: &'static str) -> Script {
        let hash = gongkai_store::sha256_hex(plain.as_bytes());
        let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
        // Writing into a Vec cannot fail; if it ever did, serve uncompressed.
        let gzip = encoder
            .write_all(plain.as_bytes())
            .and_then(|()| encoder.finish())
            .unwrap_or_default();
        Script {
            url: format!("/staff/static/{stem}-{}.js", &hash[..16]),
            plain,
            gzip,
        }
    }

    /// The script, gzip-compressed when the browser accepts it.
    fn response(&self, request: &HeaderMap) -> Response {
        let mut response = if accepts_gzip(request) && !self.gzip.is_empty() {
            let mut r = self.gzip.clone().into_response();
            r.headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            r
        } else {
            self.plain.into_response()
        };
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/javascript; charset=utf-8"),
        );
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        response
    }
}

static ECHARTS: LazyLock<Script> =
    LazyLock::new(|| Script::new("echarts", gongkai_echarts::ECHARTS_MIN_JS));
static DASHBOARD: LazyLock<Script> = LazyLock::new(|| Script::new("dashboard", DASHBOARD_JS));

/// Where ECharts' notice and licences are served.
pub(crate) const LICENCE_URL: &str = "/staff/static/echarts-LICENSE.txt";

/// The URL of the ECharts library (content-hashed).
pub(crate) fn echarts_url() -> &'static str {
    &ECHARTS.url
}

/// The URL of the dashboard script (content-hashed).
pub(crate) fn dashboard_url() -> &'static str {
    &DASHBOARD.url
}

/// Whether `Accept-Encoding` allows gzip (`gzip` or `*`, not with `q=0`).
fn accepts_gzip(request: &HeaderMap) -> bool {
    request
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or_default();
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

/// The asset routes; public (no sign-in), since they hold no data.
pub(crate) fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .route(
            echarts_url(),
            get(|headers: HeaderMap| async move { ECHARTS.response(&headers) }),
        )
        .route(
            dashboard_url(),
            get(|headers: HeaderMap| async move { DASHBOARD.response(&headers) }),
        )
        .route(
            LICENCE_URL,
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
                        (header::CACHE_CONTROL, "public, max-age=86400"),
                    ],
                    gongkai_echarts::licence_texts(),
                )
            }),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).expect("header"),
        );
        headers
    }

    #[test]
    fn gzip_is_negotiated() {
        assert!(accepts_gzip(&with("gzip, deflate, br")));
        assert!(accepts_gzip(&with("br;q=1.0, gzip;q=0.8")));
        assert!(accepts_gzip(&with("*")));
        assert!(!accepts_gzip(&with("gzip;q=0")));
        assert!(!accepts_gzip(&with("br")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn urls_carry_the_content_hash_and_gzip_is_smaller() {
        assert!(echarts_url().starts_with("/staff/static/echarts-"));
        assert_eq!(echarts_url().len(), "/staff/static/echarts-".len() + 16 + 3);
        assert!(ECHARTS.gzip.len() * 2 < ECHARTS.plain.len());
        assert_ne!(echarts_url(), dashboard_url());
    }
}
