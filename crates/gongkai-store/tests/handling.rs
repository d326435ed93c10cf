//! Case handling beyond the events: transfers, review cases of a scope and
//! their corrections (counted in table 四), staff e-mail addresses and the
//! record of reminder digests; on SQLite and (when installed) PostgreSQL.

mod common;

use chrono::NaiveDate;
use gongkai_domain::casework::{ApplicantType, ReviewKind, ReviewResult};
use gongkai_domain::deadline::{DeadlineKind, Outcome, ProcedureEvent, ReceiptChannel};
use gongkai_domain::report::{ReviewColumn, ReviewGroup};
use gongkai_store::{
    AgencyKind, DeliveryForm, IdDocumentType, NewAgency, NewApplicant, NewApplication,
    NewReviewCase, NewStaffUser, NewTransfer, StaffRole, Store, StoreError,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

async fn county(store: &Store) {
    for (code, name, kind, parent) in [
        ("gov", "某县人民政府", AgencyKind::Government, None),
        ("czj", "某县财政局", AgencyKind::Department, Some("gov")),
        (
            "zrj",
            "某县自然资源和规划局",
            AgencyKind::Department,
            Some("gov"),
        ),
    ] {
        store
            .put_agency(
                "t",
                &NewAgency {
                    code: code.into(),
                    name: name.into(),
                    kind,
                    parent_code: parent.map(Into::into),
                    address: String::new(),
                    phone: String::new(),
                    office_hours: String::new(),
                    sort_order: 0,
                },
            )
            .await
            .expect("agency");
    }
}

fn application(agency: &str, received: NaiveDate) -> NewApplication {
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
        channel: ReceiptChannel::PostSigned,
        received_on: received,
        description: "申请公开某地块的土地出让合同".into(),
        delivery_form: DeliveryForm::PaperPost,
    }
}

fn transfer_to(code: &str, date: NaiveDate) -> NewTransfer {
    NewTransfer {
        to_agency_code: code.into(),
        date,
        reason: "所申请信息由该局制作并保存".into(),
    }
}

async fn transfer_moves_the_case_and_restarts_the_clock(store: Store) {
    county(&store).await;
    let store = store.with_today(d(2024, 10, 21));
    // zrj already has one application of 2024, so the transferred one is its 2nd.
    store
        .create_application("t", &application("zrj", d(2024, 9, 2)))
        .await
        .expect("zrj's own");
    let app = store
        .create_application("t", &application("czj", d(2024, 9, 27)))
        .await
        .expect("created");
    assert_eq!(app.number, "2024-0001");

    // Refusals write nothing.
    for (bad, field) in [
        (transfer_to("czj", d(2024, 10, 18)), "接收机关"),
        (transfer_to("nowhere", d(2024, 10, 18)), "接收机关"),
        (
            NewTransfer {
                reason: "  ".into(),
                ..transfer_to("zrj", d(2024, 10, 18))
            },
            "转送理由",
        ),
    ] {
        match store.transfer_application("li", app.id, &bad).await {
            Err(StoreError::InvalidField { field: f, .. }) => assert_eq!(f, field),
            other => panic!("expected {field} refused, got {other:?}"),
        }
    }
    assert!(matches!(
        store
            .transfer_application("li", app.id, &transfer_to("zrj", d(2024, 10, 22)))
            .await,
        Err(StoreError::Procedure(_))
    ));
    assert_eq!(
        store
            .application_events(app.id)
            .await
            .expect("events")
            .len(),
        1
    );
    // The generic event path refuses a transfer: it would not move the case.
    assert!(matches!(
        store
            .add_event(
                "li",
                app.id,
                ProcedureEvent::Transferred {
                    date: d(2024, 10, 18),
                    from_agency: "某县财政局".into(),
                    to_agency: "某县自然资源和规划局".into(),
                    reason: "x".into(),
                },
            )
            .await,
        Err(StoreError::InvalidField { .. })
    ));

    let done = store
        .transfer_application("li", app.id, &transfer_to("zrj", d(2024, 10, 18)))
        .await
        .expect("transferred");
    assert_eq!(done.from_agency_code, "czj");
    assert_eq!(done.from_number, "2024-0001");
    let moved = &done.application;
    assert_eq!(moved.agency_code, "zrj");
    assert_eq!(moved.number, "2024-0002");
    assert_eq!(moved.query_code, app.query_code);
    assert_eq!(moved.received_on, d(2024, 9, 27));
    let events = store.application_events(app.id).await.expect("events");
    assert_eq!(events.len(), 2);
    assert_eq!(events[1].actor, "li");
    assert!(matches!(
        &events[1].event,
        ProcedureEvent::Transferred { from_agency, to_agency, .. }
            if from_agency == "某县财政局" && to_agency == "某县自然资源和规划局"
    ));
    // 20 working days from Fri 2024-10-18 → 2024-11-15 (hand count in the
    // domain's transfer test); the original receipt would give 10-30.
    let status = store.case_status(app.id).await.expect("status");
    assert_eq!(
        status.deadline(DeadlineKind::Answer).expect("answer").due,
        d(2024, 11, 15)
    );
    // The receiving agency's list has it, the transferring one's not.
    let due = store
        .due_applications(Some("czj"), d(2024, 11, 13), 3)
        .await
        .expect("due");
    assert!(due.is_empty());
    let due = store
        .due_applications(Some("zrj"), d(2024, 11, 13), 3)
        .await
        .expect("due");
    assert!(due.iter().any(|x| x.application.id == app.id));
    // Audited under the old key, with both sides.
    let audit = store
        .audit_entries("application", "czj/2024-0001")
        .await
        .expect("audit");
    let entry = audit
        .iter()
        .find(|e| e.action == "application.transfer")
        .expect("transfer audited");
    assert_eq!(entry.actor, "li");
    let after = entry.after.as_ref().expect("after");
    assert_eq!(after["agency_code"], "zrj");
    assert_eq!(after["number"], "2024-0002");

    // Answered at zrj, a transfer is refused; a reopening is not.
    store
        .add_event(
            "wang",
            app.id,
            ProcedureEvent::Answered {
                date: d(2024, 10, 21),
                outcome: Outcome::Granted,
            },
        )
        .await
        .expect("answered");
    assert!(matches!(
        store
            .transfer_application("wang", app.id, &transfer_to("gov", d(2024, 10, 21)))
            .await,
        Err(StoreError::Procedure(_))
    ));
}

