//! What happens to an application: the events the deadline engine folds.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Outcome;

/// How the application reached the agency, which decides its receipt date
/// under Art. 31 — the day every statutory period starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceiptChannel {
    /// Handed in at the office.
    InPerson,
    /// Registered/express post, signed for by the agency.
    PostSigned,
    /// Ordinary letter, receipt confirmed with the applicant.
    OrdinaryLetterConfirmed,
    /// Internet channel (online platform), confirmed by both parties.
    OnlineConfirmed,
    /// The GI office's fax, confirmed by both parties.
    FaxConfirmed,
    /// E-mail.
    Email,
}

impl ReceiptChannel {
    /// The channel's name as used on registration forms.
    pub fn label(&self) -> &'static str {
        match self {
            ReceiptChannel::InPerson => "当面提交",
            ReceiptChannel::PostSigned => "邮寄（签收）",
            ReceiptChannel::OrdinaryLetterConfirmed => "平常信函",
            ReceiptChannel::OnlineConfirmed => "互联网渠道",
            ReceiptChannel::FaxConfirmed => "传真",
            ReceiptChannel::Email => "电子邮件",
        }
    }

    /// Which day counts as the receipt date for this channel, with its
    /// basis, so that the registering officer records the right date.
    pub fn receipt_rule(&self) -> &'static str {
        match self {
            ReceiptChannel::InPerson => {
                "以申请人提交政府信息公开申请之日为收到申请之日（条例第三十一条第（一）项）"
            }
            ReceiptChannel::PostSigned => {
                "以行政机关签收之日为收到申请之日（条例第三十一条第（二）项）"
            }
            ReceiptChannel::OrdinaryLetterConfirmed => {
                "以政府信息公开工作机构于收到申请当日与申请人确认之日为收到申请之日（条例第三十一条第（二）项）"
            }
            ReceiptChannel::OnlineConfirmed | ReceiptChannel::FaxConfirmed => {
                "以双方确认之日为收到申请之日（条例第三十一条第（三）项）"
            }
            ReceiptChannel::Email => {
                "通过互联网渠道提交，以双方确认之日为收到申请之日（条例第三十一条第（三）项；国办公开办函〔2015〕207号曾以电子邮件系统收到之日为准）"
            }
        }
    }
}

/// Whom the agency consulted; both replies are due within 15 working days
/// and the time is not counted in the answer period (Art. 33).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsultationKind {
    /// A third party whose rights may be harmed (Art. 32).
    ThirdParty,
    /// Another agency, e.g. for jointly produced information (Art. 34).
    OtherAgency,
}

impl ConsultationKind {
    /// The procedure's name.
    pub fn label(&self) -> &'static str {
        match self {
            ConsultationKind::ThirdParty => "征求第三方意见",
            ConsultationKind::OtherAgency => "征求其他机关意见",
        }
    }

    /// The article that sets the 15-working-day reply period.
    pub fn article(&self) -> &'static str {
        match self {
            ConsultationKind::ThirdParty => "第三十二条",
            ConsultationKind::OtherAgency => "第三十四条",
        }
    }
}

/// How a notice reached its addressee (送达方式), which decides the day a
/// period that runs "from receipt of the notice" starts: the applicant's
/// 补正 and payment periods, the consulted party's 15 working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceMethod {
    /// Handed over at the office or delivered by hand: served that day.
    InPerson,
    /// Sent through the online platform, e-mail, SMS or fax the addressee
    /// gave: served the day it was sent.
    Electronic,
    /// Posted: served the day the addressee signed for it, which is entered
    /// later as a [`ProcedureEvent::NoticeServed`].
    Post,
}

impl ServiceMethod {
    /// All methods, in form order.
    pub const ALL: [ServiceMethod; 3] = [
        ServiceMethod::InPerson,
        ServiceMethod::Electronic,
        ServiceMethod::Post,
    ];

