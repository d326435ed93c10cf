//! Layout rules: cells printed from the other format (L1), rows of the format that
//! are missing (L2), a format that does not match the year (F1), and blank cells (R9).

use std::collections::BTreeMap;

use super::finding::{Finding, FindingCode, Severity};
use crate::report::{ApplicantColumn, ApplicationRow, CellKey, Format, ProactiveRow, Report};

pub(super) fn check(report: &Report, findings: &mut Vec<Finding>) {
    format_year(report, findings);
    foreign_cells(report, findings);
    missing_rows(report, findings);
    blank_cells(report, findings);
}

/// The 2021 sub-rows of （六）其他处理.
const OTHER_SUBROWS: [ApplicationRow; 3] = [
    ApplicationRow::OtherOverdueCorrection,
    ApplicationRow::OtherUnpaidFee,
    ApplicationRow::OtherOther,
];

fn in_format(key: CellKey, format: Format) -> bool {
    match key {
        CellKey::Proactive(row, field) => row.has_field(format, field),
        CellKey::Application(row, _) => row.in_format(format),
        CellKey::Review(..) => true,
    }
}

/// The row a cell belongs to, for grouping messages.
fn row_label(key: CellKey, format: Format) -> String {
    match key {
        CellKey::Proactive(row, _) => format!("主动公开表“{}”", row.label(format)),
        CellKey::Application(row, _) => format!("申请表“{}”", row.full_label()),
        CellKey::Review(group, _) => format!("复议诉讼表“{}”", group.full_label()),
    }
}

fn format_year(report: &Report, findings: &mut Vec<Finding>) {
    let expected = Format::for_year(report.year);
    if report.format != expected {
        findings.push(Finding {
            code: FindingCode::FormatYear,
            severity: Severity::Warning,
            cells: Vec::new(),
            expected: None,
            actual: None,
            message: format!(
                "{}年度报告应使用{}格式（{}），但报告标注为{}",
                report.year,
                expected.label(),
                expected.key(),
                report.format.key()
            ),
        });
    }
}

/// L1: cells with a value that the report's own format does not print.
fn foreign_cells(report: &Report, findings: &mut Vec<Finding>) {
    let mut by_row: BTreeMap<String, Vec<CellKey>> = BTreeMap::new();
    for (key, cell) in report.cells() {
        if cell.is_some() && !in_format(key, report.format) {
            by_row
                .entry(row_label(key, report.format))
                .or_default()
                .push(key);
        }
    }
    let other_format = match report.format {
        Format::Gb2019 => Format::Gb2021,
        Format::Gb2021 => Format::Gb2019,
    };
    for (label, cells) in by_row {
        let detail = if matches!(cells[0], CellKey::Application(ApplicationRow::Other, _)) {
            "：2021年格式将（六）其他处理分为1.逾期不补正、2.逾期未缴费、3.其他三行，报告仍按2019年格式合并为一行"
                .to_owned()
        } else {
            format!("：该行（列）属于{}格式", other_format.label())
        };
        findings.push(Finding {
            code: FindingCode::LayoutDeviation,
            severity: Severity::Warning,
            cells,
            expected: None,
            actual: None,
            message: format!(
                "{label}不在{}规定的表格中{detail}；已按报告所印保留",
                report.format.label()
            ),
        });
    }
}

/// L2: rows the format prints that the report lacks entirely.
fn missing_rows(report: &Report, findings: &mut Vec<Finding>) {
    let format = report.format;
    let mut missing: Vec<(String, Vec<CellKey>)> = Vec::new();
    for row in ProactiveRow::ALL {
        let absent: Vec<CellKey> = row
            .fields(format)
            .iter()
            .map(|&f| CellKey::Proactive(row, f))
            .filter(|&k| report.cell(k).is_none())
            .collect();
        if !absent.is_empty() {
            missing.push((format!("主动公开表“{}”", row.label(format)), absent));
        }
    }
    let single_other_printed = report.has_application_row(ApplicationRow::Other);
    let subrows_printed = OTHER_SUBROWS.iter().any(|&r| report.has_application_row(r));
    for row in ApplicationRow::of_format(format) {
        // A （六） printed in the other format's shape is reported once, by L1.
        let replaced = match row {
            ApplicationRow::Other => subrows_printed,
            r if OTHER_SUBROWS.contains(&r) => single_other_printed,
            _ => false,
        };
        let absent: Vec<CellKey> = ApplicantColumn::ALL
            .into_iter()
            .map(|c| CellKey::Application(row, c))
            .filter(|&k| report.cell(k).is_none())
            .collect();
        if !replaced && !absent.is_empty() {
            missing.push((format!("申请表“{}”", row.full_label()), absent));
        }
    }
    for (label, cells) in missing {
        findings.push(Finding {
            code: FindingCode::RowMissing,
            severity: Severity::Warning,
            cells,
            expected: None,
            actual: None,
            message: format!("{label}缺少法定格式中的单元格，请补全（无数据的填0）"),
        });
    }
}

