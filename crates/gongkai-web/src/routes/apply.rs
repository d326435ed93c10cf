//! 依申请公开: the online application form (Art. 27–29 of the Regulation)
//! and the 查询码 status pages.
//!
//! - `GET /apply`: choose the agency (the government, its departments, towns);
//! - `GET /agencies/{code}/apply`: the form; `POST` registers the application
//!   through [`Store::create_application`] (channel 互联网渠道, receipt date
//!   today, Art. 31(三)) and shows the application number and 查询码;
//! - `GET /track` (and `?code=`): enter a 查询码; `GET /track/{code}`: the
//!   status, public timeline and answer deadline; `GET
//!   /track/{code}/documents/{id}`: an answer document.
//!
//! The form works without JavaScript, is protected against CSRF
//! ([`csrf`]), bounded in size (`DefaultBodyLimit` of [`BODY_LIMIT`], 413
//! page), parsed strictly ([`multipart`], 400 page) and checked with the
//! store's own field validators ([`form`]). Wrong 查询码 are rate limited per
//! client address ([`limit`], 429 page) and every look-up takes at least
//! [`LOOKUP_FLOOR`], found or not.

mod csrf;
pub(crate) mod form;
mod limit;
pub(crate) mod multipart;

use std::time::Duration;

use askama::Template;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use gongkai_domain::casework::ApplicantType;
use gongkai_domain::deadline::{
    CaseState, CaseStatus, DeadlineKind, DeadlineStatus, ProcedureEvent, ReceiptChannel,
};
use gongkai_store::{
    Agency, AgencyKind, Application, Attachment, NewApplication, Store, query_code,
};
use serde::Deserialize;

use self::form::{ApplyInput, FieldError};
use self::limit::Client;
use super::{agency_or_404, render, site_government};
use crate::text::agency_href;
use crate::views::{Chrome, Crumb, ErrorView};
use crate::{AppState, PageError};

/// The largest request body of the form: the files' total plus 1 MB of fields.
pub const BODY_LIMIT: usize = form::MAX_FILES_TOTAL + 1024 * 1024;
/// The least time a 查询码 look-up takes, found or not.
pub const LOOKUP_FLOOR: Duration = Duration::from_millis(150);
/// Who the audit log names for applications filed online.
const ACTOR: &str = "网上申请";

// ---------------------------------------------------------------- views

/// An agency to apply to.
#[derive(Debug, Clone)]
pub struct AgencyChoice {
    name: String,
    href: String,
    guide_href: String,
}

/// `/apply`.
#[derive(Template)]
#[template(path = "apply_choose.html")]
pub struct ChooseView {
    chrome: Chrome,
    government: Option<AgencyChoice>,
    departments: Vec<AgencyChoice>,
    towns: Vec<AgencyChoice>,
}

/// A radio button or option.
#[derive(Debug, Clone)]
pub struct Choice {
    key: &'static str,
    label: &'static str,
    checked: bool,
}

fn choices(
    items: impl IntoIterator<Item = (&'static str, &'static str)>,
    current: &str,
) -> Vec<Choice> {
    items
        .into_iter()
        .map(|(key, label)| Choice {
            key,
            label,
            checked: key == current,
        })
        .collect()
}

/// A labelled control of the form with its value and error.
#[derive(Debug, Clone)]
pub struct Field {
    id: &'static str,
    label: &'static str,
    value: String,
    /// `text`, `tel`, `email`, `textarea` or `select`.
    kind: &'static str,
    required: bool,
    hint: &'static str,
    autocomplete: &'static str,
    maxlength: usize,
    options: Vec<Choice>,
    error: Option<String>,
}

impl Field {
    fn describedby(&self) -> String {
        let mut ids = Vec::new();
        if !self.hint.is_empty() {
            ids.push(format!("{}-hint", self.id));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.id));
        }
        ids.join(" ")
    }
}

/// An error in the summary at the top of the form.
#[derive(Debug, Clone)]
pub struct SummaryError {
    href: String,
    message: String,
}

/// `/agencies/{code}/apply`.
#[derive(Template)]
#[template(path = "apply_form.html")]
pub struct FormView {
    chrome: Chrome,
    agency_name: String,
    agency_phone: String,
    agency_address: String,
    guide_href: String,
    action: String,
    token: String,
    summary: Vec<SummaryError>,
    applicant_types: Vec<Choice>,
    organisation: bool,
    person_fields: Vec<Field>,
    org_fields: Vec<Field>,
    contact_fields: Vec<Field>,
    description: Field,
    provides: Vec<Choice>,
    ways: Vec<Choice>,
    consent: bool,
    errors: Vec<FieldError>,
    files_dropped: bool,
    max_files: usize,
    max_file_mb: usize,
    max_total_mb: usize,
}

