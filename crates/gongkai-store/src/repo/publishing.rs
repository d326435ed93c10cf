//! The publishing workflow of catalog items: drafts, review steps with their
//! recorded decisions, publication, withdrawal, replacement, attachments and
//! interpretation links. Every change is one transaction with an audit entry
//! on the item (`catalog_item` / 索引号), which is the item's history.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::{Value, json};
use sqlx::any::AnyRow;

use super::catalog::{COLUMNS, decode as decode_item, fetch_item};
use super::{Tx, audit, col, sha256_hex};
use crate::error::Context;
use crate::fields::required_text;
use crate::model::decode_key;
use crate::time::{date_text, now_text, parse_opt_date, parse_timestamp};
use crate::{
    AuditEntry, CatalogItem, DEFAULT_REVIEW_STEPS, ItemAttachment, ItemDraft, ItemKind, ItemStatus,
    ItemWorkflow, MAX_ATTACHMENT_BYTES, ManagedItem, ManagedItemFilter, ManagedItemPage,
    ManagedItemRow, NewAttachment, NewAuditEntry, NewCatalogItem, PUBLISH_WITHIN_WORKDAYS,
    PublishDeadline, ReviewDecision, ReviewRecord, Store, StoreError, WorkflowStage,
    check_review_steps,
};

const WORKFLOW_COLUMNS: &str = "item_id, kind, stage, steps_json, current_step, round, drafted_by, \
     last_rejection, replaces_id, replaced_by_id, withdrawn_reason, withdrawn_on";

const ATTACHMENT_COLUMNS: &str =
    "id, item_id, file_name, media_type, size_bytes, sha256, created_at";

/// The longest comment or reason accepted, in characters.
const MAX_COMMENT_CHARS: usize = 2000;

/// What the public page of an item needs, read in one query: the item,
/// its workflow and whether it has attachments or interpretation links (so
/// the page asks for those only when there are some).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicItem {
    /// The item.
    pub item: CatalogItem,
    /// Its workflow (the implicit one when it has no workflow row).
    pub workflow: ItemWorkflow,
    /// Whether the item has attachments.
    pub has_attachments: bool,
    /// Whether the item interprets, or is interpreted by, another item.
    pub has_links: bool,
}

/// What publishing an item did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishOutcome {
    /// The item, now published.
    pub published: CatalogItem,
    /// The item it replaced, now withdrawn as replaced.
    pub replaced: Option<CatalogItem>,
}

fn decode_workflow(row: &AnyRow) -> Result<ItemWorkflow, StoreError> {
    let steps_json: String = col(row, "steps_json")?;
    let steps: Vec<String> =
        serde_json::from_str(&steps_json).map_err(|_| StoreError::Corrupt {
            what: "item_workflow.steps_json",
            value: steps_json.clone(),
        })?;
    let current: i64 = col(row, "current_step")?;
    Ok(ItemWorkflow {
        item_id: col(row, "item_id")?,
        kind: decode_key("item_workflow.kind", col(row, "kind")?, ItemKind::from_key)?,
        stage: decode_key(
            "item_workflow.stage",
            col(row, "stage")?,
            WorkflowStage::from_key,
        )?,
        steps,
        current_step: usize::try_from(current).map_err(|_| StoreError::Corrupt {
            what: "item_workflow.current_step",
            value: current.to_string(),
        })?,
        round: col(row, "round")?,
        drafted_by: col(row, "drafted_by")?,
        last_rejection: col(row, "last_rejection")?,
        replaces: col(row, "replaces_id")?,
        replaced_by: col(row, "replaced_by_id")?,
        withdrawn_reason: col(row, "withdrawn_reason")?,
        withdrawn_on: parse_opt_date("item_workflow.withdrawn_on", col(row, "withdrawn_on")?)?,
    })
}

/// The workflow of an item that has no workflow row (imported as published).
fn implicit_workflow(item: &CatalogItem) -> ItemWorkflow {
    ItemWorkflow {
        item_id: item.id,
        kind: ItemKind::Document,
        stage: match item.status {
            ItemStatus::Draft => WorkflowStage::Draft,
            ItemStatus::Published => WorkflowStage::Published,
            ItemStatus::Withdrawn => WorkflowStage::Withdrawn,
        },
        steps: Vec::new(),
        current_step: 0,
        round: 0,
        drafted_by: String::new(),
        last_rejection: None,
        replaces: None,
        replaced_by: None,
        withdrawn_reason: None,
        withdrawn_on: None,
    }
}

fn decode_attachment(row: &AnyRow) -> Result<ItemAttachment, StoreError> {
    let size: i64 = col(row, "size_bytes")?;
    Ok(ItemAttachment {
        id: col(row, "id")?,
        item_id: col(row, "item_id")?,
        file_name: col(row, "file_name")?,
        media_type: col(row, "media_type")?,
        size: u64::try_from(size).map_err(|_| StoreError::Corrupt {
            what: "item_attachments.size_bytes",
            value: size.to_string(),
        })?,
        sha256: col(row, "sha256")?,
        created_at: parse_timestamp(
            "item_attachments.created_at",
            &col::<String>(row, "created_at")?,
        )?,
    })
}

fn decode_review(row: &AnyRow) -> Result<ReviewRecord, StoreError> {
    let position: i64 = col(row, "step_position")?;
    Ok(ReviewRecord {
        round: col(row, "round")?,
        step_position: usize::try_from(position).unwrap_or_default(),
        step_name: col(row, "step_name")?,
        decision: decode_key(
            "item_reviews.decision",
            col(row, "decision")?,
            ReviewDecision::from_key,
        )?,
        comment: col(row, "comment")?,
        reviewer: col(row, "reviewer")?,
        reviewer_name: col(row, "reviewer_name")?,
        decided_at: parse_timestamp(
            "item_reviews.decided_at",
            &col::<String>(row, "decided_at")?,
        )?,
    })
}

/// A file name without any directory part or control characters; `None`
/// when nothing usable remains (so `../../etc/passwd` becomes `passwd`).
pub(crate) fn clean_file_name(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base.chars().filter(|c| !c.is_control()).collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim();
    (!cleaned.is_empty() && cleaned.chars().count() <= 200).then(|| cleaned.to_owned())
}

