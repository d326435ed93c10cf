//! Blank cells in PDF layout text: `pdftotext -layout` prints a blank cell as
//! nothing but a wider gap, so a row with a blank reads as fewer values. The
//! rows of one table print their values at the same character columns; the
//! columns of the table's complete rows place the values of a short row.

use super::tables::{CellRef, Segment};

/// Farthest a value may sit from its column, in characters.
const TOLERANCE: usize = 2;

/// The character columns of the table's complete rows: the commonest set of
/// positions (give or take [`TOLERANCE`]) among rows that print exactly `n`
/// values on one line, seen at least twice.
pub fn reference_columns(segments: &[Segment<'_>], n: usize) -> Option<Vec<usize>> {
    let mut counts: Vec<(Vec<usize>, usize)> = Vec::new();
    for segment in segments {
        let values: Vec<&CellRef<'_>> = segment.cells.iter().filter(|c| c.num.is_some()).collect();
        let Some(first) = values.first() else {
            continue;
        };
        if values.len() != n || values.iter().any(|c| c.line != first.line || c.col == 0) {
            continue;
        }
        let cols: Vec<usize> = values.iter().map(|c| c.col).collect();
        let near = |c: &Vec<usize>| {
            c.iter()
                .zip(&cols)
                .all(|(a, b)| a.abs_diff(*b) <= TOLERANCE)
        };
        match counts.iter_mut().find(|(c, _)| near(c)) {
            Some((_, count)) => *count += 1,
            None => counts.push((cols, 1)),
        }
    }
    let (cols, count) = counts.into_iter().max_by_key(|(_, count)| *count)?;
    (count >= 2).then_some(cols)
}

/// Places the values of a row printing fewer than `columns.len()` values,
/// all on one line, under the nearest reference columns; `None` when a value
/// is not near a column or two values claim the same one.
pub fn place<'t>(cells: &[CellRef<'t>], columns: &[usize]) -> Option<Vec<CellRef<'t>>> {
    let values: Vec<CellRef<'t>> = cells.iter().copied().filter(|c| c.num.is_some()).collect();
    let first = values.first()?;
    if values.len() >= columns.len() || values.iter().any(|c| c.line != first.line) {
        return None;
    }
    let mut placed: Vec<CellRef<'t>> = columns
        .iter()
        .map(|&col| CellRef {
            num: None,
            line: first.line,
            col,
        })
        .collect();
    let mut last: Option<usize> = None;
    for value in values {
        let (index, distance) = columns
            .iter()
            .enumerate()
            .map(|(i, &col)| (i, col.abs_diff(value.col)))
            .min_by_key(|&(_, d)| d)?;
        if distance > TOLERANCE || last.is_some_and(|l| index <= l) {
            return None;
        }
        placed[index] = value;
        last = Some(index);
    }
    Some(placed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines::split;
    use crate::text::tables::segments;
    use crate::text::tokens::tokenize;

    #[test]
    fn a_blank_cell_is_placed_by_the_columns_of_full_rows() {
        // Columns as pdftotext lays them out: one character per glyph.
        let row = |label: &str, values: [&str; 7]| {
            let cells: String = values.iter().map(|v| format!("{v:>5}")).collect();
            format!("{label:>12}{cells}")
        };
        let text = [
            row("（一）予以公开", ["3", "0", "0", "0", "0", "0", "3"]),
            row("1.属于国家秘密", ["1", "0", "", "0", "0", "0", "1"]),
            row("（七）总计", ["13", "14", "0", "0", "0", "0", "27"]),
        ]
        .join("\n");
        let lines = split(&text, true);
        let tokens = tokenize(&lines);
        let segs = segments(&tokens, 0..lines.len());
        let columns = reference_columns(&segs, 7);
        assert!(columns.is_some());
        let placed = columns.and_then(|c| place(&segs[1].cells, &c));
        let values: Option<Vec<Option<String>>> = placed.map(|cells| {
            cells
                .iter()
                .map(|c| c.num.map(|n| n.value.to_string()))
                .collect()
        });
        let s = |v: &str| Some(v.to_owned());
        assert_eq!(
            values,
            Some(vec![s("1"), s("0"), None, s("0"), s("0"), s("0"), s("1")])
        );
    }
}
