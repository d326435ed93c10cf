//! Rules that compare the tables with the report's narrative sections.

use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

use super::finding::{Finding, FindingCode, Severity};
use crate::report::{ApplicantColumn, ApplicationRow, CellKey, Report, Section};

pub(super) fn check(report: &Report, findings: &mut Vec<Finding>) {
    fee_reported(report, findings);
    narrative_numbers(report, findings);
}

/// A figure the narrative states about applications, and the table cells it may mean.
struct Statement {
    what: &'static str,
    pattern: &'static LazyLock<Regex>,
    /// Readings of the figure in the table; the statement agrees when any reading matches.
    readings: &'static [&'static [ApplicationRow]],
}

// Patterns are matched on the narrative with all whitespace removed, because
// text taken from PDFs breaks sentences across lines.
static RECEIVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:受理|收到)(?:[^。；;，,]{0,16}?申请|依申请公开(?:事项)?)(\d+)件|收到(\d+)件[^。；;]{0,8}申请")
        .unwrap_or_else(|_| unreachable_regex())
});
static PROCESSED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:办结|答复)(\d+)件").unwrap_or_else(|_| unreachable_regex()));
static CARRIED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\d+)件(?:申请)?(?:结转|顺延)(?:到|至)?下一?年度|结转下一?年度(?:继续办理)?(\d+)件",
    )
    .unwrap_or_else(|_| unreachable_regex())
});
static NONE_RECEIVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:未|没有)收到[^。；;，,]{0,12}政府信息公开申请")
        .unwrap_or_else(|_| unreachable_regex())
});

/// The patterns above are constants checked by the unit tests; a regex that never
/// matches is the harmless fallback should one fail to compile.
fn unreachable_regex() -> Regex {
    Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!("a literal empty class compiles"))
}

const STATEMENTS: [Statement; 3] = [
    Statement {
        what: "受理（收到）申请",
        pattern: &RECEIVED,
        readings: &[
            &[ApplicationRow::NewReceived],
            &[ApplicationRow::NewReceived, ApplicationRow::CarriedOver],
        ],
    },
    Statement {
        what: "办结（答复）申请",
        pattern: &PROCESSED,
        readings: &[&[ApplicationRow::TotalProcessed]],
    },
    Statement {
        what: "结转下年度",
        pattern: &CARRIED,
        readings: &[&[ApplicationRow::CarriedForward]],
    },
];

fn total(report: &Report, rows: &[ApplicationRow]) -> Option<Decimal> {
    rows.iter()
        .map(|&r| report.value(CellKey::Application(r, ApplicantColumn::Total)))
        .sum()
}

/// R10: figures stated in the narrative must match table 三's totals.
fn narrative_numbers(report: &Report, findings: &mut Vec<Finding>) {
    let text: String = Section::ALL
        .iter()
        .filter_map(|&s| report.narrative(s))
        .collect::<Vec<_>>()
        .join("。");
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        return;
    }
    for statement in &STATEMENTS {
        let Some(captures) = statement.pattern.captures(&text) else {
            continue;
        };
        let Some(number) = captures.iter().skip(1).flatten().next() else {
            continue;
        };
        let Ok(stated) = number.as_str().parse::<Decimal>() else {
            continue;
        };
        let readings: Vec<Decimal> = statement
            .readings
            .iter()
            .filter_map(|rows| total(report, rows))
            .collect();
        if readings.is_empty() || readings.contains(&stated) {
            continue;
        }
        let rows = statement.readings[0];
        findings.push(Finding {
            code: FindingCode::NarrativeMismatch,
            severity: Severity::Warning,
            cells: rows
                .iter()
                .map(|&r| CellKey::Application(r, ApplicantColumn::Total))
                .collect(),
            expected: Some(readings[0]),
            actual: Some(stated),
            message: format!(
                "正文称{}{stated}件（“{}”），但表格为{}件",
                statement.what,
                captures.get(0).map_or("", |m| m.as_str()),
                readings[0]
            ),
        });
    }
    let received = total(report, &[ApplicationRow::NewReceived]).unwrap_or_default();
    if NONE_RECEIVED.is_match(&text) && !received.is_zero() {
        findings.push(Finding {
            code: FindingCode::NarrativeMismatch,
            severity: Severity::Warning,
            cells: vec![CellKey::Application(
                ApplicationRow::NewReceived,
                ApplicantColumn::Total,
            )],
            expected: Some(Decimal::ZERO),
            actual: Some(received),
            message: format!("正文称未收到政府信息公开申请，但表格“本年新收”总计为{received}件"),
        });
    }
}

/// Words that show section 六 reports the 信息处理费.
const FEE_WORDS: [&str; 3] = ["信息处理费", "收费", "收取"];

