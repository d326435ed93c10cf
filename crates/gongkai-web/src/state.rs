//! What every handler shares.

use std::sync::Arc;

use gongkai_search::SearchIndex;
use gongkai_store::Store;

/// The application state: the store and the full-text index of its
/// published items.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The database (the source of truth).
    pub store: Store,
    /// The search index; staff-side code updates it when items are
    /// published or withdrawn.
    pub search: Arc<SearchIndex>,
}

impl AppState {
    /// State over `store` and its search index.
    pub fn new(store: Store, search: Arc<SearchIndex>) -> AppState {
        AppState { store, search }
    }
}