impl FormView {
    fn error(&self, control: &str) -> Option<String> {
        let messages: Vec<&str> = self
            .errors
            .iter()
            .filter(|e| e.control == control)
            .map(|e| e.message.as_str())
            .collect();
        (!messages.is_empty()).then(|| messages.join("；"))
    }
}

/// The confirmation after a submission.
#[derive(Template)]
#[template(path = "apply_done.html")]
pub struct DoneView {
    chrome: Chrome,
    agency_name: String,
    number: String,
    query_code: String,
    track_href: String,
    received_on: String,
    channel: &'static str,
    receipt_rule: &'static str,
    due: Option<String>,
    delivery: &'static str,
    files: Vec<String>,
    failed_files: Vec<String>,
}

/// `/track`, also the 未找到 page.
#[derive(Template)]
#[template(path = "apply_track.html")]
pub struct TrackView {
    chrome: Chrome,
    code: String,
    message: String,
    not_found: bool,
}

/// A step of the public timeline.
#[derive(Debug, Clone)]
pub struct Step {
    date: String,
    label: &'static str,
    detail: String,
}

/// An answer document for download.
#[derive(Debug, Clone)]
pub struct Document {
    name: String,
    href: String,
    size: String,
}

/// `/track/{code}`.
#[derive(Template)]
#[template(path = "apply_status.html")]
pub struct StatusView {
    chrome: Chrome,
    agency_name: String,
    number: String,
    applicant: String,
    applicant_type: &'static str,
    description: String,
    received_on: String,
    channel: &'static str,
    delivery: &'static str,
    state: &'static str,
    state_class: &'static str,
    closed: bool,
    outcome: Option<String>,
    due: Option<String>,
    due_note: String,
    due_reason: String,
    steps: Vec<Step>,
    documents: Vec<Document>,
}

// ---------------------------------------------------------------- helpers

fn apply_crumbs(tail: Option<(&str, Option<String>)>) -> Vec<Crumb> {
    let mut crumbs = vec![Crumb {
        label: "首页".into(),
        href: Some("/".into()),
    }];
    match tail {
        None => crumbs.push(Crumb {
            label: "依申请公开".into(),
            href: None,
        }),
        Some((label, href)) => {
            crumbs.push(Crumb {
                label: "依申请公开".into(),
                href: Some("/apply".into()),
            });
            crumbs.push(Crumb {
                label: label.to_owned(),
                href,
            });
        }
    }
    crumbs
}

async fn chrome(store: &Store, title: &str, crumbs: Vec<Crumb>) -> Result<Chrome, PageError> {
    let site = site_government(store).await?;
    Ok(Chrome::new(site.as_ref(), title, crumbs, "apply"))
}

/// An error page in the portal's layout with `status`.
async fn error_page(
    store: &Store,
    status: StatusCode,
    heading: &'static str,
    message: String,
) -> Response {
    let site = site_government(store).await.ok().flatten();
    let view = ErrorView {
        chrome: Chrome::generic(heading, site.as_ref()),
        status: status.as_u16(),
        heading,
        message,
    };
    let body = view
        .render()
        .unwrap_or_else(|_| format!("{} {heading}", status.as_u16()));
    (status, no_store(), Html(body)).into_response()
}

