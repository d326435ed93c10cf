//! Catalog import in the store: given and generated 索引号 in one import,
//! the lookup of existing numbers; on SQLite and (when installed) PostgreSQL.

mod common;

use chrono::NaiveDate;
use gongkai_store::{
    AgencyKind, Category, DisclosureMode, ItemStatus, NewAgency, NewCatalogItem, Store, Validity,
};

fn item(index_no: Option<&str>, title: &str, year: i32) -> NewCatalogItem {
    NewCatalogItem {
        index_no: index_no.map(Into::into),
        agency_code: "czj".into(),
        title: title.into(),
        doc_number: None,
        written_on: None,
        published_on: NaiveDate::from_ymd_opt(year, 3, 1),
        category: Category::Budget,
        topic: String::new(),
        validity: Validity::Valid,
        validity_changed_on: None,
        disclosure_mode: DisclosureMode::Proactive,
        body: String::new(),
        status: ItemStatus::Published,
    }
}

async fn with_agency(store: &Store) {
    store
        .put_agency(
            "t",
            &NewAgency {
                code: "czj".into(),
                name: "某县财政局".into(),
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
}

async fn generated_numbers_continue_after_given_ones(store: Store) {
    with_agency(&store).await;
    store
        .create_catalog_item("t", &item(None, "已有的一条", 2024))
        .await
        .expect("existing");
    // A given number ahead of the sequence, rows without numbers before and after it.
    let outcome = store
        .import_catalog_items(
            "officer",
            &[
                item(None, "甲", 2024),
                item(Some("czj/2024-00003"), "乙", 2024),
                item(None, "丙", 2024),
                item(None, "丁", 2023),
                item(Some("czj/2024-00001"), "重复", 2024),
            ],
        )
        .await
        .expect("import");
    assert_eq!(
        outcome.inserted,
        vec![
            "czj/2024-00003",
            "czj/2024-00004",
            "czj/2024-00005",
            "czj/2023-00001"
        ]
    );
    assert_eq!(outcome.skipped, vec!["czj/2024-00001"]);
    let titles: Vec<String> = futures_titles(&store, &outcome.inserted).await;
    assert_eq!(titles, vec!["乙", "甲", "丙", "丁"]);

    let existing = store
        .existing_index_numbers(&[
            "czj/2024-00001".into(),
            "czj/2024-00005".into(),
            "czj/2024-09999".into(),
        ])
        .await
        .expect("lookup");
    assert_eq!(existing.len(), 2);
    assert!(existing.contains("czj/2024-00001") && existing.contains("czj/2024-00005"));
    // More numbers than one statement takes.
    let many: Vec<String> = (0..1_200).map(|i| format!("czj/2024-{i:05}")).collect();
    assert_eq!(
        store
            .existing_index_numbers(&many)
            .await
            .expect("many")
            .len(),
        4
    );
    assert!(
        store
            .existing_index_numbers(&[])
            .await
            .expect("none")
            .is_empty()
    );
}

async fn futures_titles(store: &Store, index_numbers: &[String]) -> Vec<String> {
    let mut titles = Vec::new();
    for n in index_numbers {
        titles.push(
            store
                .catalog_item(n)
                .await
                .expect("read")
                .expect("item")
                .title,
        );
    }
    titles
}

scenarios! {
    generated_numbers_continue_after_given_ones,
}
