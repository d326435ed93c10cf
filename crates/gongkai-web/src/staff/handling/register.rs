//! Registering a paper application (信函, 当面, 传真, 电子邮件) from the
//! staff side (`/staff/cases/new`): the fields and checks of the public
//! online form (the same [`crate::routes::apply::form::check`]), plus the
//! channel and the receipt date under Art. 31, and scans as attachments.
//! The result page prints the 受理回执.

use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use chrono::NaiveDate;
use gongkai_domain::casework::ApplicantType;
use gongkai_domain::deadline::ReceiptChannel;
use gongkai_notices::{NoticeKind, render_html};
use gongkai_store::{IdDocumentType, NewApplication, StoreError};

use crate::routes::apply::form::{self, ApplyInput, FieldError};
use crate::routes::apply::multipart;

use super::super::error::{StaffError, error_page};
use super::super::notices::context;
use super::super::scope::may_act;
use super::super::views::{Choice, StaffChrome};
use super::super::{Staff, StaffState};

/// The largest request: the online form's files plus the fields.
pub(crate) const BODY_LIMIT: usize = form::MAX_FILES_TOTAL + 1024 * 1024;

/// The channels a paper application arrives by (the portal's own channel,
/// 互联网渠道, is registered by the portal).
const CHANNELS: [ReceiptChannel; 5] = [
    ReceiptChannel::InPerson,
    ReceiptChannel::PostSigned,
    ReceiptChannel::OrdinaryLetterConfirmed,
    ReceiptChannel::FaxConfirmed,
    ReceiptChannel::Email,
];

fn channel_key(c: ReceiptChannel) -> &'static str {
    match c {
        ReceiptChannel::InPerson => "in_person",
        ReceiptChannel::PostSigned => "post_signed",
        ReceiptChannel::OrdinaryLetterConfirmed => "ordinary_letter_confirmed",
        ReceiptChannel::OnlineConfirmed => "online_confirmed",
        ReceiptChannel::FaxConfirmed => "fax_confirmed",
        ReceiptChannel::Email => "email",
    }
}

/// The staff form: the online form's input plus channel, date and agency.
struct RegisterInput {
    apply: ApplyInput,
    channel: String,
    received_on: String,
    agency: String,
}

/// `GET/POST /staff/cases/new`.
#[derive(Template)]
#[template(path = "staff/register.html")]
struct RegisterView {
    chrome: StaffChrome,
    csrf: String,
    input: ApplyInput,
    received_on: String,
    today: String,
    agencies: Vec<Choice>,
    channels: Vec<(Choice, &'static str)>,
    applicant_types: Vec<Choice>,
    id_types: Vec<Choice>,
    provide: Vec<Choice>,
    ways: Vec<Choice>,
    accept: String,
    max_files: usize,
    max_file_mb: usize,
    errors: Vec<FieldError>,
}

impl RegisterView {
    /// The message for a control, if any.
    fn error_for(&self, control: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.control == control)
            .map(|e| e.message.as_str())
    }
}

fn choices(pairs: &[(&str, &str)], selected: &str) -> Vec<Choice> {
    pairs
        .iter()
        .map(|(k, l)| Choice {
            value: (*k).to_owned(),
            label: (*l).to_owned(),
            selected: *k == selected,
        })
        .collect()
}

/// Agencies the user may register for: the own one for officers, any for
/// administrators.
async fn agency_choices(
    state: &StaffState,
    staff: &Staff,
    selected: &str,
) -> Result<Vec<Choice>, StaffError> {
    Ok(state
        .app
        .store
        .agencies()
        .await?
        .into_iter()
        .filter(|a| staff.scope.covers(&a.code))
        .map(|a| Choice {
            selected: a.code == selected,
            value: a.code,
            label: a.name,
        })
        .collect())
}

