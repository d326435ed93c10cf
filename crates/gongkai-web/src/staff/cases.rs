//! The case page (`GET /staff/cases/{id}`), its actions (`POST
//! /staff/cases/{id}/actions/{action}`, each one [`Store::add_event`]) and
//! attachment downloads.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use gongkai_domain::deadline::{DeadlineKind, DeadlineStatus, Outcome, ProcedureEvent};
use gongkai_store::{Application, NewAuditEntry, Store};
use serde::Deserialize;
use serde_json::json;

use super::case_steps::{
    ActionForm, action_label, event_of, pending_choices, possible_actions, service_choices,
};
use super::error::StaffError;
use super::inbox::{SOON_WORKDAYS, state_class};
use super::notices::{available, save_details};
use super::scope::{Access, load_case, mask_id, mask_phone, may_act, sees_personal_data};
use super::views::{
    Actions, AttachmentLink, CaseView, Choice, DeadlineRow, Field, NoticeLink, TimelineEntry,
    Urgency, beijing_time,
};
use super::{Staff, StaffState};

#[derive(Debug, Deserialize, Default)]
pub(crate) struct CaseQuery {
    #[serde(default)]
    done: Option<String>,
}

/// `GET /staff/cases/{id}`.
pub(crate) async fn page(
    State(state): State<StaffState>,
    staff: Staff,
    Path(id): Path<String>,
    Query(query): Query<CaseQuery>,
) -> Result<Response, StaffError> {
    let id = parse_id(&staff, &id)?;
    let application = load_case(&state.app.store, &staff, id, Access::Read).await?;
    let flash = query
        .done
        .as_deref()
        .and_then(action_label)
        .map(|l| format!("已登记：{l}。相应文书可在右侧“文书”中下载。"));
    render(&state.app.store, &staff, &application, flash, None).await
}

/// A path id; anything else is a 404 like an unknown id (403 first for
/// roles without cases, as for any id).
pub(crate) fn parse_case_id(staff: &Staff, id: &str) -> Result<i64, StaffError> {
    parse_id(staff, id)
}

/// The case page again, with `message` refusing the form of `action` (422).
pub(crate) async fn rerender_with_error(
    store: &Store,
    staff: &Staff,
    application: &Application,
    action: &str,
    message: String,
) -> Result<Response, StaffError> {
    render(
        store,
        staff,
        application,
        None,
        Some((action.to_owned(), message)),
    )
    .await
}

fn parse_id(staff: &Staff, id: &str) -> Result<i64, StaffError> {
    if !staff.scope.has_cases() {
        return Err(super::scope::no_case_access());
    }
    id.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(super::error::case_not_found)
}

