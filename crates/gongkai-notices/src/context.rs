//! The case data a notice is filled with.
//!
//! Everything here is serialised into the template context. Dates are
//! serialised the Chinese way ("2024年9月27日"), domain values with their
//! official labels, so that templates never format anything themselves.
//! All strings are untrusted input: the renderers escape them.

mod parts;
mod view;

use chrono::NaiveDate;
use gongkai_domain::deadline::{Outcome, ReceiptChannel};
use serde::Serialize;

pub use parts::{
    Agency, AnswerDetails, ConsultationDetails, CorrectionDetails, DelayedAnswerDetails,
    ExtensionDetails, FeeDetails, Party, Remedies, TransferDetails,
};

use crate::{NoticeError, NoticeKind};

/// Statutory periods in working days, as printed in the notices; templates
/// see them as `periods.answer`, `periods.consultation`, ….
pub mod periods {
    /// The answer period (Art. 33).
    pub const ANSWER: u32 = 20;
    /// The longest extension of the answer period (Art. 33).
    pub const EXTENSION_MAX: u32 = 20;
    /// The period for the one-time 补正 notice (Art. 30).
    pub const CORRECTION_NOTICE: u32 = 7;
    /// The consulted third party's reply period (Art. 32).
    pub const CONSULTATION: u32 = 15;
    /// The applicant's fee payment period (国办函〔2020〕109号).
    pub const FEE_PAYMENT: u32 = 20;
}

/// The data of one case for one notice. Build it with [`NoticeContext::new`]
/// and fill the step-specific parts the notice needs.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeContext {
    /// The issuing agency.
    pub agency: Agency,
    /// The document number (文号/编号), e.g. "盐政公开〔2024〕第15号".
    pub document_number: String,
    /// The applicant, with its type (the six columns of table 三).
    pub applicant: Party,
    /// The application's registration number.
    pub application_number: String,
    /// How the application arrived, printed with its official label.
    #[serde(serialize_with = "view::channel")]
    pub channel: Option<ReceiptChannel>,
    /// The receipt date under Art. 31.
    #[serde(serialize_with = "view::date")]
    pub received_on: NaiveDate,
    /// The applicant's description of the information requested.
    pub request: String,
    /// The answer's due date, where known (for the acknowledgement).
    #[serde(serialize_with = "view::optional_date")]
    pub answer_due: Option<NaiveDate>,
    /// The date the notice is issued (成文日期).
    #[serde(serialize_with = "view::date")]
    pub issued_on: NaiveDate,
    /// The 补正 request; required by [`NoticeKind::CorrectionRequest`].
    pub correction: Option<CorrectionDetails>,
    /// The extension; required by [`NoticeKind::ExtensionNotice`].
    pub extension: Option<ExtensionDetails>,
    /// The Art. 35 deadline; required by [`NoticeKind::DelayedAnswer`].
    pub delayed: Option<DelayedAnswerDetails>,
    /// The third-party consultation; required by
    /// [`NoticeKind::ThirdPartyConsultation`].
    pub consultation: Option<ConsultationDetails>,
    /// The fee; required by [`NoticeKind::FeeNotice`].
    pub fee: Option<FeeDetails>,
    /// The transfer; required by [`NoticeKind::TransferNotice`].
    pub transfer: Option<TransferDetails>,
    /// The decision; required by [`NoticeKind::Answer`]. Serialised with
    /// its key, labels and the article it rests on.
    #[serde(serialize_with = "view::outcome")]
    pub outcome: Option<Outcome>,
    /// What the answer says beyond its outcome: reasons, where to find the
    /// information, the competent agency….
    pub answer: AnswerDetails,
    /// Where the applicant can seek remedy (printed in every answer).
    pub remedies: Remedies,
}

impl NoticeContext {
    /// A context with the data every notice needs; the step-specific parts
    /// start empty.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        agency: Agency,
        document_number: impl Into<String>,
        applicant: Party,
        application_number: impl Into<String>,
        received_on: NaiveDate,
        request: impl Into<String>,
        issued_on: NaiveDate,
        remedies: Remedies,
    ) -> Self {
        NoticeContext {
            agency,
            document_number: document_number.into(),
            applicant,
            application_number: application_number.into(),
            channel: None,
            received_on,
            request: request.into(),
            answer_due: None,
            issued_on,
            correction: None,
            extension: None,
            delayed: None,
            consultation: None,
            fee: None,
            transfer: None,
            outcome: None,
            answer: AnswerDetails::default(),
            remedies,
        }
    }

    /// Checks that the parts `kind` depends on are present, so that a
    /// missing part is reported by name rather than as a template error.
    pub fn check_for(&self, kind: NoticeKind) -> Result<(), NoticeError> {
        let missing = |field| Err(NoticeError::MissingData { kind, field });
        match kind {
            NoticeKind::Acknowledgement => Ok(()),
            NoticeKind::CorrectionRequest if self.correction.is_none() => missing("correction"),
            NoticeKind::ExtensionNotice if self.extension.is_none() => missing("extension"),
            NoticeKind::DelayedAnswer if self.delayed.is_none() => missing("delayed"),
            NoticeKind::ThirdPartyConsultation if self.consultation.is_none() => {
                missing("consultation")
            }
            NoticeKind::FeeNotice if self.fee.is_none() => missing("fee"),
            NoticeKind::TransferNotice if self.transfer.is_none() => missing("transfer"),
            NoticeKind::Answer if self.outcome.is_none() => missing("outcome"),
            _ => Ok(()),
        }
    }
}
