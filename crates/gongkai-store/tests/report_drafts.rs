//! Annual-report drafts: saving with revisions and audit, catalog-derived
//! cells of table 二, composition, and publication keeping the previous
//! version in the audit log; on SQLite and (when installed) PostgreSQL.

mod common;

use chrono::{NaiveDate, TimeZone, Utc};
use gongkai_domain::report::{CellKey, ProactiveField as F, ProactiveRow as P};
use gongkai_domain::{Report, Section};
use gongkai_store::{
    AgencyKind, Category, DisclosureMode, DraftContent, ItemStatus, NarrativePart, NewAgency,
    NewCatalogItem, Store, StoreError, Validity, entered_cells,
};
use rust_decimal::Decimal;

fn agency(code: &str, kind: AgencyKind, parent: Option<&str>) -> NewAgency {
    NewAgency {
        code: code.into(),
        name: format!("{code}机关"),
        kind,
        parent_code: parent.map(Into::into),
        address: String::new(),
        phone: String::new(),
        office_hours: String::new(),
        sort_order: 0,
    }
}

async fn setup(store: &Store) {
    store
        .put_agency("t", &agency("gov", AgencyKind::Government, None))
        .await
        .unwrap();
    store
        .put_agency("t", &agency("dept", AgencyKind::Department, Some("gov")))
        .await
        .unwrap();
}

fn content(licensing: i64, overview: &str) -> DraftContent {
    let mut content = DraftContent::default();
    content.figures.insert(
        CellKey::Proactive(P::Licensing, F::Decisions),
        Some(Decimal::from(licensing)),
    );
    content
        .figures
        .insert(CellKey::Proactive(P::Fees, F::AmountWanYuan), None);
    content
        .narratives
        .insert(NarrativePart::OverviewProactive, overview.into());
    content
        .narratives
        .insert(NarrativePart::Problems, "一是……二是……".into());
    content
}

async fn drafts_save_with_revisions_and_audit(store: Store) {
    setup(&store).await;
    assert_eq!(store.report_draft("dept", 2024).await.unwrap(), None);
    let first = store
        .save_report_draft(
            "li",
            "dept",
            2024,
            &content(12, "主动公开信息1234条。"),
            None,
        )
        .await
        .unwrap();
    assert_eq!(first.revision, 1);
    assert_eq!(first.updated_by, "li");
    let read = store.report_draft("dept", 2024).await.unwrap().unwrap();
    assert_eq!(read.content, content(12, "主动公开信息1234条。"));
    assert_eq!(
        read.content
            .figures
            .get(&CellKey::Proactive(P::Fees, F::AmountWanYuan)),
        Some(&None),
        "a blank stays blank, not 0"
    );

    // The same content again writes nothing.
    let same = store
        .save_report_draft(
            "li",
            "dept",
            2024,
            &content(12, "主动公开信息1234条。"),
            Some(1),
        )
        .await
        .unwrap();
    assert_eq!(same.revision, 1);

    let second = store
        .save_report_draft("li", "dept", 2024, &content(15, "改写"), Some(1))
        .await
        .unwrap();
    assert_eq!(second.revision, 2);

    // A save from a stale page is refused and writes nothing.
    let stale = store
        .save_report_draft("wang", "dept", 2024, &content(99, "旧页面"), Some(1))
        .await
        .unwrap_err();
    assert!(stale.to_string().contains("已被他人修改"), "{stale}");
    assert_eq!(
        store
            .report_draft("dept", 2024)
            .await
            .unwrap()
            .unwrap()
            .revision,
        2
    );

    let history = store
        .audit_entries("report_draft", "dept/2024")
        .await
        .unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].action, "report_draft.save");
    assert_eq!(
        history[1].before.as_ref().unwrap()["figures"]["proactive.licensing.decisions"],
        "12"
    );
    assert_eq!(store.report_drafts("dept").await.unwrap().len(), 1);
}

async fn invalid_drafts_are_refused(store: Store) {
    setup(&store).await;
    let mut derived = DraftContent::default();
    derived
        .figures
        .insert(CellKey::Proactive(P::Rules, F::Issued), Some(Decimal::ONE));
    let err = store
        .save_report_draft("li", "dept", 2024, &derived, None)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::InvalidField {
                field: "表二数据",
                ..
            }
        ),
        "{err}"
    );

    let mut negative = DraftContent::default();
    negative.figures.insert(
        CellKey::Proactive(P::Penalty, F::Decisions),
        Some(Decimal::from(-3)),
    );
    let err = store
        .save_report_draft("li", "dept", 2024, &negative, None)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("不能为负数"), "{err}");

    let mut long = DraftContent::default();
    long.narratives
        .insert(NarrativePart::OtherMatters, "字".repeat(20_001));
    let err = store
        .save_report_draft("li", "dept", 2024, &long, None)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("超过20000字"), "{err}");

    let err = store
        .save_report_draft("li", "nobody", 2024, &DraftContent::default(), None)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }));
    assert_eq!(store.report_drafts("dept").await.unwrap(), vec![]);
}

fn item(
    n: u32,
    doc: Option<&str>,
    published: (i32, u32, u32),
    validity: Validity,
    changed: Option<(i32, u32, u32)>,
) -> NewCatalogItem {
    let date = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    NewCatalogItem {
        index_no: Some(format!("dept/2024-{n:05}")),
        agency_code: "dept".into(),
        title: format!("文件{n}"),
        doc_number: doc.map(Into::into),
        written_on: Some(date(published)),
        published_on: Some(date(published)),
        category: Category::Regulations,
        topic: String::new(),
        validity,
        validity_changed_on: changed.map(date),
        disclosure_mode: DisclosureMode::Proactive,
        body: "正文".into(),
        status: ItemStatus::Published,
    }
}

