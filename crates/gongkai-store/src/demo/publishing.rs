//! Demo items in every stage of the publishing workflow, drafted by the
//! demo officer of 海盐县教育局 (`jiaoyu`) and reviewed by the government's
//! reviewer (`shenyue`): drafts, items waiting at each review step, a
//! rejected draft, an approved item, items published on time and late, a
//! withdrawn item and a replaced one, with attachments and a 政策解读 linked
//! to its 规范性文件.
//!
//! Everything goes through the store's workflow API, dated relative to the
//! store's today; a marker in the audit log makes later runs add nothing.

use chrono::{Duration, NaiveDate};

use super::DEMO_ACTOR;
use crate::{
    Category, DisclosureMode, ItemDraft, ItemKind, NewAttachment, NewAuditEntry, ReviewDecision,
    Store, StoreError, Validity,
};

const AGENCY: &str = "330424102";
const DRAFTER: &str = "jiaoyu";
const REVIEWER: (&str, &str) = ("shenyue", "钱审阅");
const MARKER_TYPE: &str = "demo";
const MARKER_KEY: &str = "publishing";

/// How far an item goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Goal {
    Draft,
    /// Waiting at this review step (0-based).
    AtStep(usize),
    Rejected,
    Approved,
    Published,
    Withdrawn,
}

struct DemoItem {
    title: &'static str,
    doc_number: Option<&'static str>,
    kind: ItemKind,
    category: Category,
    /// Days before today it was formed.
    formed_days_ago: i64,
    /// Days before today it is published (when it gets there).
    published_days_ago: i64,
    goal: Goal,
    attachment: Option<(&'static str, &'static str)>,
}

const ITEMS: &[DemoItem] = &[
    DemoItem {
        title: "关于做好2026年义务教育阶段学校招生入学工作的通知（草稿）",
        doc_number: Some("盐教〔2026〕3号"),
        kind: ItemKind::Document,
        category: Category::PublicWelfare,
        formed_days_ago: 3,
        published_days_ago: 0,
        goal: Goal::Draft,
        attachment: Some((
            "招生计划表.csv",
            "学校,计划数\n武原小学,360\n向阳小学,240\n",
        )),
    },
    DemoItem {
        title: "海盐县教育局关于公布2025年度民办学校年度检查结果的公告",
        doc_number: None,
        kind: ItemKind::Document,
        category: Category::Licensing,
        formed_days_ago: 40,
        published_days_ago: 0,
        goal: Goal::AtStep(0),
        attachment: None,
    },
    DemoItem {
        title: "海盐县中小学校园食品安全专项检查情况通报",
        doc_number: None,
        kind: ItemKind::Document,
        category: Category::Inspections,
        formed_days_ago: 8,
        published_days_ago: 0,
        goal: Goal::AtStep(1),
        attachment: None,
    },
    DemoItem {
        title: "海盐县教育局2026年部门预算公开说明",
        doc_number: None,
        kind: ItemKind::Document,
        category: Category::Budget,
        formed_days_ago: 6,
        published_days_ago: 0,
        goal: Goal::AtStep(2),
        attachment: Some((
            "2026年部门预算表.csv",
            "项目,金额（万元）\n基本支出,12850.6\n项目支出,4321.0\n",
        )),
    },
    DemoItem {
        title: "关于开展2026年中小学教师资格认定工作的公告",
        doc_number: None,
        kind: ItemKind::Document,
        category: Category::Licensing,
        formed_days_ago: 10,
        published_days_ago: 0,
        goal: Goal::Rejected,
        attachment: None,
    },
    DemoItem {
        title: "海盐县2026年春季学期学生资助政策告知书",
        doc_number: None,
        kind: ItemKind::Document,
        category: Category::PublicWelfare,
        formed_days_ago: 5,
        published_days_ago: 0,
        goal: Goal::Approved,
        attachment: None,
    },
    DemoItem {
        title: "海盐县校外培训机构监督管理办法",
        doc_number: Some("盐教发〔2025〕21号"),
        kind: ItemKind::Document,
        category: Category::Regulations,
        formed_days_ago: 30,
        published_days_ago: 25,
        goal: Goal::Published,
        attachment: Some((
            "校外培训机构监督管理办法.txt",
            "海盐县校外培训机构监督管理办法\n\n第一条 为规范校外培训机构办学行为……\n",
        )),
    },
    DemoItem {
        title: "《海盐县校外培训机构监督管理办法》政策解读",
        doc_number: None,
        kind: ItemKind::Interpretation,
        category: Category::Regulations,
        formed_days_ago: 28,
        published_days_ago: 25,
        goal: Goal::Published,
        attachment: None,
    },
    DemoItem {
        title: "海盐县2025年秋季学期中小学校车安全检查结果公示",
        doc_number: None,
        kind: ItemKind::Document,
        category: Category::Inspections,
        formed_days_ago: 90,
        published_days_ago: 20,
        goal: Goal::Published,
        attachment: None,
    },
    DemoItem {
        title: "关于2025年教师招聘考试时间安排的通知",
        doc_number: None,
        kind: ItemKind::Document,
        category: Category::CivilService,
        formed_days_ago: 70,
        published_days_ago: 65,
        goal: Goal::Withdrawn,
        attachment: None,
    },
];

/// The item that a replacement supersedes, and its replacement's new title.
const REPLACED: (&str, &str) = (
    "海盐县学前教育收费管理办法",
    "海盐县学前教育收费管理办法（2026年修订）",
);

