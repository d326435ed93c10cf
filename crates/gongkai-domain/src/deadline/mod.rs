//! Statutory deadlines of an application, as a pure function of its events.
//!
//! The office records what happened ([`ProcedureEvent`]); [`evaluate`]
//! replays the record against the [`WorkCalendar`] and returns where the
//! application stands, every deadline with its date and legal reason, and
//! the pauses that moved them. Nothing is stored: the same record always
//! gives the same status, so the status never drifts from the facts.
//!
//! Rules (Regulation 2019, Art. 30–33; 国办函〔2020〕109号):
//! - answer within 20 working days of receipt, counting from the next day;
//! - a 补正 notice within 7 working days of receipt; while waiting for the
//!   correction the clock stops, and the 20 days restart from the corrected
//!   application; a lapsed correction period implies outcome （六）1;
//! - consultation time is not counted (the consulted party has 15 working
//!   days; beyond that the clock no longer waits);
//! - one extension of at most 20 working days;
//! - between a fee notice and payment the clock stops; the applicant has 20
//!   working days to pay, after which outcome （六）2 is implied.
//!
//! Where the date the other side received a letter is unknown, the period
//! counts from the day the agency sent it.

mod compute;
mod error;
mod event;
mod outcome;
mod record;
mod status;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::calendar::WorkCalendar;

pub use error::{DeadlineError, EventProblem};
pub use event::{ConsultationKind, ProcedureEvent, ReceiptChannel};
pub use outcome::Outcome;
pub use status::{
    CaseState, CaseStatus, Deadline, DeadlineKind, DeadlineStatus, Extension, Pause, PauseKind,
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