/// Renders the case page, with an error of a refused action (422) or a
/// confirmation.
async fn render(
    store: &Store,
    staff: &Staff,
    application: &Application,
    flash: Option<String>,
    error: Option<(String, String)>,
) -> Result<Response, StaffError> {
    let events = store.application_events(application.id).await?;
    let status = store.case_status(application.id).await.ok();
    let agency = store
        .agency(&application.agency_code)
        .await?
        .map_or_else(|| application.agency_code.clone(), |a| a.name);
    let d = &application.applicant.details;
    let full = sees_personal_data(staff.user.role);
    if full {
        store
            .append_audit(&NewAuditEntry {
                actor: staff.user.username.clone(),
                action: "application.view_personal_data".into(),
                entity_type: "application".into(),
                entity_key: application.audit_key(),
                before: None,
                after: Some(json!({
                    "fields": ["id_document_number", "phone", "address", "email"],
                    "role": staff.user.role.key(),
                })),
            })
            .await?;
    }
    let mut applicant = vec![
        Field {
            label: "申请人类型",
            value: d.applicant_type.label().to_owned(),
        },
        Field {
            label: "姓名",
            value: d.name.clone(),
        },
    ];
    if let Some(org) = &d.organisation_name {
        applicant.push(Field {
            label: "单位名称",
            value: org.clone(),
        });
    }
    applicant.push(Field {
        label: "证件",
        value: format!(
            "{} {}",
            d.id_document_type.label(),
            if full {
                d.id_document_number.clone()
            } else {
                mask_id(&d.id_document_number)
            }
        ),
    });
    applicant.push(Field {
        label: "联系电话",
        value: if full {
            d.phone.clone()
        } else {
            mask_phone(&d.phone)
        },
    });
    if full {
        if !d.address.is_empty() {
            applicant.push(Field {
                label: "通信地址",
                value: d.address.clone(),
            });
        }
        if !d.email.is_empty() {
            applicant.push(Field {
                label: "电子邮箱",
                value: d.email.clone(),
            });
        }
    }

    let state_now = status.as_ref().map_or(application.state, |s| s.state);
    let deadlines = status
        .as_ref()
        .map(|s| {
            s.deadlines
                .iter()
                .map(|dl| {
                    let (text, urgency) = match dl.status {
                        DeadlineStatus::Met { on } => (
                            format!("已于{on}完成{}", if dl.overdue { "（逾期）" } else { "" }),
                            Urgency::None,
                        ),
                        DeadlineStatus::Lapsed => ("已届满".to_owned(), Urgency::Overdue),
                        DeadlineStatus::AwaitingService => (
                            format!("送达日期待登记（最早{}届满），送达前不会届满", dl.due),
                            Urgency::Paused,
                        ),
                        // The 补正 notice period binds only if a correction is needed.
                        DeadlineStatus::Running if dl.kind == DeadlineKind::CorrectionNotice => (
                            format!(
                                "如需补正，须在此前一次性告知（剩{}个工作日）",
                                dl.days_left.unwrap_or(0)
                            ),
                            Urgency::Normal,
                        ),
                        DeadlineStatus::Running | DeadlineStatus::Suspended => {
                            let left = dl.days_left.unwrap_or(0);
                            let paused = dl.status == DeadlineStatus::Suspended;
                            if left < 0 {
                                (format!("已逾期{}个工作日", -left), Urgency::Overdue)
                            } else if left == 0 {
                                ("今日到期".to_owned(), Urgency::Overdue)
                            } else if left <= SOON_WORKDAYS {
                                (format!("剩{left}个工作日，即将到期"), Urgency::Soon)
                            } else if paused {
                                (format!("暂停计时，剩{left}个工作日"), Urgency::Paused)
                            } else {
                                (format!("剩{left}个工作日"), Urgency::Normal)
                            }
                        }
                    };
                    DeadlineRow {
                        label: dl.kind.label(),
                        due: if dl.provisional {
                            format!("{}（暂定）", dl.due)
                        } else {
                            dl.due.to_string()
                        },
                        status: text,
                        reason: dl.reason.clone(),
                        urgency,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let pauses = status
        .as_ref()
        .map(|s| {
            s.pauses
                .iter()
                .map(|p| {
                    format!(
                        "{}：{} 起{}（{}个工作日不计入）",
                        p.kind.label(),
                        p.from,
                        if p.running {
                            "，进行中".to_owned()
                        } else {
                            format!("至 {}", p.until)
                        },
                        p.workdays
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let extension = status.as_ref().and_then(|s| s.extension.as_ref()).map(|x| {
        format!(
            "{} 经{}批准延长{}个工作日",
            x.granted_on, x.approver, x.workdays
        )
    });
    let provisional = status
        .as_ref()
        .filter(|s| !s.provisional_years.is_empty())
        .map(|s| {
            let years: Vec<String> = s.provisional_years.iter().map(i32::to_string).collect();
            format!(
                "{}年的节假日安排尚未公布，涉及该年的期限按《全国年节及纪念日放假办法》规定的法定节假日推算（调休未知），标“暂定”，公布后请复核。",
                years.join("、")
            )
        });
    let timeline = events
        .iter()
        .map(|e| TimelineEntry {
            date: e.event.date().to_string(),
            label: e.event.label(),
            detail: event_detail(&e.event),
            actor: e.actor.clone(),
            recorded: beijing_time(e.recorded_at, "%Y-%m-%d %H:%M"),
        })
        .collect();
    let notices = available(&events)
        .into_iter()
        .map(|k| NoticeLink {
            title: k.title(),
            docx: format!("/staff/cases/{}/notices/{}.docx", application.id, k.key()),
            html: format!("/staff/cases/{}/notices/{}.html", application.id, k.key()),
        })
        .collect();
    let attachments = store
        .attachments(application.id)
        .await?
        .into_iter()
        .map(|a| AttachmentLink {
            href: format!("/staff/cases/{}/attachments/{}", application.id, a.id),
            name: a.file_name,
            size: human_size(a.size),
        })
        .collect();
    let handling = super::handling::case_panel(store, staff, application, state_now).await?;
    let (unserved, open_consultations) = pending_choices(&events, status.as_ref());
    let ineffective = status
        .as_ref()
        .map(|s| {
            s.ineffective_steps
                .iter()
                .map(|i| format!("第{}条 {} {}：{}", i.seq, i.date, i.label, i.reason))
                .collect()
        })
        .unwrap_or_default();
    let can_act = may_act(staff.user.role);
    let actions = if can_act {
        possible_actions(
            &events,
            state_now,
            !unserved.is_empty(),
            !open_consultations.is_empty(),
        )
    } else {
        Actions::default()
    };
    let read_only_reason = if !can_act {
        Some("您的角色对本办件只有查看权限。")
    } else if state_now.is_closed() {
        Some("本申请已办结。")
    } else {
        None
    };
    let (error_action, error) = match error {
        Some((action, message)) => (action, Some(message)),
        None => (String::new(), None),
    };
    let view = CaseView {
        chrome: staff.chrome(format!("申请 {}", application.number), "cases"),
        csrf: staff.csrf.clone(),
        id: application.id,
        number: application.number.clone(),
        agency,
        state: state_now.label(),
        state_class: state_class(state_now),
        received: application.received_on.to_string(),
        channel: application.channel.label().to_owned(),
        delivery: application.delivery_form.label().to_owned(),
        query_code: application.query_code.clone(),
        description: application.description.clone(),
        applicant,
        personal_shown: full,
        deadlines,
        pauses,
        extension,
        outcome: application.outcome.map(|o| o.full_label()),
        timeline,
        notices,
        attachments,
        actions,
        read_only_reason,
        outcomes: Outcome::ALL
            .iter()
            .map(|o| Choice {
                value: o.key().to_owned(),
                label: o.full_label(),
                selected: false,
            })
            .collect(),
        today: store.today().to_string(),
        flash,
        error_action,
        error,
        provisional,
        handling,
        services: service_choices(),
        unserved,
        open_consultations,
        ineffective,
    };
    let status_code = if view.error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status_code, Html(view.render()?)).into_response())
}

fn human_size(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} 字节")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// What an event says beyond its label.
fn event_detail(event: &ProcedureEvent) -> String {
    match event {
        ProcedureEvent::Received { channel, .. } => channel.label().to_owned(),
        ProcedureEvent::CorrectionRequested {
            period_workdays,
            service,
            ..
        } => format!(
            "补正期限{period_workdays}个工作日，{}",
            service.map_or("送达方式未登记", |m| m.label())
        ),
        ProcedureEvent::ConsultationStarted { kind, service, .. } => format!(
            "{}，{}",
            kind.label(),
            service.map_or("送达方式未登记", |m| m.label())
        ),
        ProcedureEvent::ConsultationReplied {
            consultation: Some(n),
            ..
        } => format!("答复第{n}条记录的征求意见"),
        ProcedureEvent::NoticeServed { notice, .. } => {
            format!("第{notice}条记录的文书送达（签收）")
        }
        ProcedureEvent::ReasonableDeadlineSet { due, reason, .. } => {
            format!("答复期限确定为{due}（条例第三十五条）：{reason}")
        }
        ProcedureEvent::ExtensionGranted {
            workdays, approver, ..
        } => {
            format!("延长{workdays}个工作日，批准人：{approver}")
        }
        ProcedureEvent::FeeNoticeIssued {
            amount_yuan,
            service,
            ..
        } => format!(
            "金额{amount_yuan}元，{}",
            service.map_or("送达方式未登记", |m| m.label())
        ),
        ProcedureEvent::Answered { outcome, .. } => outcome.full_label(),
        ProcedureEvent::Reopened { reason, .. } => reason.clone(),
        _ => String::new(),
    }
}

/// `POST /staff/cases/{id}/actions/{action}`: records the step through
/// [`Store::add_event`] (the deadline engine checks it against the whole
/// record); a refused step re-renders the page with the reason in Chinese.
pub(crate) async fn act(
    State(state): State<StaffState>,
    staff: Staff,
    Path((id, action)): Path<(String, String)>,
    Form(form): Form<ActionForm>,
) -> Result<Response, StaffError> {
    let store = &state.app.store;
    let id = parse_id(&staff, &id)?;
    let application = load_case(store, &staff, id, Access::Write).await?;
    let Some(label) = action_label(&action) else {
        return Err(StaffError::NotFound("没有这种办理操作。".into()));
    };
    let (event, details) = match event_of(&action, &form) {
        Ok(parsed) => parsed,
        Err(message) => {
            return render(store, &staff, &application, None, Some((action, message))).await;
        }
    };
    match store.add_event(&staff.user.username, id, event).await {
        Ok(updated) => {
            if let Some((kind, details)) = details {
                save_details(store, &staff.user.username, &updated, kind, details).await?;
            }
            let _ = label;
            Ok(Redirect::to(&format!("/staff/cases/{id}?done={action}")).into_response())
        }
        Err(
            e @ (gongkai_store::StoreError::Procedure(_)
            | gongkai_store::StoreError::Invalid(_)
            | gongkai_store::StoreError::InvalidField { .. }),
        ) => {
            let message = e.to_string();
            render(store, &staff, &application, None, Some((action, message))).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /staff/cases/{id}/attachments/{attachment}`: an attachment of a
/// case in scope (never another case's, whatever the id).
pub(crate) async fn attachment(
    State(state): State<StaffState>,
    staff: Staff,
    Path((id, attachment)): Path<(String, String)>,
) -> Result<Response, StaffError> {
    let store = &state.app.store;
    let id = parse_id(&staff, &id)?;
    let application = load_case(store, &staff, id, Access::Read).await?;
    let attachment_id: i64 = attachment
        .parse()
        .map_err(|_| StaffError::NotFound("找不到该附件。".into()))?;
    let Some((meta, bytes)) = store
        .attachment_content(attachment_id)
        .await?
        .filter(|(a, _)| a.application_id == application.id)
    else {
        return Err(StaffError::NotFound("找不到该附件。".into()));
    };
    store
        .append_audit(&NewAuditEntry {
            actor: staff.user.username.clone(),
            action: "attachment.download".into(),
            entity_type: "application".into(),
            entity_key: application.audit_key(),
            before: None,
            after: Some(json!({ "attachment_id": meta.id, "file_name": meta.file_name })),
        })
        .await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"attachment-{}\"; filename*=UTF-8''{}",
                    meta.id,
                    super::error::percent_encode(&meta.file_name)
                ),
            ),
        ],
        bytes,
    )
        .into_response())
}
