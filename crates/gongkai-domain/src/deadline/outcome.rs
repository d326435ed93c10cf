//! How an application ended: the outcome rows of table 三 (Format B).

use serde::{Deserialize, Serialize};

use crate::report::{ApplicationRow, OutcomeGroup};

/// The outcome of an application, one per row of 三、本年度办理结果 in the
/// 2021 format, so that a closed case is counted in exactly one row of the
/// annual report. Serialised with the row keys of the canonical report JSON.
///
/// Labels are not repeated here: they come from [`ApplicationRow`], the one
/// place the official row texts live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// （一）予以公开
    Granted,
    /// （二）部分公开
    PartiallyGranted,
    /// （三）1.属于国家秘密
    DeniedStateSecret,
    /// （三）2.其他法律行政法规禁止公开
    DeniedProhibitedByLaw,
    /// （三）3.危及“三安全一稳定”
    DeniedSecurityStability,
    /// （三）4.保护第三方合法权益
    DeniedThirdParty,
    /// （三）5.属于三类内部事务信息
    DeniedInternalAffairs,
    /// （三）6.属于四类过程性信息
    DeniedProcessInfo,
    /// （三）7.属于行政执法案卷
    DeniedEnforcementFile,
    /// （三）8.属于行政查询事项
    DeniedAdministrativeQuery,
    /// （四）1.本机关不掌握相关政府信息
    UnavailableNotHeld,
    /// （四）2.没有现成信息需要另行制作
    UnavailableNeedsCreation,
    /// （四）3.补正后申请内容仍不明确
    UnavailableUnclear,
    /// （五）1.信访举报投诉类申请
    RejectedPetition,
    /// （五）2.重复申请
    RejectedDuplicate,
    /// （五）3.要求提供公开出版物
    RejectedPublication,
    /// （五）4.无正当理由大量反复申请
    RejectedMassRepeated,
    /// （五）5.要求行政机关确认或重新出具已获取信息
    RejectedConfirmation,
    /// （六）1.申请人无正当理由逾期不补正
    OtherOverdueCorrection,
    /// （六）2.申请人逾期未按收费通知要求缴纳费用
    OtherUnpaidFee,
    /// （六）3.其他
    OtherOther,
}

impl Outcome {
    /// All outcomes in printed row order.
    pub const ALL: [Outcome; 21] = [
        Outcome::Granted,
        Outcome::PartiallyGranted,
        Outcome::DeniedStateSecret,
        Outcome::DeniedProhibitedByLaw,
        Outcome::DeniedSecurityStability,
        Outcome::DeniedThirdParty,
        Outcome::DeniedInternalAffairs,
        Outcome::DeniedProcessInfo,
        Outcome::DeniedEnforcementFile,
        Outcome::DeniedAdministrativeQuery,
        Outcome::UnavailableNotHeld,
        Outcome::UnavailableNeedsCreation,
        Outcome::UnavailableUnclear,
        Outcome::RejectedPetition,
        Outcome::RejectedDuplicate,
        Outcome::RejectedPublication,
        Outcome::RejectedMassRepeated,
        Outcome::RejectedConfirmation,
        Outcome::OtherOverdueCorrection,
        Outcome::OtherUnpaidFee,
        Outcome::OtherOther,
    ];

    /// The report row that counts this outcome.
    pub fn row(&self) -> ApplicationRow {
        match self {
            Outcome::Granted => ApplicationRow::Granted,
            Outcome::PartiallyGranted => ApplicationRow::PartiallyGranted,
            Outcome::DeniedStateSecret => ApplicationRow::DeniedStateSecret,
            Outcome::DeniedProhibitedByLaw => ApplicationRow::DeniedProhibitedByLaw,
            Outcome::DeniedSecurityStability => ApplicationRow::DeniedSecurityStability,
            Outcome::DeniedThirdParty => ApplicationRow::DeniedThirdParty,
            Outcome::DeniedInternalAffairs => ApplicationRow::DeniedInternalAffairs,
            Outcome::DeniedProcessInfo => ApplicationRow::DeniedProcessInfo,
            Outcome::DeniedEnforcementFile => ApplicationRow::DeniedEnforcementFile,
            Outcome::DeniedAdministrativeQuery => ApplicationRow::DeniedAdministrativeQuery,
            Outcome::UnavailableNotHeld => ApplicationRow::UnavailableNotHeld,
            Outcome::UnavailableNeedsCreation => ApplicationRow::UnavailableNeedsCreation,
            Outcome::UnavailableUnclear => ApplicationRow::UnavailableUnclear,
            Outcome::RejectedPetition => ApplicationRow::RejectedPetition,
            Outcome::RejectedDuplicate => ApplicationRow::RejectedDuplicate,
            Outcome::RejectedPublication => ApplicationRow::RejectedPublication,
            Outcome::RejectedMassRepeated => ApplicationRow::RejectedMassRepeated,
            Outcome::RejectedConfirmation => ApplicationRow::RejectedConfirmation,
            Outcome::OtherOverdueCorrection => ApplicationRow::OtherOverdueCorrection,
            Outcome::OtherUnpaidFee => ApplicationRow::OtherUnpaidFee,
            Outcome::OtherOther => ApplicationRow::OtherOther,
        }
    }