async fn form_page(
    state: &StaffState,
    staff: &Staff,
    input: RegisterInput,
    errors: Vec<FieldError>,
) -> Result<Response, StaffError> {
    let a = &input.apply;
    let view = RegisterView {
        chrome: staff.chrome("登记申请", "register"),
        csrf: staff.csrf.clone(),
        agencies: agency_choices(state, staff, &input.agency).await?,
        channels: CHANNELS
            .iter()
            .map(|c| {
                (
                    Choice {
                        value: channel_key(*c).to_owned(),
                        label: c.label().to_owned(),
                        selected: channel_key(*c) == input.channel,
                    },
                    c.receipt_rule(),
                )
            })
            .collect(),
        applicant_types: ApplicantType::ALL
            .iter()
            .map(|t| Choice {
                value: t.key().to_owned(),
                label: t.label().to_owned(),
                selected: t.key() == a.applicant_type,
            })
            .collect(),
        id_types: form::person_id_types()
            .map(|t: IdDocumentType| Choice {
                value: t.key().to_owned(),
                label: t.label().to_owned(),
                selected: t.key() == a.id_type,
            })
            .collect(),
        provide: choices(&form::PROVIDE, &a.provide),
        ways: choices(&form::WAYS, &a.way),
        accept: form::FILE_TYPES
            .iter()
            .map(|(ext, _)| format!(".{ext}"))
            .collect::<Vec<_>>()
            .join(","),
        max_files: form::MAX_FILES,
        max_file_mb: form::MAX_FILE_BYTES / (1024 * 1024),
        today: state.app.store.today().to_string(),
        received_on: input.received_on,
        input: input.apply,
        errors,
    };
    let status = if view.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, Html(view.render()?)).into_response())
}

fn refuse_role(staff: &Staff) -> Result<(), StaffError> {
    if !staff.scope.has_cases() {
        return Err(super::super::scope::no_case_access());
    }
    if !may_act(staff.user.role) {
        return Err(StaffError::Forbidden(
            "您的角色（政务公开监督）只能查看办件，不能登记申请。".into(),
        ));
    }
    Ok(())
}

/// `GET /staff/cases/new`.
pub(crate) async fn page(
    State(state): State<StaffState>,
    staff: Staff,
) -> Result<Response, StaffError> {
    refuse_role(&staff)?;
    let input = RegisterInput {
        apply: ApplyInput::blank(),
        channel: channel_key(ReceiptChannel::InPerson).to_owned(),
        received_on: state.app.store.today().to_string(),
        agency: staff.user.agency_code.clone(),
    };
    form_page(&state, &staff, input, Vec::new()).await
}

/// The registered application, with its printable 受理回执.
#[derive(Template)]
#[template(path = "staff/register_done.html")]
struct DoneView {
    chrome: StaffChrome,
    id: i64,
    number: String,
    query_code: String,
    agency: String,
    received_on: String,
    channel: &'static str,
    files: Vec<String>,
    failed_files: Vec<String>,
    notice_html: String,
}

/// Checks the channel and receipt date: a paper channel, a real date, not
/// after today (it may be in the past: a letter signed for last week).
fn check_receipt(
    channel: &str,
    received_on: &str,
    today: NaiveDate,
    errors: &mut Vec<FieldError>,
) -> Option<(ReceiptChannel, NaiveDate)> {
    let channel = CHANNELS.into_iter().find(|c| channel_key(*c) == channel);
    if channel.is_none() {
        errors.push(FieldError {
            control: "channel",
            message: "请选择提交方式".into(),
        });
    }
    let date = match NaiveDate::parse_from_str(received_on.trim(), "%Y-%m-%d") {
        Err(_) => {
            errors.push(FieldError {
                control: "received_on",
                message: "收到申请日期无效：请按“年-月-日”填写".into(),
            });
            None
        }
        Ok(d) => match gongkai_store::fields::received_on(d, today) {
            Ok(d) => Some(d),
            Err(StoreError::InvalidField { field, message }) => {
                errors.push(FieldError {
                    control: "received_on",
                    message: format!("{field}{message}"),
                });
                None
            }
            Err(e) => {
                errors.push(FieldError {
                    control: "received_on",
                    message: e.to_string(),
                });
                None
            }
        },
    };
    channel.zip(date)
}

