//! The two official report formats and the six report sections.

use serde::{Deserialize, Serialize};

/// The official layout a report follows. It is decided by the reporting year:
/// reports for 2019–2020 use the 2019 format, reports for 2021 onward the 2021 format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Format {
    /// 国办公开办函〔2019〕60号: 《中华人民共和国政府信息公开工作年度报告格式（试行）》.
    #[serde(rename = "gb2019")]
    Gb2019,
    /// 国办公开办函〔2021〕30号: 《中华人民共和国政府信息公开工作年度报告格式》.
    #[serde(rename = "gb2021")]
    Gb2021,
}

impl Format {
    /// Both formats, oldest first.
    pub const ALL: [Format; 2] = [Format::Gb2019, Format::Gb2021];

    /// The format prescribed for reports on `year`.
    pub fn for_year(year: i32) -> Format {
        if year <= 2020 {
            Format::Gb2019
        } else {
            Format::Gb2021
        }
    }

    /// The key used in canonical JSON (`"gb2019"`, `"gb2021"`).
    pub fn key(self) -> &'static str {
        match self {
            Format::Gb2019 => "gb2019",
            Format::Gb2021 => "gb2021",
        }
    }

    /// The key's inverse.
    pub fn from_key(key: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The document that prescribes the layout, as cited in Chinese.
    pub fn label(self) -> &'static str {
        match self {
            Format::Gb2019 => "国办公开办函〔2019〕60号",
            Format::Gb2021 => "国办公开办函〔2021〕30号",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

/// The six sections of every annual report (identical headings in both formats).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// 一、总体情况
    Overview,
    /// 二、主动公开政府信息情况
    Proactive,
    /// 三、收到和处理政府信息公开申请情况
    Applications,
    /// 四、政府信息公开行政复议、行政诉讼情况
    Reviews,
    /// 五、存在的主要问题及改进情况
    Problems,
    /// 六、其他需要报告的事项
    OtherMatters,
}

impl Section {
    /// All sections in the order they are printed.
    pub const ALL: [Section; 6] = [
        Section::Overview,
        Section::Proactive,
        Section::Applications,
        Section::Reviews,
        Section::Problems,
        Section::OtherMatters,
    ];

    /// The key under `extra.narrative` that holds this section's text.
    pub fn key(self) -> &'static str {
        match self {
            Section::Overview => "overview",
            Section::Proactive => "proactive",
            Section::Applications => "applications",
            Section::Reviews => "reviews",
            Section::Problems => "problems",
            Section::OtherMatters => "other_matters",
        }
    }

    /// The heading exactly as printed in the official format.
    pub fn heading(self) -> &'static str {
        match self {
            Section::Overview => "一、总体情况",
            Section::Proactive => "二、主动公开政府信息情况",
            Section::Applications => "三、收到和处理政府信息公开申请情况",
            Section::Reviews => "四、政府信息公开行政复议、行政诉讼情况",
            Section::Problems => "五、存在的主要问题及改进情况",
            Section::OtherMatters => "六、其他需要报告的事项",
        }
    }
}

/// The five sub-heads of section 一 that the 2021 format asks for.
pub const OVERVIEW_SUBHEADS: [&str; 5] = [
    "（一）主动公开",
    "（二）依申请公开",
    "（三）政府信息管理",
    "（四）政府信息公开平台建设",
    "（五）监督保障",
];
