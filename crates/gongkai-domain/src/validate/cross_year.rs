//! Rules across two consecutive reports of one agency (R6–R8). They are warnings:
//! institutional reform, mergers and expiry without repeal break them legitimately.

use rust_decimal::Decimal;

use super::finding::{Finding, FindingCode, Severity};
use crate::report::{
    ApplicantColumn, ApplicationRow, CellKey, Format, ProactiveField, ProactiveRow, Report,
};

pub(super) fn check(report: &Report, previous: &Report, findings: &mut Vec<Finding>) {
    if previous.year + 1 != report.year {
        findings.push(Finding {
            code: FindingCode::CarryOver,
            severity: Severity::Notice,
            cells: Vec::new(),
            expected: Some(Decimal::from(report.year - 1)),
            actual: Some(Decimal::from(previous.year)),
            message: format!(
                "用于对比的报告是{}年度的，不是上一年度（{}年度），跨年度规则未检查",
                previous.year,
                report.year - 1
            ),
        });
        return;
    }
    carry_over(report, previous, findings);
    if report.format == Format::Gb2021 && previous.format == Format::Gb2021 {
        in_force_chain(report, previous, findings);
    }
    if report.format == Format::Gb2019 && previous.format == Format::Gb2019 {
        items_chain(report, previous, findings);
    }
}

/// R6: 二、上年结转 (N) = 四、结转下年度继续办理 (N−1), per column.
fn carry_over(report: &Report, previous: &Report, findings: &mut Vec<Finding>) {
    for col in ApplicantColumn::ALL {
        let now_key = CellKey::Application(ApplicationRow::CarriedOver, col);
        let before_key = CellKey::Application(ApplicationRow::CarriedForward, col);
        let (Some(now), Some(before)) = (report.value(now_key), previous.value(before_key)) else {
            continue;
        };
        if now != before {
            findings.push(Finding {
                code: FindingCode::CarryOver,
                severity: Severity::Warning,
                cells: vec![now_key],
                expected: Some(before),
                actual: Some(now),
                message: format!(
                    "{}一列：本年“上年结转”为{now}，但{}年度报告“结转下年度继续办理”为{before}（机构改革、合并等情况请在报告中说明）",
                    col.label(),
                    previous.year
                ),
            });
        }
    }
}

/// R7: 现行有效件数(N) = 现行有效件数(N−1) + 本年制发件数(N) − 本年废止件数(N).
fn in_force_chain(report: &Report, previous: &Report, findings: &mut Vec<Finding>) {
    for row in [ProactiveRow::Rules, ProactiveRow::NormativeDocuments] {
        let key = |f| CellKey::Proactive(row, f);
        let (Some(now), Some(before), Some(issued), Some(repealed)) = (
            report.value(key(ProactiveField::InForce)),
            previous.value(key(ProactiveField::InForce)),
            report.value(key(ProactiveField::Issued)),
            report.value(key(ProactiveField::Repealed)),
        ) else {
            continue;
        };
        let expected = before + issued - repealed;
        if now != expected {
            findings.push(Finding {
                code: FindingCode::InForceChain,
                severity: Severity::Warning,
                cells: vec![key(ProactiveField::InForce), key(ProactiveField::Issued), key(ProactiveField::Repealed)],
                expected: Some(expected),
                actual: Some(now),
                message: format!(
                    "“{}”现行有效件数为{now}，按上年现行有效({before})+本年制发({issued})−本年废止({repealed})应为{expected}（自然失效等情况请说明）",
                    row.label(report.format)
                ),
            });
        }
    }
}

const ITEM_ROWS: [ProactiveRow; 5] = [
    ProactiveRow::Licensing,
    ProactiveRow::OtherManagement,
    ProactiveRow::Penalty,
    ProactiveRow::Coercion,
    ProactiveRow::Fees,
];

/// R8 (one report, 2019 format): 上一年项目数量 + 本年增/减 ≥ 0.
pub(super) fn items_not_negative(report: &Report, findings: &mut Vec<Finding>) {
    if report.format != Format::Gb2019 {
        return;
    }
    for row in ITEM_ROWS {
        let previous_key = CellKey::Proactive(row, ProactiveField::PreviousItems);
        let change_key = CellKey::Proactive(row, ProactiveField::Change);
        let (Some(items), Some(change)) = (report.value(previous_key), report.value(change_key))
        else {
            continue;
        };
        if items + change < Decimal::ZERO {
            findings.push(Finding {
                code: FindingCode::ItemsNegative,
                severity: Severity::Error,
                cells: vec![previous_key, change_key],
                expected: None,
                actual: Some(items + change),
                message: format!(
                    "“{}”上一年项目数量({items})加本年增/减({change})为{}，项目数量不能为负",
                    row.label(report.format),
                    items + change
                ),
            });
        }
    }
}

