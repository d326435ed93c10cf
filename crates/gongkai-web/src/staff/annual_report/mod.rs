//! The annual-report editor and the supervisor's aggregate view.

use axum::Router;

use super::StaffState;

/// The routes of this part of the back office.
pub(crate) fn routes() -> Router<StaffState> {
    Router::new()
}
