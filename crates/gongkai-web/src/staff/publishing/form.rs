//! The draft form: `GET/POST /staff/items/new` and `GET/POST
//! /staff/items/{id}/edit` (drafts only), with every field checked and the
//! form shown again with a message naming the field.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use gongkai_store::{
    Category, DisclosureMode, ItemDraft, ItemKind, ManagedItem, StaffRole, StoreError, Validity,
    WorkflowStage,
};
use serde::Deserialize;

use super::views::{FormValues, FormView};
use super::{ItemAccess, item_agencies, load_item, may_draft};
use crate::staff::error::StaffError;
use crate::staff::views::Choice;
use crate::staff::{Staff, StaffState};

/// The submitted form.
#[derive(Debug, Deserialize, Default)]
pub(crate) struct ItemForm {
    #[serde(default)]
    agency: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    doc_number: String,
    #[serde(default)]
    written_on: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    topic: String,
    #[serde(default)]
    validity: String,
    #[serde(default)]
    validity_changed_on: String,
    #[serde(default)]
    disclosure_mode: String,
    #[serde(default)]
    body: String,
}

impl ItemForm {
    fn values(&self) -> FormValues {
        FormValues {
            agency: self.agency.clone(),
            kind: self.kind.clone(),
            title: self.title.clone(),
            doc_number: self.doc_number.clone(),
            written_on: self.written_on.clone(),
            category: self.category.clone(),
            topic: self.topic.clone(),
            validity: self.validity.clone(),
            validity_changed_on: self.validity_changed_on.clone(),
            disclosure_mode: self.disclosure_mode.clone(),
            body: self.body.clone(),
        }
    }
}

/// A form error: the control's id and the message.
type FieldError = (&'static str, String);

fn parse_date(
    field: &'static str,
    control: &'static str,
    text: &str,
) -> Result<Option<NaiveDate>, FieldError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            (
                control,
                format!(
                    "{field}“{}”不是有效日期（格式：2024-05-20）",
                    crate::text::truncate(text)
                ),
            )
        })
}

/// The draft the form describes, or the first invalid field.
fn parse(form: &ItemForm, agency_code: &str, today: NaiveDate) -> Result<ItemDraft, FieldError> {
    let kind = ItemKind::from_key(&form.kind).ok_or(("f-kind", "请选择信息类型".to_owned()))?;
    if form.title.trim().is_empty() {
        return Err(("f-title", "请填写标题".into()));
    }
    let written_on = parse_date("成文日期", "f-written", &form.written_on)?.ok_or((
        "f-written",
        "请填写成文日期（用于计算第二十六条规定的发布期限）".to_owned(),
    ))?;
    if written_on > today {
        return Err(("f-written", format!("成文日期{written_on}晚于今天")));
    }
    let category =
        Category::from_key(&form.category).ok_or(("f-category", "请选择信息分类".to_owned()))?;
    let validity =
        Validity::from_key(&form.validity).ok_or(("f-validity", "请选择有效性".to_owned()))?;
    let validity_changed_on =
        parse_date("有效性变更日期", "f-validity-on", &form.validity_changed_on)?;
    if validity != Validity::Valid && validity_changed_on.is_none() {
        return Err((
            "f-validity-on",
            format!("有效性为“{validity}”时须填写{validity}日期"),
        ));
    }
    let disclosure_mode = DisclosureMode::from_key(&form.disclosure_mode)
        .ok_or(("f-mode", "请选择公开方式".to_owned()))?;
    Ok(ItemDraft {
        agency_code: agency_code.to_owned(),
        kind,
        title: form.title.clone(),
        doc_number: Some(form.doc_number.clone()),
        written_on: Some(written_on),
        category,
        topic: form.topic.clone(),
        validity,
        validity_changed_on: validity_changed_on.filter(|_| validity != Validity::Valid),
        disclosure_mode,
        body: form.body.replace("\r\n", "\n"),
    })
}

/// The control a store error is about.
fn control_of(error: &StoreError) -> &'static str {
    match error {
        StoreError::InvalidField { field, .. } => match *field {
            "标题" => "f-title",
            "文号" => "f-doc",
            "主题分类" => "f-topic",
            "正文" => "f-body",
            _ => "",
        },
        _ => "",
    }
}

