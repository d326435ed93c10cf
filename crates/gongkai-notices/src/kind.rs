//! The kinds of notice, one per procedural step.

use std::fmt;

use serde::Serialize;

/// A formal document of the procedure. Each kind has its own template
/// (answers add one body template per outcome).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// 受理回执: the acknowledgement of receipt (Art. 31, 33).
    Acknowledgement,
    /// 补正告知书: what to correct and by when (Art. 30).
    CorrectionRequest,
    /// 延期答复告知书: the one extension of the answer period (Art. 33).
    ExtensionNotice,
    /// 延迟答复告知书: a reasonable later answer deadline (Art. 35).
    DelayedAnswer,
    /// 第三方意见征询函: the letter to a third party (Art. 32).
    ThirdPartyConsultation,
    /// 收费通知书: the 信息处理费 notice (Art. 42, 国办函〔2020〕109号).
    FeeNotice,
    /// 政府信息公开申请答复书: the answer, one text per outcome.
    Answer,
    /// 转送告知书: the applicant is told the application was forwarded to
    /// the competent agency, which answers it.
    TransferNotice,
}

impl NoticeKind {
    /// Every kind, in procedural order.
    pub const ALL: [NoticeKind; 8] = [
        NoticeKind::Acknowledgement,
        NoticeKind::CorrectionRequest,
        NoticeKind::ExtensionNotice,
        NoticeKind::DelayedAnswer,
        NoticeKind::ThirdPartyConsultation,
        NoticeKind::FeeNotice,
        NoticeKind::Answer,
        NoticeKind::TransferNotice,
    ];

    /// The name officers use: 受理回执, 补正告知书, ….
    pub fn title(self) -> &'static str {
        match self {
            NoticeKind::Acknowledgement => "受理回执",
            NoticeKind::CorrectionRequest => "补正告知书",
            NoticeKind::ExtensionNotice => "延期答复告知书",
            NoticeKind::DelayedAnswer => "延迟答复告知书",
            NoticeKind::ThirdPartyConsultation => "第三方意见征询函",
            NoticeKind::FeeNotice => "收费通知书",
            NoticeKind::Answer => "政府信息公开申请答复书",
            NoticeKind::TransferNotice => "转送告知书",
        }
    }

    /// The title printed on the default template.
    pub fn document_title(self) -> &'static str {
        match self {
            NoticeKind::Acknowledgement => "政府信息公开申请受理回执",
            NoticeKind::CorrectionRequest => "政府信息公开申请补正告知书",
            NoticeKind::ExtensionNotice => "政府信息公开延期答复告知书",
            NoticeKind::DelayedAnswer => "政府信息公开延迟答复告知书",
            NoticeKind::ThirdPartyConsultation => "政府信息公开第三方意见征询函",
            NoticeKind::FeeNotice => "政府信息公开信息处理费收费通知书",
            NoticeKind::Answer => "政府信息公开申请答复书",
            NoticeKind::TransferNotice => "政府信息公开申请转送告知书",
        }
    }

    /// A stable key for file names and APIs (`answer`, `fee_notice`, …).
    pub fn key(self) -> &'static str {
        match self {
            NoticeKind::Acknowledgement => "acknowledgement",
            NoticeKind::CorrectionRequest => "correction_request",
            NoticeKind::ExtensionNotice => "extension_notice",
            NoticeKind::DelayedAnswer => "delayed_answer",
            NoticeKind::ThirdPartyConsultation => "third_party_consultation",
            NoticeKind::FeeNotice => "fee_notice",
            NoticeKind::Answer => "answer",
            NoticeKind::TransferNotice => "transfer_notice",
        }
    }

    /// The key's inverse.
    pub fn from_key(key: &str) -> Option<NoticeKind> {
        NoticeKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The name of the template that renders this kind.
    pub fn template_name(self) -> &'static str {
        match self {
            NoticeKind::Acknowledgement => "acknowledgement.txt.j2",
            NoticeKind::CorrectionRequest => "correction.txt.j2",
            NoticeKind::ExtensionNotice => "extension.txt.j2",
            NoticeKind::DelayedAnswer => "delayed.txt.j2",
            NoticeKind::ThirdPartyConsultation => "consultation.txt.j2",
            NoticeKind::FeeNotice => "fee.txt.j2",
            NoticeKind::Answer => "answer.txt.j2",
            NoticeKind::TransferNotice => "transfer.txt.j2",
        }
    }
}

impl fmt::Display for NoticeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.title())
    }
}
