//! Folding the event list into the facts of the current handling, refusing
//! any record that cannot be right.
//!
//! Each step is weighed on its own date against the answer period as it
//! stood then (`compute::answer_clock`): a step that would stop or move the
//! clock after the period had run out cannot revive it. Such a step stays in
//! the record (the letter was sent; the reply deadline is real) but has no
//! effect on the answer deadline and is reported as an [`IneffectiveStep`];
//! the steps the law makes impossible then (an extension, an Art. 35
//! deadline) are refused when recorded ([`super::check_new_event`]).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::compute::answer_clock;
use super::regime::{Regime, fee_rules_start};
use super::{
    ConsultationKind, DeadlineError, EventProblem, Extension, IneffectiveStep, Outcome,
    ProcedureEvent, ReceiptChannel, ServiceMethod,
};
use crate::calendar::WorkCalendar;

/// The applicant's working days to pay (109号).
pub(super) const FEE_PAYMENT_WORKDAYS: u32 = 20;

/// What started the current handling.
pub(super) enum Opening {
    Receipt,
    Reopened { reason: String },
    Transferred { to_agency: String },
}

/// A notice whose addressee's period runs from service.
#[derive(Clone)]
pub(super) struct Notice {
    /// Its record number (1-based).
    pub seq: u32,
    pub sent: NaiveDate,
    pub method: Option<ServiceMethod>,
    /// The service date entered for a posted notice.
    pub served: Option<NaiveDate>,
}

impl Notice {
    /// The day the addressee received it, once known.
    pub fn served_on(&self) -> Option<NaiveDate> {
        match self.method {
            Some(m) if m.served_when_sent() => Some(self.sent),
            _ => self.served,
        }
    }
}

pub(super) struct Correction {
    pub notice: Notice,
    pub period: u32,
    pub received: Option<NaiveDate>,
    /// Requested while the answer period ran; otherwise it restarts nothing.
    pub effective: bool,
}

pub(super) struct Consultation {
    pub notice: Notice,
    pub kind: ConsultationKind,
    pub replied: Option<NaiveDate>,
    /// Started while the answer period ran and excluded by the Regulation.
    pub effective: bool,
}

pub(super) struct Fee {
    pub notice: Notice,
    pub amount_yuan: u64,
    pub paid: Option<NaiveDate>,
    pub effective: bool,
}

/// An Art. 35 deadline.
pub(super) struct ReasonableDeadline {
    pub set_on: NaiveDate,
    pub due: NaiveDate,
    pub reason: String,
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
    pub regime: Regime,
    pub opening: Opening,
    pub opened_on: NaiveDate,
    /// The day the answer period counts from (moves on correction).
    pub clock_start: NaiveDate,
    pub correction: Option<Correction>,
    pub consultations: Vec<Consultation>,
    pub extension: Option<Extension>,
    pub reasonable: Option<ReasonableDeadline>,
    pub fee: Option<Fee>,
    pub closing: Option<Closing>,
    pub ineffective: Vec<IneffectiveStep>,
}

impl Handling {
    fn new(opening: Opening, date: NaiveDate, regime: Regime) -> Self {
        Handling {
            regime,
            opening,
            opened_on: date,
            clock_start: date,
            correction: None,
            consultations: Vec::new(),
            extension: None,
            reasonable: None,
            fee: None,
            closing: None,
            ineffective: Vec::new(),
        }
    }

    /// Every notice of this handling, to attach service dates to.
    fn notice_mut(&mut self, seq: u32) -> Option<&mut Notice> {
        if let Some(c) = self.correction.as_mut().filter(|c| c.notice.seq == seq) {
            return Some(&mut c.notice);
        }
        if let Some(f) = self.fee.as_mut().filter(|f| f.notice.seq == seq) {
            return Some(&mut f.notice);
        }
        self.consultations
            .iter_mut()
            .find(|c| c.notice.seq == seq)
            .map(|c| &mut c.notice)
    }
}

pub(super) struct Record {
    pub channel: ReceiptChannel,
    pub received_on: NaiveDate,
    pub handling: Handling,
}

fn regime_on(index: usize, event: &ProcedureEvent) -> Result<Regime, DeadlineError> {
    Regime::on(event.date()).ok_or_else(|| problem(index, event, EventProblem::BeforeRegulation))
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
    let served = service_dates(events, today)?;
    let mut record = Record {
        channel: *channel,
        received_on: *date,
        handling: Handling::new(Opening::Receipt, *date, regime_on(0, first)?),
    };
    let mut previous = *date;
    for (index, event) in events.iter().enumerate().skip(1) {
        if matches!(event, ProcedureEvent::NoticeServed { .. }) {
            // Entered when the receipt comes back; checked in `service_dates`.
            continue;
        }
        let date = event.date();
        if date < previous {
            return Err(problem(index, event, EventProblem::OutOfOrder { previous }));
        }
        check_date(index, event, today)?;
        previous = date;
        let seq = u32::try_from(index + 1).unwrap_or(u32::MAX);
        apply(cal, &mut record, event, seq).map_err(|e| e.into_error(index, event))?;
        // A notice posted earlier may have been served by now.
        if let Some(&day) = served.get(&seq)
            && let Some(notice) = record.handling.notice_mut(seq)
        {
            notice.served = Some(day);
        }
    }
    Ok(record)
}

