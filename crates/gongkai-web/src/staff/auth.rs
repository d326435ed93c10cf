//! Sign-in, sessions and CSRF: the guard middleware, the [`Staff`]
//! extractor, the sign-in and sign-out handlers and the password change.

use std::net::SocketAddr;

use askama::Template;
use axum::Extension;
use axum::Form;
use axum::body::{Body, to_bytes};
use axum::extract::{ConnectInfo, FromRequestParts, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::Utc;
use gongkai_store::{LoginResult, StaffRole, StaffUser, random_token};
use serde::Deserialize;

use super::error::{StaffError, error_page};
use super::scope::Scope;
use super::views::{LoginView, PasswordView, StaffChrome, beijing_time};
use super::{CookieSecurity, StaffState};

/// The session cookie.
pub(crate) const SESSION_COOKIE: &str = "gongkai_staff";
/// The double-submit cookie of the sign-in form.
pub(crate) const LOGIN_CSRF_COOKIE: &str = "gongkai_login_csrf";
/// The largest form body accepted (the longest field is an answer's reasons).
const MAX_FORM_BYTES: usize = 256 * 1024;
/// The largest `multipart/form-data` body accepted (one file upload of at
/// most [`gongkai_store::MAX_ATTACHMENT_BYTES`] plus the form's fields).
pub(crate) const MAX_UPLOAD_BYTES: usize = gongkai_store::MAX_ATTACHMENT_BYTES + 1024 * 1024;

/// The signed-in user of a request, put there by [`guard`].
#[derive(Debug, Clone)]
pub(crate) struct Staff {
    /// The user.
    pub user: StaffUser,
    /// The session's CSRF token, for the forms of the page.
    pub csrf: String,
    /// The session cookie's value (to end it).
    pub token: String,
    /// What the user may see.
    pub scope: Scope,
    /// The name of the user's agency.
    pub agency_name: String,
}

impl Staff {
    /// The chrome of a page for this user.
    pub(crate) fn chrome(&self, title: impl Into<String>, section: &'static str) -> StaffChrome {
        StaffChrome::for_user(self, title, section)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Staff {
    type Rejection = StaffError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Staff, StaffError> {
        parts
            .extensions
            .get::<Staff>()
            .cloned()
            .ok_or_else(|| StaffError::SignIn {
                next: if parts.method == Method::GET {
                    parts
                        .uri
                        .path_and_query()
                        .map(|p| p.as_str().to_owned())
                        .unwrap_or_default()
                } else {
                    String::new()
                },
            })
    }
}

/// The value of cookie `name`, if sent.
pub(crate) fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim().to_owned())
}

/// Compares two secrets in time independent of where they differ.
fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && !a.is_empty()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The `csrf` field of an urlencoded form body (the token is hex, so it
/// needs no decoding).
fn form_csrf(body: &[u8]) -> Option<String> {
    std::str::from_utf8(body)
        .ok()?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == "csrf")
        .map(|(_, v)| v.to_owned())
}

/// Whether the request came over https.
fn over_https(headers: &HeaderMap, security: CookieSecurity) -> bool {
    match security {
        CookieSecurity::Always => true,
        CookieSecurity::Never => false,
        CookieSecurity::Auto => headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("https")),
    }
}

/// A `Set-Cookie` value: `HttpOnly; SameSite=Strict`, `Secure` over https.
pub(crate) fn set_cookie(
    name: &str,
    value: &str,
    path: &str,
    max_age: Option<i64>,
    secure: bool,
) -> HeaderValue {
    let mut cookie = format!("{name}={value}; HttpOnly; SameSite=Strict; Path={path}");
    if let Some(age) = max_age {
        cookie.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        cookie.push_str("; Secure");
    }
    HeaderValue::from_str(&cookie).unwrap_or_else(|_| HeaderValue::from_static("invalid=1"))
}

/// The client's address: the socket's, or the first `X-Forwarded-For`
/// entry when the proxy is trusted.
pub(crate) fn client_ip(
    headers: &HeaderMap,
    connect: Option<SocketAddr>,
    trust_proxy: bool,
) -> String {
    if trust_proxy
        && let Some(forwarded) = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    {
        return forwarded.chars().take(64).collect();
    }
    connect.map_or_else(|| "unknown".to_owned(), |a| a.ip().to_string())
}

