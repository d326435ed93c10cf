//! Errors of the deadline engine: an event record that cannot be right.

use chrono::NaiveDate;
use thiserror::Error;

use crate::calendar::CalendarError;

/// Why the status of an application could not be computed. An inconsistent
/// record is refused rather than interpreted, because a wrong deadline is
/// worse than none.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DeadlineError {
    /// The working-day calendar could not count (usually a year with no
    /// holiday data).
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// There is nothing to evaluate.
    #[error("没有任何办理记录：第一条记录应为“收到申请”")]
    NoEvents,
    /// One event is inconsistent with those before it; `index` is 0-based.
    #[error("第{}条记录（{event}，{date}）：{problem}", index + 1)]
    Event {
        /// 0-based position in the event list.
        index: usize,
        /// The event's label (收到申请, 告知补正, …).
        event: &'static str,
        /// The event's date.
        date: NaiveDate,
        /// What is wrong.
        problem: EventProblem,
    },
}

/// What is wrong with one event.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EventProblem {
    /// The first event must be the receipt.
    #[error("第一条记录必须是“收到申请”")]
    NotReceivedFirst,
    /// A second receipt.
    #[error("申请只能收到一次，已于{first}收到")]
    DuplicateReceipt {
        /// The first receipt date.
        first: NaiveDate,
    },
    /// Dated before the event preceding it.
    #[error("日期早于上一条记录的日期{previous}，记录须按时间顺序排列")]
    OutOfOrder {
        /// The previous event's date.
        previous: NaiveDate,
    },
    /// Dated after the evaluation day.
    #[error("日期晚于今天（{today}）")]
    InTheFuture {
        /// The evaluation day.
        today: NaiveDate,
    },
    /// Anything but reopening after the case was closed.
    #[error("申请已于{closed_on}办结，之后只能“重新办理”")]
    AfterClosing {
        /// When it was closed.
        closed_on: NaiveDate,
    },
    /// Reopening a case that is still open.
    #[error("申请尚未办结，不能重新办理")]
    NotClosed,
    /// A transfer without the receiving agency.
    #[error("转送须写明接收机关")]
    NoTransferTarget,
    /// A second correction request in the same handling (Art. 30: 一次性告知).
    #[error("补正应一次性告知，已于{first}告知过")]
    SecondCorrectionRequest {
        /// The first request's date.
        first: NaiveDate,
    },
    /// A correction period of zero working days.
    #[error("补正期限须至少为1个工作日")]
    EmptyCorrectionPeriod,
    /// A corrected application without a pending request.
    #[error("没有待补正的告知")]
    NoPendingCorrection,
    /// A new consultation while another awaits its reply.
    #[error("已于{started}征求意见，尚未答复且未逾期")]
    ConsultationOpen {
        /// When the pending consultation started.
        started: NaiveDate,
    },
    /// A reply without a pending consultation.
    #[error("没有待答复的征求意见")]
    NoOpenConsultation,
    /// Extensions of 0 or more than 20 working days.
    #[error("延期{workdays}个工作日不合法：最长不得超过20个工作日（条例第三十三条）")]
    ExtensionLength {
        /// The requested extension.
        workdays: u32,
    },
    /// A second extension (Art. 33 allows one).
    #[error("已于{first}延期，答复期限只能延长一次")]
    SecondExtension {
        /// The first extension's date.
        first: NaiveDate,
    },
    /// A second fee notice in the same handling.
    #[error("已于{first}发出收费通知")]
    SecondFeeNotice {
        /// The first notice's date.
        first: NaiveDate,
    },
    /// A payment without an unpaid fee notice.
    #[error("没有待缴费的收费通知")]
    NoPendingFee,
}
