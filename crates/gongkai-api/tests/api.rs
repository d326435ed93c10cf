//! Every endpoint of /api/v1 on a temporary SQLite store.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use common::*;
use gongkai_api::ApiConfig;
use gongkai_domain::Report;
use serde_json::{Value, json};

#[tokio::test]
async fn agencies_are_listed() {
    let f = fixture().await;
    let reply = f.get("/api/v1/agencies").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    let items = reply.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    let dept = items.iter().find(|a| a["code"] == DEPT).unwrap();
    assert_eq!(dept["kind"], "department");
    assert_eq!(dept["parent_code"], GOV);
    assert_eq!(dept["name"], "海盐县财政局");
}

#[tokio::test]
async fn an_application_is_registered_and_shown_with_its_deadlines() {
    let f = fixture().await;
    let reply = f
        .post("/api/v1/applications", application(DEPT, "2024-09-27"))
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let id = reply.body["application"]["id"].as_i64().unwrap();
    assert_eq!(
        reply.headers[header::LOCATION],
        format!("/api/v1/applications/{id}")
    );
    let app = &reply.body["application"];
    assert_eq!(app["number"], "2024-0001");
    assert_eq!(app["state"], "registered");
    assert_eq!(app["applicant"]["name"], "张三");
    assert!(app["query_code"].as_str().is_some_and(|c| !c.is_empty()));

    // The detail: 20 working days from 2024-09-27 over the National Day holiday.
    let shown = f.get_auth(&format!("/api/v1/applications/{id}")).await;
    assert_eq!(shown.status, StatusCode::OK, "{}", shown.text);
    let status = &shown.body["status"];
    let answer = &status["deadlines"][0];
    assert_eq!(answer["kind"], "answer");
    assert_eq!(answer["due"], "2024-10-30");
    assert_eq!(answer["status"], "running");
    assert!(
        answer["reason"].as_str().unwrap().contains("第三十三条"),
        "{answer}"
    );
    assert!(status["days_left"].as_i64().unwrap() > 0);
    assert_eq!(status["days_left"], answer["days_left"]);
    assert!(status["pauses"].as_array().unwrap().is_empty());
    assert_eq!(
        shown.body["application"]["description"],
        "请公开2024年海盐县财政预算执行情况。"
    );

    // Without the token the personal data are withheld.
    let public = f.get(&format!("/api/v1/applications/{id}")).await;
    assert_eq!(public.status, StatusCode::OK);
    let app = &public.body["application"];
    assert!(
        app["applicant"].is_null() && app["description"].is_null() && app["query_code"].is_null()
    );
    assert_eq!(app["applicant_type"], "natural_person");
    assert!(!public.text.contains("11010519491231002X"));
    assert!(!public.text.contains("13812345678"));
}

#[tokio::test]
async fn an_organisation_registers_with_its_credit_code() {
    let f = fixture().await;
    let mut body = application(GOV, "2024-10-08");
    body["applicant"]["applicant_type"] = json!("commercial");
    body["applicant"]["organisation_name"] = json!("某某科技有限公司");
    body["applicant"]["credit_code"] = json!("91350100M000100Y43");
    body["applicant"]["id_document_type"] = json!("business_license");
    body["applicant"]["id_document_number"] = json!("91350100M000100Y43");
    let id = f.create(body).await;
    let shown = f.get_auth(&format!("/api/v1/applications/{id}")).await;
    assert_eq!(
        shown.body["application"]["applicant"]["organisation_name"],
        "某某科技有限公司"
    );
}

