//! 行政复议 and 行政诉讼 cases linked to applications.

use chrono::NaiveDate;
use gongkai_domain::casework::{ReviewKind, ReviewResult};
use serde_json::{Value, json};
use sqlx::any::AnyRow;

use super::{audit, col};
use crate::error::Context;
use crate::model::decode_key;
use crate::time::{date_text, now_text, parse_date, parse_opt_date};
use crate::{NewAuditEntry, NewReviewCase, ReviewCase, Store, StoreError};

pub(crate) const COLUMNS: &str =
    "id, application_id, agency_code, kind, case_number, filed_on, decided_on, result";

pub(crate) fn decode(row: &AnyRow) -> Result<ReviewCase, StoreError> {
    Ok(ReviewCase {
        id: col(row, "id")?,
        agency_code: col(row, "agency_code")?,
        details: NewReviewCase {
            application_id: col(row, "application_id")?,
            kind: decode_key("review_cases.kind", col(row, "kind")?, ReviewKind::from_key)?,
            case_number: col(row, "case_number")?,
            filed_on: parse_date("review_cases.filed_on", &col::<String>(row, "filed_on")?)?,
            decided_on: parse_opt_date("review_cases.decided_on", col(row, "decided_on")?)?,
            result: decode_key(
                "review_cases.result",
                col(row, "result")?,
                ReviewResult::from_key,
            )?,
        },
    })
}

impl ReviewCase {
    /// The case as recorded in the audit log.
    pub fn audit_json(&self) -> Value {
        let d = &self.details;
        json!({
            "id": self.id, "application_id": d.application_id, "agency_code": self.agency_code,
            "kind": d.kind.key(), "case_number": d.case_number, "filed_on": date_text(d.filed_on),
            "decided_on": d.decided_on.map(date_text), "result": d.result.key(),
        })
    }
}

pub(crate) fn check(case: &NewReviewCase) -> Result<(), StoreError> {
    let invalid = |field, message: &str| StoreError::InvalidField {
        field,
        message: message.to_owned(),
    };
    if case.decided_on.is_some_and(|d| d < case.filed_on) {
        return Err(invalid("审结日期", "早于立案（申请）日期"));
    }
    if case.decided_on.is_some() && case.result == ReviewResult::Pending {
        return Err(invalid("审理结果", "已有审结日期，结果不能为“尚未审结”"));
    }
    if case.decided_on.is_none() && case.result != ReviewResult::Pending {
        return Err(invalid("审结日期", "已有审理结果，须填写审结日期"));
    }
    if case.case_number.chars().count() > 100 {
        return Err(invalid("案号", "不能超过100个字符"));
    }
    Ok(())
}

impl Store {
    /// Records a reconsideration or litigation case about an application
    /// (counted for the application's agency); audited.
    pub async fn add_review_case(
        &self,
        actor: &str,
        case: &NewReviewCase,
    ) -> Result<ReviewCase, StoreError> {
        check(case)?;
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let application = super::applications::fetch(&mut tx, case.application_id).await?;
        let now = now_text();
        let row = sqlx::query(&format!(
            "INSERT INTO review_cases (application_id, agency_code, kind, case_number, filed_on, decided_on, result, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING {COLUMNS}"
        ))
        .bind(case.application_id)
        .bind(&application.agency_code)
        .bind(case.kind.key())
        .bind(case.case_number.trim())
        .bind(date_text(case.filed_on))
        .bind(case.decided_on.map(date_text))
        .bind(case.result.key())
        .bind(&now)
        .fetch_one(&mut *tx)
        .await
        .ctx("保存复议诉讼案件")?;
        let stored = decode(&row)?;
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: actor.to_owned(),
                action: "review_case.create".into(),
                entity_type: "review_case".into(),
                entity_key: stored.id.to_string(),
                before: None,
                after: Some(stored.audit_json()),
            },
        )
        .await?;
        tx.commit().await.ctx("提交复议诉讼案件")?;
        Ok(stored)
    }

    /// Records the decision of review case `id`; audited.
    pub async fn decide_review_case(
        &self,
        actor: &str,
        id: i64,
        decided_on: NaiveDate,
        result: ReviewResult,
    ) -> Result<ReviewCase, StoreError> {
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let before = sqlx::query(&format!("SELECT {COLUMNS} FROM review_cases WHERE id = $1"))
            .bind(id)
            .fetch_optional(&mut *tx)
            .await
            .ctx("读取复议诉讼案件")?
            .map(|row| decode(&row))
            .transpose()?
            .ok_or_else(|| StoreError::NotFound {
                entity: "复议诉讼案件",
                key: id.to_string(),
            })?;
        let mut details = before.details.clone();
        details.decided_on = Some(decided_on);
        details.result = result;
        check(&details)?;
        sqlx::query(
            "UPDATE review_cases SET decided_on = $2, result = $3, updated_at = $4 WHERE id = $1",
        )
        .bind(id)
        .bind(date_text(decided_on))
        .bind(result.key())
        .bind(now_text())
        .execute(&mut *tx)
        .await
        .ctx("更新复议诉讼案件")?;
        let after = ReviewCase {
            details,
            ..before.clone()
        };
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: actor.to_owned(),
                action: "review_case.decide".into(),
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

    /// The review cases about application `application_id`, oldest first.
    pub async fn review_cases(&self, application_id: i64) -> Result<Vec<ReviewCase>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM review_cases WHERE application_id = $1 ORDER BY id"
        ))
        .bind(application_id)
        .fetch_all(&self.pool)
        .await
        .ctx("读取复议诉讼案件")?;
        rows.iter().map(decode).collect()
    }
}
