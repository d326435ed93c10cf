//! Server-side sessions of signed-in staff: a random 256-bit id in the
//! cookie, its SHA-256 in the database, a per-session CSRF token, an idle
//! and an absolute expiry.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::login::decode_user;
use super::{audit, col, sha256_hex};
use crate::error::Context;
use crate::time::{parse_timestamp, timestamp_text};
use crate::{NewAuditEntry, StaffUser, Store, StoreError};

/// How long a session lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    /// Ends after this long without a request.
    pub idle: Duration,
    /// Ends this long after sign-in, however active.
    pub absolute: Duration,
}

impl Default for SessionPolicy {
    /// 30 minutes idle, 10 hours at most (a working day).
    fn default() -> Self {
        SessionPolicy {
            idle: Duration::minutes(30),
            absolute: Duration::hours(10),
        }
    }
}

/// A session just created: the id for the cookie (shown once, stored only
/// as a hash) and its CSRF token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    /// The session id for the cookie: 64 hex digits (256 bits).
    pub token: String,
    /// The synchronizer token every form of the session must carry.
    pub csrf_token: String,
    /// When it ends unless used.
    pub expires_at: DateTime<Utc>,
}

/// A live session with its user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffSession {
    /// The signed-in user.
    pub user: StaffUser,
    /// The session's CSRF token.
    pub csrf_token: String,
    /// When the user signed in.
    pub created_at: DateTime<Utc>,
    /// When it ends unless used again.
    pub expires_at: DateTime<Utc>,
}

/// 32 random bytes as 64 lowercase hex digits.
pub fn random_token() -> Result<String, StoreError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| StoreError::Invalid(format!("无法生成随机令牌：{e}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

fn looks_like_token(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

impl Store {
    /// Starts a session for `user` (who has just signed in). Audited.
    pub async fn create_session(
        &self,
        user: &StaffUser,
        ip: &str,
        user_agent: &str,
        policy: &SessionPolicy,
    ) -> Result<NewSession, StoreError> {
        let token = random_token()?;
        let csrf_token = random_token()?;
        let now = Utc::now();
        let expires_at = (now + policy.idle).min(now + policy.absolute);
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        sqlx::query(
            "INSERT INTO staff_sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent) \
             VALUES ($1, $2, $3, $4, $4, $5, $6, $7)",
        )
        .bind(sha256_hex(token.as_bytes()))
        .bind(user.id)
        .bind(&csrf_token)
        .bind(timestamp_text(now))
        .bind(timestamp_text(expires_at))
        .bind(ip.chars().take(64).collect::<String>())
        .bind(user_agent.chars().take(255).collect::<String>())
        .execute(&mut *tx)
        .await
        .ctx("保存会话")?;
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: user.username.clone(),
                action: "staff.session_start".into(),
                entity_type: "staff_user".into(),
                entity_key: user.username.clone(),
                before: None,
                after: Some(json!({ "ip": ip, "expires_at": timestamp_text(expires_at) })),
            },
        )
        .await?;
        tx.commit().await.ctx("提交会话")?;
        Ok(NewSession {
            token,
            csrf_token,
            expires_at,
        })
    }

    /// The live session with cookie value `token`, its expiry moved on by
    /// the idle period (never past the absolute limit). Expired sessions
    /// and inactive users give `None`; expired rows are removed.
    pub async fn session(
        &self,
        token: &str,
        policy: &SessionPolicy,
    ) -> Result<Option<StaffSession>, StoreError> {
        if !looks_like_token(token) {
            return Ok(None);
        }
        let id_hash = sha256_hex(token.to_ascii_lowercase().as_bytes());
        let Some(row) = sqlx::query(
            "SELECT s.csrf_token, s.created_at, s.expires_at, u.id, u.agency_code, u.username, \
             u.display_name, u.role, u.active FROM staff_sessions s \
             JOIN staff_users u ON u.id = s.user_id WHERE s.id_hash = $1",
        )
        .bind(&id_hash)
        .fetch_optional(&self.pool)
        .await
        .ctx("读取会话")?
        else {
            return Ok(None);
        };
        let user = decode_user(&row)?;
        let created_at = parse_timestamp(
            "staff_sessions.created_at",
            &col::<String>(&row, "created_at")?,
        )?;
        let expires_at = parse_timestamp(
            "staff_sessions.expires_at",
            &col::<String>(&row, "expires_at")?,
        )?;
        let now = Utc::now();
        if expires_at <= now || !user.active {
            sqlx::query("DELETE FROM staff_sessions WHERE id_hash = $1")
                .bind(&id_hash)
                .execute(&self.pool)
                .await
                .ctx("删除过期会话")?;
            return Ok(None);
        }
        let renewed = (now + policy.idle).min(created_at + policy.absolute);
        // Written at most once a minute per session.
        let expires_at = if renewed - expires_at >= Duration::minutes(1) {
            sqlx::query(
                "UPDATE staff_sessions SET expires_at = $2, last_seen_at = $3 WHERE id_hash = $1",
            )
            .bind(&id_hash)
            .bind(timestamp_text(renewed))
            .bind(timestamp_text(now))
            .execute(&self.pool)
            .await
            .ctx("更新会话")?;
            renewed
        } else {
            expires_at
        };
        Ok(Some(StaffSession {
            user,
            csrf_token: col(&row, "csrf_token")?,
            created_at,
            expires_at,
        }))
    }

    /// Ends the session with cookie value `token` (sign-out); whether there
    /// was one. Audited.
    pub async fn end_session(&self, token: &str) -> Result<bool, StoreError> {
        if !looks_like_token(token) {
            return Ok(false);
        }
        let id_hash = sha256_hex(token.to_ascii_lowercase().as_bytes());
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let username: Option<String> = sqlx::query_scalar(
            "SELECT u.username FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id WHERE s.id_hash = $1",
        )
        .bind(&id_hash)
        .fetch_optional(&mut *tx)
        .await
        .ctx("读取会话")?;
        let Some(username) = username else {
            return Ok(false);
        };
        sqlx::query("DELETE FROM staff_sessions WHERE id_hash = $1")
            .bind(&id_hash)
            .execute(&mut *tx)
            .await
            .ctx("删除会话")?;
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: username.clone(),
                action: "staff.logout".into(),
                entity_type: "staff_user".into(),
                entity_key: username,
                before: None,
                after: None,
            },
        )
        .await?;
        tx.commit().await.ctx("提交会话")?;
        Ok(true)
    }

    /// Removes every expired session; how many.
    pub async fn purge_expired_sessions(&self) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM staff_sessions WHERE expires_at <= $1")
            .bind(timestamp_text(Utc::now()))
            .execute(&self.pool)
            .await
            .ctx("删除过期会话")?;
        Ok(done.rows_affected())
    }
}
