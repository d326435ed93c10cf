//! Attachments, stored as blobs with their SHA-256.

use serde_json::json;
use sha2::{Digest, Sha256};
use sqlx::any::AnyRow;

use super::{audit, col};
use crate::error::Context;
use crate::fields::required_text;
use crate::time::{now_text, parse_timestamp};
use crate::{Attachment, MAX_ATTACHMENT_BYTES, NewAttachment, NewAuditEntry, Store, StoreError};

const COLUMNS: &str = "id, application_id, file_name, media_type, size_bytes, sha256, created_at";

fn decode(row: &AnyRow) -> Result<Attachment, StoreError> {
    let size: i64 = col(row, "size_bytes")?;
    Ok(Attachment {
        id: col(row, "id")?,
        application_id: col(row, "application_id")?,
        file_name: col(row, "file_name")?,
        media_type: col(row, "media_type")?,
        size: u64::try_from(size).map_err(|_| StoreError::Corrupt {
            what: "attachments.size_bytes",
            value: size.to_string(),
        })?,
        sha256: col(row, "sha256")?,
        created_at: parse_timestamp("attachments.created_at", &col::<String>(row, "created_at")?)?,
    })
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Store {
    /// Attaches a file to application `application_id`: 1 byte to 20 MB,
    /// stored with its SHA-256; audited (without the content).
    pub async fn add_attachment(
        &self,
        actor: &str,
        application_id: i64,
        file: &NewAttachment,
    ) -> Result<Attachment, StoreError> {
        let file_name = required_text("附件文件名", &file.file_name, 255)?;
        if file.bytes.is_empty() {
            return Err(StoreError::Attachment {
                file_name,
                problem: "为空（0字节），请重新选择文件".into(),
            });
        }
        if file.bytes.len() > MAX_ATTACHMENT_BYTES {
            return Err(StoreError::Attachment {
                file_name,
                problem: format!(
                    "大小为{}字节，超过{}MB上限",
                    file.bytes.len(),
                    MAX_ATTACHMENT_BYTES / (1024 * 1024)
                ),
            });
        }
        let media_type = match file.media_type.trim() {
            "" => "application/octet-stream".to_owned(),
            t => required_text("附件类型", t, 255)?,
        };
        let sha256 = sha256_hex(&file.bytes);
        let size = i64::try_from(file.bytes.len()).unwrap_or(i64::MAX);
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let application = super::applications::fetch(&mut tx, application_id).await?;
        let row = sqlx::query(&format!(
            "INSERT INTO attachments (application_id, file_name, media_type, size_bytes, sha256, content, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {COLUMNS}"
        ))
        .bind(application_id)
        .bind(&file_name)
        .bind(&media_type)
        .bind(size)
        .bind(&sha256)
        .bind(file.bytes.clone())
        .bind(actor)
        .bind(now_text())
        .fetch_one(&mut *tx)
        .await
        .ctx("保存附件")?;
        let attachment = decode(&row)?;
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: actor.to_owned(),
                action: "attachment.create".into(),
                entity_type: "application".into(),
                entity_key: application.audit_key(),
                before: None,
                after: Some(json!({
                    "attachment_id": attachment.id, "file_name": attachment.file_name,
                    "media_type": attachment.media_type, "size": attachment.size,
                    "sha256": attachment.sha256,
                })),
            },
        )
        .await?;
        tx.commit().await.ctx("提交附件")?;
        Ok(attachment)
    }

    /// The attachments of an application, oldest first, without content.
    pub async fn attachments(&self, application_id: i64) -> Result<Vec<Attachment>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM attachments WHERE application_id = $1 ORDER BY id"
        ))
        .bind(application_id)
        .fetch_all(&self.pool)
        .await
        .ctx("读取附件列表")?;
        rows.iter().map(decode).collect()
    }

    /// An attachment with its content, if it exists.
    pub async fn attachment_content(
        &self,
        id: i64,
    ) -> Result<Option<(Attachment, Vec<u8>)>, StoreError> {
        let Some(row) = sqlx::query(&format!(
            "SELECT {COLUMNS}, content FROM attachments WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .ctx("读取附件")?
        else {
            return Ok(None);
        };
        Ok(Some((decode(&row)?, col(&row, "content")?)))
    }
}
