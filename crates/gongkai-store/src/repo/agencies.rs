//! Agencies and their hierarchy.

use serde_json::{Value, json};
use sqlx::any::AnyRow;

use super::{audit, col};
use crate::error::Context;
use crate::model::decode_key;
use crate::time::now_text;
use crate::{Agency, AgencyKind, AgencyTree, NewAgency, NewAuditEntry, Store, StoreError};

const COLUMNS: &str = "code, name, kind, parent_code, address, phone, office_hours, sort_order";

fn decode(row: &AnyRow) -> Result<Agency, StoreError> {
    Ok(Agency {
        code: col(row, "code")?,
        name: col(row, "name")?,
        kind: decode_key("agencies.kind", col(row, "kind")?, AgencyKind::from_key)?,
        parent_code: col(row, "parent_code")?,
        address: col(row, "address")?,
        phone: col(row, "phone")?,
        office_hours: col(row, "office_hours")?,
        sort_order: col(row, "sort_order")?,
    })
}

impl Agency {
    /// The agency as recorded in the audit log.
    pub fn audit_json(&self) -> Value {
        json!({
            "code": self.code, "name": self.name, "kind": self.kind.key(), "parent_code": self.parent_code,
            "address": self.address, "phone": self.phone, "office_hours": self.office_hours,
            "sort_order": self.sort_order,
        })
    }
}

impl Store {
    /// Creates the agency, or updates the one with the same code; audited.
    /// The parent must exist and must not be the agency itself or one of its subordinates.
    pub async fn put_agency(&self, actor: &str, agency: &NewAgency) -> Result<Agency, StoreError> {
        if agency.code.trim().is_empty() || agency.name.trim().is_empty() {
            return Err(StoreError::Invalid("机构代码和名称不能为空".into()));
        }
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        if let Some(parent) = &agency.parent_code {
            // Walk up from the parent: reaching the agency itself would make a cycle.
            let mut cursor = Some(parent.clone());
            let mut steps = 0;
            while let Some(code) = cursor {
                if code == agency.code || steps > 32 {
                    return Err(StoreError::Invalid(format!(
                        "上级机构“{parent}”会使机构层级形成循环"
                    )));
                }
                let row = sqlx::query("SELECT parent_code FROM agencies WHERE code = $1")
                    .bind(&code)
                    .fetch_optional(&mut *tx)
                    .await
                    .ctx("读取上级机构")?
                    .ok_or_else(|| StoreError::NotFound {
                        entity: "上级机构",
                        key: code.clone(),
                    })?;
                cursor = col(&row, "parent_code")?;
                steps += 1;
            }
        }
        let before = sqlx::query(&format!("SELECT {COLUMNS} FROM agencies WHERE code = $1"))
            .bind(&agency.code)
            .fetch_optional(&mut *tx)
            .await
            .ctx("读取机构")?
            .map(|row| decode(&row))
            .transpose()?;
        let now = now_text();
        let sql = if before.is_some() {
            "UPDATE agencies SET name = $2, kind = $3, parent_code = $4, address = $5, phone = $6, \
             office_hours = $7, sort_order = $8, updated_at = $9 WHERE code = $1"
        } else {
            "INSERT INTO agencies (code, name, kind, parent_code, address, phone, office_hours, sort_order, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)"
        };
        sqlx::query(sql)
            .bind(&agency.code)
            .bind(&agency.name)
            .bind(agency.kind.key())
            .bind(&agency.parent_code)
            .bind(&agency.address)
            .bind(&agency.phone)
            .bind(&agency.office_hours)
            .bind(agency.sort_order)
            .bind(&now)
            .execute(&mut *tx)
            .await
            .ctx("保存机构")?;
        let after = Agency {
            code: agency.code.clone(),
            name: agency.name.clone(),
            kind: agency.kind,
            parent_code: agency.parent_code.clone(),
            address: agency.address.clone(),
            phone: agency.phone.clone(),
            office_hours: agency.office_hours.clone(),
            sort_order: agency.sort_order,
        };
        if before.as_ref() != Some(&after) {
            let entry = NewAuditEntry {
                actor: actor.to_owned(),
                action: if before.is_some() {
                    "agency.update"
                } else {
                    "agency.create"
                }
                .into(),
                entity_type: "agency".into(),
                entity_key: agency.code.clone(),
                before: before.as_ref().map(Agency::audit_json),
                after: Some(after.audit_json()),
            };
            audit::append(&mut tx, &entry).await?;
        }
        tx.commit().await.ctx("提交机构")?;
        self.agency_cache.clear();
        Ok(after)
    }

    /// The agency with `code`, if any.
    pub async fn agency(&self, code: &str) -> Result<Option<Agency>, StoreError> {
        Ok(self
            .agency_directory()
            .await?
            .iter()
            .find(|a| a.code == code)
            .cloned())
    }

    /// Every agency, ordered by position and code.
    pub async fn agencies(&self) -> Result<Vec<Agency>, StoreError> {
        Ok(self.agency_directory().await?.as_ref().clone())
    }

    /// Every agency, ordered by position and code, from the in-memory cache
    /// when it is fresh (see `AgencyCache`).
    async fn agency_directory(&self) -> Result<std::sync::Arc<Vec<Agency>>, StoreError> {
        if let Some(agencies) = self.agency_cache.get() {
            return Ok(agencies);
        }
        let generation = self.agency_cache.generation();
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM agencies ORDER BY sort_order, code"
        ))
        .fetch_all(&self.pool)
        .await
        .ctx("读取机构列表")?;
        let agencies = std::sync::Arc::new(rows.iter().map(decode).collect::<Result<Vec<_>, _>>()?);
        self.agency_cache.put(generation, agencies.clone());
        Ok(agencies)
    }

    /// The agencies as a forest: each top-level government with its subordinates.
    pub async fn agency_tree(&self) -> Result<Vec<AgencyTree>, StoreError> {
        Ok(AgencyTree::build(self.agencies().await?))
    }

    /// The direct subordinates of `code`, ordered.
    pub async fn subordinates(&self, code: &str) -> Result<Vec<Agency>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM agencies WHERE parent_code = $1 ORDER BY sort_order, code"
        ))
        .bind(code)
        .fetch_all(&self.pool)
        .await
        .ctx("读取下级机构")?;
        rows.iter().map(decode).collect()
    }
}
