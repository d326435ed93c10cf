//! The JSON shapes of the API (snake_case), each with its OpenAPI schema.
//!
//! The domain and storage types carry no OpenAPI annotations (the domain knows
//! nothing about HTTP), so the API mirrors them here. Enumerations serialise
//! exactly as the domain's own serde form (tests check every value), so a
//! client may store what it reads and send it back.

use chrono::{DateTime, NaiveDate, Utc};
use gongkai_domain::casework::ApplicantType as DomainApplicantType;
use gongkai_domain::deadline::{
    CaseState as DomainCaseState, CaseStatus, ConsultationKind as DomainConsultationKind,
    Deadline as DomainDeadline, DeadlineKind as DomainDeadlineKind, DeadlineStatus,
    Outcome as DomainOutcome, Pause as DomainPause, PauseKind as DomainPauseKind,
    ProcedureEvent as DomainEvent, ReceiptChannel as DomainReceiptChannel, Regime as DomainRegime,
    ServiceMethod as DomainServiceMethod,
};
use gongkai_domain::validate::Severity as DomainSeverity;
use gongkai_store::{
    Agency as StoreAgency, AgencyKind as StoreAgencyKind, Application as StoreApplication,
    ApplicationEvent as StoreEvent, DeliveryForm as StoreDeliveryForm,
    IdDocumentType as StoreIdDocumentType,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::json::de_date;

/// Defines an API enumeration mirroring a domain one, variant for variant,
/// with conversions both ways.
macro_rules! mirror_enum {
    ($(#[$meta:meta])* $name:ident <=> $domain:ident { $( $(#[$vmeta:meta])* $variant:ident ),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[doc = concat!("As `", stringify!($domain), "::", stringify!($variant), "` of the domain.")]
                $variant,
            )*
        }

        impl $name {
            /// Every value.
            pub const ALL: &'static [$name] = &[$( $name::$variant, )*];
        }

        impl From<$name> for $domain {
            fn from(value: $name) -> $domain {
                match value { $( $name::$variant => $domain::$variant, )* }
            }
        }

        impl From<$domain> for $name {
            fn from(value: $domain) -> $name {
                match value { $( $domain::$variant => $name::$variant, )* }
            }
        }
    };
}

mirror_enum! {
    /// The kind of agency: `government` (人民政府), `department` (政府部门), `town` (乡镇（街道）).
    AgencyKind <=> StoreAgencyKind { Government, Department, Town }
}

mirror_enum! {
    /// The six applicant types of table 三: 自然人, 商业企业, 科研机构, 社会公益组织,
    /// 法律服务机构, 其他. Every type but `natural_person` is an organisation and
    /// must give `organisation_name`.
    ApplicantType <=> DomainApplicantType {
        NaturalPerson, Commercial, Research, SocialWelfare, LegalServices, OtherOrg
    }
}

mirror_enum! {
    /// The identity document shown: `resident_id` (居民身份证, GB 11643 checksum
    /// checked), `passport`, `hk_macao_permit`, `taiwan_permit`,
    /// `foreign_permanent_resident`, `business_license` (统一社会信用代码, GB 32100
    /// checksum checked), `other`.
    IdDocumentType <=> StoreIdDocumentType {
        ResidentId, Passport, HkMacaoPermit, TaiwanPermit, ForeignPermanentResident,
        BusinessLicense, Other
    }
}

mirror_enum! {
    /// How the applicant wants the information (Art. 29): paper by post or
    /// pick-up, electronic by e-mail or online, or inspection on site.
    DeliveryForm <=> StoreDeliveryForm {
        PaperPost, PaperPickup, ElectronicEmail, ElectronicOnline, Inspection
    }
}

mirror_enum! {
    /// How the application arrived, which decides its receipt date (Art. 31).
    ReceiptChannel <=> DomainReceiptChannel {
        InPerson, PostSigned, OrdinaryLetterConfirmed, OnlineConfirmed, FaxConfirmed, Email
    }
}

mirror_enum! {
    /// Whom the agency consulted: a third party (Art. 32) or another agency (Art. 34).
    ConsultationKind <=> DomainConsultationKind { ThirdParty, OtherAgency }
}

mirror_enum! {
    /// Where an application stands (`deferred`: a reasonable later deadline
    /// was set under Art. 35).
    CaseState <=> DomainCaseState {
        Registered, AwaitingCorrection, CorrectionLapsed, InConsultation, AwaitingFeePayment,
        FeeLapsed, Extended, Deferred, Answered, Closed, Withdrawn
    }
}

mirror_enum! {
    /// How a notice is served (送达方式): `in_person` and `electronic` are
    /// served the day they are sent; `post` on the day signed for, entered
    /// later with a `notice_served` event.
    ServiceMethod <=> DomainServiceMethod { InPerson, Electronic, Post }
}

