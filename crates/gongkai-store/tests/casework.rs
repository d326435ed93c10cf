//! Applications, events, attachments, review cases and the tables computed
//! from them, run on SQLite and (when installed) PostgreSQL.

mod common;

use chrono::NaiveDate;
use gongkai_domain::casework::{ApplicantType, ReviewKind, ReviewResult};
use gongkai_domain::deadline::{CaseState, Outcome, ProcedureEvent, ReceiptChannel, ServiceMethod};
use gongkai_domain::report::{
    ApplicantColumn as C, ApplicationRow as R, ReviewColumn, ReviewGroup,
};
use gongkai_domain::validate::{validate, validate_with_previous};
use gongkai_store::{
    AgencyKind, ApplicationFilter, DeliveryForm, IdDocumentType, MAX_ATTACHMENT_BYTES, NewAgency,
    NewApplicant, NewApplication, NewAttachment, NewReviewCase, NewStaffUser, StaffRole, Store,
    StoreError,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn agency(code: &str, name: &str, kind: AgencyKind, parent: Option<&str>) -> NewAgency {
    NewAgency {
        code: code.into(),
        name: name.into(),
        kind,
        parent_code: parent.map(Into::into),
        address: String::new(),
        phone: String::new(),
        office_hours: String::new(),
        sort_order: 0,
    }
}

/// A county government with a department, and a town with its own sub-office.
async fn county(store: &Store) {
    for a in [
        agency("gov", "某县人民政府", AgencyKind::Government, None),
        agency("czj", "某县财政局", AgencyKind::Department, Some("gov")),
        agency("town", "某镇人民政府", AgencyKind::Town, Some("gov")),
        agency("other", "另一县人民政府", AgencyKind::Government, None),
    ] {
        store.put_agency("t", &a).await.expect("agency");
    }
}

fn applicant(applicant_type: ApplicantType) -> NewApplicant {
    let organisation = applicant_type.is_organisation();
    NewApplicant {
        applicant_type,
        name: "张三".into(),
        id_document_type: if organisation {
            IdDocumentType::BusinessLicense
        } else {
            IdDocumentType::ResidentId
        },
        id_document_number: if organisation {
            "91350100M000100Y43".into()
        } else {
            "11010519491231002X".into()
        },
        phone: "13812345678".into(),
        address: "某县某路1号".into(),
        email: "zhang@example.cn".into(),
        organisation_name: organisation.then(|| "某某有限公司".into()),
        credit_code: organisation.then(|| "91350100M000100Y43".into()),
    }
}

fn application(agency: &str, applicant_type: ApplicantType, received: NaiveDate) -> NewApplication {
    NewApplication {
        agency_code: agency.into(),
        applicant: applicant(applicant_type),
        channel: ReceiptChannel::InPerson,
        received_on: received,
        description: "申请公开2023年度某项目的预算执行情况".into(),
        delivery_form: DeliveryForm::ElectronicEmail,
    }
}

async fn register(store: &Store, agency: &str, t: ApplicantType, received: NaiveDate) -> i64 {
    store
        .create_application("officer", &application(agency, t, received))
        .await
        .expect("registered")
        .id
}

async fn answer(store: &Store, id: i64, date: NaiveDate, outcome: Outcome) {
    store
        .add_event("officer", id, ProcedureEvent::Answered { date, outcome })
        .await
        .expect("answered");
}

fn n(report: &gongkai_domain::Report, row: R, col: C) -> i64 {
    i64::try_from(report.application_count(row, col)).expect("integer")
}

async fn a_year_of_cases_matches_hand_counted_tables(store: Store) {
    let store = store.with_today(d(2025, 3, 3));
    county(&store).await;
    use ApplicantType::*;
    // Received 2023-12-28, answered 2024-01-10: 二 and （一）.
    let a = register(&store, "gov", NaturalPerson, d(2023, 12, 28)).await;
    answer(&store, a, d(2024, 1, 10), Outcome::Granted).await;
    // Closed within 2023: not in 2024.
    let b = register(&store, "gov", Commercial, d(2023, 6, 1)).await;
    answer(&store, b, d(2023, 7, 3), Outcome::Granted).await;
    // Received 2023, still open: 二 and 四.
    register(&store, "gov", Research, d(2023, 11, 20)).await;
    let dd = register(&store, "gov", NaturalPerson, d(2024, 3, 1)).await;
    answer(&store, dd, d(2024, 3, 20), Outcome::PartiallyGranted).await;
    // 补正 not answered in time, then closed: （六）1 implied.
    let e = register(&store, "gov", NaturalPerson, d(2024, 5, 6)).await;
    store
        .add_event(
            "officer",
            e,
            ProcedureEvent::CorrectionRequested {
                date: d(2024, 5, 8),
                period_workdays: 10,
                service: Some(ServiceMethod::Electronic),
            },
        )
        .await
        .expect("correction");
    let closed = store
        .add_event(
            "officer",
            e,
            ProcedureEvent::Closed {
                date: d(2024, 6, 3),
            },
        )
        .await
        .expect("closed");
    assert_eq!(closed.outcome, Some(Outcome::OtherOverdueCorrection));
    // Withdrawn: （六）3.
    let f = register(&store, "gov", SocialWelfare, d(2024, 7, 1)).await;
    store
        .add_event(
            "officer",
            f,
            ProcedureEvent::Withdrawn {
                date: d(2024, 7, 19),
            },
        )
        .await
        .expect("withdrawn");
    // Received 2024-12-27, answered 2025-01-08: 一 and 四.
    let g = register(&store, "gov", NaturalPerson, d(2024, 12, 27)).await;
    answer(&store, g, d(2025, 1, 8), Outcome::Granted).await;
    register(&store, "gov", LegalServices, d(2024, 12, 30)).await;
    // Received 2023-12-29, answered on the last day of 2024.
    let i = register(&store, "gov", Commercial, d(2023, 12, 29)).await;
    store
        .add_event(
            "officer",
            i,
            ProcedureEvent::ExtensionGranted {
                date: d(2024, 1, 20),
                workdays: 20,
                approver: "李主任".into(),
            },
        )
        .await
        .expect("extension");
    answer(&store, i, d(2024, 12, 31), Outcome::UnavailableNotHeld).await;
    register(&store, "gov", NaturalPerson, d(2025, 1, 2)).await;
    // A department's case, for the aggregate.
    let k = register(&store, "czj", NaturalPerson, d(2024, 4, 1)).await;
    answer(&store, k, d(2024, 4, 10), Outcome::Granted).await;
    // Review cases of 2024: one decided in the year, one after it (尚未审结).
    let review = |application_id, kind, filed, decided, result| NewReviewCase {
        application_id,
        kind,
        case_number: String::new(),
        filed_on: filed,
        decided_on: decided,
        result,
    };
    store
        .add_review_case(
            "t",
            &review(
                dd,
                ReviewKind::Reconsideration,
                d(2024, 4, 1),
                Some(d(2024, 5, 10)),
                ReviewResult::Upheld,
            ),
        )
        .await
        .expect("review");
    let pending = store
        .add_review_case(
            "t",
            &review(
                a,
                ReviewKind::LitigationDirect,
                d(2024, 11, 1),
                None,
                ReviewResult::Pending,
            ),
        )
        .await
        .expect("review");
    store
        .decide_review_case("t", pending.id, d(2025, 2, 1), ReviewResult::Corrected)
        .await
        .expect("decided");

    let report = store.build_report("gov", 2024).await.expect("report");
    assert_eq!(report.agency.as_deref(), Some("某县人民政府"));
    let expected: &[(R, C, i64)] = &[
        (R::NewReceived, C::NaturalPerson, 3),
        (R::NewReceived, C::SocialWelfare, 1),
        (R::NewReceived, C::LegalServices, 1),
        (R::NewReceived, C::Total, 5),
        (R::CarriedOver, C::NaturalPerson, 1),
        (R::CarriedOver, C::Research, 1),
        (R::CarriedOver, C::Commercial, 1),
        (R::CarriedOver, C::Total, 3),
        (R::Granted, C::NaturalPerson, 1),
        (R::PartiallyGranted, C::NaturalPerson, 1),
        (R::UnavailableNotHeld, C::Commercial, 1),
        (R::OtherOverdueCorrection, C::NaturalPerson, 1),
        (R::OtherOther, C::SocialWelfare, 1),
        (R::TotalProcessed, C::NaturalPerson, 3),
        (R::TotalProcessed, C::Total, 5),
        (R::CarriedForward, C::NaturalPerson, 1),
        (R::CarriedForward, C::Research, 1),
        (R::CarriedForward, C::LegalServices, 1),
        (R::CarriedForward, C::Total, 3),
    ];
    for &(row, col, value) in expected {
        assert_eq!(n(&report, row, col), value, "{row:?} {col:?}");
    }
    let review_count =
        |r: &gongkai_domain::Report, g, c| i64::try_from(r.review_count(g, c)).expect("int");
    assert_eq!(
        review_count(&report, ReviewGroup::Reconsideration, ReviewColumn::Upheld),
        1
    );
    assert_eq!(
        review_count(
            &report,
            ReviewGroup::LitigationDirect,
            ReviewColumn::Pending
        ),
        1
    );
    assert_eq!(
        review_count(&report, ReviewGroup::LitigationDirect, ReviewColumn::Total),
        1
    );
    assert!(validate(&report).is_empty(), "{:?}", validate(&report));
    let previous = store.build_report("gov", 2023).await.expect("2023");
    assert_eq!(n(&previous, R::CarriedForward, C::Total), 3);
    assert!(validate_with_previous(&report, &previous).is_empty());
    // The 2025 report: the 2024-12-27 case closed in 2025 is carried over.
    let next = store.build_report("gov", 2025).await.expect("2025");
    assert_eq!(n(&next, R::CarriedOver, C::Total), 3);
    assert_eq!(n(&next, R::NewReceived, C::Total), 1);
    assert_eq!(
        review_count(&next, ReviewGroup::LitigationDirect, ReviewColumn::Total),
        0
    );

    let total = store
        .build_aggregate_report("gov", 2024)
        .await
        .expect("aggregate");
    assert_eq!(
        total.agency.as_deref(),
        Some("某县人民政府（含所属部门及乡镇）")
    );
    assert_eq!(n(&total, R::NewReceived, C::Total), 6);
    assert_eq!(n(&total, R::Granted, C::NaturalPerson), 2);
    assert!(validate(&total).iter().all(|f| !f.is_error()));
    assert_eq!(
        store.agency_with_subordinates("gov").await.expect("tree"),
        vec!["gov".to_owned(), "czj".to_owned(), "town".to_owned()]
    );
    assert!(matches!(
        store.build_report("nobody", 2024).await,
        Err(StoreError::NotFound { .. })
    ));
}

async fn rejected_events_write_nothing(store: Store) {
    let store = store.with_today(d(2025, 3, 3));
    county(&store).await;
    let id = register(&store, "gov", ApplicantType::NaturalPerson, d(2024, 9, 27)).await;
    answer(&store, id, d(2024, 10, 30), Outcome::Granted).await;
    let before = store.application(id).await.expect("read").expect("exists");
    let audit_before = store.audit_count().await.expect("count");
    let events_before = store.application_events(id).await.expect("events").len();
    for bad in [
        // A second closing.
        ProcedureEvent::Answered {
            date: d(2024, 11, 1),
            outcome: Outcome::Granted,
        },
        // Before the last event.
        ProcedureEvent::Reopened {
            date: d(2024, 10, 1),
            reason: "复议决定".into(),
        },
        // In the future.
        ProcedureEvent::Reopened {
            date: d(2025, 3, 4),
            reason: "复议决定".into(),
        },
        // A second receipt.
        ProcedureEvent::Received {
            channel: ReceiptChannel::InPerson,
            date: d(2024, 11, 1),
        },
    ] {
        let err = store
            .add_event("officer", id, bad.clone())
            .await
            .expect_err("rejected");
        assert!(matches!(err, StoreError::Procedure(_)), "{bad:?}: {err}");
        assert!(err.is_input_error());
    }
    assert_eq!(
        store.application(id).await.expect("read").expect("exists"),
        before
    );
    assert_eq!(store.audit_count().await.expect("count"), audit_before);
    assert_eq!(
        store.application_events(id).await.expect("events").len(),
        events_before
    );
    // A second extension is refused too.
    let other = register(&store, "gov", ApplicantType::NaturalPerson, d(2024, 9, 27)).await;
    let extension = |date| ProcedureEvent::ExtensionGranted {
        date,
        workdays: 10,
        approver: "李主任".into(),
    };
    store
        .add_event("officer", other, extension(d(2024, 10, 28)))
        .await
        .expect("first");
    assert!(
        store
            .add_event("officer", other, extension(d(2024, 10, 29)))
            .await
            .is_err()
    );
    assert!(matches!(
        store
            .add_event("officer", 999_999, extension(d(2024, 10, 29)))
            .await,
        Err(StoreError::NotFound { .. })
    ));
}

async fn closing_once_and_reopening_are_audited(store: Store) {
    let store = store.with_today(d(2025, 3, 3));
    county(&store).await;
    let id = register(&store, "gov", ApplicantType::Research, d(2024, 9, 27)).await;
    let status = store.case_status(id).await.expect("status");
    let due = status.deadlines.first().expect("answer deadline");
    assert_eq!(due.due, d(2024, 10, 30));
    assert!(due.reason.contains("第三十三条"), "{}", due.reason);
    answer(&store, id, d(2024, 10, 25), Outcome::DeniedThirdParty).await;
    let reopened = store
        .add_event(
            "officer",
            id,
            ProcedureEvent::Reopened {
                date: d(2024, 12, 2),
                reason: "行政复议决定责令重新答复".into(),
            },
        )
        .await
        .expect("reopened");
    assert_eq!(reopened.state, CaseState::Registered);
    assert_eq!((reopened.outcome, reopened.closed_on), (None, None));
    answer(&store, id, d(2024, 12, 20), Outcome::PartiallyGranted).await;
    let app = store.application(id).await.expect("read").expect("exists");
    assert_eq!(app.outcome, Some(Outcome::PartiallyGranted));
    assert_eq!(app.closed_on, Some(d(2024, 12, 20)));
    assert_eq!(app.state, CaseState::Answered);
    let audit = store
        .audit_entries("application", &app.audit_key())
        .await
        .expect("audit");
    let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "application.create",
            "application.close",
            "application.reopen",
            "application.close"
        ]
    );
    let created = audit[0].after.as_ref().expect("after");
    assert_eq!(
        created["applicant"]["id_document_number"],
        "913501********0Y43"
    );
    assert_eq!(
        audit[2].before.as_ref().expect("before")["outcome"],
        "denied_third_party"
    );
    assert_eq!(
        audit[2].after.as_ref().expect("after")["event"]["event"],
        "reopened"
    );
    let events = store.application_events(id).await.expect("events");
    assert_eq!(
        events.iter().map(|e| e.seq).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    assert!(events.iter().all(|e| e.actor == "officer"));
}

