//! From the facts of the current handling to deadlines, pauses and state.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::explain::{holidays_clause, holidays_in};
use super::record::{Closing, FEE_PAYMENT_WORKDAYS, Handling, Notice, Opening, Record};
use super::regime::Regime;
use super::{
    CaseState, CaseStatus, Deadline, DeadlineError, DeadlineKind, DeadlineStatus, Outcome, Pause,
    PauseKind,
};
use crate::calendar::{CalendarError, WorkCalendar};

/// A stretch during which the answer clock stood, before clipping to the
/// current period.
struct Stoppage {
    kind: PauseKind,
    from: NaiveDate,
    /// The end as far as known on the horizon: the reply or payment, the
    /// other side's last day, or the horizon itself while it goes on.
    until: NaiveDate,
    running: bool,
    basis: &'static str,
}

/// The answer period as it stands on a horizon.
pub(super) struct AnswerClock {
    /// The answer deadline.
    pub due: NaiveDate,
    /// Stoppages clipped to the current period, each with its working days.
    pauses: Vec<Pause>,
    /// Working days not counted, overlaps counted once.
    not_counted: usize,
    /// Some stoppage still runs on the horizon.
    pub suspended: bool,
}

fn add(cal: &WorkCalendar, from: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
    cal.add_workdays(from, n)
}

/// The applicant's 补正 deadline, once the notice is served.
fn correction_due(
    cal: &WorkCalendar,
    notice: &Notice,
    period: u32,
) -> Result<Option<NaiveDate>, CalendarError> {
    notice.served_on().map(|s| add(cal, s, period)).transpose()
}

/// The payment deadline: 20 working days from the day after service (109号).
fn payment_due(cal: &WorkCalendar, notice: &Notice) -> Result<Option<NaiveDate>, CalendarError> {
    notice
        .served_on()
        .map(|s| add(cal, s, FEE_PAYMENT_WORKDAYS))
        .transpose()
}

/// The consulted party's last day: its working days from service, if the
/// Regulation sets any.
fn reply_due(
    cal: &WorkCalendar,
    regime: Regime,
    notice: &Notice,
) -> Result<Option<NaiveDate>, CalendarError> {
    match (regime.consultation_workdays(), notice.served_on()) {
        (Some(n), Some(served)) => add(cal, served, n).map(Some),
        _ => Ok(None),
    }
}

/// The stoppages of the answer clock up to `horizon`: consultations and the
/// fee, each ending at the reply or payment, or at the other side's last day
/// when that came first (a late reply or payment does not hold the clock).
fn stoppages(
    cal: &WorkCalendar,
    h: &Handling,
    horizon: NaiveDate,
) -> Result<Vec<Stoppage>, CalendarError> {
    let mut out = Vec::new();
    let mut push =
        |kind, from: NaiveDate, done: Option<NaiveDate>, cap: Option<NaiveDate>, basis| {
            if from > horizon {
                return;
            }
            let end = done.unwrap_or(horizon).min(horizon);
            let until = cap.map_or(end, |c| end.min(c)).max(from);
            let running = done.is_none() && h.closing.is_none() && cap.is_none_or(|c| horizon <= c);
            out.push(Stoppage {
                kind,
                from,
                until,
                running,
                basis,
            });
        };
    for c in h.consultations.iter().filter(|c| c.effective) {
        let cap = reply_due(cal, h.regime, &c.notice)?;
        push(
            PauseKind::Consultation(c.kind),
            c.notice.sent,
            c.replied,
            cap,
            h.regime.consultation_basis(c.kind),
        );
    }
    if let Some(fee) = h.fee.as_ref().filter(|f| f.effective) {
        let cap = payment_due(cal, &fee.notice)?;
        push(
            PauseKind::FeePayment,
            fee.notice.sent,
            fee.paid,
            cap,
            "国办函〔2020〕109号",
        );
    }
    Ok(out)
}

/// Whether an effective 补正 still stops the clock on `horizon` (the period
/// restarts only when the corrected application arrives).
fn correction_pending(h: &Handling) -> bool {
    h.correction
        .as_ref()
        .is_some_and(|c| c.effective && c.received.is_none())
}

