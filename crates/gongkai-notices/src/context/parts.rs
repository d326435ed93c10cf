//! The parts of a [`super::NoticeContext`].

use chrono::NaiveDate;
use gongkai_domain::fee::FeeQuote;
use gongkai_domain::report::ApplicantColumn;
use serde::Serialize;

use super::view;

/// The issuing agency as printed on the notice.
#[derive(Debug, Clone, Serialize)]
pub struct Agency {
    /// The agency's full name, printed above the title.
    pub name: String,
    /// The line at the seal in the signature block (the agency's name, or
    /// its 政府信息公开工作机构, e.g. "盐城市人民政府办公室").
    pub seal_line: String,
    /// Contact person and telephone, printed under the signature if given.
    pub contact: Option<String>,
    /// The office's postal address, if the templates print it.
    pub address: Option<String>,
}

impl Agency {
    /// An agency whose seal line is its name.
    pub fn new(name: impl Into<String>) -> Self {
        let name = name.into();
        Agency {
            seal_line: name.clone(),
            name,
            contact: None,
            address: None,
        }
    }
}

/// A person or organisation addressed by a notice: the applicant, or a
/// consulted third party. Serialised with `name`, `kind` (the label of the
/// applicant type), `kind_key`, `is_person` and `you` — "您" for a natural
/// person, "贵单位" for an organisation, as letters address them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// The name as it will be printed.
    pub name: String,
    /// The applicant type of table 三 (`Total` is treated as an
    /// organisation of unknown type).
    pub kind: ApplicantColumn,
}

impl Party {
    /// A natural person (自然人).
    pub fn person(name: impl Into<String>) -> Self {
        Party {
            name: name.into(),
            kind: ApplicantColumn::NaturalPerson,
        }
    }

    /// An organisation of the given type (商业企业, 科研机构, …).
    pub fn organisation(name: impl Into<String>, kind: ApplicantColumn) -> Self {
        Party {
            name: name.into(),
            kind,
        }
    }

    /// Whether the party is a natural person.
    pub fn is_person(&self) -> bool {
        self.kind == ApplicantColumn::NaturalPerson
    }

    /// How a letter addresses the party: 您 or 贵单位.
    pub fn you(&self) -> &'static str {
        if self.is_person() { "您" } else { "贵单位" }
    }
}

impl Serialize for Party {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        view::party(self, serializer)
    }
}

/// Where the applicant can challenge the answer. Both names depend on the
/// agency (the 2023 行政复议法 makes the people's government at the same
/// level the usual reconsideration body), so they are configured per agency.
#[derive(Debug, Clone, Serialize)]
pub struct Remedies {
    /// The administrative reconsideration body, e.g. "盐城市人民政府".
    pub reconsideration_body: String,
    /// The competent court, e.g. "盐城市亭湖区人民法院".
    pub court: String,
}

/// The one-time 补正 request (Art. 30).
#[derive(Debug, Clone, Serialize)]
pub struct CorrectionDetails {
    /// Each point the applicant must correct or make precise.
    pub items: Vec<String>,
    /// The period given to the applicant, in working days.
    pub period_workdays: u32,
    /// The last day of that period, if computed.
    #[serde(serialize_with = "view::optional_date")]
    pub due: Option<NaiveDate>,
    /// When the request was sent (cited by later answers).
    #[serde(serialize_with = "view::optional_date")]
    pub requested_on: Option<NaiveDate>,
}

/// The extension of the answer period (Art. 33).
#[derive(Debug, Clone, Serialize)]
pub struct ExtensionDetails {
    /// Who approved it: by law the head of the GI office.
    pub approver: String,
    /// Working days added, at most 20.
    pub workdays: u32,
    /// Why the answer cannot be given in time (follows "因").
    pub reason: String,
    /// The due date before the extension, if known.
    #[serde(serialize_with = "view::optional_date")]
    pub original_due: Option<NaiveDate>,
    /// The new due date.
    #[serde(serialize_with = "view::date")]
    pub new_due: NaiveDate,
}

