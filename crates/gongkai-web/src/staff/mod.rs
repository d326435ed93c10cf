//! The staff back office under `/staff/`: sign-in, the application inbox,
//! the case page with its actions and notices, password change and user
//! management.
//!
//! Security lives in two places only:
//! - [`auth::guard`], a middleware on every staff route, resolves the
//!   session cookie into a [`Staff`] and checks the CSRF token of every POST
//!   (403 otherwise; the login form uses a double-submit cookie);
//! - [`scope::load_case`], the one function through which every handler
//!   reaches an application: it loads it only when the user's [`Scope`]
//!   covers its agency (404 otherwise, so ids cannot be probed) and refuses
//!   writes to roles that may only read.
//!
//! Configuration comes from the environment when the router is built:
//! `GONGKAI_COOKIE_SECURE` (`auto`, the default: `Secure` when the request
//! came over https as the proxy's `X-Forwarded-Proto` says; `always`;
//! `never`) and `GONGKAI_TRUST_PROXY=1` (take the client address from
//! `X-Forwarded-For`, for login throttling per address).

mod admin;
mod annual_report;
mod auth;
mod case_steps;
mod cases;
mod catalog_import;
mod dashboard;
mod error;
mod handling;
mod inbox;
mod notices;
mod publishing;
/// The deadline scenario suite, shared with the domain, CLI and API tests.
#[cfg(test)]
#[path = "../../../gongkai-domain/tests/scenarios/cases.rs"]
pub(crate) mod scenario_cases;
mod scope;
mod search_words;
mod views;

use std::sync::Arc;

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use gongkai_store::{SessionPolicy, ThrottlePolicy};

use crate::AppState;

pub(crate) use auth::Staff;
pub(crate) use handling::reminders;

/// When the session cookie carries `Secure`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CookieSecurity {
    /// When the request came over https (directly or per `X-Forwarded-Proto`).
    Auto,
    /// Always (the site is only reachable over https).
    Always,
    /// Never (plain-http development).
    Never,
}

/// The staff side's settings.
#[derive(Debug, Clone)]
pub(crate) struct StaffConfig {
    pub cookie_security: CookieSecurity,
    pub trust_proxy: bool,
    pub session: SessionPolicy,
    pub throttle: ThrottlePolicy,
}

impl StaffConfig {
    fn from_env() -> StaffConfig {
        let cookie_security = match std::env::var("GONGKAI_COOKIE_SECURE").as_deref() {
            Ok("always" | "1" | "true") => CookieSecurity::Always,
            Ok("never" | "0" | "false") => CookieSecurity::Never,
            _ => CookieSecurity::Auto,
        };
        let trust_proxy = matches!(
            std::env::var("GONGKAI_TRUST_PROXY").as_deref(),
            Ok("1" | "true" | "yes")
        );
        StaffConfig {
            cookie_security,
            trust_proxy,
            session: SessionPolicy::default(),
            throttle: ThrottlePolicy::default(),
        }
    }
}

/// What the staff handlers share.
#[derive(Debug, Clone)]
pub(crate) struct StaffState {
    pub app: AppState,
    pub config: Arc<StaffConfig>,
}

const STAFF_CSS: &str = include_str!("../../static/staff.css");

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STAFF_CSS,
    )
}

/// The staff routes, with their own state and the guard middleware.
pub(crate) fn router(state: AppState) -> Router<AppState> {
    let staff = StaffState {
        app: state,
        config: Arc::new(StaffConfig::from_env()),
    };
    Router::new()
        .route("/staff", get(auth::home))
        .route("/staff/", get(auth::home))
        .route("/staff/login", get(auth::login_page).post(auth::login))
        .route("/staff/logout", post(auth::logout))
        .route(
            "/staff/password",
            get(auth::password_page).post(auth::change_password),
        )
        .route("/staff/cases", get(inbox::page))
        .route("/staff/cases/{id}", get(cases::page))
        .route("/staff/cases/{id}/actions/{action}", post(cases::act))
        .route("/staff/cases/{id}/notices/{file}", get(notices::download))
        .route(
            "/staff/cases/{id}/attachments/{attachment}",
            get(cases::attachment),
        )
        .route(
            "/staff/admin/users",
            get(admin::users_page).post(admin::create_user),
        )
        .route(
            "/staff/admin/users/{id}/password",
            post(admin::reset_password),
        )
        .route(
            "/staff/admin/search-words",
            get(search_words::page).post(search_words::add),
        )
        .route(
            "/staff/admin/search-words/remove",
            post(search_words::remove),
        )
        .merge(publishing::routes())
        .merge(catalog_import::routes())
        .merge(handling::routes())
        .merge(annual_report::routes())
        .merge(dashboard::routes())
        .route_layer(axum::middleware::from_fn_with_state(
            staff.clone(),
            auth::guard,
        ))
        .route("/staff/static/staff.css", get(stylesheet))
        .merge(dashboard::asset_routes())
        .with_state(staff)
}
