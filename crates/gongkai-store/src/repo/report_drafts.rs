//! Annual-report drafts: entered figures, narratives, and publication of the
//! composed report to the portal, each write audited in its transaction.

use chrono::{DateTime, NaiveDate, Utc};
use gongkai_domain::report::{CellKey, ProactiveField, ProactiveRow, ValueKind};
use gongkai_domain::{Cell, Format, Report};
use rust_decimal::Decimal;
use serde_json::json;
use sqlx::any::AnyRow;

use super::{Tx, audit, col};
use crate::error::Context;
use crate::model::{DraftContent, MAX_NARRATIVE_CHARS, ReportDraft, entered_cells};
use crate::time::{date_text, now_text, parse_timestamp, timestamp_text};
use crate::{AnnualReport, NewAuditEntry, Store, StoreError};

const DRAFT_COLUMNS: &str = "agency_code, year, figures_json, narratives_json, revision, \
    updated_at, updated_by, published_at, published_late";

/// Counts of the catalog's 规章 (文号 with 令) and 规范性文件 (any other 文号)
/// of category art20_01, published, per measure of table 二.
const CATALOG_COUNTS: &str = "SELECT \
      CASE WHEN doc_number LIKE '%令%' THEN 'rules' ELSE 'normative_documents' END AS kind, \
      SUM(CASE WHEN written_on >= $2 AND written_on <= $3 THEN 1 ELSE 0 END) AS written_in_year, \
      SUM(CASE WHEN published_on >= $2 AND published_on <= $3 THEN 1 ELSE 0 END) AS published_in_year, \
      SUM(CASE WHEN validity <> 'valid' AND validity_changed_on >= $2 AND validity_changed_on <= $3 \
          THEN 1 ELSE 0 END) AS ended_in_year, \
      SUM(CASE WHEN published_on <= $3 THEN 1 ELSE 0 END) AS published_by_end, \
      SUM(CASE WHEN published_on <= $3 AND (validity = 'valid' OR validity_changed_on > $3) \
          THEN 1 ELSE 0 END) AS in_force \
    FROM catalog_items \
    WHERE agency_code = $1 AND category = 'art20_01' AND status = 'published' \
      AND doc_number IS NOT NULL AND doc_number <> '' \
    GROUP BY CASE WHEN doc_number LIKE '%令%' THEN 'rules' ELSE 'normative_documents' END";

fn year_of(row: &AnyRow, what: &'static str) -> Result<i32, StoreError> {
    let year: i64 = col(row, "year")?;
    i32::try_from(year).map_err(|_| StoreError::Corrupt {
        what,
        value: year.to_string(),
    })
}

fn decode(row: &AnyRow) -> Result<ReportDraft, StoreError> {
    let figures: String = col(row, "figures_json")?;
    let narratives: String = col(row, "narratives_json")?;
    let content =
        DraftContent::from_json(&figures, &narratives).ok_or_else(|| StoreError::Corrupt {
            what: "report_drafts.figures_json/narratives_json",
            value: format!("{figures} {narratives}")
                .chars()
                .take(200)
                .collect(),
        })?;
    let published: Option<String> = col(row, "published_at")?;
    let late: i64 = col(row, "published_late")?;
    Ok(ReportDraft {
        agency_code: col(row, "agency_code")?,
        year: year_of(row, "report_drafts.year")?,
        content,
        revision: col(row, "revision")?,
        updated_at: parse_timestamp(
            "report_drafts.updated_at",
            &col::<String>(row, "updated_at")?,
        )?,
        updated_by: col(row, "updated_by")?,
        published_at: published
            .map(|p| parse_timestamp("report_drafts.published_at", &p))
            .transpose()?,
        published_late: late != 0,
    })
}

