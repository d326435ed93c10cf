//! The templates of the publishing pages (`templates/staff/items/`) and
//! their view models. Every value is escaped by askama.

use askama::Template;
use gongkai_store::WorkflowStage;

use crate::staff::views::{Choice, StaffChrome};

/// The CSS class of a stage's badge.
pub(crate) fn stage_class(stage: WorkflowStage) -> &'static str {
    match stage {
        WorkflowStage::Draft => "pub-draft",
        WorkflowStage::InReview => "pub-review",
        WorkflowStage::Approved => "pub-approved",
        WorkflowStage::Published => "pub-published",
        WorkflowStage::Withdrawn | WorkflowStage::Replaced => "pub-withdrawn",
    }
}

/// One row of the item list.
#[derive(Debug, Clone)]
pub(crate) struct ItemRow {
    pub href: String,
    pub index_no: String,
    pub title: String,
    pub kind: &'static str,
    pub agency: String,
    pub category: &'static str,
    pub stage: &'static str,
    pub stage_class: &'static str,
    pub written: String,
    pub due: String,
    pub published: String,
    pub late: bool,
}

/// `GET /staff/items`.
#[derive(Template)]
#[template(path = "staff/items/list.html")]
pub(crate) struct ListView {
    pub chrome: StaffChrome,
    pub rows: Vec<ItemRow>,
    pub total: u64,
    pub late: u64,
    pub late_href: String,
    pub stages: Vec<Choice>,
    pub categories: Vec<Choice>,
    pub agencies: Vec<Choice>,
    pub show_agency: bool,
    pub late_only: bool,
    pub may_create: bool,
    pub may_configure: bool,
    pub page: u32,
    pub pages: u32,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
}

/// The values of the item form (as typed, for redisplay after an error).
#[derive(Debug, Clone, Default)]
pub(crate) struct FormValues {
    pub agency: String,
    pub kind: String,
    pub title: String,
    pub doc_number: String,
    pub written_on: String,
    pub category: String,
    pub topic: String,
    pub validity: String,
    pub validity_changed_on: String,
    pub disclosure_mode: String,
    pub body: String,
}

/// `GET /staff/items/new` and `GET /staff/items/{id}/edit`.
#[derive(Template)]
#[template(path = "staff/items/form.html")]
pub(crate) struct FormView {
    pub chrome: StaffChrome,
    pub csrf: String,
    pub heading: String,
    pub action: String,
    pub cancel_href: String,
    pub index_no: Option<String>,
    pub error: Option<String>,
    pub error_field: String,
    pub values: FormValues,
    pub agencies: Vec<Choice>,
    pub show_agency: bool,
    pub kinds: Vec<Choice>,
    pub categories: Vec<Choice>,
    pub validities: Vec<Choice>,
    pub modes: Vec<Choice>,
}

/// A label and a value.
#[derive(Debug, Clone)]
pub(crate) struct Fact {
    pub label: &'static str,
    pub value: String,
}

/// One review step of the current round.
#[derive(Debug, Clone)]
pub(crate) struct StepRow {
    pub name: String,
    /// `done`, `current` or `pending`.
    pub state: &'static str,
    pub state_label: &'static str,
}

/// One recorded decision.
#[derive(Debug, Clone)]
pub(crate) struct ReviewRow {
    pub round: i64,
    pub step: String,
    pub decision: &'static str,
    pub approved: bool,
    pub comment: String,
    pub reviewer: String,
    pub at: String,
}

/// An attachment on the item page.
#[derive(Debug, Clone)]
pub(crate) struct FileRow {
    pub name: String,
    pub size: String,
    pub sha256: String,
    pub href: String,
    pub delete_href: Option<String>,
}

/// A linked item.
#[derive(Debug, Clone)]
pub(crate) struct LinkRow {
    pub id: i64,
    pub title: String,
    pub index_no: String,
    pub href: String,
    pub status: &'static str,
}

/// One entry of the item's history.
#[derive(Debug, Clone)]
pub(crate) struct HistoryRow {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub changes: Vec<String>,
}

/// What the user may do on the item page now.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ItemActions {
    pub edit: bool,
    pub submit: bool,
    pub review: bool,
    pub publish: bool,
    pub withdraw: bool,
    pub replace: bool,
    pub upload: bool,
    pub link: bool,
}

impl ItemActions {
    pub(crate) fn any(&self) -> bool {
        self.edit || self.submit || self.review || self.publish || self.withdraw || self.replace
    }
}

/// `GET /staff/items/{id}`.
#[derive(Template)]
#[template(path = "staff/items/item.html")]
pub(crate) struct ItemView {
    pub chrome: StaffChrome,
    pub csrf: String,
    pub id: i64,
    pub title: String,
    pub index_no: String,
    pub agency: String,
    pub kind: &'static str,
    pub stage: &'static str,
    pub stage_class: &'static str,
    pub facts: Vec<Fact>,
    pub body_excerpt: String,
    pub due: Option<String>,
    pub late: bool,
    pub due_note: String,
    pub steps: Vec<StepRow>,
    pub current_step: Option<String>,
    pub reviews: Vec<ReviewRow>,
    pub last_rejection: Option<String>,
    pub withdrawn: Option<String>,
    pub replaces: Option<LinkRow>,
    pub replaced_by: Option<LinkRow>,
    pub files: Vec<FileRow>,
    pub links: Vec<LinkRow>,
    pub links_heading: &'static str,
    pub history: Vec<HistoryRow>,
    pub actions: ItemActions,
    pub read_only_reason: Option<String>,
    pub public_href: Option<String>,
    pub flash: Option<String>,
    pub error: Option<String>,
    pub max_mb: usize,
}

/// `GET /staff/items/steps`.
#[derive(Template)]
#[template(path = "staff/items/steps.html")]
pub(crate) struct StepsView {
    pub chrome: StaffChrome,
    pub csrf: String,
    pub agencies: Vec<Choice>,
    pub agency: String,
    pub agency_name: String,
    pub steps_text: String,
    pub error: Option<String>,
    pub flash: Option<String>,
    pub max_steps: usize,
}
