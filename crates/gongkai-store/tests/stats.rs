//! The dashboard query: what it loads for the domain's figures, on SQLite
//! and (when installed) PostgreSQL.

#[macro_use]
mod common;

use chrono::NaiveDate;
use gongkai_domain::casework::ApplicantType;
use gongkai_domain::casework::stats::{self, ClosingKind};
use gongkai_domain::deadline::{Outcome, ProcedureEvent, ReceiptChannel, ServiceMethod};
use gongkai_store::{
    AgencyKind, DeliveryForm, IdDocumentType, NewAgency, NewApplicant, NewApplication, Store,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn agency(code: &str, kind: AgencyKind, parent: Option<&str>) -> NewAgency {
    NewAgency {
        code: code.into(),
        name: format!("某县{code}"),
        kind,
        parent_code: parent.map(Into::into),
        address: String::new(),
        phone: String::new(),
        office_hours: String::new(),
        sort_order: 0,
    }
}

fn application(agency: &str, received: NaiveDate, channel: ReceiptChannel) -> NewApplication {
    NewApplication {
        agency_code: agency.into(),
        applicant: NewApplicant {
            applicant_type: ApplicantType::NaturalPerson,
            name: "张三".into(),
            id_document_type: IdDocumentType::ResidentId,
            id_document_number: "11010519491231002X".into(),
            phone: "13812345678".into(),
            address: "某县某路1号".into(),
            email: String::new(),
            organisation_name: None,
            credit_code: None,
        },
        channel,
        received_on: received,
        description: "申请公开某项目的预算执行情况".into(),
        delivery_form: DeliveryForm::ElectronicEmail,
    }
}

async fn register(
    store: &Store,
    agency: &str,
    received: NaiveDate,
    channel: ReceiptChannel,
) -> i64 {
    store
        .create_application("officer", &application(agency, received, channel))
        .await
        .expect("registered")
        .id
}

async fn event(store: &Store, id: i64, event: ProcedureEvent) {
    store.add_event("officer", id, event).await.expect("event");
}

async fn loads_the_year_of_the_scope_with_records_only_where_needed(store: Store) {
    let store = store.with_today(d(2024, 6, 30));
    for a in [
        agency("gov", AgencyKind::Government, None),
        agency("edu", AgencyKind::Department, Some("gov")),
    ] {
        store.put_agency("t", &a).await.expect("agency");
    }
    // Plain: received and answered (late: due 03-29).
    let late = register(&store, "edu", d(2024, 3, 1), ReceiptChannel::InPerson).await;
    event(
        &store,
        late,
        ProcedureEvent::Answered {
            date: d(2024, 4, 1),
            outcome: Outcome::Granted,
        },
    )
    .await;
    // With an extension: answered in time.
    let extended = register(
        &store,
        "edu",
        d(2024, 3, 1),
        ReceiptChannel::OnlineConfirmed,
    )
    .await;
    event(
        &store,
        extended,
        ProcedureEvent::ExtensionGranted {
            date: d(2024, 3, 20),
            workdays: 20,
            approver: "王主任".into(),
        },
    )
    .await;
    event(
        &store,
        extended,
        ProcedureEvent::Answered {
            date: d(2024, 4, 12),
            outcome: Outcome::DeniedThirdParty,
        },
    )
    .await;
    // Withdrawn; open past its deadline; another agency; another year.
    let withdrawn = register(&store, "edu", d(2024, 1, 10), ReceiptChannel::Email).await;
    event(
        &store,
        withdrawn,
        ProcedureEvent::Withdrawn {
            date: d(2024, 1, 12),
        },
    )
    .await;
    register(&store, "edu", d(2024, 3, 4), ReceiptChannel::InPerson).await;
    // Open and waiting for a correction: two events, but not a closing.
    let waiting = register(&store, "edu", d(2024, 6, 3), ReceiptChannel::FaxConfirmed).await;
    event(
        &store,
        waiting,
        ProcedureEvent::CorrectionRequested {
            date: d(2024, 6, 5),
            period_workdays: 15,
            service: Some(ServiceMethod::Electronic),
        },
    )
    .await;
    register(&store, "gov", d(2024, 2, 5), ReceiptChannel::InPerson).await;
    register(&store, "edu", d(2023, 12, 29), ReceiptChannel::InPerson).await;

    assert_eq!(
        store.application_years().await.expect("years"),
        [2024, 2023]
    );

    let edu = vec!["edu".to_owned()];
    let mut cases = store
        .dashboard_cases(Some(&edu), 2024)
        .await
        .expect("cases");
    cases.sort_by_key(|c| (c.received_on, c.channel as u8));
    assert_eq!(cases.len(), 5, "edu's 2024 applications only");
    assert!(cases.iter().all(|c| c.agency == "edu"));
    let with_record: Vec<_> = cases.iter().filter(|c| c.record.is_some()).collect();
    let lengths: Vec<Option<usize>> = with_record
        .iter()
        .map(|c| c.record.as_ref().map(Vec::len))
        .collect();
    assert_eq!(
        lengths,
        [Some(3), Some(2)],
        "only the extended case and the one awaiting correction need their events"
    );
    let withdrawn = &cases[0];
    assert_eq!(
        withdrawn.closing.map(|c| (c.kind, c.date, c.outcome)),
        Some((
            ClosingKind::Withdrawn,
            d(2024, 1, 12),
            Some(Outcome::OtherOther)
        ))
    );
    assert_eq!(withdrawn.channel, ReceiptChannel::Email);

    let dashboard = stats::compute(
        store.calendar().expect("calendar"),
        2024,
        store.today(),
        cases,
    );
    let march = &dashboard.months[2];
    assert_eq!(
        (march.received, march.answered_late, march.open_overdue),
        (3, 1, 1)
    );
    assert_eq!(dashboard.total.answer_times.median(), Some(21));
    assert_eq!(dashboard.unevaluated, 0);

    let all = store.dashboard_cases(None, 2024).await.expect("all");
    assert_eq!(all.len(), 6);
    let both = vec!["gov".to_owned(), "edu".to_owned()];
    assert_eq!(
        store
            .dashboard_cases(Some(&both), 2024)
            .await
            .expect("both")
            .len(),
        6
    );
    assert!(
        store
            .dashboard_cases(Some(&[]), 2024)
            .await
            .expect("none")
            .is_empty()
    );
    assert!(
        store.dashboard_cases(None, 1900).await.is_err(),
        "a year out of range is refused"
    );
}

scenarios!(loads_the_year_of_the_scope_with_records_only_where_needed);