async fn review_cases_are_listed_by_scope_and_corrected(store: Store) {
    county(&store).await;
    let store = store.with_today(d(2025, 3, 3));
    let a = store
        .create_application("t", &application("czj", d(2024, 3, 1)))
        .await
        .expect("a");
    let b = store
        .create_application("t", &application("zrj", d(2024, 4, 1)))
        .await
        .expect("b");
    let review = |application_id, kind, filed| NewReviewCase {
        application_id,
        kind,
        case_number: String::new(),
        filed_on: filed,
        decided_on: None,
        result: ReviewResult::Pending,
    };
    let first = store
        .add_review_case(
            "t",
            &review(a.id, ReviewKind::Reconsideration, d(2024, 5, 6)),
        )
        .await
        .expect("first");
    store
        .add_review_case(
            "t",
            &review(b.id, ReviewKind::LitigationDirect, d(2024, 6, 3)),
        )
        .await
        .expect("second");

    let czj = ["czj".to_owned()];
    let listed = store.review_cases_in(Some(&czj)).await.expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].case.id, first.id);
    assert_eq!(listed[0].application_number, a.number);
    assert_eq!(listed[0].agency_name, "某县财政局");
    let all = store.review_cases_in(None).await.expect("all");
    assert_eq!(all.len(), 2);
    assert_eq!(
        all[0].case.details.kind,
        ReviewKind::LitigationDirect,
        "newest first"
    );
    assert!(
        store
            .review_cases_in(Some(&[]))
            .await
            .expect("none")
            .is_empty()
    );

    // A decision must have its date; nothing changes on refusal.
    let mut decided = first.details.clone();
    decided.result = ReviewResult::Corrected;
    assert!(matches!(
        store.update_review_case("t", first.id, &decided).await,
        Err(StoreError::InvalidField {
            field: "审结日期",
            ..
        })
    ));
    decided.decided_on = Some(d(2024, 7, 1));
    decided.case_number = " 某复〔2024〕3号 ".into();
    decided.application_id = b.id; // ignored: the application cannot change
    let updated = store
        .update_review_case("li", first.id, &decided)
        .await
        .expect("updated");
    assert_eq!(updated.details.application_id, a.id);
    assert_eq!(updated.details.case_number, "某复〔2024〕3号");
    assert_eq!(
        store.review_case(first.id).await.expect("read"),
        Some(updated.clone())
    );
    assert_eq!(store.review_case(9999).await.expect("read"), None);
    assert!(matches!(
        store.update_review_case("li", 9999, &decided).await,
        Err(StoreError::NotFound { .. })
    ));
    let audit = store
        .audit_entries("review_case", &first.id.to_string())
        .await
        .expect("audit");
    assert!(
        audit
            .iter()
            .any(|e| e.action == "review_case.update" && e.actor == "li")
    );

    // Table 四 of czj's 2024 report counts the corrected reconsideration.
    let report = store.build_report("czj", 2024).await.expect("report");
    let count = |g, c| i64::try_from(report.review_count(g, c)).expect("int");
    assert_eq!(
        count(ReviewGroup::Reconsideration, ReviewColumn::Corrected),
        1
    );
    assert_eq!(count(ReviewGroup::Reconsideration, ReviewColumn::Total), 1);
    assert_eq!(count(ReviewGroup::LitigationDirect, ReviewColumn::Total), 0);
}

