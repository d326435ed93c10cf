//! Consistency rules (勾稽关系, domain.md §5) checked on one report, or on a report
//! and the same agency's report of the previous year.
//!
//! Every finding carries a stable code, a severity, the cells involved, the
//! expected and actual values, and a Chinese message an officer acts on.

mod arithmetic;
mod cross_year;
mod finding;
mod layout;
mod narrative;

pub use finding::{Finding, FindingCode, Severity, Summary};

use crate::report::Report;

/// Checks every single-report rule: R1–R4, R8 (non-negative items), R9, R10, R11 and the layout rules.
pub fn validate(report: &Report) -> Vec<Finding> {
    let mut findings = Vec::new();
    layout::check(report, &mut findings);
    arithmetic::check(report, &mut findings);
    cross_year::items_not_negative(report, &mut findings);
    narrative::check(report, &mut findings);
    findings
}

/// Checks the single-report rules and, against `previous` (the same agency's
/// report for the year before), the cross-year rules R6–R8.
pub fn validate_with_previous(report: &Report, previous: &Report) -> Vec<Finding> {
    let mut findings = validate(report);
    cross_year::check(report, previous, &mut findings);
    findings
}