fn choices<T: Copy + PartialEq>(
    all: &[T],
    key: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
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

struct FormPage {
    heading: String,
    action: String,
    cancel_href: String,
    index_no: Option<String>,
    values: FormValues,
    error: Option<FieldError>,
    agencies: Vec<(String, String)>,
}

fn render(staff: &Staff, page: FormPage, status: StatusCode) -> Result<Response, StaffError> {
    let v = &page.values;
    let (error_field, error) = match page.error {
        Some((field, message)) => (field.to_owned(), Some(message)),
        None => (String::new(), None),
    };
    let view = FormView {
        chrome: staff.chrome(page.heading.clone(), "items"),
        csrf: staff.csrf.clone(),
        heading: page.heading,
        action: page.action,
        cancel_href: page.cancel_href,
        index_no: page.index_no,
        error,
        error_field,
        show_agency: page.agencies.len() > 1,
        agencies: page
            .agencies
            .iter()
            .map(|(code, name)| Choice {
                value: code.clone(),
                label: name.clone(),
                selected: *code == v.agency,
            })
            .collect(),
        kinds: choices(ItemKind::ALL, ItemKind::key, ItemKind::label, &v.kind),
        categories: choices(Category::ALL, Category::key, Category::label, &v.category),
        validities: choices(Validity::ALL, Validity::key, Validity::label, &v.validity),
        modes: choices(
            DisclosureMode::ALL,
            DisclosureMode::key,
            DisclosureMode::label,
            &v.disclosure_mode,
        ),
        values: page.values,
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// The agencies `staff` may draft for (code, name): an officer's own, every
/// agency for administrators.
async fn draft_agencies(
    state: &StaffState,
    staff: &Staff,
) -> Result<Vec<(String, String)>, StaffError> {
    let scope = item_agencies(&state.app.store, staff).await?;
    Ok(state
        .app
        .store
        .agencies()
        .await?
        .into_iter()
        .filter(|a| scope.as_ref().is_none_or(|codes| codes.contains(&a.code)))
        .map(|a| (a.code, a.name))
        .collect())
}

fn require_drafter(staff: &Staff) -> Result<(), StaffError> {
    if may_draft(staff.user.role) {
        Ok(())
    } else {
        Err(StaffError::Forbidden(format!(
            "您的角色（{}）不能起草信息。",
            staff.user.role.label()
        )))
    }
}

/// `GET /staff/items/new`.
pub(crate) async fn new_page(
    State(state): State<StaffState>,
    staff: Staff,
) -> Result<Response, StaffError> {
    require_drafter(&staff)?;
    let agencies = draft_agencies(&state, &staff).await?;
    let values = FormValues {
        agency: staff.user.agency_code.clone(),
        kind: ItemKind::Document.key().into(),
        validity: Validity::Valid.key().into(),
        disclosure_mode: DisclosureMode::Proactive.key().into(),
        written_on: state.app.store.today().format("%Y-%m-%d").to_string(),
        ..FormValues::default()
    };
    render(
        &staff,
        FormPage {
            heading: "新建信息草稿".into(),
            action: "/staff/items/new".into(),
            cancel_href: "/staff/items".into(),
            index_no: None,
            values,
            error: None,
            agencies,
        },
        StatusCode::OK,
    )
}

/// `POST /staff/items/new`: creates the draft and goes to its page.
pub(crate) async fn create(
    State(state): State<StaffState>,
    staff: Staff,
    Form(form): Form<ItemForm>,
) -> Result<Response, StaffError> {
    require_drafter(&staff)?;
    let agencies = draft_agencies(&state, &staff).await?;
    let agency = if staff.user.role == StaffRole::Administrator {
        form.agency.clone()
    } else {
        staff.user.agency_code.clone()
    };
    let fail = |error: FieldError, agencies: Vec<(String, String)>| {
        render(
            &staff,
            FormPage {
                heading: "新建信息草稿".into(),
                action: "/staff/items/new".into(),
                cancel_href: "/staff/items".into(),
                index_no: None,
                values: form.values(),
                error: Some(error),
                agencies,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    if !agencies.iter().any(|(code, _)| *code == agency) {
        return fail(("f-agency", "请选择发布机构".into()), agencies);
    }
    let draft = match parse(&form, &agency, state.app.store.today()) {
        Ok(d) => d,
        Err(e) => return fail(e, agencies),
    };
    match state
        .app
        .store
        .create_draft(&staff.user.username, &draft)
        .await
    {
        Ok(created) => Ok(
            Redirect::to(&format!("/staff/items/{}?done=created", created.item.id)).into_response(),
        ),
        Err(e) if e.is_input_error() => fail((control_of(&e), e.to_string()), agencies),
        Err(e) => Err(e.into()),
    }
}

fn values_of(managed: &ManagedItem) -> FormValues {
    let item = &managed.item;
    let date =
        |d: Option<NaiveDate>| d.map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string());
    FormValues {
        agency: item.agency_code.clone(),
        kind: managed.workflow.kind.key().into(),
        title: item.title.clone(),
        doc_number: item.doc_number.clone().unwrap_or_default(),
        written_on: date(item.written_on),
        category: item.category.key().into(),
        topic: item.topic.clone(),
        validity: item.validity.key().into(),
        validity_changed_on: date(item.validity_changed_on),
        disclosure_mode: item.disclosure_mode.key().into(),
        body: item.body.clone(),
    }
}

async fn load_draft(
    state: &StaffState,
    staff: &Staff,
    id: &str,
) -> Result<ManagedItem, StaffError> {
    let managed = load_item(&state.app.store, staff, id, ItemAccess::Draft).await?;
    if managed.workflow.stage != WorkflowStage::Draft {
        return Err(StaffError::Forbidden(format!(
            "该信息当前为“{}”，只有草稿可以修改。",
            managed.workflow.stage.label()
        )));
    }
    Ok(managed)
}

fn edit_page_of(managed: &ManagedItem, values: FormValues, error: Option<FieldError>) -> FormPage {
    FormPage {
        heading: format!("修改草稿：{}", managed.item.title),
        action: format!("/staff/items/{}/edit", managed.item.id),
        cancel_href: format!("/staff/items/{}", managed.item.id),
        index_no: Some(managed.item.index_no.clone()),
        values,
        error,
        agencies: Vec::new(),
    }
}

/// `GET /staff/items/{id}/edit`.
pub(crate) async fn edit_page(
    State(state): State<StaffState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, StaffError> {
    let managed = load_draft(&state, &staff, &id).await?;
    render(
        &staff,
        edit_page_of(&managed, values_of(&managed), None),
        StatusCode::OK,
    )
}

/// `POST /staff/items/{id}/edit`.
pub(crate) async fn update(
    State(state): State<StaffState>,
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<ItemForm>,
) -> Result<Response, StaffError> {
    let managed = load_draft(&state, &staff, &id).await?;
    let fail = |error: FieldError| {
        render(
            &staff,
            edit_page_of(&managed, form.values(), Some(error)),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    let draft = match parse(&form, &managed.item.agency_code, state.app.store.today()) {
        Ok(d) => d,
        Err(e) => return fail(e),
    };
    match state
        .app
        .store
        .update_draft(&staff.user.username, managed.item.id, &draft)
        .await
    {
        Ok(_) => Ok(
            Redirect::to(&format!("/staff/items/{}?done=saved", managed.item.id)).into_response(),
        ),
        Err(e) if e.is_input_error() => fail((control_of(&e), e.to_string())),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ItemForm {
        ItemForm {
            kind: "document".into(),
            title: "关于印发某办法的通知".into(),
            written_on: "2024-05-20".into(),
            category: "art20_01".into(),
            validity: "valid".into(),
            disclosure_mode: "proactive".into(),
            ..ItemForm::default()
        }
    }

    #[test]
    fn fields_are_checked_and_named() {
        let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        assert!(parse(&form(), "A", today).is_ok());
        let bad_date = ItemForm {
            written_on: "2024-02-30".into(),
            ..form()
        };
        assert_eq!(parse(&bad_date, "A", today).unwrap_err().0, "f-written");
        let future = ItemForm {
            written_on: "2024-07-01".into(),
            ..form()
        };
        assert!(
            parse(&future, "A", today)
                .unwrap_err()
                .1
                .contains("晚于今天")
        );
        let repealed = ItemForm {
            validity: "repealed".into(),
            ..form()
        };
        assert_eq!(parse(&repealed, "A", today).unwrap_err().0, "f-validity-on");
        let no_category = ItemForm {
            category: "x".into(),
            ..form()
        };
        assert_eq!(parse(&no_category, "A", today).unwrap_err().0, "f-category");
    }
}