mirror_enum! {
    /// The Regulation a handling falls under: `regulation2008` for
    /// applications received before 2019-05-15 (15 working days), else
    /// `regulation2019`.
    Regime <=> DomainRegime { Regulation2008, Regulation2019 }
}

mirror_enum! {
    /// The outcome of an application: the row keys of table 三 of the annual
    /// report (2021 format), e.g. `granted` （一）予以公开, `denied_state_secret`
    /// （三）1.属于国家秘密, `other_other` （六）3.其他.
    Outcome <=> DomainOutcome {
        Granted, PartiallyGranted, DeniedStateSecret, DeniedProhibitedByLaw,
        DeniedSecurityStability, DeniedThirdParty, DeniedInternalAffairs, DeniedProcessInfo,
        DeniedEnforcementFile, DeniedAdministrativeQuery, UnavailableNotHeld,
        UnavailableNeedsCreation, UnavailableUnclear, RejectedPetition, RejectedDuplicate,
        RejectedPublication, RejectedMassRepeated, RejectedConfirmation,
        OtherOverdueCorrection, OtherUnpaidFee, OtherOther
    }
}

mirror_enum! {
    /// Which statutory period a deadline belongs to.
    DeadlineKind <=> DomainDeadlineKind {
        Answer, CorrectionNotice, CorrectionReply, ConsultationReply, FeePayment
    }
}

mirror_enum! {
    /// How serious a finding of the consistency check is.
    Severity <=> DomainSeverity { Notice, Warning, Error }
}

/// An agency (行政机关).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Agency {
    /// Stable code, used in URLs.
    pub code: String,
    /// Full name, e.g. 海盐县财政局.
    pub name: String,
    /// Government, department or town.
    pub kind: AgencyKind,
    /// The kind in Chinese.
    pub kind_label: String,
    /// The superior agency's code; `null` for a top-level government.
    pub parent_code: Option<String>,
    /// 办公地址.
    pub address: String,
    /// 联系电话.
    pub phone: String,
    /// 办公时间.
    pub office_hours: String,
}

impl From<StoreAgency> for Agency {
    fn from(a: StoreAgency) -> Agency {
        Agency {
            code: a.code,
            name: a.name,
            kind: a.kind.into(),
            kind_label: a.kind.label().to_owned(),
            parent_code: a.parent_code,
            address: a.address,
            phone: a.phone,
            office_hours: a.office_hours,
        }
    }
}

/// Every agency, superiors before subordinates in the stored order.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AgencyList {
    /// The agencies.
    pub items: Vec<Agency>,
}

/// The applicant of a new application.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewApplicant {
    /// One of the six applicant types.
    pub applicant_type: ApplicantType,
    /// The person's name (for organisations the contact or legal representative), 1–100 characters.
    #[schema(
        min_length = 1,
        max_length = 100,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub name: String,
    /// The identity document.
    pub id_document_type: IdDocumentType,
    /// Its number: 18 characters with a valid check character for
    /// `resident_id` and `business_license`, otherwise 1–64 characters.
    #[schema(
        min_length = 1,
        max_length = 64,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub id_document_number: String,
    /// A mobile number (`1[3-9]` + 9 digits, optional `+86`) or a landline
    /// with area code (`0573-86012345`, optional `-extension`).
    #[schema(example = "13812345678")]
    pub phone: String,
    /// Postal address, at most 500 characters.
    #[serde(default)]
    #[schema(max_length = 500, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")]
    pub address: String,
    /// E-mail address; may be empty.
    #[serde(default)]
    #[schema(max_length = 254)]
    pub email: String,
    /// The organisation's name: required (1–200 characters) for every type but `natural_person`.
    #[serde(default)]
    #[schema(max_length = 200, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")]
    pub organisation_name: Option<String>,
    /// The organisation's 统一社会信用代码 (18 characters, GB 32100 check character); optional.
    #[serde(default)]
    pub credit_code: Option<String>,
}

/// An application to register.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewApplication {
    /// The receiving agency's code.
    #[schema(
        min_length = 1,
        max_length = 64,
        pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$"
    )]
    pub agency_code: String,
    /// Who applied.
    pub applicant: NewApplicant,
    /// How the application arrived.
    pub channel: ReceiptChannel,
    /// The receipt date under the channel's rule (`YYYY-MM-DD`), not after
    /// today and not before 2008-05-01.
    #[serde(deserialize_with = "de_date")]
    pub received_on: NaiveDate,
    /// What information is requested, 1–5,000 characters.
    #[schema(
        min_length = 1,
        max_length = 5000,
        pattern = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
    )]
    pub description: String,
    /// How the applicant wants to receive it.
    pub delivery_form: DeliveryForm,
}