async fn table_two_rules_rows_come_from_the_catalog(store: Store) {
    setup(&store).await;
    let items = vec![
        item(
            1,
            Some("盐政发〔2024〕1号"),
            (2024, 3, 1),
            Validity::Valid,
            None,
        ),
        item(
            2,
            Some("盐政发〔2024〕2号"),
            (2024, 5, 1),
            Validity::Valid,
            None,
        ),
        item(
            3,
            Some("盐政发〔2020〕9号"),
            (2020, 5, 1),
            Validity::Repealed,
            Some((2024, 6, 1)),
        ),
        item(
            4,
            Some("盐政发〔2019〕3号"),
            (2019, 5, 1),
            Validity::Valid,
            None,
        ),
        item(
            5,
            Some("盐政发〔2024〕8号"),
            (2025, 1, 5),
            Validity::Valid,
            None,
        ),
        item(
            6,
            Some("某市人民政府令第3号"),
            (2024, 7, 1),
            Validity::Valid,
            None,
        ),
        item(7, None, (2024, 7, 1), Validity::Valid, None),
    ];
    store.import_catalog_items("t", &items).await.unwrap();
    let cells = store.catalog_report_cells("dept", 2024).await.unwrap();
    let get = |row, field| {
        cells
            .iter()
            .find(|(k, _)| *k == CellKey::Proactive(row, field))
            .and_then(|(_, v)| *v)
    };
    let n = |v: i64| Some(Decimal::from(v));
    assert_eq!(cells.len(), 6);
    assert_eq!(get(P::NormativeDocuments, F::Issued), n(2));
    assert_eq!(get(P::NormativeDocuments, F::Repealed), n(1));
    assert_eq!(get(P::NormativeDocuments, F::InForce), n(3), "1, 2 and 4");
    assert_eq!(get(P::Rules, F::Issued), n(1));
    assert_eq!(get(P::Rules, F::Repealed), n(0));
    assert_eq!(get(P::Rules, F::InForce), n(1));
    // The 2019 format counts other measures.
    let old = store.catalog_report_cells("dept", 2020).await.unwrap();
    assert!(old.contains(&(
        CellKey::Proactive(P::NormativeDocuments, F::NewPublished),
        n(1)
    )));
    assert!(old.contains(&(
        CellKey::Proactive(P::NormativeDocuments, F::TotalPublished),
        n(2)
    )));
}

async fn publishing_keeps_the_previous_version_in_the_audit_log(store: Store) {
    setup(&store).await;
    store
        .save_report_draft("li", "dept", 2024, &content(12, "第一版"), None)
        .await
        .unwrap();
    let computed = store.build_report("dept", 2024).await.unwrap();
    let draft = store.report_draft("dept", 2024).await.unwrap().unwrap();
    let report = draft.content.compose(&computed, &[]);
    assert_eq!(
        report.value(CellKey::Proactive(P::Licensing, F::Decisions)),
        Some(Decimal::from(12))
    );
    assert!(
        report
            .narrative(Section::Overview)
            .unwrap()
            .starts_with("（一）主动公开\n第一版")
    );
    let at = Utc.with_ymd_and_hms(2025, 2, 3, 2, 0, 0).unwrap();
    let first = store
        .publish_report_draft("li", "dept", &report, at, true)
        .await
        .unwrap();
    assert!(!first.replaced_earlier_version);
    assert!(first.draft.published_late);
    assert_eq!(first.draft.published_at, Some(at));
    let stored = store.report("dept", 2024).await.unwrap().unwrap();
    assert_eq!(stored.published_at, Some(at));
    assert_eq!(stored.report, report);

    let mut second: Report = report.clone();
    second.set(
        CellKey::Proactive(P::Licensing, F::Decisions),
        Some(Decimal::from(13)),
    );
    let later = Utc.with_ymd_and_hms(2025, 2, 10, 2, 0, 0).unwrap();
    let republished = store
        .publish_report_draft("li", "dept", &second, later, true)
        .await
        .unwrap();
    assert!(republished.replaced_earlier_version);
    let log = store
        .audit_entries("annual_report", "dept/2024")
        .await
        .unwrap();
    let publishes: Vec<_> = log
        .iter()
        .filter(|e| e.action == "report.publish")
        .collect();
    assert_eq!(publishes.len(), 2);
    let kept = &publishes[1].before.as_ref().unwrap()["report"];
    assert_eq!(
        Report::from_json_value(kept).unwrap(),
        report,
        "the first version is in the log"
    );
    assert_eq!(publishes[1].after.as_ref().unwrap()["late"], true);

    // Publishing without a saved draft creates an empty one to record it on.
    let gov_report = store.build_report("gov", 2024).await.unwrap();
    let on_time = store
        .publish_report_draft("zhang", "gov", &gov_report, at, false)
        .await
        .unwrap();
    assert_eq!(on_time.draft.revision, 1);
    assert!(!on_time.draft.published_late);
    assert_eq!(entered_cells(gov_report.format).len(), 4);
}

scenarios!(
    drafts_save_with_revisions_and_audit,
    invalid_drafts_are_refused,
    table_two_rules_rows_come_from_the_catalog,
    publishing_keeps_the_previous_version_in_the_audit_log,
);
