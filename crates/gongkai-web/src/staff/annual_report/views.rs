//! View models and templates of the report editor and the overview
//! (`templates/staff/report*.html`). Every value is escaped by askama except
//! the report tables, which gongkai-render escapes.

use askama::Template;
use gongkai_domain::Format;
use gongkai_domain::validate::{Finding, Summary};
use serde::Serialize;

use super::super::views::{Choice, StaffChrome};
use super::compare::CompareRow;
use super::form::FieldError;

/// A finding as the panel shows it: rule, cells and message.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FindingView {
    /// `error`, `warning`, `notice` (CSS class suffix).
    pub severity: &'static str,
    /// 错误, 警告, 提示.
    pub severity_label: &'static str,
    /// The stable rule code, e.g. `R9-blank-cell`.
    pub code: &'static str,
    /// The rule's title.
    pub rule: &'static str,
    /// What is wrong.
    pub message: String,
    /// The cells involved, as printed (“行政许可·本年处理决定数量”).
    pub cells: Vec<String>,
    /// The form fields of those cells that the editor has (to mark them).
    pub fields: Vec<String>,
}

impl FindingView {
    /// The view of `finding` on a report in `format`.
    pub(crate) fn of(finding: &Finding, format: Format) -> FindingView {
        let severity = match finding.severity {
            gongkai_domain::validate::Severity::Error => "error",
            gongkai_domain::validate::Severity::Warning => "warning",
            gongkai_domain::validate::Severity::Notice => "notice",
        };
        FindingView {
            severity,
            severity_label: finding.severity.label(),
            code: finding.code.code(),
            rule: finding.code.title(),
            message: finding.message.clone(),
            cells: finding.cells.iter().map(|k| k.label(format)).collect(),
            fields: finding
                .cells
                .iter()
                .map(|k| super::form::cell_field(*k))
                .collect(),
        }
    }
}

/// The findings panel (also rendered alone for the live check).
#[derive(Template, Debug, Clone)]
#[template(path = "staff/report_findings.html")]
pub(crate) struct FindingsPanel {
    pub input_errors: Vec<FieldError>,
    pub findings: Vec<FindingView>,
    pub summary: Summary,
}

/// A textarea of a narrative part.
#[derive(Debug, Clone)]
pub(crate) struct NarrativeInput {
    pub name: String,
    pub id: String,
    pub label: &'static str,
    pub hint: &'static str,
    pub value: String,
}

/// A cell of table 二 in the editor.
#[derive(Debug, Clone)]
pub(crate) struct CellInput {
    pub name: String,
    pub id: String,
    /// Row·column as printed, for the input's label.
    pub label: String,
    pub value: String,
    /// Counted from the catalog: shown, not editable.
    pub derived: bool,
    pub error: Option<String>,
    /// A money field (decimals allowed).
    pub money: bool,
}

/// A row of table 二 in the editor.
#[derive(Debug, Clone)]
pub(crate) struct ProactiveRowView {
    pub label: &'static str,
    pub cells: Vec<CellInput>,
}

/// A block of table 二 (one item of Art. 20).
#[derive(Debug, Clone)]
pub(crate) struct ProactiveBlockView {
    pub caption: &'static str,
    pub headers: Vec<&'static str>,
    pub rows: Vec<ProactiveRowView>,
}

/// A download link.
#[derive(Debug, Clone)]
pub(crate) struct Link {
    pub label: &'static str,
    pub href: String,
}

/// A save or publication of the report.
#[derive(Debug, Clone)]
pub(crate) struct HistoryRow {
    pub at: String,
    pub actor: String,
    pub what: String,
}

/// `GET /staff/reports/{year}`.
#[derive(Template)]
#[template(path = "staff/report_editor.html")]
pub(crate) struct EditorView {
    pub chrome: StaffChrome,
    pub csrf: String,
    pub agency_name: String,
    pub year: i32,
    pub format_label: &'static str,
    pub status_label: &'static str,
    pub status_class: &'static str,
    pub status_detail: String,
    pub deadline_text: String,
    pub deadline_passed: bool,
    pub may_edit: bool,
    pub flash: Option<String>,
    pub problem: Option<String>,
    pub revision: i64,
    pub save_url: String,
    pub check_url: String,
    pub publish_url: String,
    pub list_url: String,
    pub preview_url: String,
    pub exports: Vec<Link>,
    pub overview: Vec<NarrativeInput>,
    pub closing: Vec<NarrativeInput>,
    pub blocks: Vec<ProactiveBlockView>,
    pub catalog_note: &'static str,
    pub computed_tables: String,
    pub stored_note: Option<String>,
    pub panel: FindingsPanel,
    pub previous_year: i32,
    pub comparison: Vec<CompareRow>,
    pub big_changes: usize,
    pub can_publish: bool,
    pub has_draft: bool,
    pub publish_warnings: usize,
    pub history: Vec<HistoryRow>,
    /// The saved draft is what the portal shows.
    pub already_published: bool,
    /// An earlier version is on the portal (the button says 重新发布).
    pub published_before: bool,
}

/// A year in the list.
#[derive(Debug, Clone)]
pub(crate) struct YearRow {
    pub year: i32,
    pub href: String,
    pub status_label: &'static str,
    pub status_class: &'static str,
    pub detail: String,
    pub errors: usize,
    pub warnings: usize,
    pub deadline: String,
    pub overdue: bool,
}

/// `GET /staff/reports`.
#[derive(Template)]
#[template(path = "staff/reports.html")]
pub(crate) struct ListView {
    pub chrome: StaffChrome,
    pub agency_name: String,
    pub agency_choices: Vec<Choice>,
    pub read_only: bool,
    pub rows: Vec<YearRow>,
}

/// An agency in the overview.
#[derive(Debug, Clone)]
pub(crate) struct OverviewRow {
    pub agency: String,
    pub kind: &'static str,
    pub href: String,
    pub status_label: &'static str,
    pub status_class: &'static str,
    pub detail: String,
    pub late: bool,
    pub overdue: bool,
    pub errors: usize,
    pub warnings: usize,
}

/// `GET /staff/reports/overview`.
#[derive(Template)]
#[template(path = "staff/report_overview.html")]
pub(crate) struct OverviewView {
    pub chrome: StaffChrome,
    pub government: String,
    pub year: i32,
    pub year_choices: Vec<Choice>,
    pub government_choices: Vec<Choice>,
    pub deadline_note: String,
    pub missing: Vec<String>,
    pub with_errors: Vec<String>,
    pub rows: Vec<OverviewRow>,
    pub published_count: usize,
    pub draft_count: usize,
    pub missing_count: usize,
    pub aggregate_html: String,
    pub aggregate_problem: Option<String>,
    pub exports: Vec<Link>,
}
