//! Annual-report drafts: what an officer enters in the report editor, and how
//! it is composed with the computed tables into a [`Report`].

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use gongkai_domain::report::format::OVERVIEW_SUBHEADS;
use gongkai_domain::report::{CellKey, ProactiveRow};
use gongkai_domain::{Cell, Format, Report, Section};

use super::keyed_enum;

keyed_enum! {
    /// A narrative part the editor asks for: the five sub-parts of 一、总体情况,
    /// then sections 五 and 六.
    pub enum NarrativePart {
        /// 一（一）主动公开
        OverviewProactive => "overview_proactive", "（一）主动公开";
        /// 一（二）依申请公开
        OverviewApplications => "overview_applications", "（二）依申请公开";
        /// 一（三）政府信息管理
        OverviewManagement => "overview_management", "（三）政府信息管理";
        /// 一（四）政府信息公开平台建设
        OverviewPlatform => "overview_platform", "（四）政府信息公开平台建设";
        /// 一（五）监督保障
        OverviewSupervision => "overview_supervision", "（五）监督保障";
        /// 五、存在的主要问题及改进情况
        Problems => "problems", "五、存在的主要问题及改进情况";
        /// 六、其他需要报告的事项
        OtherMatters => "other_matters", "六、其他需要报告的事项";
    }
}

impl NarrativePart {
    /// The report section the part is printed in.
    pub fn section(self) -> Section {
        match self {
            NarrativePart::Problems => Section::Problems,
            NarrativePart::OtherMatters => Section::OtherMatters,
            _ => Section::Overview,
        }
    }

    /// The sub-head printed before the part (the overview's five), as the
    /// official format words it.
    pub fn subhead(self) -> Option<&'static str> {
        let index = match self {
            NarrativePart::OverviewProactive => 0,
            NarrativePart::OverviewApplications => 1,
            NarrativePart::OverviewManagement => 2,
            NarrativePart::OverviewPlatform => 3,
            NarrativePart::OverviewSupervision => 4,
            _ => return None,
        };
        OVERVIEW_SUBHEADS.get(index).copied()
    }
}

/// The most characters a narrative part may hold.
pub const MAX_NARRATIVE_CHARS: usize = 20_000;

/// Whether table 二's cell is derived from the catalog (规章 and 规范性文件
/// rows) rather than entered by the officer.
///
/// Mapping (documented in the editor): catalog items of category
/// “行政法规、规章和规范性文件” (art20_01), published, of the agency;
/// an item whose 文号 contains “令” is a 规章, any other item with a 文号 a
/// (行政)规范性文件; items without a 文号 are not counted. Format 2021:
/// 本年制发 = published in the year; 本年废止 = 失效/废止 with the change
/// dated in the year; 现行有效 = published by 31 Dec and not 失效/废止 by then.
/// Format 2019: 本年新制作 = 成文日期 in the year; 本年新公开 = published in
/// the year; 对外公开总数量 = published by 31 Dec.
pub fn derived_from_catalog(key: CellKey) -> bool {
    matches!(
        key,
        CellKey::Proactive(ProactiveRow::Rules | ProactiveRow::NormativeDocuments, _)
    )
}

/// The table-二 cells of `format` that the officer enters.
pub fn entered_cells(format: Format) -> Vec<CellKey> {
    CellKey::of_format(format)
        .into_iter()
        .filter(|k| matches!(k, CellKey::Proactive(..)) && !derived_from_catalog(*k))
        .collect()
}

/// What the editor keeps for one agency and year.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DraftContent {
    /// Entered table-二 cells; a key mapped to `None` is printed blank.
    pub figures: BTreeMap<CellKey, Cell>,
    /// Narrative parts; absent and empty parts are not printed.
    pub narratives: BTreeMap<NarrativePart, String>,
}

impl DraftContent {
    /// The text of `part` (empty when not written).
    pub fn narrative(&self, part: NarrativePart) -> &str {
        self.narratives.get(&part).map_or("", String::as_str)
    }

    /// The report of the year: `computed` (tables 三 and 四 from the cases,
    /// naming the agency) with `catalog` cells and the entered cells of table
    /// 二 and the narratives. Entered cells of the other format are ignored.
    pub fn compose(&self, computed: &Report, catalog: &[(CellKey, Cell)]) -> Report {
        let mut report = computed.clone();
        let printed = CellKey::of_format(report.format);
        for (key, cell) in catalog {
            if printed.contains(key) {
                report.set(*key, *cell);
            }
        }
        for (key, cell) in &self.figures {
            if printed.contains(key) && !derived_from_catalog(*key) {
                report.set(*key, *cell);
            }
        }
        let mut overview = Vec::new();
        for part in NarrativePart::ALL {
            let text = self.narrative(*part).trim();
            if text.is_empty() {
                continue;
            }
            match part.subhead() {
                Some(subhead) => {
                    overview.push(subhead.to_owned());
                    overview.push(text.to_owned());
                }
                None => report.set_narrative(part.section(), text.to_owned()),
            }
        }
        if !overview.is_empty() {
            report.set_narrative(Section::Overview, overview.join("\n"));
        }
        report
    }

    /// The content as stored: canonical cell keys and part keys.
    pub(crate) fn to_json(&self) -> (String, String) {
        let figures: serde_json::Map<String, serde_json::Value> = self
            .figures
            .iter()
            .map(|(k, v)| {
                let value = v.map_or(serde_json::Value::Null, |d| {
                    serde_json::Value::String(d.normalize().to_string())
                });
                (k.to_string(), value)
            })
            .collect();
        let narratives: serde_json::Map<String, serde_json::Value> = self
            .narratives
            .iter()
            .map(|(k, v)| (k.key().to_owned(), serde_json::Value::String(v.clone())))
            .collect();
        (
            serde_json::Value::Object(figures).to_string(),
            serde_json::Value::Object(narratives).to_string(),
        )
    }

    /// The inverse of [`DraftContent::to_json`]; `None` when the text is not what it writes.
    pub(crate) fn from_json(figures: &str, narratives: &str) -> Option<DraftContent> {
        let figures: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(figures).ok()?;
        let narratives: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(narratives).ok()?;
        let mut content = DraftContent::default();
        for (key, value) in figures {
            let key: CellKey = key.parse().ok()?;
            let cell = match value {
                serde_json::Value::Null => None,
                serde_json::Value::String(text) => Some(text.parse().ok()?),
                _ => return None,
            };
            content.figures.insert(key, cell);
        }
        for (key, value) in narratives {
            let part = NarrativePart::from_key(&key)?;
            content.narratives.insert(part, value.as_str()?.to_owned());
        }
        Some(content)
    }
}

/// A stored draft.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportDraft {
    /// The agency's code.
    pub agency_code: String,
    /// The reporting year.
    pub year: i32,
    /// What was entered.
    pub content: DraftContent,
    /// Grows by one with every save.
    pub revision: i64,
    /// When it was last saved.
    pub updated_at: DateTime<Utc>,
    /// Who saved it last (user name).
    pub updated_by: String,
    /// When it was last published to the portal.
    pub published_at: Option<DateTime<Utc>>,
    /// Whether that publication missed the statutory deadline.
    pub published_late: bool,
}
