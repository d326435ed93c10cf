//! The computed state of an application: what the office sees on its list.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ConsultationKind, Outcome, ReceiptChannel, Regime};

/// Where the application stands on the evaluation day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseState {
    /// Registered; the answer clock runs.
    Registered,
    /// Waiting for the corrected application; the clock is stopped.
    AwaitingCorrection,
    /// The correction period lapsed: to be closed as （六）1.
    CorrectionLapsed,
    /// Waiting for a consultation reply; the clock is stopped.
    InConsultation,
    /// Waiting for the fee; the clock is stopped.
    AwaitingFeePayment,
    /// The payment period lapsed: to be closed as （六）2.
    FeeLapsed,
    /// The answer period was extended; the clock runs.
    Extended,
    /// A reasonable later deadline was set under Art. 35.
    Deferred,
    /// Answered.
    Answered,
    /// Closed without an answer.
    Closed,
    /// Withdrawn by the applicant.
    Withdrawn,
}

impl CaseState {
    /// The state as shown to officers.
    pub fn label(&self) -> &'static str {
        match self {
            CaseState::Registered => "办理中",
            CaseState::AwaitingCorrection => "待补正",
            CaseState::CorrectionLapsed => "逾期未补正",
            CaseState::InConsultation => "征求意见中",
            CaseState::AwaitingFeePayment => "待缴费",
            CaseState::FeeLapsed => "逾期未缴费",
            CaseState::Extended => "已延期",
            CaseState::Deferred => "已确定延迟答复期限",
            CaseState::Answered => "已答复",
            CaseState::Closed => "已办结",
            CaseState::Withdrawn => "已撤回",
        }
    }

    /// Whether nothing more is due from the agency.
    pub fn is_closed(&self) -> bool {
        matches!(
            self,
            CaseState::Answered | CaseState::Closed | CaseState::Withdrawn
        )
    }
}

/// Which statutory period a deadline belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// The agency's answer (Art. 33).
    Answer,
    /// The agency's one-time 补正 notice (Art. 30, 7 working days).
    CorrectionNotice,
    /// The applicant's correction period set in the notice (Art. 30).
    CorrectionReply,
    /// The consulted party's reply (Art. 32/34, 15 working days).
    ConsultationReply,
    /// The applicant's fee payment (109号, 20 working days).
    FeePayment,
}

impl DeadlineKind {
    /// The period's name.
    pub fn label(&self) -> &'static str {
        match self {
            DeadlineKind::Answer => "答复期限",
            DeadlineKind::CorrectionNotice => "补正告知期限",
            DeadlineKind::CorrectionReply => "补正期限",
            DeadlineKind::ConsultationReply => "征求意见答复期限",
            DeadlineKind::FeePayment => "缴费期限",
        }
    }
}

/// Whether a deadline still runs, and how it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum DeadlineStatus {
    /// The period runs.
    Running,
    /// The clock is stopped (consultation, fee); `due` assumes it resumes on
    /// the evaluation day, so `days_left` is what remains on the clock.
    Suspended,
    /// The act was done on `on` (late if `overdue`).
    Met {
        /// When the act was done.
        on: NaiveDate,
    },
    /// The period ran out without the act; for the applicant's periods this
    /// has legal consequences (see [`CaseStatus::implied_outcome`]).
    Lapsed,
    /// The notice it runs from awaits its service date (a posted letter
    /// whose receipt has not come back): the period has not begun and can
    /// never lapse before the date is entered; `due` is the earliest it could
    /// end (counted from the day the notice was sent).
    AwaitingService,
}

/// A run of holiday rest days inside a period, named as in the notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidaySpan {
    /// The holiday (“国庆节、中秋节”).
    pub name: String,
    /// Its first rest day in the period.
    pub first: NaiveDate,
    /// Its last rest day in the period.
    pub last: NaiveDate,
    /// Computed from the 放假办法 for a year whose notice is not published.
    pub provisional: bool,
}

/// One statutory deadline with its explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// Which period.
    pub kind: DeadlineKind,
    /// The last day of the period (the act is in time on this day).
    pub due: NaiveDate,
    /// Why the date is what it is, in Chinese, citing the article and every
    /// pause or extension applied.
    pub reason: String,
    /// Running, suspended, met or lapsed.
    pub status: DeadlineStatus,
    /// Working days from the evaluation day to `due` for running or
    /// suspended deadlines: working days in `(today, due]`, negative (working
    /// days in `(due, today]`) once passed; `None` when met or lapsed.
    pub days_left: Option<i64>,
    /// Passed without the act, or the act was late.
    pub overdue: bool,
    /// The period reaches into a year whose holiday notice is not yet
    /// published: the date follows the statutory holidays of the 放假办法
    /// and must be re-checked once the notice is out.
    pub provisional: bool,
    /// The holidays inside the period that moved its end.
    pub holidays: Vec<HolidaySpan>,
    /// The record number (1-based) of the notice the period runs from, for
    /// the applicant's and consulted parties' periods.
    pub notice: Option<u32>,
}

