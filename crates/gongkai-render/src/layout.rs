//! The official table layouts as a grid of cells with row and column spans.
//!
//! Every output format renders the same [`Grid`]s, so the merges of the
//! official template (国办公开办函〔2021〕30号 and its 2019 predecessor) are
//! worked out exactly once, here. Labels and row order come from
//! `gongkai_domain`; nothing is re-typed.

use gongkai_domain::report::applications::{
    APPLICANT_HEADER_LABEL, BALANCE_NOTE, ORGANISATION_GROUP_LABEL, RESULTS_GROUP_LABEL,
};
use gongkai_domain::report::proactive::CONTENT_LABEL;
use gongkai_domain::report::reviews::LITIGATION_LABEL;
use gongkai_domain::report::{
    ApplicantColumn, ApplicationRow, OutcomeGroup, ReviewColumn, ReviewGroup, ValueKind,
    proactive_blocks,
};
use gongkai_domain::{CellKey, Format, Report, Section};
use rust_decimal::Decimal;

/// What a cell of the grid is for; output formats style and tag cells by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A caption row inside a table (“第二十条第（一）项”), spanning all columns.
    Caption,
    /// The explanatory note in the top-left corner of table 三.
    Note,
    /// A column header.
    ColumnHeader,
    /// A row label.
    RowHeader,
    /// A number (or a blank) of the report.
    Data,
}

/// What a cell shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// Fixed text of the official layout.
    Label(&'static str),
    /// A cell of the report: `None` is blank (printed blank or not printed), never 0.
    Value(Option<Decimal>, ValueKind),
}

impl Content {
    /// The text as printed: labels verbatim, numbers as stored (`7730.28`, `550`), 本年增/减
    /// with its sign (`+8`, `-7`), blanks empty.
    pub fn text(&self) -> String {
        match self {
            Content::Label(text) => (*text).to_owned(),
            Content::Value(Some(value), ValueKind::SignedCount)
                if value.is_sign_positive() && !value.is_zero() =>
            {
                format!("+{}", format_number(*value))
            }
            Content::Value(value, _) => value.map(format_number).unwrap_or_default(),
        }
    }
}

/// A number as printed: integers without decimals, money with the decimals it has.
pub fn format_number(value: Decimal) -> String {
    value.normalize().to_string()
}

/// One cell anchored at (`row`, `col`) and covering `rowspan` × `colspan` grid slots.
#[derive(Debug, Clone, PartialEq)]
pub struct GridCell {
    /// Row of the top-left slot.
    pub row: usize,
    /// Column of the top-left slot.
    pub col: usize,
    /// Number of grid rows covered (≥ 1).
    pub rowspan: usize,
    /// Number of grid columns covered (≥ 1).
    pub colspan: usize,
    /// What the cell is for.
    pub role: Role,
    /// What it shows.
    pub content: Content,
}

/// What occupies one slot of the grid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Slot<'a> {
    /// The top-left slot of a cell.
    Anchor(&'a GridCell),
    /// The first slot, in a later row, of a cell that spans rows (DOCX `vMerge="continue"`).
    Continue(&'a GridCell),
    /// Any other slot covered by a spanning cell (absorbed by `gridSpan`/`colspan`).
    Covered,
    /// A slot no cell covers (never produced by the official layouts).
    Empty,
}

/// One official table as a grid of merged cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// The section the table belongs to.
    pub section: Section,
    /// Column widths in twentieths of a point, in the proportions of the official template.
    pub widths: Vec<u32>,
    /// Number of grid rows.
    pub row_count: usize,
    /// The cells in reading order (by anchor row, then column).
    pub cells: Vec<GridCell>,
}

impl Grid {
    fn new(section: Section, widths: Vec<u32>) -> Grid {
        Grid {
            section,
            widths,
            row_count: 0,
            cells: Vec::new(),
        }
    }

