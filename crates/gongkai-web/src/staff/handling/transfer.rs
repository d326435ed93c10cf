//! Transferring an open application to the competent agency (`POST
//! /staff/cases/{id}/transfer`) and reopening a closed one (`POST
//! /staff/cases/{id}/reopen`), and the 转送告知书's data.
//!
//! After a transfer the case belongs to the receiving agency, so the
//! transferring officer can no longer open it: the response is a
//! confirmation page that carries the printable 转送告知书 itself.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use gongkai_domain::calendar::WorkCalendar;
use gongkai_domain::deadline::{DeadlineKind, ProcedureEvent, evaluate};
use gongkai_notices::{NoticeContext, NoticeKind, TransferDetails, render_html};
use gongkai_store::{NewTransfer, Store, StoreError};
use serde::Deserialize;

use super::super::cases::{parse_case_id, rerender_with_error};
use super::super::error::StaffError;
use super::super::notices::context;
use super::super::scope::{Access, load_case};
use super::super::views::StaffChrome;
use super::super::{Staff, StaffState};

/// The transfer and reopening forms.
#[derive(Debug, Deserialize, Default)]
pub(crate) struct HandlingForm {
    #[serde(default)]
    date: String,
    #[serde(default)]
    to_agency: String,
    #[serde(default)]
    reason: String,
}

/// The confirmation of a transfer, with the printable notice.
#[derive(Template)]
#[template(path = "staff/transfer_done.html")]
struct TransferDoneView {
    chrome: StaffChrome,
    from_number: String,
    to_agency: String,
    number: String,
    query_code: String,
    date: String,
    notice_html: String,
}

fn parse_date(value: &str, label: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{label}无效：请按“年-月-日”填写日期"))
}

/// Whether a store error is the user's to fix (shown on the case page).
fn is_refusal(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::Procedure(_) | StoreError::Invalid(_) | StoreError::InvalidField { .. }
    )
}

/// `POST /staff/cases/{id}/transfer`.
pub(crate) async fn transfer(
    State(state): State<StaffState>,
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<HandlingForm>,
) -> Result<Response, StaffError> {
    let store = &state.app.store;
    let id = parse_case_id(&staff, &id)?;
    let application = load_case(store, &staff, id, Access::Write).await?;
    let refuse =
        |message: String| rerender_with_error(store, &staff, &application, "transfer", message);
    let date = match parse_date(&form.date, "转送日期") {
        Ok(d) => d,
        Err(m) => return refuse(m).await,
    };
    if form.to_agency.trim().is_empty() {
        return refuse("请选择接收机关".into()).await;
    }
    let new = NewTransfer {
        to_agency_code: form.to_agency.trim().to_owned(),
        date,
        reason: form.reason.clone(),
    };
    let result = match store
        .transfer_application(&staff.user.username, id, &new)
        .await
    {
        Ok(r) => r,
        Err(e) if is_refusal(&e) => return refuse(e.to_string()).await,
        Err(e) => return Err(e.into()),
    };
    let moved = &result.application;
    let events = store.application_events(id).await?;
    let ctx = context(store, moved, &events, NoticeKind::TransferNotice).await?;
    let notice_html = render_html(NoticeKind::TransferNotice, &ctx, state.app.notices.as_ref())
        .map_err(|e| StaffError::Internal(format!("文书生成失败：{e}")))?;
    let to_agency = store
        .agency(&moved.agency_code)
        .await?
        .map_or_else(|| moved.agency_code.clone(), |a| a.name);
    // An administrator (or an officer of both) may still open it.
    let view = TransferDoneView {
        chrome: staff.chrome("已转送", "cases"),
        from_number: result.from_number.clone(),
        to_agency,
        number: moved.number.clone(),
        query_code: moved.query_code.clone(),
        date: date.to_string(),
        notice_html,
    };
    Ok((StatusCode::OK, Html(view.render()?)).into_response())
}

/// `POST /staff/cases/{id}/reopen`: a new handling of a closed case (e.g.
/// a 行政复议 decision ordered a new answer); the deadline engine restarts
/// the 20 working days from the date.
pub(crate) async fn reopen(
    State(state): State<StaffState>,
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<HandlingForm>,
) -> Result<Response, StaffError> {
    let store = &state.app.store;
    let id = parse_case_id(&staff, &id)?;
    let application = load_case(store, &staff, id, Access::Write).await?;
    let refuse =
        |message: String| rerender_with_error(store, &staff, &application, "reopen", message);
    let date = match parse_date(&form.date, "重新办理日期") {
        Ok(d) => d,
        Err(m) => return refuse(m).await,
    };
    let reason: String = form.reason.trim().chars().take(500).collect();
    if reason.is_empty() {
        return refuse("请填写重新办理的原因（如行政复议决定责令重新答复）".into()).await;
    }
    let event = ProcedureEvent::Reopened { date, reason };
    match store.add_event(&staff.user.username, id, event).await {
        Ok(_) => Ok(Redirect::to(&format!("/staff/cases/{id}?done=reopen")).into_response()),
        Err(e) if is_refusal(&e) => refuse(e.to_string()).await,
        Err(e) => Err(e.into()),
    }
}

/// Fills the 转送告知书: issued by the transferring agency on the transfer
/// date, with the receiving agency's answer deadline from the engine.
/// `index` is the position of `event` (a [`ProcedureEvent::Transferred`])
/// in `events`.
pub(crate) async fn fill_transfer(
    store: &Store,
    ctx: &mut NoticeContext,
    events: &[ProcedureEvent],
    index: usize,
    event: ProcedureEvent,
) -> Result<(), StaffError> {
    let ProcedureEvent::Transferred {
        date,
        from_agency,
        to_agency,
        reason,
    } = event
    else {
        return Ok(());
    };
    let answer_due = WorkCalendar::operational()
        .ok()
        .zip(events.get(..=index))
        .and_then(|(cal, upto)| evaluate(cal, upto, date).ok())
        .and_then(|s| s.deadline(DeadlineKind::Answer).map(|d| d.due));
    // The transferring agency issues the notice.
    let from = store
        .agencies()
        .await?
        .into_iter()
        .find(|a| a.name == from_agency);
    let mut issuer = gongkai_notices::Agency::new(from_agency.clone());
    if let Some(agency) = &from {
        if !agency.phone.is_empty() {
            issuer.contact = Some(format!("联系电话：{}", agency.phone));
        }
        if !agency.address.is_empty() {
            issuer.address = Some(agency.address.clone());
        }
        let parent = match &agency.parent_code {
            Some(code) => store.agency(code).await?,
            None => None,
        };
        ctx.remedies.reconsideration_body =
            parent.map_or_else(|| "上一级人民政府".to_owned(), |p| p.name);
    }
    ctx.agency = issuer;
    ctx.transfer = Some(TransferDetails {
        to_agency,
        reason,
        transferred_on: date,
        answer_due,
    });
    Ok(())
}
