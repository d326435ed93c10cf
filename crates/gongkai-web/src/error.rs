//! Error pages: 404 and 400 in Chinese, and 500 without internals.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::AppState;
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
    /// A service the page needs is not installed or not running (503); the
    /// text says which and what to do.
    #[error("{0}")]
    Unavailable(String),
}

impl From<gongkai_store::StoreError> for PageError {
    fn from(err: gongkai_store::StoreError) -> PageError {
        PageError::Internal(err.to_string())
    }
}

/// What an error page shows. [`PageError::into_response`] renders it with
/// the generic chrome (it has no store) and leaves it in the response's
/// extensions; [`brand_error_page`] renders it again naming the platform's
/// government, like every other page.
#[derive(Debug, Clone)]
pub(crate) struct ErrorPage {
    status: StatusCode,
    heading: &'static str,
    message: String,
}

impl ErrorPage {
    fn response(&self, site: Option<&gongkai_store::Agency>) -> Response {
        let view = ErrorView {
            chrome: Chrome::generic(self.heading, site),
            status: self.status.as_u16(),
            heading: self.heading,
            message: self.message.clone(),
        };
        let body = view
            .render()
            .unwrap_or_else(|_| format!("{} {}", self.status.as_u16(), self.heading));
        let mut response = (self.status, Html(body)).into_response();
        response.extensions_mut().insert(self.clone());
        response
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, heading, message) = match &self {
            PageError::NotFound(what) => (StatusCode::NOT_FOUND, "页面不存在", what.clone()),
            PageError::BadRequest { .. } => {
                (StatusCode::BAD_REQUEST, "请求参数有误", self.to_string())
            }
            PageError::Unavailable(what) => (
                StatusCode::SERVICE_UNAVAILABLE,
                "暂时无法提供",
                what.clone(),
            ),
            PageError::Internal(detail) => {
                eprintln!("gongkai-web: {detail}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "服务暂时不可用",
                    "服务器处理请求时出错，请稍后再试。".to_owned(),
                )
            }
        };
        ErrorPage {
            status,
            heading,
            message,
        }
        .response(None)
    }
}

/// Middleware: re-renders an error page with the platform's government in
/// the header, breadcrumb and footer. Keeps the generic page when the store
/// cannot say (e.g. the error was the store failing).
pub(crate) async fn brand_error_page(
    State(state): State<AppState>,
    response: Response,
) -> Response {
    let Some(page) = response.extensions().get::<ErrorPage>().cloned() else {
        return response;
    };
    match crate::routes::site_government(&state.store).await {
        Ok(Some(site)) => page.response(Some(&site)),
        _ => response,
    }
}
