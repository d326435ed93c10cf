//! Turning lines into table cells: label text, values and blank cells.
//!
//! Three printings of a table occur in extracted text and may be mixed in one
//! file: one cell per line after a tab (Word's plain-text export), a row per
//! line with tab- or `|`-separated cells, and PDF layout text whose columns
//! are separated by runs of two or more spaces.

use std::ops::Range;

use rust_decimal::Decimal;

pub use super::values::parse_value;

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
    /// For layout text (columns separated by runs of spaces): the character
    /// column where the cell starts, which places a value under its column
    /// header when blank cells leave no trace. 0 for tab and `|` rows.
    pub col: usize,
}

/// The cells of all lines, in reading order.
#[cfg(test)]
pub fn tokenize(lines: &[Line]) -> Vec<Token> {
    tokenize_range(lines, 0..lines.len())
}

/// The cells of the lines in `range`, in reading order (token lines index
/// the whole `lines`). Lines outside the tables' sections are left alone:
/// their prose would only be normalised to be thrown away.
pub fn tokenize_range(lines: &[Line], range: Range<usize>) -> Vec<Token> {
    let mut tokens = Vec::new();
    let end = range.end.min(lines.len());
    let start = range.start.min(end);
    for (index, line) in lines.iter().enumerate().take(end).skip(start) {
        let start = tokens.len();
        let text = line.text.as_str();
        let mut columns = CharColumns::default();
        line_cells(text, &mut |tok, at| {
            let col = at.map_or(0, |at| columns.at(text, at));
            tokens.push(Token {
                tok,
                line: index,
                col,
            })
        });
        merge_units(&mut tokens, start);
    }
    tokens
}

/// Character columns of byte offsets in one line, counted on from the last
/// offset asked for: cells come in order, so a line costs one pass, not one
/// pass per cell.
#[derive(Default)]
struct CharColumns {
    byte: usize,
    col: usize,
}

impl CharColumns {
    fn at(&mut self, text: &str, at: usize) -> usize {
        if at < self.byte {
            *self = CharColumns::default();
        }
        self.col += text.get(self.byte..at).map_or(0, |s| s.chars().count());
        self.byte = at;
        self.col
    }
}

/// Calls `emit` with every cell of a line and, for layout text, the byte
/// offset where the cell starts.
fn line_cells(text: &str, emit: &mut dyn FnMut(Tok, Option<usize>)) {
    if text.contains('\t') {
        match text.strip_prefix('\t') {
            // Word's text export: one cell per line, each introduced by a tab.
            Some(rest) if !rest.contains('\t') => emit(cell(rest), None),
            _ => text.split('\t').for_each(|c| emit(cell(c), None)),
        }
    } else if text.contains('|') {
        let t = text.trim();
        if t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) && t.contains('-') {
            return; // Markdown header separator
        }
        let t = t.strip_prefix('|').unwrap_or(t);
        let t = t.strip_suffix('|').unwrap_or(t);
        t.split('|').for_each(|c| emit(cell(c), None));
    } else {
        for chunk in columns(text) {
            chunk_cells(chunk, &mut |tok, part: &str| {
                emit(tok, Some(offset_in(text, part)))
            });
        }
    }
}

/// The byte offset of `part`, a slice of `text`, within `text`.
fn offset_in(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(text.as_ptr() as usize)
        .min(text.len())
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
fn chunk_cells<'a>(chunk: &'a str, emit: &mut dyn FnMut(Tok, &'a str)) {
    if let Some(num) = parse_value(chunk) {
        return emit(Tok::Value(num), chunk);
    }
    let parts: Vec<&str> = chunk.split_whitespace().collect();
    let values: Vec<Option<Num>> = parts.iter().map(|p| parse_value(p)).collect();
    let tail = values.iter().rev().take_while(|v| v.is_some()).count();
    if tail == 0 || parts.len() < 2 {
        return emit(cell(chunk), chunk);
    }
    let head = parts.len() - tail;
    if head > 0 {
        emit(cell(&parts[..head].join(" ")), chunk);
    }
    values
        .into_iter()
        .zip(&parts)
        .skip(head)
        .for_each(|(num, part)| {
            if let Some(num) = num {
                emit(Tok::Value(num), part)
            }
        });
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

/// “309486424” in one column and “元” in the next belong together. One pass,
/// compacting in place (a line of thousands of cells stays linear).
fn merge_units(tokens: &mut Vec<Token>, start: usize) {
    let mut kept = start;
    for i in start..tokens.len() {
        let unit = match &tokens[i].tok {
            Tok::Text(t) if t == "元" => Some(Unit::Yuan),
            Tok::Text(t) if t == "万元" => Some(Unit::WanYuan),
            _ => None,
        };
        if kept > start
            && let (Some(unit), Tok::Value(num)) = (unit, &mut tokens[kept - 1].tok)
            && num.unit == Unit::None
        {
            num.unit = unit;
            continue;
        }
        tokens.swap(kept, i);
        kept += 1;
    }
    tokens.truncate(kept);
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
