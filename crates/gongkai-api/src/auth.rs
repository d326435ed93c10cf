//! Bearer-token access: writes need the token configured in
//! `GONGKAI_API_TOKEN`; reads show personal data only with it.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;

use crate::ApiState;
use crate::error::ApiError;

/// What the `Authorization` header proves.
enum Presented {
    /// No header.
    Nothing,
    /// The configured token.
    Valid,
}

/// Checks the header against the configured token: a wrong or malformed
/// token is a 401; the comparison takes the same time wherever it differs.
fn presented(parts: &Parts, token: &str) -> Result<Presented, ApiError> {
    let Some(value) = parts.headers.get(header::AUTHORIZATION) else {
        return Ok(Presented::Nothing);
    };
    let given = value
        .to_str()
        .ok()
        .and_then(|v| {
            let (scheme, rest) = v.split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
        })
        .ok_or_else(|| {
            ApiError::unauthorized("invalid_token", "Authorization 头应为“Bearer <令牌>”")
        })?;
    if constant_time_eq(given.as_bytes(), token.as_bytes()) {
        Ok(Presented::Valid)
    } else {
        Err(ApiError::unauthorized("invalid_token", "API 令牌不正确"))
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Proof that the request may write: the configured token was presented.
/// Without a configured token every write is refused (503).
pub(crate) struct WriteAccess;

impl FromRequestParts<ApiState> for WriteAccess {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &ApiState) -> Result<Self, ApiError> {
        let Some(token) = state.write_token.as_deref() else {
            return Err(ApiError::writes_disabled());
        };
        match presented(parts, token)? {
            Presented::Valid => Ok(WriteAccess),
            Presented::Nothing => Err(ApiError::unauthorized(
                "missing_token",
                "写入接口需要 API 令牌：请在 Authorization 头中提供“Bearer <令牌>”",
            )),
        }
    }
}

/// Whether a read may see applicants' personal data (the token was presented).
/// A wrong token is a 401 rather than a silent downgrade.
pub(crate) struct ReadAccess {
    /// The caller presented the configured token.
    pub personal: bool,
}

impl FromRequestParts<ApiState> for ReadAccess {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &ApiState) -> Result<Self, ApiError> {
        let personal = match state.write_token.as_deref() {
            Some(token) => matches!(presented(parts, token)?, Presented::Valid),
            None => false,
        };
        Ok(ReadAccess { personal })
    }
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn comparison() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }
}