#[tokio::test]
async fn invalid_fields_are_named_and_nothing_is_written() {
    let f = fixture().await;
    let cases: Vec<(&str, Value, &str)> = vec![
        ("/applicant/phone", json!("12345"), "applicant.phone"),
        (
            "/applicant/id_document_number",
            json!("110105194912310021"),
            "applicant.id_document_number",
        ),
        ("/applicant/email", json!("not-an-email"), "applicant.email"),
        ("/applicant/name", json!("  "), "applicant.name"),
        (
            "/applicant/address",
            json!("地".repeat(501)),
            "applicant.address",
        ),
        (
            "/applicant/organisation_name",
            json!("某公司"),
            "applicant.organisation_name",
        ),
        ("/received_on", json!("2024-02-30"), "received_on"),
        ("/received_on", json!("2024-9-27"), "received_on"),
        ("/received_on", json!("2024-10-16"), "received_on"),
        ("/received_on", json!("2007-01-05"), "received_on"),
        ("/description", json!(""), "description"),
        ("/description", json!("字".repeat(5001)), "description"),
        ("/description", json!("含有\u{0}控制字符"), "description"),
        ("/agency_code", json!("nope"), "agency_code"),
        ("/channel", json!("pigeon"), "channel"),
        ("/delivery_form", json!(3), "delivery_form"),
        (
            "/applicant/applicant_type",
            json!("alien"),
            "applicant.applicant_type",
        ),
    ];
    for (pointer, value, field) in cases {
        let mut body = application(DEPT, "2024-09-27");
        *body.pointer_mut(pointer).unwrap() = value;
        let reply = f.post("/api/v1/applications", body).await;
        assert_error(
            &reply,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
            Some(field),
        );
    }
    // Missing and unknown fields.
    let mut body = application(DEPT, "2024-09-27");
    body["applicant"].as_object_mut().unwrap().remove("phone");
    let reply = f.post("/api/v1/applications", body).await;
    assert_error(
        &reply,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
        Some("applicant.phone"),
    );
    let mut body = application(DEPT, "2024-09-27");
    body["colour"] = json!("blue");
    let reply = f.post("/api/v1/applications", body).await;
    assert_error(
        &reply,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
        Some("colour"),
    );
    // An organisation needs its name.
    let mut body = application(DEPT, "2024-09-27");
    body["applicant"]["applicant_type"] = json!("research");
    let reply = f.post("/api/v1/applications", body).await;
    assert_error(
        &reply,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
        Some("applicant.organisation_name"),
    );
    // The message is the store's Chinese message naming the field.
    let mut body = application(DEPT, "2024-09-27");
    body["applicant"]["phone"] = json!("12345");
    let reply = f.post("/api/v1/applications", body).await;
    assert!(
        reply.body["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("联系电话无效")
    );

    let list = f.get_auth("/api/v1/applications").await;
    assert_eq!(list.body["total"], 0, "{}", list.text);
}

#[tokio::test]
async fn malformed_bodies_are_refused() {
    let f = fixture().await;
    let request = |content_type: &str, body: String| {
        Request::builder()
            .method(Method::POST)
            .uri("/api/v1/applications")
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap()
    };
    let reply = f
        .send(request("application/json", "{\"agency_code\": ".into()))
        .await;
    assert_error(&reply, StatusCode::BAD_REQUEST, "malformed_json", None);
    let reply = f.send(request("application/json", "not json".into())).await;
    assert_error(&reply, StatusCode::BAD_REQUEST, "malformed_json", None);
    let reply = f.send(request("text/plain", "{}".into())).await;
    assert_error(
        &reply,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
        None,
    );
    let huge = format!(
        "{{\"description\": \"{}\"}}",
        "a".repeat(gongkai_api::BODY_LIMIT_BYTES + 1)
    );
    let reply = f.send(request("application/json", huge)).await;
    assert_error(
        &reply,
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        None,
    );
    let reply = f.send(request("application/json", "[1, 2]".into())).await;
    assert_error(
        &reply,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
        Some("body"),
    );
}

#[tokio::test]
async fn writes_need_the_token() {
    let f = fixture().await;
    let body = application(DEPT, "2024-09-27");
    let reply = f
        .call(
            Method::POST,
            "/api/v1/applications",
            None,
            Some(body.clone()),
        )
        .await;
    assert_error(&reply, StatusCode::UNAUTHORIZED, "missing_token", None);
    assert!(
        reply.headers[header::WWW_AUTHENTICATE]
            .to_str()
            .unwrap()
            .starts_with("Bearer")
    );
    let reply = f
        .call(
            Method::POST,
            "/api/v1/applications",
            Some("wrong"),
            Some(body.clone()),
        )
        .await;
    assert_error(&reply, StatusCode::UNAUTHORIZED, "invalid_token", None);
    let id = f.create(body.clone()).await;
    let event = json!({"event": "closed", "date": "2024-10-10"});
    let reply = f
        .call(
            Method::POST,
            &format!("/api/v1/applications/{id}/events"),
            None,
            Some(event.clone()),
        )
        .await;
    assert_error(&reply, StatusCode::UNAUTHORIZED, "missing_token", None);
    assert_eq!(f.event_count(id).await, 1);
    // A wrong token on a read is refused rather than silently ignored.
    let reply = f
        .call(Method::GET, "/api/v1/applications", Some("wrong"), None)
        .await;
    assert_error(&reply, StatusCode::UNAUTHORIZED, "invalid_token", None);

    // Without a configured token writes are disabled.
    let closed = fixture_with(ApiConfig::default()).await;
    let reply = closed
        .call(
            Method::POST,
            "/api/v1/applications",
            Some(TOKEN),
            Some(body),
        )
        .await;
    assert_error(
        &reply,
        StatusCode::SERVICE_UNAVAILABLE,
        "writes_disabled",
        None,
    );
    assert!(
        reply.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("API writes disabled")
    );
    assert_eq!(closed.get("/api/v1/agencies").await.status, StatusCode::OK);
}

#[tokio::test]
async fn applications_are_listed_filtered_and_paged() {
    let f = fixture().await;
    f.create(application(DEPT, "2024-09-27")).await;
    f.create(application(DEPT, "2024-10-08")).await;
    let mut other = application(GOV, "2024-10-09");
    other["description"] = json!("请公开城市更新项目的批复文件。");
    f.create(other).await;

    let reply = f
        .get(&format!(
            "/api/v1/applications?agency={DEPT}&state=registered&page=1&per_page=1"
        ))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(reply.body["total"], 2);
    assert_eq!(reply.body["per_page"], 1);
    let items = reply.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["received_on"], "2024-10-08");
    assert!(items[0]["applicant"].is_null());

    let reply = f.get_auth("/api/v1/applications?q=城市更新").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(reply.body["total"], 1);
    assert_eq!(reply.body["items"][0]["agency_code"], GOV);

    let reply = f.get("/api/v1/applications?q=张三").await;
    assert_error(&reply, StatusCode::UNAUTHORIZED, "missing_token", Some("q"));
    let reply = f.get("/api/v1/applications?state=bogus").await;
    assert_error(
        &reply,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
        Some("state"),
    );
    let reply = f.get("/api/v1/applications?per_page=0").await;
    assert_error(
        &reply,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
        Some("per_page"),
    );
    let reply = f.get("/api/v1/applications?state=").await;
    assert_error(
        &reply,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
        Some("state"),
    );
    let reply = f.get("/api/v1/applications?page=").await;
    assert_error(
        &reply,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
        Some("page"),
    );
    let reply = f.get("/api/v1/applications?page=x").await;
    assert_error(
        &reply,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
        Some("page"),
    );
    let reply = f.get("/api/v1/applications?agency=unknown").await;
    assert_error(&reply, StatusCode::NOT_FOUND, "not_found", Some("agency"));
}

