//! When the digest runs: a time of day in Beijing time (UTC+8, no daylight
//! saving), turned into the next instant after "now".

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};

/// Beijing time, UTC+8 all year.
pub fn beijing() -> FixedOffset {
    // A constant offset well inside ±24 h: never `None`.
    FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset")
}

/// The Beijing calendar day of an instant.
pub fn beijing_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&beijing()).date_naive()
}

/// A time of day (`08:30`), Beijing time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DailyTime(pub NaiveTime);

impl Default for DailyTime {
    /// 08:30, before the office opens.
    fn default() -> Self {
        DailyTime(NaiveTime::from_hms_opt(8, 30, 0).unwrap_or_default())
    }
}

impl FromStr for DailyTime {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        NaiveTime::parse_from_str(s.trim(), "%H:%M")
            .map(DailyTime)
            .map_err(|_| {
                format!("提醒时间“{s}”无效：请按“时:分”（24小时制，北京时间）填写，例如 08:30")
            })
    }
}

impl fmt::Display for DailyTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%H:%M"))
    }
}

/// The first instant strictly after `now` at which the Beijing clock shows
/// `time`.
pub fn next_run(now: DateTime<Utc>, time: DailyTime) -> DateTime<Utc> {
    let tz = beijing();
    let today = now.with_timezone(&tz).date_naive();
    let at = |day: NaiveDate| {
        tz.from_local_datetime(&day.and_time(time.0))
            .single()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or(now)
    };
    let candidate = at(today);
    if candidate > now {
        candidate
    } else {
        at(today + Duration::days(1))
    }
}

/// Whether today's run time has already passed on the Beijing clock at
/// `now` (a server started after it catches up at once).
pub fn passed_today(now: DateTime<Utc>, time: DailyTime) -> bool {
    now.with_timezone(&beijing()).time() >= time.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("time")
            .with_timezone(&Utc)
    }

    #[test]
    fn next_run_is_today_or_tomorrow_in_beijing() {
        let t: DailyTime = "08:30".parse().expect("parses");
        // 2026-03-01 23:00 UTC is 03-02 07:00 in Beijing: today 08:30 Beijing.
        assert_eq!(
            next_run(utc("2026-03-01T23:00:00Z"), t),
            utc("2026-03-02T00:30:00Z")
        );
        // Exactly at the time: the next day.
        assert_eq!(
            next_run(utc("2026-03-02T00:30:00Z"), t),
            utc("2026-03-03T00:30:00Z")
        );
        // 2026-03-02 01:00 UTC is 09:00 Beijing: tomorrow.
        assert_eq!(
            next_run(utc("2026-03-02T01:00:00Z"), t),
            utc("2026-03-03T00:30:00Z")
        );
        assert_eq!(
            beijing_date(utc("2026-03-01T16:00:00Z")).to_string(),
            "2026-03-02"
        );
    }

    #[test]
    fn a_late_start_catches_up() {
        let t = DailyTime::default();
        assert!(
            !passed_today(utc("2026-03-01T23:00:00Z"), t),
            "07:00 Beijing"
        );
        assert!(
            passed_today(utc("2026-03-02T00:30:00Z"), t),
            "08:30 Beijing"
        );
        assert!(
            passed_today(utc("2026-03-02T15:59:00Z"), t),
            "23:59 Beijing"
        );
        assert!(
            !passed_today(utc("2026-03-02T16:00:00Z"), t),
            "00:00 the next day"
        );
    }

    #[test]
    fn bad_times_are_refused_in_chinese() {
        for bad in ["8.30", "25:00", "", "08:30:00x"] {
            let e = bad.parse::<DailyTime>().expect_err(bad);
            assert!(e.contains("提醒时间"), "{e}");
        }
        assert_eq!(DailyTime::default().to_string(), "08:30");
    }
}
