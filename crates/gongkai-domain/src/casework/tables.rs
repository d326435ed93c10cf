//! Tables 三 and 四 computed from case records, and their sum over agencies.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{CaseRecord, ReviewCaseRecord, ReviewResult};
use crate::deadline::Outcome;
use crate::report::{ApplicantColumn, ApplicationRow, CellKey, Format, Report, ReviewColumn};

/// Why reports cannot be summed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AggregateError {
    /// Nothing to sum.
    #[error("没有可汇总的年度报告")]
    Empty,
    /// The reports are for different years or formats.
    #[error(
        "汇总的年度报告须为同一年度、同一格式：{expected_year}年（{expected_format}）与{found_year}年（{found_format}）不同"
    )]
    Mismatch {
        /// The first report's year.
        expected_year: i32,
        /// The first report's format.
        expected_format: Format,
        /// The differing report's year.
        found_year: i32,
        /// The differing report's format.
        found_format: Format,
    },
}

/// A report of `year` in `format` with every official cell printed as 0.
fn zeroed(year: i32, format: Format) -> Report {
    let mut report = Report::empty(None, year);
    report.format = format;
    for key in CellKey::of_format(format) {
        report.set(key, Some(Decimal::ZERO));
    }
    report
}

/// Adds `n` to a printed cell (a missing or blank cell counts as 0).
fn add(report: &mut Report, key: CellKey, n: Decimal) {
    let value = report.value(key).unwrap_or_default() + n;
    report.set(key, Some(value));
}

/// Adds `n` to a row of table 三 in the applicant's column and in 总计.
fn add_application(report: &mut Report, row: ApplicationRow, col: ApplicantColumn, n: Decimal) {
    add(report, CellKey::Application(row, col), n);
    add(report, CellKey::Application(row, ApplicantColumn::Total), n);
}

/// The row that counts `outcome` in `format`: the 2019 format prints a single
/// （六）其他处理 row for the three 2021 sub-rows.
fn outcome_row(outcome: Outcome, format: Format) -> ApplicationRow {
    let row = outcome.row();
    match (format, row) {
        (
            Format::Gb2019,
            ApplicationRow::OtherOverdueCorrection
            | ApplicationRow::OtherUnpaidFee
            | ApplicationRow::OtherOther,
        ) => ApplicationRow::Other,
        _ => row,
    }
}

/// Computes tables 三 and 四 of `year`'s report in `format` from every
/// application and review case of one agency (cases outside the year are
/// ignored as the rules require).
///
/// Table 三: 一 counts applications received in the year; 二 those received
/// earlier and not closed before the year began; the outcome rows those closed
/// in the year, by applicant type; 四 those still open at the year end. Every
/// application counted in 一 or 二 is in exactly one of the outcome rows or
/// 四, so the report satisfies R1–R3 by construction. Table 四 counts the
/// review cases filed in the year by result; a decision after the year end
/// counts as 尚未审结 (R4 by construction). Table 二 cannot be computed from
/// cases and is printed as 0 for the officer to fill in.
pub fn build_tables(
    year: i32,
    format: Format,
    cases: &[CaseRecord],
    reviews: &[ReviewCaseRecord],
) -> Report {
    build_tables_counted(
        year,
        format,
        cases.iter().map(|c| (*c, 1)),
        reviews.iter().map(|r| (*r, 1)),
    )
}

/// [`build_tables`] over records that each stand for `count` identical cases,
/// so that a database can group cases and hand over one record per group.
pub fn build_tables_counted(
    year: i32,
    format: Format,
    cases: impl IntoIterator<Item = (CaseRecord, u64)>,
    reviews: impl IntoIterator<Item = (ReviewCaseRecord, u64)>,
) -> Report {
    let mut report = zeroed(year, format);
    let (Some(start), Some(end)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return report;
    };
    for (case, count) in cases {
        count_case(&mut report, &case, Decimal::from(count), start, end);
    }
    for (review, count) in reviews {
        count_review(&mut report, &review, Decimal::from(count), start, end);
    }
    report
}

fn count_case(
    report: &mut Report,
    case: &CaseRecord,
    n: Decimal,
    start: NaiveDate,
    end: NaiveDate,
) {
    if case.received_on > end || n.is_zero() {
        return;
    }
    let closed_on = case.closed_on.map(|d| d.max(case.received_on));
    let col = case.applicant_type.column();
    if case.received_on < start {
        if closed_on.is_some_and(|d| d < start) {
            return;
        }
        add_application(report, ApplicationRow::CarriedOver, col, n);
    } else {
        add_application(report, ApplicationRow::NewReceived, col, n);
    }
    match closed_on {
        Some(date) if date <= end => {
            let outcome = case.outcome.unwrap_or(Outcome::OtherOther);
            add_application(report, outcome_row(outcome, report.format), col, n);
            add_application(report, ApplicationRow::TotalProcessed, col, n);
        }
        _ => add_application(report, ApplicationRow::CarriedForward, col, n),
    }
}

fn count_review(
    report: &mut Report,
    review: &ReviewCaseRecord,
    n: Decimal,
    start: NaiveDate,
    end: NaiveDate,
) {
    if review.filed_on < start || review.filed_on > end || n.is_zero() {
        return;
    }
    let decided_later = review.decided_on.is_some_and(|d| d > end);
    let result = if decided_later {
        ReviewResult::Pending
    } else {
        review.result
    };
    let group = review.kind.group();
    add(report, CellKey::Review(group, result.column()), n);
    add(report, CellKey::Review(group, ReviewColumn::Total), n);
}

/// Sums reports of the same year and format cell by cell (blank read as 0),
/// e.g. a government's own report with those of its departments and towns.
/// Every cell of the format is printed; the agency is left unnamed.
pub fn aggregate(reports: &[Report]) -> Result<Report, AggregateError> {
    let first = reports.first().ok_or(AggregateError::Empty)?;
    let mut total = zeroed(first.year, first.format);
    for report in reports {
        if report.year != first.year || report.format != first.format {
            return Err(AggregateError::Mismatch {
                expected_year: first.year,
                expected_format: first.format,
                found_year: report.year,
                found_format: report.format,
            });
        }
        for key in CellKey::of_format(first.format) {
            if let Some(value) = report.value(key) {
                add(&mut total, key, value);
            }
        }
    }
    Ok(total)
}
