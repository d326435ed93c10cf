//! What every handler shares.

use gongkai_store::Store;

/// The application state: the store.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The database.
    pub store: Store,
}

impl AppState {
    /// State over `store`.
    pub fn new(store: Store) -> AppState {
        AppState { store }
    }
}