/// The applicant's personal data, shown only to callers with the API token.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Applicant {
    /// One of the six applicant types.
    pub applicant_type: ApplicantType,
    /// Name.
    pub name: String,
    /// The identity document.
    pub id_document_type: IdDocumentType,
    /// Its number.
    pub id_document_number: String,
    /// Phone number.
    pub phone: String,
    /// Postal address.
    pub address: String,
    /// E-mail (may be empty).
    pub email: String,
    /// The organisation's name (organisations only).
    pub organisation_name: Option<String>,
    /// The organisation's 统一社会信用代码.
    pub credit_code: Option<String>,
}

/// An application as stored. Without the API token the personal data
/// (`applicant`, `description`, `query_code`) are `null`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Application {
    /// Internal id, used in URLs.
    pub id: i64,
    /// The receiving agency's code.
    pub agency_code: String,
    /// The agency's number for it, `YYYY-NNNN` by receipt year.
    pub number: String,
    /// 查询码 the applicant uses to look the case up (token only).
    pub query_code: Option<String>,
    /// The applicant type (always shown: it is counted in the annual report).
    pub applicant_type: ApplicantType,
    /// The applicant (token only).
    pub applicant: Option<Applicant>,
    /// How it arrived.
    pub channel: ReceiptChannel,
    /// The receipt date.
    pub received_on: NaiveDate,
    /// What was requested (token only).
    pub description: Option<String>,
    /// How the applicant wants to receive it.
    pub delivery_form: DeliveryForm,
    /// The state as of the last recorded event.
    pub state: CaseState,
    /// The state in Chinese.
    pub state_label: String,
    /// The outcome counted in the annual report, once closed.
    pub outcome: Option<Outcome>,
    /// The outcome in Chinese, with its group.
    pub outcome_label: Option<String>,
    /// When it was closed.
    pub closed_on: Option<NaiveDate>,
    /// When it was registered.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

impl Application {
    /// The API form of a stored application; personal data only if `personal`.
    pub fn from_store(a: StoreApplication, personal: bool) -> Application {
        let d = a.applicant.details;
        let applicant_type = d.applicant_type.into();
        let applicant = personal.then(|| Applicant {
            applicant_type,
            name: d.name,
            id_document_type: d.id_document_type.into(),
            id_document_number: d.id_document_number,
            phone: d.phone,
            address: d.address,
            email: d.email,
            organisation_name: d.organisation_name,
            credit_code: d.credit_code,
        });
        Application {
            id: a.id,
            agency_code: a.agency_code,
            number: a.number,
            query_code: personal.then_some(a.query_code),
            applicant_type,
            applicant,
            channel: a.channel.into(),
            received_on: a.received_on,
            description: personal.then_some(a.description),
            delivery_form: a.delivery_form.into(),
            state: a.state.into(),
            state_label: a.state.label().to_owned(),
            outcome: a.outcome.map(Into::into),
            outcome_label: a.outcome.map(|o| o.full_label()),
            closed_on: a.closed_on,
            created_at: a.created_at,
            updated_at: a.updated_at,
        }
    }
}

/// One page of applications, newest receipt first.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ApplicationList {
    /// The applications on this page.
    pub items: Vec<Application>,
    /// How many match in all.
    pub total: u64,
    /// This page's number, from 1.
    pub page: u32,
    /// The page size.
    pub per_page: u32,
}

/// How a deadline stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineState {
    /// The period runs.
    Running,
    /// The clock is stopped (consultation, fee); `due` assumes it resumes today.
    Suspended,
    /// The act was done on `met_on`.
    Met,
    /// The period ran out without the act.
    Lapsed,
    /// The notice it runs from awaits its service date: the period has not
    /// begun; `due` is the earliest it could end.
    AwaitingService,
}

/// A run of holiday rest days inside a period.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct HolidaySpan {
    /// The holiday as the notice names it (“国庆节、中秋节”).
    pub name: String,
    /// Its first rest day in the period.
    pub first: NaiveDate,
    /// Its last rest day in the period.
    pub last: NaiveDate,
    /// Computed from the 放假办法: the year's notice is not yet published.
    pub provisional: bool,
}

/// One statutory deadline with its legal reason.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Deadline {
    /// Which period.
    pub kind: DeadlineKind,
    /// The period's name in Chinese.
    pub label: String,
    /// The last day of the period.
    pub due: NaiveDate,
    /// Why the date is what it is, citing the article and every pause or extension.
    pub reason: String,
    /// Running, suspended, met or lapsed.
    pub status: DeadlineState,
    /// When the act was done (`met` only).
    pub met_on: Option<NaiveDate>,
    /// Working days from today to `due` (negative once passed); `null` when met or lapsed.
    pub days_left: Option<i64>,
    /// Passed without the act, or the act was late.
    pub overdue: bool,
    /// The period reaches into a year whose holiday notice is not yet
    /// published (statutory holidays computed; re-check once published).
    pub provisional: bool,
    /// The holidays inside the period that moved its end.
    pub holidays: Vec<HolidaySpan>,
    /// The `seq` of the notice the period runs from (applicant's and
    /// consulted parties' periods).
    pub notice: Option<u32>,
}