/// A reasonable later answer deadline set under Art. 35.
#[derive(Debug, Clone, Serialize)]
pub struct DelayedAnswerDetails {
    /// Why the answer cannot be given within Art. 33 (as told the applicant).
    pub reason: String,
    /// The deadline under Art. 33, if known.
    #[serde(serialize_with = "view::optional_date")]
    pub original_due: Option<NaiveDate>,
    /// The new deadline.
    #[serde(serialize_with = "view::date")]
    pub new_due: NaiveDate,
}

/// The consultation of a third party whose rights disclosure may harm
/// (Art. 32).
#[derive(Debug, Clone, Serialize)]
pub struct ConsultationDetails {
    /// The third party addressed.
    pub third_party: Party,
    /// The information concerned (follows "该申请所涉及的").
    pub information: String,
    /// The last day of the 15-working-day reply period, if computed.
    #[serde(serialize_with = "view::optional_date")]
    pub reply_due: Option<NaiveDate>,
    /// Where to send the opinion, if the letter should say.
    pub reply_to: Option<String>,
}

/// The information processing fee (国办函〔2020〕109号). Serialised with the
/// quote's method, unit, quantity, `amount`, `amount_in_words` (大写) and
/// the breakdown `lines` of [`FeeQuote::lines`].
#[derive(Debug, Clone)]
pub struct FeeDetails {
    /// The amount and its breakdown by band.
    pub quote: FeeQuote,
    /// How to pay (follows "通过"), e.g. the account or payment platform.
    pub payment_method: String,
    /// The last day of the 20-working-day payment period, if computed.
    pub payment_due: Option<NaiveDate>,
    /// The date of the fee notice (cited by the answer after non-payment).
    pub notice_date: Option<NaiveDate>,
    /// The number of the fee notice (cited by the answer after non-payment).
    pub notice_number: Option<String>,
}

impl FeeDetails {
    /// Fee details with only the quote and the payment method.
    pub fn new(quote: FeeQuote, payment_method: impl Into<String>) -> Self {
        FeeDetails {
            quote,
            payment_method: payment_method.into(),
            payment_due: None,
            notice_date: None,
            notice_number: None,
        }
    }
}

impl Serialize for FeeDetails {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        view::fee(self, serializer)
    }
}

/// What an answer says besides its outcome. Every field is optional; the
/// outcome's template uses those that apply.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AnswerDetails {
    /// The findings and reasons, one paragraph each, printed before the
    /// decision (e.g. "经查，……").
    pub reasons: Vec<String>,
    /// Where already published information can be found (Art. 36(一)), or
    /// where a publication can be obtained (Art. 39).
    pub published_at: Option<String>,
    /// How the disclosed information is provided (Art. 36(二), 37), e.g.
    /// "现以电子邮件方式向您提供".
    pub provision: Option<String>,
    /// What is withheld in a partial disclosure (Art. 37).
    pub withheld: Option<String>,
    /// The information is not this agency's to disclose (Art. 36(五)).
    pub not_this_agency: bool,
    /// The competent agency, where known (Art. 36(五), 36(七)).
    pub competent_agency: Option<String>,
    /// The channel for petitions and complaints (Art. 39).
    pub channel: Option<String>,
    /// The earlier answer to the same request (Art. 36(六)).
    pub previous_answer: Option<String>,
    /// Attachments listed under the body.
    pub attachments: Vec<String>,
}

/// The forwarding of an application to the competent agency (转送).
#[derive(Debug, Clone, Serialize)]
pub struct TransferDetails {
    /// The receiving agency's name.
    pub to_agency: String,
    /// Why the application belongs there (follows "因").
    pub reason: String,
    /// The date forwarded, from which the receiving agency's period runs.
    #[serde(serialize_with = "view::date")]
    pub transferred_on: NaiveDate,
    /// The receiving agency's answer due date, if known.
    #[serde(serialize_with = "view::optional_date")]
    pub answer_due: Option<NaiveDate>,
}