fn no_store() -> [(header::HeaderName, &'static str); 1] {
    [(header::CACHE_CONTROL, "no-store")]
}

fn date(d: chrono::NaiveDate) -> String {
    d.format("%Y年%m月%d日").to_string()
}

fn choice(agency: &Agency) -> AgencyChoice {
    AgencyChoice {
        name: agency.name.clone(),
        href: agency_href(&agency.code, "apply"),
        guide_href: agency_href(&agency.code, "guide"),
    }
}

// ---------------------------------------------------------------- /apply

/// `GET /apply`: choose the agency that holds the information.
pub async fn choose(State(state): State<AppState>) -> Result<Html<String>, PageError> {
    let store = &state.store;
    let government = site_government(store).await?;
    let (departments, towns) = match &government {
        Some(g) => {
            let subordinates = store.subordinates(&g.code).await?;
            let of = |kind: AgencyKind| {
                subordinates
                    .iter()
                    .filter(|a| a.kind == kind)
                    .map(choice)
                    .collect::<Vec<_>>()
            };
            (of(AgencyKind::Department), of(AgencyKind::Town))
        }
        None => (Vec::new(), Vec::new()),
    };
    let view = ChooseView {
        chrome: chrome(store, "依申请公开", apply_crumbs(None)).await?,
        government: government.as_ref().map(choice),
        departments,
        towns,
    };
    render(&view)
}

fn field(id: &'static str, label: &'static str, value: &str, kind: &'static str) -> Field {
    Field {
        id,
        label,
        value: value.to_owned(),
        kind,
        required: true,
        hint: "",
        autocomplete: "off",
        maxlength: 100,
        options: Vec::new(),
        error: None,
    }
}

fn form_view(
    chrome: Chrome,
    agency: &Agency,
    token: String,
    input: &ApplyInput,
    errors: Vec<FieldError>,
    files_dropped: bool,
) -> FormView {
    let with = |mut f: Field| {
        let messages: Vec<&str> = errors
            .iter()
            .filter(|e| e.control == f.id)
            .map(|e| e.message.as_str())
            .collect();
        f.error = (!messages.is_empty()).then(|| messages.join("；"));
        f
    };
    let person_fields = vec![
        with(Field {
            autocomplete: "name",
            maxlength: 50,
            ..field("name", "姓名", &input.name, "text")
        }),
        with(Field {
            options: choices(
                form::person_id_types().map(|t| (t.key(), t.label())),
                &input.id_type,
            ),
            ..field("id_type", "身份证件类型", &input.id_type, "select")
        }),
        with(Field {
            hint: "居民身份证为18位，最后一位可能是X",
            maxlength: 64,
            ..field("id_number", "身份证件号码", &input.id_number, "text")
        }),
    ];
    let org_fields = vec![
        with(Field {
            autocomplete: "organization",
            maxlength: 200,
            ..field("org_name", "单位名称", &input.org_name, "text")
        }),
        with(Field {
            hint: "18位，见营业执照或登记证书",
            maxlength: 18,
            ..field(
                "credit_code",
                "统一社会信用代码",
                &input.credit_code,
                "text",
            )
        }),
        with(Field {
            maxlength: 40,
            ..field(
                "legal_rep",
                "法定代表人或者主要负责人",
                &input.legal_rep,
                "text",
            )
        }),
        with(Field {
            required: false,
            hint: "办理过程中与本单位联系的人员，可不填",
            maxlength: 40,
            ..field("contact", "联系人", &input.contact, "text")
        }),
    ];
    let contact_fields = vec![
        with(Field {
            hint: "手机号码或带区号的固定电话，如0573-86012345",
            autocomplete: "tel",
            maxlength: 20,
            ..field("phone", "联系电话", &input.phone, "tel")
        }),
        with(Field {
            required: false,
            hint: "选择以电子邮件获取时必填",
            autocomplete: "email",
            maxlength: 254,
            ..field("email", "电子邮箱", &input.email, "email")
        }),
        with(Field {
            required: false,
            hint: "选择邮寄时必填，请写明省、市、县（区）、街道和门牌号",
            autocomplete: "street-address",
            maxlength: 200,
            ..field("address", "通信地址", &input.address, "text")
        }),
        with(Field {
            required: false,
            autocomplete: "postal-code",
            maxlength: 6,
            ..field("postcode", "邮政编码", &input.postcode, "text")
        }),
    ];
    let description = with(Field {
        hint: "请写明所需政府信息的名称、文号或者便于行政机关查询的其他特征性描述（条例第二十九条），如“××县2023年度财政预算执行情况报告”。一份申请可列明多项信息。",
        maxlength: gongkai_store::fields::MAX_DESCRIPTION_CHARS,
        ..field(
            "description",
            "所需政府信息的名称、文号或者特征性描述",
            &input.description,
            "textarea",
        )
    });
    let summary = errors
        .iter()
        .map(|e| SummaryError {
            href: format!("#{}", e.control),
            message: e.message.clone(),
        })
        .collect();
    FormView {
        chrome,
        agency_name: agency.name.clone(),
        agency_phone: agency.phone.clone(),
        agency_address: agency.address.clone(),
        guide_href: agency_href(&agency.code, "guide"),
        action: agency_href(&agency.code, "apply"),
        token,
        summary,
        applicant_types: choices(
            ApplicantType::ALL.iter().map(|t| {
                (
                    t.key(),
                    match t {
                        ApplicantType::OtherOrg => "其他法人或者非法人组织",
                        other => other.label(),
                    },
                )
            }),
            &input.applicant_type,
        ),
        organisation: input.is_organisation(),
        person_fields,
        org_fields,
        contact_fields,
        description,
        provides: choices(form::PROVIDE, &input.provide),
        ways: choices(form::WAYS, &input.way),
        consent: input.consent,
        errors,
        files_dropped,
        max_files: form::MAX_FILES,
        max_file_mb: form::MAX_FILE_BYTES / (1024 * 1024),
        max_total_mb: form::MAX_FILES_TOTAL / (1024 * 1024),
    }
}

async fn form_chrome(store: &Store, agency: &Agency) -> Result<Chrome, PageError> {
    chrome(
        store,
        &format!("{}依申请公开", agency.name),
        apply_crumbs(Some((&agency.name, None))),
    )
    .await
}

fn with_headers(status: StatusCode, cookie: Option<String>, html: Html<String>) -> Response {
    let mut response = (status, no_store(), html).into_response();
    if let Some(value) = cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

fn request_nonce(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(csrf::cookie_nonce)
}

/// `GET /agencies/{code}/apply`: the form.
pub async fn form(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let store = &state.store;
    let agency = agency_or_404(store, &code).await?;
    let nonce = request_nonce(&headers).unwrap_or_else(csrf::new_nonce);
    let view = form_view(
        form_chrome(store, &agency).await?,
        &agency,
        csrf::token(&nonce),
        &ApplyInput::blank(),
        Vec::new(),
        false,
    );
    Ok(with_headers(
        StatusCode::OK,
        Some(csrf::set_cookie(&nonce)),
        render(&view)?,
    ))
}

/// `POST /agencies/{code}/apply`: registers the application.
pub async fn submit(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, PageError> {
    let store = &state.store;
    let Ok(Path(code)) = path else {
        return Err(PageError::NotFound("找不到该机构。".into()));
    };
    let agency = agency_or_404(store, &code).await?;
    let body = match body {
        Ok(body) => body,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Ok(error_page(
                store,
                StatusCode::PAYLOAD_TOO_LARGE,
                "提交的内容过大",
                format!(
                    "本次提交超过了{}MB的上限。每个附件不超过{}MB、合计不超过{}MB，请压缩扫描件（如降低分辨率或转为PDF）后返回申请页面重新提交；材料较多的，也可以到{}当面提交。",
                    BODY_LIMIT / (1024 * 1024),
                    form::MAX_FILE_BYTES / (1024 * 1024),
                    form::MAX_FILES_TOTAL / (1024 * 1024),
                    agency.name
                ),
            )
            .await);
        }
        Err(_) => {
            return Ok(error_page(
                store,
                StatusCode::BAD_REQUEST,
                "提交的内容无法读取",
                "未能读取提交的表单，请返回申请页面重新提交。".into(),
            )
            .await);
        }
    };
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let parsed = multipart::boundary(content_type)
        .ok_or(multipart::MultipartError::NotMultipart)
        .and_then(|b| multipart::parse(&body, &b));
    let data = match parsed {
        Ok(data) => data,
        Err(err) => {
            return Ok(error_page(
                store,
                StatusCode::BAD_REQUEST,
                "表单格式有误",
                err.message(),
            )
            .await);
        }
    };
    let nonce = request_nonce(&headers);
    if let Err(refusal) = csrf::verify(data.get("csrf_token"), nonce.as_deref()) {
        let message = match refusal {
            csrf::Refusal::Expired => {
                "申请页面已打开超过4小时，为保护您的信息安全，请返回申请页面重新填写并提交。"
            }
            csrf::Refusal::Missing | csrf::Refusal::Forged => {
                "无法确认本次提交来自本站的申请页面（安全校验未通过）。请确认浏览器已启用 Cookie，返回申请页面刷新后重新提交。"
            }
        };
        return Ok(error_page(
            store,
            StatusCode::FORBIDDEN,
            "安全校验未通过",
            message.into(),
        )
        .await);
    }
    let nonce = nonce.unwrap_or_else(csrf::new_nonce);
    let input = ApplyInput::from_form(&data);
    let today = store.today();
    let rerender = |errors: Vec<FieldError>| async {
        let view = form_view(
            form_chrome(store, &agency).await?,
            &agency,
            csrf::token(&nonce),
            &input,
            errors,
            !data.files.is_empty(),
        );
        Ok::<_, PageError>(with_headers(
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            render(&view)?,
        ))
    };
    let checked = match form::check(&input, &data.files, today) {
        Ok(checked) => checked,
        Err(errors) => return rerender(errors).await,
    };
    let new = NewApplication {
        agency_code: agency.code.clone(),
        applicant: checked.applicant,
        channel: ReceiptChannel::OnlineConfirmed,
        received_on: today,
        description: checked.description,
        delivery_form: checked.delivery,
    };
    let application = match store.create_application(ACTOR, &new).await {
        Ok(a) => a,
        Err(err) => match form::from_store_error(&err, input.is_organisation()) {
            Some(e) => return rerender(vec![e]).await,
            None => return Err(err.into()),
        },
    };
    let mut files = Vec::new();
    let mut failed_files = Vec::new();
    for file in &checked.files {
        match store.add_attachment(ACTOR, application.id, file).await {
            Ok(a) => files.push(format!("{}（{}）", a.file_name, size_label(a.size))),
            Err(err) => {
                eprintln!(
                    "gongkai-web: 附件保存失败（申请 {}）：{err}",
                    application.id
                );
                failed_files.push(file.file_name.clone());
            }
        }
    }
    let due = store
        .case_status(application.id)
        .await
        .ok()
        .and_then(|s| s.deadline(DeadlineKind::Answer).map(|d| date(d.due)));
    let view = DoneView {
        chrome: chrome(
            store,
            "申请已提交",
            apply_crumbs(Some(("申请已提交", None))),
        )
        .await?,
        agency_name: agency.name.clone(),
        number: application.number.clone(),
        query_code: application.query_code.clone(),
        track_href: format!("/track/{}", application.query_code),
        received_on: date(application.received_on),
        channel: application.channel.label(),
        receipt_rule: application.channel.receipt_rule(),
        due,
        delivery: application.delivery_form.label(),
        files,
        failed_files,
    };
    Ok(with_headers(StatusCode::OK, None, render(&view)?))
}

fn size_label(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1}MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{}KB", bytes.div_ceil(1024))
    }
}