/// `POST /staff/cases/new` (multipart, with scans).
pub(crate) async fn submit(
    State(state): State<StaffState>,
    staff: Staff,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, StaffError> {
    refuse_role(&staff)?;
    let store = &state.app.store;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let data = multipart::boundary(content_type)
        .ok_or(multipart::MultipartError::NotMultipart)
        .and_then(|b| multipart::parse(&body, &b));
    let data = match data {
        Ok(data) => data,
        Err(e) => {
            return Ok(error_page(
                StatusCode::BAD_REQUEST,
                "表单格式有误",
                format!("{}请返回登记页面重新提交。", e.message()),
            ));
        }
    };
    let mut apply = ApplyInput::from_form(&data);
    // The applicant signed the paper form; its statement stands for the
    // online form's tick box.
    apply.consent = true;
    let input = RegisterInput {
        apply,
        channel: data.get("channel").to_owned(),
        received_on: data.get("received_on").to_owned(),
        agency: data.get("agency").to_owned(),
    };
    let today = store.today();
    let files: Vec<multipart::Part> = data
        .files
        .iter()
        .filter(|f| f.file_name.as_deref().is_some_and(|n| !n.is_empty()) || !f.data.is_empty())
        .cloned()
        .collect();
    let mut errors = Vec::new();
    if !staff.scope.covers(&input.agency) || input.agency.is_empty() {
        errors.push(FieldError {
            control: "agency",
            message: "请选择收到申请的机关（只能登记本人负责的机关）".into(),
        });
    }
    let receipt = check_receipt(&input.channel, &input.received_on, today, &mut errors);
    let checked = match form::check(&input.apply, &files, today) {
        Ok(c) if errors.is_empty() => c,
        Ok(_) => return form_page(&state, &staff, input, errors).await,
        Err(more) => {
            errors.extend(more);
            return form_page(&state, &staff, input, errors).await;
        }
    };
    let Some((channel, received_on)) = receipt else {
        return form_page(&state, &staff, input, errors).await;
    };
    let new = NewApplication {
        agency_code: input.agency.clone(),
        applicant: checked.applicant,
        channel,
        received_on,
        description: checked.description,
        delivery_form: checked.delivery,
    };
    let actor = staff.user.username.clone();
    let application = match store.create_application(&actor, &new).await {
        Ok(a) => a,
        Err(err) => match form::from_store_error(&err, input.apply.is_organisation()) {
            Some(e) => return form_page(&state, &staff, input, vec![e]).await,
            None => return Err(err.into()),
        },
    };
    let mut saved = Vec::new();
    let mut failed_files = Vec::new();
    for file in &checked.files {
        match store.add_attachment(&actor, application.id, file).await {
            Ok(a) => saved.push(a.file_name),
            Err(e) => failed_files.push(format!("{}（{e}）", file.file_name)),
        }
    }
    let events = store.application_events(application.id).await?;
    let ctx = context(store, &application, &events, NoticeKind::Acknowledgement).await?;
    let notice_html = render_html(
        NoticeKind::Acknowledgement,
        &ctx,
        state.app.notices.as_ref(),
    )
    .map_err(|e| StaffError::Internal(format!("文书生成失败：{e}")))?;
    let agency = store
        .agency(&application.agency_code)
        .await?
        .map_or_else(|| application.agency_code.clone(), |a| a.name);
    let view = DoneView {
        chrome: staff.chrome("申请已登记", "register"),
        id: application.id,
        number: application.number.clone(),
        query_code: application.query_code.clone(),
        agency,
        received_on: application.received_on.to_string(),
        channel: application.channel.label(),
        files: saved,
        failed_files,
        notice_html,
    };
    Ok((StatusCode::CREATED, Html(view.render()?)).into_response())
}
