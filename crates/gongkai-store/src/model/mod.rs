//! The entities the store keeps, and the enumerations of the domain they use.

mod agency;
mod application;
mod attachment;
mod audit;
mod catalog;
mod category;
mod handling;
mod page;
mod publishing;
mod report;
mod report_draft;
mod review;
mod staff;

pub use agency::{Agency, AgencyKind, AgencyTree, NewAgency};
pub use application::{
    Applicant, Application, ApplicationEvent, ApplicationFilter, ApplicationPage, DeliveryForm,
    DueApplication, IdDocumentType, ImportedApplication, NewApplicant, NewApplication,
};
pub use attachment::{Attachment, MAX_ATTACHMENT_BYTES, NewAttachment};
pub use audit::{AuditEntry, NewAuditEntry};
pub use catalog::{
    CatalogItem, CatalogPage, CatalogQuery, DisclosureMode, ItemStatus, NewCatalogItem, Validity,
};
pub use category::{Category, CategoryCount};
pub use page::{DisclosurePage, PageKind};
pub use publishing::{
    DEFAULT_REVIEW_STEPS, ItemAttachment, ItemDraft, ItemKind, ItemWorkflow, MAX_REVIEW_STEPS,
    ManagedItem, ManagedItemFilter, ManagedItemPage, ManagedItemRow, PUBLISH_WITHIN_WORKDAYS,
    PublishDeadline, ReviewDecision, ReviewRecord, WorkflowStage, check_review_steps,
};
pub use report::{AnnualReport, ReportSummary};
pub use report_draft::{
    DraftContent, MAX_NARRATIVE_CHARS, NarrativePart, ReportDraft, derived_from_catalog,
    entered_cells,
};
pub use review::{NewReviewCase, ReviewCase};
pub use staff::{NewStaffUser, SearchWord, StaffRole, StaffUser};

pub(crate) use gongkai_domain::keyed_enum;

/// Reads an enum key from the database or reports it as corrupt.
pub(crate) fn decode_key<T>(
    what: &'static str,
    key: String,
    from_key: impl Fn(&str) -> Option<T>,
) -> Result<T, crate::StoreError> {
    from_key(&key).ok_or(crate::StoreError::Corrupt { what, value: key })
}
pub use handling::{NewTransfer, ReminderRecipient, ReviewCaseListing, TransferResult};
