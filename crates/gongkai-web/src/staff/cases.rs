//! The case page (`GET /staff/cases/{id}`), its actions (`POST
//! /staff/cases/{id}/actions/{action}`, each one [`Store::add_event`]) and
//! attachment downloads.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use gongkai_domain::deadline::{
    CaseState, ConsultationKind, DeadlineKind, DeadlineStatus, Outcome, ProcedureEvent,
};
use gongkai_domain::fee;
use gongkai_notices::NoticeKind;
use gongkai_store::{Application, NewAuditEntry, Store};
use serde::Deserialize;
use serde_json::json;

use super::error::StaffError;
use super::inbox::{SOON_WORKDAYS, state_class};
use super::notices::{available, save_details};
use super::scope::{Access, load_case, mask_id, mask_phone, may_act, sees_personal_data};
use super::views::{
    Actions, AttachmentLink, CaseView, Choice, DeadlineRow, Field, NoticeLink, TimelineEntry,
    Urgency, beijing_time,
};
use super::{Staff, StaffState};

/// The steps an officer can record, by the path segment of their form.
const ACTIONS: [(&str, &str); 10] = [
    ("correction", "告知补正"),
    ("correction-received", "收到补正"),
    ("consultation", "征求意见"),
    ("consultation-replied", "收到征求意见答复"),
    ("extension", "延期答复"),
    ("fee", "收费通知"),
    ("payment", "缴纳费用"),
    ("answer", "作出答复"),
    ("close", "办结"),
    ("withdraw", "申请人撤回"),
];

fn action_label(action: &str) -> Option<&'static str> {
    ACTIONS
        .iter()
        .chain(&[("reopen", "重新办理"), ("transfer", "转送其他机关")])
        .find(|(k, _)| *k == action)
        .map(|(_, l)| *l)
}

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
                        due: dl.due.to_string(),
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
                "{}年的节假日安排尚未公布，涉及该年的期限暂按周末规则计算，公布后请复核。",
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
    let can_act = may_act(staff.user.role);
    let actions = if can_act {
        possible_actions(&events, state_now)
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
            period_workdays, ..
        } => {
            format!("补正期限{period_workdays}个工作日")
        }
        ProcedureEvent::ConsultationStarted { kind, .. } => kind.label().to_owned(),
        ProcedureEvent::ExtensionGranted {
            workdays, approver, ..
        } => {
            format!("延长{workdays}个工作日，批准人：{approver}")
        }
        ProcedureEvent::FeeNoticeIssued { amount_yuan, .. } => format!("金额{amount_yuan}元"),
        ProcedureEvent::Answered { outcome, .. } => outcome.full_label(),
        ProcedureEvent::Reopened { reason, .. } => reason.clone(),
        _ => String::new(),
    }
}

/// The forms offered for the current handling.
fn possible_actions(events: &[gongkai_store::ApplicationEvent], state: CaseState) -> Actions {
    if state.is_closed() {
        return Actions::default();
    }
    // Only the current handling counts (after the last reopening).
    let start = events
        .iter()
        .rposition(|e| matches!(e.event, ProcedureEvent::Reopened { .. }))
        .unwrap_or(0);
    let current = &events[start..];
    let has = |f: fn(&ProcedureEvent) -> bool| current.iter().any(|e| f(&e.event));
    let corrected = has(|e| matches!(e, ProcedureEvent::CorrectionRequested { .. }));
    let extended = has(|e| matches!(e, ProcedureEvent::ExtensionGranted { .. }));
    let fee_issued = has(|e| matches!(e, ProcedureEvent::FeeNoticeIssued { .. }));
    let waiting_correction = state == CaseState::AwaitingCorrection;
    Actions {
        correction: !corrected,
        correction_received: waiting_correction,
        consultation: !waiting_correction && state != CaseState::InConsultation,
        consultation_replied: state == CaseState::InConsultation,
        extension: !extended && !waiting_correction,
        fee: !fee_issued && !waiting_correction,
        payment: matches!(state, CaseState::AwaitingFeePayment | CaseState::FeeLapsed),
        answer: true,
        close: true,
        withdraw: true,
    }
}

#[derive(Debug, Deserialize, Default)]
pub(crate) struct ActionForm {
    #[serde(default)]
    date: String,
    #[serde(default)]
    period: String,
    #[serde(default)]
    items: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    third_party: String,
    #[serde(default)]
    information: String,
    #[serde(default)]
    workdays: String,
    #[serde(default)]
    approver: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    method: String,
    #[serde(default)]
    quantity: String,
    #[serde(default)]
    prior: String,
    #[serde(default)]
    payment_method: String,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    reasons: String,
    #[serde(default)]
    provision: String,
}

