//! Markdown for review. Markdown tables cannot merge cells, so merged labels
//! are flattened into paths: “三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密”.

use std::fmt::Write as _;

use gongkai_domain::{Report, Section};

use crate::document::{self, Block};
use crate::layout::{self, Grid, GridCell, Role};

/// The report as Markdown: title, the six sections with their narratives, and
/// the three tables as GitHub tables with flattened headers and row labels.
pub fn markdown(report: &Report) -> String {
    let mut out = format!("# {}\n", escape(&document::title(report)));
    for section in Section::ALL {
        let _ = write!(out, "\n## {}\n", escape(section.heading()));
        for block in document::narrative(report, section) {
            match block {
                Block::Subhead(text) => {
                    let _ = write!(out, "\n### {}\n", escape(text));
                }
                Block::Paragraph(text) => {
                    let _ = write!(out, "\n{}\n", escape(text));
                }
            }
        }
        if let Some(grid) = layout::table_of(report, section) {
            out.push_str(&table(&grid));
        }
    }
    out
}

/// A run of rows that becomes one Markdown table: an optional caption row,
/// header rows, then data rows.
struct Segment {
    caption: Option<String>,
    header: Vec<usize>,
    body: Vec<usize>,
}

fn segments(grid: &Grid) -> Vec<Segment> {
    let mut segments: Vec<Segment> = Vec::new();
    for row in 0..grid.row_count {
        let roles: Vec<Role> = grid.row_cells(row).map(|c| c.role).collect();
        let is_caption = roles.contains(&Role::Caption);
        let is_header = !roles.is_empty()
            && roles
                .iter()
                .all(|r| matches!(r, Role::ColumnHeader | Role::Note));
        let starts_new = match segments.last() {
            None => true,
            Some(last) => is_caption || (is_header && !last.body.is_empty()),
        };
        if starts_new {
            segments.push(Segment {
                caption: None,
                header: Vec::new(),
                body: Vec::new(),
            });
        }
        let Some(segment) = segments.last_mut() else {
            continue;
        };
        if is_caption {
            segment.caption = grid.row_cells(row).next().map(|c| c.content.text());
        } else if is_header {
            segment.header.push(row);
        } else {
            segment.body.push(row);
        }
    }
    segments
}

/// Texts of the distinct cells covering the slots, in order, joined by “ / ”.
fn path<'a>(cells: impl Iterator<Item = Option<&'a GridCell>>) -> String {
    let mut seen: Vec<&GridCell> = Vec::new();
    for cell in cells.flatten() {
        if !seen.iter().any(|s| std::ptr::eq(*s, cell)) {
            seen.push(cell);
        }
    }
    seen.iter()
        .map(|c| escape(&c.content.text()))
        .collect::<Vec<_>>()
        .join(" / ")
}

fn table(grid: &Grid) -> String {
    let mut out = String::new();
    for segment in segments(grid) {
        if let Some(caption) = &segment.caption {
            let _ = write!(out, "\n**{}**\n", escape(caption));
        }
        let Some(&first_body) = segment.body.first() else {
            continue;
        };
        let columns = 0..grid.column_count();
        let label_cols: Vec<usize> = columns
            .clone()
            .filter(|&c| {
                grid.cell_at(first_body, c)
                    .is_some_and(|cell| cell.role == Role::RowHeader)
            })
            .collect();
        let rows: Vec<usize> = segment
            .header
            .iter()
            .chain(&segment.body)
            .copied()
            .collect();
        // Grid columns that are one logical column: covered by the same cell in every row.
        let mut data_cols: Vec<usize> = Vec::new();
        for col in columns.filter(|c| !label_cols.contains(c)) {
            let merged = col > 0
                && !data_cols.is_empty()
                && !label_cols.contains(&(col - 1))
                && rows.iter().all(
                    |&r| match (grid.cell_at(r, col - 1), grid.cell_at(r, col)) {
                        (Some(a), Some(b)) => std::ptr::eq(a, b),
                        _ => false,
                    },
                );
            if !merged {
                data_cols.push(col);
            }
        }
        let mut header: Vec<String> = Vec::new();
        let mut rule: Vec<&str> = Vec::new();
        if !label_cols.is_empty() {
            let slots = segment
                .header
                .iter()
                .flat_map(|&r| label_cols.iter().map(move |&c| (r, c)));
            header.push(path(slots.map(|(r, c)| grid.cell_at(r, c))));
            rule.push("---");
        }
        for &col in &data_cols {
            header.push(path(segment.header.iter().map(|&r| grid.cell_at(r, col))));
            rule.push("---:");
        }
        let _ = write!(
            out,
            "\n| {} |\n| {} |\n",
            header.join(" | "),
            rule.join(" | ")
        );
        for &row in &segment.body {
            let mut cells: Vec<String> = Vec::new();
            if !label_cols.is_empty() {
                cells.push(path(label_cols.iter().map(|&c| grid.cell_at(row, c))));
            }
            for &col in &data_cols {
                cells.push(
                    grid.cell_at(row, col)
                        .map(|c| escape(&c.content.text()))
                        .unwrap_or_default(),
                );
            }
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
    }
    out
}

/// Escapes text so that it stays literal in Markdown and cannot inject HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    out
}