/// Refuses content the editor cannot have produced: cells that are not entered
/// cells of the year's format, negative counts, overlong narratives.
fn check_content(year: i32, content: &DraftContent) -> Result<(), StoreError> {
    let format = Format::for_year(year);
    let allowed = entered_cells(format);
    for (key, cell) in &content.figures {
        if !allowed.contains(key) {
            return Err(StoreError::InvalidField {
                field: "表二数据",
                message: format!(
                    "“{}”不是{year}年度报告中由经办人填写的单元格",
                    key.label(format)
                ),
            });
        }
        if let Some(value) = cell
            && key.kind() != ValueKind::SignedCount
            && value.is_sign_negative()
            && !value.is_zero()
        {
            return Err(StoreError::InvalidField {
                field: "表二数据",
                message: format!("“{}”不能为负数（{value}）", key.label(format)),
            });
        }
    }
    for (part, text) in &content.narratives {
        let chars = text.chars().count();
        if chars > MAX_NARRATIVE_CHARS {
            return Err(StoreError::InvalidField {
                field: "报告正文",
                message: format!(
                    "“{}”有{chars}字，超过{MAX_NARRATIVE_CHARS}字的上限",
                    part.label()
                ),
            });
        }
    }
    Ok(())
}

async fn draft_in(
    tx: &mut Tx<'_>,
    agency_code: &str,
    year: i32,
) -> Result<Option<ReportDraft>, StoreError> {
    sqlx::query(&format!(
        "SELECT {DRAFT_COLUMNS} FROM report_drafts WHERE agency_code = $1 AND year = $2"
    ))
    .bind(agency_code)
    .bind(i64::from(year))
    .fetch_optional(&mut **tx)
    .await
    .ctx("读取年报草稿")?
    .map(|row| decode(&row))
    .transpose()
}

async fn require_agency(tx: &mut Tx<'_>, agency_code: &str) -> Result<(), StoreError> {
    let found = sqlx::query("SELECT code FROM agencies WHERE code = $1")
        .bind(agency_code)
        .fetch_optional(&mut **tx)
        .await
        .ctx("读取机构")?;
    match found {
        Some(_) => Ok(()),
        None => Err(StoreError::NotFound {
            entity: "机构",
            key: agency_code.to_owned(),
        }),
    }
}

fn draft_json(content: &DraftContent) -> serde_json::Value {
    let (figures, narratives) = content.to_json();
    let parse = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap_or_default();
    json!({"figures": parse(&figures), "narratives": parse(&narratives)})
}

fn check_year(year: i32) -> Result<(), StoreError> {
    if (2008..=2100).contains(&year) {
        Ok(())
    } else {
        Err(StoreError::InvalidField {
            field: "报告年度",
            message: format!("{year}不在2008至2100之间"),
        })
    }
}

/// How a publication went.
#[derive(Debug, Clone, PartialEq)]
pub struct Publication {
    /// The report as now on the portal.
    pub report: AnnualReport,
    /// The draft with its publication recorded.
    pub draft: ReportDraft,
    /// Whether a published version was replaced (its JSON stays in the audit log).
    pub replaced_earlier_version: bool,
}

impl Store {
    /// `agency_code`'s draft for `year`, if one was saved.
    pub async fn report_draft(
        &self,
        agency_code: &str,
        year: i32,
    ) -> Result<Option<ReportDraft>, StoreError> {
        let mut tx = self.pool.begin().await.ctx("开始读取")?;
        let draft = draft_in(&mut tx, agency_code, year).await?;
        tx.commit().await.ctx("结束读取")?;
        Ok(draft)
    }

