//! Folding the event list into the facts of the current handling, refusing
//! any record that cannot be right.

use chrono::NaiveDate;

use super::{
    ConsultationKind, DeadlineError, EventProblem, Extension, Outcome, ProcedureEvent,
    ReceiptChannel,
};
use crate::calendar::WorkCalendar;

/// Working days the agency has to send the one-time 补正 notice (Art. 30).
pub(super) const CORRECTION_NOTICE_WORKDAYS: u32 = 7;
/// Working days for the answer (Art. 33).
pub(super) const ANSWER_WORKDAYS: u32 = 20;
/// Working days a consulted party has to reply (Art. 32, 34).
pub(super) const CONSULTATION_WORKDAYS: u32 = 15;
/// Working days the applicant has to pay (109号).
pub(super) const FEE_PAYMENT_WORKDAYS: u32 = 20;
/// The longest extension (Art. 33).
pub(super) const MAX_EXTENSION_WORKDAYS: u32 = 20;

/// What started the current handling.
pub(super) enum Opening {
    Receipt,
    Reopened { reason: String },
    Transferred { to_agency: String },
}

pub(super) struct Correction {
    pub requested: NaiveDate,
    pub period: u32,
    pub due: NaiveDate,
    pub received: Option<NaiveDate>,
}

pub(super) struct Consultation {
    pub kind: ConsultationKind,
    pub started: NaiveDate,
    pub due: NaiveDate,
    pub replied: Option<NaiveDate>,
}

pub(super) struct Fee {
    pub issued: NaiveDate,
    pub amount_yuan: u64,
    pub due: NaiveDate,
    pub paid: Option<NaiveDate>,
}

#[derive(Clone, Copy)]
pub(super) enum Closing {
    Answered { date: NaiveDate, outcome: Outcome },
    Closed { date: NaiveDate },
    Withdrawn { date: NaiveDate },
}

impl Closing {
    pub fn date(&self) -> NaiveDate {
        match self {
            Closing::Answered { date, .. }
            | Closing::Closed { date }
            | Closing::Withdrawn { date } => *date,
        }
    }
}

/// One handling of the application: from receipt, a reopening or a transfer.
pub(super) struct Handling {
    pub opening: Opening,
    pub opened_on: NaiveDate,
    /// The day the answer period counts from (moves on correction).
    pub clock_start: NaiveDate,
    pub correction: Option<Correction>,
    pub consultations: Vec<Consultation>,
    pub extension: Option<Extension>,
    pub fee: Option<Fee>,
    pub closing: Option<Closing>,
}

impl Handling {
    fn new(opening: Opening, date: NaiveDate) -> Self {
        Handling {
            opening,
            opened_on: date,
            clock_start: date,
            correction: None,
            consultations: Vec::new(),
            extension: None,
            fee: None,
            closing: None,
        }
    }
}

pub(super) struct Record {
    pub channel: ReceiptChannel,
    pub received_on: NaiveDate,
    pub handling: Handling,
}

/// Checks the events in order and keeps the facts of the last handling.
pub(super) fn fold(
    cal: &WorkCalendar,
    events: &[ProcedureEvent],
    today: NaiveDate,
) -> Result<Record, DeadlineError> {
    let Some(first) = events.first() else {
        return Err(DeadlineError::NoEvents);
    };
    let ProcedureEvent::Received { channel, date } = first else {
        return Err(problem(0, first, EventProblem::NotReceivedFirst));
    };
    check_date(0, first, today)?;
    let mut record = Record {
        channel: *channel,
        received_on: *date,
        handling: Handling::new(Opening::Receipt, *date),
    };
    let mut previous = *date;
    for (index, event) in events.iter().enumerate().skip(1) {
        let date = event.date();
        if date < previous {
            return Err(problem(index, event, EventProblem::OutOfOrder { previous }));
        }
        check_date(index, event, today)?;
        previous = date;
        apply(cal, &mut record, event).map_err(|e| e.into_error(index, event))?;
    }
    Ok(record)
}

fn check_date(index: usize, event: &ProcedureEvent, today: NaiveDate) -> Result<(), DeadlineError> {
    if event.date() > today {
        return Err(problem(index, event, EventProblem::InTheFuture { today }));
    }
    Ok(())
}

fn problem(index: usize, event: &ProcedureEvent, problem: EventProblem) -> DeadlineError {
    DeadlineError::Event {
        index,
        event: event.label(),
        date: event.date(),
        problem,
    }
}

/// An event's failure before its index is known.
enum Failure {
    Problem(EventProblem),
    Calendar(crate::calendar::CalendarError),
}

impl Failure {
    fn into_error(self, index: usize, event: &ProcedureEvent) -> DeadlineError {
        match self {
            Failure::Problem(p) => problem(index, event, p),
            Failure::Calendar(e) => DeadlineError::Calendar(e),
        }
    }
}

