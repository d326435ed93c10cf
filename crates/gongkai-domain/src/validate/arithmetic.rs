//! R1–R4: the sums inside one report's tables 三 and 四.

use rust_decimal::Decimal;

use super::finding::{Finding, FindingCode, Severity};
use crate::report::{
    ApplicantColumn, ApplicationRow, CellKey, OutcomeGroup, Report, ReviewColumn, ReviewGroup,
};

pub(super) fn check(report: &Report, findings: &mut Vec<Finding>) {
    balance(report, findings);
    applicant_sums(report, findings);
    outcome_sums(report, findings);
    review_sums(report, findings);
}

/// A sum of printed cells. The text an officer checks by hand (“本年新收(180)+上年结转(1)”)
/// is only written out when a rule fails, which keeps validation cheap.
struct Sum {
    value: Decimal,
    cells: Vec<CellKey>,
    labels: Vec<Term>,
    values: Vec<Option<Decimal>>,
    has_blank: bool,
}

impl Sum {
    fn of(report: &Report, terms: &[(Term, CellKey)]) -> Sum {
        let mut sum = Sum {
            value: Decimal::ZERO,
            cells: Vec::with_capacity(terms.len()),
            labels: Vec::new(),
            values: Vec::with_capacity(terms.len()),
            has_blank: false,
        };
        for (label, key) in terms {
            let Some(cell) = report.cell(*key) else {
                continue;
            };
            sum.value += cell.unwrap_or_default();
            sum.has_blank |= cell.is_none();
            sum.cells.push(*key);
            sum.labels.push(*label);
            sum.values.push(cell);
        }
        sum
    }

    /// “本年新收(180)+上年结转(1)”
    fn terms(&self) -> String {
        let shown: Vec<String> = self
            .labels
            .iter()
            .zip(&self.values)
            .map(|(label, value)| match value {
                Some(v) => format!("{label}({v})"),
                None => format!("{label}(空白)"),
            })
            .collect();
        shown.join("+")
    }

    /// “本年新收(180)+上年结转(1)=181”
    fn shown(&self) -> String {
        format!("{}={}", self.terms(), self.value)
    }
}

/// How a term is named in a message; rendered only when a rule fails.
#[derive(Clone, Copy)]
enum Term {
    Text(&'static str),
    Outcome(ApplicationRow),
}

impl std::fmt::Display for Term {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Term::Text(text) => f.write_str(text),
            Term::Outcome(row) => f.write_str(&short_outcome_label(*row)),
        }
    }
}

fn blank_note(sums: &[&Sum]) -> &'static str {
    if sums.iter().any(|s| s.has_blank) {
        "（空白单元格按0计）"
    } else {
        ""
    }
}

fn all_blank(report: &Report, keys: &[CellKey]) -> bool {
    keys.iter().all(|&k| report.value(k).is_none())
}

/// R1: 一 + 二 = （七）总计 + 四, for every column.
fn balance(report: &Report, findings: &mut Vec<Finding>) {
    use ApplicationRow::*;
    for col in ApplicantColumn::ALL {
        let key = |row| CellKey::Application(row, col);
        let left = Sum::of(
            report,
            &[
                (Term::Text("本年新收"), key(NewReceived)),
                (Term::Text("上年结转"), key(CarriedOver)),
            ],
        );
        let right = Sum::of(
            report,
            &[
                (Term::Text("办理结果总计"), key(TotalProcessed)),
                (Term::Text("结转下年度"), key(CarriedForward)),
            ],
        );
        let cells: Vec<CellKey> = left.cells.iter().chain(&right.cells).copied().collect();
        if left.cells.is_empty()
            || right.cells.is_empty()
            || all_blank(report, &cells)
            || left.value == right.value
        {
            continue;
        }
        findings.push(Finding {
            code: FindingCode::Balance,
            severity: Severity::Error,
            cells,
            expected: Some(left.value),
            actual: Some(right.value),
            message: format!(
                "{}一列：{}，但{}，相差{}{}",
                col.label(),
                left.shown(),
                right.shown(),
                (left.value - right.value).abs(),
                blank_note(&[&left, &right])
            ),
        });
    }
}