async fn staff_emails_and_reminder_records(store: Store) {
    county(&store).await;
    let mut ids = Vec::new();
    for (username, role) in [
        ("li", StaffRole::Officer),
        ("zhou", StaffRole::Supervisor),
        ("qian", StaffRole::Reviewer),
        ("wu", StaffRole::Officer),
    ] {
        let user = store
            .create_staff_user(
                "admin",
                &NewStaffUser {
                    agency_code: "czj".into(),
                    username: username.into(),
                    display_name: username.to_uppercase(),
                    role,
                    password_hash: None,
                },
            )
            .await
            .expect("user");
        ids.push(user.id);
    }
    assert_eq!(store.staff_email(ids[0]).await.expect("email"), "");
    match store
        .set_staff_email("admin", ids[0], "li at example")
        .await
    {
        Err(StoreError::InvalidField { field, .. }) => assert_eq!(field, "电子邮箱"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(
        store
            .set_staff_email("li", ids[0], " li@czj.example.gov.cn ")
            .await
            .expect("set"),
        "li@czj.example.gov.cn"
    );
    store
        .set_staff_email("admin", ids[1], "zhou@gov.example.gov.cn")
        .await
        .expect("set");
    store
        .set_staff_email("admin", ids[2], "qian@gov.example.gov.cn")
        .await
        .expect("set");
    assert!(matches!(
        store.set_staff_email("admin", 9999, "x@y.cn").await,
        Err(StoreError::NotFound { .. })
    ));
    let emails = store.staff_emails().await.expect("emails");
    assert_eq!(emails.len(), 3);
    assert_eq!(emails[&ids[1]], "zhou@gov.example.gov.cn");
    // Reviewers have no cases; users without an address get nothing.
    let recipients: Vec<String> = store
        .reminder_recipients()
        .await
        .expect("recipients")
        .into_iter()
        .map(|r| r.user.username)
        .collect();
    assert_eq!(recipients, vec!["li".to_owned(), "zhou".to_owned()]);
    // Clearing the address removes the user.
    store
        .set_staff_email("zhou", ids[1], "")
        .await
        .expect("clear");
    assert_eq!(store.reminder_recipients().await.expect("r").len(), 1);
    let audit = store
        .audit_entries("staff_user", "zhou")
        .await
        .expect("audit");
    assert_eq!(
        audit
            .iter()
            .filter(|e| e.action == "staff_user.email")
            .count(),
        2
    );

    let day = d(2026, 3, 2);
    assert!(!store.reminder_sent(ids[0], day).await.expect("sent?"));
    assert!(
        store
            .record_reminder_sent(ids[0], day, "li@czj.example.gov.cn", 3)
            .await
            .expect("record")
    );
    assert!(store.reminder_sent(ids[0], day).await.expect("sent?"));
    assert!(
        !store
            .record_reminder_sent(ids[0], day, "li@czj.example.gov.cn", 3)
            .await
            .expect("second record"),
        "the same day is recorded once"
    );
    assert!(
        !store
            .reminder_sent(ids[0], d(2026, 3, 3))
            .await
            .expect("next day")
    );
}

scenarios!(
    transfer_moves_the_case_and_restarts_the_clock,
    review_cases_are_listed_by_scope_and_corrected,
    staff_emails_and_reminder_records,
);
