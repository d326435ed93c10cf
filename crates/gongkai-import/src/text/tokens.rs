//! Turning lines into table cells: label text, values and blank cells.
//!
//! Three printings of a table occur in extracted text and may be mixed in one
//! file: one cell per line after a tab (Word's plain-text export), a row per
//! line with tab- or `|`-separated cells, and PDF layout text whose columns
//! are separated by runs of two or more spaces.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::lines::Line;
use crate::rows::normalize;

/// The unit printed with a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// No money unit (a count, or a unit given in the column header).
    None,
    /// 元
    Yuan,
    /// 万元
    WanYuan,
}

/// A value cell: `+8`, `-104`, `9.46万元`, `309486424 元`, `22（其中修订 16 件）`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Num {
    /// The number as printed (before any unit conversion).
    pub value: Decimal,
    /// The money unit printed in the cell.
    pub unit: Unit,
    /// A parenthesised annotation after the number, kept verbatim.
    pub annotation: Option<String>,
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// Label text, normalised ([`normalize`]).
    Text(String),
    /// A number.
    Value(Num),
    /// A cell printed blank (also `-`, `—`, `/`).
    Empty,
}

/// A cell and the line it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The cell.
    pub tok: Tok,
    /// Index of the line in the line list.
    pub line: usize,
}

/// The cells of all lines, in reading order.
pub fn tokenize(lines: &[Line]) -> Vec<Token> {
    let mut tokens = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let start = tokens.len();
        line_cells(&line.text, &mut |tok| {
            tokens.push(Token { tok, line: index })
        });
        merge_units(&mut tokens, start);
    }
    tokens
}

fn line_cells(text: &str, emit: &mut dyn FnMut(Tok)) {
    if text.contains('\t') {
        match text.strip_prefix('\t') {
            // Word's text export: one cell per line, each introduced by a tab.
            Some(rest) if !rest.contains('\t') => emit(cell(rest)),
            _ => text.split('\t').for_each(|c| emit(cell(c))),
        }
    } else if text.contains('|') {
        let t = text.trim();
        if t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) && t.contains('-') {
            return; // Markdown header separator
        }
        let t = t.strip_prefix('|').unwrap_or(t);
        let t = t.strip_suffix('|').unwrap_or(t);
        t.split('|').for_each(|c| emit(cell(c)));
    } else {
        for chunk in columns(text) {
            chunk_cells(chunk, emit);
        }
    }
}

/// Splits a layout line at runs of two or more spaces (an ideographic space counts double).
fn columns(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut gap_start = 0;
    let mut gap = 0;
    for (i, c) in text.char_indices() {
        let width = match c {
            ' ' | '\u{a0}' => 1,
            '\u{3000}' => 2,
            c if c.is_whitespace() => 1,
            _ => 0,
        };
        if width > 0 {
            if gap == 0 {
                gap_start = i;
            }
            gap += width;
            continue;
        }
        if gap >= 2
            && let Some(s) = start.take()
        {
            out.push(&text[s..gap_start]);
        }
        gap = 0;
        if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        let end = if gap > 0 { gap_start } else { text.len() };
        out.push(&text[s..end]);
    }
    out
}

/// A layout chunk: one value, several values separated by single spaces, a
/// label followed by values, or a label.
fn chunk_cells(chunk: &str, emit: &mut dyn FnMut(Tok)) {
    if let Some(num) = parse_value(chunk) {
        return emit(Tok::Value(num));
    }
    let parts: Vec<&str> = chunk.split_whitespace().collect();
    let values: Vec<Option<Num>> = parts.iter().map(|p| parse_value(p)).collect();
    let tail = values.iter().rev().take_while(|v| v.is_some()).count();
    if tail == 0 || parts.len() < 2 {
        return emit(cell(chunk));
    }
    let head = parts.len() - tail;
    if head > 0 {
        emit(cell(&parts[..head].join(" ")));
    }
    values
        .into_iter()
        .skip(head)
        .flatten()
        .for_each(|num| emit(Tok::Value(num)));
}

fn cell(raw: &str) -> Tok {
    let t = raw.trim_matches(|c: char| c.is_whitespace());
    if t.is_empty() || matches!(t, "-" | "—" | "——" | "–" | "/" | "／" | "－" | "\\") {
        return Tok::Empty;
    }
    if let Some(num) = parse_value(t) {
        return Tok::Value(num);
    }
    let norm = normalize(t);
    if norm.is_empty() {
        Tok::Empty
    } else {
        Tok::Text(norm)
    }
}