/// The guard of every staff route: resolves the session into a [`Staff`]
/// extension and checks the CSRF token of every POST — the session's
/// synchronizer token, or for the sign-in form the double-submit cookie —
/// answering 403 when it is missing or wrong. Staff pages are never cached.
pub(crate) async fn guard(
    State(state): State<StaffState>,
    mut request: Request,
    next: Next,
) -> Response {
    let token = cookie(request.headers(), SESSION_COOKIE);
    let session = match &token {
        Some(t) => match state.app.store.session(t, &state.config.session).await {
            Ok(s) => s,
            Err(e) => return StaffError::from(e).into_response(),
        },
        None => None,
    };
    let mut csrf_expected = None;
    if let (Some(session), Some(token)) = (session, token) {
        let scope = match Scope::of(&state.app.store, &session.user).await {
            Ok(s) => s,
            Err(e) => return e.into_response(),
        };
        let agency_name = match state.app.store.agency(&session.user.agency_code).await {
            Ok(a) => a.map(|a| a.name).unwrap_or_default(),
            Err(e) => return StaffError::from(e).into_response(),
        };
        csrf_expected = Some(session.csrf_token.clone());
        request.extensions_mut().insert(Staff {
            user: session.user,
            csrf: session.csrf_token,
            token,
            scope,
            agency_name,
        });
    }
    if request.method() == Method::POST {
        let is_login = request.uri().path() == "/staff/login";
        let expected = if is_login {
            cookie(request.headers(), LOGIN_CSRF_COOKIE)
        } else {
            csrf_expected
        };
        if !is_login && request.extensions().get::<Staff>().is_none() {
            return Redirect::to("/staff/login").into_response();
        }
        // File uploads come as multipart bodies, with the token as a text field.
        let boundary = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(crate::routes::apply::multipart::boundary);
        let limit = if boundary.is_some() {
            MAX_UPLOAD_BYTES
        } else {
            MAX_FORM_BYTES
        };
        let (parts, body) = request.into_parts();
        let Ok(bytes) = to_bytes(body, limit).await else {
            let message = if boundary.is_some() {
                format!(
                    "上传的文件过大：单个附件不得超过{}MB，请压缩或拆分后重试。",
                    gongkai_store::MAX_ATTACHMENT_BYTES / (1024 * 1024)
                )
            } else {
                "提交的表单内容过大，请精简后重试。".to_owned()
            };
            return error_page(StatusCode::PAYLOAD_TOO_LARGE, "提交内容过大", message);
        };
        let sent = match &boundary {
            Some(boundary) => crate::routes::apply::multipart::parse(&bytes, boundary)
                .ok()
                .map(|form| form.get("csrf").to_owned()),
            None => form_csrf(&bytes),
        };
        if !matches!((&sent, &expected), (Some(s), Some(e)) if same_secret(s, e)) {
            return error_page(
                StatusCode::FORBIDDEN,
                "表单已失效",
                "表单校验码缺失或不正确（可能页面已过期）。请返回上一页，刷新后重新提交。".into(),
            );
        }
        request = Request::from_parts(parts, Body::from(bytes));
    }
    let mut response = next.run(request).await;
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `GET /staff`: the role's starting page (the inbox, or the publishing
/// queue for reviewers).
pub(crate) async fn home(staff: Staff) -> Redirect {
    Redirect::to(landing_page(staff.user.role))
}

#[derive(Debug, Deserialize, Default)]
pub(crate) struct LoginQuery {
    #[serde(default)]
    next: String,
    #[serde(default)]
    bye: Option<String>,
}

/// Where to go after sign-in: the requested staff page when it is one (never
/// another site), otherwise the role's own starting page.
fn safe_next(next: &str, role: StaffRole) -> String {
    if next.starts_with("/staff/")
        && !next.starts_with("/staff/login")
        && !next.contains("//")
        && !next.contains('\\')
    {
        next.to_owned()
    } else {
        landing_page(role).to_owned()
    }
}

/// The page a role starts from: the inbox for those who handle or supervise
/// applications, the publishing queue for reviewers (who have no cases).
fn landing_page(role: StaffRole) -> &'static str {
    match role {
        StaffRole::Reviewer => "/staff/items",
        StaffRole::Administrator | StaffRole::Supervisor | StaffRole::Officer => "/staff/cases",
    }
}