    /// The row key of the canonical report JSON (`denied_state_secret`, …).
    pub fn key(&self) -> &'static str {
        self.row().key()
    }

    /// The official row label as printed (Format B), e.g. "1.属于国家秘密".
    pub fn label(&self) -> &'static str {
        self.row().label()
    }

    /// The label with its group, for answers and lists:
    /// "（三）不予公开 1.属于国家秘密".
    pub fn full_label(&self) -> String {
        self.row().full_label()
    }

    /// The outcome group （一）…（六）.
    pub fn group(&self) -> OutcomeGroup {
        self.row().group().unwrap_or(OutcomeGroup::Other)
    }

    /// The Regulation article the answer cites (domain.md §3.3), so that an
    /// answer letter names its legal basis. Where the Regulation names none,
    /// the string says so instead of inventing one.
    pub fn article(&self) -> &'static str {
        match self {
            Outcome::Granted => "第三十六条第（一）项、第（二）项",
            Outcome::PartiallyGranted => "第三十七条",
            Outcome::DeniedStateSecret
            | Outcome::DeniedProhibitedByLaw
            | Outcome::DeniedSecurityStability => "第十四条",
            Outcome::DeniedThirdParty => "第十五条",
            Outcome::DeniedInternalAffairs => "第十六条第一款",
            Outcome::DeniedProcessInfo | Outcome::DeniedEnforcementFile => "第十六条第二款",
            Outcome::DeniedAdministrativeQuery => "第三十六条第（七）项",
            Outcome::UnavailableNotHeld => "第三十六条第（四）项、第（五）项",
            Outcome::UnavailableNeedsCreation => "第三十八条",
            Outcome::UnavailableUnclear | Outcome::OtherOverdueCorrection => "第三十条",
            Outcome::RejectedPetition => "第三十九条第一款",
            Outcome::RejectedDuplicate => "第三十六条第（六）项",
            Outcome::RejectedPublication => "第三十九条第二款",
            Outcome::RejectedMassRepeated => "第三十五条",
            Outcome::OtherUnpaidFee => "第四十二条（国办函〔2020〕109号）",
            Outcome::RejectedConfirmation | Outcome::OtherOther => "条例未明确规定",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_keys_are_the_report_row_keys() {
        for outcome in Outcome::ALL {
            let json = serde_json::to_value(outcome).expect("serialises");
            assert_eq!(json, outcome.key(), "{outcome:?}");
            assert!(outcome.row().is_outcome());
        }
    }

    #[test]
    fn labels_and_articles() {
        assert_eq!(Outcome::Granted.label(), "（一）予以公开");
        assert_eq!(
            Outcome::DeniedStateSecret.full_label(),
            "（三）不予公开 1.属于国家秘密"
        );
        assert_eq!(
            Outcome::OtherUnpaidFee.label(),
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        );
        assert_eq!(Outcome::RejectedDuplicate.article(), "第三十六条第（六）项");
        assert_eq!(Outcome::OtherOverdueCorrection.group(), OutcomeGroup::Other);
    }

    #[test]
    fn every_format_b_outcome_row_has_an_outcome() {
        use crate::report::Format;
        let rows: Vec<_> = ApplicationRow::of_format(Format::Gb2021)
            .filter(|r| r.is_outcome())
            .collect();
        let mine: Vec<_> = Outcome::ALL.iter().map(Outcome::row).collect();
        assert_eq!(rows, mine);
    }
}
