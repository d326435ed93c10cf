//! User management for administrators: list, create (role, agency, initial
//! password) and reset passwords.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use gongkai_store::{NewStaffUser, StaffRole, check_password_policy, hash_password};
use serde::Deserialize;

use super::error::StaffError;
use super::views::{Choice, UserRow, UsersView};
use super::{Staff, StaffState};

const ROLES: [StaffRole; 4] = [
    StaffRole::Officer,
    StaffRole::Supervisor,
    StaffRole::Reviewer,
    StaffRole::Administrator,
];

fn require_admin(staff: &Staff) -> Result<(), StaffError> {
    if staff.user.role == StaffRole::Administrator {
        Ok(())
    } else {
        Err(StaffError::Forbidden("只有系统管理员可以管理用户。".into()))
    }
}

#[derive(Debug, Deserialize, Default)]
pub(crate) struct UsersQuery {
    #[serde(default)]
    created: Option<String>,
    #[serde(default)]
    reset: Option<String>,
    #[serde(default)]
    email: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
pub(crate) struct NewUserForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    agency: String,
    #[serde(default)]
    password: String,
}

async fn render(
    state: &StaffState,
    staff: &Staff,
    status: StatusCode,
    flash: Option<String>,
    error: Option<String>,
    form: &NewUserForm,
) -> Result<Response, StaffError> {
    let store = &state.app.store;
    let agencies = store.agencies().await?;
    let name_of = |code: &str| {
        agencies
            .iter()
            .find(|a| a.code == code)
            .map_or_else(|| code.to_owned(), |a| a.name.clone())
    };
    let emails = store.staff_emails().await?;
    let users = store
        .all_staff_users()
        .await?
        .into_iter()
        .map(|u| UserRow {
            id: u.id,
            agency: name_of(&u.agency_code),
            username: u.username,
            display_name: u.display_name,
            role: u.role.label(),
            active: u.active,
            email: emails.get(&u.id).cloned().unwrap_or_default(),
        })
        .collect();
    let view = UsersView {
        chrome: staff.chrome("用户管理", "users"),
        csrf: staff.csrf.clone(),
        users,
        roles: ROLES
            .iter()
            .map(|r| Choice {
                value: r.key().to_owned(),
                label: r.label().to_owned(),
                selected: r.key() == form.role,
            })
            .collect(),
        agencies: agencies
            .iter()
            .map(|a| Choice {
                value: a.code.clone(),
                label: a.name.clone(),
                selected: a.code == form.agency,
            })
            .collect(),
        error,
        flash,
        min_chars: gongkai_store::MIN_PASSWORD_CHARS,
        form_username: form.username.clone(),
        form_display_name: form.display_name.clone(),
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// `GET /staff/admin/users`.
pub(crate) async fn users_page(
    State(state): State<StaffState>,
    staff: Staff,
    Query(query): Query<UsersQuery>,
) -> Result<Response, StaffError> {
    require_admin(&staff)?;
    let flash = match (query.created, query.reset) {
        (Some(u), _) => Some(format!("已创建用户 {u}。")),
        (_, Some(u)) => Some(format!("已重置用户 {u} 的密码，其登录会话已全部结束。")),
        _ if query.email.is_some() => Some("已保存电子邮箱。".to_owned()),
        _ => None,
    };
    render(
        &state,
        &staff,
        StatusCode::OK,
        flash,
        None,
        &NewUserForm::default(),
    )
    .await
}

/// `POST /staff/admin/users`.
pub(crate) async fn create_user(
    State(state): State<StaffState>,
    staff: Staff,
    Form(form): Form<NewUserForm>,
) -> Result<Response, StaffError> {
    require_admin(&staff)?;
    let store = &state.app.store;
    let fail = |message: String| {
        render(
            &state,
            &staff,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            Some(message),
            &form,
        )
    };
    let username = form.username.trim();
    if username.is_empty()
        || username.len() > 64
        || !username
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
    {
        return fail("用户名无效：只能使用字母、数字、点、下划线或连字符，最长64个字符".into())
            .await;
    }
    let Some(role) = StaffRole::from_key(&form.role) else {
        return fail("请选择角色".into()).await;
    };
    if store.agency(&form.agency).await?.is_none() {
        return fail("请选择所属机关".into()).await;
    }
    if let Err(e) = check_password_policy(&form.password) {
        return fail(e.to_string()).await;
    }
    let hash = hash_password(&form.password)?;
    match store
        .create_staff_user(
            &staff.user.username,
            &NewStaffUser {
                agency_code: form.agency.clone(),
                username: username.to_owned(),
                display_name: form.display_name.clone(),
                role,
                password_hash: Some(hash),
            },
        )
        .await
    {
        Ok(user) => Ok(Redirect::to(&format!(
            "/staff/admin/users?created={}",
            super::error::percent_encode(&user.username)
        ))
        .into_response()),
        Err(e @ gongkai_store::StoreError::InvalidField { .. }) => fail(e.to_string()).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Deserialize, Default)]
pub(crate) struct ResetForm {
    #[serde(default)]
    password: String,
}

/// `POST /staff/admin/users/{id}/password`: sets a new password and ends
/// the user's sessions.
pub(crate) async fn reset_password(
    State(state): State<StaffState>,
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<ResetForm>,
) -> Result<Response, StaffError> {
    require_admin(&staff)?;
    let store = &state.app.store;
    let user = match id.parse::<i64>() {
        Ok(id) => store.staff_user_by_id(id).await?,
        Err(_) => None,
    }
    .ok_or_else(|| StaffError::NotFound("找不到该用户。".into()))?;
    if let Err(e) = check_password_policy(&form.password) {
        return render(
            &state,
            &staff,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            Some(format!("重置 {} 的密码失败：{e}", user.username)),
            &NewUserForm::default(),
        )
        .await;
    }
    store
        .set_password(&staff.user.username, &user.username, &form.password)
        .await?;
    Ok(Redirect::to(&format!(
        "/staff/admin/users?reset={}",
        super::error::percent_encode(&user.username)
    ))
    .into_response())
}
