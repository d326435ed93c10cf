//! Decoding text files: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

use crate::error::ImportError;

/// Decodes `bytes` as text. A BOM decides; otherwise valid UTF-8 is UTF-8,
/// and bytes that decode cleanly as GB18030 (a superset of GBK and GB2312,
/// the encodings of Chinese government sites) are GB18030.
pub fn decode(bytes: &[u8], file: &str) -> Result<String, ImportError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(encoding_error(
                file,
                format!(
                    "带 {} BOM，但内容不是有效的 {}",
                    encoding.name(),
                    encoding.name()
                ),
            ));
        }
        return Ok(text.into_owned());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if !had_errors {
            return Ok(text.into_owned());
        }
    }
    let (text, had_errors) = GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(encoding_error(
            file,
            "既不是 UTF-8，也不能按 GB18030 无错解码".to_owned(),
        ));
    }
    Ok(text.into_owned())
}

/// Rejects decoded "text" that is really binary: control characters or
/// replacement characters in more than a small share of the characters.
pub fn check_plausible_text(text: &str, file: &str) -> Result<(), ImportError> {
    let (mut total, mut bad) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        if c == '\u{fffd}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) {
            bad += 1;
        }
    }
    let total = total.max(1);
    if bad * 20 > total {
        return Err(ImportError::NotAReport {
            file: file.to_owned(),
            reason: "内容是二进制数据，不是文本".to_owned(),
        });
    }
    Ok(())
}

/// UTF-16 without BOM shows as a NUL in every other byte of ASCII text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(512)];
    let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let half = sample.len() / 2;
    if odd_nuls * 3 > half && even_nuls == 0 {
        Some(UTF_16LE)
    } else if even_nuls * 3 > half && odd_nuls == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn encoding_error(file: &str, detail: String) -> ImportError {
    ImportError::Encoding {
        file: file.to_owned(),
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_every_supported_encoding() {
        let text = "海盐县人民政府2020年度政府信息公开工作年度报告";
        assert_eq!(decode(text.as_bytes(), "a").ok().as_deref(), Some(text));
        let bom: Vec<u8> = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
        assert_eq!(decode(&bom, "a").ok().as_deref(), Some(text));
        let (gbk, _, _) = GB18030.encode(text);
        assert_eq!(decode(&gbk, "a").ok().as_deref(), Some(text));
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le, "a").ok().as_deref(), Some(text));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be, "a").ok().as_deref(), Some(text));
    }

    #[test]
    fn binary_is_not_text() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(4000).collect();
        let result = decode(&bytes, "x.bin").and_then(|t| check_plausible_text(&t, "x.bin"));
        assert!(result.is_err());
    }
}
