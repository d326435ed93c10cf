//! Errors of the deadline engine: an event record that cannot be right.

use chrono::NaiveDate;
use thiserror::Error;

use super::FieldError;
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
    /// A reply without a pending consultation.
    #[error("没有待答复的征求意见")]
    NoOpenConsultation,
    /// Extensions of 0 or more than the Regulation allows.
    #[error("延期{workdays}个工作日不合法：应为1至{max}个工作日")]
    ExtensionLength {
        /// The requested extension.
        workdays: u32,
        /// The longest the Regulation allows (20; 15 under the 2008 text).
        max: u32,
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
    /// A field of the event is wrong on its own.
    #[error(transparent)]
    Field(FieldError),
    /// Dated before the 2008 Regulation took effect.
    #[error("早于《政府信息公开条例》施行日期2008-05-01")]
    BeforeRegulation,
    /// A step the law allows only within the answer period, taken after it.
    #[error("不能再作出：{reason}")]
    PeriodExpired {
        /// Why, with the deadline that passed.
        reason: String,
    },
    /// A service date for a record that is no notice.
    #[error("第{notice}条记录不是需要送达的文书（补正告知、征求意见函或收费通知）")]
    NotANotice {
        /// The record number named.
        notice: u32,
    },
    /// A service date for a notice served when sent.
    #[error("第{notice}条记录已{method}，发出之日即送达，无需另行登记送达日期")]
    ServedWhenSent {
        /// The record number named.
        notice: u32,
        /// How it was served.
        method: &'static str,
    },
    /// Served before it was sent.
    #[error("送达日期早于文书发出日期{sent}")]
    ServedBeforeSent {
        /// The notice's date.
        sent: NaiveDate,
    },
    /// A second service date for one notice.
    #[error("第{notice}条记录已登记于{served}送达")]
    AlreadyServed {
        /// The record number named.
        notice: u32,
        /// The date entered first.
        served: NaiveDate,
    },
    /// A reply naming a consultation that is not open.
    #[error("第{consultation}条记录不是尚未答复的征求意见")]
    NotAnOpenConsultation {
        /// The record number named.
        consultation: u32,
    },
    /// A reply while several consultations are open, without saying which.
    #[error("有多项征求意见尚未答复（第{}条记录），须指明答复的是哪一项", open.iter().map(u32::to_string).collect::<Vec<_>>().join("、"))]
    WhichConsultation {
        /// The record numbers of the open consultations.
        open: Vec<u32>,
    },
    /// An extension after an Art. 35 deadline.
    #[error("已于{set_on}依第三十五条确定延迟答复期限，不能再延期")]
    AfterReasonableDeadline {
        /// When the Art. 35 deadline was set.
        set_on: NaiveDate,
    },
    /// Art. 35 under the 2008 text.
    #[error("2008年施行的条例没有第三十五条（确定延迟答复的合理期限）")]
    NoReasonableDeadlineIn2008,
    /// A second Art. 35 deadline.
    #[error("已于{first}确定延迟答复期限")]
    SecondReasonableDeadline {
        /// The first one's date.
        first: NaiveDate,
    },
    /// An Art. 35 date not after the current deadline.
    #[error("延迟答复的期限须晚于当前答复期限{current}")]
    ReasonableDeadlineNotLater {
        /// The current answer deadline.
        current: NaiveDate,
    },
    /// An Art. 35 date while the clock stands for a correction.
    #[error("正在等待补正，答复期限尚未重新起算，不能确定延迟答复期限")]
    ReasonableDeadlineWhileStopped,
    /// A fee notice before 109号 took effect.
    #[error("信息处理费自2021-01-01起依国办函〔2020〕109号收取，此前不能发出收费通知")]
    FeeBeforeRules,
}
