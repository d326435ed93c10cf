//! Laying out table markup (HTML, DOCX) as tab-separated text rows.
//!
//! Merged cells are expanded into a grid first, so that every cell lands in
//! its column; positions covered by a merged cell are then left out of the
//! text row, and a row reads “label, values” as the text parser expects.

/// A cell as the markup gives it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MarkupCell {
    /// The cell's text (whitespace collapsed later).
    pub text: String,
    /// Rows the cell spans (HTML `rowspan`), at least 1.
    pub rowspan: usize,
    /// Columns the cell spans (HTML `colspan`, DOCX `gridSpan`), at least 1.
    pub colspan: usize,
    /// The cell continues a vertical merge from the row above (DOCX `vMerge`).
    pub continues: bool,
}

/// Limit on spans, against hostile markup.
const MAX_SPAN: usize = 200;

/// Limit on the grid positions that spans may cover in one table (a real
/// table has a few hundred): past it, cells count as unmerged, so that a
/// small page of huge spans cannot take gigabytes.
const MAX_SPANNED: usize = 1_000_000;

/// The grid of a table: `Some(text)` where a cell starts, `None` where a
/// position is covered by a merged cell or missing.
pub fn expand(rows: &[Vec<MarkupCell>]) -> Vec<Vec<Option<String>>> {
    let mut grid: Vec<Vec<Option<Option<String>>>> = vec![Vec::new(); rows.len()];
    let mut budget = MAX_SPANNED;
    for (r, row) in rows.iter().enumerate() {
        let mut c = 0;
        for cell in row {
            while grid[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let mut rowspan = cell.rowspan.clamp(1, MAX_SPAN).min(rows.len() - r);
            let mut colspan = cell.colspan.clamp(1, MAX_SPAN);
            let area = rowspan * colspan;
            if area > 1 && area > budget {
                (rowspan, colspan) = (1, 1);
            } else if area > 1 {
                budget -= area;
            }
            for (dr, grid_row) in grid[r..r + rowspan].iter_mut().enumerate() {
                if grid_row.len() < c + colspan {
                    grid_row.resize(c + colspan, None);
                }
                for (dc, slot) in grid_row[c..c + colspan].iter_mut().enumerate() {
                    let origin = dr == 0 && dc == 0 && !cell.continues;
                    *slot = Some(origin.then(|| clean(&cell.text)));
                }
            }
            c += colspan;
        }
    }
    grid.into_iter()
        .map(|row| row.into_iter().map(Option::flatten).collect())
        .collect()
}

/// The table as text lines: one line per row, cells separated by tabs.
pub fn to_lines(rows: &[Vec<MarkupCell>]) -> Vec<String> {
    expand(rows)
        .into_iter()
        .map(|row| row.into_iter().flatten().collect::<Vec<_>>())
        .filter(|cells| !cells.is_empty())
        .map(|cells| cells.join("\t"))
        .collect()
}

fn clean(text: &str) -> String {
    crate::html::collapse_whitespace(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str, rowspan: usize, colspan: usize) -> MarkupCell {
        MarkupCell {
            text: text.to_owned(),
            rowspan,
            colspan,
            continues: false,
        }
    }

    #[test]
    fn spans_cover_their_positions() {
        let rows = vec![
            vec![
                cell("三、本年度办理结果", 2, 1),
                cell("（一）予以公开", 1, 2),
                cell("3", 1, 1),
            ],
            vec![cell("（二）部分公开", 1, 2), cell("", 1, 1)],
        ];
        let grid = expand(&rows);
        assert_eq!(
            grid[1],
            [
                None,
                Some("（二）部分公开".to_owned()),
                None,
                Some(String::new())
            ]
        );
        assert_eq!(
            to_lines(&rows),
            ["三、本年度办理结果\t（一）予以公开\t3", "（二）部分公开\t"]
        );
    }

    #[test]
    fn huge_spans_are_clamped() {
        let rows = vec![vec![cell("甲", 1_000_000, 1_000_000)]];
        assert_eq!(to_lines(&rows), ["甲"]);
    }
}
