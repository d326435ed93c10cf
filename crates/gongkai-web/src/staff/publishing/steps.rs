//! `GET/POST /staff/items/steps`: administrators set an agency's review
//! steps (one name a line); items already in review keep their steps.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use gongkai_store::{MAX_REVIEW_STEPS, StaffRole};
use serde::Deserialize;

use super::views::StepsView;
use crate::staff::error::StaffError;
use crate::staff::views::Choice;
use crate::staff::{Staff, StaffState};

fn require_admin(staff: &Staff) -> Result<(), StaffError> {
    if staff.user.role == StaffRole::Administrator {
        Ok(())
    } else {
        Err(StaffError::Forbidden(
            "只有系统管理员可以设置审核步骤。".into(),
        ))
    }
}

#[derive(Debug, Deserialize, Default)]
pub(crate) struct StepsQuery {
    #[serde(default)]
    agency: String,
    #[serde(default)]
    saved: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
pub(crate) struct StepsForm {
    #[serde(default)]
    agency: String,
    #[serde(default)]
    steps: String,
}

async fn render(
    state: &StaffState,
    staff: &Staff,
    agency: &str,
    steps_text: Option<String>,
    flash: Option<String>,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, StaffError> {
    let store = &state.app.store;
    let agencies = store.agencies().await?;
    let chosen = agencies
        .iter()
        .find(|a| a.code == agency)
        .or_else(|| agencies.iter().find(|a| a.code == staff.user.agency_code))
        .or_else(|| agencies.first())
        .ok_or_else(|| StaffError::NotFound("尚未设立任何机构。".into()))?;
    let steps_text = match steps_text {
        Some(t) => t,
        None => store.review_steps(&chosen.code).await?.join("\n"),
    };
    let view = StepsView {
        chrome: staff.chrome("审核步骤设置", "items"),
        csrf: staff.csrf.clone(),
        agencies: agencies
            .iter()
            .map(|a| Choice {
                value: a.code.clone(),
                label: a.name.clone(),
                selected: a.code == chosen.code,
            })
            .collect(),
        agency: chosen.code.clone(),
        agency_name: chosen.name.clone(),
        steps_text,
        error,
        flash,
        max_steps: MAX_REVIEW_STEPS,
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// `GET /staff/items/steps?agency=`.
pub(crate) async fn page(
    State(state): State<StaffState>,
    staff: Staff,
    Query(query): Query<StepsQuery>,
) -> Result<Response, StaffError> {
    require_admin(&staff)?;
    let flash = query
        .saved
        .map(|_| "审核步骤已保存，之后提交审核的信息按新步骤办理。".to_owned());
    render(
        &state,
        &staff,
        &query.agency,
        None,
        flash,
        None,
        StatusCode::OK,
    )
    .await
}

/// `POST /staff/items/steps`.
pub(crate) async fn save(
    State(state): State<StaffState>,
    staff: Staff,
    Form(form): Form<StepsForm>,
) -> Result<Response, StaffError> {
    require_admin(&staff)?;
    let steps: Vec<String> = form.steps.lines().map(str::to_owned).collect();
    match state
        .app
        .store
        .set_review_steps(&staff.user.username, &form.agency, &steps)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!(
            "/staff/items/steps?agency={}&saved=1",
            crate::text::encode_query_value(&form.agency)
        ))
        .into_response()),
        Err(e) if e.is_input_error() => {
            render(
                &state,
                &staff,
                &form.agency,
                Some(form.steps.clone()),
                None,
                Some(e.to_string()),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
