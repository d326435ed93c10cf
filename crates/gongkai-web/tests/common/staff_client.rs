//! A browser of the staff back office for the integration tests: it sends
//! requests through one app (each test file has its own fixture and app),
//! signs in through the real login form and keeps the session's cookie and
//! CSRF token for the forms it posts.

use std::net::SocketAddr;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode, header};
use tower::ServiceExt;

use super::multipart::Multipart;

/// The largest response body read back (report PDFs and exports are big).
const BODY_LIMIT: usize = 64 * 1024 * 1024;

/// A response: status, headers, body.
pub struct Answer {
    /// The status.
    pub status: StatusCode,
    /// The headers.
    pub headers: HeaderMap,
    /// The body, read completely.
    pub body: Vec<u8>,
}

impl Answer {
    /// The body as text (lossy UTF-8).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The `Location` header, empty when absent.
    pub fn location(&self) -> String {
        self.header(header::LOCATION)
    }

    /// The header `name`, empty when absent or not text.
    pub fn header(&self, name: header::HeaderName) -> String {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    }

    /// The whole `Set-Cookie` line of cookie `name`, attributes included.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with(&format!("{name}=")))
            .map(str::to_owned)
    }

    /// The body parsed as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("json")
    }
}

/// A browser's state: its session cookie (`name=value`, empty when signed
/// out) and the session's CSRF token.
#[derive(Clone, Debug, Default)]
pub struct Session {
    /// `gongkai_staff=…`, or empty.
    pub cookie: String,
    /// The token the forms of the session carry.
    pub csrf: String,
}

/// The address `10.9.0.{last}`, for tests that sign in from several places.
pub fn ip(last: u8) -> SocketAddr {
    SocketAddr::from(([10, 9, 0, last], 40000))
}

/// The value of the first hidden field `name` of a page, empty when absent.
pub fn hidden(html: &str, name: &str) -> String {
    html.split(&format!("name=\"{name}\" value=\""))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned()
}

/// The CSRF token of the first form of a page.
pub fn hidden_csrf(html: &str) -> String {
    hidden(html, "csrf")
}

/// `pairs` as an `application/x-www-form-urlencoded` body (RFC 3986
/// unreserved characters kept, every other byte percent-encoded).
pub fn encode(pairs: &[(&str, &str)]) -> String {
    fn escape(text: &str) -> String {
        text.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                    char::from(b).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect()
    }
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", escape(k), escape(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The password of a demo login (`<user>-demo-2026`, from `DEMO_LOGINS`).
pub fn demo_password(username: &str) -> &'static str {
    gongkai_store::demo::DEMO_LOGINS
        .iter()
        .find(|(u, _, _)| *u == username)
        .map(|(_, p, _)| *p)
        .unwrap_or_else(|| panic!("{username} is not a demo login"))
}

/// A `GET uri` with the session's cookie (none when signed out).
pub fn get_request(session: &Session, uri: &str) -> Request<Body> {
    let mut request = Request::get(uri);
    if !session.cookie.is_empty() {
        request = request.header(header::COOKIE, &session.cookie);
    }
    request.body(Body::empty()).expect("request")
}

/// A form `POST uri` of `body` as it is (no CSRF token added).
pub fn post_raw_request(session: &Session, uri: &str, body: &str) -> Request<Body> {
    let mut request =
        Request::post(uri).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if !session.cookie.is_empty() {
        request = request.header(header::COOKIE, &session.cookie);
    }
    request.body(Body::from(body.to_owned())).expect("request")
}

/// A form `POST uri` of the session's CSRF token followed by `fields`.
pub fn post_request(session: &Session, uri: &str, fields: &[(&str, &str)]) -> Request<Body> {
    let mut pairs = vec![("csrf", session.csrf.as_str())];
    pairs.extend_from_slice(fields);
    post_raw_request(session, uri, &encode(&pairs))
}

/// A multipart `POST uri` of `form` (which carries the CSRF token, if any).
pub fn multipart_request(session: &Session, uri: &str, form: Multipart) -> Request<Body> {
    let mut request = Request::post(uri).header(header::CONTENT_TYPE, form.content_type());
    if !session.cookie.is_empty() {
        request = request.header(header::COOKIE, &session.cookie);
    }
    request.body(Body::from(form.finish())).expect("request")
}