/// A comment, reason or similar free text: trimmed, at most
/// [`MAX_COMMENT_CHARS`]; `required` refuses an empty one.
fn free_text(field: &'static str, text: &str, required: bool) -> Result<String, StoreError> {
    let text = text.trim();
    if required && text.is_empty() {
        return Err(StoreError::InvalidField {
            field,
            message: "不能为空".into(),
        });
    }
    if text.chars().count() > MAX_COMMENT_CHARS {
        return Err(StoreError::InvalidField {
            field,
            message: format!("最多{MAX_COMMENT_CHARS}个字"),
        });
    }
    Ok(text.to_owned())
}

/// The draft's metadata as a new catalog item.
fn new_item(draft: &ItemDraft) -> Result<NewCatalogItem, StoreError> {
    let title = required_text("标题", &draft.title, 300)?;
    let doc_number = draft
        .doc_number
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| required_text("文号", d, 100))
        .transpose()?;
    let topic = draft.topic.trim().to_owned();
    if topic.chars().count() > 50 {
        return Err(StoreError::InvalidField {
            field: "主题分类",
            message: "最多50个字".into(),
        });
    }
    if draft.body.chars().count() > 200_000 {
        return Err(StoreError::InvalidField {
            field: "正文",
            message: "最多200000个字".into(),
        });
    }
    let item = NewCatalogItem {
        index_no: None,
        agency_code: draft.agency_code.clone(),
        title,
        doc_number,
        written_on: draft.written_on,
        published_on: None,
        category: draft.category,
        topic,
        validity: draft.validity,
        validity_changed_on: draft.validity_changed_on,
        disclosure_mode: draft.disclosure_mode,
        body: draft.body.trim_end().to_owned(),
        status: ItemStatus::Draft,
    };
    super::catalog::check(&item)?;
    Ok(item)
}

fn refuse(message: impl Into<String>) -> StoreError {
    StoreError::Invalid(message.into())
}

fn stage_refusal(item: &CatalogItem, stage: WorkflowStage, what: &str) -> StoreError {
    refuse(format!(
        "信息“{}”当前为“{}”，不能{what}",
        item.title,
        stage.label()
    ))
}

async fn fetch_item_by_id(tx: &mut Tx<'_>, id: i64) -> Result<CatalogItem, StoreError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM catalog_items WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&mut **tx)
    .await
    .ctx("读取主动公开信息")?
    .ok_or_else(|| StoreError::NotFound {
        entity: "信息",
        key: id.to_string(),
    })?;
    decode_item(&row)
}

/// The item and its workflow in `tx`; a row is created for items that had none.
async fn fetch_managed(tx: &mut Tx<'_>, id: i64) -> Result<ManagedItem, StoreError> {
    let item = fetch_item_by_id(tx, id).await?;
    let row = sqlx::query(&format!(
        "SELECT {WORKFLOW_COLUMNS} FROM item_workflow WHERE item_id = $1"
    ))
    .bind(id)
    .fetch_optional(&mut **tx)
    .await
    .ctx("读取发布流程")?;
    let workflow = match row {
        Some(row) => decode_workflow(&row)?,
        None => {
            let workflow = implicit_workflow(&item);
            sqlx::query(
                "INSERT INTO item_workflow (item_id, kind, stage, drafted_by, updated_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(workflow.kind.key())
            .bind(workflow.stage.key())
            .bind(&workflow.drafted_by)
            .bind(now_text())
            .execute(&mut **tx)
            .await
            .ctx("建立发布流程记录")?;
            workflow
        }
    };
    Ok(ManagedItem { item, workflow })
}

/// Writes the mutable fields of `workflow`.
async fn save_workflow(tx: &mut Tx<'_>, workflow: &ItemWorkflow) -> Result<(), StoreError> {
    let steps = serde_json::to_string(&workflow.steps).unwrap_or_else(|_| "[]".into());
    sqlx::query(
        "UPDATE item_workflow SET kind = $2, stage = $3, steps_json = $4, current_step = $5, round = $6, \
         last_rejection = $7, replaces_id = $8, replaced_by_id = $9, withdrawn_reason = $10, withdrawn_on = $11, \
         updated_at = $12 WHERE item_id = $1",
    )
    .bind(workflow.item_id)
    .bind(workflow.kind.key())
    .bind(workflow.stage.key())
    .bind(steps)
    .bind(i64::try_from(workflow.current_step).unwrap_or(i64::MAX))
    .bind(workflow.round)
    .bind(&workflow.last_rejection)
    .bind(workflow.replaces)
    .bind(workflow.replaced_by)
    .bind(&workflow.withdrawn_reason)
    .bind(workflow.withdrawn_on.map(date_text))
    .bind(now_text())
    .execute(&mut **tx)
    .await
    .ctx("更新发布流程")?;
    Ok(())
}

/// Sets an item's status and 发布日期.
async fn save_status(
    tx: &mut Tx<'_>,
    id: i64,
    status: ItemStatus,
    published_on: Option<NaiveDate>,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE catalog_items SET status = $2, published_on = $3, updated_at = $4 WHERE id = $1",
    )
    .bind(id)
    .bind(status.key())
    .bind(published_on.map(date_text))
    .bind(now_text())
    .execute(&mut **tx)
    .await
    .ctx("更新信息状态")?;
    Ok(())
}

impl ManagedItem {
    /// The item and its workflow state as recorded in the audit log.
    pub fn audit_json(&self) -> Value {
        let mut value = self.item.audit_json();
        if let Value::Object(map) = &mut value {
            map.insert("stage".into(), json!(self.workflow.stage.key()));
            map.insert("kind".into(), json!(self.workflow.kind.key()));
            if let Some(step) = self.workflow.current_step_name() {
                map.insert("review_step".into(), json!(step));
            }
            if let Some(reason) = &self.workflow.withdrawn_reason {
                map.insert("withdrawn_reason".into(), json!(reason));
            }
        }
        value
    }
}

/// Ends a change of item `id` in `tx`: reads the item back, appends the audit
/// entry of `action` with the item before and after, and commits.
async fn finish_change(
    mut tx: Tx<'_>,
    actor: &str,
    action: &str,
    id: i64,
    before: &ManagedItem,
    commit_context: &'static str,
) -> Result<ManagedItem, StoreError> {
    let after = fetch_managed(&mut tx, id).await?;
    log(
        &mut tx,
        actor,
        action,
        &after.item.index_no,
        Some(before.audit_json()),
        Some(after.audit_json()),
    )
    .await?;
    tx.commit().await.ctx(commit_context)?;
    Ok(after)
}