impl From<&DomainDeadline> for Deadline {
    fn from(d: &DomainDeadline) -> Deadline {
        let (status, met_on) = match d.status {
            DeadlineStatus::Running => (DeadlineState::Running, None),
            DeadlineStatus::Suspended => (DeadlineState::Suspended, None),
            DeadlineStatus::Met { on } => (DeadlineState::Met, Some(on)),
            DeadlineStatus::Lapsed => (DeadlineState::Lapsed, None),
            DeadlineStatus::AwaitingService => (DeadlineState::AwaitingService, None),
        };
        Deadline {
            kind: d.kind.into(),
            label: d.kind.label().to_owned(),
            due: d.due,
            reason: d.reason.clone(),
            status,
            met_on,
            days_left: d.days_left,
            overdue: d.overdue,
            provisional: d.provisional,
            holidays: d
                .holidays
                .iter()
                .map(|h| HolidaySpan {
                    name: h.name.clone(),
                    first: h.first,
                    last: h.last,
                    provisional: h.provisional,
                })
                .collect(),
            notice: d.notice,
        }
    }
}

/// Why the answer clock stood still.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PauseReason {
    /// Waiting for the corrected application (the period restarts afterwards).
    Correction,
    /// A consultation (see `consultation_kind`).
    Consultation,
    /// Between fee notice and payment.
    FeePayment,
}

/// A stretch of time not counted in the answer period.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Pause {
    /// Why.
    pub kind: PauseReason,
    /// Whom the agency consulted (`consultation` only).
    pub consultation_kind: Option<ConsultationKind>,
    /// The pause's name in Chinese.
    pub label: String,
    /// The day the clock stopped.
    pub from: NaiveDate,
    /// The last day not counted.
    pub until: NaiveDate,
    /// Still running today.
    pub running: bool,
    /// Working days not counted.
    pub workdays: i64,
    /// The provision that leaves this time out.
    pub basis: String,
}

impl From<&DomainPause> for Pause {
    fn from(p: &DomainPause) -> Pause {
        let (kind, consultation_kind) = match p.kind {
            DomainPauseKind::Correction => (PauseReason::Correction, None),
            DomainPauseKind::Consultation(k) => (PauseReason::Consultation, Some(k.into())),
            DomainPauseKind::FeePayment => (PauseReason::FeePayment, None),
        };
        Pause {
            kind,
            consultation_kind,
            label: p.kind.label().to_owned(),
            from: p.from,
            until: p.until,
            running: p.running,
            workdays: p.workdays,
            basis: p.basis.clone(),
        }
    }
}

/// The approved extension (Art. 33).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Extension {
    /// Date of approval.
    pub granted_on: NaiveDate,
    /// Working days added.
    pub workdays: u32,
    /// Who approved it.
    pub approver: String,
}

/// A step recorded without effect on the deadlines.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct IneffectiveStep {
    /// Its `seq`.
    pub seq: u32,
    /// Its name.
    pub label: String,
    /// Its date.
    pub date: NaiveDate,
    /// Why it has no effect.
    pub reason: String,
}

/// A reasonable later answer deadline set under Art. 35.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReasonableDeadline {
    /// When it was set and notified.
    pub set_on: NaiveDate,
    /// The new answer deadline.
    pub due: NaiveDate,
    /// Why.
    pub reason: String,
}

/// The status of an application today, computed by the deadline engine.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Status {
    /// The Regulation the current handling falls under.
    pub regime: Regime,
    /// The state today.
    pub state: CaseState,
    /// The state in Chinese.
    pub state_label: String,
    /// The day the current answer period counts from.
    pub clock_start: NaiveDate,
    /// The answer deadline's working days left (negative once passed); `null` when met.
    pub days_left: Option<i64>,
    /// Whether any deadline of the agency is overdue.
    pub overdue: bool,
    /// Every deadline of the current handling, answer first, with reasons.
    pub deadlines: Vec<Deadline>,
    /// The pauses of the current handling.
    pub pauses: Vec<Pause>,
    /// The extension, if granted in time.
    pub extension: Option<Extension>,
    /// The Art. 35 deadline, if set in time.
    pub reasonable_deadline: Option<ReasonableDeadline>,
    /// Steps recorded without effect on the deadlines (e.g. taken after the
    /// period ran out), with the reason.
    pub ineffective_steps: Vec<IneffectiveStep>,
    /// The recorded outcome of an answered case.
    pub outcome: Option<Outcome>,
    /// The outcome the law implies after a lapsed correction or payment period.
    pub implied_outcome: Option<Outcome>,
    /// When the case was answered, closed or withdrawn.
    pub closed_on: Option<NaiveDate>,
    /// Years without a published holiday schedule that a deadline reaches into
    /// (dates there follow the weekday rule and must be re-checked).
    pub provisional_years: Vec<i32>,
}

