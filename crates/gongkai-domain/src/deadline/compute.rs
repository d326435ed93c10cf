//! From the facts of the current handling to deadlines, pauses and state.

use std::collections::BTreeSet;

use chrono::Datelike;
use chrono::NaiveDate;

use super::record::{
    ANSWER_WORKDAYS, CORRECTION_NOTICE_WORKDAYS, Closing, Handling, Opening, Record,
};
use super::{
    CaseState, CaseStatus, Deadline, DeadlineError, DeadlineKind, DeadlineStatus, Outcome, Pause,
    PauseKind,
};
use crate::calendar::{CalendarError, WorkCalendar};

/// Evaluation context: the calendar, the evaluation day and the day up to
/// which the case ran (its closing day, or today).
struct Ctx<'a> {
    cal: &'a WorkCalendar,
    today: NaiveDate,
    horizon: NaiveDate,
    closed: bool,
}

impl Ctx<'_> {
    /// A deadline of a period the other side (applicant, consulted party)
    /// or the agency must act in; `None` when a closing made it moot.
    fn period(
        &self,
        kind: DeadlineKind,
        due: NaiveDate,
        done: Option<NaiveDate>,
        reason: String,
    ) -> Result<Option<Deadline>, CalendarError> {
        let (status, days_left, overdue) = match done {
            Some(on) => (DeadlineStatus::Met { on }, None, on > due),
            None if self.horizon > due => (DeadlineStatus::Lapsed, None, true),
            None if self.closed => return Ok(None),
            None => {
                let left = self.cal.workdays_between(self.today, due)?;
                (DeadlineStatus::Running, Some(left), false)
            }
        };
        Ok(Some(Deadline {
            kind,
            due,
            reason,
            status,
            days_left,
            overdue,
        }))
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
    let pauses = pauses(&ctx, h)?;
    let mut deadlines = Vec::new();
    let correction_pending = h.correction.as_ref().is_some_and(|c| c.received.is_none());
    if !correction_pending {
        deadlines.extend(answer_deadline(&ctx, h, &pauses)?);
    }
    deadlines.extend(applicant_deadlines(&ctx, h)?);
    let lapsed = |kind| {
        deadlines
            .iter()
            .any(|d: &Deadline| d.kind == kind && d.status == DeadlineStatus::Lapsed)
    };
    let correction_lapsed = lapsed(DeadlineKind::CorrectionReply);
    let fee_lapsed = lapsed(DeadlineKind::FeePayment);
    let implied_outcome = match h.closing {
        Some(Closing::Answered { .. } | Closing::Withdrawn { .. }) => None,
        _ if correction_lapsed => Some(Outcome::OtherOverdueCorrection),
        _ if fee_lapsed => Some(Outcome::OtherUnpaidFee),
        _ => None,
    };
    let fee_pending = h.fee.as_ref().is_some_and(|f| f.paid.is_none());
    let state = match h.closing {
        Some(Closing::Answered { .. }) => CaseState::Answered,
        Some(Closing::Closed { .. }) => CaseState::Closed,
        Some(Closing::Withdrawn { .. }) => CaseState::Withdrawn,
        None if correction_lapsed => CaseState::CorrectionLapsed,
        None if correction_pending => CaseState::AwaitingCorrection,
        None if fee_lapsed => CaseState::FeeLapsed,
        None if fee_pending => CaseState::AwaitingFeePayment,
        None if pauses
            .iter()
            .any(|p| p.running && p.kind != PauseKind::Correction) =>
        {
            CaseState::InConsultation
        }
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
        state,
        channel: record.channel,
        received_on: record.received_on,
        clock_start: h.clock_start,
        deadlines,
        pauses,
        extension: h.extension.clone(),
        outcome: match h.closing {
            Some(Closing::Answered { outcome, .. }) => Some(outcome),
            _ => None,
        },
        implied_outcome,
        closed_on: h.closing.map(|c| c.date()),
    })
}

/// The pauses of the current handling. A consultation counts at most up to
/// the end of the consulted party's 15 working days: after that the agency
/// decides (Art. 32) or consent is presumed (Art. 34), so a late or missing
/// reply does not hold the applicant's clock.
fn pauses(ctx: &Ctx<'_>, h: &Handling) -> Result<Vec<Pause>, CalendarError> {
    let mut out = Vec::new();
    let mut push =
        |kind, from, done: Option<NaiveDate>, cap: NaiveDate| -> Result<(), CalendarError> {
            let until = done.unwrap_or(ctx.horizon).min(cap).max(from);
            let running = done.is_none() && !ctx.closed && ctx.today <= cap;
            let workdays = ctx.cal.workdays_between(from, until)?;
            out.push(Pause {
                kind,
                from,
                until,
                running,
                workdays,
            });
            Ok(())
        };
    if let Some(c) = &h.correction {
        // A late correction still ends this pause on the day it arrived.
        let cap = c.received.unwrap_or(c.due);
        push(PauseKind::Correction, c.requested, c.received, cap)?;
    }
    for c in h
        .consultations
        .iter()
        .filter(|c| c.started >= h.clock_start)
    {
        push(PauseKind::Consultation(c.kind), c.started, c.replied, c.due)?;
    }
    if let Some(fee) = h.fee.as_ref().filter(|f| f.issued >= h.clock_start) {
        let cap = fee.paid.unwrap_or(fee.due);
        push(PauseKind::FeePayment, fee.issued, fee.paid, cap)?;
    }
    Ok(out)
}