/// Appends an audit entry on the item.
async fn log(
    tx: &mut Tx<'_>,
    actor: &str,
    action: &str,
    index_no: &str,
    before: Option<Value>,
    after: Option<Value>,
) -> Result<(), StoreError> {
    audit::append(
        tx,
        &NewAuditEntry {
            actor: actor.to_owned(),
            action: action.to_owned(),
            entity_type: "catalog_item".into(),
            entity_key: index_no.to_owned(),
            before,
            after,
        },
    )
    .await?;
    Ok(())
}

impl Store {
    /// The review steps of `agency_code`: the configured ones, or
    /// [`DEFAULT_REVIEW_STEPS`].
    pub async fn review_steps(&self, agency_code: &str) -> Result<Vec<String>, StoreError> {
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM review_step_configs WHERE agency_code = $1 ORDER BY position",
        )
        .bind(agency_code)
        .fetch_all(&self.pool)
        .await
        .ctx("读取审核步骤")?;
        Ok(if names.is_empty() {
            DEFAULT_REVIEW_STEPS
                .iter()
                .map(|s| (*s).to_owned())
                .collect()
        } else {
            names
        })
    }

    /// Replaces the review steps of `agency_code` (items already in review keep
    /// the steps they were submitted with). Audited.
    pub async fn set_review_steps(
        &self,
        actor: &str,
        agency_code: &str,
        steps: &[String],
    ) -> Result<Vec<String>, StoreError> {
        let steps = check_review_steps(steps)?;
        let before = self.review_steps(agency_code).await?;
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let exists: Option<String> =
            sqlx::query_scalar("SELECT code FROM agencies WHERE code = $1")
                .bind(agency_code)
                .fetch_optional(&mut *tx)
                .await
                .ctx("读取机构")?;
        if exists.is_none() {
            return Err(StoreError::NotFound {
                entity: "机构",
                key: agency_code.to_owned(),
            });
        }
        sqlx::query("DELETE FROM review_step_configs WHERE agency_code = $1")
            .bind(agency_code)
            .execute(&mut *tx)
            .await
            .ctx("更新审核步骤")?;
        let now = now_text();
        for (position, name) in steps.iter().enumerate() {
            sqlx::query(
                "INSERT INTO review_step_configs (agency_code, position, name, updated_by, updated_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(agency_code)
            .bind(i64::try_from(position).unwrap_or_default())
            .bind(name)
            .bind(actor)
            .bind(&now)
            .execute(&mut *tx)
            .await
            .ctx("保存审核步骤")?;
        }
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: actor.to_owned(),
                action: "publishing.review_steps".into(),
                entity_type: "agency".into(),
                entity_key: agency_code.to_owned(),
                before: Some(json!({ "steps": before })),
                after: Some(json!({ "steps": steps })),
            },
        )
        .await?;
        tx.commit().await.ctx("提交审核步骤")?;
        Ok(steps)
    }

    /// Creates a draft with a generated 索引号, drafted by `actor`. Audited.
    pub async fn create_draft(
        &self,
        actor: &str,
        draft: &ItemDraft,
    ) -> Result<ManagedItem, StoreError> {
        self.insert_draft(actor, draft, None).await
    }

    async fn insert_draft(
        &self,
        actor: &str,
        draft: &ItemDraft,
        replaces: Option<i64>,
    ) -> Result<ManagedItem, StoreError> {
        let item = new_item(draft)?;
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let agency: Option<String> =
            sqlx::query_scalar("SELECT code FROM agencies WHERE code = $1")
                .bind(&draft.agency_code)
                .fetch_optional(&mut *tx)
                .await
                .ctx("读取机构")?;
        if agency.is_none() {
            return Err(StoreError::NotFound {
                entity: "机构",
                key: draft.agency_code.clone(),
            });
        }
        let index_no = self
            .insert_item(&mut tx, &item)
            .await?
            .ok_or_else(|| refuse("生成的索引号已存在，请重试"))?;
        let created = fetch_item(&mut tx, &index_no).await?;
        sqlx::query(
            "INSERT INTO item_workflow (item_id, kind, stage, drafted_by, replaces_id, updated_at) \
             VALUES ($1, $2, 'draft', $3, $4, $5)",
        )
        .bind(created.id)
        .bind(draft.kind.key())
        .bind(actor)
        .bind(replaces)
        .bind(now_text())
        .execute(&mut *tx)
        .await
        .ctx("建立发布流程记录")?;
        if let Some(old) = replaces {
            // A replacement starts with the attachments of the item it replaces.
            sqlx::query(
                "INSERT INTO item_attachments (item_id, file_name, media_type, size_bytes, sha256, content, created_by, created_at) \
                 SELECT $1, file_name, media_type, size_bytes, sha256, content, $2, $3 FROM item_attachments WHERE item_id = $4 ORDER BY id",
            )
            .bind(created.id)
            .bind(actor)
            .bind(now_text())
            .bind(old)
            .execute(&mut *tx)
            .await
            .ctx("复制附件")?;
        }
        let managed = fetch_managed(&mut tx, created.id).await?;
        let action = if replaces.is_some() {
            "publishing.replacement_draft"
        } else {
            "publishing.create_draft"
        };
        log(
            &mut tx,
            actor,
            action,
            &index_no,
            None,
            Some(managed.audit_json()),
        )
        .await?;
        tx.commit().await.ctx("提交草稿")?;
        Ok(managed)
    }

    /// Changes the metadata of a draft (its agency and 索引号 stay). Audited
    /// with the values before and after.
    pub async fn update_draft(
        &self,
        actor: &str,
        id: i64,
        draft: &ItemDraft,
    ) -> Result<ManagedItem, StoreError> {
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let before = fetch_managed(&mut tx, id).await?;
        if before.workflow.stage != WorkflowStage::Draft {
            return Err(stage_refusal(&before.item, before.workflow.stage, "修改"));
        }
        let item = new_item(&ItemDraft {
            agency_code: before.item.agency_code.clone(),
            ..draft.clone()
        })?;
        sqlx::query(
            "UPDATE catalog_items SET title = $2, doc_number = $3, written_on = $4, category = $5, topic = $6, \
             validity = $7, validity_changed_on = $8, disclosure_mode = $9, body = $10, updated_at = $11 WHERE id = $1",
        )
        .bind(id)
        .bind(&item.title)
        .bind(&item.doc_number)
        .bind(item.written_on.map(date_text))
        .bind(item.category.key())
        .bind(&item.topic)
        .bind(item.validity.key())
        .bind(item.validity_changed_on.map(date_text))
        .bind(item.disclosure_mode.key())
        .bind(&item.body)
        .bind(now_text())
        .execute(&mut *tx)
        .await
        .ctx("保存草稿")?;
        let mut workflow = before.workflow.clone();
        workflow.kind = draft.kind;
        save_workflow(&mut tx, &workflow).await?;
        finish_change(tx, actor, "publishing.edit_draft", id, &before, "提交草稿").await
    }

    /// The item with `id` and its workflow.
    pub async fn managed_item(&self, id: i64) -> Result<Option<ManagedItem>, StoreError> {
        let Some(row) = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM catalog_items WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .ctx("读取主动公开信息")?
        else {
            return Ok(None);
        };
        let item = decode_item(&row)?;
        let workflow = self.workflow_of(&item).await?;
        Ok(Some(ManagedItem { item, workflow }))
    }

    /// The workflow of `item` (implicit for items that never went through it).
    pub async fn workflow_of(&self, item: &CatalogItem) -> Result<ItemWorkflow, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {WORKFLOW_COLUMNS} FROM item_workflow WHERE item_id = $1"
        ))
        .bind(item.id)
        .fetch_optional(&self.pool)
        .await
        .ctx("读取发布流程")?;
        match row {
            Some(row) => decode_workflow(&row),
            None => Ok(implicit_workflow(item)),
        }
    }

    /// The item with 索引号 `index_no` with its workflow and whether it has
    /// attachments or interpretation links: one query for the public item
    /// page, the hottest page of the portal.
    pub async fn public_item(&self, index_no: &str) -> Result<Option<PublicItem>, StoreError> {
        let workflow_columns = WORKFLOW_COLUMNS
            .split(',')
            .map(|c| format!("w.{}", c.trim()))
            .collect::<Vec<_>>()
            .join(", ");
        let Some(row) = sqlx::query(&format!(
            "SELECT {}, {workflow_columns}, \
             (SELECT COUNT(*) FROM item_attachments a WHERE a.item_id = c.id) AS attachment_count, \
             (SELECT COUNT(*) FROM item_interpretations l WHERE l.document_id = c.id) \
             + (SELECT COUNT(*) FROM item_interpretations l WHERE l.interpretation_id = c.id) AS link_count \
             FROM catalog_items c LEFT JOIN item_workflow w ON w.item_id = c.id WHERE c.index_no = $1",
            prefixed_columns(true)
        ))
        .bind(index_no)
        .fetch_optional(&self.pool)
        .await
        .ctx("读取主动公开信息")?
        else {
            return Ok(None);
        };
        let item = decode_item(&row)?;
        let workflow = match col::<Option<i64>>(&row, "item_id")? {
            Some(_) => decode_workflow(&row)?,
            None => implicit_workflow(&item),
        };
        Ok(Some(PublicItem {
            item,
            workflow,
            has_attachments: col::<i64>(&row, "attachment_count")? > 0,
            has_links: col::<i64>(&row, "link_count")? > 0,
        }))
    }

    /// Submits a draft for review with the agency's current steps. Audited.
    pub async fn submit_for_review(&self, actor: &str, id: i64) -> Result<ManagedItem, StoreError> {
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let before = fetch_managed(&mut tx, id).await?;
        if before.workflow.stage != WorkflowStage::Draft {
            return Err(stage_refusal(
                &before.item,
                before.workflow.stage,
                "提交审核",
            ));
        }
        if before.item.body.trim().is_empty() {
            return Err(StoreError::InvalidField {
                field: "正文",
                message: "提交审核前请填写正文".into(),
            });
        }
        let steps: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM review_step_configs WHERE agency_code = $1 ORDER BY position",
        )
        .bind(&before.item.agency_code)
        .fetch_all(&mut *tx)
        .await
        .ctx("读取审核步骤")?;
        let mut workflow = before.workflow.clone();
        workflow.steps = if steps.is_empty() {
            DEFAULT_REVIEW_STEPS
                .iter()
                .map(|s| (*s).to_owned())
                .collect()
        } else {
            steps
        };
        workflow.stage = WorkflowStage::InReview;
        workflow.current_step = 0;
        workflow.round += 1;
        save_workflow(&mut tx, &workflow).await?;
        finish_change(tx, actor, "publishing.submit", id, &before, "提交审核").await
    }

    /// Records `reviewer`'s decision on the current step: 通过 moves on (after
    /// the last step the item is ready to publish), 退回 (comment required)
    /// sends it back to draft. The drafter may not decide on their own item.
    pub async fn decide_review(
        &self,
        reviewer: &str,
        reviewer_name: &str,
        id: i64,
        decision: ReviewDecision,
        comment: &str,
    ) -> Result<ManagedItem, StoreError> {
        let comment = free_text("审核意见", comment, decision == ReviewDecision::Reject)?;
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let before = fetch_managed(&mut tx, id).await?;
        let Some(step_name) = before.workflow.current_step_name().map(str::to_owned) else {
            return Err(stage_refusal(&before.item, before.workflow.stage, "审核"));
        };
        if before.workflow.drafted_by == reviewer {
            return Err(refuse("起草人不能审核自己起草的信息，请由其他审核人员处理"));
        }
        sqlx::query(
            "INSERT INTO item_reviews (item_id, round, step_position, step_name, decision, comment, reviewer, \
             reviewer_name, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(id)
        .bind(before.workflow.round)
        .bind(i64::try_from(before.workflow.current_step).unwrap_or_default())
        .bind(&step_name)
        .bind(decision.key())
        .bind(&comment)
        .bind(reviewer)
        .bind(reviewer_name)
        .bind(now_text())
        .execute(&mut *tx)
        .await
        .ctx("记录审核意见")?;
        let mut workflow = before.workflow.clone();
        match decision {
            ReviewDecision::Approve => {
                if workflow.current_step + 1 >= workflow.steps.len() {
                    workflow.stage = WorkflowStage::Approved;
                } else {
                    workflow.current_step += 1;
                }
            }
            ReviewDecision::Reject => {
                workflow.stage = WorkflowStage::Draft;
                workflow.current_step = 0;
                workflow.last_rejection = Some(format!("{step_name}退回：{comment}"));
            }
        }
        save_workflow(&mut tx, &workflow).await?;
        let after = fetch_managed(&mut tx, id).await?;
        log(
            &mut tx,
            reviewer,
            &format!("publishing.review.{}", decision.key()),
            &after.item.index_no,
            Some(before.audit_json()),
            Some({
                let mut v = after.audit_json();
                if let Value::Object(map) = &mut v {
                    map.insert("decided_step".into(), json!(step_name));
                    map.insert("comment".into(), json!(comment));
                }
                v
            }),
        )
        .await?;
        tx.commit().await.ctx("提交审核意见")?;
        Ok(after)
    }

    /// The recorded review decisions of an item, oldest first.
    pub async fn review_records(&self, id: i64) -> Result<Vec<ReviewRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT round, step_position, step_name, decision, comment, reviewer, reviewer_name, decided_at \
             FROM item_reviews WHERE item_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await
        .ctx("读取审核记录")?;
        rows.iter().map(decode_review).collect()
    }

    /// Publishes an approved item on `on` (its 发布日期). When it replaces a
    /// published item, that one is withdrawn as replaced in the same
    /// transaction. Audited.
    pub async fn publish_item(
        &self,
        actor: &str,
        id: i64,
        on: NaiveDate,
    ) -> Result<PublishOutcome, StoreError> {
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let before = fetch_managed(&mut tx, id).await?;
        if before.workflow.stage != WorkflowStage::Approved {
            return Err(stage_refusal(
                &before.item,
                before.workflow.stage,
                "发布（须先通过全部审核步骤）",
            ));
        }
        if let Some(written) = before.item.written_on
            && on < written
        {
            return Err(refuse(format!(
                "发布日期{}早于成文日期{}",
                date_text(on),
                date_text(written)
            )));
        }
        save_status(&mut tx, id, ItemStatus::Published, Some(on)).await?;
        let mut workflow = before.workflow.clone();
        workflow.stage = WorkflowStage::Published;
        save_workflow(&mut tx, &workflow).await?;
        let after = fetch_managed(&mut tx, id).await?;
        log(
            &mut tx,
            actor,
            "publishing.publish",
            &after.item.index_no,
            Some(before.audit_json()),
            Some(after.audit_json()),
        )
        .await?;
        let mut replaced = None;
        if let Some(old_id) = before.workflow.replaces {
            let old = fetch_managed(&mut tx, old_id).await?;
            if old.workflow.stage == WorkflowStage::Published {
                save_status(
                    &mut tx,
                    old_id,
                    ItemStatus::Withdrawn,
                    old.item.published_on,
                )
                .await?;
                let mut old_workflow = old.workflow.clone();
                old_workflow.stage = WorkflowStage::Replaced;
                old_workflow.replaced_by = Some(id);
                old_workflow.withdrawn_on = Some(on);
                old_workflow.withdrawn_reason =
                    Some(format!("已被新版本（索引号{}）替换", after.item.index_no));
                save_workflow(&mut tx, &old_workflow).await?;
                let old_after = fetch_managed(&mut tx, old_id).await?;
                log(
                    &mut tx,
                    actor,
                    "publishing.replaced",
                    &old_after.item.index_no,
                    Some(old.audit_json()),
                    Some(old_after.audit_json()),
                )
                .await?;
                replaced = Some(old_after.item);
            }
        }
        tx.commit().await.ctx("提交发布")?;
        Ok(PublishOutcome {
            published: after.item,
            replaced,
        })
    }

    /// Withdraws a published item on `on` with `reason`. Audited.
    pub async fn withdraw_item(
        &self,
        actor: &str,
        id: i64,
        reason: &str,
        on: NaiveDate,
    ) -> Result<ManagedItem, StoreError> {
        let reason = free_text("撤回原因", reason, true)?;
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let before = fetch_managed(&mut tx, id).await?;
        if before.workflow.stage != WorkflowStage::Published {
            return Err(stage_refusal(&before.item, before.workflow.stage, "撤回"));
        }
        save_status(&mut tx, id, ItemStatus::Withdrawn, before.item.published_on).await?;
        let mut workflow = before.workflow.clone();
        workflow.stage = WorkflowStage::Withdrawn;
        workflow.withdrawn_reason = Some(reason);
        workflow.withdrawn_on = Some(on);
        save_workflow(&mut tx, &workflow).await?;
        finish_change(tx, actor, "publishing.withdraw", id, &before, "提交撤回").await
    }

    /// Starts a replacement of published item `id`: a new draft with a copy of
    /// its metadata, body and attachments, which withdraws it when published.
    /// One open replacement per item.
    pub async fn start_replacement(&self, actor: &str, id: i64) -> Result<ManagedItem, StoreError> {
        let old = self
            .managed_item(id)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                entity: "信息",
                key: id.to_string(),
            })?;
        if old.workflow.stage != WorkflowStage::Published {
            return Err(stage_refusal(&old.item, old.workflow.stage, "替换"));
        }
        let open: Option<String> = sqlx::query_scalar(
            "SELECT c.index_no FROM item_workflow w JOIN catalog_items c ON c.id = w.item_id \
             WHERE w.replaces_id = $1 AND w.stage IN ('draft', 'in_review', 'approved')",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .ctx("查找替换稿")?;
        if let Some(index_no) = open {
            return Err(refuse(format!(
                "该信息已有正在办理的替换稿（索引号{index_no}），请继续办理该稿"
            )));
        }
        let draft = ItemDraft {
            agency_code: old.item.agency_code.clone(),
            kind: old.workflow.kind,
            title: old.item.title.clone(),
            doc_number: old.item.doc_number.clone(),
            written_on: old.item.written_on,
            category: old.item.category,
            topic: old.item.topic.clone(),
            validity: old.item.validity,
            validity_changed_on: old.item.validity_changed_on,
            disclosure_mode: old.item.disclosure_mode,
            body: old.item.body.clone(),
        };
        let created = self.insert_draft(actor, &draft, Some(id)).await?;
        Ok(created)
    }

    /// Published items replaced by, or open drafts replacing, item `id`.
    pub async fn replacement_of(&self, id: i64) -> Result<Option<CatalogItem>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {} FROM catalog_items c JOIN item_workflow w ON w.item_id = c.id \
             WHERE w.replaces_id = $1 ORDER BY c.id DESC LIMIT 1",
            prefixed_columns(false)
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .ctx("查找替换稿")?;
        row.map(|r| decode_item(&r)).transpose()
    }

    /// The item with internal `id`, in any status.
    pub async fn catalog_item_by_id(&self, id: i64) -> Result<Option<CatalogItem>, StoreError> {
        sqlx::query(&format!(
            "SELECT {COLUMNS} FROM catalog_items WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .ctx("读取主动公开信息")?
        .map(|row| decode_item(&row))
        .transpose()
    }

    /// Attaches a file to draft `item_id` (1 byte to 20 MB, name without
    /// directories, stored with its SHA-256). Audited without the content.
    pub async fn add_item_attachment(
        &self,
        actor: &str,
        item_id: i64,
        file: &NewAttachment,
    ) -> Result<ItemAttachment, StoreError> {
        let file_name = clean_file_name(&file.file_name).ok_or_else(|| StoreError::Attachment {
            file_name: file.file_name.chars().take(60).collect(),
            problem: "的文件名无效（为空、过长或只含路径）".into(),
        })?;
        if file.bytes.is_empty() {
            return Err(StoreError::Attachment {
                file_name,
                problem: "为空（0字节），请重新选择文件".into(),
            });
        }
        if file.bytes.len() > MAX_ATTACHMENT_BYTES {
            return Err(StoreError::Attachment {
                file_name,
                problem: format!(
                    "大小为{}字节，超过{}MB上限",
                    file.bytes.len(),
                    MAX_ATTACHMENT_BYTES / (1024 * 1024)
                ),
            });
        }
        let media_type = match file.media_type.trim() {
            "" => "application/octet-stream".to_owned(),
            t => required_text("附件类型", t, 255)?,
        };
        let sha256 = sha256_hex(&file.bytes);
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let managed = fetch_managed(&mut tx, item_id).await?;
        if managed.workflow.stage != WorkflowStage::Draft {
            return Err(stage_refusal(
                &managed.item,
                managed.workflow.stage,
                "添加附件",
            ));
        }
        let row = sqlx::query(&format!(
            "INSERT INTO item_attachments (item_id, file_name, media_type, size_bytes, sha256, content, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {ATTACHMENT_COLUMNS}"
        ))
        .bind(item_id)
        .bind(&file_name)
        .bind(&media_type)
        .bind(i64::try_from(file.bytes.len()).unwrap_or(i64::MAX))
        .bind(&sha256)
        .bind(file.bytes.clone())
        .bind(actor)
        .bind(now_text())
        .fetch_one(&mut *tx)
        .await
        .ctx("保存附件")?;
        let attachment = decode_attachment(&row)?;
        log(
            &mut tx,
            actor,
            "publishing.attachment_add",
            &managed.item.index_no,
            None,
            Some(json!({
                "attachment_id": attachment.id, "file_name": attachment.file_name,
                "media_type": attachment.media_type, "size": attachment.size, "sha256": attachment.sha256,
            })),
        )
        .await?;
        tx.commit().await.ctx("提交附件")?;
        Ok(attachment)
    }

    /// Removes attachment `attachment_id` from draft `item_id`. Audited.
    pub async fn remove_item_attachment(
        &self,
        actor: &str,
        item_id: i64,
        attachment_id: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let managed = fetch_managed(&mut tx, item_id).await?;
        if managed.workflow.stage != WorkflowStage::Draft {
            return Err(stage_refusal(
                &managed.item,
                managed.workflow.stage,
                "删除附件",
            ));
        }
        let row = sqlx::query(&format!(
            "SELECT {ATTACHMENT_COLUMNS} FROM item_attachments WHERE id = $1 AND item_id = $2"
        ))
        .bind(attachment_id)
        .bind(item_id)
        .fetch_optional(&mut *tx)
        .await
        .ctx("读取附件")?
        .ok_or_else(|| StoreError::NotFound {
            entity: "附件",
            key: attachment_id.to_string(),
        })?;
        let attachment = decode_attachment(&row)?;
        sqlx::query("DELETE FROM item_attachments WHERE id = $1")
            .bind(attachment_id)
            .execute(&mut *tx)
            .await
            .ctx("删除附件")?;
        log(
            &mut tx,
            actor,
            "publishing.attachment_remove",
            &managed.item.index_no,
            Some(json!({
                "attachment_id": attachment.id, "file_name": attachment.file_name,
                "size": attachment.size, "sha256": attachment.sha256,
            })),
            None,
        )
        .await?;
        tx.commit().await.ctx("提交附件")?;
        Ok(())
    }

    /// The attachments of an item, oldest first, without content.
    pub async fn item_attachments(&self, item_id: i64) -> Result<Vec<ItemAttachment>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {ATTACHMENT_COLUMNS} FROM item_attachments WHERE item_id = $1 ORDER BY id"
        ))
        .bind(item_id)
        .fetch_all(&self.pool)
        .await
        .ctx("读取附件列表")?;
        rows.iter().map(decode_attachment).collect()
    }

    /// An item attachment with its content.
    pub async fn item_attachment_content(
        &self,
        id: i64,
    ) -> Result<Option<(ItemAttachment, Vec<u8>)>, StoreError> {
        let Some(row) = sqlx::query(&format!(
            "SELECT {ATTACHMENT_COLUMNS}, content FROM item_attachments WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .ctx("读取附件")?
        else {
            return Ok(None);
        };
        Ok(Some((decode_attachment(&row)?, col(&row, "content")?)))
    }

    /// Links 政策解读 `interpretation_id` to the document it interprets. Both
    /// must exist, the first be an interpretation and the second not. Audited.
    pub async fn link_interpretation(
        &self,
        actor: &str,
        interpretation_id: i64,
        document_id: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let interpretation = fetch_managed(&mut tx, interpretation_id).await?;
        let document = fetch_managed(&mut tx, document_id).await?;
        if interpretation.workflow.kind != ItemKind::Interpretation {
            return Err(refuse(format!(
                "“{}”不是政策解读，不能关联解读对象",
                interpretation.item.title
            )));
        }
        if document.workflow.kind == ItemKind::Interpretation || interpretation_id == document_id {
            return Err(refuse(format!(
                "“{}”本身是政策解读，不能作为解读对象",
                document.item.title
            )));
        }
        let inserted = sqlx::query(
            "INSERT INTO item_interpretations (interpretation_id, document_id, created_by, created_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (interpretation_id, document_id) DO NOTHING",
        )
        .bind(interpretation_id)
        .bind(document_id)
        .bind(actor)
        .bind(now_text())
        .execute(&mut *tx)
        .await
        .ctx("保存解读关联")?;
        if inserted.rows_affected() > 0 {
            log(
                &mut tx,
                actor,
                "publishing.link_interpretation",
                &interpretation.item.index_no,
                None,
                Some(json!({ "document": document.item.index_no, "document_title": document.item.title })),
            )
            .await?;
        }
        tx.commit().await.ctx("提交解读关联")?;
        Ok(())
    }

    /// Removes the link between an interpretation and a document. Audited.
    pub async fn unlink_interpretation(
        &self,
        actor: &str,
        interpretation_id: i64,
        document_id: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let interpretation = fetch_item_by_id(&mut tx, interpretation_id).await?;
        let document = fetch_item_by_id(&mut tx, document_id).await?;
        let removed = sqlx::query(
            "DELETE FROM item_interpretations WHERE interpretation_id = $1 AND document_id = $2",
        )
        .bind(interpretation_id)
        .bind(document_id)
        .execute(&mut *tx)
        .await
        .ctx("删除解读关联")?;
        if removed.rows_affected() > 0 {
            log(
                &mut tx,
                actor,
                "publishing.unlink_interpretation",
                &interpretation.index_no,
                Some(json!({ "document": document.index_no, "document_title": document.title })),
                None,
            )
            .await?;
        }
        tx.commit().await.ctx("提交解读关联")?;
        Ok(())
    }

    /// The documents interpretation `id` interprets (any status), oldest link first.
    pub async fn interpreted_documents(&self, id: i64) -> Result<Vec<CatalogItem>, StoreError> {
        self.linked_items(
            "JOIN item_interpretations l ON l.document_id = c.id WHERE l.interpretation_id = $1",
            id,
        )
        .await
    }

    /// The interpretations of document `id` (any status), oldest link first.
    pub async fn interpretations_of(&self, id: i64) -> Result<Vec<CatalogItem>, StoreError> {
        self.linked_items(
            "JOIN item_interpretations l ON l.interpretation_id = c.id WHERE l.document_id = $1",
            id,
        )
        .await
    }

    async fn linked_items(&self, join: &str, id: i64) -> Result<Vec<CatalogItem>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM catalog_items c {join} ORDER BY l.created_at, c.id",
            prefixed_columns(true)
        ))
        .bind(id)
        .fetch_all(&self.pool)
        .await
        .ctx("读取解读关联")?;
        rows.iter().map(decode_item).collect()
    }

    /// The Art. 26 deadline of `item` as of the store's today, with the store's
    /// calendar; `None` without 成文日期 or outside the calendar's years.
    pub fn publish_deadline(&self, item: &CatalogItem) -> Option<PublishDeadline> {
        let calendar = self.calendar().ok()?;
        PublishDeadline::compute(calendar, item.written_on?, item.published_on, self.today())
    }

    /// The history of an item: its audit entries, oldest first.
    pub async fn item_history(&self, item: &CatalogItem) -> Result<Vec<AuditEntry>, StoreError> {
        self.audit_entries("catalog_item", &item.index_no).await
    }

    /// The back-office list: items of the filter's agencies, newest change
    /// first, with their stage and Art. 26 deadline, and how many are late.
    ///
    /// The database filters, counts and pages: the due date of each distinct
    /// 成文日期 is computed once with the working-day calendar and kept in the
    /// derived table `publish_due_dates` that the queries join, so a large
    /// catalog is never read into memory.
    pub async fn list_managed_items(
        &self,
        filter: &ManagedItemFilter,
    ) -> Result<ManagedItemPage, StoreError> {
        if filter.page == 0 || filter.per_page == 0 || filter.per_page > 200 {
            return Err(refuse("页码须从 1 开始，每页条数须在 1 至 200 之间"));
        }
        let empty = || ManagedItemPage {
            rows: Vec::new(),
            total: 0,
            late: 0,
            page: filter.page,
            per_page: filter.per_page,
        };
        let mut conditions = Vec::new();
        let mut binds: Vec<String> = Vec::new();
        if let Some(codes) = &filter.agencies {
            if codes.is_empty() {
                return Ok(empty());
            }
            let mut marks = Vec::new();
            for code in codes {
                binds.push(code.clone());
                marks.push(format!("${}", binds.len()));
            }
            conditions.push(format!("c.agency_code IN ({})", marks.join(", ")));
        }
        if let Some(stage) = filter.stage {
            binds.push(stage.key().to_owned());
            conditions.push(format!("COALESCE(w.stage, c.status) = ${}", binds.len()));
        }
        if let Some(category) = filter.category {
            binds.push(category.key().to_owned());
            conditions.push(format!("c.category = ${}", binds.len()));
        }
        const FROM: &str = "FROM catalog_items c LEFT JOIN item_workflow w ON w.item_id = c.id";

        // The due date of every 成文日期 in the selection.
        let mut dated = conditions.clone();
        dated.push("c.written_on IS NOT NULL".into());
        let sql = format!(
            "SELECT DISTINCT c.written_on {FROM} WHERE {}",
            dated.join(" AND ")
        );
        let mut query = sqlx::query_scalar::<_, String>(&sql);
        for value in &binds {
            query = query.bind(value);
        }
        let written: Vec<String> = query.fetch_all(&self.pool).await.ctx("读取成文日期")?;
        let calendar = self.calendar().ok();
        let mut due_dates: HashMap<NaiveDate, NaiveDate> = HashMap::new();
        for text in &written {
            let written_on = crate::time::parse_date("catalog_items.written_on", text)?;
            if let Some(due) =
                calendar.and_then(|c| c.add_workdays(written_on, PUBLISH_WITHIN_WORKDAYS).ok())
            {
                due_dates.insert(written_on, due);
            }
        }

        self.refresh_due_dates(&written, &due_dates).await?;
        binds.push(date_text(self.today()));
        // Withdrawn and replaced items no longer count as late or on time.
        let late_sql = format!(
            "(COALESCE(w.stage, c.status) NOT IN ('withdrawn', 'replaced') AND \
             ((c.published_on IS NOT NULL AND c.published_on > d.due_on) OR \
              (c.published_on IS NULL AND d.due_on < ${})))",
            binds.len()
        );
        let from = format!("{FROM} LEFT JOIN publish_due_dates d ON d.written_on = c.written_on");
        let where_of = |extra: Option<&str>| {
            let mut all: Vec<&str> = conditions.iter().map(String::as_str).collect();
            all.extend(extra);
            if all.is_empty() {
                String::new()
            } else {
                format!(" WHERE {}", all.join(" AND "))
            }
        };
        let count = |sql: String| {
            let binds = &binds;
            async move {
                let mut query = sqlx::query_scalar::<_, i64>(&sql);
                for value in binds {
                    query = query.bind(value);
                }
                query.fetch_one(&self.pool).await.ctx("统计信息")
            }
        };
        let late = count(format!(
            "SELECT COUNT(*) {from}{}",
            where_of(Some(&late_sql))
        ))
        .await?;
        let listing_filter = where_of(filter.late_only.then_some(late_sql.as_str()));
        let total = if filter.late_only {
            late
        } else {
            count(format!("SELECT COUNT(*) {from}{listing_filter}")).await?
        };
        if total == 0 {
            return Ok(ManagedItemPage {
                late: u64::try_from(late).unwrap_or_default(),
                ..empty()
            });
        }

        let n = binds.len();
        let sql = format!(
            "SELECT {}, COALESCE(w.stage, c.status) AS stage, COALESCE(w.kind, 'document') AS kind \
             {from}{listing_filter} ORDER BY c.updated_at DESC, c.id DESC LIMIT ${} OFFSET ${}",
            prefixed_columns(false),
            n + 1,
            n + 2
        );
        let mut query = sqlx::query(&sql);
        for value in &binds {
            query = query.bind(value);
        }
        let rows = query
            .bind(i64::from(filter.per_page))
            .bind(i64::from(filter.page - 1) * i64::from(filter.per_page))
            .fetch_all(&self.pool)
            .await
            .ctx("读取信息列表")?;
        let today = self.today();
        let mut page = Vec::with_capacity(rows.len());
        for row in &rows {
            let item = decode_item(row)?;
            let stage = decode_key(
                "item_workflow.stage",
                col(row, "stage")?,
                WorkflowStage::from_key,
            )?;
            let kind = decode_key("item_workflow.kind", col(row, "kind")?, ItemKind::from_key)?;
            let deadline = match (stage, item.written_on) {
                (WorkflowStage::Withdrawn | WorkflowStage::Replaced, _) | (_, None) => None,
                (_, Some(written)) => due_dates.get(&written).map(|due| {
                    PublishDeadline::with_due_date(written, *due, item.published_on, today)
                }),
            };
            page.push(ManagedItemRow {
                item,
                stage,
                kind,
                deadline,
            });
        }
        Ok(ManagedItemPage {
            rows: page,
            total: u64::try_from(total).unwrap_or_default(),
            late: u64::try_from(late).unwrap_or_default(),
            page: filter.page,
            per_page: filter.per_page,
        })
    }
}