    /// The short caption of the table: the section heading without its numeral.
    pub fn caption(&self) -> &'static str {
        let heading = self.section.heading();
        heading.split_once('、').map_or(heading, |(_, rest)| rest)
    }

    /// Number of grid columns.
    pub fn column_count(&self) -> usize {
        self.widths.len()
    }

    /// The cells anchored in `row`, left to right.
    pub fn row_cells(&self, row: usize) -> impl Iterator<Item = &GridCell> {
        self.cells.iter().filter(move |c| c.row == row)
    }

    /// The cell covering slot (`row`, `col`), if any.
    pub fn cell_at(&self, row: usize, col: usize) -> Option<&GridCell> {
        self.cells.iter().find(|c| {
            (c.row..c.row + c.rowspan).contains(&row) && (c.col..c.col + c.colspan).contains(&col)
        })
    }

    /// What occupies slot (`row`, `col`).
    pub fn slot(&self, row: usize, col: usize) -> Slot<'_> {
        match self.cell_at(row, col) {
            None => Slot::Empty,
            Some(cell) if cell.col != col => Slot::Covered,
            Some(cell) if cell.row == row => Slot::Anchor(cell),
            Some(cell) => Slot::Continue(cell),
        }
    }

    fn push(
        &mut self,
        row: usize,
        col: usize,
        rowspan: usize,
        colspan: usize,
        role: Role,
        content: Content,
    ) {
        self.row_count = self.row_count.max(row + rowspan);
        self.cells.push(GridCell {
            row,
            col,
            rowspan,
            colspan,
            role,
            content,
        });
    }

    fn label(
        &mut self,
        row: usize,
        col: usize,
        rowspan: usize,
        colspan: usize,
        role: Role,
        text: &'static str,
    ) {
        self.push(row, col, rowspan, colspan, role, Content::Label(text));
    }

    fn value(&mut self, report: &Report, row: usize, col: usize, colspan: usize, key: CellKey) {
        let content = Content::Value(report.value(key), key.kind());
        self.push(row, col, 1, colspan, Role::Data, content);
    }
}

/// The three tables of `report` (二, 三, 四) in printed order.
pub fn tables(report: &Report) -> [Grid; 3] {
    [
        proactive_table(report),
        applications_table(report),
        reviews_table(report),
    ]
}

/// The table of `section`, for the three sections that have one.
pub fn table_of(report: &Report, section: Section) -> Option<Grid> {
    match section {
        Section::Proactive => Some(proactive_table(report)),
        Section::Applications => Some(applications_table(report)),
        Section::Reviews => Some(reviews_table(report)),
        _ => None,
    }
}

/// Table 二: per block a caption row, a header row and the rows. Blocks with
/// fewer fields than the widest block let their fields span the spare columns,
/// as the template does for 本年处理决定数量.
pub fn proactive_table(report: &Report) -> Grid {
    let format = report.format;
    let blocks = proactive_blocks(format);
    let data_cols = blocks
        .iter()
        .map(|b| b.fields(format).len())
        .max()
        .unwrap_or(1)
        .max(1);
    let mut grid = Grid::new(Section::Proactive, vec![2435; data_cols + 1]);
    let mut row = 0;
    for block in blocks {
        let fields = block.fields(format);
        grid.label(row, 0, 1, data_cols + 1, Role::Caption, block.caption);
        grid.label(row + 1, 0, 1, 1, Role::ColumnHeader, CONTENT_LABEL);
        let spans = spread(data_cols, fields.len());
        let mut col = 1;
        for (field, &span) in fields.iter().zip(&spans) {
            grid.label(
                row + 1,
                col,
                1,
                span,
                Role::ColumnHeader,
                field.label(format),
            );
            col += span;
        }
        row += 2;
        for &proactive_row in block.rows {
            grid.label(row, 0, 1, 1, Role::RowHeader, proactive_row.label(format));
            let mut col = 1;
            for (&field, &span) in fields.iter().zip(&spans) {
                grid.value(
                    report,
                    row,
                    col,
                    span,
                    CellKey::Proactive(proactive_row, field),
                );
                col += span;
            }
            row += 1;
        }
    }
    grid
}

/// Splits `columns` among `parts` fields: equal shares, the last takes the rest.
fn spread(columns: usize, parts: usize) -> Vec<usize> {
    if parts == 0 {
        return Vec::new();
    }
    let share = (columns / parts).max(1);
    let mut spans = vec![share; parts];
    if let Some(last) = spans.last_mut() {
        *last = columns.saturating_sub(share * (parts - 1)).max(1);
    }
    spans
}

/// Number of label columns of table 三: 三、本年度办理结果, the outcome group, the sub-item.
const APPLICATION_LABEL_COLS: usize = 3;