impl From<&CaseStatus> for Status {
    fn from(s: &CaseStatus) -> Status {
        Status {
            regime: s.regime.into(),
            state: s.state.into(),
            state_label: s.state.label().to_owned(),
            clock_start: s.clock_start,
            days_left: s
                .deadline(DomainDeadlineKind::Answer)
                .and_then(|d| d.days_left),
            overdue: s.agency_overdue(),
            deadlines: s.deadlines.iter().map(Deadline::from).collect(),
            pauses: s.pauses.iter().map(Pause::from).collect(),
            extension: s.extension.as_ref().map(|e| Extension {
                granted_on: e.granted_on,
                workdays: e.workdays,
                approver: e.approver.clone(),
            }),
            reasonable_deadline: s.reasonable_deadline.as_ref().map(|r| ReasonableDeadline {
                set_on: r.set_on,
                due: r.due,
                reason: r.reason.clone(),
            }),
            ineffective_steps: s
                .ineffective_steps
                .iter()
                .map(|i| IneffectiveStep {
                    seq: i.seq,
                    label: i.label.clone(),
                    date: i.date,
                    reason: i.reason.clone(),
                })
                .collect(),
            outcome: s.outcome.map(Into::into),
            implied_outcome: s.implied_outcome.map(Into::into),
            closed_on: s.closed_on,
            provisional_years: s.provisional_years.clone(),
        }
    }
}

/// An application with its status today (`status` is `null` while its
/// receipt date lies after today).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ApplicationDetail {
    /// The application.
    pub application: Application,
    /// Its status, deadlines and pauses today.
    pub status: Option<Status>,
}

/// One step of the procedure, tagged by `event`. Dates are `YYYY-MM-DD`;
/// properties other than the variant's own are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ProcedureEvent {
    /// 收到申请 (recorded when the application is registered).
    Received {
        /// How it arrived.
        channel: ReceiptChannel,
        /// The receipt date.
        #[serde(deserialize_with = "de_date")]
        date: NaiveDate,
    },
    /// 告知补正 (Art. 30).
    CorrectionRequested {
        /// Date the notice was issued.
        #[serde(deserialize_with = "de_date")]
        date: NaiveDate,
        /// The applicant's correction period in working days from service (1–60).
        #[schema(minimum = 1, maximum = 60)]
        period_workdays: u32,
        /// How it is served (required when recording).
        #[serde(default)]
        service: Option<ServiceMethod>,
    },
    /// 收到补正: the answer period restarts.
    CorrectionReceived {
        /// Receipt date of the corrected application.
        #[serde(deserialize_with = "de_date")]
        date: NaiveDate,
    },
    /// 征求意见: the answer clock stops; several may run at once.
    ConsultationStarted {
        /// Date the letter was sent.
        #[serde(deserialize_with = "de_date")]
        date: NaiveDate,
        /// Whom the agency consulted.
        kind: ConsultationKind,
        /// How the letter is served (required when recording); the 15
        /// working days run from service.
        #[serde(default)]
        service: Option<ServiceMethod>,
    },
    /// 收到征求意见答复: the answer clock runs again once none is open.
    ConsultationReplied {
        /// Date the reply arrived.
        #[serde(deserialize_with = "de_date")]
        date: NaiveDate,
        /// The `seq` of the consultation answered; required while several are open.
        #[serde(default)]
        #[schema(minimum = 1)]
        consultation: Option<u32>,
    },
    /// 送达: a posted notice was signed for on `date`; the applicant's or
    /// consulted party's period runs from it.
    NoticeServed {
        /// The day the addressee received the notice.
        #[serde(deserialize_with = "de_date")]
        date: NaiveDate,
        /// The `seq` of the 补正告知, 征求意见 or 收费通知.
        #[schema(minimum = 1)]
        notice: u32,
    },
    /// 确定延迟答复期限 (Art. 35): a reasonable later answer deadline,
    /// set and notified within the answer period.
    ReasonableDeadlineSet {
        /// Date of the decision and notice.
        #[serde(deserialize_with = "de_date")]
        date: NaiveDate,
        /// The new answer deadline.
        #[serde(deserialize_with = "de_date")]
        due: NaiveDate,
        /// Why, 1–500 characters.
        #[schema(
            min_length = 1,
            max_length = 500,
            pattern = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
        )]
        reason: String,
    },
    /// 延期答复: the one extension of at most 20 working days (Art. 33).
    ExtensionGranted {
        /// Date of approval.
        #[serde(deserialize_with = "de_date")]
        date: NaiveDate,
        /// Working days added (1–20; 1–15 under the 2008 Regulation).
        #[schema(minimum = 1, maximum = 20)]
        workdays: u32,
        /// Who approved it, 1–100 characters.
        #[schema(
            min_length = 1,
            max_length = 100,
            pattern = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
        )]
        approver: String,
    },
    /// 发出收费通知: the answer clock stops until payment.
    FeeNoticeIssued {
        /// Date the notice was issued.
        #[serde(deserialize_with = "de_date")]
        date: NaiveDate,
        /// Amount in whole yuan (never 0: below the free threshold no fee is due).
        #[schema(minimum = 1, maximum = 100000000)]
        amount_yuan: u64,
        /// How it is served (required when recording); the 20 working days
        /// to pay run from the day after service.
        #[serde(default)]
        service: Option<ServiceMethod>,
    },
    /// 缴纳费用.
    FeePaid {
        /// Date of payment.
        #[serde(deserialize_with = "de_date")]
        date: NaiveDate,
    },
    /// 作出答复: closes the case.
    Answered {
        /// Date of the answer.
        #[serde(deserialize_with = "de_date")]
        date: NaiveDate,
        /// The decision, as counted in the annual report.
        outcome: Outcome,
    },
    /// 办结 without an answer.
    Closed {
        /// Date of closing.
        #[serde(deserialize_with = "de_date")]
        date: NaiveDate,
    },
    /// 撤回申请.
    Withdrawn {
        /// Date of withdrawal.
        #[serde(deserialize_with = "de_date")]
        date: NaiveDate,
    },
    /// 重新办理: a closed case is handled again.
    Reopened {
        /// Date handling resumed.
        #[serde(deserialize_with = "de_date")]
        date: NaiveDate,
        /// Why, 1–500 characters.
        #[schema(
            min_length = 1,
            max_length = 500,
            pattern = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
        )]
        reason: String,
    },
    /// 转送: an open application forwarded to the competent agency (recorded
    /// by the back office's transfer; read-only here).
    Transferred {
        /// Date forwarded, the receiving agency's receipt date.
        #[serde(deserialize_with = "de_date")]
        date: NaiveDate,
        /// The transferring agency's name.
        from_agency: String,
        /// The receiving agency's name.
        to_agency: String,
        /// Why it was forwarded.
        reason: String,
    },
}

