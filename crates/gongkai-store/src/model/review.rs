//! 行政复议 and 行政诉讼 cases about an application.

use chrono::NaiveDate;
use gongkai_domain::casework::{ReviewKind, ReviewResult};

/// A review case to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReviewCase {
    /// The application the case concerns.
    pub application_id: i64,
    /// Reconsideration or litigation.
    pub kind: ReviewKind,
    /// The case number of the reviewing body or court, may be empty.
    pub case_number: String,
    /// When it was filed.
    pub filed_on: NaiveDate,
    /// When it was decided; `None` while pending.
    pub decided_on: Option<NaiveDate>,
    /// The result (pending until decided).
    pub result: ReviewResult,
}

/// A review case as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewCase {
    /// Internal id.
    pub id: i64,
    /// The agency whose answer is reviewed (the application's agency).
    pub agency_code: String,
    /// The recorded data.
    pub details: NewReviewCase,
}
