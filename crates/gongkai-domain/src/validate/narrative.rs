//! Rules that compare the tables with the report's narrative sections.

use super::finding::{Finding, FindingCode, Severity};
use crate::report::{ApplicantColumn, ApplicationRow, CellKey, Report, Section};

pub(super) fn check(report: &Report, findings: &mut Vec<Finding>) {
    fee_reported(report, findings);
}

/// Words that show section 六 reports the 信息处理费.
const FEE_WORDS: [&str; 3] = ["信息处理费", "收费", "收取"];

/// R11: applications closed because the applicant did not pay mean fee notices
/// were issued; section 六 should report the 信息处理费.
fn fee_reported(report: &Report, findings: &mut Vec<Finding>) {
    let key = CellKey::Application(ApplicationRow::OtherUnpaidFee, ApplicantColumn::Total);
    let Some(unpaid) = report.value(key).filter(|v| v.is_sign_positive() && !v.is_zero()) else { return };
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

    #[test]
    fn r11_fee_must_be_reported_when_fees_went_unpaid() {
        let mut report = with_unpaid_fee();
        let codes = |r: &Report| validate(r).into_iter().map(|f| (f.code, f.severity)).collect::<Vec<_>>();
        assert_eq!(codes(&report), vec![(FindingCode::FeeNotReported, Severity::Notice)]);
        report.set_narrative(Section::OtherMatters, "本年度无其他需要报告的事项。".into());
        assert_eq!(codes(&report), vec![(FindingCode::FeeNotReported, Severity::Warning)]);
        report.set_narrative(Section::OtherMatters, "本年度共收取信息处理费300元。".into());
        assert_eq!(codes(&report), vec![]);
    }
}