/// `request` as if sent from `from` (the login throttle counts per address).
pub fn from_peer(mut request: Request<Body>, from: SocketAddr) -> Request<Body> {
    request.extensions_mut().insert(ConnectInfo(from));
    request
}

/// Sends requests to one app, as one client machine.
#[derive(Clone)]
pub struct StaffClient {
    app: Router,
    peer: Option<SocketAddr>,
}

impl StaffClient {
    /// A client of `app`; requests carry no peer address unless given one.
    pub fn new(app: Router) -> StaffClient {
        StaffClient { app, peer: None }
    }

    /// Every request that names no peer address of its own comes from `peer`.
    #[must_use]
    pub fn at_peer(mut self, peer: SocketAddr) -> StaffClient {
        self.peer = Some(peer);
        self
    }

    /// Sends `request` and reads the whole answer.
    pub async fn send(&self, mut request: Request<Body>) -> Answer {
        if let Some(peer) = self.peer
            && request
                .extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .is_none()
        {
            request.extensions_mut().insert(ConnectInfo(peer));
        }
        let response = self.app.clone().oneshot(request).await.expect("response");
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), BODY_LIMIT)
            .await
            .expect("body")
            .to_vec();
        Answer {
            status,
            headers,
            body,
        }
    }

    /// Signs in through the form from `from`: fetches the sign-in page,
    /// checks that its CSRF cookie matches its hidden field, posts the
    /// credentials and, when a session starts, reads the session's CSRF token.
    /// The answer of the POST and the session (default when refused).
    pub async fn try_login(
        &self,
        username: &str,
        password: &str,
        from: SocketAddr,
    ) -> (Answer, Session) {
        let page = self
            .send(get_request(&Session::default(), "/staff/login"))
            .await;
        assert_eq!(page.status, StatusCode::OK, "sign-in page");
        let login_cookie = page
            .cookie("gongkai_login_csrf")
            .expect("login csrf cookie");
        let login_cookie = cookie_pair(&login_cookie);
        let csrf = hidden_csrf(&page.text());
        assert_eq!(login_cookie, format!("gongkai_login_csrf={csrf}"));
        let request = Request::post("/staff/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, &login_cookie)
            .body(Body::from(encode(&[
                ("csrf", &csrf),
                ("username", username),
                ("password", password),
                ("next", ""),
            ])))
            .expect("request");
        let answer = self.send(from_peer(request, from)).await;
        let mut session = Session::default();
        if let Some(cookie) = answer.cookie("gongkai_staff") {
            session.cookie = cookie_pair(&cookie);
            let page = self.get(&session, "/staff/password").await;
            session.csrf = hidden_csrf(&page.text());
        }
        (answer, session)
    }

    /// Signs in with `password`, which must succeed; the session.
    pub async fn login_with(&self, username: &str, password: &str) -> Session {
        let from = self.peer.unwrap_or_else(|| ip(1));
        let (answer, session) = self.try_login(username, password, from).await;
        assert_eq!(
            answer.status,
            StatusCode::SEE_OTHER,
            "{username}: {}",
            answer.text()
        );
        assert!(!session.cookie.is_empty(), "{username}: session cookie");
        assert!(!session.csrf.is_empty(), "{username}: session csrf");
        session
    }

    /// Signs in a demo login, which must succeed; the session.
    pub async fn login(&self, username: &str) -> Session {
        self.login_with(username, demo_password(username)).await
    }

    /// `GET uri` in `session`.
    pub async fn get(&self, session: &Session, uri: &str) -> Answer {
        self.send(get_request(session, uri)).await
    }

    /// Posts `fields` with the session's CSRF token to `uri`.
    pub async fn post(&self, session: &Session, uri: &str, fields: &[(&str, &str)]) -> Answer {
        self.send(post_request(session, uri, fields)).await
    }

    /// Posts the form body `body` as it is to `uri`.
    pub async fn post_raw(&self, session: &Session, uri: &str, body: &str) -> Answer {
        self.send(post_raw_request(session, uri, body)).await
    }

    /// Posts the multipart `form` to `uri`.
    pub async fn post_multipart(&self, session: &Session, uri: &str, form: Multipart) -> Answer {
        self.send(multipart_request(session, uri, form)).await
    }
}

/// `name=value` of a `Set-Cookie` line.
fn cookie_pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap_or_default().to_owned()
}
