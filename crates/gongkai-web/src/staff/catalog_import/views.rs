//! The pages of the catalog import.

use askama::Template;
use gongkai_store::Agency;

use crate::staff::views::{Choice, StaffChrome};

/// The agencies of the upload form, `selected` preselected.
pub(crate) fn agency_options(agencies: &[Agency], selected: &str) -> Vec<Choice> {
    agencies
        .iter()
        .map(|a| Choice {
            value: a.code.clone(),
            label: a.name.clone(),
            selected: a.code == selected,
        })
        .collect()
}

/// `GET /staff/items/import`: the upload form.
#[derive(Template)]
#[template(path = "staff/import.html")]
pub(crate) struct ImportPage {
    pub chrome: StaffChrome,
    pub csrf: String,
    pub agencies: Vec<Choice>,
    /// Administrators choose the agency; officers import for their own.
    pub choose_agency: bool,
    pub own_agency: String,
    pub max_mb: usize,
    pub error: Option<String>,
    pub done: Option<String>,
}

/// One row error as listed.
pub(crate) struct ErrorLine {
    pub row: usize,
    pub column: &'static str,
    pub problem: String,
}

/// A valid row shown as a sample.
pub(crate) struct SampleRow {
    pub row: usize,
    pub index_no: Option<String>,
    pub title: String,
    pub agency: String,
    pub category: &'static str,
    pub published: String,
}

/// `POST /staff/items/import`: what would be imported.
#[derive(Template)]
#[template(path = "staff/import_preview.html")]
pub(crate) struct PreviewPage {
    pub chrome: StaffChrome,
    pub csrf: String,
    pub file_name: String,
    pub agency_name: String,
    pub kind: &'static str,
    pub data_rows: usize,
    pub valid_rows: usize,
    pub invalid_rows: usize,
    pub error_count: usize,
    pub errors: Vec<ErrorLine>,
    pub ignored_headers: String,
    pub samples: Vec<SampleRow>,
    /// The preview's token; `None` when no row can be imported.
    pub token: Option<String>,
}
