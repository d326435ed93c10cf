//! The small per-report row kept in memory, totals over all rows, and the
//! data behind the page's charts.

use std::collections::BTreeMap;
use std::path::Path;

use gongkai_domain::Report;
use gongkai_domain::report::{
    ApplicantColumn, ApplicationRow, CellKey, OutcomeGroup, ReviewColumn, ReviewGroup,
};
use gongkai_domain::validate::Summary;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Value, json};

use crate::{AuditSummary, FailedFile};

/// How far a file could be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ParseStatus {
    /// Read as a report with all three tables.
    Ok,
    /// Read as a report, but at least one of the three tables was not found.
    Partial,
    /// Not read: an import error or a panic.
    Failed,
}

impl ParseStatus {
    /// The stable code: `ok`, `partial`, `failed`.
    pub fn code(self) -> &'static str {
        match self {
            ParseStatus::Ok => "ok",
            ParseStatus::Partial => "partial",
            ParseStatus::Failed => "failed",
        }
    }

    /// The Chinese label shown in the summary files and the page.
    pub fn label(self) -> &'static str {
        match self {
            ParseStatus::Ok => "正常",
            ParseStatus::Partial => "部分解析",
            ParseStatus::Failed => "解析失败",
        }
    }
}

/// The key totals of a report shown in the summary (`None`: blank or not printed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct KeyTotals {
    pub new_received: Option<Decimal>,
    pub carried_over: Option<Decimal>,
    pub total_processed: Option<Decimal>,
    pub carried_forward: Option<Decimal>,
    pub granted: Option<Decimal>,
    pub reconsideration: Option<Decimal>,
    pub litigation_direct: Option<Decimal>,
    pub litigation_after_reconsideration: Option<Decimal>,
}

impl KeyTotals {
    /// The column headers, in the order of [`KeyTotals::values`].
    pub const HEADERS: [&'static str; 8] = [
        "本年新收申请总计",
        "上年结转申请总计",
        "办理结果总计",
        "结转下年度总计",
        "予以公开总计",
        "行政复议总计",
        "行政诉讼（未经复议直接起诉）总计",
        "行政诉讼（复议后起诉）总计",
    ];

    fn of(report: &Report) -> KeyTotals {
        let app = |row| report.value(CellKey::Application(row, ApplicantColumn::Total));
        let review = |group| report.value(CellKey::Review(group, ReviewColumn::Total));
        KeyTotals {
            new_received: app(ApplicationRow::NewReceived),
            carried_over: app(ApplicationRow::CarriedOver),
            total_processed: app(ApplicationRow::TotalProcessed),
            carried_forward: app(ApplicationRow::CarriedForward),
            granted: app(ApplicationRow::Granted),
            reconsideration: review(ReviewGroup::Reconsideration),
            litigation_direct: review(ReviewGroup::LitigationDirect),
            litigation_after_reconsideration: review(ReviewGroup::LitigationAfterReconsideration),
        }
    }

    /// The totals in the order of [`KeyTotals::HEADERS`].
    pub fn values(&self) -> [Option<Decimal>; 8] {
        [
            self.new_received,
            self.carried_over,
            self.total_processed,
            self.carried_forward,
            self.granted,
            self.reconsideration,
            self.litigation_direct,
            self.litigation_after_reconsideration,
        ]
    }
}

/// The outcome groups of the pie chart, in the order of [`ReportRow::outcomes`].
pub(crate) const OUTCOME_GROUPS: [(OutcomeGroup, &str); 6] = [
    (OutcomeGroup::Granted, "予以公开"),
    (OutcomeGroup::PartiallyGranted, "部分公开"),
    (OutcomeGroup::Denied, "不予公开"),
    (OutcomeGroup::Unavailable, "无法提供"),
    (OutcomeGroup::NotProcessed, "不予处理"),
    (OutcomeGroup::Other, "其他处理"),
];

/// What is kept of one input file until the end of the audit: a few hundred bytes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReportRow {
    /// Path relative to the input folder.
    pub file: String,
    /// The JSON written for it, when the file was read.
    pub json_name: Option<String>,
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub format: Option<&'static str>,
    pub status: ParseStatus,
    /// The error for a failed file, the missing tables for a partial one.
    pub message: String,
    /// Number of importer notes (repairs and gaps).
    pub notes: usize,
    pub counts: Summary,
    pub totals: KeyTotals,
    /// Total column of each outcome group, blanks as 0.
    pub outcomes: [Decimal; 6],
}

impl ReportRow {
    /// A row for a file that could not be read.
    pub fn failed(file: &str, message: String) -> ReportRow {
        ReportRow {
            file: file.to_owned(),
            json_name: None,
            agency: None,
            year: None,
            format: None,
            status: ParseStatus::Failed,
            message,
            notes: 0,
            counts: Summary::default(),
            totals: KeyTotals::default(),
            outcomes: [Decimal::ZERO; 6],
        }
    }

    /// A row for a report that was read and checked.
    pub fn parsed(
        file: &str,
        json_name: &str,
        report: &Report,
        counts: Summary,
        notes: usize,
    ) -> ReportRow {
        let missing = missing_tables(report);
        let (status, message) = if missing.is_empty() {
            (ParseStatus::Ok, String::new())
        } else {
            (
                ParseStatus::Partial,
                format!("未找到表格：{}", missing.join("、")),
            )
        };
        let mut outcomes = [Decimal::ZERO; 6];
        for (slot, (group, _)) in outcomes.iter_mut().zip(OUTCOME_GROUPS) {
            *slot = ApplicationRow::ALL
                .iter()
                .filter(|row| row.group() == Some(group))
                .map(|&row| report.application_count(row, ApplicantColumn::Total))
                .sum();
        }
        ReportRow {
            file: file.to_owned(),
            json_name: Some(json_name.to_owned()),
            agency: report.agency.clone(),
            year: Some(report.year),
            format: Some(report.format.key()),
            status,
            message,
            notes,
            counts,
            totals: KeyTotals::of(report),
            outcomes,
        }
    }
}

