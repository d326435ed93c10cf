//! Applications: register, list, show, and the warning list of due ones.

use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use gongkai_store::fields::{self, MAX_DESCRIPTION_CHARS};
use gongkai_store::{
    ApplicationFilter, IdDocumentType as StoreIdType, NewApplicant as StoreNewApplicant,
    NewApplication as StoreNewApplication, Store, StoreError,
};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::ApiState;
use crate::auth::{ReadAccess, WriteAccess};
use crate::error::ApiError;
use crate::json::ApiJson;
use crate::model::{
    Application, ApplicationDetail, ApplicationList, CaseState, Deadline, DueApplication, DueList,
    ErrorBody, NewApplication, Status,
};
use crate::routes::{id_param, no_control_chars, number_param, text_param};

/// Who is recorded in the audit log for writes through the API.
pub(crate) const ACTOR: &str = "api";

/// Maps a store error to the body field at `path`.
fn at(path: &'static str) -> impl Fn(StoreError) -> ApiError {
    move |e| ApiError::from(e).at(path)
}

/// A text field: no control characters, at most `max` characters (optional texts).
fn plain(path: &'static str, value: &str, max: usize, multiline: bool) -> Result<(), ApiError> {
    no_control_chars(value, multiline).map_err(|m| ApiError::invalid_field(path, m))?;
    let chars = value.trim().chars().count();
    if chars > max {
        return Err(ApiError::invalid_field(
            path,
            format!("不能超过{max}个字符（现有{chars}个）"),
        ));
    }
    Ok(())
}

/// Checks every field of a registration, naming the field's JSON path, and
/// converts it for the store (which normalises and checks again).
async fn check_new(
    store: &Store,
    input: NewApplication,
    today: NaiveDate,
) -> Result<StoreNewApplication, ApiError> {
    let a = &input.applicant;
    plain("agency_code", &input.agency_code, 64, false)?;
    fields::required_text("机构代码", &input.agency_code, 64).map_err(at("agency_code"))?;
    plain("applicant.name", &a.name, 100, false)?;
    fields::required_text("申请人姓名", &a.name, 100).map_err(at("applicant.name"))?;
    plain(
        "applicant.id_document_number",
        &a.id_document_number,
        64,
        false,
    )?;
    let id_type: StoreIdType = a.id_document_type.into();
    match id_type {
        StoreIdType::ResidentId => fields::resident_id(&a.id_document_number, today).map(drop),
        StoreIdType::BusinessLicense => fields::credit_code(&a.id_document_number).map(drop),
        _ => fields::required_text("身份证件号码", &a.id_document_number, 64).map(drop),
    }
    .map_err(at("applicant.id_document_number"))?;
    plain("applicant.phone", &a.phone, 32, false)?;
    fields::phone(&a.phone).map_err(at("applicant.phone"))?;
    plain("applicant.address", &a.address, 500, false)?;
    plain("applicant.email", &a.email, 254, false)?;
    fields::email(&a.email).map_err(at("applicant.email"))?;
    let org_name = a.organisation_name.as_deref().unwrap_or_default();
    let credit = a.credit_code.as_deref().unwrap_or_default();
    let applicant_type: gongkai_domain::casework::ApplicantType = a.applicant_type.into();
    if applicant_type.is_organisation() {
        plain("applicant.organisation_name", org_name, 200, false)?;
        fields::required_text("单位名称", org_name, 200)
            .map_err(at("applicant.organisation_name"))?;
        if !credit.trim().is_empty() {
            fields::credit_code(credit).map_err(at("applicant.credit_code"))?;
        }
    } else {
        for (path, value) in [
            ("applicant.organisation_name", org_name),
            ("applicant.credit_code", credit),
        ] {
            if !value.trim().is_empty() {
                return Err(ApiError::invalid_field(
                    path,
                    "申请人类型为自然人时不填写单位名称和统一社会信用代码",
                ));
            }
        }
    }
    fields::received_on(input.received_on, today).map_err(at("received_on"))?;
    plain(
        "description",
        &input.description,
        MAX_DESCRIPTION_CHARS,
        true,
    )?;
    fields::required_text("申请内容描述", &input.description, MAX_DESCRIPTION_CHARS)
        .map_err(at("description"))?;
    let agency_code = input.agency_code.trim().to_owned();
    if store.agency(&agency_code).await?.is_none() {
        return Err(ApiError::invalid_field(
            "agency_code",
            format!("找不到机构“{agency_code}”"),
        ));
    }
    let a = input.applicant;
    Ok(StoreNewApplication {
        agency_code,
        applicant: StoreNewApplicant {
            applicant_type,
            name: a.name,
            id_document_type: id_type,
            id_document_number: a.id_document_number,
            phone: a.phone,
            address: a.address,
            email: a.email,
            organisation_name: a.organisation_name,
            credit_code: a.credit_code.filter(|c| !c.trim().is_empty()),
        },
        channel: input.channel.into(),
        received_on: input.received_on,
        description: input.description,
        delivery_form: input.delivery_form.into(),
    })
}

