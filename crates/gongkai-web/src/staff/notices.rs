//! The official notices of a case (`/staff/cases/{id}/notices/{kind}.docx`
//! and `.html`), filled from the application, its recorded events, the
//! deadline engine and the details the officer entered with each step.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use gongkai_domain::calendar::WorkCalendar;
use gongkai_domain::deadline::{
    ConsultationKind, DeadlineKind, DeadlineStatus, ProcedureEvent, evaluate,
};
use gongkai_domain::fee::{self, FeeQuote};
use gongkai_notices::{
    AnswerDetails, ConsultationDetails, CorrectionDetails, ExtensionDetails, FeeDetails,
    NoticeContext, NoticeKind, Party, Remedies, render_docx, render_html,
};
use gongkai_store::{Application, ApplicationEvent, NewAuditEntry, Store};
use serde_json::{Value, json};

use super::error::{StaffError, case_not_found};
use super::scope::{Access, load_case};
use super::{Staff, StaffState};

/// The audit action under which the details of a step that its event does
/// not hold (补正 items, extension reason, fee method, answer reasons…) are
/// kept for its notice.
pub(crate) const DETAILS_ACTION: &str = "application.notice_details";

/// The notice each recorded step offers, the acknowledgement first.
pub(crate) fn available(events: &[ApplicationEvent]) -> Vec<NoticeKind> {
    let mut kinds = vec![NoticeKind::Acknowledgement];
    for e in events {
        let kind = match &e.event {
            ProcedureEvent::CorrectionRequested { .. } => NoticeKind::CorrectionRequest,
            ProcedureEvent::ExtensionGranted { .. } => NoticeKind::ExtensionNotice,
            ProcedureEvent::ReasonableDeadlineSet { .. } => NoticeKind::DelayedAnswer,
            ProcedureEvent::ConsultationStarted {
                kind: ConsultationKind::ThirdParty,
                ..
            } => NoticeKind::ThirdPartyConsultation,
            ProcedureEvent::FeeNoticeIssued { .. } => NoticeKind::FeeNotice,
            ProcedureEvent::Answered { .. } => NoticeKind::Answer,
            ProcedureEvent::Transferred { .. } => NoticeKind::TransferNotice,
            _ => continue,
        };
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    kinds
}

/// Records the details of a step for its notice.
pub(crate) async fn save_details(
    store: &Store,
    actor: &str,
    application: &Application,
    kind: NoticeKind,
    details: Value,
) -> Result<(), StaffError> {
    let mut after = json!({ "notice": kind.key() });
    if let (Some(map), Some(extra)) = (after.as_object_mut(), details.as_object()) {
        map.extend(extra.clone());
    }
    store
        .append_audit(&NewAuditEntry {
            actor: actor.to_owned(),
            action: DETAILS_ACTION.into(),
            entity_type: "application".into(),
            entity_key: application.audit_key(),
            before: None,
            after: Some(after),
        })
        .await?;
    Ok(())
}

/// The latest details recorded for `kind`, or an empty object.
async fn details(store: &Store, application: &Application, kind: NoticeKind) -> Value {
    store
        .audit_entries("application", &application.audit_key())
        .await
        .unwrap_or_default()
        .into_iter()
        .rev()
        .filter(|e| e.action == DETAILS_ACTION)
        .filter_map(|e| e.after)
        .find(|a| a.get("notice").and_then(Value::as_str) == Some(kind.key()))
        .unwrap_or_else(|| json!({}))
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn lines(v: &Value, key: &str) -> Vec<String> {
    text(v, key)
        .map(|t| {
            t.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// The quote of a fee notice: recomputed from the recorded method and
/// quantity, or (for notices recorded without them) the page count that
/// gives the recorded amount.
pub(crate) fn fee_quote(details: &Value, amount: u64) -> Option<FeeQuote> {
    let quantity = details.get("quantity").and_then(Value::as_u64);
    let recorded = match (details.get("method").and_then(Value::as_str), quantity) {
        (Some("per_item"), Some(q)) => {
            let prior = details.get("prior").and_then(Value::as_u64).unwrap_or(0);
            fee::per_item(prior, q).ok()
        }
        (Some("per_volume"), Some(q)) => fee::per_volume(q).ok(),
        _ => None,
    };
    recorded.filter(|q| q.amount_yuan == amount).or_else(|| {
        (1..=20_000)
            .filter_map(|pages| fee::per_volume(pages).ok())
            .find(|q| q.amount_yuan == amount)
    })
}

/// A deadline of `kind` on `day` from the events up to `upto` (exclusive),
/// as printed in a notice: only a date the period really ends on — not one
/// that still waits for the notice's service date (a posted letter: the
/// notice then states the period “自收到之日起” without a date), nor a
/// provisional one (a year whose holiday notice is not published: a formal
/// notice states the period in working days rather than promise a date the
/// State Council's 调休 may move).
fn due_before(
    cal: &WorkCalendar,
    events: &[ProcedureEvent],
    upto: usize,
    day: NaiveDate,
    kind: DeadlineKind,
) -> Option<NaiveDate> {
    let status = evaluate(cal, &events[..upto.min(events.len())], day).ok()?;
    status
        .deadline(kind)
        .filter(|d| d.status != DeadlineStatus::AwaitingService && !d.provisional)
        .map(|d| d.due)
}

/// Fills the context of every notice of the case.
pub(crate) async fn context(
    store: &Store,
    application: &Application,
    events: &[ApplicationEvent],
    kind: NoticeKind,
) -> Result<NoticeContext, StaffError> {
    let agency = store
        .agency(&application.agency_code)
        .await?
        .ok_or_else(case_not_found)?;
    let parent = match &agency.parent_code {
        Some(code) => store.agency(code).await?,
        None => None,
    };
    let mut issuer = gongkai_notices::Agency::new(agency.name.clone());
    if !agency.phone.is_empty() {
        issuer.contact = Some(format!("联系电话：{}", agency.phone));
    }
    if !agency.address.is_empty() {
        issuer.address = Some(agency.address.clone());
    }
    let d = &application.applicant.details;
    let applicant = match &d.organisation_name {
        Some(org) => Party::organisation(org.clone(), d.applicant_type.column()),
        None => Party::person(d.name.clone()),
    };
    let plain: Vec<ProcedureEvent> = events.iter().map(|e| e.event.clone()).collect();
    let cal = store.calendar()?;
    let last_of = |pred: &dyn Fn(&ProcedureEvent) -> bool| {
        plain
            .iter()
            .enumerate()
            .rev()
            .find(|(_, e)| pred(e))
            .map(|(i, e)| (i, e.clone()))
    };
    let issued_on = match kind {
        NoticeKind::Acknowledgement => Some(application.received_on),
        NoticeKind::CorrectionRequest => {
            last_of(&|e| matches!(e, ProcedureEvent::CorrectionRequested { .. }))
                .map(|(_, e)| e.date())
        }
        NoticeKind::ExtensionNotice => {
            last_of(&|e| matches!(e, ProcedureEvent::ExtensionGranted { .. }))
                .map(|(_, e)| e.date())
        }
        NoticeKind::DelayedAnswer => {
            last_of(&|e| matches!(e, ProcedureEvent::ReasonableDeadlineSet { .. }))
                .map(|(_, e)| e.date())
        }
        NoticeKind::ThirdPartyConsultation => {
            last_of(&|e| matches!(e, ProcedureEvent::ConsultationStarted { .. }))
                .map(|(_, e)| e.date())
        }
        NoticeKind::FeeNotice => {
            last_of(&|e| matches!(e, ProcedureEvent::FeeNoticeIssued { .. })).map(|(_, e)| e.date())
        }
        NoticeKind::Answer => {
            last_of(&|e| matches!(e, ProcedureEvent::Answered { .. })).map(|(_, e)| e.date())
        }
        NoticeKind::TransferNotice => {
            last_of(&|e| matches!(e, ProcedureEvent::Transferred { .. })).map(|(_, e)| e.date())
        }
    }
    .ok_or_else(|| StaffError::NotFound("该申请尚无这一步骤，没有对应的文书。".into()))?;
    let (year, seq) = application
        .number
        .split_once('-')
        .unwrap_or((application.number.as_str(), ""));
    let seq = seq.trim_start_matches('0');
    let remedies = Remedies {
        reconsideration_body: parent.map_or_else(|| "上一级人民政府".to_owned(), |p| p.name),
        court: "有管辖权的人民法院".into(),
    };
    let mut ctx = NoticeContext::new(
        issuer,
        format!("依申请公开〔{year}〕第{seq}号"),
        applicant,
        application.number.clone(),
        application.received_on,
        application.description.clone(),
        issued_on,
        remedies,
    );
    ctx.channel = Some(application.channel);
    ctx.answer_due = due_before(
        cal,
        &plain,
        1,
        application.received_on,
        DeadlineKind::Answer,
    );

    if let Some((
        i,
        ProcedureEvent::CorrectionRequested {
            date,
            period_workdays,
            ..
        },
    )) = last_of(&|e| matches!(e, ProcedureEvent::CorrectionRequested { .. }))
    {
        let extra = details(store, application, NoticeKind::CorrectionRequest).await;
        let mut items = lines(&extra, "items");
        if items.is_empty() {
            items.push(
                "请进一步明确所需政府信息的名称、文号或者便于本机关查询的其他特征性描述。".into(),
            );
        }
        ctx.correction = Some(CorrectionDetails {
            items,
            period_workdays,
            due: due_before(cal, &plain, i + 1, date, DeadlineKind::CorrectionReply),
            requested_on: Some(date),
        });
    }
    if let Some((
        i,
        ProcedureEvent::ExtensionGranted {
            date,
            workdays,
            approver,
        },
    )) = last_of(&|e| matches!(e, ProcedureEvent::ExtensionGranted { .. }))
    {
        let extra = details(store, application, NoticeKind::ExtensionNotice).await;
        let new_due = due_before(cal, &plain, i + 1, date, DeadlineKind::Answer).unwrap_or(date);
        ctx.extension = Some(ExtensionDetails {
            approver,
            workdays,
            reason: text(&extra, "reason")
                .unwrap_or_else(|| "所申请信息涉及面广，需要进一步检索、核实".into()),
            original_due: due_before(cal, &plain, i, date, DeadlineKind::Answer),
            new_due,
        });
    }
    if let Some((i, ProcedureEvent::ReasonableDeadlineSet { date, due, reason })) =
        last_of(&|e| matches!(e, ProcedureEvent::ReasonableDeadlineSet { .. }))
    {
        ctx.delayed = Some(gongkai_notices::DelayedAnswerDetails {
            reason,
            original_due: due_before(cal, &plain, i, date, DeadlineKind::Answer),
            new_due: due,
        });
    }
    if let Some((i, ProcedureEvent::ConsultationStarted { date, .. })) =
        last_of(&|e| matches!(e, ProcedureEvent::ConsultationStarted { .. }))
    {
        let extra = details(store, application, NoticeKind::ThirdPartyConsultation).await;
        ctx.consultation = Some(ConsultationDetails {
            third_party: Party::organisation(
                text(&extra, "third_party").unwrap_or_else(|| "相关权利人".into()),
                gongkai_domain::report::ApplicantColumn::OtherOrg,
            ),
            information: text(&extra, "information")
                .unwrap_or_else(|| application.description.clone()),
            reply_due: due_before(cal, &plain, i + 1, date, DeadlineKind::ConsultationReply),
            reply_to: Some(format!("{}政府信息公开工作机构", agency.name)),
        });
    }
    if let Some((
        i,
        ProcedureEvent::FeeNoticeIssued {
            date, amount_yuan, ..
        },
    )) = last_of(&|e| matches!(e, ProcedureEvent::FeeNoticeIssued { .. }))
    {
        let extra = details(store, application, NoticeKind::FeeNotice).await;
        if let Some(quote) = fee_quote(&extra, amount_yuan) {
            let mut fee = FeeDetails::new(
                quote,
                text(&extra, "payment_method")
                    .unwrap_or_else(|| "本机关政府信息公开工作机构指定的缴款渠道".into()),
            );
            fee.payment_due = due_before(cal, &plain, i + 1, date, DeadlineKind::FeePayment);
            fee.notice_date = Some(date);
            fee.notice_number = Some(format!("依申请公开收费〔{year}〕第{seq}号"));
            ctx.fee = Some(fee);
        }
    }
    if let (NoticeKind::TransferNotice, Some((i, transfer))) = (
        kind,
        last_of(&|e| matches!(e, ProcedureEvent::Transferred { .. })),
    ) {
        super::handling::fill_transfer(store, &mut ctx, &plain, i, transfer).await?;
    }
    if let Some((_, ProcedureEvent::Answered { outcome, .. })) =
        last_of(&|e| matches!(e, ProcedureEvent::Answered { .. }))
    {
        let extra = details(store, application, NoticeKind::Answer).await;
        ctx.outcome = Some(outcome);
        ctx.answer = AnswerDetails {
            reasons: lines(&extra, "reasons"),
            provision: text(&extra, "provision"),
            ..AnswerDetails::default()
        };
    }
    Ok(ctx)
}

/// `GET /staff/cases/{id}/notices/{kind}.docx|.html`: the notice of a step
/// that was recorded; audited (a notice carries the applicant's name).
pub(crate) async fn download(
    State(state): State<StaffState>,
    staff: Staff,
    Path((id, file)): Path<(i64, String)>,
) -> Result<Response, StaffError> {
    let store = &state.app.store;
    let application = load_case(store, &staff, id, Access::Read).await?;
    let Some((key, ext)) = file.rsplit_once('.') else {
        return Err(StaffError::NotFound("没有这种文书。".into()));
    };
    let kind =
        NoticeKind::from_key(key).ok_or_else(|| StaffError::NotFound("没有这种文书。".into()))?;
    if ext != "docx" && ext != "html" {
        return Err(StaffError::NotFound(
            "文书只提供 DOCX 和打印版（HTML）。".into(),
        ));
    }
    let events = store.application_events(id).await?;
    if !available(&events).contains(&kind) {
        return Err(StaffError::NotFound(
            "该申请尚无这一步骤，没有对应的文书。".into(),
        ));
    }
    let ctx = context(store, &application, &events, kind).await?;
    let templates = state.app.notices.as_ref();
    store
        .append_audit(&NewAuditEntry {
            actor: staff.user.username.clone(),
            action: "notice.download".into(),
            entity_type: "application".into(),
            entity_key: application.audit_key(),
            before: None,
            after: Some(json!({ "notice": kind.key(), "format": ext })),
        })
        .await?;
    let file_name = format!("{}-{}.{ext}", application.number, kind.title());
    let disposition = |inline: bool| {
        format!(
            "{}; filename=\"{}.{ext}\"; filename*=UTF-8''{}",
            if inline { "inline" } else { "attachment" },
            kind.key(),
            super::error::percent_encode(&file_name)
        )
    };
    let render_err =
        |e: gongkai_notices::NoticeError| StaffError::Internal(format!("文书生成失败：{e}"));
    if ext == "docx" {
        let bytes = render_docx(kind, &ctx, templates).map_err(render_err)?;
        Ok((
            [
                (
                    header::CONTENT_TYPE,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        .to_owned(),
                ),
                (header::CONTENT_DISPOSITION, disposition(false)),
            ],
            bytes,
        )
            .into_response())
    } else {
        let html = render_html(kind, &ctx, templates).map_err(render_err)?;
        Ok((
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8".to_owned()),
                (header::CONTENT_DISPOSITION, disposition(true)),
            ],
            html,
        )
            .into_response())
    }
}
