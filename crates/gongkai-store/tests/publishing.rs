//! The publishing workflow of catalog items on SQLite and (when installed)
//! PostgreSQL: drafts, review steps, rejection, publication, withdrawal,
//! replacement, attachments, interpretation links, history and Art. 26.

mod common;

use chrono::NaiveDate;
use gongkai_store::{
    AgencyKind, Category, DisclosureMode, ItemDraft, ItemKind, ItemStatus, MAX_ATTACHMENT_BYTES,
    ManagedItemFilter, NewAgency, NewAttachment, ReviewDecision, Store, StoreError, Validity,
    WorkflowStage,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

async fn setup(store: Store) -> Store {
    let store = store.with_today(d(2024, 11, 20));
    for (code, name, kind, parent) in [
        ("gov", "某县人民政府", AgencyKind::Government, None),
        ("edu", "某县教育局", AgencyKind::Department, Some("gov")),
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
    store
}

fn draft(title: &str, kind: ItemKind, written_on: NaiveDate) -> ItemDraft {
    ItemDraft {
        agency_code: "edu".into(),
        kind,
        title: title.into(),
        doc_number: Some("某教发〔2024〕7号".into()),
        written_on: Some(written_on),
        category: Category::Regulations,
        topic: "教育".into(),
        validity: Validity::Valid,
        validity_changed_on: None,
        disclosure_mode: DisclosureMode::Proactive,
        body: "第一条 为了规范管理，制定本办法。".into(),
    }
}

/// Submits and approves every step.
async fn approve_all(store: &Store, id: i64) {
    store
        .submit_for_review("officer", id)
        .await
        .expect("submit");
    let steps = store
        .managed_item(id)
        .await
        .unwrap()
        .unwrap()
        .workflow
        .steps
        .len();
    for _ in 0..steps {
        store
            .decide_review("reviewer", "审核员", id, ReviewDecision::Approve, "同意")
            .await
            .expect("approve");
    }
}

async fn draft_review_reject_publish_withdraw(store: Store) {
    let store = setup(store).await;
    let created = store
        .create_draft(
            "officer",
            &draft(
                "某县校外培训机构管理办法",
                ItemKind::Document,
                d(2024, 9, 27),
            ),
        )
        .await
        .expect("draft");
    let id = created.item.id;
    assert_eq!(created.item.status, ItemStatus::Draft);
    assert_eq!(created.workflow.stage, WorkflowStage::Draft);
    assert!(
        created.item.index_no.starts_with("edu/"),
        "{}",
        created.item.index_no
    );
    let second = store
        .create_draft(
            "officer",
            &draft("第二份", ItemKind::Document, d(2024, 9, 28)),
        )
        .await
        .expect("second draft");
    assert_ne!(second.item.index_no, created.item.index_no, "索引号 unique");

    // Art. 26: 20 working days after 2024-09-27 across the National Day holiday.
    let deadline = store.publish_deadline(&created.item).expect("deadline");
    assert_eq!(deadline.due_on, d(2024, 10, 30));
    assert!(deadline.late, "unpublished and past due on 2024-11-20");

    // Drafts can be edited; the history shows before and after.
    let mut edited = draft(
        "某县校外培训机构监督管理办法",
        ItemKind::Document,
        d(2024, 9, 27),
    );
    edited.topic = "教育、培训".into();
    store
        .update_draft("officer", id, &edited)
        .await
        .expect("edit");

    // Review: the drafter may not decide; a rejection needs a comment and
    // sends the item back with the comment.
    store
        .submit_for_review("officer", id)
        .await
        .expect("submit");
    let refused = store
        .decide_review("officer", "经办人", id, ReviewDecision::Approve, "")
        .await;
    assert!(matches!(refused, Err(StoreError::Invalid(m)) if m.contains("起草人")));
    store
        .decide_review("reviewer", "审核员", id, ReviewDecision::Approve, "不涉密")
        .await
        .expect("保密审查");
    let no_comment = store
        .decide_review("reviewer", "审核员", id, ReviewDecision::Reject, "  ")
        .await;
    assert!(matches!(
        no_comment,
        Err(StoreError::InvalidField {
            field: "审核意见",
            ..
        })
    ));
    let rejected = store
        .decide_review("reviewer", "审核员", id, ReviewDecision::Reject, "文号有误")
        .await
        .expect("reject");
    assert_eq!(rejected.workflow.stage, WorkflowStage::Draft);
    assert_eq!(
        rejected.workflow.last_rejection.as_deref(),
        Some("科室负责人审核退回：文号有误")
    );
    assert!(
        store
            .publish_item("officer", id, d(2024, 11, 20))
            .await
            .is_err(),
        "not approved"
    );

    // Second round: all three steps approve, then it is published.
    approve_all(&store, id).await;
    let approved = store.managed_item(id).await.unwrap().unwrap();
    assert_eq!(approved.workflow.stage, WorkflowStage::Approved);
    assert_eq!(approved.workflow.round, 2);
    let records = store.review_records(id).await.expect("records");
    let decisions: Vec<(i64, &str, ReviewDecision)> = records
        .iter()
        .map(|r| (r.round, r.step_name.as_str(), r.decision))
        .collect();
    assert_eq!(
        decisions,
        [
            (1, "保密审查", ReviewDecision::Approve),
            (1, "科室负责人审核", ReviewDecision::Reject),
            (2, "保密审查", ReviewDecision::Approve),
            (2, "科室负责人审核", ReviewDecision::Approve),
            (2, "办公室审核", ReviewDecision::Approve),
        ]
    );
    assert_eq!(records[1].comment, "文号有误");
    assert_eq!(records[1].reviewer_name, "审核员");

    let outcome = store
        .publish_item("officer", id, d(2024, 11, 20))
        .await
        .expect("publish");
    assert_eq!(outcome.published.status, ItemStatus::Published);
    assert_eq!(outcome.published.published_on, Some(d(2024, 11, 20)));
    assert!(
        store.publish_deadline(&outcome.published).unwrap().late,
        "published late"
    );

    // The late filter counts it; the second draft (2024-09-28) is late too.
    let page = store
        .list_managed_items(&ManagedItemFilter {
            agencies: Some(vec!["edu".into()]),
            stage: None,
            category: None,
            late_only: true,
            page: 1,
            per_page: 20,
        })
        .await
        .expect("list");
    assert_eq!((page.total, page.late), (2, 2));
    let published_only = store
        .list_managed_items(&ManagedItemFilter {
            agencies: None,
            stage: Some(WorkflowStage::Published),
            category: Some(Category::Regulations),
            late_only: false,
            page: 1,
            per_page: 20,
        })
        .await
        .expect("list");
    assert_eq!(published_only.total, 1);
    assert_eq!(published_only.rows[0].item.id, id);

    // Withdrawal needs a reason and keeps it.
    assert!(
        store
            .withdraw_item("officer", id, "", d(2024, 11, 21))
            .await
            .is_err()
    );
    let withdrawn = store
        .withdraw_item("officer", id, "政策已调整", d(2024, 11, 21))
        .await
        .expect("withdraw");
    assert_eq!(withdrawn.item.status, ItemStatus::Withdrawn);
    assert_eq!(
        withdrawn.workflow.withdrawn_reason.as_deref(),
        Some("政策已调整")
    );

    // Every state change is in the history, with before and after.
    let history = store.item_history(&withdrawn.item).await.expect("history");
    let actions: Vec<&str> = history.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions.first(), Some(&"publishing.create_draft"));
    assert!(actions.contains(&"publishing.edit_draft"));
    assert!(actions.contains(&"publishing.review.reject"));
    assert_eq!(actions.last(), Some(&"publishing.withdraw"));
    let edit = history
        .iter()
        .find(|e| e.action == "publishing.edit_draft")
        .unwrap();
    assert_eq!(edit.before.as_ref().unwrap()["topic"], "教育");
    assert_eq!(edit.after.as_ref().unwrap()["topic"], "教育、培训");
}

async fn replacement_withdraws_the_old_item_and_links_it(store: Store) {
    let store = setup(store).await;
    let old = store
        .create_draft(
            "officer",
            &draft("收费管理办法", ItemKind::Document, d(2024, 11, 1)),
        )
        .await
        .unwrap()
        .item;
    store
        .add_item_attachment(
            "officer",
            old.id,
            &NewAttachment {
                file_name: "收费标准.pdf".into(),
                media_type: "application/pdf".into(),
                bytes: b"%PDF old".to_vec(),
            },
        )
        .await
        .expect("attach to the draft");
    assert!(
        store.start_replacement("officer", old.id).await.is_err(),
        "only published items"
    );
    approve_all(&store, old.id).await;
    store
        .publish_item("officer", old.id, d(2024, 11, 5))
        .await
        .unwrap();
    store
        .add_item_attachment(
            "officer",
            old.id,
            &NewAttachment {
                file_name: "标准.pdf".into(),
                media_type: "application/pdf".into(),
                bytes: b"%PDF old".to_vec(),
            },
        )
        .await
        .expect_err("published items are frozen");
    let new = store
        .start_replacement("officer", old.id)
        .await
        .expect("replacement");
    assert_eq!(new.workflow.replaces, Some(old.id));
    assert_eq!(new.item.title, old.title);
    assert_ne!(new.item.index_no, old.index_no);
    let copied = store.item_attachments(new.item.id).await.unwrap();
    assert_eq!(
        copied.len(),
        1,
        "the replacement starts with the attachments"
    );
    assert_eq!(copied[0].sha256, gongkai_store::sha256_hex(b"%PDF old"));
    assert!(
        store.start_replacement("officer", old.id).await.is_err(),
        "one open replacement"
    );
    approve_all(&store, new.item.id).await;
    let outcome = store
        .publish_item("officer", new.item.id, d(2024, 11, 19))
        .await
        .expect("publish replacement");
    let replaced = outcome.replaced.expect("old one replaced");
    assert_eq!(replaced.id, old.id);
    assert_eq!(replaced.status, ItemStatus::Withdrawn);
    let old_now = store.managed_item(old.id).await.unwrap().unwrap();
    assert_eq!(old_now.workflow.stage, WorkflowStage::Replaced);
    assert_eq!(old_now.workflow.replaced_by, Some(new.item.id));
}

async fn attachments_and_interpretation_links(store: Store) {
    let store = setup(store).await;
    let document = store
        .create_draft(
            "officer",
            &draft("管理办法", ItemKind::Document, d(2024, 11, 1)),
        )
        .await
        .unwrap()
        .item;
    let interpretation = store
        .create_draft(
            "officer",
            &draft(
                "《管理办法》政策解读",
                ItemKind::Interpretation,
                d(2024, 11, 2),
            ),
        )
        .await
        .unwrap()
        .item;
    let file = |name: &str, bytes: Vec<u8>| NewAttachment {
        file_name: name.into(),
        media_type: "application/pdf".into(),
        bytes,
    };
    let stored = store
        .add_item_attachment(
            "officer",
            document.id,
            &file("../../etc/附件1.pdf", b"%PDF-1.4 x".to_vec()),
        )
        .await
        .expect("attach");
    assert_eq!(stored.file_name, "附件1.pdf", "directories are dropped");
    assert_eq!(stored.size, 10);
    assert_eq!(stored.sha256, gongkai_store::sha256_hex(b"%PDF-1.4 x"));
    let (_, content) = store
        .item_attachment_content(stored.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(content, b"%PDF-1.4 x");
    assert!(matches!(
        store
            .add_item_attachment("officer", document.id, &file("a.pdf", Vec::new()))
            .await,
        Err(StoreError::Attachment { .. })
    ));
    assert!(matches!(
        store
            .add_item_attachment(
                "officer",
                document.id,
                &file("big.pdf", vec![0; MAX_ATTACHMENT_BYTES + 1])
            )
            .await,
        Err(StoreError::Attachment { .. })
    ));
    assert_eq!(store.item_attachments(document.id).await.unwrap().len(), 1);

    // Links go from an interpretation to a document, never the other way.
    assert!(
        store
            .link_interpretation("officer", document.id, interpretation.id)
            .await
            .is_err()
    );
    store
        .link_interpretation("officer", interpretation.id, document.id)
        .await
        .expect("link");
    store
        .link_interpretation("officer", interpretation.id, document.id)
        .await
        .expect("linking twice is harmless");
    let of_document = store.interpretations_of(document.id).await.unwrap();
    assert_eq!(
        of_document.iter().map(|i| i.id).collect::<Vec<_>>(),
        [interpretation.id]
    );
    let targets = store
        .interpreted_documents(interpretation.id)
        .await
        .unwrap();
    assert_eq!(
        targets.iter().map(|i| i.id).collect::<Vec<_>>(),
        [document.id]
    );

    // Attachments are frozen once submitted.
    store
        .submit_for_review("officer", document.id)
        .await
        .unwrap();
    assert!(
        store
            .add_item_attachment("officer", document.id, &file("b.pdf", b"x".to_vec()))
            .await
            .is_err()
    );
    assert!(
        store
            .remove_item_attachment("officer", document.id, stored.id)
            .await
            .is_err()
    );
}

async fn review_steps_are_configurable(store: Store) {
    let store = setup(store).await;
    assert_eq!(
        store.review_steps("edu").await.unwrap(),
        ["保密审查", "科室负责人审核", "办公室审核"]
    );
    let id = store
        .create_draft("officer", &draft("甲", ItemKind::Document, d(2024, 11, 1)))
        .await
        .unwrap()
        .item
        .id;
    store.submit_for_review("officer", id).await.unwrap();
    store
        .set_review_steps("admin", "edu", &["保密审查".into(), "分管领导审签".into()])
        .await
        .expect("set steps");
    assert!(store.set_review_steps("admin", "edu", &[]).await.is_err());
    assert!(
        store
            .set_review_steps("admin", "nowhere", &["甲".into()])
            .await
            .is_err()
    );
    // The item in review keeps its three steps; a new one gets two.
    assert_eq!(
        store
            .managed_item(id)
            .await
            .unwrap()
            .unwrap()
            .workflow
            .steps
            .len(),
        3
    );
    let next = store
        .create_draft("officer", &draft("乙", ItemKind::Document, d(2024, 11, 1)))
        .await
        .unwrap()
        .item
        .id;
    approve_all(&store, next).await;
    let approved = store.managed_item(next).await.unwrap().unwrap();
    assert_eq!(approved.workflow.steps, ["保密审查", "分管领导审签"]);
    assert_eq!(approved.workflow.stage, WorkflowStage::Approved);
}

async fn demo_seed_covers_every_stage_once(store: Store) {
    gongkai_store::demo::seed(&store).await.expect("seed");
    let count = |page: &gongkai_store::ManagedItemPage| page.total;
    let list = |stage| ManagedItemFilter {
        agencies: Some(vec!["330424102".into()]),
        stage: Some(stage),
        category: None,
        late_only: false,
        page: 1,
        per_page: 200,
    };
    let mut before = Vec::new();
    for stage in [
        WorkflowStage::Draft,
        WorkflowStage::InReview,
        WorkflowStage::Approved,
        WorkflowStage::Withdrawn,
        WorkflowStage::Replaced,
    ] {
        let page = store.list_managed_items(&list(stage)).await.unwrap();
        assert!(count(&page) >= 1, "{stage:?}");
        before.push(count(&page));
    }
    gongkai_store::demo::seed(&store).await.expect("seed again");
    let everything = store
        .list_managed_items(&ManagedItemFilter {
            agencies: None,
            stage: None,
            category: None,
            late_only: true,
            page: 1,
            per_page: 30,
        })
        .await
        .unwrap();
    // Every agency's late items: the demo's late ones, and only late ones.
    assert!(everything.total >= 2, "{}", everything.total);
    assert_eq!(everything.total, everything.late);
    assert!(
        everything
            .rows
            .iter()
            .all(|r| r.deadline.is_some_and(|d| d.late))
    );
    let again = store
        .list_managed_items(&list(WorkflowStage::InReview))
        .await
        .unwrap();
    assert_eq!(again.total, before[1], "idempotent");
    assert_eq!(
        again.total, 3,
        "one item waiting at each of the three steps"
    );
}

scenarios!(
    draft_review_reject_publish_withdraw,
    replacement_withdraws_the_old_item_and_links_it,
    attachments_and_interpretation_links,
    review_steps_are_configurable,
    demo_seed_covers_every_stage_once,
);

/// The back-office list on a large catalog (`GONGKAI_PERF_DB=/path/to.db`,
/// e.g. made by `cargo run --release -p gongkai-store --example seed_items`):
/// `cargo test --release -p gongkai-store --test publishing -- --ignored --nocapture`.
#[tokio::test]
#[ignore = "needs a large database in GONGKAI_PERF_DB"]
async fn list_on_a_large_catalog() {
    let Ok(path) = std::env::var("GONGKAI_PERF_DB") else {
        return;
    };
    let store = Store::open(&format!("sqlite://{path}?mode=rwc"))
        .await
        .expect("open");
    for (agencies, late_only) in [
        (None, false),
        (None, true),
        (Some(vec!["330424102".to_owned()]), false),
    ] {
        let started = std::time::Instant::now();
        let page = store
            .list_managed_items(&ManagedItemFilter {
                agencies: agencies.clone(),
                stage: None,
                category: None,
                late_only,
                page: 3,
                per_page: 30,
            })
            .await
            .expect("list");
        eprintln!(
            "agencies {agencies:?}, late only {late_only}: {} items, {} late, page in {:?}",
            page.total,
            page.late,
            started.elapsed()
        );
    }
}
