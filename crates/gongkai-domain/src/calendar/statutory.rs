//! The statutory holidays of 《全国年节及纪念日放假办法》, computed for a
//! year whose State Council schedule is not yet published.
//!
//! The 办法 fixes the holidays "for all citizens" (Art. 2) and requires that
//! one falling on a Saturday or Sunday be made up on a working day (Art. 6:
//! 适逢周六、周日，应当在工作日补假). What it leaves to the yearly notice is
//! only *where* the make-up day goes and which weekends are swapped (调休).
//! So for an unpublished year the rest days that are certain are the
//! holidays themselves, and the make-up days are placed on the first
//! weekdays after the holiday, as the notices almost always do (checked
//! against every bundled year in the tests). Lunar dates (春节, 端午, 中秋)
//! and the 清明 solar term come from the `tyme4rs` calendar library.
//!
//! Versions of the 办法 (each from 1 January of the year named):
//! - 2008 (2007 revision): 春节 除夕、初一、初二; 劳动节 5月1日;
//! - 2014 (2013 revision): 春节 初一至初三;
//! - 2025 (2024 revision): 春节 除夕、初一至初三; 劳动节 5月1日、2日.
//!
//! Every version: 元旦 1月1日, 清明节, 端午节, 中秋节 (one day each),
//! 国庆节 10月1日至3日.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use tyme4rs::tyme::lunar::LunarDay;
use tyme4rs::tyme::solar::SolarTerm;

use super::{CalendarError, DayEntry};

/// The first year the rules here describe (the 2007 revision took effect on
/// 2008-01-01; the bundled notices start the same year).
pub const FIRST_YEAR: i32 = 2008;

/// The suffix of a make-up rest day's name (“国庆节（补假）”).
const MAKE_UP: &str = "（补假）";

/// One holiday of a year with its statutory days, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatutoryHoliday {
    /// The holiday's name as the notices write it (“春节”).
    pub name: &'static str,
    /// The days the 办法 gives, in order.
    pub days: Vec<NaiveDate>,
}

fn date(year: i32, month: u32, day: u32) -> Result<NaiveDate, CalendarError> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or(CalendarError::YearNotCovered { year })
}

fn lunar(year: i32, month: isize, day: usize) -> Result<NaiveDate, CalendarError> {
    let solar = LunarDay::new(year as isize, month, day)
        .map_err(|_| CalendarError::YearNotCovered { year })?
        .get_solar_day();
    let m = u32::try_from(solar.get_month()).unwrap_or(0);
    let d = u32::try_from(solar.get_day()).unwrap_or(0);
    date(i32::try_from(solar.get_year()).unwrap_or(year), m, d)
}

fn qingming(year: i32) -> Result<NaiveDate, CalendarError> {
    let solar = SolarTerm::new(year as isize, "清明")
        .map_err(|_| CalendarError::YearNotCovered { year })?
        .get_solar_day();
    date(
        year,
        u32::try_from(solar.get_month()).unwrap_or(0),
        u32::try_from(solar.get_day()).unwrap_or(0),
    )
}