/// The application `id` with its status today.
pub(crate) async fn detail(
    store: &Store,
    id: i64,
    personal: bool,
) -> Result<ApplicationDetail, ApiError> {
    let application = store
        .application(id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("找不到申请“{id}”")))?;
    let status = match store.case_status(id).await {
        Ok(status) => Some(Status::from(&status)),
        // Received after the store's today: no status yet.
        Err(StoreError::Invalid(_)) => None,
        Err(e) => return Err(e.into()),
    };
    Ok(ApplicationDetail {
        application: Application::from_store(application, personal),
        status,
    })
}

/// Registers an application: every field is checked (422 names the field's
/// JSON path), the agency numbers it `YYYY-NNNN`, a 查询码 is generated and the
/// receipt is recorded, in one transaction.
#[utoipa::path(
    post,
    path = "/api/v1/applications",
    tag = "applications",
    operation_id = "create_application",
    request_body = NewApplication,
    security(("bearer_token" = [])),
    responses(
        (status = 201, description = "Registered; `Location` points at the new application", body = ApplicationDetail,
            headers(("Location" = String, description = "/api/v1/applications/{id}"))),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "Missing or wrong bearer token", body = ErrorBody),
        (status = 413, description = "Body larger than 64 KB", body = ErrorBody),
        (status = 415, description = "Content-Type is not application/json", body = ErrorBody),
        (status = 422, description = "A field is invalid (code invalid_field; `field` is its JSON path)", body = ErrorBody),
        (status = 503, description = "API writes disabled (GONGKAI_API_TOKEN unset)", body = ErrorBody)
    )
)]
pub(crate) async fn create(
    _access: WriteAccess,
    State(state): State<ApiState>,
    ApiJson(input): ApiJson<NewApplication>,
) -> Result<Response, ApiError> {
    let store = &state.store;
    let new = check_new(store, input, store.today()).await?;
    let created = store.create_application(ACTOR, &new).await?;
    let body = detail(store, created.id, true).await?;
    let location = format!("{}/applications/{}", crate::BASE_PATH, created.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(body),
    )
        .into_response())
}

/// The filters of the application list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ListParams {
    /// Only this agency's applications (agency code; 404 if unknown).
    #[param(max_length = 64, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")]
    agency: Option<String>,
    /// Only applications in this state (as of their last event).
    #[param(value_type = Option<CaseState>)]
    state: Option<String>,
    /// Text contained in the number, the request or the applicant's name;
    /// searches personal data, so it needs the bearer token (401 without).
    #[param(max_length = 100, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")]
    q: Option<String>,
    /// Page number, from 1 (default 1).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000000)]
    page: Option<String>,
    /// Page size, 1–500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500)]
    per_page: Option<String>,
}

/// Parses a state key.
fn state_param(value: Option<&str>) -> Result<Option<CaseState>, ApiError> {
    let Some(text) = value.map(str::trim) else {
        return Ok(None);
    };
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .map(Some)
        .map_err(|_| {
            ApiError::invalid_parameter(
                "state",
                format!(
                    "“{text}”不是有效状态：应为 registered、awaiting_correction、correction_lapsed、in_consultation、awaiting_fee_payment、fee_lapsed、extended、answered、closed、withdrawn 之一"
                ),
            )
        })
}

/// Checks that an agency named in a parameter exists.
async fn known_agency(store: &Store, code: Option<String>) -> Result<Option<String>, ApiError> {
    if let Some(code) = &code
        && store.agency(code).await?.is_none()
    {
        return Err(ApiError::not_found(format!("找不到机构“{code}”")).at("agency"));
    }
    Ok(code)
}

