//! Demo annual-report drafts, so that the report editor and the overview
//! show work in progress: 住建局's draft of the last full year (one table-二
//! cell still blank, so the editor shows a finding) and 自然资源和规划局's
//! early draft of the current year. Seeded only where no draft exists, so an
//! officer's edits survive a re-seed.

use gongkai_domain::report::{CellKey, ProactiveField, ProactiveRow};
use rust_decimal::Decimal;

use super::DEMO_ACTOR;
use crate::{DraftContent, NarrativePart, Store, StoreError};

/// 海盐县住房和城乡建设局.
const HOUSING_CODE: &str = "330424107";
/// 海盐县自然资源和规划局.
const RESOURCES_CODE: &str = "330424106";
/// The last full year of the demo's data (its reports run to 2025).
const LAST_FULL_YEAR: i32 = 2025;

fn figures(content: &mut DraftContent, values: [(ProactiveRow, ProactiveField, Option<i64>); 4]) {
    for (row, field, value) in values {
        content
            .figures
            .insert(CellKey::Proactive(row, field), value.map(Decimal::from));
    }
}

fn housing() -> DraftContent {
    use ProactiveField::{AmountWanYuan, Decisions};
    use ProactiveRow::{Coercion, Fees, Licensing, Penalty};
    let mut content = DraftContent::default();
    figures(
        &mut content,
        [
            (Licensing, Decisions, Some(1286)),
            (Penalty, Decisions, Some(74)),
            (Coercion, Decisions, Some(3)),
            (Fees, AmountWanYuan, None),
        ],
    );
    for (part, text) in [
        (
            NarrativePart::OverviewProactive,
            "2025年，我局通过海盐县人民政府门户网站“政府信息公开”专栏主动公开政府信息312条，其中住房保障、建筑市场监管、城镇老旧小区改造等重点领域信息146条。",
        ),
        (
            NarrativePart::OverviewApplications,
            "严格执行依申请公开办理规范，所有申请均在法定期限内答复。",
        ),
        (
            NarrativePart::OverviewManagement,
            "落实公开属性源头认定和保密审查制度，对拟公开信息逐件审核。",
        ),
        (
            NarrativePart::OverviewPlatform,
            "持续完善门户网站专栏，同步通过“海盐住建”微信公众号发布政策解读。",
        ),
        (
            NarrativePart::OverviewSupervision,
            "将政府信息公开工作纳入年度考核，组织业务培训2次。",
        ),
        (
            NarrativePart::Problems,
            "存在的问题：部分政策解读形式较单一。改进措施：2026年增加图解、视频解读。",
        ),
    ] {
        content.narratives.insert(part, text.to_owned());
    }
    content
}

fn resources() -> DraftContent {
    use ProactiveField::{AmountWanYuan, Decisions};
    use ProactiveRow::{Coercion, Fees, Licensing, Penalty};
    let mut content = DraftContent::default();
    figures(
        &mut content,
        [
            (Licensing, Decisions, Some(402)),
            (Penalty, Decisions, None),
            (Coercion, Decisions, None),
            (Fees, AmountWanYuan, None),
        ],
    );
    content.narratives.insert(
        NarrativePart::OverviewProactive,
        "（年中初稿，待年底补充完整。）".to_owned(),
    );
    content
}

/// Seeds the demo drafts that do not exist yet.
pub(crate) async fn seed(store: &Store) -> Result<(), StoreError> {
    for (code, year, content) in [
        (HOUSING_CODE, LAST_FULL_YEAR, housing()),
        (RESOURCES_CODE, LAST_FULL_YEAR + 1, resources()),
    ] {
        if store.report_draft(code, year).await?.is_some() {
            continue;
        }
        store
            .save_report_draft(DEMO_ACTOR, code, year, &content, Some(0))
            .await?;
    }
    Ok(())
}
