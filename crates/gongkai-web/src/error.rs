//! Error pages: 404 and 400 in Chinese, and 500 without internals.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::views::{Chrome, ErrorView};

/// Why a page cannot be shown.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// Nothing here: unknown agency, item, year or path. The text says what.
    #[error("{0}")]
    NotFound(String),
    /// A query parameter is malformed.
    #[error("参数 {param} 无效：{message}")]
    BadRequest {
        /// The parameter's name.
        param: &'static str,
        /// What is wrong, in Chinese.
        message: String,
    },
    /// The store or a renderer failed; logged, not shown.
    #[error("服务器内部错误：{0}")]
    Internal(String),
}

impl From<gongkai_store::StoreError> for PageError {
    fn from(err: gongkai_store::StoreError) -> PageError {
        PageError::Internal(err.to_string())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, heading, message) = match &self {
            PageError::NotFound(what) => (StatusCode::NOT_FOUND, "页面不存在", what.clone()),
            PageError::BadRequest { .. } => {
                (StatusCode::BAD_REQUEST, "请求参数有误", self.to_string())
            }
            PageError::Internal(detail) => {
                eprintln!("gongkai-web: {detail}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "服务暂时不可用",
                    "服务器处理请求时出错，请稍后再试。".to_owned(),
                )
            }
        };
        let view = ErrorView {
            chrome: Chrome::generic(heading),
            status: status.as_u16(),
            heading,
            message,
        };
        let body = view
            .render()
            .unwrap_or_else(|_| format!("{} {heading}", status.as_u16()));
        (status, Html(body)).into_response()
    }
}
