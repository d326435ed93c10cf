//! The reads of the public portal that are cached or folded into one query
//! (agency directory, per-category counts, the item page), run on SQLite
//! and (when installed) PostgreSQL: what they return must follow every
//! write at once.

mod common;

use chrono::NaiveDate;
use gongkai_store::{
    AgencyKind, Category, DisclosureMode, ItemKind, ItemStatus, NewAgency, NewAttachment,
    NewCatalogItem, Store, Validity, WorkflowStage,
};

fn agency(code: &str, name: &str, kind: AgencyKind, parent: Option<&str>) -> NewAgency {
    NewAgency {
        code: code.into(),
        name: name.into(),
        kind,
        parent_code: parent.map(Into::into),
        address: "某县某路1号".into(),
        phone: "0573-00000000".into(),
        office_hours: "工作日".into(),
        sort_order: 0,
    }
}

fn item(index_no: &str, category: Category) -> NewCatalogItem {
    let day = NaiveDate::from_ymd_opt(2024, 3, 1).expect("date");
    NewCatalogItem {
        index_no: Some(index_no.into()),
        agency_code: "czj".into(),
        title: format!("信息 {index_no}"),
        doc_number: None,
        written_on: Some(day),
        published_on: Some(day),
        category,
        topic: "财政、金融、审计".into(),
        validity: Validity::Valid,
        validity_changed_on: None,
        disclosure_mode: DisclosureMode::Proactive,
        body: "正文。".into(),
        status: ItemStatus::Published,
    }
}

async fn with_county(store: &Store) {
    store
        .put_agency(
            "t",
            &agency("gov", "某县人民政府", AgencyKind::Government, None),
        )
        .await
        .expect("gov");
    store
        .put_agency(
            "t",
            &agency("czj", "某县财政局", AgencyKind::Department, Some("gov")),
        )
        .await
        .expect("dept");
}

fn count_of(counts: &[gongkai_store::CategoryCount], category: Category) -> u64 {
    counts
        .iter()
        .find(|c| c.category == category)
        .map_or(0, |c| c.count)
}

async fn agency_changes_show_at_once(store: Store) {
    with_county(&store).await;
    assert_eq!(
        store.agency("czj").await.expect("read").map(|a| a.name),
        Some("某县财政局".to_owned())
    );
    assert_eq!(store.agencies().await.expect("all").len(), 2);
    // The directory is now in memory; a rename and a new agency must not
    // wait for it to expire.
    store
        .put_agency(
            "t",
            &agency(
                "czj",
                "某县财政局（新）",
                AgencyKind::Department,
                Some("gov"),
            ),
        )
        .await
        .expect("rename");
    store
        .put_agency("t", &agency("town", "某镇", AgencyKind::Town, Some("gov")))
        .await
        .expect("town");
    assert_eq!(
        store.agency("czj").await.expect("read").map(|a| a.name),
        Some("某县财政局（新）".to_owned())
    );
    let codes: Vec<String> = store
        .agencies()
        .await
        .expect("all")
        .into_iter()
        .map(|a| a.code)
        .collect();
    assert_eq!(codes.len(), 3, "{codes:?}");
    assert!(store.agency("nope").await.expect("read").is_none());
    // Clones share the directory.
    let clone = store.clone();
    assert_eq!(clone.agencies().await.expect("all").len(), 3);
}