impl Store {
    /// Brings `publish_due_dates` in line with `due_dates` for the 成文日期
    /// in `written` (usually nothing to write; one transaction otherwise).
    async fn refresh_due_dates(
        &self,
        written: &[String],
        due_dates: &HashMap<NaiveDate, NaiveDate>,
    ) -> Result<(), StoreError> {
        let stored: HashMap<String, String> =
            sqlx::query("SELECT written_on, due_on FROM publish_due_dates")
                .fetch_all(&self.pool)
                .await
                .ctx("读取发布期限")?
                .iter()
                .map(|row| Ok((col(row, "written_on")?, col(row, "due_on")?)))
                .collect::<Result<_, StoreError>>()?;
        let mut upserts = Vec::new();
        let mut deletes = Vec::new();
        for text in written {
            let wanted = crate::time::parse_date("catalog_items.written_on", text)
                .ok()
                .and_then(|w| due_dates.get(&w))
                .map(|d| date_text(*d));
            match (wanted, stored.get(text)) {
                (Some(due), Some(have)) if *have == due => {}
                (Some(due), _) => upserts.push((text.clone(), due)),
                (None, Some(_)) => deletes.push(text.clone()),
                (None, None) => {}
            }
        }
        if upserts.is_empty() && deletes.is_empty() {
            return Ok(());
        }
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        for (written_on, due_on) in &upserts {
            sqlx::query(
                "INSERT INTO publish_due_dates (written_on, due_on) VALUES ($1, $2) \
                 ON CONFLICT (written_on) DO UPDATE SET due_on = excluded.due_on",
            )
            .bind(written_on)
            .bind(due_on)
            .execute(&mut *tx)
            .await
            .ctx("保存发布期限")?;
        }
        for written_on in &deletes {
            sqlx::query("DELETE FROM publish_due_dates WHERE written_on = $1")
                .bind(written_on)
                .execute(&mut *tx)
                .await
                .ctx("保存发布期限")?;
        }
        tx.commit().await.ctx("提交发布期限")?;
        Ok(())
    }
}

/// The catalog columns prefixed with `c.`; the body is read only when `with_body`.
fn prefixed_columns(with_body: bool) -> String {
    COLUMNS
        .split(',')
        .map(str::trim)
        .map(|c| {
            if c == "body" && !with_body {
                "'' AS body".to_owned()
            } else {
                format!("c.{c}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::clean_file_name;

    #[test]
    fn file_names_lose_their_directories() {
        assert_eq!(
            clean_file_name("../../etc/passwd").as_deref(),
            Some("passwd")
        );
        assert_eq!(
            clean_file_name("C:\\Users\\a\\通知.pdf").as_deref(),
            Some("通知.pdf")
        );
        assert_eq!(
            clean_file_name("a\u{0}b\r\n.txt").as_deref(),
            Some("ab.txt")
        );
        assert_eq!(clean_file_name("..").as_deref(), None);
        assert_eq!(clean_file_name("dir/").as_deref(), None);
    }
}
