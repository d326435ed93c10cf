//! The publishing workflow of catalog items: drafts, 保密审查 and the review
//! steps, publication, withdrawal and replacement, attachments, links between
//! 政策解读 and the documents they interpret, and the Art. 26 deadline
//! (published within 20 working days after the information is formed).

use chrono::{DateTime, NaiveDate, Utc};
use gongkai_domain::calendar::WorkCalendar;

use super::keyed_enum;
use super::{CatalogItem, Category, DisclosureMode, Validity};

/// The review steps an agency uses until an administrator configures its own:
/// 保密审查, then 科室负责人审核 and 办公室审核 (三审 with the drafter).
pub const DEFAULT_REVIEW_STEPS: [&str; 3] = ["保密审查", "科室负责人审核", "办公室审核"];

/// The most review steps an agency may configure.
pub const MAX_REVIEW_STEPS: usize = 8;

/// Art. 26 of the Regulation: items are published within 20 working days
/// after they are formed (成文日期).
pub const PUBLISH_WITHIN_WORKDAYS: u32 = 20;

keyed_enum! {
    /// What kind of document an item is.
    pub enum ItemKind {
        /// An ordinary item (a policy document, notice, statistics…).
        Document => "document", "政府信息";
        /// 政策解读: explains one or more policy documents.
        Interpretation => "interpretation", "政策解读";
    }
}

keyed_enum! {
    /// Where an item is in the publishing workflow.
    pub enum WorkflowStage {
        /// Being written by its drafter (also after a rejection).
        Draft => "draft", "草稿";
        /// Submitted; waiting for the decision of the current review step.
        InReview => "in_review", "审核中";
        /// Every review step approved; waiting to be published.
        Approved => "approved", "待发布";
        /// Public.
        Published => "published", "已发布";
        /// Taken down, with a reason.
        Withdrawn => "withdrawn", "已撤回";
        /// Superseded by a published replacement.
        Replaced => "replaced", "已被替换";
    }
}

keyed_enum! {
    /// A reviewer's decision on one step.
    pub enum ReviewDecision {
        /// 通过: the item goes on to the next step (or is ready to publish).
        Approve => "approve", "通过";
        /// 退回: the item goes back to its drafter as a draft.
        Reject => "reject", "退回";
    }
}

/// The metadata of an item that staff write in a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDraft {
    /// The publishing agency's code.
    pub agency_code: String,
    /// Document or 政策解读.
    pub kind: ItemKind,
    /// 标题.
    pub title: String,
    /// 文号.
    pub doc_number: Option<String>,
    /// 成文日期 (starts the Art. 26 period).
    pub written_on: Option<NaiveDate>,
    /// The statutory category.
    pub category: Category,
    /// 主题分类.
    pub topic: String,
    /// 有效性.
    pub validity: Validity,
    /// When the validity changed (required unless 有效).
    pub validity_changed_on: Option<NaiveDate>,
    /// 公开方式.
    pub disclosure_mode: DisclosureMode,
    /// 正文.
    pub body: String,
}

/// The workflow state of an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemWorkflow {
    /// The catalog item.
    pub item_id: i64,
    /// Document or 政策解读.
    pub kind: ItemKind,
    /// The stage.
    pub stage: WorkflowStage,
    /// The review steps of the current round, frozen at submission.
    pub steps: Vec<String>,
    /// Index into `steps` of the step waiting for a decision.
    pub current_step: usize,
    /// The review round (1 for the first submission, +1 after each rejection).
    pub round: i64,
    /// Username of the drafter (may not approve the item).
    pub drafted_by: String,
    /// The comment of the last rejection, shown to the drafter.
    pub last_rejection: Option<String>,
    /// The published item this draft replaces.
    pub replaces: Option<i64>,
    /// The item that replaced this one.
    pub replaced_by: Option<i64>,
    /// Why it was withdrawn.
    pub withdrawn_reason: Option<String>,
    /// When it was withdrawn.
    pub withdrawn_on: Option<NaiveDate>,
}

impl ItemWorkflow {
    /// The name of the step waiting for a decision, while in review.
    pub fn current_step_name(&self) -> Option<&str> {
        (self.stage == WorkflowStage::InReview)
            .then(|| self.steps.get(self.current_step).map(String::as_str))
            .flatten()
    }
}

/// A catalog item with its workflow state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManagedItem {
    /// The item's metadata and status.
    pub item: CatalogItem,
    /// Its workflow (derived from the status for items imported as published).
    pub workflow: ItemWorkflow,
}

/// One recorded decision of a review step (append-only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRecord {
    /// The review round.
    pub round: i64,
    /// Position of the step (0-based) in the round's steps.
    pub step_position: usize,
    /// The step's name, e.g. 保密审查.
    pub step_name: String,
    /// 通过 or 退回.
    pub decision: ReviewDecision,
    /// The reviewer's comment.
    pub comment: String,
    /// The reviewer's username.
    pub reviewer: String,
    /// The reviewer's name as shown.
    pub reviewer_name: String,
    /// When.
    pub decided_at: DateTime<Utc>,
}

/// A file attached to a catalog item, without its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemAttachment {
    /// Internal id.
    pub id: i64,
    /// The item.
    pub item_id: i64,
    /// The file's name (no directory part).
    pub file_name: String,
    /// Its media type.
    pub media_type: String,
    /// Its size in bytes.
    pub size: u64,
    /// Lowercase hex SHA-256 of the content.
    pub sha256: String,
    /// When it was attached.
    pub created_at: DateTime<Utc>,
}

