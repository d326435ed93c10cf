//! Annual reports (政府信息公开工作年度报告) as stored.

use chrono::{DateTime, Utc};
use gongkai_domain::Report;

/// An agency's annual report for one year.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnualReport {
    /// The agency's code.
    pub agency_code: String,
    /// The reporting year.
    pub year: i32,
    /// The report, read from its canonical JSON.
    pub report: Report,
    /// When it was published; `None` while unpublished.
    pub published_at: Option<DateTime<Utc>>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}

/// A report in a list: its year and publication time, without the tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSummary {
    /// The reporting year.
    pub year: i32,
    /// When it was published; `None` while unpublished.
    pub published_at: Option<DateTime<Utc>>,
}