async fn numbers_and_query_codes(store: Store) {
    let store = store.with_today(d(2025, 3, 3));
    county(&store).await;
    let first = store
        .create_application(
            "officer",
            &application("gov", ApplicantType::NaturalPerson, d(2024, 5, 6)),
        )
        .await
        .expect("first");
    let second = store
        .create_application(
            "officer",
            &application("gov", ApplicantType::Commercial, d(2024, 6, 6)),
        )
        .await
        .expect("second");
    let next_year = store
        .create_application(
            "officer",
            &application("gov", ApplicantType::NaturalPerson, d(2025, 1, 6)),
        )
        .await
        .expect("next year");
    let elsewhere = store
        .create_application(
            "officer",
            &application("czj", ApplicantType::NaturalPerson, d(2024, 5, 6)),
        )
        .await
        .expect("other agency");
    assert_eq!(
        [
            &first.number,
            &second.number,
            &next_year.number,
            &elsewhere.number
        ],
        ["2024-0001", "2024-0002", "2025-0001", "2024-0001"]
    );
    assert_eq!(first.query_code.len(), 12);
    assert_ne!(first.query_code, second.query_code);
    let found = store
        .application_by_query_code(&first.query_code)
        .await
        .expect("lookup");
    assert_eq!(found.as_ref().map(|a| a.id), Some(first.id));
    let typed = format!("{}-{}", &second.query_code[..6], &second.query_code[6..]).to_lowercase();
    let found = store
        .application_by_query_code(&typed)
        .await
        .expect("lookup");
    assert_eq!(found.map(|a| a.id), Some(second.id));
    assert!(
        store
            .application_by_query_code("0000000000000")
            .await
            .expect("lookup")
            .is_none()
    );
    assert!(
        store
            .application_by_query_code("ZZZZZZZZZZZZ")
            .await
            .expect("lookup")
            .is_none()
    );
    let by_number = store
        .application_by_number("czj", "2024-0001")
        .await
        .expect("lookup");
    assert_eq!(by_number.map(|a| a.id), Some(elsewhere.id));
    assert_eq!(first.applicant.details.organisation_name, None);
    assert_eq!(
        second.applicant.details.organisation_name.as_deref(),
        Some("某某有限公司")
    );
}

