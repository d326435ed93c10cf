//! Casework: the records of applications and review cases that the annual
//! report's tables 三 and 四 are computed from.
//!
//! The storage layer keeps every application with its events; for the report
//! it only needs, per case, the receipt date, the applicant type, and when and
//! how the case was closed ([`CaseRecord`]), and per 行政复议/行政诉讼 case its
//! kind, dates and result ([`ReviewCaseRecord`]). [`build_tables`] turns these
//! into a [`Report`](crate::Report) whose tables pass every consistency rule
//! of [`validate`](crate::validate) by construction; [`aggregate`] sums the
//! reports of a government and its subordinate agencies.

mod applicant;
mod record;
pub mod stats;
mod tables;
#[cfg(test)]
mod tests;

pub use applicant::ApplicantType;
pub use record::{CaseRecord, ReviewCaseRecord, ReviewKind, ReviewResult};
pub use tables::{AggregateError, aggregate, build_tables, build_tables_counted};
