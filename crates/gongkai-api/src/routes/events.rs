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
use crate::routes::{id_param, no_control_chars};

/// The longest correction period an officer may set, in working days.
const MAX_CORRECTION_WORKDAYS: u32 = 365;
/// The largest fee, in yuan.
const MAX_FEE_YUAN: u64 = 100_000_000;

/// Checks the free-text and size fields of an event; the engine checks the rest.
fn check_event(event: &ProcedureEvent) -> Result<(), ApiError> {
    let text = |path: &'static str, value: &str, max: usize| {
        no_control_chars(value, true).map_err(|m| ApiError::invalid_field(path, m))?;
        let chars = value.trim().chars().count();
        if chars == 0 {
            return Err(ApiError::invalid_field(path, "不能为空"));
        }
        if chars > max {
            return Err(ApiError::invalid_field(
                path,
                format!("不能超过{max}个字符（现有{chars}个）"),
            ));
        }
        Ok(())
    };
    match event {
        ProcedureEvent::ExtensionGranted { approver, .. } => text("approver", approver, 100),
        ProcedureEvent::Reopened { reason, .. } => text("reason", reason, 500),
        ProcedureEvent::CorrectionRequested {
            period_workdays, ..
        } if *period_workdays > MAX_CORRECTION_WORKDAYS => Err(ApiError::invalid_field(
            "period_workdays",
            format!("补正期限不能超过{MAX_CORRECTION_WORKDAYS}个工作日"),
        )),
        ProcedureEvent::FeeNoticeIssued { amount_yuan, .. } if *amount_yuan > MAX_FEE_YUAN => Err(
            ApiError::invalid_field("amount_yuan", format!("收费金额不能超过{MAX_FEE_YUAN}元")),
        ),
        _ => Ok(()),
    }
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

/// Records a procedural event. The deadline engine replays the whole record
/// with it; an event it refuses (out of order, in the future, after closing,
/// a second extension, an extension over 20 working days, …) is answered 409
/// with the engine's message and nothing is written.
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