/// Table 三 with the merges of the template: the note over three header rows
/// and the three label columns, 申请人情况 over the seven columns, the vertical
/// 三、本年度办理结果 over every outcome row, and a group cell over each group's
/// numbered sub-rows.
pub fn applications_table(report: &Report) -> Grid {
    // The template's proportions (754, 921, 3271, 7 × 685) leave no room for
    // four-digit counts once scaled to an A4 text width; the long label column
    // gives some of its width to the numbers.
    let widths = [680, 880, 2810].into_iter().chain([768; 7]).collect();
    let mut grid = Grid::new(Section::Applications, widths);
    let first_data = APPLICATION_LABEL_COLS;
    grid.label(0, 0, 3, APPLICATION_LABEL_COLS, Role::Note, BALANCE_NOTE);
    grid.label(
        0,
        first_data,
        1,
        ApplicantColumn::ALL.len(),
        Role::ColumnHeader,
        APPLICANT_HEADER_LABEL,
    );
    let organisations = ApplicantColumn::ALL
        .iter()
        .filter(|c| c.is_organisation())
        .count();
    let mut group_written = false;
    for (col, column) in (first_data..).zip(ApplicantColumn::ALL) {
        if column.is_organisation() {
            if !group_written {
                grid.label(
                    1,
                    col,
                    1,
                    organisations,
                    Role::ColumnHeader,
                    ORGANISATION_GROUP_LABEL,
                );
                group_written = true;
            }
            grid.label(2, col, 1, 1, Role::ColumnHeader, column.label());
        } else {
            grid.label(1, col, 2, 1, Role::ColumnHeader, column.label());
        }
    }

    let rows = printed_application_rows(report);
    let outcome_rows = rows.iter().filter(|r| r.group().is_some()).count();
    let mut row = 3;
    let mut index = 0;
    while let Some(&application_row) = rows.get(index) {
        match application_row.group() {
            None => grid.label(
                row,
                0,
                1,
                APPLICATION_LABEL_COLS,
                Role::RowHeader,
                application_row.label(),
            ),
            Some(group) => {
                if rows[..index].iter().all(|r| r.group().is_none()) {
                    grid.label(
                        row,
                        0,
                        outcome_rows,
                        1,
                        Role::RowHeader,
                        RESULTS_GROUP_LABEL,
                    );
                }
                if application_row.label() == group.label() {
                    grid.label(row, 1, 1, 2, Role::RowHeader, application_row.label());
                } else {
                    let starts_group = index == 0 || rows[index - 1].group() != Some(group);
                    if starts_group {
                        let members = rows[index..]
                            .iter()
                            .take_while(|r| r.group() == Some(group))
                            .count();
                        grid.label(row, 1, members, 1, Role::RowHeader, group.label());
                    }
                    grid.label(row, 2, 1, 1, Role::RowHeader, application_row.label());
                }
            }
        }
        for (offset, column) in ApplicantColumn::ALL.into_iter().enumerate() {
            grid.value(
                report,
                row,
                first_data + offset,
                1,
                CellKey::Application(application_row, column),
            );
        }
        row += 1;
        index += 1;
    }
    grid
}

/// The table-三 rows as the report prints them: the rows of its format, except
/// that （六）其他处理 is shown as the report has it — the single row of the
/// 2019 layout or the three sub-rows of the 2021 layout — when the report
/// prints the other layout's variant instead of its own.
pub fn printed_application_rows(report: &Report) -> Vec<ApplicationRow> {
    let own: Vec<ApplicationRow> = ApplicationRow::of_format(report.format).collect();
    let other_format = match report.format {
        Format::Gb2019 => Format::Gb2021,
        Format::Gb2021 => Format::Gb2019,
    };
    let is_other = |r: &ApplicationRow| r.group() == Some(OutcomeGroup::Other);
    let own_other: Vec<ApplicationRow> = own.iter().copied().filter(is_other).collect();
    let alternative: Vec<ApplicationRow> = ApplicationRow::of_format(other_format)
        .filter(|r| is_other(r) && !own_other.contains(r))
        .collect();
    let printed = |rows: &[ApplicationRow]| rows.iter().any(|&r| report.has_application_row(r));
    let blank = |rows: &[ApplicationRow]| rows.iter().all(|&r| report.application_row_is_blank(r));
    let use_alternative = printed(&alternative)
        && blank(&own_other)
        && (!blank(&alternative) || !printed(&own_other));
    if !use_alternative {
        return own;
    }
    let mut rows = Vec::with_capacity(own.len());
    for row in own {
        if is_other(&row) {
            if rows.last().is_none_or(|r: &ApplicationRow| !is_other(r)) {
                rows.extend(alternative.iter().copied());
            }
        } else {
            rows.push(row);
        }
    }
    rows
}

