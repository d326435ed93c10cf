//! The holiday-cn file format and the national data bundled with the crate.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::CalendarError;

/// The notices bundled into the binary, one per notice year (2008, the year
/// the 2007 revision of the 放假办法 and soon after it the 2008 Regulation
/// took effect, to the latest published).
///
/// Compiled in with `include_str!` so that the domain crate stays free of
/// I/O; to add a year see `data/holidays-cn/README.md`.
pub(super) const BUNDLED: &[(&str, &str)] = &[
    (
        "2008.json",
        include_str!("../../data/holidays-cn/2008.json"),
    ),
    (
        "2009.json",
        include_str!("../../data/holidays-cn/2009.json"),
    ),
    (
        "2010.json",
        include_str!("../../data/holidays-cn/2010.json"),
    ),
    (
        "2011.json",
        include_str!("../../data/holidays-cn/2011.json"),
    ),
    (
        "2012.json",
        include_str!("../../data/holidays-cn/2012.json"),
    ),
    (
        "2013.json",
        include_str!("../../data/holidays-cn/2013.json"),
    ),
    (
        "2014.json",
        include_str!("../../data/holidays-cn/2014.json"),
    ),
    (
        "2015.json",
        include_str!("../../data/holidays-cn/2015.json"),
    ),
    (
        "2016.json",
        include_str!("../../data/holidays-cn/2016.json"),
    ),
    (
        "2017.json",
        include_str!("../../data/holidays-cn/2017.json"),
    ),
    (
        "2018.json",
        include_str!("../../data/holidays-cn/2018.json"),
    ),
    (
        "2019.json",
        include_str!("../../data/holidays-cn/2019.json"),
    ),
    (
        "2020.json",
        include_str!("../../data/holidays-cn/2020.json"),
    ),
    (
        "2021.json",
        include_str!("../../data/holidays-cn/2021.json"),
    ),
    (
        "2022.json",
        include_str!("../../data/holidays-cn/2022.json"),
    ),
    (
        "2023.json",
        include_str!("../../data/holidays-cn/2023.json"),
    ),
    (
        "2024.json",
        include_str!("../../data/holidays-cn/2024.json"),
    ),
    (
        "2025.json",
        include_str!("../../data/holidays-cn/2025.json"),
    ),
    (
        "2026.json",
        include_str!("../../data/holidays-cn/2026.json"),
    ),
];

/// One day named by a holiday notice (or by a local deviation file).
///
/// Field names follow the holiday-cn JSON (`isOffDay`) rather than snake_case
/// so that a parsed file serialises back to the format officers maintain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayEntry {
    /// The holiday the day belongs to (节日名称), e.g. "国庆节"; shown to
    /// officers to explain why a deadline moved.
    pub name: String,
    /// The day itself.
    pub date: NaiveDate,
    /// `true`: holiday rest day; `false`: 调休 make-up working day.
    #[serde(rename = "isOffDay")]
    pub is_off_day: bool,
}

/// One parsed notice file: the unit in which holiday data is published, and
/// the unit a deployment loads for local deviations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearFile {
    /// The notice year; the calendar counts this year as covered.
    pub year: i32,
    /// Addresses of the State Council documents the days come from, kept so a
    /// computed deadline can be traced to its legal source.
    pub papers: Vec<String>,
    /// The listed days, in file order.
    pub days: Vec<DayEntry>,
}

/// The outer shape, with `days` left raw so that each entry's error can
/// carry its index.
#[derive(Deserialize)]
struct RawFile {
    year: i32,
    papers: Vec<String>,
    days: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDay {
    name: String,
    date: String,
    #[serde(rename = "isOffDay")]
    is_off_day: bool,
}

/// Parses one file in the holiday-cn format, checking every entry.
pub(super) fn parse_year_file(json: &str) -> Result<YearFile, CalendarError> {
    let raw: RawFile = serde_json::from_str(json).map_err(|e| CalendarError::InvalidFile {
        message: e.to_string(),
    })?;
    if raw.days.is_empty() {
        return Err(CalendarError::InvalidFile {
            message: format!("{}年的 days 为空：该年度放假通知可能尚未发布", raw.year),
        });
    }
    let mut seen: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    let mut days = Vec::with_capacity(raw.days.len());
    for (index, value) in raw.days.into_iter().enumerate() {
        let entry = parse_entry(raw.year, value)
            .map_err(|problem| CalendarError::InvalidEntry { index, problem })?;
        if let Some(first) = seen.insert(entry.date, index) {
            return Err(CalendarError::InvalidEntry {
                index,
                problem: format!("日期{}重复（与第{}条相同）", entry.date, first + 1),
            });
        }
        days.push(entry);
    }
    Ok(YearFile {
        year: raw.year,
        papers: raw.papers,
        days,
    })
}

fn parse_entry(year: i32, value: serde_json::Value) -> Result<DayEntry, String> {
    let raw: RawDay = serde_json::from_value(value).map_err(|e| e.to_string())?;
    if raw.name.trim().is_empty() {
        return Err("name（节日名称）为空".to_owned());
    }
    let date = NaiveDate::parse_from_str(&raw.date, "%Y-%m-%d")
        .map_err(|e| format!("日期“{}”无效（应为YYYY-MM-DD）：{e}", raw.date))?;
    // A notice may reach back into the previous December (元旦 bridges).
    let in_notice_year = date.year() == year || (date.year() == year - 1 && date.month() == 12);
    if !in_notice_year {
        return Err(format!(
            "日期{date}不属于{year}年的通知（只能是{year}年或上一年12月的日期）"
        ));
    }
    Ok(DayEntry {
        name: raw.name,
        date,
        is_off_day: raw.is_off_day,
    })
}
