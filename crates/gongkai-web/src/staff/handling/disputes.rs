//! 行政复议 and 行政诉讼 records (`/staff/disputes`): the list of the user's
//! scope, a form to record one about an application, and its editable
//! result — in the categories of table 四 of the annual report (结果维持,
//! 结果纠正, 其他结果, 尚未审结), so that the table is counted from them.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use gongkai_domain::casework::{ReviewKind, ReviewResult};
use gongkai_store::{Application, NewReviewCase, ReviewCase, StoreError};
use serde::Deserialize;

use super::super::error::StaffError;
use super::super::scope::{Access, Scope, load_case, may_act, no_case_access};
use super::super::views::{Choice, StaffChrome};
use super::super::{Staff, StaffState};
use super::DisputeRow;

/// The case page's row of a review case.
pub(crate) fn row(case: &ReviewCase) -> DisputeRow {
    let d = &case.details;
    DisputeRow {
        href: format!("/staff/disputes/{}", case.id),
        kind: d.kind.label(),
        case_number: d.case_number.clone(),
        filed_on: d.filed_on.to_string(),
        result: d.result.label(),
        decided_on: d.decided_on.map(|x| x.to_string()).unwrap_or_default(),
    }
}

fn not_found() -> StaffError {
    StaffError::NotFound("找不到该复议诉讼案件。".into())
}

/// Loads review case `id` for `staff`: 404 when missing or about an
/// agency outside the user's scope, 403 for roles without cases or (for
/// [`Access::Write`]) without the right to act.
pub(crate) async fn load_dispute(
    state: &StaffState,
    staff: &Staff,
    id: &str,
    access: Access,
) -> Result<ReviewCase, StaffError> {
    if !staff.scope.has_cases() {
        return Err(no_case_access());
    }
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let case = state
        .app
        .store
        .review_case(id)
        .await?
        .filter(|c| staff.scope.covers(&c.agency_code))
        .ok_or_else(not_found)?;
    if access == Access::Write && !may_act(staff.user.role) {
        return Err(StaffError::Forbidden(
            "您的角色对复议诉讼案件只有查看权限。".into(),
        ));
    }
    Ok(case)
}

/// A row of the list.
struct ListRow {
    href: String,
    case_href: String,
    application_number: String,
    agency: String,
    kind: &'static str,
    case_number: String,
    filed_on: String,
    result: &'static str,
    result_class: &'static str,
    decided_on: String,
}

/// The table-四 counts of the listed cases.
struct Tally {
    label: &'static str,
    counts: Vec<usize>,
    total: usize,
}

/// `GET /staff/disputes`.
#[derive(Template)]
#[template(path = "staff/disputes.html")]
struct ListView {
    chrome: StaffChrome,
    rows: Vec<ListRow>,
    tallies: Vec<Tally>,
    columns: Vec<&'static str>,
    can_record: bool,
    flash: Option<&'static str>,
}

/// The list's query.
#[derive(Debug, Deserialize, Default)]
pub(crate) struct ListQuery {
    #[serde(default)]
    done: Option<String>,
}

fn result_class(result: ReviewResult) -> &'static str {
    match result {
        ReviewResult::Upheld => "s-closed",
        ReviewResult::Corrected => "s-lapsed",
        ReviewResult::Other => "s-open",
        ReviewResult::Pending => "s-paused",
    }
}