/// The answer deadline as it stands on `horizon`: the period from the clock
/// start, moved by the working days of the stoppages that fall inside it
/// (overlaps counted once) and by the extension, or the Art. 35 date. `None`
/// while a correction is awaited: the period then restarts from scratch.
pub(super) fn answer_clock(
    cal: &WorkCalendar,
    h: &Handling,
    horizon: NaiveDate,
) -> Result<Option<AnswerClock>, CalendarError> {
    if correction_pending(h) {
        return Ok(None);
    }
    let mut pauses = Vec::new();
    let mut not_counted = BTreeSet::new();
    let mut suspended = false;
    for s in stoppages(cal, h, horizon)? {
        // A stoppage that began before a restart counts only from it.
        let from = s.from.max(h.clock_start);
        let until = s.until.max(from);
        if until == from && !s.running {
            continue;
        }
        let days = cal.workdays_in(from, until)?;
        suspended |= s.running;
        pauses.push(Pause {
            kind: s.kind,
            from,
            until,
            running: s.running,
            workdays: i64::try_from(days.len()).unwrap_or(i64::MAX),
            basis: s.basis.to_owned(),
        });
        not_counted.extend(days);
    }
    let base = add(cal, h.clock_start, h.regime.answer_workdays())?;
    let mut shift = u32::try_from(not_counted.len()).unwrap_or(u32::MAX);
    if let Some(ext) = &h.extension {
        shift = shift.saturating_add(ext.workdays);
    }
    let counted = add(cal, base, shift)?;
    // An Art. 35 date replaces the Art. 33 period, but never shortens the
    // period a later correction restarted.
    let due = h
        .reasonable
        .as_ref()
        .map_or(counted, |set| set.due.max(base));
    Ok(Some(AnswerClock {
        due,
        pauses,
        not_counted: not_counted.len(),
        suspended,
    }))
}

/// One period of the other side, as [`Ctx::period`] judges it.
struct Period {
    kind: DeadlineKind,
    /// The last day, once the notice it runs from is served.
    due: Option<NaiveDate>,
    /// The soonest it could end (counted from the day the notice was sent).
    earliest: NaiveDate,
    /// When the act was done.
    done: Option<NaiveDate>,
    /// The day it counts from (holidays are named from here).
    start: NaiveDate,
    reason: String,
    /// The notice's record number.
    notice: Option<u32>,
}

/// Evaluation context: the calendar, the evaluation day and the day up to
/// which the case ran (its closing day, or today).
struct Ctx<'a> {
    cal: &'a WorkCalendar,
    today: NaiveDate,
    horizon: NaiveDate,
    closed: bool,
}

impl Ctx<'_> {
    /// A period the other side (applicant, consulted party) or the agency
    /// must act in; `None` when a closing made it moot. `due` is `None`
    /// while the notice awaits service: the period has not begun, so it
    /// cannot lapse; `earliest` is then shown as the soonest it could end.
    fn period(&self, p: Period) -> Result<Option<Deadline>, CalendarError> {
        let (due, status, days_left, overdue) = match (p.due, p.done) {
            (Some(due), Some(on)) => (due, DeadlineStatus::Met { on }, None, on > due),
            (None, Some(on)) => (p.earliest, DeadlineStatus::Met { on }, None, false),
            (None, None) if self.closed => return Ok(None),
            (None, None) => (p.earliest, DeadlineStatus::AwaitingService, None, false),
            (Some(due), None) if self.horizon > due => (due, DeadlineStatus::Lapsed, None, true),
            (Some(_), None) if self.closed => return Ok(None),
            (Some(due), None) => {
                let left = self.cal.workdays_between(self.today, due)?;
                (due, DeadlineStatus::Running, Some(left), false)
            }
        };
        self.deadline(
            p.kind,
            p.start,
            due,
            (status, days_left, overdue),
            p.reason,
            p.notice,
        )
        .map(Some)
    }

    /// A deadline with the holidays in `(start, due]` named in its reason
    /// and the provisional flag; `standing` is (status, days left, overdue).
    fn deadline(
        &self,
        kind: DeadlineKind,
        start: NaiveDate,
        due: NaiveDate,
        standing: (DeadlineStatus, Option<i64>, bool),
        mut reason: String,
        notice: Option<u32>,
    ) -> Result<Deadline, CalendarError> {
        let (status, days_left, overdue) = standing;
        let holidays = holidays_in(self.cal, start, due)?;
        reason.push_str(&holidays_clause(&holidays));
        let provisional = self.cal.is_provisional(due) || self.cal.is_provisional(start);
        if provisional {
            reason.push_str(&format!(
                "；{}年放假安排尚未公布，本期限按放假办法规定的法定节假日推算，调休公布后须复核",
                due.year()
            ));
        }
        Ok(Deadline {
            kind,
            due,
            reason,
            status,
            days_left,
            overdue,
            provisional,
            holidays,
            notice,
        })
    }
}