/// The service dates entered for posted notices, by notice record number,
/// each checked against the notice it names.
fn service_dates(
    events: &[ProcedureEvent],
    today: NaiveDate,
) -> Result<BTreeMap<u32, NaiveDate>, DeadlineError> {
    let mut served = BTreeMap::new();
    for (index, event) in events.iter().enumerate() {
        let ProcedureEvent::NoticeServed { date, notice } = event else {
            continue;
        };
        check_date(index, event, today)?;
        let target = usize::try_from(*notice)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .filter(|&i| i < index)
            .and_then(|i| events.get(i));
        let fail = |p| Err(problem(index, event, p));
        let Some(target) = target.filter(|t| t.is_served_notice()) else {
            return fail(EventProblem::NotANotice { notice: *notice });
        };
        if let Some(method) = target.service().filter(ServiceMethod::served_when_sent) {
            return fail(EventProblem::ServedWhenSent {
                notice: *notice,
                method: method.label(),
            });
        }
        if *date < target.date() {
            return fail(EventProblem::ServedBeforeSent {
                sent: target.date(),
            });
        }
        if let Some(first) = served.insert(*notice, *date) {
            return fail(EventProblem::AlreadyServed {
                notice: *notice,
                served: first,
            });
        }
    }
    Ok(served)
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

/// The answer deadline on `date` from the steps before it; `None` while the
/// clock stands for a correction (there is no period to miss then).
fn due_on(cal: &WorkCalendar, h: &Handling, date: NaiveDate) -> Result<Option<NaiveDate>, Failure> {
    Ok(answer_clock(cal, h, date)?.map(|clock| clock.due))
}

/// Records a step that came after the answer period ran out.
fn late(h: &mut Handling, seq: u32, event: &ProcedureEvent, due: NaiveDate) {
    h.ineffective.push(IneffectiveStep {
        seq,
        label: event.label().to_owned(),
        date: event.date(),
        reason: format!(
            "于答复期限（{due}）届满之后作出，期限已届满，不能再中止、延长或重新计算；本步骤不影响答复期限"
        ),
    });
}

fn notice(seq: u32, date: NaiveDate, method: Option<ServiceMethod>) -> Notice {
    Notice {
        seq,
        sent: date,
        method,
        served: None,
    }
}

fn apply(
    cal: &WorkCalendar,
    record: &mut Record,
    event: &ProcedureEvent,
    seq: u32,
) -> Result<(), Failure> {
    let h = &mut record.handling;
    if let Some(closing) = h.closing {
        return match event {
            ProcedureEvent::Reopened { date, reason } => {
                let regime = Regime::on(*date).ok_or(EventProblem::BeforeRegulation)?;
                *h = Handling::new(
                    Opening::Reopened {
                        reason: reason.clone(),
                    },
                    *date,
                    regime,
                );
                Ok(())
            }
            _ => Err(EventProblem::AfterClosing {
                closed_on: closing.date(),
            }
            .into()),
        };
    }
    let date = event.date();
    let due = due_on(cal, h, date)?;
    let in_time = due.is_none_or(|due| date <= due);
    match event {
        ProcedureEvent::Received { .. } => {
            return Err(EventProblem::DuplicateReceipt {
                first: record.received_on,
            }
            .into());
        }
        ProcedureEvent::NoticeServed { .. } => {}
        ProcedureEvent::Reopened { .. } => return Err(EventProblem::NotClosed.into()),
        ProcedureEvent::Transferred {
            date, to_agency, ..
        } => {
            if to_agency.trim().is_empty() {
                return Err(EventProblem::NoTransferTarget.into());
            }
            let regime = Regime::on(*date).ok_or(EventProblem::BeforeRegulation)?;
            // The receiving agency's handling replaces this one entirely.
            *h = Handling::new(
                Opening::Transferred {
                    to_agency: to_agency.clone(),
                },
                *date,
                regime,
            );
        }
        ProcedureEvent::CorrectionRequested {
            date,
            period_workdays,
            service,
        } => {
            if let Some(c) = &h.correction {
                return Err(EventProblem::SecondCorrectionRequest {
                    first: c.notice.sent,
                }
                .into());
            }
            if *period_workdays == 0 {
                return Err(EventProblem::EmptyCorrectionPeriod.into());
            }
            if let (false, Some(due)) = (in_time, due) {
                late(h, seq, event, due);
            }
            h.correction = Some(Correction {
                notice: notice(seq, *date, *service),
                period: *period_workdays,
                received: None,
                effective: in_time,
            });
        }
        ProcedureEvent::CorrectionReceived { date } => match &mut h.correction {
            Some(c) if c.received.is_none() => {
                c.received = Some(*date);
                if c.effective {
                    h.clock_start = *date;
                }
            }
            _ => return Err(EventProblem::NoPendingCorrection.into()),
        },
        ProcedureEvent::ConsultationStarted {
            date,
            kind,
            service,
        } => {
            let excluded = h.regime.excludes_consultation(*kind);
            if let (false, Some(due)) = (in_time, due) {
                late(h, seq, event, due);
            } else if !excluded {
                h.ineffective.push(IneffectiveStep {
                    seq,
                    label: event.label().to_owned(),
                    date: *date,
                    reason: "2008年施行的条例只规定征求第三方意见的时间不计入答复期限（第二十四条第三款），征求其他机关意见的时间照常计算".into(),
                });
            }
            h.consultations.push(Consultation {
                notice: notice(seq, *date, *service),
                kind: *kind,
                replied: None,
                effective: in_time && excluded,
            });
        }
        ProcedureEvent::ConsultationReplied { date, consultation } => {
            let open: Vec<usize> = h
                .consultations
                .iter()
                .enumerate()
                .filter(|(_, c)| c.replied.is_none())
                .map(|(i, _)| i)
                .collect();
            let target = match consultation {
                Some(n) => open
                    .iter()
                    .copied()
                    .find(|&i| h.consultations[i].notice.seq == *n)
                    .ok_or(EventProblem::NotAnOpenConsultation { consultation: *n })?,
                None => match open.as_slice() {
                    [] => return Err(EventProblem::NoOpenConsultation.into()),
                    [only] => *only,
                    _ => {
                        return Err(EventProblem::WhichConsultation {
                            open: open
                                .iter()
                                .map(|&i| h.consultations[i].notice.seq)
                                .collect(),
                        }
                        .into());
                    }
                },
            };
            h.consultations[target].replied = Some(*date);
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
            if *workdays == 0 || *workdays > h.regime.max_extension_workdays() {
                return Err(EventProblem::ExtensionLength {
                    workdays: *workdays,
                    max: h.regime.max_extension_workdays(),
                }
                .into());
            }
            if let Some(set) = &h.reasonable {
                return Err(EventProblem::AfterReasonableDeadline { set_on: set.set_on }.into());
            }
            if let (false, Some(due)) = (in_time, due) {
                late(h, seq, event, due);
            } else {
                h.extension = Some(Extension {
                    granted_on: *date,
                    workdays: *workdays,
                    approver: approver.clone(),
                });
            }
        }
        ProcedureEvent::ReasonableDeadlineSet {
            date,
            due: new_due,
            reason,
        } => {
            if !h.regime.allows_reasonable_deadline() {
                return Err(EventProblem::NoReasonableDeadlineIn2008.into());
            }
            if let Some(first) = &h.reasonable {
                return Err(EventProblem::SecondReasonableDeadline {
                    first: first.set_on,
                }
                .into());
            }
            match due {
                Some(due) if *date > due => late(h, seq, event, due),
                Some(due) if *new_due <= due => {
                    return Err(EventProblem::ReasonableDeadlineNotLater { current: due }.into());
                }
                None => return Err(EventProblem::ReasonableDeadlineWhileStopped.into()),
                Some(_) => {
                    h.reasonable = Some(ReasonableDeadline {
                        set_on: *date,
                        due: *new_due,
                        reason: reason.clone(),
                    });
                }
            }
        }
        ProcedureEvent::FeeNoticeIssued {
            date,
            amount_yuan,
            service,
        } => {
            if let Some(fee) = &h.fee {
                return Err(EventProblem::SecondFeeNotice {
                    first: fee.notice.sent,
                }
                .into());
            }
            if fee_rules_start().is_some_and(|start| *date < start) {
                return Err(EventProblem::FeeBeforeRules.into());
            }
            let mut effective = in_time;
            if *amount_yuan == 0 {
                effective = false;
                h.ineffective.push(IneffectiveStep {
                    seq,
                    label: event.label().to_owned(),
                    date: *date,
                    reason: "收费金额为0元：未超出免费额度，不应收费，不中止答复期限".into(),
                });
            } else if let (false, Some(due)) = (in_time, due) {
                late(h, seq, event, due);
            }
            h.fee = Some(Fee {
                notice: notice(seq, *date, *service),
                amount_yuan: *amount_yuan,
                paid: None,
                effective,
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