/// R11: applications closed because the applicant did not pay mean fee notices
/// were issued; section 六 should report the 信息处理费.
fn fee_reported(report: &Report, findings: &mut Vec<Finding>) {
    let key = CellKey::Application(ApplicationRow::OtherUnpaidFee, ApplicantColumn::Total);
    let Some(unpaid) = report
        .value(key)
        .filter(|v| v.is_sign_positive() && !v.is_zero())
    else {
        return;
    };
    let narrative = report.narrative(Section::OtherMatters);
    if narrative.is_some_and(|text| FEE_WORDS.iter().any(|w| text.contains(w))) {
        return;
    }
    let (severity, where_) = match narrative {
        Some(_) => (Severity::Warning, "但“六、其他需要报告的事项”未提及"),
        None => (Severity::Notice, "请在“六、其他需要报告的事项”中说明"),
    };
    findings.push(Finding {
        code: FindingCode::FeeNotReported,
        severity,
        cells: vec![key],
        expected: None,
        actual: Some(unpaid),
        message: format!("有{unpaid}件申请因逾期未缴纳信息处理费而终止处理，说明本年发出过收费通知，{where_}信息处理费的收取情况"),
    });
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::validate::validate;

    fn with_unpaid_fee() -> Report {
        let mut report = Report::skeleton(None, 2023);
        use ApplicationRow::*;
        for row in [NewReceived, OtherUnpaidFee, TotalProcessed] {
            for col in [ApplicantColumn::NaturalPerson, ApplicantColumn::Total] {
                report.set(CellKey::Application(row, col), Some(Decimal::from(2)));
            }
        }
        report
    }

    fn with_narrative(text: &str) -> Report {
        let mut report = Report::skeleton(None, 2020);
        let rows = [
            (ApplicationRow::NewReceived, 184),
            (ApplicationRow::CarriedOver, 1),
            (ApplicationRow::Granted, 179),
            (ApplicationRow::TotalProcessed, 179),
            (ApplicationRow::CarriedForward, 6),
        ];
        for (row, v) in rows {
            for col in [ApplicantColumn::NaturalPerson, ApplicantColumn::Total] {
                report.set(CellKey::Application(row, col), Some(Decimal::from(v)));
            }
        }
        report.set_narrative(Section::Overview, text.into());
        report
    }

    #[test]
    fn r10_narrative_numbers_that_match_the_table_pass() {
        // The wording of a real 2020 report: 185 received = 184 new + 1 carried over.
        let report = with_narrative("2020年共受理依申请公开185件，办结179件，6件结转下一年度。");
        assert!(validate(&report).is_empty(), "{:?}", validate(&report));
        let split = with_narrative(
            "全年共受理政府信息公开申请\n 184 件，答复 179 件，另有 6 件顺延到下年度",
        );
        assert!(validate(&split).is_empty(), "{:?}", validate(&split));
    }

    #[test]
    fn r10_narrative_numbers_that_disagree_are_reported() {
        let report = with_narrative("2020年共受理依申请公开190件，办结179件，5件结转下一年度。");
        let findings = validate(&report);
        let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(findings.len(), 2, "{messages:?}");
        assert!(
            messages[0].contains("受理（收到）申请190件") && messages[0].contains("表格为184件")
        );
        assert!(messages[1].contains("结转下年度5件"));
        assert!(
            findings
                .iter()
                .all(|f| f.code == FindingCode::NarrativeMismatch)
        );
    }

    #[test]
    fn r10_none_received_contradicting_the_table() {
        let report = with_narrative("本年度未收到社会公众提出的政府信息公开申请。");
        let findings = validate(&report);
        assert_eq!(findings.len(), 1);
        assert!(findings[0].message.contains("184"));
        let mut empty = Report::skeleton(None, 2020);
        empty.set_narrative(
            Section::Overview,
            "本年度未收到社会公众提出的政府信息公开申请。".into(),
        );
        assert!(validate(&empty).is_empty());
    }

    #[test]
    fn r11_fee_must_be_reported_when_fees_went_unpaid() {
        let mut report = with_unpaid_fee();
        let codes = |r: &Report| {
            validate(r)
                .into_iter()
                .map(|f| (f.code, f.severity))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            codes(&report),
            vec![(FindingCode::FeeNotReported, Severity::Notice)]
        );
        report.set_narrative(Section::OtherMatters, "本年度无其他需要报告的事项。".into());
        assert_eq!(
            codes(&report),
            vec![(FindingCode::FeeNotReported, Severity::Warning)]
        );
        report.set_narrative(
            Section::OtherMatters,
            "本年度共收取信息处理费300元。".into(),
        );
        assert_eq!(codes(&report), vec![]);
    }
}