/// Computes the status of a folded record on `today`.
pub(super) fn status(
    cal: &WorkCalendar,
    record: &Record,
    today: NaiveDate,
) -> Result<CaseStatus, DeadlineError> {
    let h = &record.handling;
    let ctx = Ctx {
        cal,
        today,
        horizon: h.closing.map_or(today, |c| c.date()),
        closed: h.closing.is_some(),
    };
    let correction = h.correction.as_ref().filter(|c| c.effective);
    let correction_lapsed = match correction {
        Some(c) if c.received.is_none() => {
            correction_due(cal, &c.notice, c.period)?.is_some_and(|due| ctx.horizon > due)
        }
        _ => false,
    };
    let fee = h.fee.as_ref().filter(|f| f.effective);
    let fee_pending = fee.is_some_and(|f| f.paid.is_none());
    let fee_lapsed = match fee {
        Some(f) if f.paid.is_none() => {
            payment_due(cal, &f.notice)?.is_some_and(|due| ctx.horizon > due)
        }
        _ => false,
    };
    let clock = answer_clock(cal, h, ctx.horizon)?;
    let mut deadlines = Vec::new();
    // After the applicant let a period lapse the application counts as
    // abandoned: there is no answer period left to run or to miss.
    if let (false, Some(clock)) = (fee_lapsed, &clock) {
        deadlines.extend(answer_deadline(&ctx, h, clock)?);
    }
    deadlines.extend(other_deadlines(&ctx, h)?);
    let mut pauses = correction_pause(&ctx, h).into_iter().collect::<Vec<_>>();
    if let Some(clock) = &clock {
        pauses.extend(clock.pauses.iter().cloned());
    }
    let implied_outcome = match h.closing {
        Some(Closing::Answered { .. } | Closing::Withdrawn { .. }) => None,
        _ if correction_lapsed => Some(Outcome::OtherOverdueCorrection),
        _ if fee_lapsed => Some(Outcome::OtherUnpaidFee),
        _ => None,
    };
    let state = match h.closing {
        Some(Closing::Answered { .. }) => CaseState::Answered,
        Some(Closing::Closed { .. }) => CaseState::Closed,
        Some(Closing::Withdrawn { .. }) => CaseState::Withdrawn,
        None if correction_lapsed => CaseState::CorrectionLapsed,
        None if correction_pending(h) => CaseState::AwaitingCorrection,
        None if fee_lapsed => CaseState::FeeLapsed,
        None if fee_pending => CaseState::AwaitingFeePayment,
        None if clock.as_ref().is_some_and(|c| c.suspended) => CaseState::InConsultation,
        None if h.reasonable.is_some() => CaseState::Deferred,
        None if h.extension.is_some() => CaseState::Extended,
        None => CaseState::Registered,
    };
    let mut provisional_years: Vec<i32> = deadlines
        .iter()
        .map(|d| d.due)
        .chain([h.clock_start, today])
        .filter(|&date| ctx.cal.is_provisional(date))
        .map(|date| date.year())
        .collect();
    provisional_years.sort_unstable();
    provisional_years.dedup();
    Ok(CaseStatus {
        provisional_years,
        regime: h.regime,
        state,
        channel: record.channel,
        received_on: record.received_on,
        clock_start: h.clock_start,
        deadlines,
        pauses,
        extension: h.extension.clone(),
        reasonable_deadline: h.reasonable.as_ref().map(|r| super::ReasonableDeadline {
            set_on: r.set_on,
            due: r.due,
            reason: r.reason.clone(),
        }),
        ineffective_steps: h.ineffective.clone(),
        outcome: match h.closing {
            Some(Closing::Answered { outcome, .. }) => Some(outcome),
            _ => None,
        },
        implied_outcome,
        closed_on: h.closing.map(|c| c.date()),
    })
}