async fn invalid_input_names_the_field_and_writes_nothing(store: Store) {
    let store = store.with_today(d(2025, 3, 3));
    county(&store).await;
    let audit_before = store.audit_count().await.expect("count");
    let base = application("gov", ApplicantType::NaturalPerson, d(2024, 5, 6));
    let mut cases: Vec<(NewApplication, &str)> = Vec::new();
    let mut bad = base.clone();
    bad.applicant.id_document_number = "110105194912310021".into();
    cases.push((bad, "居民身份证号码"));
    let mut bad = base.clone();
    bad.applicant.phone = "12345".into();
    cases.push((bad, "联系电话"));
    let mut bad = base.clone();
    bad.applicant.email = "zhang@".into();
    cases.push((bad, "电子邮箱"));
    let mut bad = base.clone();
    bad.description = "   ".into();
    cases.push((bad, "申请内容描述"));
    let mut bad = base.clone();
    bad.description = "字".repeat(5001);
    cases.push((bad, "申请内容描述"));
    let mut bad = base.clone();
    bad.received_on = d(2025, 3, 4);
    cases.push((bad, "收到申请日期"));
    let mut bad = base.clone();
    bad.applicant.name = String::new();
    cases.push((bad, "申请人姓名"));
    let mut bad = application("gov", ApplicantType::Commercial, d(2024, 5, 6));
    bad.applicant.credit_code = Some("91350100M000100Y44".into());
    cases.push((bad, "统一社会信用代码"));
    let mut bad = application("gov", ApplicantType::Research, d(2024, 5, 6));
    bad.applicant.organisation_name = None;
    cases.push((bad, "单位名称"));
    for (new, field) in cases {
        match store.create_application("officer", &new).await {
            Err(StoreError::InvalidField { field: f, .. }) => assert_eq!(f, field),
            other => panic!("{field}: {other:?}"),
        }
    }
    let mut unknown = base.clone();
    unknown.agency_code = "nobody".into();
    assert!(matches!(
        store.create_application("officer", &unknown).await,
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(store.audit_count().await.expect("count"), audit_before);
    let all = store
        .list_applications(&ApplicationFilter::default())
        .await
        .expect("list");
    assert_eq!(all.total, 0);
    // Exactly 5,000 characters is accepted.
    let mut long = base.clone();
    long.description = "字".repeat(5000);
    store
        .create_application("officer", &long)
        .await
        .expect("5000 chars");
}

async fn attachments_are_limited_and_hashed(store: Store) {
    let store = store.with_today(d(2025, 3, 3));
    county(&store).await;
    let id = register(&store, "gov", ApplicantType::NaturalPerson, d(2024, 5, 6)).await;
    let file = |name: &str, bytes: Vec<u8>| NewAttachment {
        file_name: name.into(),
        media_type: "application/pdf".into(),
        bytes,
    };
    let empty = store
        .add_attachment("t", id, &file("空.pdf", Vec::new()))
        .await
        .expect_err("empty");
    assert!(
        matches!(empty, StoreError::Attachment { .. }) && empty.to_string().contains("为空"),
        "{empty}"
    );
    let big = store
        .add_attachment("t", id, &file("大.pdf", vec![0; MAX_ATTACHMENT_BYTES + 1]))
        .await
        .expect_err("too big");
    assert!(big.to_string().contains("20MB"), "{big}");
    let stored = store
        .add_attachment("t", id, &file("申请书.pdf", b"abc".to_vec()))
        .await
        .expect("small");
    assert_eq!(
        stored.sha256,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(stored.size, 3);
    let (meta, content) = store
        .attachment_content(stored.id)
        .await
        .expect("read")
        .expect("exists");
    assert_eq!((meta, content), (stored.clone(), b"abc".to_vec()));
    assert_eq!(store.attachments(id).await.expect("list"), vec![stored]);
    assert!(
        store
            .add_attachment("t", 999_999, &file("x.pdf", b"x".to_vec()))
            .await
            .is_err()
    );
    let app = store.application(id).await.expect("read").expect("exists");
    let audit = store
        .audit_entries("application", &app.audit_key())
        .await
        .expect("audit");
    assert_eq!(
        audit.last().map(|e| e.action.as_str()),
        Some("attachment.create")
    );
}

async fn lists_and_due_warnings(store: Store) {
    let today = d(2025, 3, 3);
    let store = store.with_today(today);
    county(&store).await;
    // Received 2025-02-05: with the 调休 Saturday 02-08, 20 working days end
    // 2025-03-04, one working day after today.
    let soon = register(&store, "gov", ApplicantType::NaturalPerson, d(2025, 2, 5)).await;
    // Received 2025-02-20: due 2025-03-20.
    let later = register(&store, "gov", ApplicantType::Commercial, d(2025, 2, 20)).await;
    // Long overdue.
    let overdue = register(&store, "czj", ApplicantType::NaturalPerson, d(2025, 1, 2)).await;
    let closed = register(&store, "gov", ApplicantType::NaturalPerson, d(2025, 1, 6)).await;
    answer(&store, closed, d(2025, 1, 20), Outcome::Granted).await;
    let due = store.due_applications(None, today, 3).await.expect("due");
    let ids: Vec<i64> = due.iter().map(|d| d.application.id).collect();
    assert_eq!(ids, [overdue, soon]);
    assert!(due[0].deadline.overdue);
    assert_eq!(due[1].deadline.due, d(2025, 3, 4));
    assert_eq!(due[1].deadline.days_left, Some(1));
    let gov_only = store
        .due_applications(Some("gov"), today, 20)
        .await
        .expect("due");
    assert_eq!(
        gov_only
            .iter()
            .map(|d| d.application.id)
            .collect::<Vec<_>>(),
        [soon, later]
    );

    let list = |filter: ApplicationFilter| {
        let store = store.clone();
        async move { store.list_applications(&filter).await.expect("list") }
    };
    let all = list(ApplicationFilter::default()).await;
    assert_eq!(all.total, 4);
    assert_eq!(all.items[0].id, later, "newest receipt first");
    let gov = list(ApplicationFilter {
        agency_code: Some("gov".into()),
        ..Default::default()
    })
    .await;
    assert_eq!(gov.total, 3);
    let answered = list(ApplicationFilter {
        state: Some(CaseState::Answered),
        ..Default::default()
    })
    .await;
    assert_eq!(
        answered.items.iter().map(|a| a.id).collect::<Vec<_>>(),
        [closed]
    );
    let text = list(ApplicationFilter {
        text: Some("有限公司".into()),
        ..Default::default()
    })
    .await;
    assert_eq!(text.items.iter().map(|a| a.id).collect::<Vec<_>>(), [later]);
    let percent = list(ApplicationFilter {
        text: Some("%".into()),
        ..Default::default()
    })
    .await;
    assert_eq!(percent.total, 0);
    let due_before = list(ApplicationFilter {
        due_before: Some(d(2025, 3, 10)),
        ..Default::default()
    })
    .await;
    assert_eq!(
        due_before.items.iter().map(|a| a.id).collect::<Vec<_>>(),
        [soon, overdue]
    );
    let page2 = list(ApplicationFilter {
        page: 2,
        per_page: 3,
        ..Default::default()
    })
    .await;
    assert_eq!((page2.total, page2.items.len()), (4, 1));
}

async fn staff_users_have_roles(store: Store) {
    county(&store).await;
    let user = NewStaffUser {
        agency_code: "gov".into(),
        username: "wang".into(),
        display_name: "王五".into(),
        role: StaffRole::Officer,
        password_hash: None,
    };
    let stored = store.create_staff_user("admin", &user).await.expect("user");
    assert_eq!((stored.role, stored.active), (StaffRole::Officer, true));
    assert!(matches!(
        store.create_staff_user("admin", &user).await,
        Err(StoreError::InvalidField {
            field: "用户名",
            ..
        })
    ));
    assert_eq!(store.staff_users("gov").await.expect("list"), vec![stored]);
    let audit = store
        .audit_entries("staff_user", "wang")
        .await
        .expect("audit");
    assert_eq!(audit.len(), 1);
    assert_eq!(
        audit[0].after.as_ref().expect("after")["password_set"],
        false
    );
}

async fn imports_continue_numbers_and_count_in_reports(store: Store) {
    let store = store.with_today(d(2025, 3, 3));
    county(&store).await;
    register(&store, "gov", ApplicantType::NaturalPerson, d(2024, 1, 8)).await;
    let imported = |t, received, answered| gongkai_store::ImportedApplication {
        application: application("gov", t, received),
        answered,
    };
    let items = vec![
        imported(
            ApplicantType::NaturalPerson,
            d(2024, 2, 1),
            Some((d(2024, 2, 20), Outcome::Granted)),
        ),
        imported(ApplicantType::Research, d(2024, 3, 1), None),
        imported(
            ApplicantType::Commercial,
            d(2023, 12, 1),
            Some((d(2024, 1, 5), Outcome::RejectedDuplicate)),
        ),
    ];
    assert_eq!(
        store
            .import_applications("import", &items)
            .await
            .expect("import"),
        3
    );
    let after = register(&store, "gov", ApplicantType::NaturalPerson, d(2024, 4, 1)).await;
    let after = store
        .application(after)
        .await
        .expect("read")
        .expect("exists");
    assert_eq!(after.number, "2024-0004");
    let page = store
        .list_applications(&ApplicationFilter::default())
        .await
        .expect("list");
    let mut numbers: Vec<String> = page.items.iter().map(|a| a.number.clone()).collect();
    numbers.sort();
    assert_eq!(
        numbers,
        [
            "2023-0001",
            "2024-0001",
            "2024-0002",
            "2024-0003",
            "2024-0004"
        ]
    );
    let report = store.build_report("gov", 2024).await.expect("report");
    assert_eq!(n(&report, R::NewReceived, C::Total), 4);
    assert_eq!(n(&report, R::CarriedOver, C::Commercial), 1);
    assert_eq!(n(&report, R::RejectedDuplicate, C::Commercial), 1);
    assert_eq!(n(&report, R::CarriedForward, C::Total), 3);
    let imported_app = page
        .items
        .iter()
        .find(|a| a.number == "2024-0002")
        .expect("imported");
    assert_eq!(imported_app.state, CaseState::Answered);
    assert_eq!(
        store
            .application_events(imported_app.id)
            .await
            .expect("events")
            .len(),
        2
    );
    let bad = vec![imported(
        ApplicantType::NaturalPerson,
        d(2024, 2, 1),
        Some((d(2024, 1, 1), Outcome::Granted)),
    )];
    assert!(matches!(
        store.import_applications("import", &bad).await,
        Err(StoreError::InvalidField {
            field: "答复日期",
            ..
        })
    ));
}

scenarios!(
    imports_continue_numbers_and_count_in_reports,
    a_year_of_cases_matches_hand_counted_tables,
    rejected_events_write_nothing,
    closing_once_and_reopening_are_audited,
    numbers_and_query_codes,
    invalid_input_names_the_field_and_writes_nothing,
    attachments_are_limited_and_hashed,
    lists_and_due_warnings,
    staff_users_have_roles,
);
