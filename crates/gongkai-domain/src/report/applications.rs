//! Table 三: 收到和处理政府信息公开申请情况 — its rows and applicant columns.

use super::format::Format;

/// A column of table 三: the applicant type, or the total.
///
/// The five organisation types sit under the printed group header
/// 法人或其他组织; there is no printed subtotal for that group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ApplicantColumn {
    /// 自然人
    NaturalPerson,
    /// 商业企业
    Commercial,
    /// 科研机构
    Research,
    /// 社会公益组织
    SocialWelfare,
    /// 法律服务机构
    LegalServices,
    /// 其他
    OtherOrg,
    /// 总计 (some reports print 合计)
    Total,
}

impl ApplicantColumn {
    /// The seven columns in printed order.
    pub const ALL: [ApplicantColumn; 7] = [
        ApplicantColumn::NaturalPerson,
        ApplicantColumn::Commercial,
        ApplicantColumn::Research,
        ApplicantColumn::SocialWelfare,
        ApplicantColumn::LegalServices,
        ApplicantColumn::OtherOrg,
        ApplicantColumn::Total,
    ];

    /// The six applicant types (every column but the total).
    pub const APPLICANTS: [ApplicantColumn; 6] = [
        ApplicantColumn::NaturalPerson,
        ApplicantColumn::Commercial,
        ApplicantColumn::Research,
        ApplicantColumn::SocialWelfare,
        ApplicantColumn::LegalServices,
        ApplicantColumn::OtherOrg,
    ];

    /// The canonical JSON key.
    pub fn key(self) -> &'static str {
        match self {
            ApplicantColumn::NaturalPerson => "natural_person",
            ApplicantColumn::Commercial => "commercial",
            ApplicantColumn::Research => "research",
            ApplicantColumn::SocialWelfare => "social_welfare",
            ApplicantColumn::LegalServices => "legal_services",
            ApplicantColumn::OtherOrg => "other_org",
            ApplicantColumn::Total => "total",
        }
    }

    /// The official column label.
    pub fn label(self) -> &'static str {
        match self {
            ApplicantColumn::NaturalPerson => "自然人",
            ApplicantColumn::Commercial => "商业企业",
            ApplicantColumn::Research => "科研机构",
            ApplicantColumn::SocialWelfare => "社会公益组织",
            ApplicantColumn::LegalServices => "法律服务机构",
            ApplicantColumn::OtherOrg => "其他",
            ApplicantColumn::Total => "总计",
        }
    }

    /// Whether the column sits under the group header 法人或其他组织.
    pub fn is_organisation(self) -> bool {
        !matches!(
            self,
            ApplicantColumn::NaturalPerson | ApplicantColumn::Total
        )
    }

    /// The key's inverse.
    pub fn from_key(key: &str) -> Option<ApplicantColumn> {
        ApplicantColumn::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// The printed group header over the organisation columns.
pub const ORGANISATION_GROUP_LABEL: &str = "法人或其他组织";
/// The printed header over all applicant columns.
pub const APPLICANT_HEADER_LABEL: &str = "申请人情况";
/// The top-left cell of table 三, which states rule R1.
pub const BALANCE_NOTE: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
/// The group header row 三 that carries no numbers.
pub const RESULTS_GROUP_LABEL: &str = "三、本年度办理结果";

/// The outcome groups （一）…（七） under 三、本年度办理结果.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OutcomeGroup {
    /// （一）予以公开
    Granted,
    /// （二）部分公开
    PartiallyGranted,
    /// （三）不予公开
    Denied,
    /// （四）无法提供
    Unavailable,
    /// （五）不予处理
    NotProcessed,
    /// （六）其他处理
    Other,
    /// （七）总计
    Total,
}

impl OutcomeGroup {
    /// The group label as printed in the first label column.
    pub fn label(self) -> &'static str {
        match self {
            OutcomeGroup::Granted => "（一）予以公开",
            OutcomeGroup::PartiallyGranted => {
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
            }
            OutcomeGroup::Denied => "（三）不予公开",
            OutcomeGroup::Unavailable => "（四）无法提供",
            OutcomeGroup::NotProcessed => "（五）不予处理",
            OutcomeGroup::Other => "（六）其他处理",
            OutcomeGroup::Total => "（七）总计",
        }
    }
}

macro_rules! application_rows {
    ($( $variant:ident => $key:literal, $label:literal, $group:expr, $formats:expr; )*) => {
        /// A data row of table 三, in printed order. Rows that exist in only one
        /// format say so in [`ApplicationRow::formats`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ApplicationRow {
            $( #[doc = $label] $variant, )*
        }

        impl ApplicationRow {
            /// Every row of either format, in printed order.
            pub const ALL: &'static [ApplicationRow] = &[$(ApplicationRow::$variant,)*];

            /// The canonical JSON key.
            pub fn key(self) -> &'static str {
                match self { $(ApplicationRow::$variant => $key,)* }
            }

            /// The row label as printed (the sub-item label for rows inside a group).
            pub fn label(self) -> &'static str {
                match self { $(ApplicationRow::$variant => $label,)* }
            }

            /// The outcome group the row belongs to; `None` for rows 一, 二 and 四.
            pub fn group(self) -> Option<OutcomeGroup> {
                match self { $(ApplicationRow::$variant => $group,)* }
            }

            /// The formats whose official layout prints this row.
            pub fn formats(self) -> &'static [Format] {
                match self { $(ApplicationRow::$variant => $formats,)* }
            }
        }
    };
}

const BOTH: &[Format] = &[Format::Gb2019, Format::Gb2021];
const A: &[Format] = &[Format::Gb2019];
const B: &[Format] = &[Format::Gb2021];

