//! The staff item page (`GET /staff/items/{id}`) and its actions (`POST
//! /staff/items/{id}/actions/{action}`): submit, approve, reject, publish,
//! withdraw, replace, link and unlink an interpreted document.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use gongkai_store::{
    CatalogItem, ItemKind, ItemStatus, MAX_ATTACHMENT_BYTES, ManagedItem, ReviewDecision,
    StaffRole, Store, WorkflowStage,
};
use serde::Deserialize;

use super::views::{
    Fact, FileRow, ItemActions, ItemView, LinkRow, ReviewRow, StepRow, stage_class,
};
use super::{
    ItemAccess, index_published, item_agencies, load_item, may_draft, may_review, unindex,
};
use crate::staff::error::StaffError;
use crate::staff::views::beijing_time;
use crate::staff::{Staff, StaffState};
use crate::text::item_href;

#[derive(Debug, Deserialize, Default)]
pub(crate) struct PageQuery {
    #[serde(default)]
    done: Option<String>,
}

fn done_message(done: &str) -> Option<&'static str> {
    Some(match done {
        "created" => "草稿已保存，索引号已生成。",
        "saved" => "草稿已保存。",
        "submit" => "已提交审核。",
        "approve" => "已记录审核意见：通过。",
        "reject" => "已退回起草人修改。",
        "publish" => "信息已发布，门户和全文检索已更新。",
        "withdraw" => "信息已撤回，已从门户和全文检索中移除。",
        "replace" => "已新建替换稿；替换稿发布后，原信息自动撤回并指向新版本。",
        "link" => "已关联解读对象。",
        "unlink" => "已取消关联。",
        "upload" => "附件已上传。",
        "remove" => "附件已删除。",
        _ => return None,
    })
}

/// `GET /staff/items/{id}`.
pub(crate) async fn page(
    State(state): State<StaffState>,
    staff: Staff,
    Path(id): Path<String>,
    Query(query): Query<PageQuery>,
) -> Result<Response, StaffError> {
    let managed = load_item(&state.app.store, &staff, &id, ItemAccess::Read).await?;
    let flash = query
        .done
        .as_deref()
        .and_then(done_message)
        .map(str::to_owned);
    render(
        &state.app.store,
        &staff,
        &managed,
        flash,
        None,
        StatusCode::OK,
    )
    .await
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "—".to_owned(), |d| d.format("%Y-%m-%d").to_string())
}

fn link_row(item: &CatalogItem) -> LinkRow {
    LinkRow {
        id: item.id,
        title: item.title.clone(),
        index_no: item.index_no.clone(),
        href: format!("/staff/items/{}", item.id),
        status: item.status.label(),
    }
}

