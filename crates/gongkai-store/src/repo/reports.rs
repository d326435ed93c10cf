//! Annual reports, stored as canonical JSON text.

use chrono::{DateTime, Utc};
use gongkai_domain::Report;
use serde_json::json;
use sqlx::any::AnyRow;

use super::{audit, col};
use crate::error::Context;
use crate::time::{now_text, parse_timestamp, timestamp_text};
use crate::{AnnualReport, NewAuditEntry, ReportSummary, Store, StoreError};

fn decode(row: &AnyRow) -> Result<AnnualReport, StoreError> {
    let json: String = col(row, "report_json")?;
    let year: i64 = col(row, "year")?;
    let published: Option<String> = col(row, "published_at")?;
    Ok(AnnualReport {
        agency_code: col(row, "agency_code")?,
        year: i32::try_from(year).map_err(|_| StoreError::Corrupt {
            what: "annual_reports.year",
            value: year.to_string(),
        })?,
        report: Report::from_json_str(&json)?,
        published_at: published
            .map(|p| parse_timestamp("annual_reports.published_at", &p))
            .transpose()?,
        updated_at: parse_timestamp(
            "annual_reports.updated_at",
            &col::<String>(row, "updated_at")?,
        )?,
    })
}

impl Store {
    /// Stores `report` as `agency_code`'s report for `report.year`, replacing an
    /// earlier version; audited (before/after canonical JSON) when it changes.
    pub async fn put_report(
        &self,
        actor: &str,
        agency_code: &str,
        report: &Report,
        published_at: Option<DateTime<Utc>>,
    ) -> Result<AnnualReport, StoreError> {
        let json_text = report.to_json_string();
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
            "SELECT agency_code, year, report_json, published_at, updated_at FROM annual_reports \
             WHERE agency_code = $1 AND year = $2",
        )
        .bind(agency_code)
        .bind(i64::from(report.year))
        .fetch_optional(&mut *tx)
        .await
        .ctx("读取年度报告")?;
        let before_json: Option<String> =
            before.as_ref().map(|r| col(r, "report_json")).transpose()?;
        let before_published: Option<String> = before
            .as_ref()
            .map(|r| col(r, "published_at"))
            .transpose()?
            .flatten();
        let published_text = published_at.map(timestamp_text);
        if before_json.as_deref() == Some(json_text.as_str())
            && before_published == published_text
            && let Some(row) = &before
        {
            return decode(row);
        }
        let now = now_text();
        sqlx::query(
            "INSERT INTO annual_reports (agency_code, year, report_json, published_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (agency_code, year) \
             DO UPDATE SET report_json = $3, published_at = $4, updated_at = $5",
        )
        .bind(agency_code)
        .bind(i64::from(report.year))
        .bind(&json_text)
        .bind(&published_text)
        .bind(&now)
        .execute(&mut *tx)
        .await
        .ctx("保存年度报告")?;
        let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).ok();
        let entry = NewAuditEntry {
            actor: actor.to_owned(),
            action: if before.is_some() {
                "report.update"
            } else {
                "report.create"
            }
            .into(),
            entity_type: "annual_report".into(),
            entity_key: format!("{agency_code}/{}", report.year),
            before: before_json
                .as_deref()
                .and_then(parse)
                .map(|r| json!({"report": r, "published_at": before_published})),
            after: parse(&json_text).map(|r| json!({"report": r, "published_at": published_text})),
        };
        audit::append(&mut tx, &entry).await?;
        tx.commit().await.ctx("提交年度报告")?;
        Ok(AnnualReport {
            agency_code: agency_code.to_owned(),
            year: report.year,
            report: report.clone(),
            published_at: published_text
                .map(|p| parse_timestamp("annual_reports.published_at", &p))
                .transpose()?,
            updated_at: parse_timestamp("annual_reports.updated_at", &now)?,
        })
    }

    /// `agency_code`'s report for `year`, if stored.
    pub async fn report(
        &self,
        agency_code: &str,
        year: i32,
    ) -> Result<Option<AnnualReport>, StoreError> {
        sqlx::query(
            "SELECT agency_code, year, report_json, published_at, updated_at FROM annual_reports \
             WHERE agency_code = $1 AND year = $2",
        )
        .bind(agency_code)
        .bind(i64::from(year))
        .fetch_optional(&self.pool)
        .await
        .ctx("读取年度报告")?
        .map(|row| decode(&row))
        .transpose()
    }

    /// The years for which `agency_code` has a report, newest first.
    pub async fn reports(&self, agency_code: &str) -> Result<Vec<ReportSummary>, StoreError> {
        let rows = sqlx::query("SELECT year, published_at FROM annual_reports WHERE agency_code = $1 ORDER BY year DESC")
            .bind(agency_code)
            .fetch_all(&self.pool)
            .await
            .ctx("读取年度报告列表")?;
        rows.iter()
            .map(|row| {
                let year: i64 = col(row, "year")?;
                let published: Option<String> = col(row, "published_at")?;
                Ok(ReportSummary {
                    year: i32::try_from(year).map_err(|_| StoreError::Corrupt {
                        what: "annual_reports.year",
                        value: year.to_string(),
                    })?,
                    published_at: published
                        .map(|p| parse_timestamp("annual_reports.published_at", &p))
                        .transpose()?,
                })
            })
            .collect()
    }
}