#[tokio::test]
async fn events_are_recorded_and_refusals_write_nothing() {
    let f = fixture().await;
    let id = f.create(application(DEPT, "2024-09-27")).await;
    let events_uri = format!("/api/v1/applications/{id}/events");

    let reply = f.get(&events_uri).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    let items = reply.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["event"]["event"], "received");
    assert_eq!(items[0]["event"]["date"], "2024-09-27");
    assert_eq!(items[0]["seq"], 1);
    assert_eq!(items[0]["label"], "收到申请");

    // A consultation pauses the clock.
    let reply = f
        .post(
            &events_uri,
            json!({"event": "consultation_started", "date": "2024-10-08", "kind": "third_party", "service": "in_person"}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert_eq!(reply.headers[header::LOCATION], events_uri);
    assert_eq!(reply.body["status"]["state"], "in_consultation");
    assert_eq!(reply.body["status"]["pauses"][0]["kind"], "consultation");
    assert_eq!(
        reply.body["status"]["pauses"][0]["consultation_kind"],
        "third_party"
    );
    assert_eq!(f.event_count(id).await, 2);

    // Refusals by the engine: 409 with its Chinese message, nothing written.
    for (event, needle) in [
        (
            json!({"event": "correction_received", "date": "2024-10-09"}),
            "没有待补正的告知",
        ),
        (json!({"event": "closed", "date": "2024-10-01"}), "时间顺序"),
        (json!({"event": "closed", "date": "2024-10-20"}), "晚于今天"),
        (
            json!({"event": "reopened", "date": "2024-10-10", "reason": "复议决定"}),
            "尚未办结",
        ),
    ] {
        let reply = f.post(&events_uri, event).await;
        assert_error(&reply, StatusCode::CONFLICT, "procedure_refused", None);
        let message = reply.body["error"]["message"].as_str().unwrap();
        assert!(message.contains(needle), "{message}");
        assert_eq!(f.event_count(id).await, 2);
    }

    // Field errors in events: 422 naming the field — the one check the
    // command line and the web forms use too.
    for (event, field) in [
        (
            json!({"event": "extension_granted", "date": "2024-10-10", "workdays": 30, "approver": "王主任"}),
            "workdays",
        ),
        (
            json!({"event": "correction_requested", "date": "2024-10-10", "period_workdays": 61, "service": "post"}),
            "period_workdays",
        ),
        (
            json!({"event": "correction_requested", "date": "2024-10-10", "period_workdays": 10}),
            "service",
        ),
        (
            json!({"event": "fee_notice_issued", "date": "2024-10-10", "amount_yuan": 0, "service": "post"}),
            "amount_yuan",
        ),
    ] {
        let reply = f.post(&events_uri, event).await;
        assert_error(
            &reply,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
            Some(field),
        );
        assert_eq!(f.event_count(id).await, 2);
    }
    let reply = f
        .post(&events_uri, json!({"event": "extension_granted", "date": "2024-10-10", "workdays": 5, "approver": " "}))
        .await;
    assert_error(
        &reply,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
        Some("approver"),
    );
    let reply = f
        .post(
            &events_uri,
            json!({"event": "teleported", "date": "2024-10-10"}),
        )
        .await;
    assert_error(
        &reply,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
        None,
    );
    let reply = f
        .post(
            &events_uri,
            json!({"event": "closed", "date": "2024-13-01"}),
        )
        .await;
    assert_error(
        &reply,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
        None,
    );
    assert!(
        reply.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("YYYY-MM-DD")
    );
    assert_eq!(f.event_count(id).await, 2);

    // Reply, then answer: closed with the outcome.
    let reply = f
        .post(
            &events_uri,
            json!({"event": "consultation_replied", "date": "2024-10-10"}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let reply = f
        .post(
            &events_uri,
            json!({"event": "answered", "date": "2024-10-14", "outcome": "granted"}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    assert_eq!(reply.body["application"]["state"], "answered");
    assert_eq!(reply.body["application"]["outcome"], "granted");
    assert_eq!(reply.body["application"]["closed_on"], "2024-10-14");
    assert_eq!(f.event_count(id).await, 4);

    // After closing only reopening is allowed.
    let reply = f
        .post(
            &events_uri,
            json!({"event": "withdrawn", "date": "2024-10-15"}),
        )
        .await;
    assert_error(&reply, StatusCode::CONFLICT, "procedure_refused", None);
    assert_eq!(f.event_count(id).await, 4);

    let reply = f
        .post(
            "/api/v1/applications/999/events",
            json!({"event": "closed", "date": "2024-10-10"}),
        )
        .await;
    assert_error(&reply, StatusCode::NOT_FOUND, "not_found", None);
    let reply = f.get("/api/v1/applications/999/events").await;
    assert_error(&reply, StatusCode::NOT_FOUND, "not_found", None);
}

#[tokio::test]
async fn bad_ids_and_unknown_paths() {
    let f = fixture().await;
    let reply = f.get("/api/v1/applications/abc").await;
    assert_error(
        &reply,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
        Some("id"),
    );
    let reply = f.get("/api/v1/applications/0").await;
    assert_error(
        &reply,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
        Some("id"),
    );
    let reply = f.get("/api/v1/applications/12345").await;
    assert_error(&reply, StatusCode::NOT_FOUND, "not_found", None);
    let reply = f.get("/api/v1/nothing/here").await;
    assert_error(&reply, StatusCode::NOT_FOUND, "not_found", None);
}

#[tokio::test]
async fn due_applications_are_listed() {
    let f = fixture().await;
    let early = f.create(application(DEPT, "2024-09-10")).await;
    let late = f.create(application(GOV, "2024-10-14")).await;

    let reply = f.get("/api/v1/applications/due").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(reply.body["today"], "2024-10-15");
    assert_eq!(reply.body["within"], 3);
    let items = reply.body["items"].as_array().unwrap();
    let ids: Vec<i64> = items
        .iter()
        .map(|i| i["application"]["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![early]);
    assert_eq!(items[0]["deadline"]["kind"], "answer");
    assert!(items[0]["deadline"]["reason"].as_str().is_some());

    let reply = f.get("/api/v1/applications/due?within=60").await;
    let ids: Vec<i64> = reply.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["application"]["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![early, late]);

    let reply = f
        .get(&format!("/api/v1/applications/due?agency={GOV}&within=60"))
        .await;
    assert_eq!(reply.body["items"].as_array().unwrap().len(), 1);
    let reply = f.get("/api/v1/applications/due?within=61").await;
    assert_error(
        &reply,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
        Some("within"),
    );
}

#[tokio::test]
async fn reports_are_built_from_cases() {
    let f = fixture().await;
    let dept = f.create(application(DEPT, "2024-09-27")).await;
    f.create(application(GOV, "2024-10-08")).await;
    let reply = f
        .post(
            &format!("/api/v1/applications/{dept}/events"),
            json!({"event": "answered", "date": "2024-10-10", "outcome": "granted"}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);

    let reply = f.get(&format!("/api/v1/reports/{DEPT}/2024")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    let report = Report::from_json_value(&reply.body).unwrap();
    assert_eq!(report.agency.as_deref(), Some("海盐县财政局"));
    assert_eq!(report.year, 2024);
    assert!(
        gongkai_domain::validate::validate(&report)
            .iter()
            .all(|f| !f.is_error())
    );
    let findings = reply.body["findings"].as_array().unwrap();
    assert!(
        findings.iter().all(|f| f["severity"] != "error"),
        "{findings:?}"
    );
    // The document also reads as the OpenAPI schema says.
    let doc: gongkai_api::model::ReportDocument =
        serde_json::from_value(reply.body.clone()).unwrap();
    assert_eq!(doc.schema, "gongkai.annual-report/1");
    let granted = &reply.body["applications"]["granted"];
    assert!(granted.to_string().contains('1'), "{granted}");

    let whole = f
        .get(&format!("/api/v1/reports/{GOV}/2024?aggregate=true"))
        .await;
    assert_eq!(whole.status, StatusCode::OK, "{}", whole.text);
    let aggregate = Report::from_json_value(&whole.body).unwrap();
    assert!(aggregate.agency.unwrap().contains("含所属部门及乡镇"));
    assert!(
        gongkai_domain::validate::validate(&Report::from_json_value(&whole.body).unwrap())
            .iter()
            .all(|f| !f.is_error())
    );

    let reply = f.get(&format!("/api/v1/reports/{GOV}/1999")).await;
    assert_error(
        &reply,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
        Some("year"),
    );
    let reply = f
        .get(&format!("/api/v1/reports/{GOV}/2024?aggregate=maybe"))
        .await;
    assert_error(
        &reply,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
        Some("aggregate"),
    );
    let reply = f.get("/api/v1/reports/unknown/2024").await;
    assert_error(&reply, StatusCode::NOT_FOUND, "not_found", None);
}

#[tokio::test]
async fn calendar_counts_working_days() {
    let f = fixture().await;
    let reply = f
        .get("/api/v1/calendar/workdays-after?date=2024-09-27&days=20")
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(reply.body["date"], "2024-10-30");
    assert_eq!(reply.body["from"], "2024-09-27");
    assert_eq!(reply.body["days"], 20);
    assert_eq!(reply.body["provisional"], false);

    // The application view gives 2027 dates; so does the calendar, flagged:
    // Thu 2026-12-31 + 1 → Fri 2027-01-01 元旦, weekend → Mon 2027-01-04.
    let reply = f
        .get("/api/v1/calendar/workdays-after?date=2026-12-31&days=1")
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(reply.body["date"], "2027-01-04");
    assert_eq!(reply.body["provisional"], true);
    assert_eq!(reply.body["provisional_years"], json!([2027]));

    let reply = f
        .get("/api/v1/calendar/workdays-after?date=2024-02-30&days=20")
        .await;
    assert_error(
        &reply,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
        Some("date"),
    );
    let reply = f.get("/api/v1/calendar/workdays-after?days=20").await;
    assert_error(
        &reply,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
        Some("date"),
    );
    let reply = f
        .get("/api/v1/calendar/workdays-after?date=2024-09-27&days=-1")
        .await;
    assert_error(
        &reply,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
        Some("days"),
    );
    let reply = f
        .get("/api/v1/calendar/workdays-after?date=2040-01-02&days=5")
        .await;
    assert_error(
        &reply,
        StatusCode::UNPROCESSABLE_ENTITY,
        "calendar_not_covered",
        None,
    );
    assert!(
        reply.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("2040")
    );
}
