//! Staff sign-in: argon2id password hashes, login throttling with lock-out,
//! and the look-ups of staff users the sign-in needs. Every attempt is
//! recorded in `login_attempts` and in the audit log.

use std::sync::OnceLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use chrono::{DateTime, Duration, Utc};
use serde_json::json;
use sqlx::any::AnyRow;

use super::{audit, col};
use crate::error::Context;
use crate::model::decode_key;
use crate::time::{now_text, parse_timestamp, timestamp_text};
use crate::{NewAuditEntry, StaffRole, StaffUser, Store, StoreError};

/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// The longest password accepted (argon2 hashes anything, but a bound keeps
/// a hostile form from making the server hash megabytes).
pub const MAX_PASSWORD_CHARS: usize = 128;

const USER_COLUMNS: &str = "id, agency_code, username, display_name, role, active";

/// When sign-in is refused for a while after failed attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Failed attempts for one username within `window` that lock it.
    pub max_failures_per_user: u32,
    /// Failed attempts from one address within `window` that lock it
    /// (higher: an office shares one address behind its gateway).
    pub max_failures_per_ip: u32,
    /// The span in which failures are counted.
    pub window: Duration,
    /// How long the lock lasts from the failure that set it.
    pub lockout: Duration,
}

impl Default for ThrottlePolicy {
    /// 5 failures per username (20 per address) within 15 minutes lock
    /// sign-in for 15 minutes.
    fn default() -> Self {
        ThrottlePolicy {
            max_failures_per_user: 5,
            max_failures_per_ip: 20,
            window: Duration::minutes(15),
            lockout: Duration::minutes(15),
        }
    }
}

/// The result of a sign-in attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginResult {
    /// Username and password match an active user.
    Success(StaffUser),
    /// Unknown user, wrong password, no password set or inactive: the
    /// caller must not say which.
    Invalid {
        /// Whether this failure locked the username or address.
        now_locked: bool,
    },
    /// Too many failures: no password was checked.
    Locked {
        /// When attempts are accepted again.
        until: DateTime<Utc>,
    },
}

pub(crate) fn decode_user(row: &AnyRow) -> Result<StaffUser, StoreError> {
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

fn hasher() -> Argon2<'static> {
    // argon2id v19 with the crate's defaults (19 MiB, 2 passes, 1 lane), the
    // OWASP minimum recommendation.
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::default())
}

/// An argon2id PHC string for `password` with a fresh random salt.
pub fn hash_password(password: &str) -> Result<String, StoreError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| StoreError::Invalid(format!("无法生成随机盐：{e}")))?;
    let salt = SaltString::encode_b64(&salt)
        .map_err(|e| StoreError::Invalid(format!("无法生成随机盐：{e}")))?;
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Invalid(format!("无法计算密码散列：{e}")))
}

/// Whether `password` matches the PHC string `hash` (false for a malformed hash).
pub fn password_matches(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            hasher()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash checked when the username is unknown, so that the answer takes
/// as long as for a known one.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| hash_password("gongkai-no-such-user").unwrap_or_default())
}

/// Checks a new password against the policy.
pub fn check_password_policy(password: &str) -> Result<(), StoreError> {
    let chars = password.chars().count();
    let invalid = |message: String| StoreError::InvalidField {
        field: "密码",
        message,
    };
    if chars < MIN_PASSWORD_CHARS {
        return Err(invalid(format!(
            "至少需要{MIN_PASSWORD_CHARS}个字符（现有{chars}个）"
        )));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(invalid(format!("不能超过{MAX_PASSWORD_CHARS}个字符")));
    }
    if password.trim() != password {
        return Err(invalid("首尾不能是空格".into()));
    }
    Ok(())
}

/// When the failures (oldest first) lock: the latest `failure + lockout`
/// among failures that are the `max`-th within `window`.
fn locked_until(
    failures: &[DateTime<Utc>],
    max: u32,
    policy: &ThrottlePolicy,
) -> Option<DateTime<Utc>> {
    let max = usize::try_from(max.max(1)).unwrap_or(usize::MAX);
    failures
        .iter()
        .enumerate()
        .skip(max - 1)
        .filter(|(i, at)| **at - failures[i + 1 - max] <= policy.window)
        .map(|(_, at)| *at + policy.lockout)
        .max()
}

