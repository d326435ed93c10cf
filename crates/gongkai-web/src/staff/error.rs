//! Errors of the staff side as pages: 403, 404 and 500 in the back office's
//! own layout (no internals shown), and the redirect to the sign-in page.

use askama::Template;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::views::{StaffChrome, StaffErrorView};

/// Why a staff request cannot be served.
#[derive(Debug, thiserror::Error)]
pub(crate) enum StaffError {
    /// Not signed in: go to the sign-in page, then back to `next`.
    #[error("请先登录")]
    SignIn { next: String },
    /// Signed in, but the role may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// Nothing here, or nothing this user may see (the same answer).
    #[error("{0}")]
    NotFound(String),
    /// The store or a renderer failed; logged, not shown.
    #[error("服务器内部错误：{0}")]
    Internal(String),
    /// A service the request needs is not installed (503); the text says which.
    #[error("{0}")]
    Unavailable(String),
}

impl From<gongkai_store::StoreError> for StaffError {
    fn from(err: gongkai_store::StoreError) -> StaffError {
        StaffError::Internal(err.to_string())
    }
}

impl From<askama::Error> for StaffError {
    fn from(err: askama::Error) -> StaffError {
        StaffError::Internal(format!("模板渲染失败：{err}"))
    }
}

/// The page of a case that does not exist or is outside the user's scope.
pub(crate) fn case_not_found() -> StaffError {
    StaffError::NotFound("找不到该申请，或您无权查看。".into())
}

/// The sign-in URL that returns to `next` (a staff path) afterwards.
pub(crate) fn login_url(next: &str) -> String {
    if next.is_empty() || next == "/staff" || next == "/staff/" {
        "/staff/login".into()
    } else {
        format!("/staff/login?next={}", percent_encode(next))
    }
}

/// Percent-encodes everything but unreserved characters and `/`.
pub(crate) fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

impl IntoResponse for StaffError {
    fn into_response(self) -> Response {
        let (status, heading, message) = match &self {
            StaffError::SignIn { next } => {
                return Redirect::to(&login_url(next)).into_response();
            }
            StaffError::Forbidden(m) => (StatusCode::FORBIDDEN, "无权访问", m.clone()),
            StaffError::NotFound(m) => (StatusCode::NOT_FOUND, "页面不存在", m.clone()),
            StaffError::Unavailable(m) => {
                (StatusCode::SERVICE_UNAVAILABLE, "暂时无法提供", m.clone())
            }
            StaffError::Internal(detail) => {
                eprintln!("gongkai-web (staff): {detail}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "服务暂时不可用",
                    "服务器处理请求时出错，请稍后再试。".to_owned(),
                )
            }
        };
        error_page(status, heading, message)
    }
}

/// An error page in the staff layout, without a signed-in user's menu.
pub(crate) fn error_page(status: StatusCode, heading: &'static str, message: String) -> Response {
    let view = StaffErrorView {
        chrome: StaffChrome::anonymous(heading),
        status: status.as_u16(),
        heading,
        message,
    };
    let body = view
        .render()
        .unwrap_or_else(|_| format!("{} {heading}", status.as_u16()));
    (status, [(header::CACHE_CONTROL, "no-store")], Html(body)).into_response()
}
