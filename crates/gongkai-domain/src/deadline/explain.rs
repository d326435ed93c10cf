//! Why a date is what it is: the holidays a period crossed, in words an
//! officer can read out to an applicant (“其间国庆节、中秋节（10月1日至8日）不计入”).

use chrono::{Datelike, Days, NaiveDate};

use super::HolidaySpan;
use crate::calendar::{CalendarError, WorkCalendar};

/// The suffix of a computed make-up rest day in a provisional year.
const MAKE_UP: &str = "（补假）";

/// The holiday rest days named by a notice (or, in a provisional year,
/// computed from the 放假办法) in `(start, end]`, as runs of consecutive
/// days of one holiday; ordinary weekends inside a run belong to it.
pub(super) fn holidays_in(
    cal: &WorkCalendar,
    start: NaiveDate,
    end: NaiveDate,
) -> Result<Vec<HolidaySpan>, CalendarError> {
    let mut spans: Vec<HolidaySpan> = Vec::new();
    let mut day = start;
    while day < end {
        day = day
            .checked_add_days(Days::new(1))
            .ok_or(CalendarError::YearNotCovered { year: day.year() })?;
        let Some(entry) = cal.entry(day).filter(|e| e.is_off_day) else {
            continue;
        };
        let name = entry.name.trim_end_matches(MAKE_UP);
        let provisional = cal.is_provisional(day);
        if let Some(last) = spans.last_mut().filter(|s| s.name == name) {
            // Joined over the weekend days between (a Friday and a Monday).
            if (day - last.last).num_days() <= 3 {
                last.last = day;
                last.provisional |= provisional;
                continue;
            }
        }
        spans.push(HolidaySpan {
            name: name.to_owned(),
            first: day,
            last: day,
            provisional,
        });
    }
    Ok(spans)
}

/// `10月1日至8日`, `12月31日至1月1日`, `5月1日`.
fn span_text(span: &HolidaySpan) -> String {
    let (a, b) = (span.first, span.last);
    if a == b {
        format!("{}月{}日", a.month(), a.day())
    } else if a.month() == b.month() {
        format!("{}月{}日至{}日", a.month(), a.day(), b.day())
    } else {
        format!("{}月{}日至{}月{}日", a.month(), a.day(), b.month(), b.day())
    }
}

/// “；其间国庆节、中秋节（10月1日至8日）不计入” — empty when no holiday
/// fell in the period.
pub(super) fn holidays_clause(spans: &[HolidaySpan]) -> String {
    if spans.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = spans
        .iter()
        .map(|s| {
            let note = if s.provisional {
                "，按放假办法推算"
            } else {
                ""
            };
            format!("{}（{}{note}）", s.name, span_text(s))
        })
        .collect();
    format!("；其间{}放假，不计入工作日", parts.join("、"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn national_day_2025_is_one_span() {
        let cal = WorkCalendar::national().expect("data");
        let spans = holidays_in(cal, d("2025-09-28"), d("2025-10-14")).expect("counts");
        assert_eq!(
            holidays_clause(&spans),
            "；其间国庆节、中秋节（10月1日至8日）放假，不计入工作日"
        );
    }

    #[test]
    fn provisional_spans_say_so_and_join_make_up_days() {
        let cal = WorkCalendar::operational().expect("data");
        let spans = holidays_in(cal, d("2027-02-01"), d("2027-02-20")).expect("counts");
        assert_eq!(
            holidays_clause(&spans),
            "；其间春节（2月5日至10日，按放假办法推算）放假，不计入工作日"
        );
    }
}
