//! The OpenAPI document and the offline docs page.

mod common;

use std::collections::BTreeSet;

use axum::http::StatusCode;
use common::*;
use serde_json::Value;

/// Every `$ref` in `value`.
fn refs(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if key == "$ref" {
                    if let Some(r) = v.as_str() {
                        out.insert(r.to_owned());
                    }
                } else {
                    refs(v, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

#[tokio::test]
async fn openapi_document_lists_every_path_and_resolves_every_reference() {
    let f = fixture().await;
    let reply = f.get("/api/v1/openapi.json").await;
    assert_eq!(reply.status, StatusCode::OK);
    let doc: Value = serde_json::from_str(&reply.text).expect("valid JSON");
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    let paths = doc["paths"].as_object().unwrap();
    for (path, methods) in [
        ("/api/v1/agencies", &["get"][..]),
        ("/api/v1/applications", &["get", "post"][..]),
        ("/api/v1/applications/due", &["get"][..]),
        ("/api/v1/applications/{id}", &["get"][..]),
        ("/api/v1/applications/{id}/events", &["get", "post"][..]),
        ("/api/v1/reports/{agency}/{year}", &["get"][..]),
        ("/api/v1/calendar/workdays-after", &["get"][..]),
    ] {
        let item = paths.get(path).unwrap_or_else(|| panic!("{path} missing"));
        for method in methods {
            let op = &item[*method];
            assert!(op.is_object(), "{method} {path} missing");
            assert!(op["operationId"].is_string(), "{method} {path}");
            if *method == "post" {
                assert_eq!(
                    op["security"][0]["bearer_token"],
                    Value::Array(vec![]),
                    "{path}"
                );
                assert!(op["responses"]["401"].is_object());
                assert!(op["responses"]["503"].is_object());
            }
        }
    }
    assert_eq!(
        paths["/api/v1/applications/{id}/events"]["post"]["responses"]["409"]["content"]["application/json"]
            ["schema"]["$ref"],
        "#/components/schemas/ErrorBody"
    );
    let scheme = &doc["components"]["securitySchemes"]["bearer_token"];
    assert_eq!(scheme["type"], "http");
    assert_eq!(scheme["scheme"], "bearer");

    let schemas = doc["components"]["schemas"].as_object().unwrap();
    let mut found = BTreeSet::new();
    refs(&doc, &mut found);
    assert!(!found.is_empty());
    for r in &found {
        let name = r
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("unexpected reference {r}"));
        assert!(schemas.contains_key(name), "{r} does not exist");
    }
    for name in [
        "NewApplication",
        "ProcedureEvent",
        "ApplicationDetail",
        "Status",
        "ReportDocument",
        "WorkdaysAfter",
        "ErrorBody",
    ] {
        assert!(schemas.contains_key(name), "{name}");
    }
    // The same document is available without a server.
    let generated = serde_json::to_value(gongkai_api::openapi()).unwrap();
    assert_eq!(generated["paths"].as_object().unwrap().len(), paths.len());
}

#[tokio::test]
async fn docs_page_is_served_offline() {
    let f = fixture().await;
    let redirect = f.get("/api/v1/docs").await;
    assert!(redirect.status.is_redirection(), "{}", redirect.status);
    let page = f.get("/api/v1/docs/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("swagger-ui"), "{}", page.text);
    for needle in ["src=\"http", "href=\"http", "src=\"//", "href=\"//"] {
        assert!(!page.text.contains(needle), "external resource: {needle}");
    }
    let init = f.get("/api/v1/docs/swagger-initializer.js").await;
    assert_eq!(init.status, StatusCode::OK);
    assert!(init.text.contains("/api/v1/openapi.json"), "{}", init.text);
    let bundle = f.get("/api/v1/docs/swagger-ui-bundle.js").await;
    assert_eq!(bundle.status, StatusCode::OK);
    assert!(bundle.text.len() > 100_000);
}