// ---------------------------------------------------------------- /track

/// The query of `GET /track`.
#[derive(Debug, Deserialize)]
pub struct TrackQuery {
    code: Option<String>,
}

async fn track_view(
    store: &Store,
    status: StatusCode,
    code: &str,
    message: String,
    not_found: bool,
) -> Result<Response, PageError> {
    let title = if not_found {
        "未找到申请"
    } else {
        "查询办理进度"
    };
    let view = TrackView {
        chrome: chrome(store, title, apply_crumbs(Some(("查询办理进度", None)))).await?,
        code: code.to_owned(),
        message,
        not_found,
    };
    Ok(with_headers(status, None, render(&view)?))
}

async fn too_many(store: &Store) -> Response {
    let mut response = error_page(
        store,
        StatusCode::TOO_MANY_REQUESTS,
        "查询过于频繁",
        "您输入错误查询码的次数过多，为防止查询码被猜测，暂停查询10分钟。请核对申请时获得的查询码后稍后再试；遗失查询码的，请联系受理机构。".into(),
    )
    .await;
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("600"));
    response
}

/// `GET /track`: the form to enter a 查询码; with `?code=`, goes to its page.
pub async fn track(
    State(state): State<AppState>,
    client: Client,
    query: Result<Query<TrackQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let store = &state.store;
    let typed = query.ok().and_then(|Query(q)| q.code).unwrap_or_default();
    let code = query_code::normalise(&typed);
    if typed.trim().is_empty() {
        return track_view(store, StatusCode::OK, "", String::new(), false).await;
    }
    if code.len() == query_code::QUERY_CODE_LEN && code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Ok(Redirect::to(&format!("/track/{code}")).into_response());
    }
    if limit::blocked(client) {
        return Ok(too_many(store).await);
    }
    limit::record_failure(client);
    track_view(
        store,
        StatusCode::NOT_FOUND,
        &typed.chars().take(40).collect::<String>(),
        format!(
            "查询码应为{}位字母和数字，请核对后重新输入。",
            query_code::QUERY_CODE_LEN
        ),
        true,
    )
    .await
}

