//! What the report needs to know about one application or review case.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ApplicantType;
use crate::deadline::Outcome;
use crate::report::{ReviewColumn, ReviewGroup};

/// One application as counted in table 三.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRecord {
    /// The receipt date (Art. 31).
    pub received_on: NaiveDate,
    /// Who applied.
    pub applicant_type: ApplicantType,
    /// When the case was closed (answered, closed or withdrawn); `None` while open.
    /// A date before `received_on` is read as `received_on`.
    pub closed_on: Option<NaiveDate>,
    /// How it was closed; a closed case without an outcome counts as （六）3.其他.
    pub outcome: Option<Outcome>,
}

/// Which column group of table 四 a review case belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    /// 行政复议
    Reconsideration,
    /// 行政诉讼，未经复议直接起诉
    LitigationDirect,
    /// 行政诉讼，复议后起诉
    LitigationAfterReconsideration,
}

impl ReviewKind {
    /// Every kind, in printed order.
    pub const ALL: [ReviewKind; 3] = [
        ReviewKind::Reconsideration,
        ReviewKind::LitigationDirect,
        ReviewKind::LitigationAfterReconsideration,
    ];

    /// The column group of table 四.
    pub fn group(self) -> ReviewGroup {
        match self {
            ReviewKind::Reconsideration => ReviewGroup::Reconsideration,
            ReviewKind::LitigationDirect => ReviewGroup::LitigationDirect,
            ReviewKind::LitigationAfterReconsideration => {
                ReviewGroup::LitigationAfterReconsideration
            }
        }
    }

    /// The stable key (the group key of the report JSON).
    pub fn key(self) -> &'static str {
        self.group().key()
    }

    /// The key's inverse.
    pub fn from_key(key: &str) -> Option<ReviewKind> {
        ReviewKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The name for people (行政复议, 行政诉讼·复议后起诉, …).
    pub fn label(self) -> &'static str {
        self.group().full_label()
    }
}

/// The result of a review case as counted in table 四.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewResult {
    /// 结果维持
    Upheld,
    /// 结果纠正
    Corrected,
    /// 其他结果
    Other,
    /// 尚未审结
    Pending,
}

impl ReviewResult {
    /// Every result, in printed order.
    pub const ALL: [ReviewResult; 4] = [
        ReviewResult::Upheld,
        ReviewResult::Corrected,
        ReviewResult::Other,
        ReviewResult::Pending,
    ];

    /// The column of table 四.
    pub fn column(self) -> ReviewColumn {
        match self {
            ReviewResult::Upheld => ReviewColumn::Upheld,
            ReviewResult::Corrected => ReviewColumn::Corrected,
            ReviewResult::Other => ReviewColumn::Other,
            ReviewResult::Pending => ReviewColumn::Pending,
        }
    }

    /// The stable key (the column key of the report JSON).
    pub fn key(self) -> &'static str {
        self.column().key()
    }

    /// The key's inverse.
    pub fn from_key(key: &str) -> Option<ReviewResult> {
        ReviewResult::ALL.into_iter().find(|r| r.key() == key)
    }

    /// The official column label (结果维持, …).
    pub fn label(self) -> &'static str {
        self.column().label()
    }
}

/// One 行政复议 or 行政诉讼 case about the agency's disclosure work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewCaseRecord {
    /// Reconsideration or litigation (direct, or after reconsideration).
    pub kind: ReviewKind,
    /// When it was filed; the report of that year counts it.
    pub filed_on: NaiveDate,
    /// When it was decided; a decision after the year end counts as 尚未审结.
    pub decided_on: Option<NaiveDate>,
    /// The result (or pending).
    pub result: ReviewResult,
}
