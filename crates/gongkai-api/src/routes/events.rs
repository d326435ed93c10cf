//! The procedural events of an application.

use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::ApiState;
use crate::auth::{ReadAccess, WriteAccess};
use crate::error::ApiError;
use crate::json::ApiJson;
use crate::model::{ApplicationDetail, ErrorBody, EventList, EventRecord, ProcedureEvent};
use crate::routes::applications::{ACTOR, detail};
use crate::routes::id_param;

/// Checks the event's own fields with the domain's one check (the same the
/// command line and the web forms use), naming the field; the engine checks
/// the rest against the record.
fn check_event(event: &ProcedureEvent) -> Result<(), ApiError> {
    let domain: gongkai_domain::deadline::ProcedureEvent = event.clone().into();
    gongkai_domain::deadline::check_new_event(&domain)
        .map_err(|e| ApiError::invalid_field(e.field, e.to_string()))
}

/// The recorded events of an application, in order.
#[utoipa::path(
    get,
    path = "/api/v1/applications/{id}/events",
    tag = "applications",
    operation_id = "list_events",
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    security((), ("bearer_token" = [])),
    responses(
        (status = 200, description = "The events", body = EventList),
        (status = 400, description = "The id is not a positive whole number", body = ErrorBody),
        (status = 401, description = "Wrong token", body = ErrorBody),
        (status = 404, description = "No such application", body = ErrorBody)
    )
)]
pub(crate) async fn list(
    _access: ReadAccess,
    State(state): State<ApiState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<EventList>, ApiError> {
    let Path(id) = id?;
    let id = id_param(&id)?;
    if state.store.application(id).await?.is_none() {
        return Err(ApiError::not_found(format!("找不到申请“{id}”")));
    }
    let events = state.store.application_events(id).await?;
    Ok(Json(EventList {
        items: events.into_iter().map(EventRecord::from).collect(),
    }))
}

/// Records a procedural event. Its fields are checked first (422 naming the
/// field: a notice without `service`, a 0-yuan fee, an empty approver, a
/// correction period over 60 working days…); then the deadline engine
/// replays the whole record with it, and an event it refuses (out of order,
/// in the future, after closing, a second extension, an extension or an
/// Art. 35 deadline after the answer period ran out, …) is answered 409
/// with the engine's message and nothing is written. A posted notice's
/// service date is recorded later as `notice_served`.
#[utoipa::path(
    post,
    path = "/api/v1/applications/{id}/events",
    tag = "applications",
    operation_id = "add_event",
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    request_body = ProcedureEvent,
    security(("bearer_token" = [])),
    responses(
        (status = 201, description = "Recorded; the application with its new status", body = ApplicationDetail,
            headers(("Location" = String, description = "/api/v1/applications/{id}/events"))),
        (status = 400, description = "Malformed JSON or id", body = ErrorBody),
        (status = 401, description = "Missing or wrong bearer token", body = ErrorBody),
        (status = 404, description = "No such application", body = ErrorBody),
        (status = 409, description = "The deadline engine refuses the event (code procedure_refused); nothing written", body = ErrorBody),
        (status = 413, description = "Body larger than 64 KB", body = ErrorBody),
        (status = 415, description = "Content-Type is not application/json", body = ErrorBody),
        (status = 422, description = "A field is invalid, or the calendar has no data for the year", body = ErrorBody),
        (status = 503, description = "API writes disabled (GONGKAI_API_TOKEN unset)", body = ErrorBody)
    )
)]
pub(crate) async fn create(
    _access: WriteAccess,
    State(state): State<ApiState>,
    id: Result<Path<String>, PathRejection>,
    ApiJson(event): ApiJson<ProcedureEvent>,
) -> Result<Response, ApiError> {
    let Path(id) = id?;
    let id = id_param(&id)?;
    check_event(&event)?;
    if state.store.application(id).await?.is_none() {
        return Err(ApiError::not_found(format!("找不到申请“{id}”")));
    }
    state.store.add_event(ACTOR, id, event.into()).await?;
    let body = detail(&state.store, id, true).await?;
    let location = format!("{}/applications/{id}/events", crate::BASE_PATH);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(body),
    )
        .into_response())
}
