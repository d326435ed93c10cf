//! 查询码: the code an applicant uses to look up an application.
//!
//! Twelve characters of Crockford base32 (no I, L, O, U), 60 bits from the
//! operating system's CSPRNG, so that codes cannot be guessed or enumerated.

use crate::StoreError;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The number of characters in a query code.
pub const QUERY_CODE_LEN: usize = 12;

/// A new random query code.
pub fn generate() -> Result<String, StoreError> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes)
        .map_err(|e| StoreError::Invalid(format!("无法生成随机查询码：{e}")))?;
    let mut bits = u64::from_le_bytes(bytes);
    let mut code = String::with_capacity(QUERY_CODE_LEN);
    for _ in 0..QUERY_CODE_LEN {
        code.push(char::from(ALPHABET[(bits & 31) as usize]));
        bits >>= 5;
    }
    Ok(code)
}

/// A code as typed by a person, normalised: upper case, separators removed,
/// and the look-alikes I/L → 1 and O → 0 folded.
pub fn normalise(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'I' | 'L' => '1',
            'O' => '0',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_twelve_base32_characters_and_differ() {
        let a = generate().expect("random");
        let b = generate().expect("random");
        assert_eq!(a.len(), QUERY_CODE_LEN);
        assert!(a.bytes().all(|c| ALPHABET.contains(&c)));
        assert_ne!(a, b);
        assert_eq!(
            normalise(&format!(" {}-{} ", &a[..6], &a[6..]).to_lowercase()),
            a
        );
        assert_eq!(normalise("o1l0"), "0110");
    }
}