impl Store {
    /// The staff user with `id`, if any.
    pub async fn staff_user_by_id(&self, id: i64) -> Result<Option<StaffUser>, StoreError> {
        sqlx::query(&format!(
            "SELECT {USER_COLUMNS} FROM staff_users WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .ctx("读取用户")?
        .map(|row| decode_user(&row))
        .transpose()
    }

    /// The staff user with `username`, if any.
    pub async fn staff_user_by_username(
        &self,
        username: &str,
    ) -> Result<Option<StaffUser>, StoreError> {
        sqlx::query(&format!(
            "SELECT {USER_COLUMNS} FROM staff_users WHERE username = $1"
        ))
        .bind(username.trim())
        .fetch_optional(&self.pool)
        .await
        .ctx("读取用户")?
        .map(|row| decode_user(&row))
        .transpose()
    }

    /// Every staff user, by agency and username.
    pub async fn all_staff_users(&self) -> Result<Vec<StaffUser>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {USER_COLUMNS} FROM staff_users ORDER BY agency_code, username"
        ))
        .fetch_all(&self.pool)
        .await
        .ctx("读取用户列表")?;
        rows.iter().map(decode_user).collect()
    }

    /// Sets the password of `username` (argon2id), after checking the
    /// policy; ends the user's sessions. Audited without the password.
    pub async fn set_password(
        &self,
        actor: &str,
        username: &str,
        password: &str,
    ) -> Result<(), StoreError> {
        check_password_policy(password)?;
        let hash = hash_password(password)?;
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let user_id: Option<i64> =
            sqlx::query_scalar("SELECT id FROM staff_users WHERE username = $1")
                .bind(username)
                .fetch_optional(&mut *tx)
                .await
                .ctx("读取用户")?;
        let Some(user_id) = user_id else {
            return Err(StoreError::NotFound {
                entity: "用户",
                key: username.to_owned(),
            });
        };
        sqlx::query("UPDATE staff_users SET password_hash = $2, updated_at = $3 WHERE id = $1")
            .bind(user_id)
            .bind(&hash)
            .bind(now_text())
            .execute(&mut *tx)
            .await
            .ctx("保存密码")?;
        sqlx::query("DELETE FROM staff_sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await
            .ctx("结束会话")?;
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: actor.to_owned(),
                action: if actor == username {
                    "staff_user.password_change".into()
                } else {
                    "staff_user.password_reset".into()
                },
                entity_type: "staff_user".into(),
                entity_key: username.to_owned(),
                before: None,
                after: Some(json!({ "password_set": true, "sessions_ended": true })),
            },
        )
        .await?;
        tx.commit().await.ctx("提交密码")?;
        Ok(())
    }

    /// When `username` or `ip` may try again, if either is locked now.
    pub async fn login_locked_until(
        &self,
        username: &str,
        ip: &str,
        policy: &ThrottlePolicy,
    ) -> Result<Option<DateTime<Utc>>, StoreError> {
        let now = Utc::now();
        let since = timestamp_text(now - policy.window - policy.lockout);
        let mut until = None;
        for (column, key, max) in [
            ("username", username, policy.max_failures_per_user),
            ("ip", ip, policy.max_failures_per_ip),
        ] {
            if key.is_empty() {
                continue;
            }
            // Failures since the last success of this key, oldest first.
            let rows = sqlx::query(&format!(
                "SELECT occurred_at FROM login_attempts WHERE {column} = $1 AND result = 'failure' \
                 AND occurred_at >= $2 AND occurred_at > COALESCE((SELECT MAX(occurred_at) FROM \
                 login_attempts WHERE {column} = $1 AND result = 'success'), '') ORDER BY id"
            ))
            .bind(key)
            .bind(&since)
            .fetch_all(&self.pool)
            .await
            .ctx("读取登录记录")?;
            let failures = rows
                .iter()
                .map(|row| {
                    parse_timestamp(
                        "login_attempts.occurred_at",
                        &col::<String>(row, "occurred_at")?,
                    )
                })
                .collect::<Result<Vec<_>, _>>()?;
            if let Some(t) = locked_until(&failures, max, policy).filter(|t| *t > now) {
                until = until.max(Some(t));
            }
        }
        Ok(until)
    }

    /// Checks a sign-in: refused without looking at the password while the
    /// username or the address is locked; otherwise the argon2id hash is
    /// verified (against a dummy hash for unknown users, so that timing
    /// does not tell). Every attempt is recorded and audited.
    pub async fn verify_login(
        &self,
        username: &str,
        password: &str,
        ip: &str,
        policy: &ThrottlePolicy,
    ) -> Result<LoginResult, StoreError> {
        let username: String = username.trim().chars().take(64).collect();
        let ip: String = ip.chars().take(64).collect();
        if let Some(until) = self.login_locked_until(&username, &ip, policy).await? {
            self.record_attempt(
                &username,
                &ip,
                "locked",
                json!({ "locked_until": timestamp_text(until) }),
            )
            .await?;
            return Ok(LoginResult::Locked { until });
        }
        let row = sqlx::query(&format!(
            "SELECT {USER_COLUMNS}, password_hash FROM staff_users WHERE username = $1"
        ))
        .bind(&username)
        .fetch_optional(&self.pool)
        .await
        .ctx("读取用户")?;
        let (user, hash) = match &row {
            Some(row) => (
                Some(decode_user(row)?),
                col::<Option<String>>(row, "password_hash")?,
            ),
            None => (None, None),
        };
        let password_ok = if password.chars().count() > MAX_PASSWORD_CHARS {
            false
        } else {
            match &hash {
                Some(hash) => password_matches(password, hash),
                None => {
                    let _ = password_matches(password, dummy_hash());
                    false
                }
            }
        };
        match user {
            Some(user) if password_ok && user.active => {
                self.record_attempt(&username, &ip, "success", json!({}))
                    .await?;
                Ok(LoginResult::Success(user))
            }
            _ => {
                self.record_attempt(&username, &ip, "failure", json!({}))
                    .await?;
                let now_locked = self
                    .login_locked_until(&username, &ip, policy)
                    .await?
                    .is_some();
                if now_locked {
                    self.append_audit(&NewAuditEntry {
                        actor: "system".into(),
                        action: "staff.lockout".into(),
                        entity_type: "staff_user".into(),
                        entity_key: username.clone(),
                        before: None,
                        after: Some(json!({ "ip": ip, "minutes": policy.lockout.num_minutes() })),
                    })
                    .await?;
                }
                Ok(LoginResult::Invalid { now_locked })
            }
        }
    }

    /// Records one attempt in `login_attempts` and the audit log.
    async fn record_attempt(
        &self,
        username: &str,
        ip: &str,
        result: &'static str,
        extra: serde_json::Value,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        sqlx::query(
            "INSERT INTO login_attempts (username, ip, result, occurred_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(username)
        .bind(ip)
        .bind(result)
        .bind(now_text())
        .execute(&mut *tx)
        .await
        .ctx("保存登录记录")?;
        let mut after = json!({ "ip": ip, "result": result });
        if let (Some(map), Some(extra)) = (after.as_object_mut(), extra.as_object()) {
            map.extend(extra.clone());
        }
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: username.to_owned(),
                action: match result {
                    "success" => "staff.login",
                    "locked" => "staff.login_refused_locked",
                    _ => "staff.login_failed",
                }
                .into(),
                entity_type: "staff_user".into(),
                entity_key: username.to_owned(),
                before: None,
                after: Some(after),
            },
        )
        .await?;
        tx.commit().await.ctx("提交登录记录")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_and_salted() {
        let a = hash_password("correct horse battery").expect("hash");
        let b = hash_password("correct horse battery").expect("hash");
        assert!(a.starts_with("$argon2id$v=19$"), "{a}");
        assert_ne!(a, b);
        assert!(password_matches("correct horse battery", &a));
        assert!(!password_matches("wrong", &a));
        assert!(!password_matches("x", "not a hash"));
    }

    #[test]
    fn lock_after_max_failures_within_the_window() {
        let policy = ThrottlePolicy::default();
        let t0 = Utc::now();
        let at = |m: i64| t0 + Duration::minutes(m);
        assert_eq!(
            locked_until(&[at(0), at(1), at(2), at(3)], 5, &policy),
            None
        );
        assert_eq!(
            locked_until(&[at(0), at(1), at(2), at(3), at(4)], 5, &policy),
            Some(at(19))
        );
        // Spread over more than the window: no lock.
        assert_eq!(
            locked_until(&[at(0), at(5), at(10), at(15), at(20)], 5, &policy),
            None
        );
    }
}
