//! From cells to table rows: label segments, row assignment, and choosing a
//! row's values among the cells printed after its label.

use std::ops::Range;

use gongkai_domain::{Cell, CellKey};

use super::tokens::{Num, Tok, Token};
use crate::rows::{Candidate, Strictness, best_match};

/// A cell after a label: a value or a blank, and the line it is on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellRef<'t> {
    /// The value; `None` for a blank cell.
    pub num: Option<&'t Num>,
    /// Index of the line in the line list.
    pub line: usize,
    /// The character column of layout text (see [`Token::col`]).
    pub col: usize,
}

/// Label text followed by the value and blank cells up to the next label.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment<'t> {
    /// The label fragments before the cells, normalised and joined.
    pub label: String,
    /// The cells.
    pub cells: Vec<CellRef<'t>>,
}

impl Segment<'_> {
    /// How many cells hold a value.
    pub fn value_count(&self) -> usize {
        self.cells.iter().filter(|c| c.num.is_some()).count()
    }
}

/// One cell of the report with where it was printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The cell.
    pub key: CellKey,
    /// Its value; `None` when printed blank.
    pub cell: Cell,
    /// Index of the line in the line list, when the cell was printed.
    pub line: Option<usize>,
    /// The annotation printed after the number (`（其中修订 16 件）`).
    pub annotation: Option<String>,
}

/// The segments of the tokens on the lines in `range`.
pub fn segments(tokens: &[Token], range: Range<usize>) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut label = String::new();
    let mut cells: Vec<CellRef<'_>> = Vec::new();
    // The lines of the label's first and last fragment.
    let mut label_lines: Option<(usize, usize)> = None;
    for token in tokens.iter().filter(|t| range.contains(&t.line)) {
        match &token.tok {
            Tok::Text(text) => {
                if !cells.is_empty() {
                    out.push(Segment {
                        label: std::mem::take(&mut label),
                        cells: std::mem::take(&mut cells),
                    });
                    label_lines = None;
                } else if let Some(line) = blank_row_before_caption(&label, label_lines, text) {
                    // Layout text prints a blank row as its label alone.
                    out.push(Segment {
                        label: std::mem::take(&mut label),
                        cells: vec![CellRef {
                            num: None,
                            line,
                            col: 0,
                        }],
                    });
                    label_lines = None;
                }
                label_lines = Some(
                    label_lines.map_or((token.line, token.line), |(first, _)| (first, token.line)),
                );
                label.push_str(text);
            }
            Tok::Value(num) => cells.push(CellRef {
                num: Some(num),
                line: token.line,
                col: token.col,
            }),
            Tok::Empty => cells.push(CellRef {
                num: None,
                line: token.line,
                col: token.col,
            }),
        }
    }
    if !cells.is_empty() {
        out.push(Segment { label, cells });
    }
    out
}

/// When a block caption of table 二 (“第二十条第（八）项”) follows a short
/// label printed on one line with no cell after it, that label is a row
/// printed blank (PDF layout text shows blank cells as nothing): its line.
fn blank_row_before_caption(
    label: &str,
    lines: Option<(usize, usize)>,
    next: &str,
) -> Option<usize> {
    let (first, last) = lines?;
    let short = label.chars().count() <= 12 && !label.contains(['。', '，', '；', '：']);
    (first == last && short && next.starts_with("第二十条")).then_some(last)
}

/// Longest label context kept while looking for a row (in characters).
const MAX_CONTEXT: usize = 160;

/// A segment assigned to a row, with the label context it was matched on
/// (its own label and those of unassigned segments before it, e.g. a block's
/// column header).
pub type Assigned<'s, 't, R> = (R, &'s Segment<'t>, String);

/// Assigns segments to rows in printed order. A segment whose label matches
/// no expected row keeps its label as context for the next one (a label
/// broken by a page break, or group labels of merged cells).
pub fn assign<'s, 't, R: Copy>(
    segments: &'s [Segment<'t>],
    candidates: &[Candidate<R>],
) -> Vec<Assigned<'s, 't, R>> {
    let mut out = Vec::new();
    let mut next = 0;
    let mut context = String::new();
    for segment in segments {
        context.push_str(&segment.label);
        let excess = context.chars().count().saturating_sub(MAX_CONTEXT);
        if excess > 0 {
            context = context.chars().skip(excess).collect();
        }
        let strictness = if segment.value_count() > 0 {
            Strictness::Values
        } else {
            Strictness::BlankRun
        };
        let Some(rest) = candidates.get(next..) else {
            break;
        };
        if let Some(i) = best_match(rest, &context, strictness) {
            out.push((rest[i].row, segment, std::mem::take(&mut context)));
            next += i + 1;
        }
    }
    out
}

