//! Case handling beyond the case page's step forms: transferring an
//! application to the competent agency and reopening a closed one
//! ([`transfer`]), registering paper applications ([`register`]),
//! reconsideration and litigation records ([`disputes`]), and the daily
//! reminder digest ([`reminders`], in the UI and by e-mail) with the staff
//! e-mail addresses it goes to ([`email`]).
//!
//! Every handler reaches applications through [`super::scope::load_case`]
//! and review cases through [`disputes::load_dispute`], which checks the
//! application's agency against the user's scope the same way.

pub(crate) mod disputes;
pub(crate) mod email;
pub(crate) mod register;
pub(crate) mod reminders;
pub(crate) mod transfer;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use gongkai_domain::deadline::CaseState;
use gongkai_store::{Application, Store};

use super::error::StaffError;
use super::scope::may_act;
use super::views::Choice;
use super::{Staff, StaffState};

pub(crate) use transfer::fill_transfer;

/// The routes of this part of the back office.
pub(crate) fn routes() -> Router<StaffState> {
    Router::new()
        .route(
            "/staff/cases/new",
            get(register::page)
                .post(register::submit)
                .layer(DefaultBodyLimit::max(register::BODY_LIMIT)),
        )
        .route("/staff/cases/{id}/transfer", post(transfer::transfer))
        .route("/staff/cases/{id}/reopen", post(transfer::reopen))
        .route(
            "/staff/disputes",
            get(disputes::list).post(disputes::create),
        )
        .route("/staff/disputes/new", get(disputes::new_page))
        .route(
            "/staff/disputes/{id}",
            get(disputes::edit_page).post(disputes::update),
        )
        .route("/staff/reminders", get(reminders::page))
        .route("/staff/account/email", post(email::set_own))
        .route("/staff/admin/users/{id}/email", post(email::set_for_user))
}

/// One review case as the case page lists it.
#[derive(Debug, Clone)]
pub(crate) struct DisputeRow {
    pub href: String,
    pub kind: &'static str,
    pub case_number: String,
    pub filed_on: String,
    pub result: &'static str,
    pub decided_on: String,
}

/// The case page's handling panel: transfer and reopening forms and the
/// linked reconsideration and litigation records.
#[derive(Debug, Clone, Default)]
pub(crate) struct CasePanel {
    /// The transfer form is offered (open case, a user who may act).
    pub can_transfer: bool,
    /// The agencies a case may go to (every agency but its own).
    pub agencies: Vec<Choice>,
    /// The reopening form is offered (closed case, a user who may act).
    pub can_reopen: bool,
    /// The user may record a review case about this application.
    pub can_record_dispute: bool,
    /// The review cases about the application.
    pub disputes: Vec<DisputeRow>,
}

/// The panel of `application` for `staff` (whose scope was already checked).
pub(crate) async fn case_panel(
    store: &Store,
    staff: &Staff,
    application: &Application,
    state: CaseState,
) -> Result<CasePanel, StaffError> {
    let acts = may_act(staff.user.role);
    let agencies = if acts && !state.is_closed() {
        store
            .agencies()
            .await?
            .into_iter()
            .filter(|a| a.code != application.agency_code)
            .map(|a| Choice {
                value: a.code,
                label: a.name,
                selected: false,
            })
            .collect()
    } else {
        Vec::new()
    };
    let disputes = store
        .review_cases(application.id)
        .await?
        .into_iter()
        .map(|r| disputes::row(&r))
        .collect();
    Ok(CasePanel {
        can_transfer: acts && !state.is_closed(),
        agencies,
        can_reopen: acts && state.is_closed(),
        can_record_dispute: acts,
        disputes,
    })
}
