//! Reading request bodies and parameters, with errors that name the problem.

use axum::Json;
use axum::extract::{FromRequest, Request};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::error::ApiError;

/// Parses a calendar date written `YYYY-MM-DD` (exactly; `2024-9-27` is refused).
pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    let date = shaped
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten();
    date.ok_or_else(|| {
        format!("“{text}”不是有效日期：应为 YYYY-MM-DD 格式的真实日期（如 2024-09-27）")
    })
}

/// Deserialises a `YYYY-MM-DD` date with a clear message (serde field attribute).
pub(crate) fn de_date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse_date(&text).map_err(serde::de::Error::custom)
}

/// A JSON request body. Malformed JSON, a wrong content type or an oversized
/// body are refused by axum's [`Json`] extractor and its rejection is mapped
/// to an [`ApiError`] (400, 415, 413); a well-formed body that does not fit
/// the expected shape is a 422 naming the JSON path of the offending field.
pub(crate) struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let Json(value) = Json::<serde_json::Value>::from_request(req, state)
            .await
            .map_err(ApiError::from)?;
        if !value.is_object() {
            return Err(ApiError::invalid_field("body", "请求体应为 JSON 对象"));
        }
        serde_path_to_error::deserialize(value)
            .map(ApiJson)
            .map_err(|e| {
                let path = e.path().to_string();
                let message = e.inner().to_string();
                ApiError::invalid_field(field_of(&path, &message), message_in_chinese(&message))
            })
    }
}

/// The JSON path an error is about: the path serde reached (which includes
/// an unknown field), plus the missing field the message names.
fn field_of(path: &str, message: &str) -> String {
    let named = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next());
    let base = if path == "." { "" } else { path };
    match named {
        Some(name) if base.is_empty() => name.to_owned(),
        Some(name) => format!("{base}.{name}"),
        None if base.is_empty() => "body".to_owned(),
        None => base.to_owned(),
    }
}

/// Serde's English message with a Chinese explanation in front.
fn message_in_chinese(message: &str) -> String {
    if message.starts_with("missing field") {
        format!("缺少必填字段（{message}）")
    } else if message.starts_with("unknown field") {
        format!("不认识的字段（{message}）")
    } else if message.starts_with("unknown variant") {
        format!("取值不在允许的范围内（{message}）")
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        format!("类型或取值不正确（{message}）")
    } else {
        message.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict() {
        assert_eq!(
            parse_date("2024-09-27"),
            Ok(NaiveDate::from_ymd_opt(2024, 9, 27).unwrap())
        );
        for bad in [
            "2024-9-27",
            "2024-02-30",
            "20240927",
            "2024-09-27T00",
            "",
            "abcd-ef-gh",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn fields_are_named() {
        assert_eq!(
            field_of("applicant", "missing field `phone`"),
            "applicant.phone"
        );
        assert_eq!(field_of(".", "missing field `agency_code`"), "agency_code");
        assert_eq!(field_of("received_on", "bad"), "received_on");
        assert_eq!(field_of(".", "bad"), "body");
    }
}