/// The `n` cells of a row among the cells printed after its label, and a note
/// when they had to be repaired.
///
/// Exactly `n` values: those (blank cells around them are layout padding).
/// No value: the row is printed blank. Fewer: the first `n` cells by
/// position, padded with blanks. More: with `row_total`, the cells whose
/// last equals the sum of the six before it (total = sum of the applicant
/// columns); otherwise the first `n`.
pub fn pick<'t>(
    cells: &[CellRef<'t>],
    n: usize,
    row_total: bool,
) -> (Vec<CellRef<'t>>, Option<String>) {
    let values: Vec<CellRef<'t>> = cells.iter().copied().filter(|c| c.num.is_some()).collect();
    let last_line = cells.last().map_or(0, |c| c.line);
    let pad = |mut v: Vec<CellRef<'t>>| {
        v.resize(
            n,
            CellRef {
                num: None,
                line: last_line,
                col: 0,
            },
        );
        v
    };
    match values.len() {
        m if m == n => (values, None),
        0 => (pad(Vec::new()), None),
        m if m < n => {
            let taken: Vec<CellRef<'t>> = cells.iter().copied().take(n).collect();
            let note = (taken.len() < n || taken.iter().filter(|c| c.num.is_some()).count() < m)
                .then(|| format!("only {m} of {n} values found; missing cells read as blank"));
            (pad(taken), note)
        }
        m => {
            if row_total && let Some(result) = repair_by_total(&values, n) {
                return result;
            }
            (
                values[..n].to_vec(),
                Some(format!(
                    "{} extra value(s) ignored after the first {n}",
                    m - n
                )),
            )
        }
    }
}

fn repair_by_total<'t>(
    values: &[CellRef<'t>],
    n: usize,
) -> Option<(Vec<CellRef<'t>>, Option<String>)> {
    let m = values.len();
    if m > 12 || n < 2 {
        return None;
    }
    let mut solutions: Vec<(u32, Vec<CellRef<'t>>)> = Vec::new();
    for mask in 0u32..(1 << m) {
        if mask.count_ones() as usize != n {
            continue;
        }
        let kept: Vec<CellRef<'t>> = (0..m)
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| values[i])
            .collect();
        let nums: Vec<_> = kept.iter().filter_map(|c| c.num.map(|n| n.value)).collect();
        let (parts, total) = nums.split_at(n - 1);
        if parts.iter().sum::<rust_decimal::Decimal>() == total[0] {
            solutions.push((mask, kept));
        }
    }
    let (mask, kept) = solutions.first()?.clone();
    let same = |a: &[CellRef<'_>], b: &[CellRef<'_>]| a.iter().zip(b).all(|(x, y)| x.num == y.num);
    let unique = solutions.iter().all(|(_, s)| same(s, &kept));
    let dropped: Vec<String> = (0..m)
        .filter(|i| mask & (1 << i) == 0)
        .map(|i| format!("#{}", i + 1))
        .collect();
    let note = if unique {
        format!(
            "{} extra cell(s) dropped ({} of {m}), resolved by the table's arithmetic (total = sum of the six applicant columns)",
            m - n,
            dropped.join(", ")
        )
    } else {
        format!(
            "{} extra cell(s); several readings satisfy total = sum of the applicant columns, dropped {}",
            m - n,
            dropped.join(", ")
        )
    };
    Some((kept, Some(note)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines::split;
    use crate::text::tokens::tokenize;

    fn values(cells: &[CellRef<'_>]) -> Vec<Option<i64>> {
        cells
            .iter()
            .map(|c| c.num.map(|n| n.value.mantissa() as i64))
            .collect()
    }

    fn picked(text: &str, n: usize, total: bool) -> (Vec<Option<i64>>, Option<String>) {
        let lines = split(text, false);
        let tokens = tokenize(&lines);
        let segs = segments(&tokens, 0..lines.len());
        let (cells, note) = pick(&segs[0].cells, n, total);
        (values(&cells), note)
    }

    #[test]
    fn padding_around_exact_values_is_ignored() {
        assert_eq!(
            picked("行\t\t1\t2\t3\t", 3, false).0,
            [Some(1), Some(2), Some(3)]
        );
    }

    #[test]
    fn blank_cells_keep_their_position() {
        let (v, note) = picked("行\t1\t\t3\t", 3, false);
        assert_eq!(v, [Some(1), None, Some(3)]);
        assert_eq!(note, None);
        assert_eq!(picked("行\t\t\t\t", 3, false).0, [None, None, None]);
    }

    #[test]
    fn an_extra_cell_is_dropped_by_the_row_total() {
        let (v, note) = picked("（六）其他处理\t1\t0\t0\t0\t0\t0\t0\t1", 7, true);
        assert_eq!(
            v,
            [
                Some(1),
                Some(0),
                Some(0),
                Some(0),
                Some(0),
                Some(0),
                Some(1)
            ]
        );
        assert!(note.is_some_and(|n| n.contains("arithmetic")));
        // The spurious cell is the 5: only dropping it makes 2+1+0+0+0+0 = 3.
        let (v, _) = picked("行\t2\t1\t5\t0\t0\t0\t0\t3", 7, true);
        assert_eq!(
            v,
            [
                Some(2),
                Some(1),
                Some(0),
                Some(0),
                Some(0),
                Some(0),
                Some(3)
            ]
        );
    }
}