fn field_date(value: &str, label: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{label}无效：请按“年-月-日”填写日期"))
}

fn field_number(value: &str, label: &str, min: u64, max: u64) -> Result<u64, String> {
    let n: u64 = value
        .trim()
        .parse()
        .map_err(|_| format!("{label}无效：请填写整数"))?;
    if n < min || n > max {
        return Err(format!("{label}无效：应在{min}到{max}之间"));
    }
    Ok(n)
}

fn limited(value: &str, max: usize) -> String {
    value.trim().chars().take(max).collect()
}

/// The event of a submitted form, and the details its notice needs.
fn event_of(
    action: &str,
    form: &ActionForm,
) -> Result<(ProcedureEvent, Option<(NoticeKind, serde_json::Value)>), String> {
    let date = || field_date(&form.date, "日期");
    Ok(match action {
        "correction" => {
            let period = field_number(&form.period, "补正期限", 1, 60)?;
            (
                ProcedureEvent::CorrectionRequested {
                    date: date()?,
                    period_workdays: u32::try_from(period).unwrap_or(15),
                },
                Some((
                    NoticeKind::CorrectionRequest,
                    json!({ "items": limited(&form.items, 2000) }),
                )),
            )
        }
        "correction-received" => (ProcedureEvent::CorrectionReceived { date: date()? }, None),
        "consultation" => {
            let kind = match form.kind.as_str() {
                "other_agency" => ConsultationKind::OtherAgency,
                _ => ConsultationKind::ThirdParty,
            };
            if kind == ConsultationKind::ThirdParty && form.third_party.trim().is_empty() {
                return Err("第三方名称不能为空".into());
            }
            (
                ProcedureEvent::ConsultationStarted {
                    date: date()?,
                    kind,
                },
                Some((
                    NoticeKind::ThirdPartyConsultation,
                    json!({
                        "third_party": limited(&form.third_party, 200),
                        "information": limited(&form.information, 500),
                    }),
                )),
            )
        }
        "consultation-replied" => (ProcedureEvent::ConsultationReplied { date: date()? }, None),
        "extension" => {
            let workdays = field_number(&form.workdays, "延长天数", 1, 20)?;
            let approver = limited(&form.approver, 100);
            if approver.is_empty() {
                return Err(
                    "批准人不能为空：延期须经政府信息公开工作机构负责人同意（条例第三十三条）"
                        .into(),
                );
            }
            (
                ProcedureEvent::ExtensionGranted {
                    date: date()?,
                    workdays: u32::try_from(workdays).unwrap_or(20),
                    approver,
                },
                Some((
                    NoticeKind::ExtensionNotice,
                    json!({ "reason": limited(&form.reason, 300) }),
                )),
            )
        }
        "fee" => {
            let quantity = field_number(&form.quantity, "数量", 1, fee::MAX_PAGES)?;
            let (method, quote) = if form.method == "per_item" {
                let prior = if form.prior.trim().is_empty() {
                    0
                } else {
                    field_number(
                        &form.prior,
                        "本月此前已申请件数",
                        0,
                        fee::MAX_ITEMS_PER_MONTH,
                    )?
                };
                ("per_item", fee::per_item(prior, quantity))
            } else {
                ("per_volume", fee::per_volume(quantity))
            };
            let quote = quote.map_err(|e| e.to_string())?;
            if quote.amount_yuan == 0 {
                return Err(format!(
                    "按{}计算金额为0元（{}），未超出免费额度，无需发出收费通知",
                    quote.method.label(),
                    quote
                ));
            }
            (
                ProcedureEvent::FeeNoticeIssued {
                    date: date()?,
                    amount_yuan: quote.amount_yuan,
                },
                Some((
                    NoticeKind::FeeNotice,
                    json!({
                        "method": method, "quantity": quantity,
                        "prior": form.prior.trim().parse::<u64>().unwrap_or(0),
                        "payment_method": limited(&form.payment_method, 300),
                    }),
                )),
            )
        }
        "payment" => (ProcedureEvent::FeePaid { date: date()? }, None),
        "answer" => {
            let outcome = Outcome::ALL
                .into_iter()
                .find(|o| o.key() == form.outcome)
                .ok_or_else(|| "请选择办理结果".to_owned())?;
            (
                ProcedureEvent::Answered {
                    date: date()?,
                    outcome,
                },
                Some((
                    NoticeKind::Answer,
                    json!({
                        "reasons": limited(&form.reasons, 5000),
                        "provision": limited(&form.provision, 300),
                    }),
                )),
            )
        }
        "close" => (ProcedureEvent::Closed { date: date()? }, None),
        "withdraw" => (ProcedureEvent::Withdrawn { date: date()? }, None),
        _ => return Err("未知的办理操作".into()),
    })
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