/// The tables (二、三、四) of which the report prints no cell.
fn missing_tables(report: &Report) -> Vec<&'static str> {
    let (mut proactive, mut applications, mut reviews) = (false, false, false);
    for (key, _) in report.cells() {
        match key {
            CellKey::Proactive(..) => proactive = true,
            CellKey::Application(..) => applications = true,
            CellKey::Review(..) => reviews = true,
        }
    }
    [
        (proactive, "二、主动公开政府信息情况"),
        (applications, "三、收到和处理政府信息公开申请情况"),
        (reviews, "四、行政复议、行政诉讼情况"),
    ]
    .into_iter()
    .filter(|(found, _)| !found)
    .map(|(_, name)| name)
    .collect()
}

/// Counts the rows into the audit's summary.
pub(crate) fn tally(rows: &[ReportRow], skipped: usize, output: &Path) -> AuditSummary {
    let mut summary = AuditSummary {
        files: rows.len(),
        skipped,
        output: output.to_path_buf(),
        ..AuditSummary::default()
    };
    for row in rows {
        match row.status {
            ParseStatus::Ok => summary.ok += 1,
            ParseStatus::Partial => summary.partial += 1,
            ParseStatus::Failed => {
                summary.failed += 1;
                summary.failures.push(FailedFile {
                    file: row.file.clone(),
                    message: row.message.clone(),
                });
            }
        }
        if row.counts.errors > 0 {
            summary.reports_with_errors += 1;
        }
        summary.errors += row.counts.errors;
        summary.warnings += row.counts.warnings;
        summary.notices += row.counts.notices;
    }
    summary
}

/// The series of the three charts on the page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ChartData {
    /// Agencies, most applications first.
    pub agencies: Vec<String>,
    /// One series per year: (year label, applications per agency in `agencies` order).
    pub per_year: Vec<(String, Vec<f64>)>,
    /// (label, sum over all reports) per outcome group.
    pub outcomes: Vec<(&'static str, f64)>,
    /// Reports with errors, clean reports, failed files.
    pub status: [(&'static str, usize); 3],
}

/// Label for reports that do not name their agency.
pub(crate) const UNNAMED_AGENCY: &str = "（未识别机关）";

impl ChartData {
    /// Aggregates the rows.
    pub fn of(rows: &[ReportRow]) -> ChartData {
        let mut by_agency: BTreeMap<&str, BTreeMap<i32, Decimal>> = BTreeMap::new();
        let mut outcome_sums = [Decimal::ZERO; 6];
        let (mut with_errors, mut clean, mut failed) = (0, 0, 0);
        for row in rows {
            match row.status {
                ParseStatus::Failed => failed += 1,
                _ if row.counts.errors > 0 => with_errors += 1,
                _ => clean += 1,
            }
            for (sum, value) in outcome_sums.iter_mut().zip(row.outcomes) {
                *sum += value;
            }
            if let (Some(year), Some(received)) = (row.year, row.totals.new_received) {
                let agency = row.agency.as_deref().unwrap_or(UNNAMED_AGENCY);
                *by_agency
                    .entry(agency)
                    .or_default()
                    .entry(year)
                    .or_default() += received;
            }
        }
        let mut agencies: Vec<(&str, Decimal)> = by_agency
            .iter()
            .map(|(name, years)| (*name, years.values().copied().sum()))
            .collect();
        agencies.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let years: std::collections::BTreeSet<i32> =
            by_agency.values().flat_map(|y| y.keys().copied()).collect();
        let per_year = years
            .into_iter()
            .map(|year| {
                let data = agencies
                    .iter()
                    .map(|(name, _)| {
                        by_agency
                            .get(name)
                            .and_then(|y| y.get(&year))
                            .map_or(0.0, to_f64)
                    })
                    .collect();
                (format!("{year}年"), data)
            })
            .collect();
        ChartData {
            agencies: agencies
                .into_iter()
                .map(|(name, _)| name.to_owned())
                .collect(),
            per_year,
            outcomes: OUTCOME_GROUPS
                .iter()
                .zip(outcome_sums)
                .map(|((_, label), sum)| (*label, to_f64(&sum)))
                .collect(),
            status: [
                ("有错误", with_errors),
                ("无错误", clean),
                ("解析失败", failed),
            ],
        }
    }

    /// The data as JSON for the page's script.
    pub fn to_json(&self) -> Value {
        let series: Vec<Value> = self
            .per_year
            .iter()
            .map(|(name, data)| json!({ "name": name, "data": data }))
            .collect();
        let outcomes: Vec<Value> = self
            .outcomes
            .iter()
            .map(|(name, value)| json!({ "name": name, "value": value }))
            .collect();
        let status: Vec<Value> = self
            .status
            .iter()
            .map(|(name, value)| json!({ "name": name, "value": value }))
            .collect();
        json!({ "agencies": self.agencies, "perYear": series, "outcomes": outcomes, "status": status })
    }
}

fn to_f64(value: &Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// A cell value as printed: integers without decimals, blanks empty.
pub(crate) fn decimal_text(value: Option<Decimal>) -> String {
    value.map(|v| v.normalize().to_string()).unwrap_or_default()
}
