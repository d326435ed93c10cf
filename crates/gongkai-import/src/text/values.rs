//! Reading value cells: `+8`, `-104`, `１２`, `146,653`, `9.46万元`,
//! `309486424 元`, `22（其中修订 16 件）`.

use std::borrow::Cow;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::tokens::{Num, Unit};

/// Reads a value cell; `None` when the cell is not a number with an optional
/// unit and annotation.
pub fn parse_value(raw: &str) -> Option<Num> {
    let trimmed = raw.trim();
    // Cheap exact rejection: a value starts with a sign or a digit.
    if !trimmed.starts_with(|c: char| {
        c.is_ascii_digit() || matches!(c, '+' | '-' | '０'..='９' | '＋' | '－' | '−')
    }) {
        return None;
    }
    let s: Cow<'_, str> = if trimmed.contains(is_full_width_numeric) {
        Cow::Owned(trimmed.chars().map(half_width).collect())
    } else {
        Cow::Borrowed(trimmed)
    };
    let (sign_len, body) = match s.as_bytes().first()? {
        b'+' | b'-' => (1, &s[1..]),
        _ => (0, &s[..]),
    };
    let end = number_end(body)?;
    let number = &body[..end];
    let value = if number.contains(',') {
        if !valid_grouping(number) {
            return None;
        }
        let sign = if s.starts_with('-') { "-" } else { "" };
        let digits: String = number.chars().filter(|&c| c != ',').collect();
        Decimal::from_str(&format!("{sign}{digits}")).ok()?
    } else if s.starts_with('-') {
        Decimal::from_str(&s[..sign_len + end]).ok()?
    } else {
        Decimal::from_str(number).ok()?
    };
    let mut rest = body[end..].trim_start();
    let mut unit = Unit::None;
    if let Some(r) = rest.strip_prefix("万元") {
        (unit, rest) = (Unit::WanYuan, r);
    } else if let Some(r) = rest.strip_prefix('元') {
        (unit, rest) = (Unit::Yuan, r);
    } else if let Some(r) = rest.strip_prefix(['件', '个', '项', '条', '次', '家']) {
        rest = r;
    }
    let rest = rest.trim();
    let annotation = if rest.is_empty() {
        None
    } else if (rest.starts_with('（') || rest.starts_with('('))
        && (rest.ends_with('）') || rest.ends_with(')'))
    {
        Some(rest.to_owned())
    } else {
        return None;
    };
    Some(Num {
        value,
        unit,
        annotation,
    })
}

/// Full-width forms that [`parse_value`] reads as their ASCII counterparts.
fn is_full_width_numeric(c: char) -> bool {
    matches!(c, '０'..='９' | '＋' | '－' | '−' | '．' | '，')
}

fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '＋' => '+',
        '－' | '−' => '-',
        '．' => '.',
        '，' => ',',
        _ => c,
    }
}

/// The end of the leading number (digits, grouping commas, one decimal point followed by digits).
fn number_end(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut i = 0;
    let mut seen_digit = false;
    let mut seen_point = false;
    while i < bytes.len() {
        match bytes[i] {
            b'0'..=b'9' => seen_digit = true,
            b',' if seen_digit
                && !seen_point
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => {}
            b'.' if seen_digit
                && !seen_point
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) =>
            {
                seen_point = true
            }
            _ => break,
        }
        i += 1;
    }
    seen_digit.then_some(i)
}

fn valid_grouping(number: &str) -> bool {
    let integer = number.split('.').next().unwrap_or("");
    let mut groups = integer.split(',');
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
    first_ok && groups.all(|g| g.len() == 3)
}