/// Which items the back office lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManagedItemFilter {
    /// Only these agencies; `None` for all.
    pub agencies: Option<Vec<String>>,
    /// Only this stage.
    pub stage: Option<WorkflowStage>,
    /// Only this category.
    pub category: Option<Category>,
    /// Only items late under Art. 26.
    pub late_only: bool,
    /// 1-based page.
    pub page: u32,
    /// Items per page (1–200).
    pub per_page: u32,
}

/// One row of the back-office list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManagedItemRow {
    /// The item (its body left empty).
    pub item: CatalogItem,
    /// Its stage.
    pub stage: WorkflowStage,
    /// Its kind.
    pub kind: ItemKind,
    /// The Art. 26 deadline, when known.
    pub deadline: Option<PublishDeadline>,
}

/// A page of the back-office list with the number of late items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManagedItemPage {
    /// The rows of this page.
    pub rows: Vec<ManagedItemRow>,
    /// Items matching the filter on all pages.
    pub total: u64,
    /// Of the items matching the filter without `late_only`, how many are late.
    pub late: u64,
    /// This page (1-based).
    pub page: u32,
    /// Items per page.
    pub per_page: u32,
}

/// The Art. 26 deadline of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublishDeadline {
    /// 成文日期.
    pub written_on: NaiveDate,
    /// The last day to publish: 20 working days after 成文日期.
    pub due_on: NaiveDate,
    /// Published after `due_on`, or unpublished and past it.
    pub late: bool,
}

impl PublishDeadline {
    /// The deadline of an item formed on `written_on`, published on
    /// `published_on` (if at all), as of `today`. `None` when the calendar does
    /// not cover the dates (no working-day data for that year).
    pub fn compute(
        calendar: &WorkCalendar,
        written_on: NaiveDate,
        published_on: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Option<PublishDeadline> {
        let due_on = calendar
            .add_workdays(written_on, PUBLISH_WITHIN_WORKDAYS)
            .ok()?;
        Some(PublishDeadline::with_due_date(
            written_on,
            due_on,
            published_on,
            today,
        ))
    }

    /// The deadline when the due date is already known (lists compute it
    /// once per 成文日期).
    pub fn with_due_date(
        written_on: NaiveDate,
        due_on: NaiveDate,
        published_on: Option<NaiveDate>,
        today: NaiveDate,
    ) -> PublishDeadline {
        let late = match published_on {
            Some(published) => published > due_on,
            None => today > due_on,
        };
        PublishDeadline {
            written_on,
            due_on,
            late,
        }
    }
}

/// The review steps of an agency, checked: 1 to [`MAX_REVIEW_STEPS`] names
/// of 1–30 characters, no duplicates. Returns the trimmed names.
pub fn check_review_steps(steps: &[String]) -> Result<Vec<String>, crate::StoreError> {
    let names: Vec<String> = steps
        .iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    if names.is_empty() {
        return Err(crate::StoreError::InvalidField {
            field: "审核步骤",
            message: "至少需要一个审核步骤".into(),
        });
    }
    if names.len() > MAX_REVIEW_STEPS {
        return Err(crate::StoreError::InvalidField {
            field: "审核步骤",
            message: format!("最多{MAX_REVIEW_STEPS}个步骤（收到{}个）", names.len()),
        });
    }
    for (i, name) in names.iter().enumerate() {
        if name.chars().count() > 30 || name.chars().any(char::is_control) {
            return Err(crate::StoreError::InvalidField {
                field: "审核步骤",
                message: format!("第{}个步骤“{name}”过长或含有控制字符（最多30个字）", i + 1),
            });
        }
        if names[..i].contains(name) {
            return Err(crate::StoreError::InvalidField {
                field: "审核步骤",
                message: format!("步骤“{name}”重复"),
            });
        }
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn twenty_working_days_skip_the_national_day_holiday() {
        let calendar = WorkCalendar::operational().unwrap();
        // Formed on Friday 2024-09-27: 29 Sep and 12 Oct are make-up
        // workdays, 1–7 Oct the National Day holiday.
        let deadline =
            PublishDeadline::compute(calendar, d(2024, 9, 27), None, d(2024, 10, 1)).unwrap();
        assert_eq!(deadline.due_on, d(2024, 10, 30));
        assert!(!deadline.late);
        let late = PublishDeadline::compute(
            calendar,
            d(2024, 9, 27),
            Some(d(2024, 10, 31)),
            d(2025, 1, 1),
        )
        .unwrap();
        assert!(late.late);
        let on_time = PublishDeadline::compute(
            calendar,
            d(2024, 9, 27),
            Some(d(2024, 10, 30)),
            d(2025, 1, 1),
        )
        .unwrap();
        assert!(!on_time.late);
        let overdue =
            PublishDeadline::compute(calendar, d(2024, 9, 27), None, d(2024, 10, 31)).unwrap();
        assert!(overdue.late);
    }

    #[test]
    fn review_steps_are_checked() {
        let ok =
            check_review_steps(&[" 保密审查 ".into(), "".into(), "分管领导审核".into()]).unwrap();
        assert_eq!(ok, vec!["保密审查", "分管领导审核"]);
        assert!(check_review_steps(&[]).is_err());
        assert!(check_review_steps(&["甲".into(), "甲".into()]).is_err());
        assert!(check_review_steps(&["长".repeat(31)]).is_err());
    }
}