/// R9: printed cells left blank, one finding per row. The 2021 sub-rows of （六）
/// are not flagged when the report prints the single 2019 row instead.
fn blank_cells(report: &Report, findings: &mut Vec<Finding>) {
    let single_other_printed = report.has_application_row(ApplicationRow::Other)
        && !report.application_row_is_blank(ApplicationRow::Other);
    let mut by_row: BTreeMap<String, Vec<CellKey>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for (key, cell) in report.cells() {
        if cell.is_some() {
            continue;
        }
        if let CellKey::Application(row, _) = key {
            if single_other_printed
                && OTHER_SUBROWS.contains(&row)
                && report.application_row_is_blank(row)
            {
                continue;
            }
            if !in_format(key, report.format) {
                continue;
            }
        }
        let label = row_label(key, report.format);
        if !by_row.contains_key(&label) {
            order.push(label.clone());
        }
        by_row.entry(label).or_default().push(key);
    }
    for label in order {
        let cells = by_row.remove(&label).unwrap_or_default();
        let names: Vec<String> = cells
            .iter()
            .map(|k| column_name(*k, report.format))
            .collect();
        findings.push(Finding {
            code: FindingCode::BlankCell,
            severity: Severity::Warning,
            message: format!(
                "{label}有{}个单元格空白（{}），计算时按0处理；无数据请填0",
                cells.len(),
                names.join("、")
            ),
            cells,
            expected: None,
            actual: None,
        });
    }
}

fn column_name(key: CellKey, format: Format) -> String {
    match key {
        CellKey::Proactive(_, field) => field.label(format).to_owned(),
        CellKey::Application(_, col) => col.label().to_owned(),
        CellKey::Review(_, col) => col.label().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use crate::report::{ApplicantColumn, ApplicationRow, CellKey, Report};
    use crate::validate::{FindingCode, validate};

    #[test]
    fn skeleton_has_no_findings() {
        for year in [2019, 2020, 2021, 2025] {
            let findings = validate(&Report::skeleton(None, year));
            assert!(findings.is_empty(), "{year}: {findings:?}");
        }
    }

    #[test]
    fn single_other_row_in_a_2021_report_is_a_layout_warning() {
        let mut report = Report::skeleton(None, 2023);
        for col in ApplicantColumn::ALL {
            report.remove(CellKey::Application(
                ApplicationRow::OtherOverdueCorrection,
                col,
            ));
            report.remove(CellKey::Application(ApplicationRow::OtherUnpaidFee, col));
            report.remove(CellKey::Application(ApplicationRow::OtherOther, col));
            report.set(
                CellKey::Application(ApplicationRow::Other, col),
                Some(Decimal::ZERO),
            );
        }
        let findings = validate(&report);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].code, FindingCode::LayoutDeviation);
        assert!(!findings[0].is_error());
    }

    #[test]
    fn missing_row_and_blank_cells_are_warnings() {
        let mut report = Report::skeleton(None, 2020);
        for col in ApplicantColumn::ALL {
            report.remove(CellKey::Application(ApplicationRow::Granted, col));
            report.set(CellKey::Application(ApplicationRow::Other, col), None);
        }
        let findings = validate(&report);
        let codes: Vec<_> = findings.iter().map(|f| f.code).collect();
        assert_eq!(codes, vec![FindingCode::RowMissing, FindingCode::BlankCell]);
        assert!(
            findings[1].message.contains("7个单元格空白"),
            "{}",
            findings[1].message
        );
    }

    #[test]
    fn format_not_matching_year_is_a_warning() {
        let mut report = Report::skeleton(None, 2020);
        report.year = 2022;
        let findings = validate(&report);
        assert!(
            findings
                .iter()
                .any(|f| f.code == FindingCode::FormatYear && !f.is_error())
        );
    }
}
