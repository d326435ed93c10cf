//! Bulk import of existing catalogs from CSV/XLSX with per-row errors.

use axum::Router;

use super::StaffState;

/// The routes of this part of the back office.
pub(crate) fn routes() -> Router<StaffState> {
    Router::new()
}