fn login_response(
    state: &StaffState,
    headers: &HeaderMap,
    status: StatusCode,
    username: &str,
    next: &str,
    message: Option<String>,
    notice: Option<&'static str>,
) -> Result<Response, StaffError> {
    let csrf = random_token()?;
    let view = LoginView {
        chrome: StaffChrome::anonymous("登录"),
        csrf: csrf.clone(),
        username: username.to_owned(),
        next: next.to_owned(),
        error: message,
        notice,
    };
    let secure = over_https(headers, state.config.cookie_security);
    let mut response = (status, Html(view.render()?)).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(LOGIN_CSRF_COOKIE, &csrf, "/staff/login", Some(3600), secure),
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// `GET /staff/login`.
pub(crate) async fn login_page(
    State(state): State<StaffState>,
    headers: HeaderMap,
    staff: Option<Extension<Staff>>,
    Query(query): Query<LoginQuery>,
) -> Result<Response, StaffError> {
    if let Some(axum::Extension(staff)) = staff {
        return Ok(Redirect::to(&safe_next(&query.next, staff.user.role)).into_response());
    }
    let notice = query.bye.is_some().then_some("您已安全退出。");
    login_response(
        &state,
        &headers,
        StatusCode::OK,
        "",
        &query.next,
        None,
        notice,
    )
}

#[derive(Debug, Deserialize)]
pub(crate) struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// `POST /staff/login`: checks the password (throttled), starts a session
/// and sets its cookie.
pub(crate) async fn login(
    State(state): State<StaffState>,
    headers: HeaderMap,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    Form(form): Form<LoginForm>,
) -> Result<Response, StaffError> {
    let store = &state.app.store;
    let ip = client_ip(&headers, connect.map(|c| c.0.0), state.config.trust_proxy);
    let username = form.username.trim();
    if username.is_empty() || form.password.is_empty() {
        return login_response(
            &state,
            &headers,
            StatusCode::UNPROCESSABLE_ENTITY,
            username,
            &form.next,
            Some("请输入用户名和密码。".into()),
            None,
        );
    }
    match store
        .verify_login(username, &form.password, &ip, &state.config.throttle)
        .await?
    {
        LoginResult::Success(user) => {
            let user_agent = headers
                .get(header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            let session = store
                .create_session(&user, &ip, user_agent, &state.config.session)
                .await?;
            let secure = over_https(&headers, state.config.cookie_security);
            let mut response = Redirect::to(&safe_next(&form.next, user.role)).into_response();
            response.headers_mut().append(
                header::SET_COOKIE,
                set_cookie(SESSION_COOKIE, &session.token, "/", None, secure),
            );
            response.headers_mut().append(
                header::SET_COOKIE,
                set_cookie(LOGIN_CSRF_COOKIE, "", "/staff/login", Some(0), secure),
            );
            Ok(response)
        }
        LoginResult::Invalid { now_locked } => {
            let message = if now_locked {
                format!(
                    "用户名或密码不正确。连续失败次数过多，该账户已锁定{}分钟。",
                    state.config.throttle.lockout.num_minutes()
                )
            } else {
                "用户名或密码不正确。".to_owned()
            };
            login_response(
                &state,
                &headers,
                StatusCode::UNAUTHORIZED,
                username,
                &form.next,
                Some(message),
                None,
            )
        }
        LoginResult::Locked { until } => {
            let minutes = (until - Utc::now()).num_minutes() + 1;
            login_response(
                &state,
                &headers,
                StatusCode::TOO_MANY_REQUESTS,
                username,
                &form.next,
                Some(format!(
                    "登录失败次数过多，已暂时锁定。请于{}（约{minutes}分钟后）再试，或联系系统管理员。",
                    beijing_time(until, "%H:%M")
                )),
                None,
            )
        }
    }
}

/// `POST /staff/logout`: ends the session and clears the cookie.
pub(crate) async fn logout(
    State(state): State<StaffState>,
    headers: HeaderMap,
    staff: Staff,
) -> Result<Response, StaffError> {
    state.app.store.end_session(&staff.token).await?;
    let secure = over_https(&headers, state.config.cookie_security);
    let mut response = Redirect::to("/staff/login?bye=1").into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", "/", Some(0), secure),
    );
    Ok(response)
}

fn password_view(
    staff: &Staff,
    error: Option<String>,
    done: bool,
) -> Result<Html<String>, StaffError> {
    let view = PasswordView {
        chrome: staff.chrome("修改密码", "password"),
        csrf: staff.csrf.clone(),
        error,
        done,
        min_chars: gongkai_store::MIN_PASSWORD_CHARS,
    };
    Ok(Html(view.render()?))
}

#[derive(Debug, Deserialize, Default)]
pub(crate) struct DoneQuery {
    #[serde(default)]
    done: Option<String>,
}

/// `GET /staff/password`.
pub(crate) async fn password_page(
    staff: Staff,
    Query(query): Query<DoneQuery>,
) -> Result<Html<String>, StaffError> {
    password_view(&staff, None, query.done.is_some())
}

#[derive(Debug, Deserialize)]
pub(crate) struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
}

