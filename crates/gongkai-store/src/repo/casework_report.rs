//! Tables 三 and 四 of the annual report computed from the records.
//!
//! The database groups the cases (GROUP BY applicant type, outcome and where
//! the receipt and closing dates fall relative to the year) and hands one
//! representative record per group to the domain's `build_tables_counted`,
//! so the counting rules live in one place and only a few rows cross the wire.

use chrono::{Days, NaiveDate};
use gongkai_domain::Report;
use gongkai_domain::casework::{
    self, ApplicantType, CaseRecord, ReviewCaseRecord, ReviewKind, ReviewResult,
};
use gongkai_domain::report::Format;

use super::col;
use super::keys::from_key;
use crate::error::Context;
use crate::model::decode_key;
use crate::time::date_text;
use crate::{Store, StoreError};

/// Three index range scans, each on a covering index: received in the year;
/// received earlier and closed in or after the year; received earlier and open.
const CASE_GROUPS: &str = "SELECT applicant_type, received, closed, outcome, COUNT(*) AS n FROM ( \
      SELECT applicant_type, 'in' AS received, \
        CASE WHEN closed_on IS NULL THEN 'open' WHEN closed_on <= $3 THEN 'in' ELSE 'after' END AS closed, \
        outcome \
      FROM applications WHERE agency_code = $1 AND received_on >= $2 AND received_on <= $3 \
      UNION ALL \
      SELECT applicant_type, 'before' AS received, \
        CASE WHEN closed_on <= $3 THEN 'in' ELSE 'after' END AS closed, outcome \
      FROM applications WHERE agency_code = $1 AND closed_on >= $2 AND received_on < $2 \
      UNION ALL \
      SELECT applicant_type, 'before' AS received, 'open' AS closed, outcome \
      FROM applications WHERE agency_code = $1 AND closed_on IS NULL AND received_on < $2 \
    ) AS cases GROUP BY applicant_type, received, closed, outcome";

const REVIEW_GROUPS: &str = "SELECT kind, result, \
      CASE WHEN decided_on IS NOT NULL AND decided_on > $3 THEN 'later' ELSE 'in' END AS decided, \
      COUNT(*) AS n \
    FROM review_cases WHERE agency_code = $1 AND filed_on >= $2 AND filed_on <= $3 \
    GROUP BY kind, result, CASE WHEN decided_on IS NOT NULL AND decided_on > $3 THEN 'later' ELSE 'in' END";

fn year_bounds(year: i32) -> Result<(NaiveDate, NaiveDate), StoreError> {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .zip(NaiveDate::from_ymd_opt(year, 12, 31))
        .filter(|_| (2008..=2100).contains(&year))
        .ok_or_else(|| StoreError::InvalidField {
            field: "报告年度",
            message: format!("{year}不在2008至2100之间"),
        })
}

fn count(row: &sqlx::any::AnyRow) -> Result<u64, StoreError> {
    let n: i64 = col(row, "n")?;
    Ok(u64::try_from(n).unwrap_or_default())
}

impl Store {
    /// Computes tables 三 and 四 of `agency_code`'s report for `year` from its
    /// applications and review cases, in the year's format; the report names
    /// the agency and passes every consistency rule by construction. Table 二
    /// is printed as 0 (it is not computed from cases).
    pub async fn build_report(&self, agency_code: &str, year: i32) -> Result<Report, StoreError> {
        let (start, end) = year_bounds(year)?;
        let agency = self
            .agency(agency_code)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                entity: "机构",
                key: agency_code.to_owned(),
            })?;
        let (start_text, end_text) = (date_text(start), date_text(end));
        let rows = sqlx::query(CASE_GROUPS)
            .bind(agency_code)
            .bind(&start_text)
            .bind(&end_text)
            .fetch_all(&self.pool)
            .await
            .ctx("统计申请")?;
        let before_year = start.pred_opt().unwrap_or(start);
        let after_year = end.checked_add_days(Days::new(1)).unwrap_or(end);
        let mut cases = Vec::with_capacity(rows.len());
        for row in &rows {
            let received: String = col(row, "received")?;
            let closed: String = col(row, "closed")?;
            let outcome: Option<String> = col(row, "outcome")?;
            let record = CaseRecord {
                received_on: if received == "before" {
                    before_year
                } else {
                    start
                },
                applicant_type: decode_key(
                    "applications.applicant_type",
                    col(row, "applicant_type")?,
                    ApplicantType::from_key,
                )?,
                closed_on: match closed.as_str() {
                    "open" => None,
                    "in" => Some(end),
                    _ => Some(after_year),
                },
                outcome: outcome
                    .map(|o| from_key("applications.outcome", o))
                    .transpose()?,
            };
            cases.push((record, count(row)?));
        }
        let rows = sqlx::query(REVIEW_GROUPS)
            .bind(agency_code)
            .bind(&start_text)
            .bind(&end_text)
            .fetch_all(&self.pool)
            .await
            .ctx("统计复议诉讼案件")?;
        let mut reviews = Vec::with_capacity(rows.len());
        for row in &rows {
            let decided: String = col(row, "decided")?;
            let record = ReviewCaseRecord {
                kind: decode_key("review_cases.kind", col(row, "kind")?, ReviewKind::from_key)?,
                filed_on: start,
                decided_on: (decided == "later").then_some(after_year),
                result: decode_key(
                    "review_cases.result",
                    col(row, "result")?,
                    ReviewResult::from_key,
                )?,
            };
            reviews.push((record, count(row)?));
        }
        let mut report =
            casework::build_tables_counted(year, Format::for_year(year), cases, reviews);
        report.agency = Some(agency.name);
        Ok(report)
    }

    /// The agency `code` and every agency below it, the agency first.
    pub async fn agency_with_subordinates(&self, code: &str) -> Result<Vec<String>, StoreError> {
        let agencies = self.agencies().await?;
        if !agencies.iter().any(|a| a.code == code) {
            return Err(StoreError::NotFound {
                entity: "机构",
                key: code.to_owned(),
            });
        }
        let mut codes = vec![code.to_owned()];
        let mut next = 0;
        while next < codes.len() && codes.len() <= agencies.len() {
            let parent = codes[next].clone();
            codes.extend(
                agencies
                    .iter()
                    .filter(|a| a.parent_code.as_deref() == Some(parent.as_str()))
                    .filter(|a| a.code != code)
                    .map(|a| a.code.clone()),
            );
            next += 1;
        }
        Ok(codes)
    }

    /// Tables 三 and 四 for a government together with all its subordinate
    /// agencies (departments, towns, and theirs): the sum of their computed
    /// reports, named after the government.
    pub async fn build_aggregate_report(
        &self,
        government_code: &str,
        year: i32,
    ) -> Result<Report, StoreError> {
        let codes = self.agency_with_subordinates(government_code).await?;
        let mut reports = Vec::with_capacity(codes.len());
        for code in &codes {
            reports.push(self.build_report(code, year).await?);
        }
        let name = reports.first().and_then(|r| r.agency.clone());
        let mut total =
            casework::aggregate(&reports).map_err(|e| StoreError::Invalid(e.to_string()))?;
        total.agency = name.map(|n| format!("{n}（含所属部门及乡镇）"));
        Ok(total)
    }
}
