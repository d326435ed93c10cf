//! The API's errors and their JSON form (`{ "error": { "code", "field", "message" } }`).

use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use gongkai_domain::calendar::CalendarError;
use gongkai_domain::deadline::DeadlineError;
use gongkai_store::StoreError;

use crate::model::{ErrorBody, ErrorDetail};

/// An error answered as JSON with its HTTP status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The stable machine-readable code.
    pub code: &'static str,
    /// The offending field or parameter, if any.
    pub field: Option<String>,
    /// What is wrong, in Chinese.
    pub message: String,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            field: None,
            message: message.into(),
        }
    }

    /// 422: a body field is invalid; `field` is its JSON path.
    pub fn invalid_field(field: impl Into<String>, message: impl Into<String>) -> ApiError {
        ApiError {
            field: Some(field.into()),
            ..ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_field", message)
        }
    }

    /// 400: a query or path parameter is invalid.
    pub fn invalid_parameter(name: impl Into<String>, message: impl Into<String>) -> ApiError {
        ApiError {
            field: Some(name.into()),
            ..ApiError::new(StatusCode::BAD_REQUEST, "invalid_parameter", message)
        }
    }

    /// 404.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 401 with a `WWW-Authenticate` challenge.
    pub fn unauthorized(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, code, message)
    }

    /// 503: writes are switched off because no token is configured.
    pub fn writes_disabled() -> ApiError {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "writes_disabled",
            "API writes disabled：服务器未配置 GONGKAI_API_TOKEN，接口写入已停用",
        )
    }

    /// 500; the detail goes to the server log, not to the client.
    pub fn internal(detail: impl std::fmt::Display) -> ApiError {
        eprintln!("gongkai-api: 内部错误：{detail}");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "服务器内部错误，请稍后重试或联系管理员",
        )
    }

    /// The same error about another field or parameter name.
    pub fn at(mut self, field: impl Into<String>) -> ApiError {
        self.field = Some(field.into());
        self
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.to_owned(),
                field: self.field,
                message: self.message,
            },
        };
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"gongkai-api\""),
            );
        }
        response
    }
}

/// The JSON path of a registration-form field the store names in Chinese.
pub(crate) fn json_path_of(field: &str) -> &str {
    match field {
        "机构代码" => "agency_code",
        "居民身份证号码" | "身份证件号码" => "applicant.id_document_number",
        "统一社会信用代码" => "applicant.credit_code",
        "单位名称" => "applicant.organisation_name",
        "申请人姓名" => "applicant.name",
        "联系电话" => "applicant.phone",
        "电子邮箱" => "applicant.email",
        "收到申请日期" => "received_on",
        "申请内容描述" => "description",
        "报告年度" => "year",
        other => other,
    }
}

impl From<CalendarError> for ApiError {
    fn from(e: CalendarError) -> ApiError {
        match e {
            CalendarError::YearNotCovered { .. } => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "calendar_not_covered",
                e.to_string(),
            ),
            other => ApiError::internal(other),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::InvalidField { field, .. } => {
                let message = e.to_string();
                ApiError::invalid_field(json_path_of(field), message)
            }
            StoreError::Invalid(_) | StoreError::IndexRule(_) | StoreError::Attachment { .. } => {
                ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid_input",
                    e.to_string(),
                )
            }
            StoreError::NotFound { .. } => ApiError::not_found(e.to_string()),
            StoreError::Procedure(DeadlineError::Calendar(c)) => ApiError::from(c),
            StoreError::Procedure(_) => {
                ApiError::new(StatusCode::CONFLICT, "procedure_refused", e.to_string())
            }
            other => ApiError::internal(other),
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> ApiError {
        let detail = rejection.body_text();
        match rejection {
            JsonRejection::MissingJsonContentType(_) => ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                format!("请求体应为 JSON，请设置 Content-Type: application/json（{detail}）"),
            ),
            JsonRejection::BytesRejection(_)
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE =>
            {
                ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "payload_too_large",
                    format!("请求体超过{}KB上限", crate::BODY_LIMIT_BYTES / 1024),
                )
            }
            _ => ApiError::new(
                StatusCode::BAD_REQUEST,
                "malformed_json",
                format!("请求体不是有效的 JSON：{detail}"),
            ),
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> ApiError {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
            format!("查询参数无法解析：{}", rejection.body_text()),
        )
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> ApiError {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
            format!("路径参数无法解析：{}", rejection.body_text()),
        )
    }
}