/// Why the answer clock stood still, or (for [`PauseKind::Correction`])
/// was restarted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PauseKind {
    /// Waiting for the corrected application; the period restarts afterwards
    /// instead of resuming.
    Correction,
    /// A consultation (Art. 33: not counted).
    Consultation(ConsultationKind),
    /// Between fee notice and payment (not counted).
    FeePayment,
}

impl PauseKind {
    /// The pause's name.
    pub fn label(&self) -> &'static str {
        match self {
            PauseKind::Correction => "等待补正",
            PauseKind::Consultation(kind) => kind.label(),
            PauseKind::FeePayment => "等待缴费",
        }
    }
}

/// A stretch of time not counted in the answer period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    /// Why.
    pub kind: PauseKind,
    /// The day the clock stopped (the day itself still counts).
    pub from: NaiveDate,
    /// The last day not counted: the reply, payment or correction date, or
    /// the end of the other side's period when it lapsed; the evaluation day
    /// while still running.
    pub until: NaiveDate,
    /// Still running on the evaluation day.
    pub running: bool,
    /// Working days in `(from, until]`.
    pub workdays: i64,
    /// The provision that leaves this time out.
    pub basis: String,
}

/// A step that did not affect the deadlines, and why (taken after the
/// answer period had run out, or a fee of 0 yuan).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IneffectiveStep {
    /// Its record number (1-based).
    pub seq: u32,
    /// The step's name.
    pub label: String,
    /// Its date.
    pub date: NaiveDate,
    /// Why it has no effect.
    pub reason: String,
}

/// A reasonable later deadline set under Art. 35.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReasonableDeadline {
    /// When it was set and notified.
    pub set_on: NaiveDate,
    /// The new answer deadline.
    pub due: NaiveDate,
    /// Why.
    pub reason: String,
}

/// The approved extension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    /// Date of approval.
    pub granted_on: NaiveDate,
    /// Working days added.
    pub workdays: u32,
    /// Who approved it.
    pub approver: String,
}

/// Everything the office needs to know about one application today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseStatus {
    /// The Regulation the current handling falls under.
    pub regime: Regime,
    /// The state.
    pub state: CaseState,
    /// How the application arrived.
    pub channel: ReceiptChannel,
    /// The receipt date (Art. 31).
    pub received_on: NaiveDate,
    /// The day the current answer period counts from: the receipt, the
    /// corrected application or the reopening.
    pub clock_start: NaiveDate,
    /// The deadlines of the current handling, answer first.
    pub deadlines: Vec<Deadline>,
    /// The pauses of the current handling.
    pub pauses: Vec<Pause>,
    /// The extension, if granted in time.
    pub extension: Option<Extension>,
    /// The Art. 35 deadline, if set in time.
    pub reasonable_deadline: Option<ReasonableDeadline>,
    /// Steps recorded that do not affect the deadlines, with the reason.
    pub ineffective_steps: Vec<IneffectiveStep>,
    /// The recorded outcome of an answered case.
    pub outcome: Option<Outcome>,
    /// The outcome the law implies when the applicant let the correction or
    /// payment period lapse: （六）1 or （六）2.
    pub implied_outcome: Option<Outcome>,
    /// When the case was answered, closed or withdrawn.
    pub closed_on: Option<NaiveDate>,
    /// Years whose holiday schedule is not yet published and that a deadline
    /// reaches into: those dates follow the statutory holidays of the 放假办法
    /// and must be re-checked once the State Council's notice is loaded.
    pub provisional_years: Vec<i32>,
}

impl CaseStatus {
    /// Whether any deadline shown is provisional.
    pub fn is_provisional(&self) -> bool {
        !self.provisional_years.is_empty()
    }

    /// The first deadline of a kind.
    pub fn deadline(&self, kind: DeadlineKind) -> Option<&Deadline> {
        self.deadlines.iter().find(|d| d.kind == kind)
    }

    /// Whether any deadline of the agency is overdue; for the office's
    /// warning list.
    pub fn agency_overdue(&self) -> bool {
        self.deadlines.iter().any(|d| {
            d.overdue
                && matches!(
                    d.kind,
                    DeadlineKind::Answer | DeadlineKind::CorrectionNotice
                )
        })
    }
}
