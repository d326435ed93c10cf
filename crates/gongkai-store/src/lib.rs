//! Storage of gongkai. Knows nothing about HTTP.
//!
//! One [`Store`] over `sqlx`'s `Any` driver serves both databases: SQLite, the
//! embedded default (a single file in WAL mode, created and migrated on first
//! start, `sqlite://path?mode=rwc`), and PostgreSQL, selected by a
//! `postgres://…` URL. Both run the same migrations (portable SQL, see
//! [`migrate`]) and the same queries, with `$n` placeholders that both accept.
//!
//! Every write runs in one transaction together with its audit-log entry.

mod calendar_files;
pub mod demo;
mod error;
pub mod fields;
pub mod index_rule;
pub mod migrate;
pub mod model;
pub mod query_code;
mod repo;
mod store;
mod time;

pub use calendar_files::calendar_with_files;
pub use error::StoreError;
pub use index_rule::IndexRule;
pub use model::{
    Agency, AgencyKind, AgencyTree, AnnualReport, Applicant, Application, ApplicationEvent,
    ApplicationFilter, ApplicationPage, Attachment, AuditEntry, CatalogItem, CatalogPage,
    CatalogQuery, Category, CategoryCount, DeliveryForm, DisclosureMode, DisclosurePage,
    DueApplication, IdDocumentType, ImportedApplication, ItemStatus, MAX_ATTACHMENT_BYTES,
    NewAgency, NewApplicant, NewApplication, NewAttachment, NewAuditEntry, NewCatalogItem,
    NewReviewCase, NewStaffUser, PageKind, ReportSummary, ReviewCase, StaffRole, StaffUser,
    Validity,
};
pub use model::{
    DEFAULT_REVIEW_STEPS, ItemAttachment, ItemDraft, ItemKind, ItemWorkflow, MAX_REVIEW_STEPS,
    ManagedItem, ManagedItemFilter, ManagedItemPage, ManagedItemRow, PUBLISH_WITHIN_WORKDAYS,
    PublishDeadline, ReviewDecision, ReviewRecord, WorkflowStage, check_review_steps,
};
pub use model::{
    DraftContent, MAX_NARRATIVE_CHARS, NarrativePart, ReportDraft, derived_from_catalog,
    entered_cells,
};
pub use model::{NewTransfer, ReminderRecipient, ReviewCaseListing, SearchWord, TransferResult};
pub use repo::MAX_SEARCH_WORD_CHARS;
pub use repo::PublicItem;
pub use repo::Publication;
pub use repo::PublishOutcome;
pub use repo::{
    ImportOutcome, LoginResult, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, NewSession, SessionPolicy,
    StaffSession, ThrottlePolicy, check_password_policy, hash_password, password_matches,
    random_token, sha256_hex,
};
pub use store::{Dialect, Store};

/// The result type of every storage operation.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
