//! Dates as they appear in exported catalogs: `2024-03-05`, `2024/3/5`,
//! `2024.3.5`, `2024年3月5日`, `20240305`, Excel serial numbers, optionally
//! followed by a time of day.

use chrono::{Days, NaiveDate};

use super::error::DateProblem;

/// The earliest and latest year accepted (the PRC's founding; a sanity bound).
const YEARS: std::ops::RangeInclusive<i32> = 1949..=2100;

/// Reads a date written as text.
pub fn parse_date_text(text: &str) -> Result<NaiveDate, DateProblem> {
    let text = text.trim();
    // A time of day after the date (Excel and database exports) is dropped.
    let date_part = text
        .split([' ', 'T', '\u{3000}'])
        .next()
        .unwrap_or_default();
    if !date_part.is_empty() && date_part.bytes().all(|b| b.is_ascii_digit()) {
        return match date_part.len() {
            8 => ymd(
                date_part[..4].parse().map_err(|_| DateProblem::Format)?,
                date_part[4..6].parse().map_err(|_| DateProblem::Format)?,
                date_part[6..].parse().map_err(|_| DateProblem::Format)?,
            ),
            1..=6 => excel_serial(date_part.parse::<f64>().map_err(|_| DateProblem::Format)?),
            _ => Err(DateProblem::Format),
        };
    }
    let parts: Vec<&str> = date_part
        .trim_end_matches('日')
        .split(['-', '/', '.', '年', '月'])
        .collect();
    match parts.as_slice() {
        [y, m, d] if is_number(y, 4, 4) && is_number(m, 1, 2) && is_number(d, 1, 2) => ymd(
            y.parse().map_err(|_| DateProblem::Format)?,
            m.parse().map_err(|_| DateProblem::Format)?,
            d.parse().map_err(|_| DateProblem::Format)?,
        ),
        _ => Err(DateProblem::Format),
    }
}

fn is_number(part: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
}

/// A date from its parts, or why it does not exist.
fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate, DateProblem> {
    if !YEARS.contains(&year) {
        return Err(DateProblem::YearOutOfRange { year });
    }
    if !(1..=12).contains(&month) {
        return Err(DateProblem::NoSuchMonth { month });
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| DateProblem::NoSuchDay {
        year,
        month,
        day,
        days_in_month: days_in_month(year, month),
    })
}

fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(28)
}

/// A date from an Excel serial number (1900 date system: day 1 is
/// 1900-01-01, and Excel's phantom 1900-02-29 is day 60). A fraction (the
/// time of day) is dropped.
pub fn excel_serial(serial: f64) -> Result<NaiveDate, DateProblem> {
    if !serial.is_finite() || serial < 1.0 {
        return Err(DateProblem::Format);
    }
    let days = serial.floor() as u64;
    if days == 60 {
        return Err(DateProblem::NoSuchDay {
            year: 1900,
            month: 2,
            day: 29,
            days_in_month: 28,
        });
    }
    let epoch = if days > 60 {
        NaiveDate::from_ymd_opt(1899, 12, 30)
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 31)
    };
    let date = epoch
        .and_then(|e| e.checked_add_days(Days::new(days)))
        .ok_or(DateProblem::Format)?;
    if !YEARS.contains(&chrono::Datelike::year(&date)) {
        return Err(DateProblem::YearOutOfRange {
            year: chrono::Datelike::year(&date),
        });
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_written_form_is_read() {
        for text in [
            "2024-03-05",
            "2024/3/5",
            "2024.03.05",
            "2024年3月5日",
            "2024年03月05日",
            "20240305",
            " 2024-3-5 ",
            "2024-03-05 00:00:00",
            "2024/3/5 9:30",
            "2024-03-05T08:00:00",
            "45356",
        ] {
            assert_eq!(parse_date_text(text), Ok(d(2024, 3, 5)), "{text}");
        }
    }

    #[test]
    fn excel_serials_follow_the_1900_system() {
        assert_eq!(excel_serial(18264.0), Ok(d(1950, 1, 1)));
        assert_eq!(
            excel_serial(1.0),
            Err(DateProblem::YearOutOfRange { year: 1900 })
        );
        assert_eq!(
            excel_serial(61.0),
            Err(DateProblem::YearOutOfRange { year: 1900 })
        );
        assert_eq!(excel_serial(45356.75), Ok(d(2024, 3, 5)));
        assert!(matches!(
            excel_serial(60.0),
            Err(DateProblem::NoSuchDay { .. })
        ));
        assert_eq!(excel_serial(-3.0), Err(DateProblem::Format));
    }

    #[test]
    fn impossible_dates_say_why() {
        assert_eq!(
            parse_date_text("2024-02-30"),
            Err(DateProblem::NoSuchDay {
                year: 2024,
                month: 2,
                day: 30,
                days_in_month: 29
            })
        );
        assert_eq!(
            parse_date_text("2023年2月29日"),
            Err(DateProblem::NoSuchDay {
                year: 2023,
                month: 2,
                day: 29,
                days_in_month: 28
            })
        );
        assert_eq!(
            parse_date_text("2024-13-01"),
            Err(DateProblem::NoSuchMonth { month: 13 })
        );
        assert_eq!(
            parse_date_text("20241301"),
            Err(DateProblem::NoSuchMonth { month: 13 })
        );
        assert_eq!(
            parse_date_text("1024-01-01"),
            Err(DateProblem::YearOutOfRange { year: 1024 })
        );
    }

    #[test]
    fn other_text_is_not_a_date() {
        for text in [
            "",
            "下周一",
            "24-3-5",
            "2024-03",
            "2024--03-05",
            "3/5/2024",
            "202403051",
        ] {
            assert_eq!(parse_date_text(text), Err(DateProblem::Format), "{text}");
        }
    }
}
