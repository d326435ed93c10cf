//! The plain demo site: the demo data seeded into a temporary SQLite store
//! and an empty search index, for test files that need nothing else.

use std::sync::Arc;

use axum::Router;
use gongkai_search::SearchIndex;
use gongkai_store::Store;
use gongkai_web::{AppState, router};

/// Where the search index of a demo site lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndexPlace {
    /// In the site's temporary directory.
    OnDisk,
    /// In memory.
    InMemory,
}

/// The demo data in a temporary store, with a search index.
pub struct DemoSite {
    /// The store, seeded with the demo data.
    pub store: Store,
    /// The search index (empty until something is published or imported).
    pub index: Arc<SearchIndex>,
    /// Holds the database (and an on-disk index).
    _dir: tempfile::TempDir,
}

impl DemoSite {
    /// A new site: `database` is the file name of its SQLite database.
    pub async fn seeded(database: &str, index: IndexPlace) -> DemoSite {
        let dir = tempfile::tempdir().expect("dir");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join(database).display());
        let store = Store::open(&url).await.expect("open");
        gongkai_store::demo::seed(&store).await.expect("seed");
        let index = match index {
            IndexPlace::OnDisk => SearchIndex::open_or_create(dir.path().join("index")),
            IndexPlace::InMemory => SearchIndex::in_memory(),
        }
        .expect("index");
        DemoSite {
            store,
            index: Arc::new(index),
            _dir: dir,
        }
    }

    /// The web app (portal and back office) over the site.
    pub fn app(&self) -> Router {
        router(AppState::new(self.store.clone(), self.index.clone()))
    }
}