/// Renders the item page with a confirmation or an error (status 422 then).
pub(crate) async fn render(
    store: &Store,
    staff: &Staff,
    managed: &ManagedItem,
    flash: Option<String>,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, StaffError> {
    let item = &managed.item;
    let workflow = &managed.workflow;
    let role = staff.user.role;
    let agency = store
        .agency(&item.agency_code)
        .await?
        .map_or_else(|| item.agency_code.clone(), |a| a.name);
    let validity = match item.validity_changed_on {
        Some(on) if item.validity != gongkai_store::Validity::Valid => {
            format!("{}（{}）", item.validity.label(), on.format("%Y-%m-%d"))
        }
        _ => item.validity.label().to_owned(),
    };
    let facts = vec![
        Fact {
            label: "索引号",
            value: item.index_no.clone(),
        },
        Fact {
            label: "发布机构",
            value: agency.clone(),
        },
        Fact {
            label: "信息类型",
            value: workflow.kind.label().to_owned(),
        },
        Fact {
            label: "文号",
            value: item.doc_number.clone().unwrap_or_else(|| "—".into()),
        },
        Fact {
            label: "成文日期",
            value: date(item.written_on),
        },
        Fact {
            label: "发布日期",
            value: date(item.published_on),
        },
        Fact {
            label: "信息分类",
            value: format!("{}（{}）", item.category.label(), item.category.article()),
        },
        Fact {
            label: "主题分类",
            value: if item.topic.is_empty() {
                "—".into()
            } else {
                item.topic.clone()
            },
        },
        Fact {
            label: "有效性",
            value: validity,
        },
        Fact {
            label: "公开方式",
            value: item.disclosure_mode.label().to_owned(),
        },
    ];
    let deadline = match workflow.stage {
        WorkflowStage::Withdrawn | WorkflowStage::Replaced => None,
        _ => store.publish_deadline(item),
    };
    let due_note = match (deadline, item.written_on) {
        (Some(d), _) => match (item.published_on, d.late) {
            (Some(p), true) => format!("已于{}发布，超过法定期限。", p.format("%Y-%m-%d")),
            (Some(p), false) => format!("已于{}按期发布。", p.format("%Y-%m-%d")),
            (None, true) => "已超过法定发布期限，请尽快完成审核并发布。".into(),
            (None, false) => {
                let left = store
                    .calendar()
                    .ok()
                    .and_then(|c| c.workdays_between(store.today(), d.due_on).ok())
                    .unwrap_or_default();
                format!("距发布期限还有{left}个工作日。")
            }
        },
        (None, None) => "未填写成文日期，无法计算发布期限。".into(),
        (None, Some(_)) => match workflow.stage {
            WorkflowStage::Withdrawn | WorkflowStage::Replaced => {
                "信息已撤回，不再计算发布期限。".into()
            }
            _ => "工作日历未覆盖成文日期所在年度，无法计算发布期限。".into(),
        },
    };
    let steps = workflow
        .steps
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let (state, state_label) = match workflow.stage {
                WorkflowStage::InReview if i < workflow.current_step => ("done", "已通过"),
                WorkflowStage::InReview if i == workflow.current_step => ("current", "待审核"),
                WorkflowStage::InReview | WorkflowStage::Draft => ("pending", "未开始"),
                _ => ("done", "已通过"),
            };
            StepRow {
                name: name.clone(),
                state,
                state_label,
            }
        })
        .collect();
    let reviews = store
        .review_records(item.id)
        .await?
        .into_iter()
        .map(|r| ReviewRow {
            round: r.round,
            step: r.step_name,
            decision: r.decision.label(),
            approved: r.decision == ReviewDecision::Approve,
            comment: r.comment,
            reviewer: format!("{}（{}）", r.reviewer_name, r.reviewer),
            at: beijing_time(r.decided_at, "%Y-%m-%d %H:%M"),
        })
        .collect();
    let stage = workflow.stage;
    let own_item = workflow.drafted_by == staff.user.username;
    let drafts = may_draft(role);
    let actions = ItemActions {
        edit: drafts && stage == WorkflowStage::Draft,
        submit: drafts && stage == WorkflowStage::Draft,
        review: may_review(role) && stage == WorkflowStage::InReview && !own_item,
        publish: drafts && stage == WorkflowStage::Approved,
        withdraw: drafts && stage == WorkflowStage::Published,
        replace: drafts && stage == WorkflowStage::Published,
        upload: drafts && stage == WorkflowStage::Draft,
        link: drafts && workflow.kind == ItemKind::Interpretation,
    };
    let read_only_reason = match role {
        StaffRole::Supervisor => {
            Some("您的角色（政务公开监督）对信息发布只有查看权限。".to_owned())
        }
        StaffRole::Reviewer if stage != WorkflowStage::InReview => {
            Some("该信息当前不在审核中，无需审核操作。".to_owned())
        }
        _ if may_review(role) && stage == WorkflowStage::InReview && own_item => {
            Some("起草人不能审核自己起草的信息，请由其他审核人员处理。".to_owned())
        }
        _ => None,
    };
    let files = store
        .item_attachments(item.id)
        .await?
        .into_iter()
        .map(|a| FileRow {
            href: format!("/staff/items/{}/attachments/{}", item.id, a.id),
            delete_href: actions
                .upload
                .then(|| format!("/staff/items/{}/attachments/{}/delete", item.id, a.id)),
            size: human_size(a.size),
            sha256: a.sha256,
            name: a.file_name,
        })
        .collect();
    let (links, links_heading) = if workflow.kind == ItemKind::Interpretation {
        (store.interpreted_documents(item.id).await?, "解读对象")
    } else {
        (store.interpretations_of(item.id).await?, "相关解读")
    };
    let replaces = match workflow.replaces {
        Some(id) => store.catalog_item_by_id(id).await?.as_ref().map(link_row),
        None => None,
    };
    let replaced_by = match workflow.replaced_by {
        Some(id) => store.catalog_item_by_id(id).await?.as_ref().map(link_row),
        None => store.replacement_of(item.id).await?.as_ref().map(link_row),
    };
    let withdrawn = workflow
        .withdrawn_reason
        .as_ref()
        .map(|reason| format!("{}撤回，原因：{reason}", date(workflow.withdrawn_on)));
    let history = super::history::rows(&store.item_history(item).await?);
    let view = ItemView {
        chrome: staff.chrome(item.title.clone(), "items"),
        csrf: staff.csrf.clone(),
        id: item.id,
        title: item.title.clone(),
        index_no: item.index_no.clone(),
        agency,
        kind: workflow.kind.label(),
        stage: stage.label(),
        stage_class: stage_class(stage),
        facts,
        body_excerpt: item.body.clone(),
        due: deadline.map(|d| d.due_on.format("%Y-%m-%d").to_string()),
        late: deadline.is_some_and(|d| d.late),
        due_note,
        steps,
        current_step: workflow.current_step_name().map(str::to_owned),
        reviews,
        last_rejection: (stage == WorkflowStage::Draft)
            .then(|| workflow.last_rejection.clone())
            .flatten(),
        withdrawn,
        replaces,
        replaced_by,
        files,
        links: links.iter().map(link_row).collect(),
        links_heading,
        history,
        actions,
        read_only_reason,
        public_href: (item.status == ItemStatus::Published || item.status == ItemStatus::Withdrawn)
            .then(|| item_href(&item.index_no)),
        flash,
        error,
        max_mb: MAX_ATTACHMENT_BYTES / (1024 * 1024),
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// A size for people: bytes, KB or MB.
pub(crate) fn human_size(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

#[derive(Debug, Deserialize, Default)]
pub(crate) struct ActionForm {
    #[serde(default)]
    comment: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    document: String,
}

/// `POST /staff/items/{id}/actions/{action}`.
pub(crate) async fn act(
    State(state): State<StaffState>,
    staff: Staff,
    Path((id, action)): Path<(String, String)>,
    Form(form): Form<ActionForm>,
) -> Result<Response, StaffError> {
    let store = &state.app.store;
    let access = match action.as_str() {
        "approve" | "reject" => ItemAccess::Review,
        "submit" | "publish" | "withdraw" | "replace" | "link" | "unlink" => ItemAccess::Draft,
        _ => return Err(StaffError::NotFound("没有这项操作。".into())),
    };
    let managed = load_item(store, &staff, &id, access).await?;
    let item_id = managed.item.id;
    let actor = staff.user.username.as_str();
    let today = store.today();
    let result: Result<i64, gongkai_store::StoreError> = match action.as_str() {
        "submit" => store
            .submit_for_review(actor, item_id)
            .await
            .map(|_| item_id),
        "approve" | "reject" => {
            let decision = if action == "approve" {
                ReviewDecision::Approve
            } else {
                ReviewDecision::Reject
            };
            store
                .decide_review(
                    actor,
                    &staff.user.display_name,
                    item_id,
                    decision,
                    &form.comment,
                )
                .await
                .map(|_| item_id)
        }
        "publish" => match store.publish_item(actor, item_id, today).await {
            Ok(outcome) => {
                index_published(&state.app, &outcome.published, outcome.replaced.as_ref()).await;
                Ok(item_id)
            }
            Err(e) => Err(e),
        },
        "withdraw" => match store
            .withdraw_item(actor, item_id, &form.reason, today)
            .await
        {
            Ok(after) => {
                unindex(&state.app, &after.item);
                Ok(item_id)
            }
            Err(e) => Err(e),
        },
        "replace" => store
            .start_replacement(actor, item_id)
            .await
            .map(|m| m.item.id),
        "link" => match linkable_document(store, &staff, form.document.trim()).await? {
            Some(document) => store
                .link_interpretation(actor, item_id, document.id)
                .await
                .map(|()| item_id),
            None => Err(gongkai_store::StoreError::InvalidField {
                field: "解读对象索引号",
                message: format!(
                    "找不到索引号为“{}”的信息",
                    crate::text::truncate(form.document.trim())
                ),
            }),
        },
        _ => {
            let document: i64 = form.document.trim().parse().unwrap_or_default();
            store
                .unlink_interpretation(actor, item_id, document)
                .await
                .map(|()| item_id)
        }
    };
    match result {
        Ok(target) => {
            Ok(Redirect::to(&format!("/staff/items/{target}?done={action}")).into_response())
        }
        Err(e) if e.is_input_error() => {
            let fresh = store.managed_item(item_id).await?.unwrap_or(managed);
            render(
                store,
                &staff,
                &fresh,
                None,
                Some(e.to_string()),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// The document with 索引号 `index_no` if the user may see it.
async fn linkable_document(
    store: &Store,
    staff: &Staff,
    index_no: &str,
) -> Result<Option<CatalogItem>, StaffError> {
    if index_no.is_empty() {
        return Ok(None);
    }
    let scope = item_agencies(store, staff).await?;
    Ok(store.catalog_item(index_no).await?.filter(|i| {
        scope
            .as_ref()
            .is_none_or(|codes| codes.contains(&i.agency_code))
    }))
}
