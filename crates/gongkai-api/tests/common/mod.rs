//! A router over a temporary SQLite store with a government and one department.

#![allow(dead_code)]

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use chrono::NaiveDate;
use gongkai_api::{ApiConfig, router_with_config};
use gongkai_store::{AgencyKind, NewAgency, Store};
use serde_json::{Value, json};
use tempfile::TempDir;
use tower::ServiceExt;

pub const TOKEN: &str = "test-token-0123456789";
pub const GOV: &str = "330424000000";
pub const DEPT: &str = "330424001";

/// The store's fixed today.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 10, 15).unwrap()
}

pub struct Fixture {
    pub app: Router,
    pub store: Store,
    _dir: Option<TempDir>,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
    pub text: String,
}

/// Seeds a government with a department, through the store's API.
pub async fn fixture_with(config: ApiConfig) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("api.db").display());
    let store = Store::open(&url).await.unwrap().with_today(today());
    for (code, name, kind, parent) in [
        (GOV, "海盐县人民政府", AgencyKind::Government, None),
        (DEPT, "海盐县财政局", AgencyKind::Department, Some(GOV)),
    ] {
        store
            .put_agency(
                "test",
                &NewAgency {
                    code: code.into(),
                    name: name.into(),
                    kind,
                    parent_code: parent.map(Into::into),
                    address: "海盐县武原街道".into(),
                    phone: "0573-86012345".into(),
                    office_hours: "工作日 8:30-17:00".into(),
                    sort_order: 0,
                },
            )
            .await
            .unwrap();
    }
    let app = router_with_config(store.clone(), config);
    Fixture {
        app,
        store,
        _dir: Some(dir),
    }
}

pub async fn fixture() -> Fixture {
    fixture_with(ApiConfig {
        write_token: Some(TOKEN.into()),
    })
    .await
}

impl Fixture {
    /// A fixture over a router and store made by the test.
    pub fn over(app: Router, store: Store) -> Fixture {
        Fixture {
            app,
            store,
            _dir: None,
        }
    }

    /// Sends a request; `body` is sent as JSON.
    pub async fn call(
        &self,
        method: Method,
        uri: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let request = match body {
            Some(body) => request
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string())),
            None => request.body(Body::empty()),
        }
        .unwrap();
        self.send(request).await
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), 16 * 1024 * 1024)
            .await
            .unwrap();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            body,
            text,
        }
    }

    pub async fn get(&self, uri: &str) -> Reply {
        self.call(Method::GET, uri, None, None).await
    }

    pub async fn get_auth(&self, uri: &str) -> Reply {
        self.call(Method::GET, uri, Some(TOKEN), None).await
    }

    pub async fn post(&self, uri: &str, body: Value) -> Reply {
        self.call(Method::POST, uri, Some(TOKEN), Some(body)).await
    }

    /// Registers `application` and returns its id.
    pub async fn create(&self, application: Value) -> i64 {
        let reply = self.post("/api/v1/applications", application).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
        reply.body["application"]["id"].as_i64().unwrap()
    }

    pub async fn event_count(&self, id: i64) -> usize {
        self.store.application_events(id).await.unwrap().len()
    }
}

/// A valid registration by a natural person at `agency`, received on `date`.
pub fn application(agency: &str, date: &str) -> Value {
    json!({
        "agency_code": agency,
        "applicant": {
            "applicant_type": "natural_person",
            "name": "张三",
            "id_document_type": "resident_id",
            "id_document_number": "11010519491231002X",
            "phone": "13812345678",
            "address": "浙江省嘉兴市海盐县武原街道1号",
            "email": "zhangsan@example.cn",
            "organisation_name": null
        },
        "channel": "in_person",
        "received_on": date,
        "description": "请公开2024年海盐县财政预算执行情况。",
        "delivery_form": "electronic_email"
    })
}

/// Asserts a JSON error with `code` and, if given, `field`.
pub fn assert_error(reply: &Reply, status: StatusCode, code: &str, field: Option<&str>) {
    assert_eq!(reply.status, status, "{}", reply.text);
    assert_eq!(reply.body["error"]["code"], code, "{}", reply.text);
    if let Some(field) = field {
        assert_eq!(reply.body["error"]["field"], field, "{}", reply.text);
    }
    assert!(
        reply.body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "{}",
        reply.text
    );
}
