//! The Chinese working-day calendar (工作日历).
//!
//! Statutory periods of the Regulation are counted in working days (工作日),
//! which the weekday alone does not determine: every year the State Council
//! moves rest days and turns some weekends into working days (调休). The
//! national notices from 2019 on are compiled into the crate; a deployment can
//! add a later year or a provincial deviation with
//! [`WorkCalendar::with_overrides`].
//!
//! Counting convention: a period of *n* working days "from" a date starts on
//! the following day (officers' practice; the Regulation is silent). A
//! computation that reaches a year with no loaded notice fails with
//! [`CalendarError::YearNotCovered`] rather than guessing — unless the year was
//! declared *provisional* ([`WorkCalendar::with_provisional_years`]): then the
//! statutory holidays of 《全国年节及纪念日放假办法》 and their make-up days are
//! computed ([`statutory`]) and the weekday rule covers the rest; every result
//! that touches the year says so ([`WorkCalendar::is_provisional`]). The State
//! Council publishes next year's schedule only in November or December, so a
//! running office needs dates in the coming year before the notice exists;
//! only the 调休 swaps are unknown then.
//!
//! Dates are calendar days in Beijing time: [`beijing_date`] turns an
//! instant into the legal "today", whatever the host's time zone.

mod data;
mod describe;
mod error;
pub mod statutory;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, Utc, Weekday};

pub use data::{DayEntry, YearFile};
pub use describe::DayKind;
pub use error::CalendarError;

/// The national calendar, parsed on first use.
static NATIONAL: LazyLock<Result<WorkCalendar, CalendarError>> = LazyLock::new(|| {
    let mut files = Vec::with_capacity(data::BUNDLED.len());
    for (name, json) in data::BUNDLED {
        let file = data::parse_year_file(json).map_err(|e| CalendarError::InvalidFile {
            message: format!("内置数据 {name}：{e}"),
        })?;
        files.push(file);
    }
    Ok(WorkCalendar::from_files(files))
});

/// A working-day calendar: weekday rules corrected by notice entries, valid
/// only for the years whose notices it holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkCalendar {
    entries: BTreeMap<NaiveDate, DayEntry>,
    years: BTreeSet<i32>,
    provisional: BTreeSet<i32>,
    /// The computed rest days of the provisional years, kept apart from the
    /// notices' entries so that loading the real notice replaces them whole.
    provisional_days: BTreeMap<NaiveDate, DayEntry>,
}

/// Beijing time (UTC+8; no daylight saving since 1991).
const BEIJING_OFFSET_SECONDS: i32 = 8 * 3600;

/// The calendar day in Beijing at `instant`: the legal date of anything that
/// happens then (a receipt, "today" for deadlines), whatever the host's zone.
pub fn beijing_date(instant: DateTime<Utc>) -> NaiveDate {
    match FixedOffset::east_opt(BEIJING_OFFSET_SECONDS) {
        Some(beijing) => instant.with_timezone(&beijing).date_naive(),
        None => instant.date_naive(),
    }
}

/// The operational calendar: the national data plus the two years after the
/// last covered one as provisional years (weekday rule, flagged), parsed once.
static OPERATIONAL: LazyLock<Result<WorkCalendar, CalendarError>> = LazyLock::new(|| {
    let national = WorkCalendar::national()?.clone();
    let last = national.years.last().copied().unwrap_or(2026);
    national.with_provisional_years([last + 1, last + 2])
});