    /// The method's name.
    pub fn label(&self) -> &'static str {
        match self {
            ServiceMethod::InPerson => "直接送达",
            ServiceMethod::Electronic => "电子送达",
            ServiceMethod::Post => "邮寄送达",
        }
    }

    /// The serialised key (`in_person`, `electronic`, `post`).
    pub fn key(&self) -> &'static str {
        match self {
            ServiceMethod::InPerson => "in_person",
            ServiceMethod::Electronic => "electronic",
            ServiceMethod::Post => "post",
        }
    }

    /// The method with this key.
    pub fn from_key(key: &str) -> Option<ServiceMethod> {
        ServiceMethod::ALL.into_iter().find(|m| m.key() == key)
    }

    /// Whether the notice is served on the day it is sent; otherwise the
    /// service date is recorded separately once known.
    pub fn served_when_sent(&self) -> bool {
        match self {
            ServiceMethod::InPerson | ServiceMethod::Electronic => true,
            ServiceMethod::Post => false,
        }
    }
}

/// One step of the procedure, as recorded by the office. The deadline engine
/// is a pure function of these, so the record is the single source of truth
/// and the status can always be recomputed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ProcedureEvent {
    /// The application was received; `date` is the receipt date per Art. 31.
    Received {
        /// How it arrived.
        channel: ReceiptChannel,
        /// The receipt date under the channel's rule.
        date: NaiveDate,
    },
    /// The applicant was told once what to correct (Art. 30).
    CorrectionRequested {
        /// Date the 补正告知 was issued (sent or handed over).
        date: NaiveDate,
        /// The period, in working days from service, given to the applicant.
        period_workdays: u32,
        /// How it is served; `None` in records made before 送达 was tracked,
        /// which then wait for a [`ProcedureEvent::NoticeServed`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        service: Option<ServiceMethod>,
    },
    /// The corrected application arrived; the answer period restarts.
    CorrectionReceived {
        /// Receipt date of the corrected application.
        date: NaiveDate,
    },
    /// A consultation letter was sent; the answer clock stops. Several may
    /// run at once (a third party and another agency).
    ConsultationStarted {
        /// Date the letter was sent.
        date: NaiveDate,
        /// Whom the agency consulted.
        kind: ConsultationKind,
        /// How the letter is served (the 15 working days run from service).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        service: Option<ServiceMethod>,
    },
    /// A consulted party answered; the answer clock runs again once no
    /// consultation is open.
    ConsultationReplied {
        /// Date the reply arrived.
        date: NaiveDate,
        /// The record number (1-based, as in “第N条记录”) of the
        /// consultation answered; may be left out while only one is open.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        consultation: Option<u32>,
    },
    /// A notice sent by post was served: the addressee signed for it on
    /// `date` (送达日期). Entered when the receipt comes back, so it may be
    /// recorded after later steps; it names the notice by its record number.
    NoticeServed {
        /// The day the addressee received the notice.
        date: NaiveDate,
        /// The record number (1-based) of the 补正告知, 征求意见 or 收费通知.
        notice: u32,
    },
    /// Art. 35: the number or frequency of requests is obviously beyond
    /// reason, the reasons given are reasonable, but the answer cannot be
    /// given within Art. 33: the agency sets a reasonable later deadline
    /// and notifies the applicant (确定延迟答复的合理期限).
    ReasonableDeadlineSet {
        /// Date of the decision and notice.
        date: NaiveDate,
        /// The new answer deadline (a calendar date set by the agency).
        due: NaiveDate,
        /// Why, as told to the applicant.
        reason: String,
    },
    /// The one extension allowed by Art. 33.
    ExtensionGranted {
        /// Date of approval.
        date: NaiveDate,
        /// Working days added, at most 20.
        workdays: u32,
        /// Who approved it (the head of the GI office, by law).
        approver: String,
    },
    /// A 收费通知 was issued; the answer clock stops until payment.
    FeeNoticeIssued {
        /// Date the notice was issued (sent or handed over).
        date: NaiveDate,
        /// Amount in whole yuan (see [`crate::fee`]); never 0.
        amount_yuan: u64,
        /// How it is served (the 20 working days to pay run from service).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        service: Option<ServiceMethod>,
    },
    /// The applicant paid the fee.
    FeePaid {
        /// Date of payment.
        date: NaiveDate,
    },
    /// The agency answered; closes the case.
    Answered {
        /// Date of the answer.
        date: NaiveDate,
        /// The decision, as counted in the annual report.
        outcome: Outcome,
    },
    /// Closed without an answer, e.g. after the applicant let a period lapse.
    Closed {
        /// Date of closing.
        date: NaiveDate,
    },
    /// The applicant withdrew the application.
    Withdrawn {
        /// Date of withdrawal.
        date: NaiveDate,
    },
    /// A closed case is handled again (e.g. ordered by a 行政复议 decision);
    /// a new 20-working-day period starts from this date.
    Reopened {
        /// Date handling resumed.
        date: NaiveDate,
        /// Why, for the record.
        reason: String,
    },
    /// An open application was forwarded (转送) to the competent agency and
    /// the applicant told so. The Regulation has no transfer procedure of
    /// its own: the receiving agency receives the application on this date
    /// (Art. 31), so a fresh 20-working-day period starts from it and the
    /// transferring agency's pending pauses end.
    Transferred {
        /// Date the application was forwarded (the receiving agency's receipt date).
        date: NaiveDate,
        /// The transferring agency's name.
        from_agency: String,
        /// The receiving agency's name.
        to_agency: String,
        /// Why the application belongs there, for the record and the notice.
        reason: String,
    },
}

