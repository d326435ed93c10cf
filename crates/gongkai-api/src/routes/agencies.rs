//! `GET /api/v1/agencies`.

use axum::Json;
use axum::extract::State;

use crate::ApiState;
use crate::error::ApiError;
use crate::model::{Agency, AgencyList, ErrorBody};

/// Every agency (government, departments, towns), superiors first.
#[utoipa::path(
    get,
    path = "/api/v1/agencies",
    tag = "agencies",
    operation_id = "list_agencies",
    responses(
        (status = 200, description = "The agencies", body = AgencyList),
        (status = 500, description = "Database failure", body = ErrorBody)
    )
)]
pub(crate) async fn list(State(state): State<ApiState>) -> Result<Json<AgencyList>, ApiError> {
    let agencies = state.store.agencies().await?;
    Ok(Json(AgencyList {
        items: agencies.into_iter().map(Agency::from).collect(),
    }))
}
