//! Staff users with roles.

use serde_json::json;
use sqlx::any::AnyRow;

use super::{audit, col};
use crate::error::Context;
use crate::fields::required_text;
use crate::model::decode_key;
use crate::time::now_text;
use crate::{NewAuditEntry, NewStaffUser, StaffRole, StaffUser, Store, StoreError};

const COLUMNS: &str = "id, agency_code, username, display_name, role, active";

fn decode(row: &AnyRow) -> Result<StaffUser, StoreError> {
    let active: i64 = col(row, "active")?;
    Ok(StaffUser {
        id: col(row, "id")?,
        agency_code: col(row, "agency_code")?,
        username: col(row, "username")?,
        display_name: col(row, "display_name")?,
        role: decode_key("staff_users.role", col(row, "role")?, StaffRole::from_key)?,
        active: active != 0,
    })
}

impl Store {
    /// Creates a staff user; the username must be new. Audited without the
    /// password hash.
    pub async fn create_staff_user(
        &self,
        actor: &str,
        user: &NewStaffUser,
    ) -> Result<StaffUser, StoreError> {
        let username = required_text("用户名", &user.username, 64)?;
        let display_name = required_text("姓名", &user.display_name, 100)?;
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        if sqlx::query("SELECT id FROM staff_users WHERE username = $1")
            .bind(&username)
            .fetch_optional(&mut *tx)
            .await
            .ctx("读取用户")?
            .is_some()
        {
            return Err(StoreError::InvalidField {
                field: "用户名",
                message: format!("“{username}”已被使用"),
            });
        }
        let now = now_text();
        let row = sqlx::query(&format!(
            "INSERT INTO staff_users (agency_code, username, display_name, role, password_hash, active, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, 1, $6, $6) RETURNING {COLUMNS}"
        ))
        .bind(&user.agency_code)
        .bind(&username)
        .bind(&display_name)
        .bind(user.role.key())
        .bind(&user.password_hash)
        .bind(&now)
        .fetch_one(&mut *tx)
        .await
        .ctx("保存用户")?;
        let stored = decode(&row)?;
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: actor.to_owned(),
                action: "staff_user.create".into(),
                entity_type: "staff_user".into(),
                entity_key: stored.username.clone(),
                before: None,
                after: Some(json!({
                    "agency_code": stored.agency_code, "username": stored.username,
                    "display_name": stored.display_name, "role": stored.role.key(),
                    "password_set": user.password_hash.is_some(),
                })),
            },
        )
        .await?;
        tx.commit().await.ctx("提交用户")?;
        Ok(stored)
    }

    /// The staff users of an agency, by username.
    pub async fn staff_users(&self, agency_code: &str) -> Result<Vec<StaffUser>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM staff_users WHERE agency_code = $1 ORDER BY username"
        ))
        .bind(agency_code)
        .fetch_all(&self.pool)
        .await
        .ctx("读取用户列表")?;
        rows.iter().map(decode).collect()
    }
}