/// A page of applications, newest receipt first.
#[utoipa::path(
    get,
    path = "/api/v1/applications",
    tag = "applications",
    operation_id = "list_applications",
    params(ListParams),
    security((), ("bearer_token" = [])),
    responses(
        (status = 200, description = "One page of applications", body = ApplicationList),
        (status = 400, description = "An invalid parameter", body = ErrorBody),
        (status = 401, description = "Wrong token, or `q` without the token", body = ErrorBody),
        (status = 404, description = "Unknown agency", body = ErrorBody)
    )
)]
pub(crate) async fn list(
    access: ReadAccess,
    State(state): State<ApiState>,
    params: Result<Query<ListParams>, QueryRejection>,
) -> Result<Json<ApplicationList>, ApiError> {
    let Query(params) = params?;
    let agency = text_param("agency", params.agency.as_deref(), 64)?;
    let case_state = state_param(params.state.as_deref())?;
    let text = text_param("q", params.q.as_deref(), 100)?;
    if text.is_some() && !access.personal {
        return Err(ApiError::unauthorized(
            "missing_token",
            "按文本搜索会检索申请人个人信息，需要 API 令牌（Authorization: Bearer <令牌>）",
        )
        .at("q"));
    }
    let page = number_param("page", params.page.as_deref(), 1, 1_000_000)?.unwrap_or(1);
    let per_page = number_param("per_page", params.per_page.as_deref(), 1, 500)?.unwrap_or(50);
    let agency_code = known_agency(&state.store, agency).await?;
    let filter = ApplicationFilter {
        agency_code,
        state: case_state.map(Into::into),
        due_before: None,
        text,
        page,
        per_page,
    };
    let found = state.store.list_applications(&filter).await?;
    Ok(Json(ApplicationList {
        items: found
            .items
            .into_iter()
            .map(|a| Application::from_store(a, access.personal))
            .collect(),
        total: found.total,
        page: found.page,
        per_page: found.per_page,
    }))
}

/// The parameters of the warning list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct DueParams {
    /// Only this agency's applications (agency code; 404 if unknown).
    #[param(max_length = 64, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")]
    agency: Option<String>,
    /// Working days ahead, 0–60 (default 3); passed deadlines are always listed.
    #[param(value_type = Option<u32>, minimum = 0, maximum = 60)]
    within: Option<String>,
}

/// Open applications whose answer deadline (with pauses and extension) falls
/// within `within` working days of today or has passed, most urgent first.
#[utoipa::path(
    get,
    path = "/api/v1/applications/due",
    tag = "applications",
    operation_id = "due_applications",
    params(DueParams),
    security((), ("bearer_token" = [])),
    responses(
        (status = 200, description = "The warning list", body = DueList),
        (status = 400, description = "An invalid parameter", body = ErrorBody),
        (status = 401, description = "Wrong token", body = ErrorBody),
        (status = 404, description = "Unknown agency", body = ErrorBody),
        (status = 422, description = "A deadline reaches a year without calendar data", body = ErrorBody)
    )
)]
pub(crate) async fn due(
    access: ReadAccess,
    State(state): State<ApiState>,
    params: Result<Query<DueParams>, QueryRejection>,
) -> Result<Json<DueList>, ApiError> {
    let Query(params) = params?;
    let agency = text_param("agency", params.agency.as_deref(), 64)?;
    let within = number_param("within", params.within.as_deref(), 0, 60)?.unwrap_or(3);
    let agency = known_agency(&state.store, agency).await?;
    let today = state.store.today();
    let due = state
        .store
        .due_applications(agency.as_deref(), today, within)
        .await?;
    Ok(Json(DueList {
        today,
        within,
        items: due
            .into_iter()
            .map(|d| DueApplication {
                state: d.state.into(),
                deadline: Deadline::from(&d.deadline),
                application: Application::from_store(d.application, access.personal),
            })
            .collect(),
    }))
}

/// One application with its status today: every deadline with its due date
/// and legal reason, the pauses, the extension and the working days left.
#[utoipa::path(
    get,
    path = "/api/v1/applications/{id}",
    tag = "applications",
    operation_id = "show_application",
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    security((), ("bearer_token" = [])),
    responses(
        (status = 200, description = "The application and its status", body = ApplicationDetail),
        (status = 400, description = "The id is not a positive whole number", body = ErrorBody),
        (status = 401, description = "Wrong token", body = ErrorBody),
        (status = 404, description = "No such application", body = ErrorBody),
        (status = 422, description = "A deadline reaches a year without calendar data", body = ErrorBody)
    )
)]
pub(crate) async fn show(
    access: ReadAccess,
    State(state): State<ApiState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<ApplicationDetail>, ApiError> {
    let Path(id) = id?;
    let id = id_param(&id)?;
    Ok(Json(detail(&state.store, id, access.personal).await?))
}