/// The wait for the corrected application: not a pause of a running clock
/// but the reason the period restarts.
fn correction_pause(ctx: &Ctx<'_>, h: &Handling) -> Option<Pause> {
    let c = h.correction.as_ref().filter(|c| c.effective)?;
    let until = c.received.unwrap_or(ctx.horizon).max(c.notice.sent);
    let workdays = ctx.cal.workdays_between(c.notice.sent, until).ok()?;
    Some(Pause {
        kind: PauseKind::Correction,
        from: c.notice.sent,
        until,
        running: c.received.is_none() && !ctx.closed,
        workdays,
        basis: "条例第三十条".to_owned(),
    })
}

/// How the current period began, in words.
fn opening_text(h: &Handling) -> String {
    let n = h.regime.answer_workdays();
    let article = h.regime.answer_article();
    let law = h.regime.law_name();
    match &h.opening {
        _ if h.clock_start != h.opened_on => format!(
            "收到补正后的申请之日（{}）起重新计算{n}个工作日（{law}第三十条、{article}）",
            h.clock_start
        ),
        Opening::Receipt => format!(
            "收到申请之日（{}）起{n}个工作日内答复（{law}{article}）",
            h.opened_on
        ),
        Opening::Reopened { reason } => format!(
            "重新办理之日（{}）起{n}个工作日内答复（重新办理原因：{reason}）",
            h.opened_on
        ),
        Opening::Transferred { to_agency } => format!(
            "转送至{to_agency}，自其收到申请之日（{}）起{n}个工作日内答复（{law}第三十一条、{article}）",
            h.opened_on
        ),
    }
}

/// The answer deadline with its reasons: the opening, each stoppage with its
/// own basis, the extension or the Art. 35 date, the holidays crossed.
fn answer_deadline(
    ctx: &Ctx<'_>,
    h: &Handling,
    clock: &AnswerClock,
) -> Result<Option<Deadline>, CalendarError> {
    let mut reason = opening_text(h);
    let mut total = 0;
    for p in &clock.pauses {
        total += p.workdays;
        let end = if p.running {
            "起，进行中".to_owned()
        } else {
            format!("至{}", p.until)
        };
        reason.push_str(&format!(
            "；{}（{}{end}）{}个工作日不计算在内（{}）",
            p.kind.label(),
            p.from,
            p.workdays,
            p.basis
        ));
    }
    if i64::try_from(clock.not_counted).unwrap_or(i64::MAX) < total {
        reason.push_str(&format!(
            "，重叠的日期只计一次，共{}个工作日",
            clock.not_counted
        ));
    }
    if let Some(ext) = &h.extension {
        reason.push_str(&format!(
            "；经{}批准延长{}个工作日（{}{}）",
            ext.approver,
            ext.workdays,
            h.regime.law_name(),
            h.regime.answer_article()
        ));
    }
    if let Some(set) = &h.reasonable {
        reason.push_str(&format!(
            "；{}依条例第三十五条确定延迟答复的合理期限至{}（{}）",
            set.set_on, set.due, set.reason
        ));
    }
    let due = clock.due;
    let (status, days_left, overdue) = match h.closing {
        Some(Closing::Answered { date, .. }) => {
            (DeadlineStatus::Met { on: date }, None, date > due)
        }
        Some(_) => return Ok(None),
        // While the clock stands the period cannot run out: `due` is where it
        // would end if it resumed today, which on a weekend can be the Friday
        // before; what is left cannot be less than nothing.
        None if clock.suspended => {
            let left = ctx.cal.workdays_between(ctx.today, due)?.max(0);
            (DeadlineStatus::Suspended, Some(left), false)
        }
        None => {
            let left = ctx.cal.workdays_between(ctx.today, due)?;
            (DeadlineStatus::Running, Some(left), ctx.today > due)
        }
    };
    ctx.deadline(
        DeadlineKind::Answer,
        h.clock_start,
        due,
        (status, days_left, overdue),
        reason,
        None,
    )
    .map(Some)
}

