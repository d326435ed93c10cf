//! What a check reports.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::report::CellKey;

/// How serious a finding is. Exit codes follow it: errors fail a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; nothing is necessarily wrong.
    Notice,
    /// Probably wrong or deviating from the official layout; a person should look.
    Warning,
    /// The report contradicts itself: a rule of the format is broken.
    Error,
}

impl Severity {
    /// The Chinese label shown to officers.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Notice => "提示",
        }
    }
}

macro_rules! finding_codes {
    ($( $variant:ident => $code:literal, $title:literal; )*) => {
        /// The rule a finding comes from. Codes are stable: tools and people may rely on them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum FindingCode {
            $( #[doc = $title] $variant, )*
        }

        impl FindingCode {
            /// Every code.
            pub const ALL: &'static [FindingCode] = &[$(FindingCode::$variant,)*];

            /// The stable code, e.g. `R1-balance`.
            pub fn code(self) -> &'static str {
                match self { $(FindingCode::$variant => $code,)* }
            }

            /// A short Chinese title of the rule.
            pub fn title(self) -> &'static str {
                match self { $(FindingCode::$variant => $title,)* }
            }
        }
    };
}

finding_codes! {
    Balance => "R1-balance", "本年新收+上年结转应等于办理结果总计+结转下年度";
    ApplicantSum => "R2-applicant-sum", "总计列应等于各类申请人之和";
    OutcomeSum => "R3-outcome-sum", "（七）总计应等于各项办理结果之和";
    ReviewSum => "R4-review-sum", "复议、诉讼的总计应等于各结果之和";
    CarryOver => "R6-carry-over", "上年结转应等于上一年度报告的结转下年度";
    InForceChain => "R7-in-force-chain", "现行有效件数应与上年及本年制发、废止件数衔接";
    ItemsNegative => "R8-items-negative", "上一年项目数量加本年增减不应为负";
    ItemsChain => "R8-items-chain", "上一年项目数量应与上年报告衔接";
    BlankCell => "R9-blank-cell", "单元格空白（按0计算）";
    NarrativeMismatch => "R10-narrative-mismatch", "正文所述数字与表格不一致";
    FeeNotReported => "R11-fee-not-reported", "有逾期未缴费的申请，应报告信息处理费情况";
    LayoutDeviation => "L1-layout-deviation", "表格行列与法定格式不符";
    RowMissing => "L2-row-missing", "缺少法定格式中的行";
    FormatYear => "F1-format-year", "报告格式与年度不符";
}

impl Serialize for FindingCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for FindingCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        FindingCode::ALL
            .iter()
            .copied()
            .find(|c| c.code() == text)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown finding code {text}")))
    }
}

/// One result of a check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule.
    pub code: FindingCode,
    /// How serious it is.
    pub severity: Severity,
    /// The cells involved, by canonical key.
    pub cells: Vec<CellKey>,
    /// The value the rule requires, where it computes one.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_decimal")]
    pub expected: Option<Decimal>,
    /// The value printed, where one cell is at fault (`None` also when blank).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_decimal")]
    pub actual: Option<Decimal>,
    /// What is wrong, in Chinese, with the numbers.
    pub message: String,
}

impl Finding {
    /// Whether this finding fails a check.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// Number of notices.
    pub notices: usize,
}

impl Summary {
    /// Counts `findings`.
    pub fn of(findings: &[Finding]) -> Summary {
        let mut summary = Summary::default();
        for finding in findings {
            match finding.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Notice => summary.notices += 1,
            }
        }
        summary
    }
}

mod opt_decimal {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        value: &Option<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serde::Serialize::serialize(&crate::report::decimal_json(*v), serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Decimal>, D::Error> {
        let value = Option::<serde_json::Number>::deserialize(deserializer)?;
        value
            .map(|n| {
                n.to_string()
                    .parse::<Decimal>()
                    .map_err(serde::de::Error::custom)
            })
            .transpose()
    }
}
