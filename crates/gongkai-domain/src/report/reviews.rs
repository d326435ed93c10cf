//! Table 四: 政府信息公开行政复议、行政诉讼情况 — the same in both formats.

/// A group of five columns in table 四.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReviewGroup {
    /// 行政复议
    Reconsideration,
    /// 行政诉讼 · 未经复议直接起诉
    LitigationDirect,
    /// 行政诉讼 · 复议后起诉
    LitigationAfterReconsideration,
}

impl ReviewGroup {
    /// The groups in printed order.
    pub const ALL: [ReviewGroup; 3] = [
        ReviewGroup::Reconsideration,
        ReviewGroup::LitigationDirect,
        ReviewGroup::LitigationAfterReconsideration,
    ];

    /// The canonical JSON key.
    pub fn key(self) -> &'static str {
        match self {
            ReviewGroup::Reconsideration => "reconsideration",
            ReviewGroup::LitigationDirect => "litigation_direct",
            ReviewGroup::LitigationAfterReconsideration => "litigation_after_reconsideration",
        }
    }

    /// The key's inverse.
    pub fn from_key(key: &str) -> Option<ReviewGroup> {
        ReviewGroup::ALL.into_iter().find(|g| g.key() == key)
    }

    /// The group's own header label.
    pub fn label(self) -> &'static str {
        match self {
            ReviewGroup::Reconsideration => "行政复议",
            ReviewGroup::LitigationDirect => "未经复议直接起诉",
            ReviewGroup::LitigationAfterReconsideration => "复议后起诉",
        }
    }

    /// The full name for messages (“行政诉讼·复议后起诉”).
    pub fn full_label(self) -> &'static str {
        match self {
            ReviewGroup::Reconsideration => "行政复议",
            ReviewGroup::LitigationDirect => "行政诉讼·未经复议直接起诉",
            ReviewGroup::LitigationAfterReconsideration => "行政诉讼·复议后起诉",
        }
    }
}

/// The printed header over both litigation groups.
pub const LITIGATION_LABEL: &str = "行政诉讼";

/// A column within a group of table 四.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReviewColumn {
    /// 结果维持
    Upheld,
    /// 结果纠正
    Corrected,
    /// 其他结果
    Other,
    /// 尚未审结
    Pending,
    /// 总计
    Total,
}

impl ReviewColumn {
    /// The columns in printed order.
    pub const ALL: [ReviewColumn; 5] = [
        ReviewColumn::Upheld,
        ReviewColumn::Corrected,
        ReviewColumn::Other,
        ReviewColumn::Pending,
        ReviewColumn::Total,
    ];

    /// The four columns that add up to the total.
    pub const PARTS: [ReviewColumn; 4] = [
        ReviewColumn::Upheld,
        ReviewColumn::Corrected,
        ReviewColumn::Other,
        ReviewColumn::Pending,
    ];

    /// The canonical JSON key.
    pub fn key(self) -> &'static str {
        match self {
            ReviewColumn::Upheld => "upheld",
            ReviewColumn::Corrected => "corrected",
            ReviewColumn::Other => "other",
            ReviewColumn::Pending => "pending",
            ReviewColumn::Total => "total",
        }
    }

    /// The key's inverse.
    pub fn from_key(key: &str) -> Option<ReviewColumn> {
        ReviewColumn::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The official column label.
    pub fn label(self) -> &'static str {
        match self {
            ReviewColumn::Upheld => "结果维持",
            ReviewColumn::Corrected => "结果纠正",
            ReviewColumn::Other => "其他结果",
            ReviewColumn::Pending => "尚未审结",
            ReviewColumn::Total => "总计",
        }
    }
}