impl WorkCalendar {
    /// The national calendar bundled with the crate (2019–2026).
    ///
    /// Returns an error only if the bundled data were broken, which a unit
    /// test rules out; callers still get a typed error instead of a panic.
    pub fn national() -> Result<&'static WorkCalendar, CalendarError> {
        NATIONAL.as_ref().map_err(Clone::clone)
    }

    /// The calendar for daily casework: [`WorkCalendar::national`] plus the two
    /// years after the last bundled notice as provisional years, so that
    /// deadlines reaching into a year whose schedule is not yet published are
    /// computed by the weekday rule and flagged instead of refused.
    pub fn operational() -> Result<&'static WorkCalendar, CalendarError> {
        OPERATIONAL.as_ref().map_err(Clone::clone)
    }

    /// Declares years without a loaded notice as provisional: their statutory
    /// holidays and make-up days are computed from the 办法 ([`statutory`]),
    /// the weekday rule covers the rest, and [`WorkCalendar::is_provisional`]
    /// reports it. Years that have a notice stay as they are; loading a notice
    /// later makes the year exact. A year the 办法's rules do not cover
    /// (before 2008) is refused.
    pub fn with_provisional_years(
        mut self,
        years: impl IntoIterator<Item = i32>,
    ) -> Result<Self, CalendarError> {
        for year in years {
            if self.years.contains(&year) {
                continue;
            }
            for entry in statutory::rest_days(year)? {
                self.provisional_days.insert(entry.date, entry);
            }
            self.provisional.insert(year);
        }
        Ok(self)
    }

    /// Whether `date` falls in a provisional year (statutory holidays
    /// computed, 调休 unknown).
    pub fn is_provisional(&self, date: NaiveDate) -> bool {
        !self.years.contains(&date.year()) && self.provisional.contains(&date.year())
    }

    /// The provisional years (no notice loaded, weekday rule assumed).
    pub fn provisional_years(&self) -> impl Iterator<Item = i32> + '_ {
        self.provisional
            .iter()
            .copied()
            .filter(|y| !self.years.contains(y))
    }

    /// Builds a calendar from notice files alone (no bundled data), e.g. for
    /// a deployment that maintains its own complete set. Later files win on
    /// a date listed twice.
    pub fn from_files(files: impl IntoIterator<Item = YearFile>) -> Self {
        files
            .into_iter()
            .fold(WorkCalendar::default(), WorkCalendar::with_overrides)
    }

    /// Parses a file in the holiday-cn JSON format (the bundled format), so
    /// that a deployment can read local deviations or a newer year itself
    /// and hand the text over; errors name the entry index and the problem.
    pub fn parse_year_file(json: &str) -> Result<YearFile, CalendarError> {
        data::parse_year_file(json)
    }

    /// Layers a file over this calendar: its entries replace those of the
    /// same date (a provincial extension, a local 调休), and its year becomes
    /// covered, which is how a year missing from the bundled data is added.
    #[must_use]
    pub fn with_overrides(mut self, file: YearFile) -> Self {
        self.years.insert(file.year);
        for entry in file.days {
            self.entries.insert(entry.date, entry);
        }
        self
    }

    /// The years for which a notice is loaded; dates outside them are refused
    /// unless declared provisional.
    pub fn covered_years(&self) -> &BTreeSet<i32> {
        &self.years
    }

    /// The notice entry for a date, if one names it, or in a provisional
    /// year the computed statutory rest day.
    pub fn entry(&self, date: NaiveDate) -> Option<&DayEntry> {
        self.entries.get(&date).or_else(|| {
            self.is_provisional(date)
                .then(|| self.provisional_days.get(&date))
                .flatten()
        })
    }

    /// Whether `date` is a working day: a notice entry decides (rest day or
    /// 调休 working day), otherwise Monday–Friday.
    pub fn is_workday(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        self.ensure_covered(date)?;
        Ok(match self.entry(date) {
            Some(entry) => !entry.is_off_day,
            None => !is_weekend(date),
        })
    }

    /// Explains a day ("国庆节 休息日", "春节 调休上班日", "周末") so that a
    /// computed deadline can be justified to the applicant.
    pub fn describe(&self, date: NaiveDate) -> Result<DayKind, CalendarError> {
        self.ensure_covered(date)?;
        Ok(match self.entry(date) {
            Some(e) if e.is_off_day => DayKind::Holiday {
                name: e.name.clone(),
            },
            Some(e) => DayKind::MakeUpWorkday {
                name: e.name.clone(),
            },
            None if is_weekend(date) => DayKind::Weekend,
            None => DayKind::Workday,
        })
    }

    /// The date that is `n` working days after `start`, counting from the
    /// next day; `n = 0` gives `start` itself. The result is always a
    /// working day when `n > 0`.
    pub fn add_workdays(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        self.ensure_covered(start)?;
        let mut day = start;
        let mut counted = 0;
        while counted < n {
            day = self.succ(day)?;
            if self.is_workday(day)? {
                counted += 1;
            }
        }
        Ok(day)
    }

    /// Working days in `(a, b]`; negative (the count in `(b, a]`) when
    /// `b < a`, so that "days left" turns negative once a deadline passed.
    pub fn workdays_between(&self, a: NaiveDate, b: NaiveDate) -> Result<i64, CalendarError> {
        let (from, to, sign) = if a <= b { (a, b, 1) } else { (b, a, -1) };
        let count = i64::try_from(self.workdays_in(from, to)?.len()).unwrap_or(i64::MAX);
        Ok(sign * count)
    }

    /// The working days in `(a, b]`, in order (empty when `b <= a`); used to
    /// count overlapping pauses once.
    pub fn workdays_in(&self, a: NaiveDate, b: NaiveDate) -> Result<Vec<NaiveDate>, CalendarError> {
        self.ensure_covered(a)?;
        let mut days = Vec::new();
        let mut day = a;
        while day < b {
            day = self.succ(day)?;
            if self.is_workday(day)? {
                days.push(day);
            }
        }
        Ok(days)
    }

    /// The first working day strictly after `date`.
    pub fn next_workday(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.add_workdays(date, 1)
    }

    fn ensure_covered(&self, date: NaiveDate) -> Result<(), CalendarError> {
        if self.years.contains(&date.year()) || self.provisional.contains(&date.year()) {
            Ok(())
        } else {
            Err(CalendarError::YearNotCovered { year: date.year() })
        }
    }

    fn succ(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        date.checked_add_days(Days::new(1))
            .ok_or(CalendarError::YearNotCovered {
                year: date.year().saturating_add(1),
            })
    }
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}
