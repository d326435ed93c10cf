//! The office's warning list: open applications whose deadlines are near.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use gongkai_domain::deadline::{DeadlineKind, DeadlineStatus, ProcedureEvent, evaluate};

use super::applications::{SELECT, decode};
use super::col;
use crate::error::Context;
use crate::{DueApplication, Store, StoreError};

impl Store {
    /// Open applications (of `agency_code`, or all) whose answer deadline
    /// (Art. 33, with pauses and extension) falls within `within_workdays`
    /// working days of `today`, or has passed; most urgent first. Deadlines
    /// come from the engine on `today`. The 7-day 补正 notice period is not
    /// listed: it binds only when a correction is needed (see `case_status`).
    pub async fn due_applications(
        &self,
        agency_code: Option<&str>,
        today: NaiveDate,
        within_workdays: u32,
    ) -> Result<Vec<DueApplication>, StoreError> {
        let agency_filter = if agency_code.is_some() {
            " AND a.agency_code = $1"
        } else {
            ""
        };
        let apps_sql = format!("{SELECT} WHERE a.closed_on IS NULL{agency_filter} ORDER BY a.id");
        let events_sql = format!(
            "SELECT e.application_id, e.event_json FROM application_events e \
             JOIN applications a ON a.id = e.application_id \
             WHERE a.closed_on IS NULL{agency_filter} ORDER BY e.application_id, e.seq"
        );
        let mut apps = sqlx::query(&apps_sql);
        let mut events = sqlx::query(&events_sql);
        if let Some(code) = agency_code {
            apps = apps.bind(code);
            events = events.bind(code);
        }
        let apps = apps.fetch_all(&self.pool).await.ctx("读取未办结申请")?;
        let mut by_app: BTreeMap<i64, Vec<ProcedureEvent>> = BTreeMap::new();
        for row in events.fetch_all(&self.pool).await.ctx("读取办理记录")? {
            let json: String = col(&row, "event_json")?;
            let event = serde_json::from_str(&json).map_err(|_| StoreError::Corrupt {
                what: "application_events.event_json",
                value: json.clone(),
            })?;
            by_app
                .entry(col(&row, "application_id")?)
                .or_default()
                .push(event);
        }
        let cal = self.calendar()?;
        let within = i64::from(within_workdays);
        let mut due = Vec::new();
        for row in &apps {
            let application = decode(row)?;
            // As of `today`: later events (and later receipts) are not yet known.
            let record: Vec<ProcedureEvent> = by_app
                .remove(&application.id)
                .unwrap_or_default()
                .into_iter()
                .filter(|e| e.date() <= today)
                .collect();
            if record.is_empty() {
                continue;
            }
            let status = evaluate(cal, &record, today)?;
            let nearest = status
                .deadlines
                .iter()
                .filter(|d| matches!(d.kind, DeadlineKind::Answer))
                .filter(|d| {
                    matches!(
                        d.status,
                        DeadlineStatus::Running | DeadlineStatus::Suspended
                    )
                })
                .filter(|d| d.days_left.is_some_and(|left| left <= within))
                .min_by_key(|d| (d.days_left, d.due));
            if let Some(deadline) = nearest {
                due.push(DueApplication {
                    state: status.state,
                    deadline: deadline.clone(),
                    application,
                });
            }
        }
        due.sort_by_key(|d| (d.deadline.days_left, d.deadline.due, d.application.id));
        Ok(due)
    }
}
