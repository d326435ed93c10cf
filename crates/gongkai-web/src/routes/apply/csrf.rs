//! CSRF protection of the public application form: a token in a hidden
//! field, `timestamp.nonce.HMAC-SHA256(secret, timestamp, nonce)`, with the
//! nonce also in a `SameSite=Strict`, `HttpOnly` cookie. A submission is
//! accepted only when the MAC verifies under this process's secret, the
//! token is at most [`MAX_AGE_SECS`] old, and the cookie holds the same
//! nonce — so another site can neither forge a token nor reuse one it
//! fetched itself for a visitor's browser.

use std::sync::LazyLock;
use std::time::{SystemTime, UNIX_EPOCH};

use gongkai_store::{query_code, sha256_hex};

/// The cookie that holds the nonce.
pub const COOKIE: &str = "gongkai_apply";
/// How long a form stays valid: four hours to fill it in.
pub const MAX_AGE_SECS: u64 = 4 * 60 * 60;

/// The per-process secret: 300 bits from the operating system's CSPRNG
/// (five query codes of 60 bits each).
static SECRET: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let mut secret = String::new();
    for _ in 0..5 {
        match query_code::generate() {
            Ok(code) => secret.push_str(&code),
            // No CSPRNG: fall back to the hasher's random keys, never to a constant.
            Err(_) => secret.push_str(&fallback_random()),
        }
    }
    secret.into_bytes()
});

fn fallback_random() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    format!("{:016x}", hasher.finish())
}

fn sha256(bytes: &[u8]) -> [u8; 32] {
    let hex = sha256_hex(bytes);
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap_or(0);
    }
    out
}

/// HMAC-SHA256 (RFC 2104).
pub fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&sha256(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let mut inner: Vec<u8> = block.iter().map(|b| b ^ 0x36).collect();
    inner.extend_from_slice(message);
    let mut outer: Vec<u8> = block.iter().map(|b| b ^ 0x5c).collect();
    outer.extend_from_slice(&sha256(&inner));
    sha256(&outer)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn mac(timestamp: u64, nonce: &str) -> String {
    hex(&hmac_sha256(
        &SECRET,
        format!("gongkai-apply\n{timestamp}\n{nonce}").as_bytes(),
    ))
}

/// A new nonce for the cookie.
pub fn new_nonce() -> String {
    query_code::generate().unwrap_or_else(|_| fallback_random())
}

/// The token for the hidden field, bound to `nonce`.
pub fn token(nonce: &str) -> String {
    token_at(now_secs(), nonce)
}

fn token_at(timestamp: u64, nonce: &str) -> String {
    format!("{timestamp}.{nonce}.{}", mac(timestamp, nonce))
}

/// The `Set-Cookie` value that stores `nonce`.
pub fn set_cookie(nonce: &str) -> String {
    format!("{COOKIE}={nonce}; Path=/; HttpOnly; SameSite=Strict; Max-Age={MAX_AGE_SECS}")
}

/// The nonce in a `Cookie` header, if it is one we could have issued.
pub fn cookie_nonce(cookie_header: &str) -> Option<String> {
    cookie_header
        .split(';')
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_owned())
        .filter(|v| !v.is_empty() && v.len() <= 32 && v.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether two strings are equal, in time independent of where they differ.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Why a submission's token is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No token or no cookie.
    Missing,
    /// The MAC does not verify, or the cookie holds another nonce.
    Forged,
    /// Older than [`MAX_AGE_SECS`] (or from the future).
    Expired,
}

/// Checks `token` from the form against the cookie's `nonce`.
pub fn verify(token: &str, nonce: Option<&str>) -> Result<(), Refusal> {
    verify_at(token, nonce, now_secs())
}

fn verify_at(token: &str, nonce: Option<&str>, now: u64) -> Result<(), Refusal> {
    let (Some(nonce), false) = (nonce, token.is_empty()) else {
        return Err(Refusal::Missing);
    };
    let mut parts = token.splitn(3, '.');
    let (Some(ts), Some(token_nonce), Some(token_mac)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(Refusal::Forged);
    };
    let timestamp: u64 = ts.parse().map_err(|_| Refusal::Forged)?;
    if !constant_time_eq(mac(timestamp, token_nonce).as_bytes(), token_mac.as_bytes()) {
        return Err(Refusal::Forged);
    }
    if !constant_time_eq(token_nonce.as_bytes(), nonce.as_bytes()) {
        return Err(Refusal::Forged);
    }
    if timestamp > now + 60 || now.saturating_sub(timestamp) > MAX_AGE_SECS {
        return Err(Refusal::Expired);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc_4231() {
        // Test case 2.
        assert_eq!(
            hex(&hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        // Test case 6: a key longer than the block.
        assert_eq!(
            hex(&hmac_sha256(
                &[0xaa; 131],
                b"Test Using Larger Than Block-Size Key - Hash Key First"
            )),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    #[test]
    fn tokens_verify_only_with_their_cookie_and_in_time() {
        let nonce = new_nonce();
        let now = 1_700_000_000;
        let token = token_at(now, &nonce);
        assert_eq!(verify_at(&token, Some(&nonce), now + 10), Ok(()));
        assert_eq!(verify_at(&token, None, now), Err(Refusal::Missing));
        assert_eq!(verify_at("", Some(&nonce), now), Err(Refusal::Missing));
        assert_eq!(
            verify_at(&token, Some("OTHERNONCE00"), now),
            Err(Refusal::Forged)
        );
        let tampered = token.replacen(&now.to_string(), &(now + 1).to_string(), 1);
        assert_eq!(
            verify_at(&tampered, Some(&nonce), now),
            Err(Refusal::Forged)
        );
        assert_eq!(
            verify_at(&token, Some(&nonce), now + MAX_AGE_SECS + 1),
            Err(Refusal::Expired)
        );
        assert_eq!(cookie_nonce(&format!("a=b; {COOKIE}={nonce}")), Some(nonce));
        assert_eq!(cookie_nonce(&format!("{COOKIE}=<x>")), None);
    }
}