/// The answer deadline: 20 working days from the clock start, moved by the
/// working days of every uncounted pause (overlaps counted once) and by the
/// extension.
fn answer_deadline(
    ctx: &Ctx<'_>,
    h: &Handling,
    pauses: &[Pause],
) -> Result<Option<Deadline>, CalendarError> {
    let mut reason = match &h.opening {
        _ if h.clock_start != h.opened_on => format!(
            "收到补正后的申请之日（{}）起20个工作日内答复（条例第三十条、第三十三条）",
            h.clock_start
        ),
        Opening::Receipt => "收到申请之日起20个工作日内答复（条例第三十三条）".to_owned(),
        Opening::Reopened { reason } => {
            format!(
                "重新办理之日（{}）起20个工作日内答复（重新办理原因：{reason}）",
                h.opened_on
            )
        }
        Opening::Transferred { to_agency } => format!(
            "转送至{to_agency}，自其收到申请之日（{}）起20个工作日内答复（条例第三十一条、第三十三条）",
            h.opened_on
        ),
    };
    let stopped: Vec<&Pause> = pauses
        .iter()
        .filter(|p| p.kind != PauseKind::Correction)
        .collect();
    let mut not_counted = BTreeSet::new();
    for p in &stopped {
        not_counted.extend(ctx.cal.workdays_in(p.from, p.until)?);
    }
    if !not_counted.is_empty() {
        let mut kinds: Vec<&str> = stopped.iter().map(|p| p.kind.label()).collect();
        kinds.dedup();
        reason.push_str(&format!(
            "；{}期间共{}个工作日不计算在内（条例第三十三条第三款、国办函〔2020〕109号），期限相应顺延",
            kinds.join("、"),
            not_counted.len()
        ));
    }
    let mut shift = u32::try_from(not_counted.len()).unwrap_or(u32::MAX);
    if let Some(ext) = &h.extension {
        shift = shift.saturating_add(ext.workdays);
        reason.push_str(&format!(
            "；经{}批准延长{}个工作日（条例第三十三条第二款）",
            ext.approver, ext.workdays
        ));
    }
    let base = ctx.cal.add_workdays(h.clock_start, ANSWER_WORKDAYS)?;
    let due = ctx.cal.add_workdays(base, shift)?;
    let (status, days_left, overdue) = match h.closing {
        Some(Closing::Answered { date, .. }) => {
            (DeadlineStatus::Met { on: date }, None, date > due)
        }
        Some(_) => return Ok(None),
        None => {
            let status = if stopped.iter().any(|p| p.running) {
                DeadlineStatus::Suspended
            } else {
                DeadlineStatus::Running
            };
            let left = ctx.cal.workdays_between(ctx.today, due)?;
            (status, Some(left), ctx.today > due)
        }
    };
    Ok(Some(Deadline {
        kind: DeadlineKind::Answer,
        due,
        reason,
        status,
        days_left,
        overdue,
    }))
}

/// The deadlines other than the answer: the 补正 notice, the applicant's
/// correction and payment periods and the consulted parties' replies.
fn applicant_deadlines(ctx: &Ctx<'_>, h: &Handling) -> Result<Vec<Deadline>, CalendarError> {
    let mut out = Vec::new();
    let notice_due = ctx
        .cal
        .add_workdays(h.opened_on, CORRECTION_NOTICE_WORKDAYS)?;
    let from = match h.opening {
        Opening::Receipt => "收到申请之日",
        Opening::Reopened { .. } => "重新办理之日",
        Opening::Transferred { .. } => "收到转送申请之日",
    };
    let notice_reason = format!("{from}起7个工作日内一次性告知补正（条例第三十条）");
    match &h.correction {
        Some(c) => {
            out.extend(ctx.period(
                DeadlineKind::CorrectionNotice,
                notice_due,
                Some(c.requested),
                notice_reason,
            )?);
            let reason = format!(
                "申请人应在补正告知所定的{}个工作日内补正，逾期无正当理由的视为放弃申请（条例第三十条）",
                c.period
            );
            out.extend(ctx.period(DeadlineKind::CorrectionReply, c.due, c.received, reason)?);
        }
        // Only a reminder while a notice is still possible; never "overdue",
        // since most applications need no correction.
        None if !ctx.closed && ctx.today <= notice_due => {
            out.extend(ctx.period(
                DeadlineKind::CorrectionNotice,
                notice_due,
                None,
                notice_reason,
            )?);
        }
        None => {}
    }
    for c in h
        .consultations
        .iter()
        .filter(|c| c.started >= h.clock_start)
    {
        let reason = format!(
            "{}：被征求意见方应自收到征求意见书之日起15个工作日内提出意见（条例{}）",
            c.kind.label(),
            c.kind.article()
        );
        out.extend(ctx.period(DeadlineKind::ConsultationReply, c.due, c.replied, reason)?);
    }
    if let Some(fee) = &h.fee {
        let reason = format!(
            "申请人应自收到收费通知次日起20个工作日内缴纳信息处理费{}元，逾期未缴纳的视为放弃申请（国办函〔2020〕109号）",
            fee.amount_yuan
        );
        out.extend(ctx.period(DeadlineKind::FeePayment, fee.due, fee.paid, reason)?);
    }
    Ok(out)
}