/// `GET /staff/disputes`: the review cases of the user's scope, with the
/// counts of table 四.
pub(crate) async fn list(
    State(state): State<StaffState>,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> Result<Response, StaffError> {
    let codes = match &staff.scope {
        Scope::NoCases => return Err(no_case_access()),
        Scope::All => None,
        Scope::Agencies(codes) => Some(codes.as_slice()),
    };
    let listing = state.app.store.review_cases_in(codes).await?;
    let tallies = ReviewKind::ALL
        .iter()
        .map(|kind| {
            let of_kind: Vec<_> = listing
                .iter()
                .filter(|l| l.case.details.kind == *kind)
                .collect();
            Tally {
                label: kind.label(),
                counts: ReviewResult::ALL
                    .iter()
                    .map(|r| {
                        of_kind
                            .iter()
                            .filter(|l| l.case.details.result == *r)
                            .count()
                    })
                    .collect(),
                total: of_kind.len(),
            }
        })
        .collect();
    let rows = listing
        .into_iter()
        .map(|l| {
            let d = &l.case.details;
            ListRow {
                href: format!("/staff/disputes/{}", l.case.id),
                case_href: format!("/staff/cases/{}", d.application_id),
                application_number: l.application_number,
                agency: l.agency_name,
                kind: d.kind.label(),
                case_number: d.case_number.clone(),
                filed_on: d.filed_on.to_string(),
                result: d.result.label(),
                result_class: result_class(d.result),
                decided_on: d.decided_on.map(|x| x.to_string()).unwrap_or_default(),
            }
        })
        .collect();
    let view = ListView {
        chrome: staff.chrome("复议诉讼", "disputes"),
        rows,
        tallies,
        columns: ReviewResult::ALL.iter().map(|r| r.label()).collect(),
        can_record: may_act(staff.user.role),
        flash: match query.done.as_deref() {
            Some("created") => Some("已登记复议诉讼案件。"),
            Some("updated") => Some("已保存复议诉讼案件。"),
            _ => None,
        },
    };
    Ok(Html(view.render()?).into_response())
}

/// The record form's fields.
#[derive(Debug, Deserialize, Default, Clone)]
pub(crate) struct DisputeForm {
    #[serde(default)]
    application: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    case_number: String,
    #[serde(default)]
    filed_on: String,
    #[serde(default)]
    result: String,
    #[serde(default)]
    decided_on: String,
}

impl DisputeForm {
    fn of(case: &ReviewCase) -> DisputeForm {
        let d = &case.details;
        DisputeForm {
            application: d.application_id.to_string(),
            kind: d.kind.key().to_owned(),
            case_number: d.case_number.clone(),
            filed_on: d.filed_on.to_string(),
            result: d.result.key().to_owned(),
            decided_on: d.decided_on.map(|x| x.to_string()).unwrap_or_default(),
        }
    }

    /// The checked record, or the first problem in Chinese.
    fn parse(&self, application_id: i64) -> Result<NewReviewCase, String> {
        let kind = ReviewKind::from_key(&self.kind).ok_or("请选择类型（行政复议或行政诉讼）")?;
        let result = ReviewResult::from_key(&self.result).ok_or("请选择审理结果")?;
        let date = |value: &str, label: &str| {
            NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
                .map_err(|_| format!("{label}无效：请按“年-月-日”填写日期"))
        };
        let filed_on = date(&self.filed_on, "申请（起诉）日期")?;
        let decided_on = if self.decided_on.trim().is_empty() {
            None
        } else {
            Some(date(&self.decided_on, "审结日期")?)
        };
        if self.case_number.trim().chars().count() > 100 {
            return Err("案号不能超过100个字符".into());
        }
        Ok(NewReviewCase {
            application_id,
            kind,
            case_number: self.case_number.trim().to_owned(),
            filed_on,
            decided_on,
            result,
        })
    }
}

/// The new/edit form.
#[derive(Template)]
#[template(path = "staff/dispute_form.html")]
struct FormView {
    chrome: StaffChrome,
    csrf: String,
    action: String,
    heading: String,
    application_id: i64,
    application_number: String,
    case_href: String,
    kinds: Vec<Choice>,
    results: Vec<Choice>,
    form: DisputeForm,
    error: Option<String>,
    read_only: bool,
    today: String,
}

fn choices<T: Copy + PartialEq>(
    all: &[T],
    key: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
    selected: &str,
) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            value: key(*v).to_owned(),
            label: label(*v).to_owned(),
            selected: key(*v) == selected,
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn form_page(
    state: &StaffState,
    staff: &Staff,
    application: &Application,
    action: String,
    heading: String,
    form: DisputeForm,
    error: Option<String>,
    read_only: bool,
) -> Result<Response, StaffError> {
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let view = FormView {
        chrome: staff.chrome(heading.clone(), "disputes"),
        csrf: staff.csrf.clone(),
        action,
        heading,
        application_id: application.id,
        application_number: application.number.clone(),
        case_href: format!("/staff/cases/{}", application.id),
        kinds: choices(
            &ReviewKind::ALL,
            ReviewKind::key,
            ReviewKind::label,
            &form.kind,
        ),
        results: choices(
            &ReviewResult::ALL,
            ReviewResult::key,
            ReviewResult::label,
            &form.result,
        ),
        form,
        error,
        read_only,
        today: state.app.store.today().to_string(),
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// The `?application=` of the new form.
#[derive(Debug, Deserialize, Default)]
pub(crate) struct NewQuery {
    #[serde(default)]
    application: String,
}

async fn application_for(
    state: &StaffState,
    staff: &Staff,
    id: &str,
) -> Result<Application, StaffError> {
    if !staff.scope.has_cases() {
        return Err(no_case_access());
    }
    let id: i64 = id
        .trim()
        .parse()
        .map_err(|_| StaffError::NotFound("请从办件页面登记复议诉讼：未指定申请。".into()))?;
    load_case(&state.app.store, staff, id, Access::Write).await
}

/// `GET /staff/disputes/new?application={id}`.
pub(crate) async fn new_page(
    State(state): State<StaffState>,
    staff: Staff,
    Query(query): Query<NewQuery>,
) -> Result<Response, StaffError> {
    let application = application_for(&state, &staff, &query.application).await?;
    let form = DisputeForm {
        application: application.id.to_string(),
        kind: ReviewKind::Reconsideration.key().to_owned(),
        result: ReviewResult::Pending.key().to_owned(),
        ..DisputeForm::default()
    };
    form_page(
        &state,
        &staff,
        &application,
        "/staff/disputes".into(),
        format!("登记复议诉讼：申请 {}", application.number),
        form,
        None,
        false,
    )
}

fn is_refusal(e: &StoreError) -> bool {
    matches!(e, StoreError::InvalidField { .. } | StoreError::Invalid(_))
}

/// `POST /staff/disputes`: records a review case about an application in
/// the user's scope.
pub(crate) async fn create(
    State(state): State<StaffState>,
    staff: Staff,
    Form(form): Form<DisputeForm>,
) -> Result<Response, StaffError> {
    let application = application_for(&state, &staff, &form.application).await?;
    let again = |error: String| {
        form_page(
            &state,
            &staff,
            &application,
            "/staff/disputes".into(),
            format!("登记复议诉讼：申请 {}", application.number),
            form.clone(),
            Some(error),
            false,
        )
    };
    let new = match form.parse(application.id) {
        Ok(n) => n,
        Err(e) => return again(e),
    };
    match state
        .app
        .store
        .add_review_case(&staff.user.username, &new)
        .await
    {
        Ok(_) => {
            Ok(Redirect::to(&format!("/staff/cases/{}#disputes", application.id)).into_response())
        }
        Err(e) if is_refusal(&e) => again(e.to_string()),
        Err(e) => Err(e.into()),
    }
}

/// `GET /staff/disputes/{id}`: the record, editable for those who may act.
pub(crate) async fn edit_page(
    State(state): State<StaffState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, StaffError> {
    let case = load_dispute(&state, &staff, &id, Access::Read).await?;
    let application = load_case(
        &state.app.store,
        &staff,
        case.details.application_id,
        Access::Read,
    )
    .await
    .map_err(|_| not_found())?;
    form_page(
        &state,
        &staff,
        &application,
        format!("/staff/disputes/{}", case.id),
        format!("{}：申请 {}", case.details.kind.label(), application.number),
        DisputeForm::of(&case),
        None,
        !may_act(staff.user.role),
    )
}

/// `POST /staff/disputes/{id}`: corrects the record or enters its result.
pub(crate) async fn update(
    State(state): State<StaffState>,
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<DisputeForm>,
) -> Result<Response, StaffError> {
    let case = load_dispute(&state, &staff, &id, Access::Write).await?;
    let application = load_case(
        &state.app.store,
        &staff,
        case.details.application_id,
        Access::Read,
    )
    .await
    .map_err(|_| not_found())?;
    let again = |error: String| {
        form_page(
            &state,
            &staff,
            &application,
            format!("/staff/disputes/{}", case.id),
            format!("{}：申请 {}", case.details.kind.label(), application.number),
            form.clone(),
            Some(error),
            false,
        )
    };
    let details = match form.parse(case.details.application_id) {
        Ok(n) => n,
        Err(e) => return again(e),
    };
    match state
        .app
        .store
        .update_review_case(&staff.user.username, case.id, &details)
        .await
    {
        Ok(_) => Ok(Redirect::to("/staff/disputes?done=updated").into_response()),
        Err(e) if is_refusal(&e) => again(e.to_string()),
        Err(e) => Err(e.into()),
    }
}
