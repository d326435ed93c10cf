//! `/search/suggest?q=`: title suggestions for search-as-you-type, as JSON.

use std::collections::HashMap;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::AppState;

/// Suggestions returned per request.
pub const SUGGESTION_LIMIT: usize = 8;

/// Typed prefixes longer than this get no suggestions.
const MAX_PREFIX_CHARS: usize = 50;

/// `GET /search/suggest?q=`: a JSON array of up to eight titles, `[]` for
/// blank or over-long input.
pub async fn suggest(
    State(state): State<AppState>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Response {
    let prefix = query
        .ok()
        .and_then(|Query(mut raw)| raw.remove("q"))
        .unwrap_or_default();
    let prefix = prefix.trim().to_owned();
    let titles = if prefix.is_empty() || prefix.chars().count() > MAX_PREFIX_CHARS {
        Ok(Vec::new())
    } else {
        let index = state.search.clone();
        tokio::task::spawn_blocking(move || index.suggest(&prefix, SUGGESTION_LIMIT))
            .await
            .map_err(|e| e.to_string())
            .and_then(|r| r.map_err(|e| e.to_string()))
    };
    let (status, titles) = match titles {
        Ok(titles) => (StatusCode::OK, titles),
        Err(e) => {
            eprintln!("gongkai-web: 搜索建议失败：{e}");
            (StatusCode::INTERNAL_SERVER_ERROR, Vec::new())
        }
    };
    let body = serde_json::to_string(&titles).unwrap_or_else(|_| "[]".to_owned());
    (
        status,
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=60"),
        ],
        body,
    )
        .into_response()
}
