//! Table 三 (收到和处理政府信息公开申请情况): 23 or 25 rows of seven columns.

use std::ops::Range;
use std::sync::LazyLock;

use gongkai_domain::report::{ApplicantColumn, ApplicationRow};
use gongkai_domain::{CellKey, Format};

use super::align;
use super::lines::Line;
use super::tables::{Entry, assign, pick, segments};
use super::tokens::Token;
use crate::note::ImportNote;
use crate::rows::Candidate;

/// Printed variants of row labels seen in real reports (typos and synonyms).
fn variants(row: ApplicationRow) -> &'static [&'static str] {
    match row {
        ApplicationRow::NewReceived => &["本年新收到政府信息公开申请数量"],
        ApplicationRow::CarriedOver => &["上年转结政府信息公开申请数量"],
        ApplicationRow::RejectedConfirmation => &["要求行政机关确认或重新出具已取信息"],
        ApplicationRow::OtherOverdueCorrection => {
            &["申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请"]
        }
        ApplicationRow::OtherUnpaidFee => {
            &["申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请"]
        }
        ApplicationRow::TotalProcessed => &["（七）合计"],
        ApplicationRow::CarriedForward => &["转结下年度继续办理"],
        _ => &[],
    }
}

/// The rows of table 三 with their labels prepared for matching, built once
/// per format (gb2019, gb2021): both formats' rows, the other format's marked foreign.
static CANDIDATES: LazyLock<[Vec<Candidate<ApplicationRow>>; 2]> =
    LazyLock::new(|| [candidates(Format::Gb2019), candidates(Format::Gb2021)]);

fn candidates(format: Format) -> Vec<Candidate<ApplicationRow>> {
    ApplicationRow::ALL
        .iter()
        .map(|&row| Candidate::new(row, row.label(), variants(row)).foreign(!row.in_format(format)))
        .collect()
}

/// Reads table 三 from the lines in `range`. `format` is the report's format:
/// when the report prints the other layout's （六） rows, the format's own
/// （六） rows are recorded as printed blank. `paged` input (PDF layout text)
/// places the values of rows with blank cells by their print columns.
pub fn read(
    tokens: &[Token],
    lines: &[Line],
    range: Range<usize>,
    (format, paged): (Format, bool),
    notes: &mut Vec<ImportNote>,
) -> Vec<Entry> {
    let segs = segments(tokens, range);
    let width = ApplicantColumn::ALL.len();
    let columns = if paged {
        align::reference_columns(&segs, width)
    } else {
        None
    };
    let mut entries = Vec::new();
    let mut printed = Vec::new();
    let candidates = match format {
        Format::Gb2019 => &CANDIDATES[0],
        Format::Gb2021 => &CANDIDATES[1],
    };
    for (row, segment, _) in assign(&segs, candidates) {
        let placed = columns
            .as_deref()
            .and_then(|columns| align::place(&segment.cells, columns));
        let (cells, note) = match placed {
            Some(cells) => {
                let blanks = cells.iter().filter(|c| c.num.is_none()).count();
                let note = format!("{blanks} blank cell(s) placed by the columns' print positions");
                (cells, Some(note))
            }
            None => pick(&segment.cells, width, true),
        };
        if let Some(note) = note {
            let line = cells
                .first()
                .and_then(|c| lines.get(c.line))
                .map(|l| l.global);
            notes.push(ImportNote::new(
                line,
                format!("table 三, row {}: {note}", row.full_label()),
            ));
        }
        for (col, cell) in ApplicantColumn::ALL.into_iter().zip(cells) {
            entries.push(Entry {
                key: CellKey::Application(row, col),
                cell: cell.num.map(|n| n.value),
                line: Some(cell.line),
                annotation: cell.num.and_then(|n| n.annotation.clone()),
            });
        }
        printed.push(row);
    }
    if printed.is_empty() {
        notes.push(ImportNote::new(
            None,
            "table 三 (收到和处理政府信息公开申请情况) not found",
        ));
        return entries;
    }
    blank_replaced_rows(&printed, format, &mut entries, notes);
    for row in ApplicationRow::of_format(format) {
        if !printed.contains(&row)
            && !entries
                .iter()
                .any(|e| matches!(e.key, CellKey::Application(r, _) if r == row))
        {
            notes.push(ImportNote::new(
                None,
                format!("table 三: row {} not found", row.full_label()),
            ));
        }
    }
    entries
}

/// A report that prints （六） in the other format's layout (one row instead
/// of three, or the reverse) leaves the format's own （六） rows blank.
fn blank_replaced_rows(
    printed: &[ApplicationRow],
    format: Format,
    entries: &mut Vec<Entry>,
    notes: &mut Vec<ImportNote>,
) {
    let is_other =
        |r: &ApplicationRow| r.group() == Some(gongkai_domain::report::OutcomeGroup::Other);
    let printed_other: Vec<ApplicationRow> = printed.iter().copied().filter(is_other).collect();
    if printed_other.is_empty() || printed_other.iter().any(|r| r.in_format(format)) {
        return;
    }
    let own: Vec<ApplicationRow> = ApplicationRow::of_format(format).filter(is_other).collect();
    for &row in &own {
        for col in ApplicantColumn::ALL {
            entries.push(Entry {
                key: CellKey::Application(row, col),
                cell: None,
                line: None,
                annotation: None,
            });
        }
    }
    let names: Vec<String> = own.iter().map(|r| r.full_label()).collect();
    notes.push(ImportNote::new(
        None,
        format!(
            "table 三: （六）其他处理 is printed in the other format's layout; the {} row(s) of {} are recorded blank: {}",
            own.len(),
            format.key(),
            names.join("; ")
        ),
    ));
}
