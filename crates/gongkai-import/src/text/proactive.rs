//! Table 二 (主动公开政府信息情况): rows of the printed layout, money in the unit of its key.

use std::ops::Range;
use std::sync::LazyLock;

use gongkai_domain::report::{ProactiveField, ProactiveRow};
use gongkai_domain::{CellKey, Format};
use rust_decimal::Decimal;

use super::lines::Line;
use super::tables::{Entry, assign, pick, segments};
use super::tokens::{Num, Tok, Token, Unit};
use crate::note::ImportNote;
use crate::rows::Candidate;

/// Column labels only one layout prints.
const GB2021_MARKS: [&str; 4] = [
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年收费金额",
];
const GB2019_MARKS: [&str; 5] = [
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "采购项目数量",
];

/// The printed layout of table 二: decided by its column labels, else by the year.
pub fn layout(tokens: &[Token], range: Range<usize>, fallback: Format) -> Format {
    let text: String = tokens
        .iter()
        .filter(|t| range.contains(&t.line))
        .filter_map(|t| match &t.tok {
            Tok::Text(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    let count = |marks: &[&str]| marks.iter().filter(|m| text.contains(*m)).count();
    match (count(&GB2019_MARKS), count(&GB2021_MARKS)) {
        (a, b) if a > b => Format::Gb2019,
        (a, b) if b > a => Format::Gb2021,
        _ => fallback,
    }
}

/// The rows each layout prints, with their labels prepared for matching, built once.
static CANDIDATES: LazyLock<[Vec<Candidate<ProactiveRow>>; 2]> =
    LazyLock::new(|| [candidates(Format::Gb2019), candidates(Format::Gb2021)]);

fn candidates(layout: Format) -> Vec<Candidate<ProactiveRow>> {
    ProactiveRow::ALL
        .into_iter()
        .filter(|row| !row.fields(layout).is_empty())
        .map(|row| match row {
            ProactiveRow::NormativeDocuments => {
                Candidate::new(row, row.label(layout), &["规范性文件", "行政规范性文件"])
            }
            _ => Candidate::new(row, row.label(layout), &[]),
        })
        .collect()
}

/// Reads table 二 from the lines in `range`, printed in `layout`.
pub fn read(
    tokens: &[Token],
    lines: &[Line],
    range: Range<usize>,
    layout: Format,
    notes: &mut Vec<ImportNote>,
) -> Vec<Entry> {
    let segs = segments(tokens, range);
    let candidates = match layout {
        Format::Gb2019 => &CANDIDATES[0],
        Format::Gb2021 => &CANDIDATES[1],
    };
    let mut entries = Vec::new();
    for (row, segment, context) in assign(&segs, candidates) {
        let fields = row.fields(layout);
        let (cells, note) = pick(&segment.cells, fields.len(), false);
        if let Some(note) = note {
            let line = cells
                .first()
                .and_then(|c| lines.get(c.line))
                .map(|l| l.global);
            notes.push(ImportNote::new(
                line,
                format!("table 二, row {}: {note}", row.label(layout)),
            ));
        }
        for (&field, cell) in fields.iter().zip(cells) {
            entries.push(Entry {
                key: CellKey::Proactive(row, field),
                cell: cell.num.map(|n| value_in_key_unit(n, field, &context)),
                line: Some(cell.line),
                annotation: cell.num.and_then(|n| n.annotation.clone()),
            });
        }
    }
    if entries.is_empty() {
        notes.push(ImportNote::new(
            None,
            "table 二 (主动公开政府信息情况) not found",
        ));
    }
    entries
}

/// Money in the unit the key names: `amount_yuan` in 元, `amount_wan_yuan` in
/// 万元; a unit printed in the cell wins over one in the column header.
fn value_in_key_unit(num: &Num, field: ProactiveField, header: &str) -> Decimal {
    let ten_thousand = Decimal::from(10_000);
    match (field, num.unit) {
        (ProactiveField::AmountYuan, Unit::WanYuan) => num.value * ten_thousand,
        (ProactiveField::AmountYuan, Unit::None) if header.contains("万元") => {
            num.value * ten_thousand
        }
        (ProactiveField::AmountWanYuan, Unit::Yuan) => num.value / ten_thousand,
        _ => num.value,
    }
}
