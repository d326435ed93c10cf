//! An item's history from its audit entries: who, when, what, and each
//! changed field as “before → after”.

use gongkai_store::{
    AuditEntry, Category, DisclosureMode, ItemKind, ItemStatus, Validity, WorkflowStage,
};
use serde_json::Value;

use super::views::HistoryRow;
use crate::staff::views::beijing_time;

/// The Chinese name of an action key.
fn action_label(action: &str) -> String {
    match action {
        "catalog.create" => "录入目录".into(),
        "catalog.import" => "导入目录".into(),
        "catalog.published" => "发布".into(),
        "catalog.withdrawn" => "撤回".into(),
        "publishing.create_draft" => "新建草稿".into(),
        "publishing.replacement_draft" => "新建替换稿".into(),
        "publishing.edit_draft" => "修改草稿".into(),
        "publishing.submit" => "提交审核".into(),
        "publishing.review.approve" => "审核通过".into(),
        "publishing.review.reject" => "审核退回".into(),
        "publishing.publish" => "发布".into(),
        "publishing.withdraw" => "撤回".into(),
        "publishing.replaced" => "被新版本替换".into(),
        "publishing.attachment_add" => "上传附件".into(),
        "publishing.attachment_remove" => "删除附件".into(),
        "publishing.link_interpretation" => "关联解读对象".into(),
        "publishing.unlink_interpretation" => "取消关联解读对象".into(),
        other => other.to_owned(),
    }
}

/// The Chinese name of a recorded field.
fn field_label(key: &str) -> &str {
    match key {
        "title" => "标题",
        "doc_number" => "文号",
        "written_on" => "成文日期",
        "published_on" => "发布日期",
        "category" => "信息分类",
        "topic" => "主题分类",
        "validity" => "有效性",
        "validity_changed_on" => "有效性变更日期",
        "disclosure_mode" => "公开方式",
        "body_chars" => "正文字数",
        "status" => "公开状态",
        "stage" => "流程状态",
        "kind" => "信息类型",
        "review_step" => "审核步骤",
        "withdrawn_reason" => "撤回原因",
        "decided_step" => "审核环节",
        "comment" => "审核意见",
        "file_name" => "文件名",
        "media_type" => "文件类型",
        "size" => "大小（字节）",
        "sha256" => "SHA-256",
        "document" => "解读对象索引号",
        "document_title" => "解读对象",
        other => other,
    }
}

/// A recorded value as shown (enum keys as their labels).
fn value_text(key: &str, value: &Value) -> String {
    let text = match value {
        Value::Null => return "（空）".into(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let label = match key {
        "category" => Category::from_key(&text).map(Category::label),
        "validity" => Validity::from_key(&text).map(Validity::label),
        "disclosure_mode" => DisclosureMode::from_key(&text).map(DisclosureMode::label),
        "status" => ItemStatus::from_key(&text).map(ItemStatus::label),
        "stage" => WorkflowStage::from_key(&text).map(WorkflowStage::label),
        "kind" => ItemKind::from_key(&text).map(ItemKind::label),
        _ => None,
    };
    label.map_or(text, str::to_owned)
}

/// The fields that differ between `before` and `after` (or all of one side).
fn changes(before: Option<&Value>, after: Option<&Value>) -> Vec<String> {
    const SKIP: [&str; 3] = ["index_no", "agency_code", "attachment_id"];
    let empty = serde_json::Map::new();
    let b = before.and_then(Value::as_object).unwrap_or(&empty);
    let a = after.and_then(Value::as_object).unwrap_or(&empty);
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.dedup();
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for key in keys {
        if seen.contains(&key) || SKIP.contains(&key.as_str()) {
            continue;
        }
        seen.push(key);
        let (old, new) = (b.get(key), a.get(key));
        // A new or removed record lists only the fields it has.
        if old == new || (before.is_none() && new == Some(&Value::Null)) {
            continue;
        }
        let label = field_label(key);
        out.push(match (old, new) {
            (Some(o), Some(n)) => {
                format!("{label}：{} → {}", value_text(key, o), value_text(key, n))
            }
            (None, Some(n)) if before.is_none() => format!("{label}：{}", value_text(key, n)),
            (None, Some(n)) => format!("{label}：（空） → {}", value_text(key, n)),
            (Some(o), None) if after.is_none() => format!("{label}：{}", value_text(key, o)),
            (Some(o), None) => format!("{label}：{} → （空）", value_text(key, o)),
            (None, None) => continue,
        });
    }
    out
}

/// The history rows of `entries`, newest first.
pub(crate) fn rows(entries: &[AuditEntry]) -> Vec<HistoryRow> {
    entries
        .iter()
        .rev()
        .map(|e| HistoryRow {
            at: beijing_time(e.occurred_at, "%Y-%m-%d %H:%M"),
            actor: e.actor.clone(),
            action: action_label(&e.action),
            changes: changes(e.before.as_ref(), e.after.as_ref()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn changes_name_fields_and_show_labels() {
        let before = json!({"index_no": "X", "title": "甲", "stage": "draft", "topic": ""});
        let after = json!({"index_no": "X", "title": "乙", "stage": "in_review", "topic": "", "review_step": "保密审查"});
        let c = changes(Some(&before), Some(&after));
        assert!(c.contains(&"标题：甲 → 乙".to_owned()), "{c:?}");
        assert!(c.contains(&"流程状态：草稿 → 审核中".to_owned()), "{c:?}");
        assert!(
            c.contains(&"审核步骤：（空） → 保密审查".to_owned()),
            "{c:?}"
        );
        assert_eq!(c.len(), 3);
        let created = changes(None, Some(&json!({"title": "甲"})));
        assert_eq!(created, vec!["标题：甲".to_owned()]);
    }
}