impl From<ProcedureEvent> for DomainEvent {
    fn from(e: ProcedureEvent) -> DomainEvent {
        match e {
            ProcedureEvent::Received { channel, date } => DomainEvent::Received {
                channel: channel.into(),
                date,
            },
            ProcedureEvent::CorrectionRequested {
                date,
                period_workdays,
                service,
            } => DomainEvent::CorrectionRequested {
                date,
                period_workdays,
                service: service.map(Into::into),
            },
            ProcedureEvent::CorrectionReceived { date } => DomainEvent::CorrectionReceived { date },
            ProcedureEvent::ConsultationStarted {
                date,
                kind,
                service,
            } => DomainEvent::ConsultationStarted {
                date,
                kind: kind.into(),
                service: service.map(Into::into),
            },
            ProcedureEvent::ConsultationReplied { date, consultation } => {
                DomainEvent::ConsultationReplied { date, consultation }
            }
            ProcedureEvent::NoticeServed { date, notice } => {
                DomainEvent::NoticeServed { date, notice }
            }
            ProcedureEvent::ReasonableDeadlineSet { date, due, reason } => {
                DomainEvent::ReasonableDeadlineSet { date, due, reason }
            }
            ProcedureEvent::ExtensionGranted {
                date,
                workdays,
                approver,
            } => DomainEvent::ExtensionGranted {
                date,
                workdays,
                approver,
            },
            ProcedureEvent::FeeNoticeIssued {
                date,
                amount_yuan,
                service,
            } => DomainEvent::FeeNoticeIssued {
                date,
                amount_yuan,
                service: service.map(Into::into),
            },
            ProcedureEvent::FeePaid { date } => DomainEvent::FeePaid { date },
            ProcedureEvent::Answered { date, outcome } => DomainEvent::Answered {
                date,
                outcome: outcome.into(),
            },
            ProcedureEvent::Closed { date } => DomainEvent::Closed { date },
            ProcedureEvent::Withdrawn { date } => DomainEvent::Withdrawn { date },
            ProcedureEvent::Reopened { date, reason } => DomainEvent::Reopened { date, reason },
            ProcedureEvent::Transferred {
                date,
                from_agency,
                to_agency,
                reason,
            } => DomainEvent::Transferred {
                date,
                from_agency,
                to_agency,
                reason,
            },
        }
    }
}

