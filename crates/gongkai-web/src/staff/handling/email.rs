//! Staff e-mail addresses for the reminder digest: each user sets their own
//! on the reminders page; administrators set anyone's in user management.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use gongkai_store::{StaffRole, StoreError};
use serde::Deserialize;

use axum::http::StatusCode;

use super::super::error::{StaffError, error_page};
use super::super::{Staff, StaffState};
use super::reminders::render_page;

/// The e-mail form.
#[derive(Debug, Deserialize, Default)]
pub(crate) struct EmailForm {
    #[serde(default)]
    email: String,
}

/// `POST /staff/account/email`: the user's own address.
pub(crate) async fn set_own(
    State(state): State<StaffState>,
    staff: Staff,
    Form(form): Form<EmailForm>,
) -> Result<Response, StaffError> {
    // Reminders are about cases: roles without cases get none.
    if !staff.scope.has_cases() {
        return Err(super::super::scope::no_case_access());
    }
    match state
        .app
        .store
        .set_staff_email(&staff.user.username, staff.user.id, &form.email)
        .await
    {
        Ok(_) => Ok(Redirect::to("/staff/reminders?done=email").into_response()),
        Err(e @ StoreError::InvalidField { .. }) => {
            render_page(&state, &staff, None, Some(e.to_string()), Some(form.email)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /staff/admin/users/{id}/email`: an administrator sets a user's
/// address (403 for everyone else).
pub(crate) async fn set_for_user(
    State(state): State<StaffState>,
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<EmailForm>,
) -> Result<Response, StaffError> {
    if staff.user.role != StaffRole::Administrator {
        return Err(StaffError::Forbidden("只有系统管理员可以管理用户。".into()));
    }
    let id: i64 = id
        .parse()
        .map_err(|_| StaffError::NotFound("找不到该用户。".into()))?;
    match state
        .app
        .store
        .set_staff_email(&staff.user.username, id, &form.email)
        .await
    {
        Ok(_) => Ok(Redirect::to("/staff/admin/users?email=saved").into_response()),
        Err(StoreError::NotFound { .. }) => Err(StaffError::NotFound("找不到该用户。".into())),
        Err(e @ StoreError::InvalidField { .. }) => Ok(error_page(
            StatusCode::UNPROCESSABLE_ENTITY,
            "电子邮箱无效",
            format!("{e}。请返回用户管理页面修改后重新保存。"),
        )),
        Err(e) => Err(e.into()),
    }
}