/// “309486424” in one column and “元” in the next belong together.
fn merge_units(tokens: &mut Vec<Token>, start: usize) {
    let mut i = start + 1;
    while i < tokens.len() {
        let unit = match &tokens[i].tok {
            Tok::Text(t) if t == "元" => Some(Unit::Yuan),
            Tok::Text(t) if t == "万元" => Some(Unit::WanYuan),
            _ => None,
        };
        if let (Some(unit), Tok::Value(num)) = (unit, &mut tokens[i - 1].tok)
            && num.unit == Unit::None
        {
            num.unit = unit;
            tokens.remove(i);
            continue;
        }
        i += 1;
    }
}

/// Reads a value cell; `None` when the cell is not a number with an optional
/// unit and annotation.
pub fn parse_value(raw: &str) -> Option<Num> {
    let s: String = raw
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '＋' => '+',
            '－' | '−' => '-',
            '．' => '.',
            '，' => ',',
            _ => c,
        })
        .collect();
    let (sign, body) = match s.chars().next()? {
        '+' => ("", &s[1..]),
        '-' => ("-", &s[1..]),
        _ => ("", s.as_str()),
    };
    let end = number_end(body)?;
    let digits: String = body[..end].chars().filter(|&c| c != ',').collect();
    if body[..end].contains(',') && !valid_grouping(&body[..end]) {
        return None;
    }
    let value = Decimal::from_str(&format!("{sign}{digits}")).ok()?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<(String, Unit, Option<String>)> {
        parse_value(s).map(|n| (n.value.normalize().to_string(), n.unit, n.annotation))
    }

    #[test]
    fn reads_values() {
        assert_eq!(num("+8"), Some(("8".into(), Unit::None, None)));
        assert_eq!(num("-104"), Some(("-104".into(), Unit::None, None)));
        assert_eq!(num("9.46万元"), Some(("9.46".into(), Unit::WanYuan, None)));
        assert_eq!(
            num("309486424 元"),
            Some(("309486424".into(), Unit::Yuan, None))
        );
        assert_eq!(num("146,653"), Some(("146653".into(), Unit::None, None)));
        assert_eq!(
            num("22（其中修订 16 件）"),
            Some(("22".into(), Unit::None, Some("（其中修订 16 件）".into())))
        );
        assert_eq!(num("１２"), Some(("12".into(), Unit::None, None)));
        for text in ["1.属于国家秘密", "2020年", "90.72%", "1,0", "三", ""] {
            assert_eq!(num(text), None, "{text}");
        }
    }

    fn toks(text: &str) -> Vec<Tok> {
        let lines = super::super::lines::split(text, false);
        tokenize(&lines).into_iter().map(|t| t.tok).collect()
    }

    fn v(n: i64) -> Tok {
        Tok::Value(Num {
            value: Decimal::from(n),
            unit: Unit::None,
            annotation: None,
        })
    }

    #[test]
    fn tab_rows_and_cells_per_line() {
        assert_eq!(
            toks("规章\t0\t\t3\t"),
            [Tok::Text("规章".into()), v(0), Tok::Empty, v(3), Tok::Empty]
        );
        assert_eq!(
            toks("\t规章\n\t0\n\t\n\t3"),
            [Tok::Text("规章".into()), v(0), Tok::Empty, v(3)]
        );
    }

    #[test]
    fn pipe_cells() {
        assert_eq!(
            toks("| 规章 | 0 | 1 |\n|---|---|---|"),
            [Tok::Text("规章".into()), v(0), v(1)]
        );
        assert_eq!(
            toks("规章 |\n0 |\n||"),
            [Tok::Text("规章".into()), v(0), Tok::Empty]
        );
    }

    #[test]
    fn layout_columns() {
        assert_eq!(
            toks("行政许可        550"),
            [Tok::Text("行政许可".into()), v(550)]
        );
        assert_eq!(toks("  10    1 0   2"), [v(10), v(1), v(0), v(2)]);
        assert_eq!(
            toks("4.无正当理由大量反复 申请        0"),
            [Tok::Text("4.无正当理由大量反复申请".into()), v(0)]
        );
        assert_eq!(
            toks("5.属于三类内部事务信息 7"),
            [Tok::Text("5.属于三类内部事务信息".into()), v(7)]
        );
        let money = toks("政府集中采购   2711   309486424   元");
        assert!(matches!(&money[2], Tok::Value(n) if n.unit == Unit::Yuan));
        assert_eq!(money.len(), 3);
    }
}