impl From<DomainEvent> for ProcedureEvent {
    fn from(e: DomainEvent) -> ProcedureEvent {
        match e {
            DomainEvent::Received { channel, date } => ProcedureEvent::Received {
                channel: channel.into(),
                date,
            },
            DomainEvent::CorrectionRequested {
                date,
                period_workdays,
                service,
            } => ProcedureEvent::CorrectionRequested {
                date,
                period_workdays,
                service: service.map(Into::into),
            },
            DomainEvent::CorrectionReceived { date } => ProcedureEvent::CorrectionReceived { date },
            DomainEvent::ConsultationStarted {
                date,
                kind,
                service,
            } => ProcedureEvent::ConsultationStarted {
                date,
                kind: kind.into(),
                service: service.map(Into::into),
            },
            DomainEvent::ConsultationReplied { date, consultation } => {
                ProcedureEvent::ConsultationReplied { date, consultation }
            }
            DomainEvent::NoticeServed { date, notice } => {
                ProcedureEvent::NoticeServed { date, notice }
            }
            DomainEvent::ReasonableDeadlineSet { date, due, reason } => {
                ProcedureEvent::ReasonableDeadlineSet { date, due, reason }
            }
            DomainEvent::ExtensionGranted {
                date,
                workdays,
                approver,
            } => ProcedureEvent::ExtensionGranted {
                date,
                workdays,
                approver,
            },
            DomainEvent::FeeNoticeIssued {
                date,
                amount_yuan,
                service,
            } => ProcedureEvent::FeeNoticeIssued {
                date,
                amount_yuan,
                service: service.map(Into::into),
            },
            DomainEvent::FeePaid { date } => ProcedureEvent::FeePaid { date },
            DomainEvent::Answered { date, outcome } => ProcedureEvent::Answered {
                date,
                outcome: outcome.into(),
            },
            DomainEvent::Closed { date } => ProcedureEvent::Closed { date },
            DomainEvent::Withdrawn { date } => ProcedureEvent::Withdrawn { date },
            DomainEvent::Reopened { date, reason } => ProcedureEvent::Reopened { date, reason },
            DomainEvent::Transferred {
                date,
                from_agency,
                to_agency,
                reason,
            } => ProcedureEvent::Transferred {
                date,
                from_agency,
                to_agency,
                reason,
            },
        }
    }
}

/// One recorded step of an application.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EventRecord {
    /// 1 for the receipt, then increasing.
    pub seq: i64,
    /// The step's name in Chinese.
    pub label: String,
    /// Who recorded it.
    pub actor: String,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
    /// The event.
    pub event: ProcedureEvent,
}

impl From<StoreEvent> for EventRecord {
    fn from(e: StoreEvent) -> EventRecord {
        EventRecord {
            seq: e.seq,
            label: e.event.label().to_owned(),
            actor: e.actor,
            recorded_at: e.recorded_at,
            event: e.event.into(),
        }
    }
}

/// The recorded steps of an application, in order.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EventList {
    /// The events.
    pub items: Vec<EventRecord>,
}

/// An open application whose answer deadline is near or passed.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DueApplication {
    /// The application.
    pub application: Application,
    /// Its state today.
    pub state: CaseState,
    /// The answer deadline, with its reason.
    pub deadline: Deadline,
}

/// The office's warning list, most urgent first.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DueList {
    /// The day the deadlines were evaluated on.
    pub today: NaiveDate,
    /// The window in working days.
    pub within: u32,
    /// The applications.
    pub items: Vec<DueApplication>,
}

/// One finding of the consistency check (勾稽关系).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Finding {
    /// Stable rule code.
    pub code: String,
    /// Error, warning or notice.
    pub severity: Severity,
    /// The cells involved (canonical cell keys).
    pub cells: Vec<String>,
    /// The expected value, where the rule computes one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<f64>,
    /// The value found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<f64>,
    /// What is wrong, in Chinese.
    pub message: String,
}

/// The report format: `gb2019` (国办公开办函〔2019〕60号) or `gb2021` (〔2021〕30号).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    /// The 2019 layout.
    Gb2019,
    /// The 2021 layout.
    Gb2021,
}