application_rows! {
    NewReceived => "new_received", "一、本年新收政府信息公开申请数量", None, BOTH;
    CarriedOver => "carried_over", "二、上年结转政府信息公开申请数量", None, BOTH;
    Granted => "granted", "（一）予以公开", Some(OutcomeGroup::Granted), BOTH;
    PartiallyGranted => "partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Some(OutcomeGroup::PartiallyGranted), BOTH;
    DeniedStateSecret => "denied_state_secret", "1.属于国家秘密", Some(OutcomeGroup::Denied), BOTH;
    DeniedProhibitedByLaw => "denied_prohibited_by_law", "2.其他法律行政法规禁止公开", Some(OutcomeGroup::Denied), BOTH;
    DeniedSecurityStability => "denied_security_stability", "3.危及“三安全一稳定”", Some(OutcomeGroup::Denied), BOTH;
    DeniedThirdParty => "denied_third_party", "4.保护第三方合法权益", Some(OutcomeGroup::Denied), BOTH;
    DeniedInternalAffairs => "denied_internal_affairs", "5.属于三类内部事务信息", Some(OutcomeGroup::Denied), BOTH;
    DeniedProcessInfo => "denied_process_info", "6.属于四类过程性信息", Some(OutcomeGroup::Denied), BOTH;
    DeniedEnforcementFile => "denied_enforcement_file", "7.属于行政执法案卷", Some(OutcomeGroup::Denied), BOTH;
    DeniedAdministrativeQuery => "denied_administrative_query", "8.属于行政查询事项", Some(OutcomeGroup::Denied), BOTH;
    UnavailableNotHeld => "unavailable_not_held", "1.本机关不掌握相关政府信息", Some(OutcomeGroup::Unavailable), BOTH;
    UnavailableNeedsCreation => "unavailable_needs_creation", "2.没有现成信息需要另行制作", Some(OutcomeGroup::Unavailable), BOTH;
    UnavailableUnclear => "unavailable_unclear", "3.补正后申请内容仍不明确", Some(OutcomeGroup::Unavailable), BOTH;
    RejectedPetition => "rejected_petition", "1.信访举报投诉类申请", Some(OutcomeGroup::NotProcessed), BOTH;
    RejectedDuplicate => "rejected_duplicate", "2.重复申请", Some(OutcomeGroup::NotProcessed), BOTH;
    RejectedPublication => "rejected_publication", "3.要求提供公开出版物", Some(OutcomeGroup::NotProcessed), BOTH;
    RejectedMassRepeated => "rejected_mass_repeated", "4.无正当理由大量反复申请", Some(OutcomeGroup::NotProcessed), BOTH;
    RejectedConfirmation => "rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息", Some(OutcomeGroup::NotProcessed), BOTH;
    Other => "other", "（六）其他处理", Some(OutcomeGroup::Other), A;
    OtherOverdueCorrection => "other_overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Some(OutcomeGroup::Other), B;
    OtherUnpaidFee => "other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Some(OutcomeGroup::Other), B;
    OtherOther => "other_other", "3.其他", Some(OutcomeGroup::Other), B;
    TotalProcessed => "total_processed", "（七）总计", Some(OutcomeGroup::Total), BOTH;
    CarriedForward => "carried_forward", "四、结转下年度继续办理", None, BOTH;
}

impl ApplicationRow {
    /// The key's inverse.
    pub fn from_key(key: &str) -> Option<ApplicationRow> {
        ApplicationRow::ALL.iter().copied().find(|r| r.key() == key)
    }

    /// Whether the official layout of `format` prints this row.
    pub fn in_format(self, format: Format) -> bool {
        self.formats().contains(&format)
    }

    /// The rows of `format`'s official layout, in printed order.
    pub fn of_format(format: Format) -> impl Iterator<Item = ApplicationRow> {
        ApplicationRow::ALL
            .iter()
            .copied()
            .filter(move |r| r.in_format(format))
    }

    /// Whether the row counts applications closed with one outcome, i.e. it is
    /// one of the addends of （七）总计.
    pub fn is_outcome(self) -> bool {
        matches!(self.group(), Some(g) if g != OutcomeGroup::Total)
    }

    /// The label with its group prefix, for messages: “（三）不予公开 1.属于国家秘密”.
    pub fn full_label(self) -> String {
        match self.group() {
            Some(group) if self.label() != group.label() && group != OutcomeGroup::Total => {
                format!("{} {}", group.label(), self.label())
            }
            _ => self.label().to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_have_the_official_row_counts() {
        // domain.md §3.2: A = 23 data rows, B = 25.
        assert_eq!(ApplicationRow::of_format(Format::Gb2019).count(), 23);
        assert_eq!(ApplicationRow::of_format(Format::Gb2021).count(), 25);
        // 20 rows under 三 in A, 22 in B (the rowspan of real HTML reports).
        let under_results = |f| {
            ApplicationRow::of_format(f)
                .filter(|r| r.group().is_some())
                .count()
        };
        assert_eq!(under_results(Format::Gb2019), 20);
        assert_eq!(under_results(Format::Gb2021), 22);
    }

    #[test]
    fn keys_round_trip() {
        for &row in ApplicationRow::ALL {
            assert_eq!(ApplicationRow::from_key(row.key()), Some(row));
        }
        for col in ApplicantColumn::ALL {
            assert_eq!(ApplicantColumn::from_key(col.key()), Some(col));
        }
    }

    #[test]
    fn full_label_prefixes_the_group() {
        assert_eq!(
            ApplicationRow::DeniedStateSecret.full_label(),
            "（三）不予公开 1.属于国家秘密"
        );
        assert_eq!(ApplicationRow::Granted.full_label(), "（一）予以公开");
        assert_eq!(ApplicationRow::TotalProcessed.full_label(), "（七）总计");
    }
}