    /// Every draft of `agency_code`, newest year first.
    pub async fn report_drafts(&self, agency_code: &str) -> Result<Vec<ReportDraft>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {DRAFT_COLUMNS} FROM report_drafts WHERE agency_code = $1 ORDER BY year DESC"
        ))
        .bind(agency_code)
        .fetch_all(&self.pool)
        .await
        .ctx("读取年报草稿列表")?;
        rows.iter().map(decode).collect()
    }

    /// Saves `content` as `agency_code`'s draft for `year`. `expected_revision`
    /// is the revision the editor started from (`Some(0)` for a new draft,
    /// `None` to skip the check): when someone saved in between, nothing is
    /// written and the error says so.
    /// Audited with the content before and after.
    pub async fn save_report_draft(
        &self,
        actor: &str,
        agency_code: &str,
        year: i32,
        content: &DraftContent,
        expected_revision: Option<i64>,
    ) -> Result<ReportDraft, StoreError> {
        check_year(year)?;
        check_content(year, content)?;
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        require_agency(&mut tx, agency_code).await?;
        let before = draft_in(&mut tx, agency_code, year).await?;
        let current = before.as_ref().map(|d| d.revision);
        if let Some(expected) = expected_revision
            && current.unwrap_or(0) != expected
        {
            return Err(StoreError::Invalid(format!(
                "草稿已被他人修改（当前为第{}版，您编辑的是第{expected}版）：请重新打开后再保存",
                current.unwrap_or(0)
            )));
        }
        if let Some(draft) = &before
            && draft.content == *content
        {
            return Ok(draft.clone());
        }
        let (figures, narratives) = content.to_json();
        let revision = current.unwrap_or(0) + 1;
        let now = now_text();
        sqlx::query(
            "INSERT INTO report_drafts (agency_code, year, figures_json, narratives_json, revision, \
               updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (agency_code, year) DO UPDATE SET figures_json = $3, \
               narratives_json = $4, revision = $5, updated_at = $6, updated_by = $7",
        )
        .bind(agency_code)
        .bind(i64::from(year))
        .bind(&figures)
        .bind(&narratives)
        .bind(revision)
        .bind(&now)
        .bind(actor)
        .execute(&mut *tx)
        .await
        .ctx("保存年报草稿")?;
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: actor.to_owned(),
                action: "report_draft.save".into(),
                entity_type: "report_draft".into(),
                entity_key: format!("{agency_code}/{year}"),
                before: before.as_ref().map(|d| draft_json(&d.content)),
                after: Some(json!({"revision": revision, "content": draft_json(content)})),
            },
        )
        .await?;
        let saved = draft_in(&mut tx, agency_code, year).await?;
        tx.commit().await.ctx("提交年报草稿")?;
        saved.ok_or_else(|| StoreError::NotFound {
            entity: "年报草稿",
            key: format!("{agency_code}/{year}"),
        })
    }

    /// Table 二's 规章 and 规范性文件 cells of `agency_code`'s report for `year`,
    /// counted from the published catalog (see `model::derived_from_catalog`
    /// for the mapping); every such cell of the format is returned, 0 when
    /// nothing matches.
    pub async fn catalog_report_cells(
        &self,
        agency_code: &str,
        year: i32,
    ) -> Result<Vec<(CellKey, Cell)>, StoreError> {
        check_year(year)?;
        let (start, end) = match (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) {
            (Some(s), Some(e)) => (date_text(s), date_text(e)),
            _ => return Ok(Vec::new()),
        };
        let rows = sqlx::query(CATALOG_COUNTS)
            .bind(agency_code)
            .bind(&start)
            .bind(&end)
            .fetch_all(&self.pool)
            .await
            .ctx("统计目录中的规章和规范性文件")?;
        let format = Format::for_year(year);
        let mut cells = Vec::new();
        for row_kind in [ProactiveRow::Rules, ProactiveRow::NormativeDocuments] {
            let row = rows
                .iter()
                .find(|r| col::<String>(r, "kind").is_ok_and(|k| k == row_kind.key()));
            let count = |name: &'static str| -> Result<Decimal, StoreError> {
                match row {
                    Some(r) => Ok(Decimal::from(col::<Option<i64>>(r, name)?.unwrap_or(0))),
                    None => Ok(Decimal::ZERO),
                }
            };
            for &field in row_kind.fields(format) {
                let value = match field {
                    ProactiveField::Issued | ProactiveField::NewPublished => {
                        count("published_in_year")?
                    }
                    ProactiveField::NewMade => count("written_in_year")?,
                    ProactiveField::Repealed => count("ended_in_year")?,
                    ProactiveField::InForce => count("in_force")?,
                    ProactiveField::TotalPublished => count("published_by_end")?,
                    _ => continue,
                };
                cells.push((CellKey::Proactive(row_kind, field), Some(value)));
            }
        }
        Ok(cells)
    }

    /// Publishes `report` as `agency_code`'s report for `report.year` at
    /// `published_at`, records the publication (and whether it was `late`) on
    /// the draft, all in one transaction. The audit entry `report.publish`
    /// keeps the replaced version (report JSON and its date) in `before`.
    pub async fn publish_report_draft(
        &self,
        actor: &str,
        agency_code: &str,
        report: &Report,
        published_at: DateTime<Utc>,
        late: bool,
    ) -> Result<Publication, StoreError> {
        check_year(report.year)?;
        let year = report.year;
        let json_text = report.to_json_string();
        let published_text = timestamp_text(published_at);
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        require_agency(&mut tx, agency_code).await?;
        let before = sqlx::query(
            "SELECT report_json, published_at FROM annual_reports WHERE agency_code = $1 AND year = $2",
        )
        .bind(agency_code)
        .bind(i64::from(year))
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
        let now = now_text();
        sqlx::query(
            "INSERT INTO annual_reports (agency_code, year, report_json, published_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (agency_code, year) \
             DO UPDATE SET report_json = $3, published_at = $4, updated_at = $5",
        )
        .bind(agency_code)
        .bind(i64::from(year))
        .bind(&json_text)
        .bind(&published_text)
        .bind(&now)
        .execute(&mut *tx)
        .await
        .ctx("发布年度报告")?;
        let draft_exists = draft_in(&mut tx, agency_code, year).await?.is_some();
        if !draft_exists {
            let (figures, narratives) = DraftContent::default().to_json();
            sqlx::query(
                "INSERT INTO report_drafts (agency_code, year, figures_json, narratives_json, \
                   revision, updated_at, updated_by) VALUES ($1, $2, $3, $4, 1, $5, $6)",
            )
            .bind(agency_code)
            .bind(i64::from(year))
            .bind(&figures)
            .bind(&narratives)
            .bind(&now)
            .bind(actor)
            .execute(&mut *tx)
            .await
            .ctx("保存年报草稿")?;
        }
        sqlx::query(
            "UPDATE report_drafts SET published_at = $3, published_late = $4 \
             WHERE agency_code = $1 AND year = $2",
        )
        .bind(agency_code)
        .bind(i64::from(year))
        .bind(&published_text)
        .bind(i64::from(late))
        .execute(&mut *tx)
        .await
        .ctx("记录年报发布")?;
        let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).ok();
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: actor.to_owned(),
                action: "report.publish".into(),
                entity_type: "annual_report".into(),
                entity_key: format!("{agency_code}/{year}"),
                before: before_json
                    .as_deref()
                    .and_then(parse)
                    .map(|r| json!({"report": r, "published_at": before_published})),
                after: parse(&json_text)
                    .map(|r| json!({"report": r, "published_at": published_text, "late": late})),
            },
        )
        .await?;
        let draft =
            draft_in(&mut tx, agency_code, year)
                .await?
                .ok_or_else(|| StoreError::NotFound {
                    entity: "年报草稿",
                    key: format!("{agency_code}/{year}"),
                })?;
        tx.commit().await.ctx("提交年报发布")?;
        Ok(Publication {
            report: AnnualReport {
                agency_code: agency_code.to_owned(),
                year,
                report: report.clone(),
                published_at: Some(parse_timestamp(
                    "annual_reports.published_at",
                    &published_text,
                )?),
                updated_at: parse_timestamp("annual_reports.updated_at", &now)?,
            },
            draft,
            replaced_earlier_version: before.is_some(),
        })
    }
}
