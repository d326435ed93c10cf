//! Deadline tests. Every expected date is counted by hand from the holiday
//! notices; the count is written next to the test.

mod errors;
mod explanations;
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

#[test]
fn deadlines_reaching_into_an_unpublished_year_are_flagged_provisional() {
    use crate::calendar::WorkCalendar;
    use crate::deadline::{ProcedureEvent, ReceiptChannel, evaluate};
    let cal = WorkCalendar::operational().expect("operational calendar");
    let received = chrono::NaiveDate::from_ymd_opt(2026, 12, 15).expect("date");
    let events = [ProcedureEvent::Received {
        channel: ReceiptChannel::InPerson,
        date: received,
    }];
    let status = evaluate(cal, &events, received).expect("evaluates");
    // 20 working days from 2026-12-15 end in January 2027, whose schedule is not bundled.
    assert_eq!(status.provisional_years, vec![2027]);
    let early = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).expect("date");
    let events = [ProcedureEvent::Received {
        channel: ReceiptChannel::InPerson,
        date: early,
    }];
    assert!(
        evaluate(cal, &events, early)
            .expect("evaluates")
            .provisional_years
            .is_empty()
    );
}