fn body_of(title: &str) -> String {
    format!(
        "{title}\n\n各乡镇（街道）中心学校，县直各学校：\n\n根据《中华人民共和国政府信息公开条例》和上级有关文件精神，结合我县实际，现将有关事项公布如下。\n\n一、工作目标。进一步规范办事流程，提高服务质量，切实保障群众的知情权、参与权和监督权。\n\n二、工作要求。各单位要高度重视，明确责任分工，按时保质完成各项工作任务。\n\n海盐县教育局"
    )
}

fn draft_of(item: &DemoItem, today: NaiveDate) -> ItemDraft {
    ItemDraft {
        agency_code: AGENCY.to_owned(),
        kind: item.kind,
        title: item.title.to_owned(),
        doc_number: item.doc_number.map(str::to_owned),
        written_on: Some(today - Duration::days(item.formed_days_ago)),
        category: item.category,
        topic: "教育".to_owned(),
        validity: Validity::Valid,
        validity_changed_on: None,
        disclosure_mode: DisclosureMode::Proactive,
        body: body_of(item.title),
    }
}

async fn approve(store: &Store, id: i64, times: usize) -> Result<(), StoreError> {
    let comments = [
        "不涉及国家秘密、工作秘密和个人隐私，同意公开。",
        "内容准确，同意。",
        "同意发布。",
    ];
    for i in 0..times {
        store
            .decide_review(
                REVIEWER.0,
                REVIEWER.1,
                id,
                ReviewDecision::Approve,
                comments[i % 3],
            )
            .await?;
    }
    Ok(())
}

/// Takes a fresh draft `id` as far as `goal`.
async fn advance(
    store: &Store,
    id: i64,
    goal: Goal,
    published_on: NaiveDate,
) -> Result<(), StoreError> {
    if goal == Goal::Draft {
        return Ok(());
    }
    store.submit_for_review(DRAFTER, id).await?;
    match goal {
        Goal::Draft => {}
        Goal::AtStep(step) => approve(store, id, step).await?,
        Goal::Rejected => {
            approve(store, id, 1).await?;
            store
                .decide_review(
                    REVIEWER.0,
                    REVIEWER.1,
                    id,
                    ReviewDecision::Reject,
                    "认定条件表述与省教育厅最新文件不一致，请核对后修改。",
                )
                .await?;
        }
        Goal::Approved | Goal::Published | Goal::Withdrawn => {
            let steps = store
                .managed_item(id)
                .await?
                .map_or(0, |m| m.workflow.steps.len());
            approve(store, id, steps).await?;
            if goal != Goal::Approved {
                store.publish_item(DRAFTER, id, published_on).await?;
            }
            if goal == Goal::Withdrawn {
                store
                    .withdraw_item(
                        DRAFTER,
                        id,
                        "考试时间已调整，以新发布的通知为准。",
                        published_on + Duration::days(3),
                    )
                    .await?;
            }
        }
    }
    Ok(())
}

/// Seeds the publishing demo once; later runs find the marker and add nothing.
pub(crate) async fn seed(store: &Store) -> Result<(), StoreError> {
    if !store
        .audit_entries(MARKER_TYPE, MARKER_KEY)
        .await?
        .is_empty()
        || store.agency(AGENCY).await?.is_none()
    {
        return Ok(());
    }
    let today = store.today();
    let mut document = None;
    let mut interpretation = None;
    for item in ITEMS {
        let created = store.create_draft(DRAFTER, &draft_of(item, today)).await?;
        let id = created.item.id;
        if let Some((name, content)) = item.attachment {
            let media_type = if name.ends_with(".csv") {
                "text/csv"
            } else {
                "text/plain"
            };
            store
                .add_item_attachment(
                    DRAFTER,
                    id,
                    &NewAttachment {
                        file_name: name.to_owned(),
                        media_type: media_type.to_owned(),
                        bytes: content.as_bytes().to_vec(),
                    },
                )
                .await?;
        }
        advance(
            store,
            id,
            item.goal,
            today - Duration::days(item.published_days_ago),
        )
        .await?;
        if item.category == Category::Regulations {
            match item.kind {
                ItemKind::Document => document = Some(id),
                ItemKind::Interpretation => interpretation = Some(id),
            }
        }
    }
    if let (Some(document), Some(interpretation)) = (document, interpretation) {
        store
            .link_interpretation(DRAFTER, interpretation, document)
            .await?;
    }
    // A published item replaced by a revised version.
    let old = DemoItem {
        title: REPLACED.0,
        doc_number: Some("盐教发〔2023〕8号"),
        kind: ItemKind::Document,
        category: Category::Fees,
        formed_days_ago: 400,
        published_days_ago: 395,
        goal: Goal::Published,
        attachment: None,
    };
    let old_id = store
        .create_draft(DRAFTER, &draft_of(&old, today))
        .await?
        .item
        .id;
    advance(store, old_id, Goal::Published, today - Duration::days(395)).await?;
    let new = store.start_replacement(DRAFTER, old_id).await?;
    let revised = ItemDraft {
        title: REPLACED.1.to_owned(),
        doc_number: Some("盐教发〔2026〕2号".to_owned()),
        written_on: Some(today - Duration::days(12)),
        body: body_of(REPLACED.1),
        ..draft_of(&old, today)
    };
    store.update_draft(DRAFTER, new.item.id, &revised).await?;
    advance(
        store,
        new.item.id,
        Goal::Published,
        today - Duration::days(2),
    )
    .await?;
    store
        .append_audit(&NewAuditEntry {
            actor: DEMO_ACTOR.to_owned(),
            action: "demo.seed".into(),
            entity_type: MARKER_TYPE.into(),
            entity_key: MARKER_KEY.into(),
            before: None,
            after: None,
        })
        .await?;
    Ok(())
}
