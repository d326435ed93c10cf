//! Storage behaviour, run on SQLite and (when installed) PostgreSQL.

mod common;

use chrono::{NaiveDate, TimeZone, Utc};
use gongkai_domain::report::{ApplicantColumn, ApplicationRow};
use gongkai_domain::{CellKey, Report};
use gongkai_store::{
    AgencyKind, CatalogQuery, Category, DisclosureMode, IndexRule, ItemStatus, NewAgency,
    NewAuditEntry, NewCatalogItem, PageKind, Store, StoreError, Validity,
};
use rust_decimal::Decimal;

fn agency(code: &str, name: &str, kind: AgencyKind, parent: Option<&str>, order: i64) -> NewAgency {
    NewAgency {
        code: code.into(),
        name: name.into(),
        kind,
        parent_code: parent.map(Into::into),
        address: "某县某路1号".into(),
        phone: "0573-00000000".into(),
        office_hours: "工作日".into(),
        sort_order: order,
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn item(agency: &str, title: &str, category: Category, published: NaiveDate) -> NewCatalogItem {
    NewCatalogItem {
        index_no: None,
        agency_code: agency.into(),
        title: title.into(),
        doc_number: Some("盐财〔2024〕3号".into()),
        written_on: Some(published),
        published_on: Some(published),
        category,
        topic: "财政、金融、审计".into(),
        validity: Validity::Valid,
        validity_changed_on: None,
        disclosure_mode: DisclosureMode::Proactive,
        body: "正文第一段。\n\n正文第二段。".into(),
        status: ItemStatus::Published,
    }
}

async fn with_county(store: &Store) {
    store
        .put_agency(
            "t",
            &agency("gov", "某县人民政府", AgencyKind::Government, None, 0),
        )
        .await
        .expect("gov");
    store
        .put_agency(
            "t",
            &agency("czj", "某县财政局", AgencyKind::Department, Some("gov"), 1),
        )
        .await
        .expect("dept");
    store
        .put_agency(
            "t",
            &agency("town", "某镇", AgencyKind::Town, Some("gov"), 2),
        )
        .await
        .expect("town");
}

async fn migrations_are_idempotent(store: Store) {
    store.migrate().await.expect("second migrate");
    store.migrate().await.expect("third migrate");
    assert!(store.agencies().await.expect("agencies").is_empty());
}

async fn agencies_form_a_tree_without_cycles(store: Store) {
    with_county(&store).await;
    let tree = store.agency_tree().await.expect("tree");
    assert_eq!(tree.len(), 1);
    assert_eq!(tree[0].agency.name, "某县人民政府");
    let children: Vec<_> = tree[0]
        .children
        .iter()
        .map(|c| c.agency.code.as_str())
        .collect();
    assert_eq!(children, ["czj", "town"]);
    assert_eq!(tree[0].children_of_kind(AgencyKind::Town).count(), 1);

    // Re-parenting the government under its own department would make a cycle.
    let err = store
        .put_agency(
            "t",
            &agency(
                "gov",
                "某县人民政府",
                AgencyKind::Government,
                Some("czj"),
                0,
            ),
        )
        .await
        .expect_err("cycle");
    assert!(matches!(err, StoreError::Invalid(_)), "{err}");
    let err = store
        .put_agency(
            "t",
            &agency("x", "某局", AgencyKind::Department, Some("nope"), 0),
        )
        .await
        .expect_err("parent");
    assert!(err.to_string().contains("nope"), "{err}");

    // Updating is audited with before and after.
    store
        .put_agency(
            "t",
            &agency(
                "czj",
                "某县财政局（更名）",
                AgencyKind::Department,
                Some("gov"),
                1,
            ),
        )
        .await
        .expect("rename");
    let log = store.audit_entries("agency", "czj").await.expect("audit");
    assert_eq!(
        log.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["agency.create", "agency.update"]
    );
    assert_eq!(
        log[1].before.as_ref().expect("before")["name"],
        "某县财政局"
    );
    assert_eq!(
        log[1].after.as_ref().expect("after")["name"],
        "某县财政局（更名）"
    );
    // An unchanged put writes no audit entry.
    store
        .put_agency(
            "t",
            &agency(
                "czj",
                "某县财政局（更名）",
                AgencyKind::Department,
                Some("gov"),
                1,
            ),
        )
        .await
        .expect("same");
    assert_eq!(
        store
            .audit_entries("agency", "czj")
            .await
            .expect("audit")
            .len(),
        2
    );
    assert_eq!(store.subordinates("gov").await.expect("subs").len(), 2);
}

async fn pages_are_edited_and_audited(store: Store) {
    with_county(&store).await;
    assert!(
        store
            .page("czj", PageKind::Guide)
            .await
            .expect("read")
            .is_none()
    );
    store
        .put_page("t", "czj", PageKind::Guide, "指南", "第一版")
        .await
        .expect("put");
    store
        .put_page("t", "czj", PageKind::Guide, "指南", "第二版")
        .await
        .expect("put again");
    let page = store
        .page("czj", PageKind::Guide)
        .await
        .expect("read")
        .expect("exists");
    assert_eq!(page.body, "第二版");
    assert!(
        store
            .page("czj", PageKind::Rules)
            .await
            .expect("read")
            .is_none()
    );
    let log = store
        .audit_entries("agency_page", "czj/guide")
        .await
        .expect("audit");
    assert_eq!(log.len(), 2);
    assert_eq!(log[1].before.as_ref().expect("before")["body"], "第一版");
    let err = store
        .put_page("t", "nobody", PageKind::Rules, "制度", "x")
        .await
        .expect_err("unknown agency");
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
}

async fn index_numbers_follow_the_rule(store: Store) {
    with_county(&store).await;
    let first = store
        .create_catalog_item("t", &item("czj", "甲", Category::Budget, date(2024, 3, 1)))
        .await
        .expect("1");
    let second = store
        .create_catalog_item("t", &item("czj", "乙", Category::Budget, date(2024, 5, 1)))
        .await
        .expect("2");
    let other_year = store
        .create_catalog_item("t", &item("czj", "丙", Category::Fees, date(2025, 1, 2)))
        .await
        .expect("3");
    assert_eq!(first.index_no, "czj/2024-00001");
    assert_eq!(second.index_no, "czj/2024-00002");
    assert_eq!(other_year.index_no, "czj/2025-00001");

    let custom = store
        .clone()
        .with_index_rule(IndexRule::parse("HY-{agency_code}-{year}-{seq:03}").expect("rule"));
    let made = custom
        .create_catalog_item("t", &item("czj", "丁", Category::Budget, date(2024, 6, 1)))
        .await
        .expect("4");
    assert_eq!(made.index_no, "HY-czj-2024-001");

    let mut given = item("czj", "戊", Category::Budget, date(2024, 7, 1));
    given.index_no = Some("czj/2024-00001".into());
    assert!(
        store.create_catalog_item("t", &given).await.is_err(),
        "duplicate 索引号 must be refused"
    );

    let fetched = store
        .catalog_item("czj/2024-00002")
        .await
        .expect("get")
        .expect("exists");
    assert_eq!(fetched.title, "乙");
    assert_eq!(fetched.doc_number.as_deref(), Some("盐财〔2024〕3号"));
    assert_eq!(fetched.category, Category::Budget);
    assert_eq!(fetched.published_on, Some(date(2024, 5, 1)));
    let log = store
        .audit_entries("catalog_item", "czj/2024-00002")
        .await
        .expect("audit");
    assert_eq!(log[0].action, "catalog.create");
}

async fn catalog_lists_by_page_and_category(store: Store) {
    with_county(&store).await;
    let mut items = Vec::new();
    for i in 0..45u32 {
        let category = if i % 3 == 0 {
            Category::Fees
        } else {
            Category::Budget
        };
        let mut it = item(
            "czj",
            &format!("信息{i:02}"),
            category,
            date(2024, 1, 1) + chrono::Duration::days(i.into()),
        );
        it.index_no = Some(format!("czj/2024-{:05}", i + 1));
        items.push(it);
    }
    let mut draft = item("czj", "草稿", Category::Fees, date(2024, 12, 1));
    draft.status = ItemStatus::Draft;
    items.push(draft);
    let outcome = store
        .import_catalog_items("t", &items)
        .await
        .expect("import");
    assert_eq!(outcome.inserted.len(), 46);
    let again = store
        .import_catalog_items("t", &items[..45])
        .await
        .expect("re-import");
    assert_eq!((again.inserted.len(), again.skipped.len()), (0, 45));

    let mut query = CatalogQuery::published("czj");
    let page = store.list_catalog(&query).await.expect("list");
    assert_eq!(
        (page.total, page.items.len(), page.page_count()),
        (45, 20, 3)
    );
    assert_eq!(page.items[0].title, "信息44", "newest first");
    query.page = 3;
    assert_eq!(
        store
            .list_catalog(&query)
            .await
            .expect("page 3")
            .items
            .len(),
        5
    );
    query.page = 9;
    assert!(
        store
            .list_catalog(&query)
            .await
            .expect("past the end")
            .items
            .is_empty()
    );
    query.page = 1;
    query.category = Some(Category::Fees);
    let fees = store.list_catalog(&query).await.expect("fees");
    assert_eq!(fees.total, 15);
    assert!(fees.items.iter().all(|i| i.category == Category::Fees));
    query.page = 0;
    assert!(matches!(
        store.list_catalog(&query).await,
        Err(StoreError::Invalid(_))
    ));

    let counts = store
        .category_counts("czj", ItemStatus::Published)
        .await
        .expect("counts");
    assert_eq!(counts.len(), Category::ALL.len());
    let count_of = |c| counts.iter().find(|x| x.category == c).map(|x| x.count);
    assert_eq!(
        (
            count_of(Category::Budget),
            count_of(Category::Fees),
            count_of(Category::Planning)
        ),
        (Some(30), Some(15), Some(0))
    );
    assert_eq!(
        store
            .item_counts_by_agency(ItemStatus::Published)
            .await
            .expect("by agency"),
        vec![("czj".to_owned(), 45)]
    );

    // Withdrawing takes an item off the public list and is audited.
    let withdrawn = store
        .set_item_status(
            "t",
            "czj/2024-00001",
            ItemStatus::Withdrawn,
            date(2025, 1, 1),
        )
        .await
        .expect("withdraw");
    assert_eq!(withdrawn.status, ItemStatus::Withdrawn);
    assert_eq!(
        store
            .list_catalog(&CatalogQuery::published("czj"))
            .await
            .expect("list")
            .total,
        44
    );
    let log = store
        .audit_entries("catalog_item", "czj/2024-00001")
        .await
        .expect("audit");
    assert_eq!(
        log.last().expect("entry").before.as_ref().expect("before")["status"],
        "published"
    );
}

async fn invalid_items_are_refused_whole(store: Store) {
    with_county(&store).await;
    let mut no_date = item("czj", "无日期", Category::Budget, date(2024, 1, 1));
    no_date.published_on = None;
    let mut repealed = item("czj", "废止无日期", Category::Regulations, date(2024, 1, 1));
    repealed.validity = Validity::Repealed;
    let mut empty = item("czj", " ", Category::Budget, date(2024, 1, 1));
    empty.index_no = Some("czj/x".into());
    for bad in [no_date, repealed, empty] {
        let batch = vec![item("czj", "好的", Category::Budget, date(2024, 1, 1)), bad];
        let err = store
            .import_catalog_items("t", &batch)
            .await
            .expect_err("refused");
        assert!(matches!(err, StoreError::Invalid(_)), "{err}");
    }
    // Nothing of the failed batches was written.
    assert_eq!(
        store
            .list_catalog(&CatalogQuery::published("czj"))
            .await
            .expect("list")
            .total,
        0
    );
    assert_eq!(
        store
            .audit_entries("catalog_import", "x")
            .await
            .expect("audit")
            .len(),
        0
    );
}

async fn reports_round_trip(store: Store) {
    with_county(&store).await;
    let mut report = Report::skeleton(Some("某县财政局".into()), 2023);
    for row in [
        ApplicationRow::NewReceived,
        ApplicationRow::Granted,
        ApplicationRow::TotalProcessed,
    ] {
        for col in [ApplicantColumn::NaturalPerson, ApplicantColumn::Total] {
            report.set(CellKey::Application(row, col), Some(Decimal::from(7)));
        }
    }
    let published = Utc.with_ymd_and_hms(2024, 1, 20, 8, 0, 0).single();
    store
        .put_report("t", "czj", &report, published)
        .await
        .expect("put");
    let stored = store
        .report("czj", 2023)
        .await
        .expect("get")
        .expect("exists");
    assert_eq!(stored.report, report);
    assert_eq!(stored.published_at, published);
    assert!(store.report("czj", 2022).await.expect("get").is_none());

    let older = Report::skeleton(Some("某县财政局".into()), 2021);
    store
        .put_report("t", "czj", &older, None)
        .await
        .expect("put older");
    let years: Vec<i32> = store
        .reports("czj")
        .await
        .expect("list")
        .iter()
        .map(|r| r.year)
        .collect();
    assert_eq!(years, [2023, 2021]);

    // Replacing is audited with both versions; an identical put is not.
    report.set(
        CellKey::Application(ApplicationRow::Granted, ApplicantColumn::Total),
        Some(Decimal::from(8)),
    );
    store
        .put_report("t", "czj", &report, published)
        .await
        .expect("replace");
    store
        .put_report("t", "czj", &report, published)
        .await
        .expect("same again");
    let log = store
        .audit_entries("annual_report", "czj/2023")
        .await
        .expect("audit");
    assert_eq!(
        log.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["report.create", "report.update"]
    );
    assert_eq!(
        log[1].before.as_ref().expect("before")["report"]["applications"]["granted"]["total"],
        7
    );
    assert_eq!(
        log[1].after.as_ref().expect("after")["report"]["applications"]["granted"]["total"],
        8
    );

    let err = store
        .put_report("t", "nobody", &report, None)
        .await
        .expect_err("unknown agency");
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
}

async fn audit_log_appends(store: Store) {
    let entry = NewAuditEntry {
        actor: "张三".into(),
        action: "login".into(),
        entity_type: "user".into(),
        entity_key: "zhangsan".into(),
        before: None,
        after: Some(serde_json::json!({"ok": true})),
    };
    let first = store.append_audit(&entry).await.expect("append");
    let second = store.append_audit(&entry).await.expect("append");
    assert!(second > first);
    let log = store.audit_entries("user", "zhangsan").await.expect("read");
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].actor, "张三");
    assert_eq!(log[0].after, Some(serde_json::json!({"ok": true})));
    assert_eq!(store.audit_count().await.expect("count"), 2);
}

scenarios! {
    migrations_are_idempotent,
    agencies_form_a_tree_without_cycles,
    pages_are_edited_and_audited,
    index_numbers_follow_the_rule,
    catalog_lists_by_page_and_category,
    invalid_items_are_refused_whole,
    reports_round_trip,
    audit_log_appends,
}

#[tokio::test]
async fn audit_log_rejects_updates_and_deletes_on_sqlite() {
    use sqlx::Connection;
    let dir = tempfile::tempdir().expect("dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("a.db").display());
    let store = Store::open(&url).await.expect("open");
    store
        .append_audit(&NewAuditEntry {
            actor: "a".into(),
            action: "b".into(),
            entity_type: "c".into(),
            entity_key: "d".into(),
            before: None,
            after: None,
        })
        .await
        .expect("append");
    let mut conn = sqlx::AnyConnection::connect(&url)
        .await
        .expect("raw connection");
    for sql in ["UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"] {
        let err = sqlx::raw_sql(sql).execute(&mut conn).await.expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{err}");
    }
}

#[tokio::test]
async fn unsupported_urls_are_named() {
    let err = Store::connect("mysql://localhost/x")
        .await
        .expect_err("mysql");
    assert!(err.to_string().contains("mysql://localhost/x"), "{err}");
}
