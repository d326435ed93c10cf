//! The report of an agency and year as the editor shows it: tables 三 and 四
//! recomputed from the cases, table 二 from the catalog and the entered
//! figures, the narratives; the previous year's published report; findings.

use gongkai_domain::Report;
use gongkai_domain::validate::{Finding, Summary, validate, validate_with_previous};
use gongkai_store::{AnnualReport, DraftContent, ReportDraft, Store, StoreError, entered_cells};

/// Everything the editor needs about one report.
#[derive(Debug, Clone)]
pub(crate) struct Composition {
    /// The report as it would be published.
    pub report: Report,
    /// The saved draft, if any.
    pub draft: Option<ReportDraft>,
    /// The content shown in the form (the draft's, or a blank one).
    pub content: DraftContent,
    /// The stored report of the year (published or imported), if any.
    pub stored: Option<AnnualReport>,
    /// The previous year's published report, if any.
    pub previous: Option<Report>,
    /// The findings on `report`.
    pub findings: Vec<Finding>,
}

impl Composition {
    /// Counts of the findings.
    pub(crate) fn summary(&self) -> Summary {
        Summary::of(&self.findings)
    }
}

/// The content of a year nobody has saved yet: every entered cell blank,
/// so that the blank-cell rule tells the officer what is still to fill in.
pub(crate) fn blank_content(year: i32) -> DraftContent {
    let mut content = DraftContent::default();
    for key in entered_cells(gongkai_domain::Format::for_year(year)) {
        content.figures.insert(key, None);
    }
    content
}

/// The findings on `report`, with the cross-year rules when `previous` exists.
pub(crate) fn findings_of(report: &Report, previous: Option<&Report>) -> Vec<Finding> {
    match previous {
        Some(previous) => validate_with_previous(report, previous),
        None => validate(report),
    }
}

/// Loads and composes `agency_code`'s report for `year`; `content` replaces
/// the saved draft's (the live check and a rejected save).
pub(crate) async fn compose(
    store: &Store,
    agency_code: &str,
    year: i32,
    content: Option<DraftContent>,
) -> Result<Composition, StoreError> {
    let computed = store.build_report(agency_code, year).await?;
    let catalog = store.catalog_report_cells(agency_code, year).await?;
    let draft = store.report_draft(agency_code, year).await?;
    let stored = store.report(agency_code, year).await?;
    let previous = store
        .report(agency_code, year - 1)
        .await?
        .filter(|r| r.published_at.is_some())
        .map(|r| r.report);
    let content = content
        .or_else(|| draft.as_ref().map(|d| d.content.clone()))
        .unwrap_or_else(|| blank_content(year));
    let report = content.compose(&computed, &catalog);
    let findings = findings_of(&report, previous.as_ref());
    Ok(Composition {
        report,
        draft,
        content,
        stored,
        previous,
        findings,
    })
}