/// `POST /staff/password`: checks the current password (throttled like a
/// sign-in), sets the new one, which ends every session of the user, and
/// starts a fresh session for this browser.
pub(crate) async fn change_password(
    State(state): State<StaffState>,
    headers: HeaderMap,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    staff: Staff,
    Form(form): Form<PasswordForm>,
) -> Result<Response, StaffError> {
    let store = &state.app.store;
    let fail = |status: StatusCode, message: String| -> Result<Response, StaffError> {
        Ok((status, password_view(&staff, Some(message), false)?).into_response())
    };
    if form.new != form.confirm {
        return fail(
            StatusCode::UNPROCESSABLE_ENTITY,
            "两次输入的新密码不一致。".into(),
        );
    }
    if form.new == form.current {
        return fail(
            StatusCode::UNPROCESSABLE_ENTITY,
            "新密码不能与当前密码相同。".into(),
        );
    }
    if let Err(e) = gongkai_store::check_password_policy(&form.new) {
        return fail(StatusCode::UNPROCESSABLE_ENTITY, e.to_string());
    }
    let ip = client_ip(&headers, connect.map(|c| c.0.0), state.config.trust_proxy);
    match store
        .verify_login(
            &staff.user.username,
            &form.current,
            &ip,
            &state.config.throttle,
        )
        .await?
    {
        LoginResult::Success(_) => {}
        LoginResult::Invalid { .. } => {
            return fail(StatusCode::UNAUTHORIZED, "当前密码不正确。".into());
        }
        LoginResult::Locked { .. } => {
            return fail(
                StatusCode::TOO_MANY_REQUESTS,
                "失败次数过多，已暂时锁定，请稍后再试。".into(),
            );
        }
    }
    store
        .set_password(&staff.user.username, &staff.user.username, &form.new)
        .await?;
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let session = store
        .create_session(&staff.user, &ip, user_agent, &state.config.session)
        .await?;
    let secure = over_https(&headers, state.config.cookie_security);
    let mut response = Redirect::to("/staff/password?done=1").into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, &session.token, "/", None, secure),
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_and_tokens() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; gongkai_staff=abc; b=2"),
        );
        assert_eq!(cookie(&headers, SESSION_COOKIE).as_deref(), Some("abc"));
        assert_eq!(cookie(&headers, "c"), None);
        assert_eq!(form_csrf(b"x=1&csrf=ff00&y=2").as_deref(), Some("ff00"));
        assert!(same_secret("ab", "ab") && !same_secret("ab", "ac") && !same_secret("", ""));
        let officer = StaffRole::Officer;
        assert_eq!(safe_next("https://evil.example/", officer), "/staff/cases");
        assert_eq!(safe_next("/staff//evil", officer), "/staff/cases");
        assert_eq!(safe_next("/staff/cases/3", officer), "/staff/cases/3");
        assert_eq!(safe_next("", StaffRole::Reviewer), "/staff/items");
        assert_eq!(
            safe_next("/staff/login", StaffRole::Supervisor),
            "/staff/cases"
        );
        let c = set_cookie(SESSION_COOKIE, "t", "/", None, true);
        assert_eq!(
            c,
            "gongkai_staff=t; HttpOnly; SameSite=Strict; Path=/; Secure"
        );
    }
}
