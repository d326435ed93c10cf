//! The report's identity: the agency and the year from the title, or the year
//! from the statistics period (“本报告中所列数据的统计期限自2020年1月1日起…”).

use super::lines::Line;
use crate::rows::normalize;

/// What the title and preamble say about the report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Identity {
    /// The agency, as the title names it.
    pub agency: Option<String>,
    /// The reporting year.
    pub year: Option<i32>,
    /// Where the year came from, when not from the title.
    pub year_note: Option<String>,
}

/// Reads the identity from the lines before the first section heading
/// (`end`), looking at most at the first lines of the document.
pub fn identify(lines: &[Line], end: usize) -> Identity {
    let head = &lines[..end.min(lines.len())];
    let mut identity = Identity::default();
    if let Some((agency, year)) = title(head) {
        identity.agency = agency;
        identity.year = Some(year);
        return identity;
    }
    let text: String = head.iter().map(|l| normalize(&l.text)).collect();
    if let Some(year) = period_year(&text) {
        identity.year = Some(year);
        identity.year_note = Some(format!(
            "no title found; year {year} taken from the statistics period"
        ));
        return identity;
    }
    let all: String = lines.iter().take(400).map(|l| normalize(&l.text)).collect();
    if let Some(year) = period_year(&all) {
        identity.year = Some(year);
        identity.year_note = Some(format!(
            "no title found; year {year} taken from the statistics period"
        ));
    }
    identity
}

/// The title line: “[agency]YYYY年[度]…年度报告”, the agency possibly on the line before.
fn title(head: &[Line]) -> Option<(Option<String>, i32)> {
    let texts: Vec<String> = head.iter().take(30).map(|l| normalize(&l.text)).collect();
    for (i, text) in texts.iter().enumerate() {
        let Some(text) = title_text(text, texts.get(i + 1)) else {
            continue;
        };
        let Some((pos, year)) = first_year(&text) else {
            continue;
        };
        let agency = clean_agency(&text[..pos]).or_else(|| {
            texts[..i]
                .iter()
                .rev()
                .find(|t| !t.is_empty())
                .and_then(|t| {
                    let short = t.chars().count() <= 30 && !t.contains(['。', '，', '：', '；']);
                    if short { clean_agency(t) } else { None }
                })
        });
        return Some((agency, year));
    }
    None
}

/// The title text starting at a line: the line itself, or the line joined
/// with the next when a centred title wraps (“…2023 年政府信息公开工作年” /
/// “度报告”, as LibreOffice and Word lay out a long title).
fn title_text(text: &str, next: Option<&String>) -> Option<String> {
    if is_title(text) {
        return Some(text.to_owned());
    }
    let next = next?;
    if text.contains('。') || first_year(text).is_none() || next.chars().count() > 20 {
        return None;
    }
    let joined = format!("{text}{next}");
    is_title(&joined).then_some(joined)
}

fn is_title(text: &str) -> bool {
    (text.contains("年度报告") || text.ends_with("年报"))
        && text.chars().count() <= 60
        && !text.contains('。')
}

/// The first “YYYY年” in `text`: its byte offset and the year.
fn first_year(text: &str) -> Option<(usize, i32)> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let window = bytes.get(i..i + 4)?;
        let digits = window.iter().all(u8::is_ascii_digit);
        let before_ok = i == 0 || !bytes[i - 1].is_ascii_digit();
        let after_ok = text.get(i + 4..).is_some_and(|rest| rest.starts_with('年'));
        if digits && before_ok && after_ok {
            let year: i32 = std::str::from_utf8(window).ok()?.parse().ok()?;
            (1990..=2100).contains(&year).then_some((i, year))
        } else {
            None
        }
    })
}

/// The year of “…统计期限…YYYY年1月1日…”.
fn period_year(text: &str) -> Option<i32> {
    let mut from = 0;
    while let Some(offset) = text[from..].find("年1月1日") {
        let at = from + offset;
        if at >= 4
            && let Some(year) = text.get(at - 4..at).and_then(|y| y.parse::<i32>().ok())
            && (1990..=2100).contains(&year)
        {
            return Some(year);
        }
        from = at + "年1月1日".len();
    }
    None
}

fn clean_agency(text: &str) -> Option<String> {
    let t = text.trim_matches(|c: char| {
        matches!(c, '《' | '》' | '【' | '】' | '：' | '—' | '-') || c.is_whitespace()
    });
    let t = t.strip_suffix("关于").unwrap_or(t);
    let has_cjk = t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    (has_cjk && t.chars().count() >= 2).then(|| t.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines::split;

    fn id(text: &str) -> Identity {
        let lines = split(text, false);
        identify(&lines, lines.len())
    }

    #[test]
    fn agency_and_year_from_a_one_line_title() {
        let i = id("海盐县烟草专卖局2020年度政府信息公开工作年度报告\n\n一、总体情况");
        assert_eq!(
            (i.agency.as_deref(), i.year),
            (Some("海盐县烟草专卖局"), Some(2020))
        );
    }

    #[test]
    fn a_title_wrapped_over_two_lines() {
        let i = id("某县教育体育局 2023 年政府信息公开工作年\n          度报告\n\n  一、总体情况");
        assert_eq!(
            (i.agency.as_deref(), i.year),
            (Some("某县教育体育局"), Some(2023))
        );
    }

    #[test]
    fn agency_on_the_line_before() {
        let i = id("# 海盐县人民政府\n\n## 2020 年度政府信息公开工作年度报告\n");
        assert_eq!(
            (i.agency.as_deref(), i.year),
            (Some("海盐县人民政府"), Some(2020))
        );
        let i = id("        洪泽区人民政府\n   2023 年政府信息公开工作年度报告\n");
        assert_eq!(
            (i.agency.as_deref(), i.year),
            (Some("洪泽区人民政府"), Some(2020 + 3))
        );
    }

    #[test]
    fn year_from_the_statistics_period_without_title() {
        let i = id("本报告中使用数据统计期限为 2020年1月1日至12月31日。\n一、总体情况");
        assert_eq!((i.agency, i.year), (None, Some(2020)));
        assert!(i.year_note.is_some());
    }
}