/// The statutory holidays of `year` under the version of the 办法 in force
/// on its 1 January (Art. 2), without make-up days.
pub fn holidays(year: i32) -> Result<Vec<StatutoryHoliday>, CalendarError> {
    if !(FIRST_YEAR..=2100).contains(&year) {
        return Err(CalendarError::YearNotCovered { year });
    }
    let new_year = lunar(year, 1, 1)?;
    let eve = new_year
        .checked_sub_days(Days::new(1))
        .ok_or(CalendarError::YearNotCovered { year })?;
    let after = |n: u64| {
        new_year
            .checked_add_days(Days::new(n))
            .ok_or(CalendarError::YearNotCovered { year })
    };
    let spring = match year {
        ..2014 => vec![eve, new_year, after(1)?],
        2014..2025 => vec![new_year, after(1)?, after(2)?],
        _ => vec![eve, new_year, after(1)?, after(2)?],
    };
    let labour = if year >= 2025 {
        vec![date(year, 5, 1)?, date(year, 5, 2)?]
    } else {
        vec![date(year, 5, 1)?]
    };
    Ok(vec![
        StatutoryHoliday {
            name: "元旦",
            days: vec![date(year, 1, 1)?],
        },
        StatutoryHoliday {
            name: "春节",
            days: spring,
        },
        StatutoryHoliday {
            name: "清明节",
            days: vec![qingming(year)?],
        },
        StatutoryHoliday {
            name: "劳动节",
            days: labour,
        },
        StatutoryHoliday {
            name: "端午节",
            days: vec![lunar(year, 5, 5)?],
        },
        StatutoryHoliday {
            name: "中秋节",
            days: vec![lunar(year, 8, 15)?],
        },
        StatutoryHoliday {
            name: "国庆节",
            days: vec![date(year, 10, 1)?, date(year, 10, 2)?, date(year, 10, 3)?],
        },
    ])
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The rest days of `year` that the 办法 makes certain: every statutory day,
/// plus one make-up weekday for each statutory day lost to a weekend or to
/// another holiday on the same date (Art. 6), placed on the first free
/// weekdays after that holiday. Make-up days are named “…（补假）”.
pub fn rest_days(year: i32) -> Result<Vec<DayEntry>, CalendarError> {
    let holidays = holidays(year)?;
    let mut days: BTreeMap<NaiveDate, String> = BTreeMap::new();
    let mut lost: Vec<(usize, usize)> = Vec::new();
    for (index, holiday) in holidays.iter().enumerate() {
        let mut n = 0;
        for &day in &holiday.days {
            match days.get_mut(&day) {
                // Two holidays on one date (国庆节 and 中秋节 in 2020): one day lost.
                Some(name) => {
                    name.push('、');
                    name.push_str(holiday.name);
                    n += 1;
                }
                None => {
                    days.insert(day, holiday.name.to_owned());
                    if is_weekend(day) {
                        n += 1;
                    }
                }
            }
        }
        lost.push((index, n));
    }
    for (index, n) in lost {
        let holiday = &holidays[index];
        let Some(&last) = holiday.days.last() else {
            continue;
        };
        let mut day = last;
        let mut placed = 0;
        while placed < n {
            day = day
                .checked_add_days(Days::new(1))
                .ok_or(CalendarError::YearNotCovered { year })?;
            if !is_weekend(day) && !days.contains_key(&day) {
                days.insert(day, format!("{}{MAKE_UP}", holiday.name));
                placed += 1;
            }
        }
    }
    Ok(days
        .into_iter()
        .map(|(date, name)| DayEntry {
            name,
            date,
            is_off_day: true,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::WorkCalendar;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    /// Each version's holidays, checked against the published schedules:
    /// every statutory day of 2008–2026 is a rest day of that year's notice.
    #[test]
    fn every_statutory_day_of_the_published_years_is_a_rest_day() {
        let cal = WorkCalendar::national().expect("bundled data");
        for year in FIRST_YEAR..=2026 {
            for holiday in holidays(year).expect("computable") {
                for day in holiday.days {
                    assert_eq!(
                        cal.is_workday(day),
                        Ok(false),
                        "{year} {} {day} is a working day in the notice",
                        holiday.name
                    );
                }
            }
        }
    }

    /// The make-up days as placed here agree with the notices of 2008–2026
    /// (the computed rest days are rest days there too) but for two years
    /// whose notice put the make-up day elsewhere: 2012 端午节 (Sat 6-23,
    /// made up on Fri 6-22) and 2015 中秋节 (Sun 9-27, made up inside the
    /// National Day week). The count of rest days is fixed by Art. 6; only
    /// the place is a guess, which is why provisional dates are flagged.
    #[test]
    fn make_up_days_agree_with_the_published_years() {
        let cal = WorkCalendar::national().expect("bundled data");
        let mut wrong = Vec::new();
        for year in FIRST_YEAR..=2026 {
            for entry in rest_days(year).expect("computable") {
                if cal.is_workday(entry.date) != Ok(false) {
                    wrong.push(format!("{} {}", entry.date, entry.name));
                }
            }
        }
        assert_eq!(
            wrong,
            vec!["2012-06-25 端午节（补假）", "2015-09-28 中秋节（补假）"],
            "rest days the notices made working days"
        );
    }

    /// Lunar dates and the solar term, from the published notices
    /// (2025: 春节 1-29, 清明 4-4, 端午 5-31, 中秋 10-6).
    #[test]
    fn lunar_holidays_of_2025_and_2026() {
        let names = |year| -> Vec<(String, Vec<NaiveDate>)> {
            holidays(year)
                .expect("computable")
                .into_iter()
                .map(|h| (h.name.to_owned(), h.days))
                .collect()
        };
        let y2025 = names(2025);
        assert_eq!(
            y2025[1].1,
            vec![
                d("2025-01-28"),
                d("2025-01-29"),
                d("2025-01-30"),
                d("2025-01-31")
            ]
        );
        assert_eq!(y2025[2].1, vec![d("2025-04-04")]);
        assert_eq!(y2025[3].1, vec![d("2025-05-01"), d("2025-05-02")]);
        assert_eq!(y2025[4].1, vec![d("2025-05-31")]);
        assert_eq!(y2025[5].1, vec![d("2025-10-06")]);
        // The 2013 revision: 春节 初一至初三 only (2024: 2-10..12).
        assert_eq!(
            names(2024)[1].1,
            vec![d("2024-02-10"), d("2024-02-11"), d("2024-02-12")]
        );
        // The 2007 revision: 除夕、初一、初二 (2013: 2-9..11).
        assert_eq!(
            names(2013)[1].1,
            vec![d("2013-02-09"), d("2013-02-10"), d("2013-02-11")]
        );
    }

    /// 2027, counted by hand from the 2024 revision: 元旦 Fri 1-1; 春节 除夕
    /// Fri 2-5, 初一 Sat 2-6, 初二 Sun 2-7, 初三 Mon 2-8 (two on a weekend →
    /// 补假 Tue 2-9, Wed 2-10); 清明 Mon 4-5; 劳动节 Sat 5-1, Sun 5-2 (补假
    /// Mon 5-3, Tue 5-4); 端午 Wed 6-9; 中秋 Wed 9-15; 国庆 Fri 10-1, Sat
    /// 10-2, Sun 10-3 (补假 Mon 10-4, Tue 10-5).
    #[test]
    fn rest_days_of_2027() {
        let days: Vec<(NaiveDate, String)> = rest_days(2027)
            .expect("computable")
            .into_iter()
            .map(|e| (e.date, e.name))
            .collect();
        let expected = [
            ("2027-01-01", "元旦"),
            ("2027-02-05", "春节"),
            ("2027-02-06", "春节"),
            ("2027-02-07", "春节"),
            ("2027-02-08", "春节"),
            ("2027-02-09", "春节（补假）"),
            ("2027-02-10", "春节（补假）"),
            ("2027-04-05", "清明节"),
            ("2027-05-01", "劳动节"),
            ("2027-05-02", "劳动节"),
            ("2027-05-03", "劳动节（补假）"),
            ("2027-05-04", "劳动节（补假）"),
            ("2027-06-09", "端午节"),
            ("2027-09-15", "中秋节"),
            ("2027-10-01", "国庆节"),
            ("2027-10-02", "国庆节"),
            ("2027-10-03", "国庆节"),
            ("2027-10-04", "国庆节（补假）"),
            ("2027-10-05", "国庆节（补假）"),
        ];
        let expected: Vec<(NaiveDate, String)> = expected
            .iter()
            .map(|(day, name)| (d(day), (*name).to_owned()))
            .collect();
        assert_eq!(days, expected);
    }

    /// Two holidays on one date lose a day: 2020 中秋节 fell on 10-1.
    #[test]
    fn coinciding_holidays_are_made_up() {
        let days = rest_days(2020).expect("computable");
        let oct: Vec<(NaiveDate, &str)> = days
            .iter()
            .filter(|e| e.date.month() == 10)
            .map(|e| (e.date, e.name.as_str()))
            .collect();
        // 10-1 Thu (both), 10-2 Fri, 10-3 Sat → one lost to the weekend, one
        // to the coincidence: 补假 Mon 10-5 and Tue 10-6.
        assert_eq!(
            oct,
            vec![
                (d("2020-10-01"), "中秋节、国庆节"),
                (d("2020-10-02"), "国庆节"),
                (d("2020-10-03"), "国庆节"),
                (d("2020-10-05"), "国庆节（补假）"),
                (d("2020-10-06"), "国庆节（补假）"),
            ]
        );
    }

    #[test]
    fn years_outside_the_rules_are_refused() {
        assert_eq!(
            holidays(2007),
            Err(CalendarError::YearNotCovered { year: 2007 })
        );
    }
}