/// R2: 总计 = the six applicant columns, for every printed row.
fn applicant_sums(report: &Report, findings: &mut Vec<Finding>) {
    for &row in ApplicationRow::ALL {
        if !report.has_application_row(row) || report.application_row_is_blank(row) {
            continue;
        }
        let total_key = CellKey::Application(row, ApplicantColumn::Total);
        let Some(total) = report.cell(total_key) else {
            continue;
        };
        let parts: Vec<(Term, CellKey)> = ApplicantColumn::APPLICANTS
            .iter()
            .map(|&c| (Term::Text(c.label()), CellKey::Application(row, c)))
            .collect();
        let sum = Sum::of(report, &parts);
        let printed = total.unwrap_or_default();
        if sum.value == printed {
            continue;
        }
        let mut cells = sum.cells.clone();
        cells.push(total_key);
        let printed_text = total.map_or("空白".to_owned(), |v| v.to_string());
        findings.push(Finding {
            code: FindingCode::ApplicantSum,
            severity: Severity::Error,
            cells,
            expected: Some(sum.value),
            actual: total,
            message: format!(
                "“{}”一行：{}，但总计为{}{}",
                row.full_label(),
                sum.shown(),
                printed_text,
                blank_note(&[&sum])
            ),
        });
    }
}

/// The rows whose sum is （七）总计: every outcome row, with （六） read from its
/// 2021 sub-rows when they carry numbers and from the single 2019 row otherwise
/// (2021 reports that still print the single row).
fn outcome_rows(report: &Report) -> Vec<ApplicationRow> {
    let other_subrows = [
        ApplicationRow::OtherOverdueCorrection,
        ApplicationRow::OtherUnpaidFee,
        ApplicationRow::OtherOther,
    ];
    let subrows_carry_numbers = other_subrows
        .iter()
        .any(|&r| !report.application_row_is_blank(r));
    ApplicationRow::ALL
        .iter()
        .copied()
        .filter(|r| r.is_outcome())
        .filter(|r| match r {
            ApplicationRow::Other => !subrows_carry_numbers,
            r if other_subrows.contains(r) => {
                subrows_carry_numbers || !report.has_application_row(ApplicationRow::Other)
            }
            _ => true,
        })
        .collect()
}

/// R3: （七）总计 = the sum of all outcome rows, for every column.
fn outcome_sums(report: &Report, findings: &mut Vec<Finding>) {
    if !report.has_application_row(ApplicationRow::TotalProcessed) {
        return;
    }
    let rows = outcome_rows(report);
    for col in ApplicantColumn::ALL {
        let total_key = CellKey::Application(ApplicationRow::TotalProcessed, col);
        let Some(total) = report.cell(total_key) else {
            continue;
        };
        let parts: Vec<(Term, CellKey)> = rows
            .iter()
            .map(|&r| (Term::Outcome(r), CellKey::Application(r, col)))
            .collect();
        let sum = Sum::of(report, &parts);
        let printed = total.unwrap_or_default();
        if sum.value == printed || (total.is_none() && all_blank(report, &sum.cells)) {
            continue;
        }
        let nonzero: Vec<String> = parts
            .iter()
            .filter_map(|(label, key)| {
                report
                    .value(*key)
                    .filter(|v| !v.is_zero())
                    .map(|v| format!("{label}({v})"))
            })
            .collect();
        let mut cells = sum.cells.clone();
        cells.push(total_key);
        findings.push(Finding {
            code: FindingCode::OutcomeSum,
            severity: Severity::Error,
            cells,
            expected: Some(sum.value),
            actual: total,
            message: format!(
                "{}一列：各项办理结果之和为{}（{}），但（七）总计为{}{}",
                col.label(),
                sum.value,
                if nonzero.is_empty() {
                    "均为0".to_owned()
                } else {
                    nonzero.join("+")
                },
                total.map_or("空白".to_owned(), |v| v.to_string()),
                blank_note(&[&sum])
            ),
        });
    }
}

