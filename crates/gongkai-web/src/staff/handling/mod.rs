//! Case handling beyond the case page's actions: paper applications, transfers, reopening, reconsideration and litigation records, reminders.

use axum::Router;

use super::StaffState;

/// The routes of this part of the back office.
pub(crate) fn routes() -> Router<StaffState> {
    Router::new()
}
