//! Chinese number and date writing used in notices.

use chrono::{Datelike, NaiveDate};

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CAPITAL_DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const CAPITAL_UNITS: [char; 4] = ['\0', '拾', '佰', '仟'];

/// A date as written in Chinese documents: "2024年9月27日" (no leading
/// zeros, Arabic numerals as GB/T 9704 prescribes for 成文日期).
pub fn date_cn(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// A small ordinal in Chinese numerals for enumerations: 1 → 一,
/// 10 → 十, 12 → 十二, 21 → 二十一. Numbers from 100 on stay Arabic.
pub fn number_cn(n: u64) -> String {
    let digit = |d: u64| DIGITS.get(d as usize).copied().unwrap_or('〇');
    match n {
        0..=9 => digit(n).to_string(),
        10..=19 => {
            let mut s = String::from('十');
            if n > 10 {
                s.push(digit(n - 10));
            }
            s
        }
        20..=99 => {
            let mut s = format!("{}十", digit(n / 10));
            if !n.is_multiple_of(10) {
                s.push(digit(n % 10));
            }
            s
        }
        _ => n.to_string(),
    }
}

/// An amount of whole yuan in capital numerals for money (人民币大写):
/// 5500 → "伍仟伍佰元整", 100010 → "壹拾万零壹拾元整".
pub fn yuan_in_words(yuan: u64) -> String {
    format!("{}元整", capital_integer(yuan))
}

fn capital_integer(n: u64) -> String {
    if n == 0 {
        return "零".to_owned();
    }
    let yi = n / 100_000_000;
    let wan = (n / 10_000) % 10_000;
    let ones = n % 10_000;
    let mut s = String::new();
    if yi > 0 {
        s.push_str(&capital_integer(yi));
        s.push('亿');
    }
    if wan > 0 {
        if yi > 0 && wan < 1000 {
            s.push('零');
        }
        s.push_str(&capital_section(wan));
        s.push('万');
    }
    if ones > 0 {
        if (yi > 0 || wan > 0) && ones < 1000 {
            s.push('零');
        }
        s.push_str(&capital_section(ones));
    }
    s
}

/// 1–9999 in capital numerals, inner zeros written once.
fn capital_section(n: u64) -> String {
    let mut s = String::new();
    let mut zero_pending = false;
    for position in (0..4).rev() {
        let d = (n / 10u64.pow(position as u32)) % 10;
        if d == 0 {
            zero_pending = !s.is_empty();
            continue;
        }
        if zero_pending {
            s.push('零');
            zero_pending = false;
        }
        s.push(CAPITAL_DIGITS[d as usize]);
        if position > 0 {
            s.push(CAPITAL_UNITS[position]);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2024, 9, 27).expect("valid");
        assert_eq!(date_cn(d), "2024年9月27日");
        let d = NaiveDate::from_ymd_opt(2025, 1, 2).expect("valid");
        assert_eq!(date_cn(d), "2025年1月2日");
    }

    #[test]
    fn ordinals() {
        let got: Vec<_> = [1, 9, 10, 11, 20, 21, 99, 100].map(number_cn).into();
        assert_eq!(
            got,
            ["一", "九", "十", "十一", "二十", "二十一", "九十九", "100"]
        );
    }

    #[test]
    fn capital_amounts() {
        let cases = [
            (0, "零元整"),
            (100, "壹佰元整"),
            (5_500, "伍仟伍佰元整"),
            (1_010, "壹仟零壹拾元整"),
            (1_001, "壹仟零壹元整"),
            (100_000, "壹拾万元整"),
            (100_010, "壹拾万零壹拾元整"),
            (105_000, "壹拾万伍仟元整"),
            (100_010_000, "壹亿零壹万元整"),
            (1_000_000_000, "壹拾亿元整"),
            (2_740, "贰仟柒佰肆拾元整"),
            (400_000_005, "肆亿零伍元整"),
        ];
        for (n, words) in cases {
            assert_eq!(yuan_in_words(n), words, "{n}");
        }
    }
}
