//! Disclosure applications (政府信息公开申请), their applicants and events.

use chrono::{DateTime, NaiveDate, Utc};
use gongkai_domain::casework::ApplicantType;
use gongkai_domain::deadline::{CaseState, Outcome, ProcedureEvent, ReceiptChannel};

use super::keyed_enum;

keyed_enum! {
    /// The identity document an applicant shows (身份证明).
    pub enum IdDocumentType {
        /// 居民身份证 (checked against GB 11643).
        ResidentId => "resident_id", "居民身份证";
        /// 护照
        Passport => "passport", "护照";
        /// 港澳居民来往内地通行证
        HkMacaoPermit => "hk_macao_permit", "港澳居民来往内地通行证";
        /// 台湾居民来往大陆通行证
        TaiwanPermit => "taiwan_permit", "台湾居民来往大陆通行证";
        /// 外国人永久居留身份证
        ForeignPermanentResident => "foreign_permanent_resident", "外国人永久居留身份证";
        /// 营业执照 / 统一社会信用代码证书 (organisations)
        BusinessLicense => "business_license", "营业执照";
        /// 其他有效证件
        Other => "other", "其他有效证件";
    }
}

keyed_enum! {
    /// How the applicant wants the information (Art. 29: 获取信息的方式、途径).
    pub enum DeliveryForm {
        /// 纸质，邮寄
        PaperPost => "paper_post", "纸质文本·邮寄";
        /// 纸质，自行领取
        PaperPickup => "paper_pickup", "纸质文本·自行领取";
        /// 电子，电子邮件
        ElectronicEmail => "electronic_email", "电子文本·电子邮件";
        /// 电子，网上获取
        ElectronicOnline => "electronic_online", "电子文本·网上获取";
        /// 当场阅读、抄录
        Inspection => "inspection", "当场阅读、抄录";
    }
}

/// The applicant as registered with an application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApplicant {
    /// One of the six applicant types of the annual report.
    pub applicant_type: ApplicantType,
    /// Name of the person (for organisations: the contact or legal representative).
    pub name: String,
    /// The identity document.
    pub id_document_type: IdDocumentType,
    /// Its number.
    pub id_document_number: String,
    /// Mobile (`1[3-9]` + 9 digits) or landline number.
    pub phone: String,
    /// Postal address.
    pub address: String,
    /// E-mail, may be empty.
    pub email: String,
    /// The organisation's name (organisations only).
    pub organisation_name: Option<String>,
    /// The organisation's 统一社会信用代码 (organisations only).
    pub credit_code: Option<String>,
}

/// The applicant as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applicant {
    /// Internal id.
    pub id: i64,
    /// The registered data.
    pub details: NewApplicant,
}

/// An application to register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApplication {
    /// The agency that received it.
    pub agency_code: String,
    /// Who applied.
    pub applicant: NewApplicant,
    /// How it arrived (decides the receipt date, Art. 31).
    pub channel: ReceiptChannel,
    /// The receipt date under the channel's rule.
    pub received_on: NaiveDate,
    /// The description of the information requested (1–5,000 characters).
    pub description: String,
    /// How the applicant wants to receive it.
    pub delivery_form: DeliveryForm,
}

/// An application as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Application {
    /// Internal id.
    pub id: i64,
    /// The receiving agency.
    pub agency_code: String,
    /// The agency's number for it, `YYYY-NNNN` by receipt year.
    pub number: String,
    /// 查询码: the unguessable code the applicant uses to look the case up.
    pub query_code: String,
    /// The applicant.
    pub applicant: Applicant,
    /// How it arrived.
    pub channel: ReceiptChannel,
    /// The receipt date.
    pub received_on: NaiveDate,
    /// What was requested.
    pub description: String,
    /// How the applicant wants to receive it.
    pub delivery_form: DeliveryForm,
    /// The state as of the last recorded event.
    pub state: CaseState,
    /// The outcome counted in the annual report, once closed.
    pub outcome: Option<Outcome>,
    /// When it was closed; `None` while open (also after reopening).
    pub closed_on: Option<NaiveDate>,
    /// When it was registered.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// One recorded step of an application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationEvent {
    /// 1 for the receipt, then increasing.
    pub seq: i64,
    /// The event.
    pub event: ProcedureEvent,
    /// Who recorded it.
    pub actor: String,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// Which applications to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplicationFilter {
    /// Only this agency's.
    pub agency_code: Option<String>,
    /// Only applications in this state.
    pub state: Option<CaseState>,
    /// Only open applications whose answer is due on or before this day
    /// (computed by the deadline engine on the store's today).
    pub due_before: Option<NaiveDate>,
    /// Only those whose number, applicant or description contains this text.
    pub text: Option<String>,
    /// Page number, from 1.
    pub page: u32,
    /// Page size (default 50, at most 500).
    pub per_page: u32,
}

/// One page of applications, newest receipt first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationPage {
    /// The applications on this page.
    pub items: Vec<Application>,
    /// How many match in all.
    pub total: u64,
    /// This page's number.
    pub page: u32,
    /// The page size.
    pub per_page: u32,
}

/// An open application with an agency deadline coming up or passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueApplication {
    /// The application.
    pub application: Application,
    /// Its state today.
    pub state: CaseState,
    /// The answer deadline, with its reason.
    pub deadline: gongkai_domain::deadline::Deadline,
}

/// A historic application taken over from another system (or generated for a
/// benchmark): registered, and possibly already answered, in one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedApplication {
    /// The application as it was registered.
    pub application: NewApplication,
    /// When and how it was answered; `None` while still open.
    pub answered: Option<(NaiveDate, Outcome)>,
}
