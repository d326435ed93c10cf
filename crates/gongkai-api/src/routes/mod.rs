//! The handlers, one module per resource, and what they share.

pub(crate) mod agencies;
pub(crate) mod applications;
pub(crate) mod calendar;
pub(crate) mod events;
pub(crate) mod reports;

use axum::http::Uri;

use crate::error::ApiError;

/// The JSON 404 for any other path under `/api/v1`.
pub(crate) async fn not_found(uri: Uri) -> ApiError {
    ApiError::not_found(format!("接口 {} 不存在", uri.path()))
}

/// Refuses control characters (NUL and the like) that no form field holds
/// and some databases cannot store; tabs and line breaks only where allowed.
pub(crate) fn no_control_chars(value: &str, multiline: bool) -> Result<(), String> {
    match value
        .chars()
        .find(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
    {
        Some(c) => Err(format!("含有不允许的控制字符 U+{:04X}", u32::from(c))),
        None => Ok(()),
    }
}

/// An optional text query parameter: trimmed, empty as absent, at most `max`
/// characters, no control characters.
pub(crate) fn text_param(
    name: &'static str,
    value: Option<&str>,
    max: usize,
) -> Result<Option<String>, ApiError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    no_control_chars(value, false).map_err(|m| ApiError::invalid_parameter(name, m))?;
    if value.chars().count() > max {
        return Err(ApiError::invalid_parameter(
            name,
            format!("不能超过{max}个字符"),
        ));
    }
    Ok(Some(value.to_owned()))
}

/// An optional whole-number query or path parameter within `min..=max`;
/// present but empty (`?page=`) is an error, not a default.
pub(crate) fn number_param<T>(
    name: &'static str,
    value: Option<&str>,
    min: T,
    max: T,
) -> Result<Option<T>, ApiError>
where
    T: std::str::FromStr + PartialOrd + std::fmt::Display + Copy,
{
    let Some(text) = value.map(str::trim) else {
        return Ok(None);
    };
    match text.parse::<T>() {
        Ok(n) if n >= min && n <= max => Ok(Some(n)),
        _ => Err(ApiError::invalid_parameter(
            name,
            format!("“{text}”无效：应为{min}至{max}之间的整数"),
        )),
    }
}

/// An application id from the path.
pub(crate) fn id_param(text: &str) -> Result<i64, ApiError> {
    number_param("id", Some(text), 1, i64::MAX)?
        .ok_or_else(|| ApiError::invalid_parameter("id", "缺少申请编号"))
}