impl From<EventProblem> for Failure {
    fn from(p: EventProblem) -> Self {
        Failure::Problem(p)
    }
}

impl From<crate::calendar::CalendarError> for Failure {
    fn from(e: crate::calendar::CalendarError) -> Self {
        Failure::Calendar(e)
    }
}

fn apply(cal: &WorkCalendar, record: &mut Record, event: &ProcedureEvent) -> Result<(), Failure> {
    let h = &mut record.handling;
    if let Some(closing) = h.closing {
        return match event {
            ProcedureEvent::Reopened { date, reason } => {
                *h = Handling::new(
                    Opening::Reopened {
                        reason: reason.clone(),
                    },
                    *date,
                );
                Ok(())
            }
            _ => Err(EventProblem::AfterClosing {
                closed_on: closing.date(),
            }
            .into()),
        };
    }
    match event {
        ProcedureEvent::Received { .. } => {
            return Err(EventProblem::DuplicateReceipt {
                first: record.received_on,
            }
            .into());
        }
        ProcedureEvent::Reopened { .. } => return Err(EventProblem::NotClosed.into()),
        ProcedureEvent::Transferred {
            date, to_agency, ..
        } => {
            if to_agency.trim().is_empty() {
                return Err(EventProblem::NoTransferTarget.into());
            }
            // The receiving agency's handling replaces this one entirely.
            *h = Handling::new(
                Opening::Transferred {
                    to_agency: to_agency.clone(),
                },
                *date,
            );
        }
        ProcedureEvent::CorrectionRequested {
            date,
            period_workdays,
        } => {
            if let Some(c) = &h.correction {
                return Err(EventProblem::SecondCorrectionRequest { first: c.requested }.into());
            }
            if *period_workdays == 0 {
                return Err(EventProblem::EmptyCorrectionPeriod.into());
            }
            h.correction = Some(Correction {
                requested: *date,
                period: *period_workdays,
                due: cal.add_workdays(*date, *period_workdays)?,
                received: None,
            });
        }
        ProcedureEvent::CorrectionReceived { date } => match &mut h.correction {
            Some(c) if c.received.is_none() => {
                c.received = Some(*date);
                h.clock_start = *date;
            }
            _ => return Err(EventProblem::NoPendingCorrection.into()),
        },
        ProcedureEvent::ConsultationStarted { date, kind } => {
            if let Some(open) = h
                .consultations
                .iter()
                .find(|c| c.replied.is_none() && *date <= c.due)
            {
                return Err(EventProblem::ConsultationOpen {
                    started: open.started,
                }
                .into());
            }
            h.consultations.push(Consultation {
                kind: *kind,
                started: *date,
                due: cal.add_workdays(*date, CONSULTATION_WORKDAYS)?,
                replied: None,
            });
        }
        ProcedureEvent::ConsultationReplied { date } => {
            match h
                .consultations
                .iter_mut()
                .rev()
                .find(|c| c.replied.is_none())
            {
                Some(c) => c.replied = Some(*date),
                None => return Err(EventProblem::NoOpenConsultation.into()),
            }
        }
        ProcedureEvent::ExtensionGranted {
            date,
            workdays,
            approver,
        } => {
            if let Some(first) = &h.extension {
                return Err(EventProblem::SecondExtension {
                    first: first.granted_on,
                }
                .into());
            }
            if *workdays == 0 || *workdays > MAX_EXTENSION_WORKDAYS {
                return Err(EventProblem::ExtensionLength {
                    workdays: *workdays,
                }
                .into());
            }
            h.extension = Some(Extension {
                granted_on: *date,
                workdays: *workdays,
                approver: approver.clone(),
            });
        }
        ProcedureEvent::FeeNoticeIssued { date, amount_yuan } => {
            if let Some(fee) = &h.fee {
                return Err(EventProblem::SecondFeeNotice { first: fee.issued }.into());
            }
            h.fee = Some(Fee {
                issued: *date,
                amount_yuan: *amount_yuan,
                due: cal.add_workdays(*date, FEE_PAYMENT_WORKDAYS)?,
                paid: None,
            });
        }
        ProcedureEvent::FeePaid { date } => match &mut h.fee {
            Some(fee) if fee.paid.is_none() => fee.paid = Some(*date),
            _ => return Err(EventProblem::NoPendingFee.into()),
        },
        ProcedureEvent::Answered { date, outcome } => {
            h.closing = Some(Closing::Answered {
                date: *date,
                outcome: *outcome,
            });
        }
        ProcedureEvent::Closed { date } => h.closing = Some(Closing::Closed { date: *date }),
        ProcedureEvent::Withdrawn { date } => h.closing = Some(Closing::Withdrawn { date: *date }),
    }
    Ok(())
}