/// “（三）1” style labels keep R3 messages short.
fn short_outcome_label(row: ApplicationRow) -> String {
    let group = row.group().map(OutcomeGroup::label).unwrap_or_default();
    let numeral: String = group
        .chars()
        .take_while(|&c| c != '）')
        .chain(['）'])
        .collect();
    match row.label().split_once('.') {
        Some((n, _)) => format!("{numeral}{n}"),
        None => numeral,
    }
}

/// R4: in table 四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, per group.
fn review_sums(report: &Report, findings: &mut Vec<Finding>) {
    for group in ReviewGroup::ALL {
        let total_key = CellKey::Review(group, ReviewColumn::Total);
        let Some(total) = report.cell(total_key) else {
            continue;
        };
        let parts: Vec<(Term, CellKey)> = ReviewColumn::PARTS
            .iter()
            .map(|&c| (Term::Text(c.label()), CellKey::Review(group, c)))
            .collect();
        let sum = Sum::of(report, &parts);
        if sum.value == total.unwrap_or_default() {
            continue;
        }
        let mut cells = sum.cells.clone();
        cells.push(total_key);
        findings.push(Finding {
            code: FindingCode::ReviewSum,
            severity: Severity::Error,
            cells,
            expected: Some(sum.value),
            actual: total,
            message: format!(
                "{}：{}，但总计为{}{}",
                group.full_label(),
                sum.shown(),
                total.map_or("空白".to_owned(), |v| v.to_string()),
                blank_note(&[&sum])
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::validate;

    fn report_2021() -> Report {
        let mut report = Report::skeleton(Some("测试局".into()), 2023);
        let mut set =
            |row, col, v: i64| report.set(CellKey::Application(row, col), Some(Decimal::from(v)));
        use ApplicantColumn::*;
        use ApplicationRow::*;
        set(NewReceived, NaturalPerson, 180);
        set(NewReceived, Total, 180);
        set(CarriedOver, NaturalPerson, 1);
        set(CarriedOver, Total, 1);
        set(Granted, NaturalPerson, 100);
        set(Granted, Total, 100);
        set(UnavailableNotHeld, NaturalPerson, 75);
        set(UnavailableNotHeld, Total, 75);
        set(TotalProcessed, NaturalPerson, 175);
        set(TotalProcessed, Total, 175);
        set(CarriedForward, NaturalPerson, 6);
        set(CarriedForward, Total, 6);
        report
    }

    fn codes(report: &Report) -> Vec<&'static str> {
        validate(report)
            .iter()
            .filter(|f| f.is_error())
            .map(|f| f.code.code())
            .collect()
    }

    #[test]
    fn consistent_report_passes() {
        assert_eq!(codes(&report_2021()), Vec::<&str>::new());
    }

    #[test]
    fn r1_balance_fails_when_carried_forward_is_wrong() {
        let mut report = report_2021();
        let key = CellKey::Application(
            ApplicationRow::CarriedForward,
            ApplicantColumn::NaturalPerson,
        );
        report.set(key, Some(Decimal::from(5)));
        report.set(
            CellKey::Application(ApplicationRow::CarriedForward, ApplicantColumn::Total),
            Some(Decimal::from(5)),
        );
        let findings = validate(&report);
        let r1: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.code == FindingCode::Balance)
            .collect();
        assert_eq!(r1.len(), 2, "自然人 and 总计 columns");
        assert_eq!(
            r1[0].message,
            "自然人一列：本年新收(180)+上年结转(1)=181，但办理结果总计(175)+结转下年度(5)=180，相差1"
        );
        assert_eq!(
            (r1[0].expected, r1[0].actual),
            (Some(Decimal::from(181)), Some(Decimal::from(180)))
        );
        assert!(r1[0].cells.contains(&key));
    }

    #[test]
    fn r2_applicant_sum_fails_and_names_a_blank_total() {
        let mut report = report_2021();
        report.set(
            CellKey::Application(ApplicationRow::Granted, ApplicantColumn::Total),
            None,
        );
        let findings = validate(&report);
        let r2 = findings
            .iter()
            .find(|f| f.code == FindingCode::ApplicantSum)
            .expect("R2 finding");
        assert_eq!(r2.actual, None);
        assert!(r2.message.contains("但总计为空白"), "{}", r2.message);
        assert!(
            findings.iter().any(|f| f.code == FindingCode::BlankCell),
            "blank is flagged too"
        );
    }

    #[test]
    fn r3_outcome_sum_fails_when_an_outcome_is_missing_from_the_total() {
        let mut report = report_2021();
        report.set(
            CellKey::Application(ApplicationRow::OtherOther, ApplicantColumn::NaturalPerson),
            Some(Decimal::ONE),
        );
        report.set(
            CellKey::Application(ApplicationRow::OtherOther, ApplicantColumn::Total),
            Some(Decimal::ONE),
        );
        let errors = codes(&report);
        assert_eq!(errors, vec!["R3-outcome-sum", "R3-outcome-sum"]);
        let finding = validate(&report)
            .into_iter()
            .find(|f| f.code == FindingCode::OutcomeSum)
            .expect("R3");
        assert!(
            finding
                .message
                .contains("（一）(100)+（四）1(75)+（六）3(1)"),
            "{}",
            finding.message
        );
    }

    #[test]
    fn r3_reads_a_single_other_row_printed_in_a_2021_report() {
        let mut report = report_2021();
        for col in ApplicantColumn::ALL {
            for row in [
                ApplicationRow::OtherOverdueCorrection,
                ApplicationRow::OtherUnpaidFee,
                ApplicationRow::OtherOther,
            ] {
                report.set(CellKey::Application(row, col), None);
            }
            report.set(
                CellKey::Application(ApplicationRow::Other, col),
                Some(Decimal::ZERO),
            );
        }
        report.set(
            CellKey::Application(ApplicationRow::Other, ApplicantColumn::NaturalPerson),
            Some(Decimal::ONE),
        );
        report.set(
            CellKey::Application(ApplicationRow::Other, ApplicantColumn::Total),
            Some(Decimal::ONE),
        );
        report.set(
            CellKey::Application(ApplicationRow::Granted, ApplicantColumn::NaturalPerson),
            Some(Decimal::from(99)),
        );
        report.set(
            CellKey::Application(ApplicationRow::Granted, ApplicantColumn::Total),
            Some(Decimal::from(99)),
        );
        assert_eq!(codes(&report), Vec::<&str>::new());
    }

    #[test]
    fn r4_review_sum_fails_on_a_wrong_total() {
        let mut report = report_2021();
        report.set(
            CellKey::Review(ReviewGroup::Reconsideration, ReviewColumn::Upheld),
            Some(Decimal::from(10)),
        );
        report.set(
            CellKey::Review(ReviewGroup::Reconsideration, ReviewColumn::Corrected),
            Some(Decimal::ONE),
        );
        let findings = validate(&report);
        let r4 = findings
            .iter()
            .find(|f| f.code == FindingCode::ReviewSum)
            .expect("R4");
        assert_eq!(
            r4.message,
            "行政复议：结果维持(10)+结果纠正(1)+其他结果(0)+尚未审结(0)=11，但总计为0"
        );
        assert_eq!(
            (r4.expected, r4.actual),
            (Some(Decimal::from(11)), Some(Decimal::ZERO))
        );
        report.set(
            CellKey::Review(ReviewGroup::Reconsideration, ReviewColumn::Total),
            Some(Decimal::from(11)),
        );
        assert_eq!(codes(&report), Vec::<&str>::new());
    }

    #[test]
    fn short_labels() {
        assert_eq!(short_outcome_label(ApplicationRow::Granted), "（一）");
        assert_eq!(
            short_outcome_label(ApplicationRow::DeniedProcessInfo),
            "（三）6"
        );
        assert_eq!(short_outcome_label(ApplicationRow::Other), "（六）");
    }
}
