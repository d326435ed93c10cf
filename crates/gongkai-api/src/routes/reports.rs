//! `GET /api/v1/reports/{agency}/{year}`.

use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use gongkai_domain::validate;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::ApiState;
use crate::error::ApiError;
use crate::model::{ErrorBody, ReportDocument};
use crate::routes::{number_param, text_param};

/// Options of the report.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ReportParams {
    /// `true` for a government together with all its subordinate agencies
    /// (departments, towns, and theirs); default `false`.
    #[param(value_type = Option<bool>)]
    aggregate: Option<String>,
}

/// The annual report of an agency for a year, built from its cases (tables
/// 三 and 四; table 二 is 0), in the canonical JSON form with the findings of
/// the consistency check in `findings`.
#[utoipa::path(
    get,
    path = "/api/v1/reports/{agency}/{year}",
    tag = "reports",
    operation_id = "build_report",
    params(
        ("agency" = String, Path, description = "The agency's code", max_length = 64, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$"),
        ("year" = i32, Path, description = "The report year, 2008–2100", minimum = 2008, maximum = 2100),
        ReportParams
    ),
    responses(
        (status = 200, description = "The report", body = ReportDocument),
        (status = 400, description = "An invalid year or parameter", body = ErrorBody),
        (status = 404, description = "Unknown agency", body = ErrorBody)
    )
)]
pub(crate) async fn build(
    State(state): State<ApiState>,
    path: Result<Path<(String, String)>, PathRejection>,
    params: Result<Query<ReportParams>, QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let Path((agency, year)) = path?;
    let Query(params) = params?;
    let agency = text_param("agency", Some(&agency), 64)?
        .ok_or_else(|| ApiError::invalid_parameter("agency", "缺少机构代码"))?;
    let year = number_param("year", Some(&year), 2008, 2100)?
        .ok_or_else(|| ApiError::invalid_parameter("year", "缺少报告年度"))?;
    let aggregate = match params.aggregate.as_deref().map(str::trim) {
        None | Some("" | "false" | "0") => false,
        Some("true" | "1") => true,
        Some(other) => {
            return Err(ApiError::invalid_parameter(
                "aggregate",
                format!("“{other}”无效：应为 true 或 false"),
            ));
        }
    };
    let mut report = if aggregate {
        state.store.build_aggregate_report(&agency, year).await?
    } else {
        state.store.build_report(&agency, year).await?
    };
    let findings = validate::validate(&report);
    report.findings = Some(serde_json::to_value(&findings).map_err(ApiError::internal)?);
    Ok(Json(report.to_json_value()))
}