/// R8 (two 2019-format reports): 上一年项目数量(N) = 上一年项目数量(N−1) + 本年增/减(N−1).
fn items_chain(report: &Report, previous: &Report, findings: &mut Vec<Finding>) {
    for row in ITEM_ROWS {
        let items = CellKey::Proactive(row, ProactiveField::PreviousItems);
        let change = CellKey::Proactive(row, ProactiveField::Change);
        let (Some(now), Some(before), Some(before_change)) = (
            report.value(items),
            previous.value(items),
            previous.value(change),
        ) else {
            continue;
        };
        let expected = before + before_change;
        if now != expected {
            findings.push(Finding {
                code: FindingCode::ItemsChain,
                severity: Severity::Warning,
                cells: vec![items],
                expected: Some(expected),
                actual: Some(now),
                message: format!(
                    "“{}”上一年项目数量为{now}，但{}年度报告为{before}{:+}={expected}",
                    row.label(report.format),
                    previous.year,
                    before_change
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{validate, validate_with_previous};

    fn set(report: &mut Report, key: CellKey, v: i64) {
        report.set(key, Some(Decimal::from(v)));
    }

    #[test]
    fn r6_carry_over_must_match_last_years_carried_forward() {
        let mut previous = Report::skeleton(None, 2022);
        let mut report = Report::skeleton(None, 2023);
        for col in [ApplicantColumn::NaturalPerson, ApplicantColumn::Total] {
            for row in [ApplicationRow::NewReceived, ApplicationRow::CarriedForward] {
                set(&mut previous, CellKey::Application(row, col), 3);
            }
            for row in [
                ApplicationRow::CarriedOver,
                ApplicationRow::Granted,
                ApplicationRow::TotalProcessed,
            ] {
                set(&mut report, CellKey::Application(row, col), 3);
            }
        }
        assert!(validate_with_previous(&report, &previous).is_empty());
        for row in [
            ApplicationRow::CarriedOver,
            ApplicationRow::Granted,
            ApplicationRow::TotalProcessed,
        ] {
            set(
                &mut report,
                CellKey::Application(row, ApplicantColumn::NaturalPerson),
                2,
            );
            set(
                &mut report,
                CellKey::Application(row, ApplicantColumn::Total),
                2,
            );
        }
        let findings = validate_with_previous(&report, &previous);
        assert_eq!(findings.len(), 2, "{findings:?}");
        assert!(
            findings
                .iter()
                .all(|f| f.code == FindingCode::CarryOver && f.severity == Severity::Warning)
        );
        assert!(
            findings[0]
                .message
                .contains("2022年度报告“结转下年度继续办理”为3"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn r7_in_force_chain() {
        let mut previous = Report::skeleton(None, 2022);
        let mut report = Report::skeleton(None, 2023);
        let key = |f| CellKey::Proactive(ProactiveRow::NormativeDocuments, f);
        set(&mut previous, key(ProactiveField::InForce), 10);
        set(&mut report, key(ProactiveField::Issued), 3);
        set(&mut report, key(ProactiveField::Repealed), 1);
        set(&mut report, key(ProactiveField::InForce), 12);
        assert!(validate_with_previous(&report, &previous).is_empty());
        set(&mut report, key(ProactiveField::InForce), 5);
        let findings = validate_with_previous(&report, &previous);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            (findings[0].expected, findings[0].actual),
            (Some(Decimal::from(12)), Some(Decimal::from(5)))
        );
    }

    #[test]
    fn r8_items_negative_and_chain() {
        let mut previous = Report::skeleton(None, 2019);
        let mut report = Report::skeleton(None, 2020);
        let items = CellKey::Proactive(ProactiveRow::Licensing, ProactiveField::PreviousItems);
        let change = CellKey::Proactive(ProactiveRow::Licensing, ProactiveField::Change);
        set(&mut previous, items, 7);
        set(&mut previous, change, -2);
        set(&mut report, items, 5);
        assert!(validate_with_previous(&report, &previous).is_empty());
        set(&mut report, change, -6);
        let errors: Vec<_> = validate(&report).into_iter().map(|f| f.code).collect();
        assert_eq!(errors, vec![FindingCode::ItemsNegative]);
        set(&mut report, change, 0);
        set(&mut report, items, 9);
        let findings = validate_with_previous(&report, &previous);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].code, FindingCode::ItemsChain);
        assert!(
            findings[0].message.contains("7-2=5"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn a_report_of_another_year_is_not_compared() {
        let previous = Report::skeleton(None, 2020);
        let report = Report::skeleton(None, 2023);
        let findings = validate_with_previous(&report, &previous);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].severity, Severity::Notice);
    }
}
