//! Dashboards of the application work (ECharts).

use axum::Router;

use super::StaffState;

/// The routes of this part of the back office.
pub(crate) fn routes() -> Router<StaffState> {
    Router::new()
}