/// Table 四: 行政复议 and 行政诉讼 over three header rows, then one row of 15 numbers.
pub fn reviews_table(report: &Report) -> Grid {
    let per_group = ReviewColumn::ALL.len();
    let mut grid = Grid::new(
        Section::Reviews,
        vec![650; per_group * ReviewGroup::ALL.len()],
    );
    let mut col = 0;
    for group in ReviewGroup::ALL {
        if group == ReviewGroup::Reconsideration {
            grid.label(0, col, 1, per_group, Role::ColumnHeader, group.label());
            for column in ReviewColumn::ALL {
                grid.label(1, col, 2, 1, Role::ColumnHeader, column.label());
                col += 1;
            }
        } else {
            if group == ReviewGroup::LitigationDirect {
                let litigation_cols = per_group * (ReviewGroup::ALL.len() - 1);
                grid.label(
                    0,
                    col,
                    1,
                    litigation_cols,
                    Role::ColumnHeader,
                    LITIGATION_LABEL,
                );
            }
            grid.label(1, col, 1, per_group, Role::ColumnHeader, group.label());
            for column in ReviewColumn::ALL {
                grid.label(2, col, 1, 1, Role::ColumnHeader, column.label());
                col += 1;
            }
        }
    }
    let mut col = 0;
    for group in ReviewGroup::ALL {
        for column in ReviewColumn::ALL {
            grid.value(report, 3, col, 1, CellKey::Review(group, column));
            col += 1;
        }
    }
    grid
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covered_once(grid: &Grid) {
        for row in 0..grid.row_count {
            for col in 0..grid.column_count() {
                let covering = grid
                    .cells
                    .iter()
                    .filter(|c| {
                        (c.row..c.row + c.rowspan).contains(&row)
                            && (c.col..c.col + c.colspan).contains(&col)
                    })
                    .count();
                assert_eq!(covering, 1, "{:?} slot ({row}, {col})", grid.section);
            }
        }
    }

    #[test]
    fn every_slot_is_covered_exactly_once() {
        for year in [2020, 2023] {
            for grid in tables(&Report::skeleton(None, year)) {
                covered_once(&grid);
            }
        }
    }

    #[test]
    fn results_label_spans_the_outcome_rows() {
        for (year, span) in [(2020, 20), (2023, 22)] {
            let grid = applications_table(&Report::skeleton(None, year));
            let results = grid
                .cells
                .iter()
                .find(|c| c.content == Content::Label(RESULTS_GROUP_LABEL));
            assert_eq!(results.map(|c| (c.row, c.rowspan)), Some((5, span)));
        }
    }

    #[test]
    fn a_2021_report_printing_the_single_other_row_keeps_it() {
        let mut report = Report::skeleton(None, 2023);
        for row in [
            ApplicationRow::OtherOverdueCorrection,
            ApplicationRow::OtherUnpaidFee,
            ApplicationRow::OtherOther,
        ] {
            for col in ApplicantColumn::ALL {
                report.set(CellKey::Application(row, col), None);
            }
        }
        for col in ApplicantColumn::ALL {
            report.set(
                CellKey::Application(ApplicationRow::Other, col),
                Some(Decimal::ZERO),
            );
        }
        let rows = printed_application_rows(&report);
        assert!(rows.contains(&ApplicationRow::Other));
        assert!(!rows.contains(&ApplicationRow::OtherOther));
        assert_eq!(rows.len(), 23);
    }

    #[test]
    fn a_2019_report_printing_sub_rows_keeps_them() {
        let mut report = Report::skeleton(None, 2020);
        report.remove(CellKey::Application(
            ApplicationRow::Other,
            ApplicantColumn::Total,
        ));
        for col in ApplicantColumn::ALL {
            report.remove(CellKey::Application(ApplicationRow::Other, col));
            report.set(
                CellKey::Application(ApplicationRow::OtherOther, col),
                Some(Decimal::ONE),
            );
        }
        let rows = printed_application_rows(&report);
        assert!(!rows.contains(&ApplicationRow::Other));
        assert_eq!(
            rows.iter()
                .filter(|r| r.group() == Some(OutcomeGroup::Other))
                .count(),
            3
        );
    }

    #[test]
    fn spread_fills_the_columns() {
        assert_eq!(spread(3, 1), vec![3]);
        assert_eq!(spread(3, 2), vec![1, 2]);
        assert_eq!(spread(3, 3), vec![1, 1, 1]);
    }
}
