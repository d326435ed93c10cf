//! The publishing workflow: drafts, 保密审查 and review steps, publication, withdrawal and replacement.

use axum::Router;

use super::StaffState;

/// The routes of this part of the back office.
pub(crate) fn routes() -> Router<StaffState> {
    Router::new()
}
