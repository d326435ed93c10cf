//! Recording procedural events: every event is checked by the deadline engine
//! against the whole record before anything is written.

use gongkai_domain::deadline::{CaseStatus, Outcome, ProcedureEvent, check_new_step, evaluate};
use serde_json::json;

use super::applications::{fetch, fetch_events, insert_event};
use super::audit;
use super::keys::key_of;
use crate::error::Context;
use crate::time::{date_text, now_text};
use crate::{Application, NewAuditEntry, Store, StoreError};

/// The outcome counted in the annual report for a closed case: the recorded
/// answer, else the outcome the law implies (（六）1/2), else （六）3.其他.
fn counted_outcome(status: &CaseStatus) -> Option<Outcome> {
    status.closed_on?;
    Some(
        status
            .outcome
            .or(status.implied_outcome)
            .unwrap_or(Outcome::OtherOther),
    )
}

/// The audit action of an event.
fn action(event: &ProcedureEvent) -> &'static str {
    match event {
        ProcedureEvent::Reopened { .. } => "application.reopen",
        ProcedureEvent::Transferred { .. } => "application.transfer",
        ProcedureEvent::Answered { .. }
        | ProcedureEvent::Closed { .. }
        | ProcedureEvent::Withdrawn { .. } => "application.close",
        _ => "application.event",
    }
}

impl Store {
    /// Records `event` for application `id`. The deadline engine checks the
    /// step's fields and replays the whole record with it on the store's
    /// today ([`check_new_step`]); any event it refuses (out of order, in the
    /// future, a second closing, a second extension, an extension after the
    /// period ran out, a 0-yuan fee, …) is rejected with nothing written.
    /// Closing sets the outcome and closing date; reopening clears them; both
    /// are audited.
    pub async fn add_event(
        &self,
        actor: &str,
        id: i64,
        event: ProcedureEvent,
    ) -> Result<Application, StoreError> {
        if matches!(event, ProcedureEvent::Transferred { .. }) {
            // A transfer also moves the application: see `transfer_application`.
            return Err(StoreError::InvalidField {
                field: "办理步骤",
                message: "转送须通过“转送其他机关”办理，以同时变更承办机关".into(),
            });
        }
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let before = fetch(&mut tx, id).await?;
        let mut events: Vec<ProcedureEvent> = fetch_events(&mut tx, id)
            .await?
            .into_iter()
            .map(|e| e.event)
            .collect();
        let seq = i64::try_from(events.len()).unwrap_or(i64::MAX) + 1;
        events.push(event.clone());
        let cal = self.calendar()?;
        check_new_step(cal, &events, self.today())?;
        // The stored state is the record's own, as of its last event, so it
        // never drifts with the passing of time.
        let last = events
            .iter()
            .map(ProcedureEvent::date)
            .max()
            .unwrap_or(event.date());
        let status = evaluate(cal, &events, last)?;
        let outcome = counted_outcome(&status);
        sqlx::query(
            "UPDATE applications SET state = $2, outcome = $3, closed_on = $4, updated_at = $5 WHERE id = $1",
        )
        .bind(id)
        .bind(key_of(&status.state))
        .bind(outcome.map(|o| o.key()))
        .bind(status.closed_on.map(date_text))
        .bind(now_text())
        .execute(&mut *tx)
        .await
        .ctx("更新申请状态")?;
        insert_event(&mut tx, id, seq, &event, actor).await?;
        let after = fetch(&mut tx, id).await?;
        let state_json = |a: &Application| {
            json!({
                "state": key_of(&a.state),
                "outcome": a.outcome.map(|o| o.key()),
                "closed_on": a.closed_on.map(date_text),
            })
        };
        let mut after_json = state_json(&after);
        if let Some(map) = after_json.as_object_mut() {
            map.insert("seq".into(), json!(seq));
            map.insert(
                "event".into(),
                serde_json::to_value(&event).unwrap_or_default(),
            );
        }
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: actor.to_owned(),
                action: action(&event).into(),
                entity_type: "application".into(),
                entity_key: after.audit_key(),
                before: Some(state_json(&before)),
                after: Some(after_json),
            },
        )
        .await?;
        tx.commit().await.ctx("提交办理记录")?;
        Ok(after)
    }
}
