//! This year against the previous year's published report, row by row.

use gongkai_domain::report::{ApplicantColumn, ReviewColumn};
use gongkai_domain::{CellKey, Report};
use gongkai_render::layout::format_number;
use rust_decimal::Decimal;

/// One compared figure.
#[derive(Debug, Clone)]
pub(crate) struct CompareRow {
    /// The table (二, 三, 四).
    pub table: &'static str,
    /// The row and column as printed.
    pub label: String,
    pub current: String,
    pub previous: String,
    /// `+3`, `-12`, `—` when either side is blank.
    pub change: String,
    /// The relative change (`+25%`), when the previous value is not 0.
    pub percent: String,
    /// A change a reader will ask about: at least half again or half less
    /// and at least 5 in absolute terms (or from 0 to 5 and more).
    pub big: bool,
}

/// Whether a change from `previous` to `current` deserves a highlight.
pub(crate) fn is_big_change(previous: Decimal, current: Decimal) -> bool {
    let diff = (current - previous).abs();
    if diff < Decimal::from(5) {
        return false;
    }
    previous.is_zero() || diff * Decimal::from(2) >= previous.abs()
}

/// The cells compared: all of table 二, the total column of table 三, the
/// totals of table 四, in printed order.
fn compared_keys(report: &Report) -> Vec<(&'static str, CellKey)> {
    let mut keys = Vec::new();
    for key in CellKey::of_format(report.format) {
        match key {
            CellKey::Proactive(..) => keys.push(("二", key)),
            CellKey::Application(_, ApplicantColumn::Total) => keys.push(("三", key)),
            CellKey::Review(_, ReviewColumn::Total) => keys.push(("四", key)),
            _ => {}
        }
    }
    keys
}

/// The comparison of `current` with `previous`, row by row.
pub(crate) fn compare(current: &Report, previous: &Report) -> Vec<CompareRow> {
    compared_keys(current)
        .into_iter()
        .map(|(table, key)| {
            let now = current.value(key);
            let before = previous.value(key);
            let shown = |v: Option<Decimal>| v.map_or_else(|| "—".to_owned(), format_number);
            let (change, percent, big) = match (now, before) {
                (Some(now), Some(before)) => {
                    let diff = now - before;
                    let sign = if diff.is_sign_positive() && !diff.is_zero() {
                        "+"
                    } else {
                        ""
                    };
                    let percent = if before.is_zero() {
                        String::new()
                    } else {
                        let p = (diff * Decimal::from(100) / before.abs()).round();
                        format!("{sign}{p}%")
                    };
                    (
                        format!("{sign}{}", format_number(diff)),
                        percent,
                        is_big_change(before, now),
                    )
                }
                _ => ("—".to_owned(), String::new(), false),
            };
            CompareRow {
                table,
                label: key.label(current.format),
                current: shown(now),
                previous: shown(before),
                change,
                percent,
                big,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use gongkai_domain::report::ApplicationRow;

    #[test]
    fn big_changes() {
        let d = Decimal::from;
        assert!(is_big_change(d(10), d(20)));
        assert!(is_big_change(d(0), d(5)));
        assert!(is_big_change(d(20), d(10)));
        assert!(!is_big_change(d(2), d(6)), "small numbers are noise");
        assert!(!is_big_change(d(100), d(130)));
    }

    #[test]
    fn rows_show_both_years_and_the_change() {
        let mut now = Report::skeleton(None, 2024);
        let mut before = Report::skeleton(None, 2023);
        let key = CellKey::Application(ApplicationRow::NewReceived, ApplicantColumn::Total);
        now.set(key, Some(Decimal::from(30)));
        before.set(key, Some(Decimal::from(12)));
        let rows = compare(&now, &before);
        let row = rows
            .iter()
            .find(|r| r.label.contains("本年新收") && r.table == "三")
            .unwrap();
        assert_eq!((row.current.as_str(), row.previous.as_str()), ("30", "12"));
        assert_eq!(
            (row.change.as_str(), row.percent.as_str()),
            ("+18", "+150%")
        );
        assert!(row.big);
        assert!(rows.iter().filter(|r| r.table == "二").count() == 10);
    }
}
