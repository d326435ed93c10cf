//! Deadline tests. Every expected date is counted by hand from the holiday
//! notices; the count is written next to the test.

mod errors;
mod holidays;
mod procedure;
mod vocabulary;

use chrono::NaiveDate;

use super::*;
use crate::calendar::WorkCalendar;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn cal() -> &'static WorkCalendar {
    WorkCalendar::national().expect("bundled data parses")
}

fn received(date: &str) -> ProcedureEvent {
    ProcedureEvent::Received {
        channel: ReceiptChannel::InPerson,
        date: d(date),
    }
}

fn eval(events: &[ProcedureEvent], today: &str) -> CaseStatus {
    evaluate(cal(), events, d(today)).unwrap_or_else(|e| panic!("evaluate failed: {e}"))
}

fn fails(events: &[ProcedureEvent], today: &str) -> DeadlineError {
    match evaluate(cal(), events, d(today)) {
        Err(e) => e,
        Ok(status) => panic!("expected an error, got {status:?}"),
    }
}

fn deadline(status: &CaseStatus, kind: DeadlineKind) -> &Deadline {
    status
        .deadline(kind)
        .unwrap_or_else(|| panic!("no {kind:?} deadline in {status:?}"))
}

fn answer(status: &CaseStatus) -> &Deadline {
    deadline(status, DeadlineKind::Answer)
}