/// An annual report in the canonical JSON form (`gongkai.annual-report/1`,
/// readable with `Report::from_json_value`), with the findings of the
/// consistency check. Tables 三 and 四 are computed from the cases; table 二
/// is 0. The table objects follow the canonical schema (row key → column key → value).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReportDocument {
    /// Always `gongkai.annual-report/1`.
    pub schema: String,
    /// The agency's name (with 「（含所属部门及乡镇）」 for an aggregate).
    pub agency: Option<String>,
    /// The report year.
    pub year: i32,
    /// The layout of the year.
    pub format: ReportFormat,
    /// Table 二 (主动公开政府信息情况).
    #[schema(value_type = Object)]
    pub proactive: serde_json::Value,
    /// Table 三 (收到和处理政府信息公开申请情况).
    #[schema(value_type = Object)]
    pub applications: serde_json::Value,
    /// Table 四 (行政复议、行政诉讼情况).
    #[schema(value_type = Object)]
    pub reviews: serde_json::Value,
    /// The findings of the consistency check; empty when the report is consistent.
    pub findings: Vec<Finding>,
}

/// The result of a working-day computation.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WorkdaysAfter {
    /// The day `days` working days after `from`, counting from the next day.
    #[schema(example = "2024-10-30")]
    pub date: NaiveDate,
    /// The start date given.
    pub from: NaiveDate,
    /// The number of working days given.
    pub days: u32,
    /// The count reaches a year whose holiday notice is not yet published:
    /// its statutory holidays are computed from the 放假办法 and its 调休
    /// are unknown, so the date must be re-checked once the notice is out.
    pub provisional: bool,
    /// Those years.
    pub provisional_years: Vec<i32>,
}

/// An error: a stable machine-readable code, the offending field or
/// parameter where there is one, and a message in Chinese.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// What went wrong.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ErrorDetail {
    /// `invalid_field`, `invalid_parameter`, `malformed_json`,
    /// `unsupported_media_type`, `payload_too_large`, `not_found`,
    /// `procedure_refused`, `calendar_not_covered`, `missing_token`,
    /// `invalid_token`, `writes_disabled`, `internal`.
    pub code: String,
    /// The JSON path of the offending body field (`applicant.phone`) or the
    /// name of the offending query or path parameter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What is wrong, in Chinese.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde::de::DeserializeOwned;

    /// Each API value serialises like the domain value it converts to.
    fn same_json<A, D>(all: &[A])
    where
        A: Copy + Serialize + Into<D> + std::fmt::Debug,
        D: Serialize + DeserializeOwned,
    {
        for value in all {
            let api = serde_json::to_value(value).unwrap();
            let domain: D = (*value).into();
            assert_eq!(api, serde_json::to_value(&domain).unwrap(), "{value:?}");
            let back: D = serde_json::from_value(api).unwrap();
            assert_eq!(
                serde_json::to_value(back).unwrap(),
                serde_json::to_value(&domain).unwrap()
            );
        }
    }

    /// For the store's keyed enums: the serde form is the stored key.
    #[test]
    fn enums_match_the_domain() {
        same_json::<_, DomainApplicantType>(ApplicantType::ALL);
        same_json::<_, DomainReceiptChannel>(ReceiptChannel::ALL);
        same_json::<_, DomainConsultationKind>(ConsultationKind::ALL);
        same_json::<_, DomainCaseState>(CaseState::ALL);
        same_json::<_, DomainOutcome>(Outcome::ALL);
        same_json::<_, DomainDeadlineKind>(DeadlineKind::ALL);
        same_json::<_, DomainSeverity>(Severity::ALL);
        assert_eq!(Outcome::ALL.len(), DomainOutcome::ALL.len());
        for v in IdDocumentType::ALL {
            let key = StoreIdDocumentType::from(*v).key();
            assert_eq!(serde_json::to_value(v).unwrap(), key);
        }
        for v in DeliveryForm::ALL {
            let key = StoreDeliveryForm::from(*v).key();
            assert_eq!(serde_json::to_value(v).unwrap(), key);
        }
        for v in AgencyKind::ALL {
            let key = StoreAgencyKind::from(*v).key();
            assert_eq!(serde_json::to_value(v).unwrap(), key);
        }
        assert_eq!(IdDocumentType::ALL.len(), StoreIdDocumentType::ALL.len());
        assert_eq!(DeliveryForm::ALL.len(), StoreDeliveryForm::ALL.len());
    }

    #[test]
    fn events_round_trip_with_the_domain() {
        let text = r#"{"event":"extension_granted","date":"2024-10-10","workdays":10,"approver":"王主任"}"#;
        let api: ProcedureEvent = serde_json::from_str(text).unwrap();
        let domain: DomainEvent = api.clone().into();
        assert_eq!(
            serde_json::to_value(&domain).unwrap(),
            serde_json::to_value(&api).unwrap()
        );
        assert_eq!(ProcedureEvent::from(domain), api);
        let unknown = r#"{"event":"teleported","date":"2024-10-10"}"#;
        assert!(serde_json::from_str::<ProcedureEvent>(unknown).is_err());
        let bad_date = r#"{"event":"closed","date":"2024-13-01"}"#;
        let err = serde_json::from_str::<ProcedureEvent>(bad_date).unwrap_err();
        assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
    }
}
