//! `GET /api/v1/calendar/workdays-after`.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use chrono::Datelike;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::ApiState;
use crate::error::ApiError;
use crate::json::parse_date;
use crate::model::{ErrorBody, WorkdaysAfter};
use crate::routes::number_param;

/// The most working days one computation may count.
const MAX_DAYS: u32 = 1000;

/// The parameters of a working-day computation.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct WorkdaysParams {
    /// The start date, `YYYY-MM-DD`; counting starts on the next day.
    #[param(required = true, value_type = String, format = Date, example = "2024-09-27")]
    date: Option<String>,
    /// How many working days (0–1000).
    #[param(required = true, value_type = u32, minimum = 0, maximum = 1000, example = 20)]
    days: Option<String>,
}

/// The date that is `days` working days after `date`, counting from the next
/// day as officers compute due dates (2024-09-27 + 20 → 2024-10-30, over the
/// National Day holiday). Uses the same calendar as the deadlines of the
/// applications: the published notices, and for the next two years, whose
/// schedule is not yet published, the statutory holidays of the 放假办法
/// (`provisional` is then true and names the years); further years are
/// refused (422).
#[utoipa::path(
    get,
    path = "/api/v1/calendar/workdays-after",
    tag = "calendar",
    operation_id = "workdays_after",
    params(WorkdaysParams),
    responses(
        (status = 200, description = "The computed date", body = WorkdaysAfter),
        (status = 400, description = "Missing or impossible date, or days out of range", body = ErrorBody),
        (status = 422, description = "The calendar has no holiday data for a year the count reaches (code calendar_not_covered)", body = ErrorBody)
    )
)]
pub(crate) async fn workdays_after(
    State(state): State<ApiState>,
    params: Result<Query<WorkdaysParams>, QueryRejection>,
) -> Result<Json<WorkdaysAfter>, ApiError> {
    let Query(params) = params?;
    let date_text = params
        .date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .ok_or_else(|| ApiError::invalid_parameter("date", "缺少参数 date（YYYY-MM-DD）"))?;
    let from = parse_date(date_text).map_err(|m| ApiError::invalid_parameter("date", m))?;
    let days = number_param("days", params.days.as_deref(), 0, MAX_DAYS)?
        .ok_or_else(|| ApiError::invalid_parameter("days", "缺少参数 days（工作日数）"))?;
    let calendar = state.store.calendar()?;
    let date = calendar.add_workdays(from, days)?;
    let mut provisional_years: Vec<i32> = [from, date]
        .into_iter()
        .filter(|d| calendar.is_provisional(*d))
        .map(|d| d.year())
        .collect();
    provisional_years.dedup();
    Ok(Json(WorkdaysAfter {
        date,
        from,
        days,
        provisional: !provisional_years.is_empty(),
        provisional_years,
    }))
}
