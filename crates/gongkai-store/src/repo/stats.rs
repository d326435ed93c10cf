//! Figures for the dashboards, read from applications and their events.
//!
//! One query reads the few columns of every application received in the
//! year, with its number of events (from the `(application_id, seq)`
//! index); only the applications whose record holds more than a receipt and
//! a closing (补正, consultation, extension, fee, reopening, transfer: a
//! minority) have their events read, by id. The counting itself is the domain's
//! [`stats::compute`](gongkai_domain::casework::stats::compute).

use std::collections::HashMap;

use chrono::NaiveDate;
use gongkai_domain::casework::ApplicantType;
use gongkai_domain::casework::stats::{CaseFacts, Closing, ClosingKind};
use gongkai_domain::deadline::ProcedureEvent;

use super::col;
use super::keys::from_key;
use crate::error::Context;
use crate::model::decode_key;
use crate::time::{date_text, parse_date, parse_opt_date};
use crate::{Store, StoreError};

/// Application ids per query when loading longer records.
const RECORD_CHUNK: usize = 500;

/// Decoded serde keys (channels, outcomes): a handful of distinct values
/// repeated over every row.
struct KeyCache<T>(HashMap<String, T>);

impl<T> Default for KeyCache<T> {
    fn default() -> Self {
        KeyCache(HashMap::new())
    }
}

impl<T: Copy + serde::de::DeserializeOwned> KeyCache<T> {
    fn get(&mut self, what: &'static str, key: String) -> Result<T, StoreError> {
        if let Some(value) = self.0.get(&key) {
            return Ok(*value);
        }
        let value: T = from_key(what, key.clone())?;
        self.0.insert(key, value);
        Ok(value)
    }
}

impl Store {
    /// The years in which applications were received (from the yearly
    /// numbering counters), newest first.
    pub async fn application_years(&self) -> Result<Vec<i32>, StoreError> {
        let rows = sqlx::query(
            "SELECT DISTINCT year FROM application_counters WHERE last_seq > 0 ORDER BY year DESC",
        )
        .fetch_all(&self.pool)
        .await
        .ctx("读取申请年度")?;
        rows.iter()
            .map(|row| {
                let year: i64 = col(row, "year")?;
                i32::try_from(year).map_err(|_| StoreError::Corrupt {
                    what: "application_counters.year",
                    value: year.to_string(),
                })
            })
            .collect()
    }

    /// What the dashboard needs about every application received in `year`
    /// by the agencies `agency_codes` (every agency when `None`).
    pub async fn dashboard_cases(
        &self,
        agency_codes: Option<&[String]>,
        year: i32,
    ) -> Result<Vec<CaseFacts>, StoreError> {
        let (start, end) = NaiveDate::from_ymd_opt(year, 1, 1)
            .zip(NaiveDate::from_ymd_opt(year, 12, 31))
            .filter(|_| (2008..=2100).contains(&year))
            .ok_or_else(|| StoreError::InvalidField {
                field: "统计年度",
                message: format!("{year}不在2008至2100之间"),
            })?;
        let (start, end) = (date_text(start), date_text(end));
        // `$1`, `$2` are the year's bounds, `$3…` the agency codes.
        let agency_filter = match agency_codes {
            None => String::new(),
            Some([]) => return Ok(Vec::new()),
            Some(codes) => {
                let params: Vec<String> = (0..codes.len()).map(|i| format!("${}", i + 3)).collect();
                format!(" AND a.agency_code IN ({})", params.join(", "))
            }
        };
        // The number of events comes from the `(application_id, seq)` index.
        let cases_sql = format!(
            "SELECT a.id, a.agency_code, a.applicant_type, a.channel, a.received_on, a.state, \
             a.outcome, a.closed_on, \
             (SELECT COUNT(*) FROM application_events x WHERE x.application_id = a.id) AS events \
             FROM applications a \
             WHERE a.received_on >= $1 AND a.received_on <= $2{agency_filter}"
        );
        let mut cases = sqlx::query(&cases_sql).bind(&start).bind(&end);
        for code in agency_codes.unwrap_or_default() {
            cases = cases.bind(code);
        }
        let rows = cases.fetch_all(&self.pool).await.ctx("读取申请")?;
        let mut facts = Vec::with_capacity(rows.len());
        // Applications whose record is more than a receipt and a closing.
        let mut longer: HashMap<i64, usize> = HashMap::new();
        let mut channels = KeyCache::default();
        let mut outcomes = KeyCache::default();
        for row in &rows {
            let state: String = col(row, "state")?;
            let outcome = col::<Option<String>>(row, "outcome")?
                .map(|o| outcomes.get("applications.outcome", o))
                .transpose()?;
            let closed_on = parse_opt_date("applications.closed_on", col(row, "closed_on")?)?;
            let closing = closed_on.map(|date| Closing {
                kind: match state.as_str() {
                    "withdrawn" => ClosingKind::Withdrawn,
                    "closed" => ClosingKind::Closed,
                    _ if outcome.is_some() => ClosingKind::Answered,
                    _ => ClosingKind::Closed,
                },
                date,
                outcome,
            });
            let events: i64 = col(row, "events")?;
            if events > 2 || (events == 2 && closing.is_none()) {
                longer.insert(col(row, "id")?, facts.len());
            }
            facts.push(CaseFacts {
                agency: col(row, "agency_code")?,
                received_on: parse_date(
                    "applications.received_on",
                    &col::<String>(row, "received_on")?,
                )?,
                applicant_type: decode_key(
                    "applications.applicant_type",
                    col(row, "applicant_type")?,
                    ApplicantType::from_key,
                )?,
                channel: channels.get("applications.channel", col(row, "channel")?)?,
                closing,
                record: None,
            });
        }
        let ids: Vec<i64> = longer.keys().copied().collect();
        for chunk in ids.chunks(RECORD_CHUNK) {
            let params: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT application_id, event_json FROM application_events \
                 WHERE application_id IN ({}) ORDER BY application_id, seq",
                params.join(", ")
            );
            let mut query = sqlx::query(&sql);
            for id in chunk {
                query = query.bind(*id);
            }
            for row in query.fetch_all(&self.pool).await.ctx("读取办理记录")? {
                let json: String = col(&row, "event_json")?;
                let event: ProcedureEvent =
                    serde_json::from_str(&json).map_err(|_| StoreError::Corrupt {
                        what: "application_events.event_json",
                        value: json.clone(),
                    })?;
                let id: i64 = col(&row, "application_id")?;
                if let Some(fact) = longer.get(&id).and_then(|i| facts.get_mut(*i)) {
                    fact.record.get_or_insert_with(Vec::new).push(event);
                }
            }
        }
        Ok(facts)
    }
}