/// The application with `code` unless `client` is blocked; counts wrong codes.
async fn lookup(store: &Store, client: Client, code: &str) -> Result<Lookup, PageError> {
    if limit::blocked(client) {
        return Ok(Lookup::Blocked);
    }
    match store.application_by_query_code(code).await? {
        Some(application) => Ok(Lookup::Found(Box::new(application))),
        None => {
            limit::record_failure(client);
            Ok(Lookup::NotFound)
        }
    }
}

enum Lookup {
    Blocked,
    NotFound,
    Found(Box<Application>),
}

async fn not_found_page(store: &Store) -> Result<Response, PageError> {
    track_view(
        store,
        StatusCode::NOT_FOUND,
        "",
        "未找到与该查询码对应的申请。请核对查询码（共12位，不区分大小写）后重新输入。".into(),
        true,
    )
    .await
}

/// `GET /track/{code}`: the status of an application.
pub async fn status(
    State(state): State<AppState>,
    client: Client,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, PageError> {
    let started = tokio::time::Instant::now();
    let response = status_page(&state.store, client, path).await;
    tokio::time::sleep_until(started + LOOKUP_FLOOR).await;
    response
}

async fn status_page(
    store: &Store,
    client: Client,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, PageError> {
    let code = path.map(|Path(c)| c).unwrap_or_default();
    let application = match lookup(store, client, &code).await? {
        Lookup::Blocked => return Ok(too_many(store).await),
        Lookup::NotFound => return not_found_page(store).await,
        Lookup::Found(a) => *a,
    };
    let agency_name = store
        .agency(&application.agency_code)
        .await?
        .map_or_else(|| application.agency_code.clone(), |a| a.name);
    let events = store.application_events(application.id).await?;
    let status = store.case_status(application.id).await.ok();
    let documents = store
        .attachments(application.id)
        .await?
        .into_iter()
        .filter(is_answer_document)
        .map(|a| Document {
            href: format!("/track/{}/documents/{}", application.query_code, a.id),
            size: size_label(a.size),
            name: a.file_name,
        })
        .collect();
    let state = status.as_ref().map_or(application.state, |s| s.state);
    let (due, due_note, due_reason) = deadline_text(status.as_ref(), &application);
    let view = StatusView {
        chrome: chrome(store, "申请办理进度", {
            let mut crumbs = apply_crumbs(Some(("查询办理进度", Some("/track".into()))));
            crumbs.push(Crumb {
                label: format!("申请{}", application.number),
                href: None,
            });
            crumbs
        })
        .await?,
        agency_name,
        number: application.number.clone(),
        applicant: form::masked_name(&application.applicant.details.name),
        applicant_type: application.applicant.details.applicant_type.label(),
        description: application.description.clone(),
        received_on: date(application.received_on),
        channel: application.channel.label(),
        delivery: application.delivery_form.label(),
        state: public_state(state),
        state_class: if state.is_closed() { "done" } else { "open" },
        closed: state.is_closed(),
        outcome: application.outcome.map(|o| o.full_label()),
        due,
        due_note,
        due_reason,
        steps: events.iter().map(|e| step(&e.event)).collect(),
        documents,
    };
    let mut response = with_headers(StatusCode::OK, None, render(&view)?);
    response.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    Ok(response)
}

/// Whether an attachment is an answer document the applicant may download.
/// The store does not yet mark attachments as answer documents, and the
/// other attachments (the applicant's own ID scans, letters to third
/// parties) must not be served to whoever holds the code: none is, until
/// the store records which attachments are answer documents.
fn is_answer_document(_attachment: &Attachment) -> bool {
    false
}

fn public_state(state: CaseState) -> &'static str {
    match state {
        CaseState::Registered => "已收到，正在办理",
        CaseState::AwaitingCorrection => "待补正：请按补正告知书补充或更改申请",
        CaseState::CorrectionLapsed => "补正期限已过",
        CaseState::InConsultation => "正在征求意见",
        CaseState::AwaitingFeePayment => "待缴纳信息处理费",
        CaseState::FeeLapsed => "缴费期限已过",
        CaseState::Extended => "已延期答复，正在办理",
        CaseState::Deferred => "已确定延迟答复期限，正在办理",
        CaseState::Answered => "已答复",
        CaseState::Closed => "已办结",
        CaseState::Withdrawn => "已撤回",
    }
}

fn deadline_text(
    status: Option<&CaseStatus>,
    application: &Application,
) -> (Option<String>, String, String) {
    let Some(status) = status else {
        return (None, String::new(), String::new());
    };
    let Some(deadline) = status.deadline(DeadlineKind::Answer) else {
        let note = match (status.closed_on, application.closed_on) {
            (Some(d), _) | (None, Some(d)) => format!("已于{}办结", date(d)),
            _ => String::new(),
        };
        return (None, note, String::new());
    };
    let note = match (deadline.status, deadline.days_left) {
        (DeadlineStatus::Met { on }, _) => format!("已于{}答复", date(on)),
        (DeadlineStatus::Suspended, Some(n)) => {
            format!("计时暂停中（征求意见、补正或缴费期间不计算在答复期限内），剩余{n}个工作日")
        }
        (DeadlineStatus::Running, Some(n)) if n >= 0 => format!("剩余{n}个工作日"),
        (DeadlineStatus::Running, Some(n)) => format!("已超过答复期限{}个工作日", -n),
        _ => String::new(),
    };
    (Some(date(deadline.due)), note, deadline.reason.clone())
}

fn step(event: &ProcedureEvent) -> Step {
    let detail = match event {
        ProcedureEvent::Received { channel, .. } => format!("通过{}提交", channel.label()),
        ProcedureEvent::CorrectionRequested {
            period_workdays, ..
        } => format!("请在{period_workdays}个工作日内补正；补正后重新计算答复期限"),
        ProcedureEvent::ConsultationStarted { kind, .. } => {
            format!("{}，征求意见所需时间不计算在答复期限内", kind.label())
        }
        ProcedureEvent::ExtensionGranted { workdays, .. } => {
            format!("经政府信息公开工作机构负责人同意，答复期限延长{workdays}个工作日")
        }
        ProcedureEvent::FeeNoticeIssued { amount_yuan, .. } => {
            format!("信息处理费{amount_yuan}元，缴费期间不计算在答复期限内")
        }
        ProcedureEvent::Answered { outcome, .. } => outcome.full_label(),
        ProcedureEvent::ReasonableDeadlineSet { due, .. } => {
            format!(
                "申请数量、频次明显超过合理范围，答复期限确定为{}（条例第三十五条）",
                date(*due)
            )
        }
        ProcedureEvent::CorrectionReceived { .. }
        | ProcedureEvent::ConsultationReplied { .. }
        | ProcedureEvent::NoticeServed { .. }
        | ProcedureEvent::FeePaid { .. }
        | ProcedureEvent::Closed { .. }
        | ProcedureEvent::Withdrawn { .. }
        | ProcedureEvent::Reopened { .. } => String::new(),
        ProcedureEvent::Transferred { to_agency, .. } => format!("已转送{to_agency}办理"),
    };
    Step {
        date: date(event.date()),
        label: event.label(),
        detail,
    }
}

/// `GET /track/{code}/documents/{id}`: an answer document of the application.
pub async fn document(
    State(state): State<AppState>,
    client: Client,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, PageError> {
    let store = &state.store;
    let started = tokio::time::Instant::now();
    let (code, id) = path.map(|Path(p)| p).unwrap_or_default();
    let found = lookup(store, client, &code).await?;
    tokio::time::sleep_until(started + LOOKUP_FLOOR).await;
    let application = match found {
        Lookup::Blocked => return Ok(too_many(store).await),
        Lookup::NotFound => return not_found_page(store).await,
        Lookup::Found(a) => a,
    };
    let missing = || PageError::NotFound("找不到该答复文书。".into());
    let id: i64 = id.parse().map_err(|_| missing())?;
    let (attachment, bytes) = store
        .attachment_content(id)
        .await?
        .filter(|(a, _)| a.application_id == application.id && is_answer_document(a))
        .ok_or_else(missing)?;
    let media_type = if form::FILE_TYPES
        .iter()
        .any(|(_, t)| *t == attachment.media_type)
    {
        attachment.media_type.clone()
    } else {
        "application/octet-stream".to_owned()
    };
    let disposition = format!(
        "attachment; filename=\"document-{}\"; filename*=UTF-8''{}",
        attachment.id,
        crate::text::encode_path(&form::clean_file_name(&attachment.file_name)).replace('/', "%2F")
    );
    let mut response = (no_store(), bytes).into_response();
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&media_type) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}
