//! The deadline scenario suite through the JSON API: each case registered
//! with `POST /applications`, its steps posted one by one to
//! `/applications/{id}/events` (the serialised domain event is the request
//! body), then `GET /applications/{id}` must report what the domain computes
//! and `GET /applications/due` must list it exactly when the domain says it
//! falls due. The store's “today” is the case's day.

#[path = "../../gongkai-domain/tests/scenarios/cases.rs"]
mod cases;

mod common;

use axum::http::StatusCode;
use cases::{Scenario, all, verify};
use common::{TOKEN, application};
use gongkai_api::{ApiConfig, router_with_config};
use gongkai_domain::calendar::WorkCalendar;
use gongkai_domain::deadline::{
    CaseStatus, DeadlineKind, DeadlineStatus, ProcedureEvent, evaluate,
};
use gongkai_store::{AgencyKind, NewAgency, Store};
use serde_json::{Value, json};

/// Steps the API cannot record (a transfer goes through the back office).
const NOT_BY_API: &[&str] = &["transfer_starts_a_new_period"];

/// The API's view of the domain's status, field by field.
fn expected(status: &CaseStatus) -> Value {
    let api = gongkai_api::model::Status::from(status);
    serde_json::to_value(api).expect("serialises")
}

#[tokio::test]
async fn every_case_through_the_api_agrees_with_the_domain() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("api.db").display());
    let base = Store::open(&url).await.expect("store");
    let cal = WorkCalendar::operational().expect("calendar");
    let mut failures = Vec::new();
    let cases: Vec<Scenario> = all()
        .into_iter()
        .filter(|s| !NOT_BY_API.contains(&s.name))
        .collect();
    for (i, s) in cases.iter().enumerate() {
        let agency = format!("s{i:02}");
        base.put_agency(
            "test",
            &NewAgency {
                code: agency.clone(),
                name: format!("某县{agency}局"),
                kind: AgencyKind::Department,
                parent_code: None,
                address: String::new(),
                phone: String::new(),
                office_hours: String::new(),
                sort_order: 0,
            },
        )
        .await
        .expect("agency");
        let store = base.clone().with_today(s.today());
        let f = common::Fixture::over(
            router_with_config(
                store.clone(),
                ApiConfig {
                    write_token: Some(TOKEN.into()),
                },
            ),
            store,
        );
        let ProcedureEvent::Received { channel, date } = &s.events[0] else {
            panic!("{}: no receipt", s.name);
        };
        let mut body = application(&agency, &date.to_string());
        body["channel"] = serde_json::to_value(channel).expect("channel");
        let id = f.create(body).await;
        let mut refused = None;
        for (n, event) in s.events.iter().enumerate().skip(1) {
            let reply = f
                .post(
                    &format!("/api/v1/applications/{id}/events"),
                    serde_json::to_value(event).expect("event"),
                )
                .await;
            if reply.status != StatusCode::CREATED {
                refused = Some((n + 1, reply.status, reply.text));
                break;
            }
        }
        match (refused, s.refused()) {
            (Some((n, status, text)), Some(want)) => {
                let ok = n == s.events.len()
                    && matches!(
                        status,
                        StatusCode::CONFLICT | StatusCode::UNPROCESSABLE_ENTITY
                    )
                    && text.contains(want);
                if !ok {
                    failures.push(format!(
                        "{}: step {n} refused {status} {text}, expected “{want}”",
                        s.name
                    ));
                }
                continue;
            }
            (Some((n, status, text)), None) => {
                failures.push(format!("{}: step {n} refused {status}: {text}", s.name));
                continue;
            }
            (None, Some(want)) => {
                failures.push(format!("{}: accepted, expected refusal “{want}”", s.name));
                continue;
            }
            (None, None) => {}
        }
        let domain = evaluate(cal, &s.events, s.today()).expect("domain evaluates");
        if let Err(e) = verify(s, &domain) {
            failures.push(e);
        }
        let shown = f.get(&format!("/api/v1/applications/{id}")).await;
        if shown.body["status"] != expected(&domain) {
            failures.push(format!(
                "{}: the API's status differs from the domain's:\n{}\nvs\n{}",
                s.name,
                shown.body["status"],
                expected(&domain)
            ));
        }
        let due = f
            .get(&format!(
                "/api/v1/applications/due?agency={agency}&within=3"
            ))
            .await;
        assert_eq!(due.status, StatusCode::OK, "{}", due.text);
        let listed = due.body["items"]
            .as_array()
            .and_then(|items| items.first())
            .map(|item| item["deadline"]["due"].clone());
        let should = domain
            .deadline(DeadlineKind::Answer)
            .filter(|d| {
                matches!(
                    d.status,
                    DeadlineStatus::Running | DeadlineStatus::Suspended
                ) && d.days_left.is_some_and(|left| left <= 3)
            })
            .map(|d| json!(d.due));
        if listed != should {
            failures.push(format!(
                "{}: due list {listed:?}, domain {should:?}",
                s.name
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
