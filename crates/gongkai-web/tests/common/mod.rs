//! The fixture shared by the integration tests: the demo data seeded into a
//! temporary SQLite store, one hostile item added, and a search index in a
//! temporary directory rebuilt from the store.

#![allow(dead_code)]

pub mod casework;
pub mod demo_site;
pub mod multipart;
pub mod staff_client;

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use gongkai_search::SearchIndex;
use gongkai_store::demo::TOBACCO_CODE;
use gongkai_store::{
    CatalogQuery, Category, DisclosureMode, ItemStatus, NewCatalogItem, Store, Validity,
};
use gongkai_web::{AppState, rebuild_index, router};
use tokio::sync::OnceCell;
use tower::ServiceExt;

/// The seeded store and its index.
pub struct Fixture {
    /// The store.
    pub store: Store,
    /// The index, rebuilt from the store.
    pub index: Arc<SearchIndex>,
    /// What the rebuild reported.
    pub indexed: usize,
    /// Holds the database and index files.
    pub dir: tempfile::TempDir,
}

static FIXTURE: OnceCell<Fixture> = OnceCell::const_new();

/// The fixture, created on first use.
pub async fn fixture() -> &'static Fixture {
    FIXTURE
        .get_or_init(|| async {
            let dir = tempfile::tempdir().expect("dir");
            let url = format!(
                "sqlite://{}?mode=rwc",
                dir.path().join("portal.db").display()
            );
            let store = Store::open(&url).await.expect("open");
            gongkai_store::demo::seed(&store).await.expect("seed");
            let hostile = NewCatalogItem {
                index_no: Some("XSS/2025-00001".into()),
                agency_code: TOBACCO_CODE.into(),
                title: "<script>alert(1)</script>关于“引号”&的通知".into(),
                doc_number: Some("<b>盐烟专〔2025〕1号</b>".into()),
                written_on: chrono::NaiveDate::from_ymd_opt(2025, 12, 30),
                published_on: chrono::NaiveDate::from_ymd_opt(2025, 12, 31),
                category: Category::Other,
                topic: "工业、交通".into(),
                validity: Validity::Valid,
                validity_changed_on: None,
                disclosure_mode: DisclosureMode::Proactive,
                body: "<img src=x onerror=alert(2)>正文".into(),
                status: ItemStatus::Published,
            };
            store
                .create_catalog_item("test", &hostile)
                .await
                .expect("hostile item");
            let index =
                SearchIndex::open_or_create(dir.path().join("gongkai-index")).expect("index");
            let indexed = rebuild_index(&store, &index).await.expect("rebuild");
            Fixture {
                store,
                index: Arc::new(index),
                indexed,
                dir,
            }
        })
        .await
}

/// The portal over the fixture.
pub async fn app() -> Router {
    let fixture = fixture().await;
    router(AppState::new(fixture.store.clone(), fixture.index.clone()))
}

/// Status, headers and body of `GET uri`.
pub async fn get(uri: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let response = app()
        .await
        .oneshot(Request::get(uri).body(Body::empty()).expect("request"))
        .await
        .expect("response");
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), 20 * 1024 * 1024)
        .await
        .expect("body");
    (status, headers, body.to_vec())
}

/// Status and HTML of `GET uri`; pages (200 and 4xx) must be HTML.
pub async fn page(uri: &str) -> (StatusCode, String) {
    let (status, headers, body) = get(uri).await;
    if status == StatusCode::OK || status.is_client_error() {
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(
            content_type.starts_with("text/html"),
            "{uri}: {content_type}"
        );
    }
    (status, String::from_utf8(body).expect("utf-8"))
}

/// The HTML of a page that must be 200 and contain `expected`.
pub async fn ok_page(uri: &str, expected: &[&str]) -> String {
    let (status, html) = page(uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {html}");
    assert!(html.contains("<html lang=\"zh-CN\">"), "{uri}");
    assert!(html.contains("跳到主要内容"), "{uri}: skip link");
    for text in expected {
        assert!(html.contains(text), "{uri} should contain {text}");
    }
    html
}

/// The newest published item of `code` that has a 文号.
pub async fn first_item_of(code: &str) -> gongkai_store::CatalogItem {
    let store = &fixture().await.store;
    let page = store
        .list_catalog(&CatalogQuery::published(code))
        .await
        .expect("list");
    page.items
        .into_iter()
        .find(|i| i.doc_number.is_some() && !i.index_no.starts_with("XSS"))
        .expect("an item")
}

/// Every published item of the store.
pub async fn all_published() -> Vec<gongkai_store::CatalogItem> {
    let store = &fixture().await.store;
    let mut items = Vec::new();
    let mut page = 1;
    loop {
        let listing = store
            .list_catalog(&CatalogQuery {
                agency_code: None,
                category: None,
                status: Some(ItemStatus::Published),
                page,
                per_page: 200,
            })
            .await
            .expect("list");
        items.extend(listing.items.iter().cloned());
        if page >= listing.page_count() {
            return items;
        }
        page += 1;
    }
}