/// How a notice was served, for the reasons of the periods that run from it.
fn service_text(notice: &Notice) -> String {
    match (notice.method, notice.served_on()) {
        (Some(m), Some(on)) if m.served_when_sent() => format!("{}，{on}送达", m.label()),
        (method, Some(on)) => format!(
            "{}，{on}签收",
            method.map_or("送达方式未登记", |m| m.label())
        ),
        (method, None) => format!(
            "{}，送达日期待登记：期限自送达之日起计算，送达前不会届满",
            method.map_or("送达方式未登记", |m| m.label())
        ),
    }
}

/// The deadlines other than the answer: the 补正 notice, the applicant's
/// correction and payment periods and the consulted parties' replies, each
/// counted from the day its notice was served.
fn other_deadlines(ctx: &Ctx<'_>, h: &Handling) -> Result<Vec<Deadline>, CalendarError> {
    let mut out = Vec::new();
    if let Some(n) = h.regime.correction_notice_workdays() {
        let notice_due = add(ctx.cal, h.opened_on, n)?;
        let from = match h.opening {
            Opening::Receipt => "收到申请之日",
            Opening::Reopened { .. } => "重新办理之日",
            Opening::Transferred { .. } => "收到转送申请之日",
        };
        let reason = format!("{from}起{n}个工作日内一次性告知补正（条例第三十条）");
        match &h.correction {
            Some(c) => out.extend(ctx.period(Period {
                kind: DeadlineKind::CorrectionNotice,
                due: Some(notice_due),
                earliest: notice_due,
                done: Some(c.notice.sent),
                start: h.opened_on,
                reason,
                notice: None,
            })?),
            // Only a reminder while a notice is still possible; never
            // "overdue", since most applications need no correction.
            None if !ctx.closed && ctx.today <= notice_due => out.extend(ctx.period(Period {
                kind: DeadlineKind::CorrectionNotice,
                due: Some(notice_due),
                earliest: notice_due,
                done: None,
                start: h.opened_on,
                reason,
                notice: None,
            })?),
            None => {}
        }
    }
    if let Some(c) = &h.correction {
        let reason = format!(
            "申请人应自收到补正告知之日起{}个工作日内补正，无正当理由逾期不补正的视为放弃申请（条例第三十条；{}）",
            c.period,
            service_text(&c.notice)
        );
        out.extend(ctx.period(Period {
            kind: DeadlineKind::CorrectionReply,
            due: correction_due(ctx.cal, &c.notice, c.period)?,
            earliest: add(ctx.cal, c.notice.sent, c.period)?,
            done: c.received,
            start: c.notice.served_on().unwrap_or(c.notice.sent),
            reason,
            notice: Some(c.notice.seq),
        })?);
    }
    if let Some(n) = h.regime.consultation_workdays() {
        for c in &h.consultations {
            let reason = format!(
                "{}：被征求意见方应自收到征求意见书之日起{n}个工作日内提出意见，逾期未提出的由本机关依法决定（条例{}；{}）",
                c.kind.label(),
                c.kind.article(),
                service_text(&c.notice)
            );
            out.extend(ctx.period(Period {
                kind: DeadlineKind::ConsultationReply,
                due: reply_due(ctx.cal, h.regime, &c.notice)?,
                earliest: add(ctx.cal, c.notice.sent, n)?,
                done: c.replied,
                start: c.notice.served_on().unwrap_or(c.notice.sent),
                reason,
                notice: Some(c.notice.seq),
            })?);
        }
    }
    if let Some(fee) = &h.fee {
        let reason = format!(
            "申请人应自收到收费通知次日起{FEE_PAYMENT_WORKDAYS}个工作日内缴纳信息处理费{}元，逾期未缴纳的视为放弃申请（国办函〔2020〕109号；{}）",
            fee.amount_yuan,
            service_text(&fee.notice)
        );
        out.extend(ctx.period(Period {
            kind: DeadlineKind::FeePayment,
            due: payment_due(ctx.cal, &fee.notice)?,
            earliest: add(ctx.cal, fee.notice.sent, FEE_PAYMENT_WORKDAYS)?,
            done: fee.paid,
            start: fee.notice.served_on().unwrap_or(fee.notice.sent),
            reason,
            notice: Some(fee.notice.seq),
        })?);
    }
    Ok(out)
}
