//! Statutory deadlines of an application, as a pure function of its events.
//!
//! The office records what happened ([`ProcedureEvent`]); [`evaluate`]
//! replays the record against the [`WorkCalendar`] and returns where the
//! application stands, every deadline with its date and legal reason, and
//! the pauses that moved them. Nothing is stored: the same record always
//! gives the same status, so the status never drifts from the facts.
//!
//! Rules (Regulation 2019, Art. 30–35; 国办函〔2020〕109号):
//! - answer within 20 working days of receipt, counting from the next day;
//! - a 补正 notice within 7 working days of receipt; while waiting for the
//!   correction the clock stops, and the 20 days restart from the corrected
//!   application; a lapsed correction period implies outcome （六）1;
//! - consultation time is not counted (each consulted party has 15 working
//!   days from its receipt of the letter; beyond that the clock no longer
//!   waits); parallel consultations count overlapping days once;
//! - one extension of at most 20 working days, approved and notified within
//!   the period; or under Art. 35 a reasonable later date, set in the period;
//! - between a fee notice and payment the clock stops, at most until the
//!   payment period ends; the applicant has 20 working days from the day
//!   after receiving the notice, after which outcome （六）2 is implied.
//!
//! The applicant's and consulted parties' periods run from service of the
//! notice (送达): in person or electronically the day it is sent, by post
//! the day it is signed for, entered later ([`ProcedureEvent::NoticeServed`]).
//! Until then such a period has not begun and never lapses.
//!
//! A step that would stop or move the clock after the answer period ran out
//! revives nothing ([`IneffectiveStep`]). Applications received before
//! 2019-05-15 follow the 2008 Regulation ([`Regime`]).

mod compute;
mod error;
mod event;
mod explain;
mod outcome;
mod record;
mod regime;
mod status;
#[cfg(test)]
mod tests;
mod validate;

use chrono::NaiveDate;

use crate::calendar::WorkCalendar;

pub use error::{DeadlineError, EventProblem};
pub use event::{ConsultationKind, ProcedureEvent, ReceiptChannel, ServiceMethod};
pub use outcome::Outcome;
pub use regime::{Regime, fee_rules_start, regulation_2008_start, regulation_2019_start};
pub use status::{
    CaseState, CaseStatus, Deadline, DeadlineKind, DeadlineStatus, Extension, HolidaySpan,
    IneffectiveStep, Pause, PauseKind, ReasonableDeadline,
};
pub use validate::{
    FieldError, MAX_APPROVER_CHARS, MAX_CORRECTION_WORKDAYS, MAX_FEE_YUAN, MAX_REASON_CHARS,
    check_new_event, parse_date,
};

/// Computes the status of an application on `today` from its events, which
/// must be in date order and start with [`ProcedureEvent::Received`].
///
/// Errors name the offending event (index and problem) or the year the
/// calendar does not cover.
pub fn evaluate(
    calendar: &WorkCalendar,
    events: &[ProcedureEvent],
    today: NaiveDate,
) -> Result<CaseStatus, DeadlineError> {
    let record = record::fold(calendar, events, today)?;
    compute::status(calendar, &record, today)
}

/// Checks a step about to be recorded, as the last of `events`: its own
/// fields ([`check_new_event`]), its fit with the record ([`evaluate`] on
/// `today`), and that it is not one the law no longer allows — an
/// extension or an Art. 35 deadline after the answer period ran out cannot
/// be granted any more (Art. 33 ¶2 requires approval and notice within the
/// period). Other late steps are accepted and reported as ineffective.
/// Returns the status with the step.
pub fn check_new_step(
    calendar: &WorkCalendar,
    events: &[ProcedureEvent],
    today: NaiveDate,
) -> Result<CaseStatus, DeadlineError> {
    let Some(last) = events.last() else {
        return Err(DeadlineError::NoEvents);
    };
    let index = events.len() - 1;
    check_new_event(last).map_err(|e| DeadlineError::Event {
        index,
        event: last.label(),
        date: last.date(),
        problem: EventProblem::Field(e),
    })?;
    let status = evaluate(calendar, events, today)?;
    let seq = u32::try_from(events.len()).unwrap_or(u32::MAX);
    let refused = matches!(
        last,
        ProcedureEvent::ExtensionGranted { .. } | ProcedureEvent::ReasonableDeadlineSet { .. }
    );
    if let Some(step) = status
        .ineffective_steps
        .iter()
        .find(|s| s.seq == seq && refused)
    {
        return Err(DeadlineError::Event {
            index,
            event: last.label(),
            date: last.date(),
            problem: EventProblem::PeriodExpired {
                reason: step.reason.clone(),
            },
        });
    }
    Ok(status)
}
