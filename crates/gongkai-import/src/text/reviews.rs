//! Table 四 (行政复议、行政诉讼): one data row of 15 values in a fixed order.
//! Flattened text loses the alignment of header and values, so the header is
//! not matched: the values are read in order.

use std::ops::Range;

use gongkai_domain::CellKey;
use gongkai_domain::report::{ReviewColumn, ReviewGroup};

use super::lines::Line;
use super::tables::{CellRef, Entry, Segment, pick, segments};
use super::tokens::Token;
use crate::note::ImportNote;

const CELLS: usize = 15;

/// Reads table 四 from the lines in `range`.
pub fn read(
    tokens: &[Token],
    lines: &[Line],
    range: Range<usize>,
    notes: &mut Vec<ImportNote>,
) -> Vec<Entry> {
    let segs = segments(tokens, range);
    let Some((cells, note)) = data_row(&segs) else {
        notes.push(ImportNote::new(
            None,
            "table 四 (行政复议、行政诉讼) not found",
        ));
        return Vec::new();
    };
    if let Some(note) = note {
        let line = cells
            .first()
            .and_then(|c| lines.get(c.line))
            .map(|l| l.global);
        notes.push(ImportNote::new(line, format!("table 四: {note}")));
    }
    let keys = ReviewGroup::ALL.into_iter().flat_map(|g| {
        ReviewColumn::ALL
            .into_iter()
            .map(move |c| CellKey::Review(g, c))
    });
    keys.zip(cells)
        .map(|(key, cell)| Entry {
            key,
            cell: cell.num.map(|n| n.value),
            line: Some(cell.line),
            annotation: cell.num.and_then(|n| n.annotation.clone()),
        })
        .collect()
}

fn data_row<'t>(segs: &[Segment<'t>]) -> Option<(Vec<CellRef<'t>>, Option<String>)> {
    if let Some(seg) = segs.iter().find(|s| s.value_count() >= CELLS) {
        return Some(pick(&seg.cells, CELLS, false));
    }
    let all: Vec<CellRef<'t>> = segs
        .iter()
        .flat_map(|s| s.cells.iter().copied())
        .filter(|c| c.num.is_some())
        .collect();
    if all.len() == CELLS {
        return Some((
            all,
            Some("values spread over several lines, read in order".to_owned()),
        ));
    }
    if let Some(seg) = segs.iter().rev().find(|s| s.value_count() > 0) {
        let first = seg.cells.iter().position(|c| c.num.is_some()).unwrap_or(0);
        return Some(pick(&seg.cells[first..], CELLS, false));
    }
    let header = segs.iter().any(|s| s.label.contains("结果维持"));
    let blank = segs.iter().rev().find(|s| s.cells.len() >= CELLS)?;
    header.then(|| pick(&blank.cells, CELLS, false))
}