async fn category_counts_follow_writes(store: Store) {
    with_county(&store).await;
    let items: Vec<NewCatalogItem> = (1..=5)
        .map(|i| {
            let category = if i <= 3 {
                Category::Budget
            } else {
                Category::Fees
            };
            item(&format!("czj/2024-{i:05}"), category)
        })
        .collect();
    store
        .import_catalog_items("t", &items)
        .await
        .expect("import");
    let counts = store
        .category_counts("czj", ItemStatus::Published)
        .await
        .expect("counts");
    assert_eq!(
        (
            count_of(&counts, Category::Budget),
            count_of(&counts, Category::Fees)
        ),
        (3, 2)
    );
    // Withdrawing one and importing another are seen by the next read.
    store
        .set_item_status(
            "t",
            "czj/2024-00001",
            ItemStatus::Withdrawn,
            NaiveDate::from_ymd_opt(2024, 4, 1).expect("date"),
        )
        .await
        .expect("withdraw");
    let counts = store
        .category_counts("czj", ItemStatus::Published)
        .await
        .expect("counts");
    assert_eq!(count_of(&counts, Category::Budget), 2);
    store
        .import_catalog_items("t", &[item("czj/2024-00006", Category::Fees)])
        .await
        .expect("import one");
    let counts = store
        .category_counts("czj", ItemStatus::Published)
        .await
        .expect("counts");
    assert_eq!(
        (
            count_of(&counts, Category::Budget),
            count_of(&counts, Category::Fees)
        ),
        (2, 3)
    );
    // Other statuses are counted as they are, never from the cache.
    let withdrawn = store
        .category_counts("czj", ItemStatus::Withdrawn)
        .await
        .expect("withdrawn");
    assert_eq!(count_of(&withdrawn, Category::Budget), 1);
    // A page with a known total reads the same items as one that counts.
    let query = gongkai_store::CatalogQuery::published("czj");
    let counted = store.list_catalog(&query).await.expect("list");
    let known = store
        .list_catalog_with_total(&query, 5)
        .await
        .expect("list with total");
    assert_eq!((counted.total, known.total), (5, 5));
    assert_eq!(counted.items, known.items);
}

async fn public_item_reads_item_workflow_and_flags(store: Store) {
    with_county(&store).await;
    store
        .import_catalog_items(
            "t",
            &[
                item("czj/2024-00001", Category::Budget),
                item("czj/2024-00002", Category::Budget),
                NewCatalogItem {
                    status: ItemStatus::Draft,
                    ..item("czj/2024-00003", Category::Budget)
                },
            ],
        )
        .await
        .expect("import");
    assert!(store.public_item("czj/none").await.expect("read").is_none());
    let plain = store
        .public_item("czj/2024-00001")
        .await
        .expect("read")
        .expect("found");
    assert_eq!(plain.item.title, "信息 czj/2024-00001");
    assert_eq!(
        (plain.workflow.kind, plain.workflow.stage),
        (ItemKind::Document, WorkflowStage::Published)
    );
    assert_eq!(
        plain.workflow,
        store.workflow_of(&plain.item).await.expect("workflow")
    );
    assert!(!plain.has_attachments && !plain.has_links);

    // Attachments are added to drafts; published, the item shows it has one.
    let draft = store
        .public_item("czj/2024-00003")
        .await
        .expect("read")
        .expect("found");
    assert_eq!(draft.workflow.stage, WorkflowStage::Draft);
    store
        .add_item_attachment(
            "t",
            draft.item.id,
            &NewAttachment {
                file_name: "预算表.pdf".into(),
                media_type: "application/pdf".into(),
                bytes: b"%PDF-1.4".to_vec(),
            },
        )
        .await
        .expect("attach");
    store
        .set_item_status(
            "t",
            "czj/2024-00003",
            ItemStatus::Published,
            NaiveDate::from_ymd_opt(2024, 4, 1).expect("date"),
        )
        .await
        .expect("publish");
    let with_file = store
        .public_item("czj/2024-00003")
        .await
        .expect("read")
        .expect("found");
    assert!(with_file.has_attachments);
    assert!(!with_file.has_links);
    assert_eq!(with_file.item.status, ItemStatus::Published);
    let other = store
        .public_item("czj/2024-00002")
        .await
        .expect("read")
        .expect("found");
    assert!(!other.has_attachments, "the flag is per item");
}

scenarios! {
    agency_changes_show_at_once,
    category_counts_follow_writes,
    public_item_reads_item_workflow_and_flags,
}