impl ProcedureEvent {
    /// The event's date.
    pub fn date(&self) -> NaiveDate {
        match self {
            ProcedureEvent::Received { date, .. }
            | ProcedureEvent::CorrectionRequested { date, .. }
            | ProcedureEvent::CorrectionReceived { date }
            | ProcedureEvent::ConsultationStarted { date, .. }
            | ProcedureEvent::ConsultationReplied { date, .. }
            | ProcedureEvent::NoticeServed { date, .. }
            | ProcedureEvent::ReasonableDeadlineSet { date, .. }
            | ProcedureEvent::ExtensionGranted { date, .. }
            | ProcedureEvent::FeeNoticeIssued { date, .. }
            | ProcedureEvent::FeePaid { date }
            | ProcedureEvent::Answered { date, .. }
            | ProcedureEvent::Closed { date }
            | ProcedureEvent::Withdrawn { date }
            | ProcedureEvent::Reopened { date, .. }
            | ProcedureEvent::Transferred { date, .. } => *date,
        }
    }

    /// The step's name in the office's vocabulary.
    pub fn label(&self) -> &'static str {
        match self {
            ProcedureEvent::Received { .. } => "收到申请",
            ProcedureEvent::CorrectionRequested { .. } => "告知补正",
            ProcedureEvent::CorrectionReceived { .. } => "收到补正",
            ProcedureEvent::ConsultationStarted { .. } => "征求意见",
            ProcedureEvent::ConsultationReplied { .. } => "收到征求意见答复",
            ProcedureEvent::NoticeServed { .. } => "送达",
            ProcedureEvent::ReasonableDeadlineSet { .. } => "确定延迟答复期限",
            ProcedureEvent::ExtensionGranted { .. } => "延期答复",
            ProcedureEvent::FeeNoticeIssued { .. } => "发出收费通知",
            ProcedureEvent::FeePaid { .. } => "缴纳费用",
            ProcedureEvent::Answered { .. } => "作出答复",
            ProcedureEvent::Closed { .. } => "办结",
            ProcedureEvent::Withdrawn { .. } => "撤回申请",
            ProcedureEvent::Reopened { .. } => "重新办理",
            ProcedureEvent::Transferred { .. } => "转送其他机关",
        }
    }
}

impl ProcedureEvent {
    /// How a notice event is served; `None` for other events and for
    /// notices recorded before 送达 was tracked.
    pub fn service(&self) -> Option<ServiceMethod> {
        match self {
            ProcedureEvent::CorrectionRequested { service, .. }
            | ProcedureEvent::ConsultationStarted { service, .. }
            | ProcedureEvent::FeeNoticeIssued { service, .. } => *service,
            _ => None,
        }
    }

    /// Whether the event is a notice whose addressee's period runs from
    /// service (补正告知, 征求意见函, 收费通知).
    pub fn is_served_notice(&self) -> bool {
        matches!(
            self,
            ProcedureEvent::CorrectionRequested { .. }
                | ProcedureEvent::ConsultationStarted { .. }
                | ProcedureEvent::FeeNoticeIssued { .. }
        )
    }
}
