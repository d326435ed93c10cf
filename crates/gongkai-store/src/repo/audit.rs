//! The audit log: appended in the transaction of every change, never updated.

use sqlx::any::AnyRow;

use super::{Tx, col};
use crate::error::Context;
use crate::time::{now_text, parse_timestamp};
use crate::{AuditEntry, NewAuditEntry, Store, StoreError};

fn json_text(value: &Option<serde_json::Value>) -> Option<String> {
    value.as_ref().map(|v| v.to_string())
}

/// Appends `entry` inside `tx`.
pub(crate) async fn append(tx: &mut Tx<'_>, entry: &NewAuditEntry) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_key, before_json, after_json) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(now_text())
    .bind(&entry.actor)
    .bind(&entry.action)
    .bind(&entry.entity_type)
    .bind(&entry.entity_key)
    .bind(json_text(&entry.before))
    .bind(json_text(&entry.after))
    .fetch_one(&mut **tx)
    .await
    .ctx("写入审计日志")?;
    Ok(id)
}

fn decode(row: &AnyRow) -> Result<AuditEntry, StoreError> {
    let parse = |what: &'static str, text: Option<String>| {
        text.map(|t| serde_json::from_str(&t).map_err(|_| StoreError::Corrupt { what, value: t }))
            .transpose()
    };
    Ok(AuditEntry {
        id: col(row, "id")?,
        occurred_at: parse_timestamp("audit_log.occurred_at", &col::<String>(row, "occurred_at")?)?,
        actor: col(row, "actor")?,
        action: col(row, "action")?,
        entity_type: col(row, "entity_type")?,
        entity_key: col(row, "entity_key")?,
        before: parse("audit_log.before_json", col(row, "before_json")?)?,
        after: parse("audit_log.after_json", col(row, "after_json")?)?,
    })
}

impl Store {
    /// Appends an entry to the audit log in its own transaction; returns its id.
    pub async fn append_audit(&self, entry: &NewAuditEntry) -> Result<i64, StoreError> {
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let id = append(&mut tx, entry).await?;
        tx.commit().await.ctx("提交审计日志")?;
        Ok(id)
    }

    /// The audit entries of one entity, oldest first.
    pub async fn audit_entries(
        &self,
        entity_type: &str,
        entity_key: &str,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, occurred_at, actor, action, entity_type, entity_key, before_json, after_json \
             FROM audit_log WHERE entity_type = $1 AND entity_key = $2 ORDER BY id",
        )
        .bind(entity_type)
        .bind(entity_key)
        .fetch_all(&self.pool)
        .await
        .ctx("读取审计日志")?;
        rows.iter().map(decode).collect()
    }

    /// The number of entries in the audit log.
    pub async fn audit_count(&self) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log")
            .fetch_one(&self.pool)
            .await
            .ctx("统计审计日志")?;
        Ok(u64::try_from(n).unwrap_or_default())
    }
}
