//! The agency-edited pages: 政府信息公开指南 and 政府信息公开制度.

use serde_json::json;
use sqlx::any::AnyRow;

use super::{audit, col};
use crate::error::Context;
use crate::model::decode_key;
use crate::time::{now_text, parse_timestamp};
use crate::{DisclosurePage, NewAuditEntry, PageKind, Store, StoreError};

fn decode(row: &AnyRow) -> Result<DisclosurePage, StoreError> {
    Ok(DisclosurePage {
        agency_code: col(row, "agency_code")?,
        kind: decode_key("agency_pages.kind", col(row, "kind")?, PageKind::from_key)?,
        title: col(row, "title")?,
        body: col(row, "body")?,
        updated_at: parse_timestamp(
            "agency_pages.updated_at",
            &col::<String>(row, "updated_at")?,
        )?,
    })
}

impl Store {
    /// Creates or replaces an agency's page; audited when it changes.
    pub async fn put_page(
        &self,
        actor: &str,
        agency_code: &str,
        kind: PageKind,
        title: &str,
        body: &str,
    ) -> Result<DisclosurePage, StoreError> {
        if title.trim().is_empty() {
            return Err(StoreError::Invalid(format!(
                "{}的标题不能为空",
                kind.label()
            )));
        }
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        if sqlx::query("SELECT code FROM agencies WHERE code = $1")
            .bind(agency_code)
            .fetch_optional(&mut *tx)
            .await
            .ctx("读取机构")?
            .is_none()
        {
            return Err(StoreError::NotFound {
                entity: "机构",
                key: agency_code.to_owned(),
            });
        }
        let before = sqlx::query(
            "SELECT agency_code, kind, title, body, updated_at FROM agency_pages WHERE agency_code = $1 AND kind = $2",
        )
        .bind(agency_code)
        .bind(kind.key())
        .fetch_optional(&mut *tx)
        .await
        .ctx("读取页面")?
        .map(|row| decode(&row))
        .transpose()?;
        if let Some(page) = before
            .as_ref()
            .filter(|p| p.title == title && p.body == body)
        {
            return Ok(page.clone());
        }
        let now = now_text();
        sqlx::query(
            "INSERT INTO agency_pages (agency_code, kind, title, body, updated_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (agency_code, kind) DO UPDATE SET title = $3, body = $4, updated_at = $5",
        )
        .bind(agency_code)
        .bind(kind.key())
        .bind(title)
        .bind(body)
        .bind(&now)
        .execute(&mut *tx)
        .await
        .ctx("保存页面")?;
        let entry = NewAuditEntry {
            actor: actor.to_owned(),
            action: "page.put".into(),
            entity_type: "agency_page".into(),
            entity_key: format!("{agency_code}/{}", kind.key()),
            before: before
                .as_ref()
                .map(|p| json!({"title": p.title, "body": p.body})),
            after: Some(json!({"title": title, "body": body})),
        };
        audit::append(&mut tx, &entry).await?;
        tx.commit().await.ctx("提交页面")?;
        Ok(DisclosurePage {
            agency_code: agency_code.to_owned(),
            kind,
            title: title.to_owned(),
            body: body.to_owned(),
            updated_at: parse_timestamp("agency_pages.updated_at", &now)?,
        })
    }

    /// An agency's page of `kind`, if written.
    pub async fn page(
        &self,
        agency_code: &str,
        kind: PageKind,
    ) -> Result<Option<DisclosurePage>, StoreError> {
        sqlx::query(
            "SELECT agency_code, kind, title, body, updated_at FROM agency_pages WHERE agency_code = $1 AND kind = $2",
        )
        .bind(agency_code)
        .bind(kind.key())
        .fetch_optional(&self.pool)
        .await
        .ctx("读取页面")?
        .map(|row| decode(&row))
        .transpose()
    }
}
