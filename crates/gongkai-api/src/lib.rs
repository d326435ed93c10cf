//! The versioned JSON API of gongkai, mounted under `/api/v1`.
//!
//! Applications and their procedural events, the deadline status computed by
//! the engine, the office's warning list, annual reports built from the cases
//! and the working-day calendar, as JSON (snake_case). The OpenAPI 3.1
//! description is generated from the handlers and served at
//! `/api/v1/openapi.json`, with Swagger UI at `/api/v1/docs` (vendored into the
//! binary: no CDN, works offline, no inline script).
//!
//! Errors are `{ "error": { "code", "field", "message" } }` with a stable code
//! and a Chinese message; a body field error (422) names the field's JSON path.
//!
//! Access: every `POST` needs `Authorization: Bearer <token>` with the token
//! configured in `GONGKAI_API_TOKEN` (401 without or with a wrong one; 503 when
//! the variable is unset, i.e. writes are disabled). Reads are open, but an
//! applicant's personal data (name, ID number, phone, address, the request's
//! text, the 查询码) and text search appear only with the token.
//!
//! [`router`] returns a router for any outer state, so the portal merges it
//! with `.merge(gongkai_api::router(store))`; tests drive it with `oneshot`.

#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod auth;
mod error;
mod json;
pub mod model;
mod routes;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::any;
use gongkai_store::Store;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use utoipa_swagger_ui::SwaggerUi;

pub use error::ApiError;

/// The environment variable holding the bearer token for writes.
pub const TOKEN_ENV: &str = "GONGKAI_API_TOKEN";

/// The largest request body accepted, in bytes (413 beyond).
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

/// Where the API lives.
pub const BASE_PATH: &str = "/api/v1";

/// How the API is configured.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApiConfig {
    /// The bearer token writes must present; `None` disables writes (503).
    pub write_token: Option<String>,
}

impl ApiConfig {
    /// The configuration from the environment: the token from
    /// [`TOKEN_ENV`] (an empty value counts as unset).
    pub fn from_env() -> ApiConfig {
        ApiConfig {
            write_token: std::env::var(TOKEN_ENV)
                .ok()
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty()),
        }
    }
}

/// What the handlers share.
#[derive(Debug, Clone)]
pub(crate) struct ApiState {
    pub(crate) store: Store,
    pub(crate) write_token: Option<Arc<str>>,
}

/// The OpenAPI description's fixed parts; the paths come from the handlers.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "gongkai API",
        version = "1.0.0",
        description = "政府信息公开系统的 JSON 接口（v1）：依申请公开的申请登记、办理记录与法定期限，年度报告（由办件统计生成）和工作日历。\n\n写入接口（POST）需要 `Authorization: Bearer <令牌>`，令牌由服务器环境变量 `GONGKAI_API_TOKEN` 配置；未配置时写入一律返回 503（API writes disabled）。读取接口公开，但申请人个人信息（姓名、证件号码、电话、地址、申请内容、查询码）和按文本搜索仅在提供令牌时返回。\n\n错误统一为 `{\"error\": {\"code\", \"field\", \"message\"}}`。",
        license(name = "MIT OR Apache-2.0")
    ),
    modifiers(&SecurityAddon),
    tags(
        (name = "agencies", description = "行政机关"),
        (name = "applications", description = "依申请公开：申请、办理记录、期限"),
        (name = "reports", description = "年度报告"),
        (name = "calendar", description = "工作日历")
    ),
    components(schemas(model::ErrorBody, model::ErrorDetail))
)]
struct ApiDoc;

/// Adds the bearer-token security scheme.
struct SecurityAddon;

impl Modify for SecurityAddon {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The token configured on the server in GONGKAI_API_TOKEN. Required for every POST (401 without or with a wrong token; 503 when the server has no token configured: API writes disabled). Optional for reads: with it, personal data of applicants are included.",
                    ))
                    .build(),
            ),
        );
    }
}

/// The API's routes with their OpenAPI description.
fn api_routes() -> OpenApiRouter<ApiState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(routes::agencies::list))
        .routes(routes!(
            routes::applications::create,
            routes::applications::list
        ))
        .routes(routes!(routes::applications::due))
        .routes(routes!(routes::applications::show))
        .routes(routes!(routes::events::list, routes::events::create))
        .routes(routes!(routes::reports::build))
        .routes(routes!(routes::calendar::workdays_after))
}

/// The OpenAPI 3.1 description of the API, as served at `/api/v1/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api_routes().into_openapi()
}

/// The API under `/api/v1`, configured from the environment (see [`ApiConfig::from_env`]).
pub fn router<S>(store: Store) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    router_with_config(store, ApiConfig::from_env())
}

/// The API under `/api/v1` with an explicit configuration (for tests and embedding).
pub fn router_with_config<S>(store: Store, config: ApiConfig) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    let state = ApiState {
        store,
        write_token: config.write_token.map(Arc::from),
    };
    let (api, openapi) = api_routes().split_for_parts();
    let docs = SwaggerUi::new(format!("{BASE_PATH}/docs"))
        .url(format!("{BASE_PATH}/openapi.json"), openapi)
        .config(
            utoipa_swagger_ui::Config::default()
                .try_it_out_enabled(true)
                .persist_authorization(false),
        );
    api.route(&format!("{BASE_PATH}/{{*rest}}"), any(routes::not_found))
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .with_state(state)
        .merge(docs)
}
