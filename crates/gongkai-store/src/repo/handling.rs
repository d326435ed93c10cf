//! Case handling beyond the procedural events: transferring an application
//! to another agency, the review cases of a scope, staff e-mail addresses
//! and the record of reminder digests sent.

use chrono::NaiveDate;
use gongkai_domain::deadline::{ProcedureEvent, evaluate};
use serde_json::json;
use sqlx::any::AnyRow;

use super::applications::{fetch, fetch_events, insert_event};
use super::keys::key_of;
use super::{audit, col, reviews};
use crate::error::Context;
use crate::fields::{self, required_text};
use crate::model::decode_key;
use crate::time::{date_text, now_text};
use crate::{
    NewAuditEntry, NewReviewCase, NewTransfer, ReminderRecipient, ReviewCase, ReviewCaseListing,
    StaffRole, StaffUser, Store, StoreError, TransferResult,
};

/// The longest transfer reason.
const MAX_REASON_CHARS: usize = 500;

fn decode_user(row: &AnyRow) -> Result<StaffUser, StoreError> {
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
    /// Transfers open application `id` to the competent agency (转送): the
    /// deadline engine checks the [`ProcedureEvent::Transferred`] against the
    /// whole record (a closed case cannot be transferred), the application
    /// moves to the receiving agency under that agency's next number for the
    /// receipt year (its 查询码 stays), and the event and an audit entry are
    /// written; one transaction.
    pub async fn transfer_application(
        &self,
        actor: &str,
        id: i64,
        transfer: &NewTransfer,
    ) -> Result<TransferResult, StoreError> {
        let reason = required_text("转送理由", &transfer.reason, MAX_REASON_CHARS)?;
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let before = fetch(&mut tx, id).await?;
        if transfer.to_agency_code == before.agency_code {
            return Err(StoreError::InvalidField {
                field: "接收机关",
                message: "不能转送给本机关".into(),
            });
        }
        let to_name: String = sqlx::query_scalar("SELECT name FROM agencies WHERE code = $1")
            .bind(&transfer.to_agency_code)
            .fetch_optional(&mut *tx)
            .await
            .ctx("读取机构")?
            .ok_or_else(|| StoreError::InvalidField {
                field: "接收机关",
                message: format!("没有代码为“{}”的机关", transfer.to_agency_code),
            })?;
        let from_name: String = sqlx::query_scalar("SELECT name FROM agencies WHERE code = $1")
            .bind(&before.agency_code)
            .fetch_one(&mut *tx)
            .await
            .ctx("读取机构")?;
        let event = ProcedureEvent::Transferred {
            date: transfer.date,
            from_agency: from_name,
            to_agency: to_name,
            reason,
        };
        let mut events: Vec<ProcedureEvent> = fetch_events(&mut tx, id)
            .await?
            .into_iter()
            .map(|e| e.event)
            .collect();
        let seq = i64::try_from(events.len()).unwrap_or(i64::MAX) + 1;
        events.push(event.clone());
        let cal = self.calendar()?;
        evaluate(cal, &events, self.today())?;
        let status = evaluate(cal, &events, transfer.date)?;
        let year = i64::from(chrono::Datelike::year(&before.received_on));
        let next: i64 = sqlx::query_scalar(
            "INSERT INTO application_counters (agency_code, year, last_seq) VALUES ($1, $2, 1) \
             ON CONFLICT (agency_code, year) DO UPDATE SET last_seq = application_counters.last_seq + 1 \
             RETURNING last_seq",
        )
        .bind(&transfer.to_agency_code)
        .bind(year)
        .fetch_one(&mut *tx)
        .await
        .ctx("生成申请编号")?;
        sqlx::query(
            "UPDATE applications SET agency_code = $2, number = $3, state = $4, updated_at = $5 WHERE id = $1",
        )
        .bind(id)
        .bind(&transfer.to_agency_code)
        .bind(format!("{year}-{next:04}"))
        .bind(key_of(&status.state))
        .bind(now_text())
        .execute(&mut *tx)
        .await
        .ctx("转送申请")?;
        insert_event(&mut tx, id, seq, &event, actor).await?;
        let after = fetch(&mut tx, id).await?;
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: actor.to_owned(),
                action: "application.transfer".into(),
                entity_type: "application".into(),
                entity_key: before.audit_key(),
                before: Some(json!({
                    "agency_code": before.agency_code, "number": before.number,
                })),
                after: Some(json!({
                    "agency_code": after.agency_code, "number": after.number, "seq": seq,
                    "event": serde_json::to_value(&event).unwrap_or_default(),
                })),
            },
        )
        .await?;
        tx.commit().await.ctx("提交转送")?;
        Ok(TransferResult {
            application: after,
            from_agency_code: before.agency_code,
            from_number: before.number,
        })
    }

    /// The review cases of the applications of `agency_codes` (every agency
    /// when `None`), newest filing first, with the application's number and
    /// the agency's name.
    pub async fn review_cases_in(
        &self,
        agency_codes: Option<&[String]>,
    ) -> Result<Vec<ReviewCaseListing>, StoreError> {
        let mut sql = String::from(
            "SELECT r.id, r.application_id, r.agency_code, r.kind, r.case_number, r.filed_on, \
             r.decided_on, r.result, a.number AS application_number, g.name AS agency_name \
             FROM review_cases r JOIN applications a ON a.id = r.application_id \
             JOIN agencies g ON g.code = r.agency_code",
        );
        if let Some(codes) = agency_codes {
            if codes.is_empty() {
                return Ok(Vec::new());
            }
            let marks: Vec<String> = (1..=codes.len()).map(|i| format!("${i}")).collect();
            sql.push_str(&format!(" WHERE r.agency_code IN ({})", marks.join(", ")));
        }
        sql.push_str(" ORDER BY r.filed_on DESC, r.id DESC");
        let mut query = sqlx::query(&sql);
        for code in agency_codes.unwrap_or_default() {
            query = query.bind(code);
        }
        let rows = query.fetch_all(&self.pool).await.ctx("读取复议诉讼案件")?;
        rows.iter()
            .map(|row| {
                Ok(ReviewCaseListing {
                    case: reviews::decode(row)?,
                    application_number: col(row, "application_number")?,
                    agency_name: col(row, "agency_name")?,
                })
            })
            .collect()
    }

    /// Review case `id`, if any.
    pub async fn review_case(&self, id: i64) -> Result<Option<ReviewCase>, StoreError> {
        sqlx::query(&format!(
            "SELECT {} FROM review_cases WHERE id = $1",
            reviews::COLUMNS
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .ctx("读取复议诉讼案件")?
        .map(|row| reviews::decode(&row))
        .transpose()
    }

    /// Corrects review case `id` (kind, case number, dates, result); the
    /// application it concerns cannot change. Checked like a new case;
    /// audited with before and after.
    pub async fn update_review_case(
        &self,
        actor: &str,
        id: i64,
        details: &NewReviewCase,
    ) -> Result<ReviewCase, StoreError> {
        reviews::check(details)?;
        let before = self
            .review_case(id)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                entity: "复议诉讼案件",
                key: id.to_string(),
            })?;
        let after = ReviewCase {
            details: NewReviewCase {
                application_id: before.details.application_id,
                case_number: details.case_number.trim().to_owned(),
                ..details.clone()
            },
            ..before.clone()
        };
        let d = &after.details;
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        sqlx::query(
            "UPDATE review_cases SET kind = $2, case_number = $3, filed_on = $4, decided_on = $5, \
             result = $6, updated_at = $7 WHERE id = $1",
        )
        .bind(id)
        .bind(d.kind.key())
        .bind(&d.case_number)
        .bind(date_text(d.filed_on))
        .bind(d.decided_on.map(date_text))
        .bind(d.result.key())
        .bind(now_text())
        .execute(&mut *tx)
        .await
        .ctx("更新复议诉讼案件")?;
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: actor.to_owned(),
                action: "review_case.update".into(),
                entity_type: "review_case".into(),
                entity_key: id.to_string(),
                before: Some(before.audit_json()),
                after: Some(after.audit_json()),
            },
        )
        .await?;
        tx.commit().await.ctx("提交复议诉讼案件")?;
        Ok(after)
    }

    /// The e-mail address of staff user `user_id` (empty when none is set).
    pub async fn staff_email(&self, user_id: i64) -> Result<String, StoreError> {
        sqlx::query_scalar("SELECT email FROM staff_users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await
            .ctx("读取用户")?
            .ok_or_else(|| StoreError::NotFound {
                entity: "用户",
                key: user_id.to_string(),
            })
    }

    /// Every staff user's e-mail address by user id (users without one are left out).
    pub async fn staff_emails(&self) -> Result<std::collections::HashMap<i64, String>, StoreError> {
        let rows = sqlx::query("SELECT id, email FROM staff_users WHERE email <> ''")
            .fetch_all(&self.pool)
            .await
            .ctx("读取电子邮箱")?;
        rows.iter()
            .map(|row| Ok((col(row, "id")?, col(row, "email")?)))
            .collect()
    }

    /// Sets (or, with an empty string, clears) the e-mail address of staff
    /// user `user_id`; checked like an applicant's address; audited.
    pub async fn set_staff_email(
        &self,
        actor: &str,
        user_id: i64,
        email: &str,
    ) -> Result<String, StoreError> {
        let email = fields::email(email)?;
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let row = sqlx::query("SELECT username, email FROM staff_users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await
            .ctx("读取用户")?
            .ok_or_else(|| StoreError::NotFound {
                entity: "用户",
                key: user_id.to_string(),
            })?;
        let username: String = col(&row, "username")?;
        let previous: String = col(&row, "email")?;
        sqlx::query("UPDATE staff_users SET email = $2, updated_at = $3 WHERE id = $1")
            .bind(user_id)
            .bind(&email)
            .bind(now_text())
            .execute(&mut *tx)
            .await
            .ctx("更新电子邮箱")?;
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: actor.to_owned(),
                action: "staff_user.email".into(),
                entity_type: "staff_user".into(),
                entity_key: username,
                before: Some(json!({ "email": previous })),
                after: Some(json!({ "email": email })),
            },
        )
        .await?;
        tx.commit().await.ctx("提交电子邮箱")?;
        Ok(email)
    }

    /// Active users who handle or supervise cases and have an e-mail
    /// address: the recipients of the daily digest, by username.
    pub async fn reminder_recipients(&self) -> Result<Vec<ReminderRecipient>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, agency_code, username, display_name, role, active, email FROM staff_users \
             WHERE active = 1 AND email <> '' AND role IN ('administrator', 'supervisor', 'officer') \
             ORDER BY username",
        )
        .fetch_all(&self.pool)
        .await
        .ctx("读取提醒收件人")?;
        rows.iter()
            .map(|row| {
                Ok(ReminderRecipient {
                    user: decode_user(row)?,
                    email: col(row, "email")?,
                })
            })
            .collect()
    }

    /// Whether the digest of `date` was already sent to user `user_id`.
    pub async fn reminder_sent(&self, user_id: i64, date: NaiveDate) -> Result<bool, StoreError> {
        Ok(sqlx::query(
            "SELECT user_id FROM reminder_digests WHERE user_id = $1 AND digest_date = $2",
        )
        .bind(user_id)
        .bind(date_text(date))
        .fetch_optional(&self.pool)
        .await
        .ctx("读取提醒记录")?
        .is_some())
    }

    /// Records that the digest of `date` (listing `case_count` cases) went
    /// to user `user_id` at `email`. Returns `false`, writing nothing, when
    /// it was already recorded.
    pub async fn record_reminder_sent(
        &self,
        user_id: i64,
        date: NaiveDate,
        email: &str,
        case_count: usize,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let inserted = sqlx::query(
            "INSERT INTO reminder_digests (user_id, digest_date, email, case_count, sent_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id, digest_date) DO NOTHING",
        )
        .bind(user_id)
        .bind(date_text(date))
        .bind(email)
        .bind(i64::try_from(case_count).unwrap_or(i64::MAX))
        .bind(now_text())
        .execute(&mut *tx)
        .await
        .ctx("保存提醒记录")?
        .rows_affected()
            > 0;
        tx.commit().await.ctx("提交提醒记录")?;
        Ok(inserted)
    }
}
