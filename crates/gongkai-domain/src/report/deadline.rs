//! When an annual report must be published (Regulation Art. 49, domain.md §6.2).
//!
//! 县级以上人民政府部门 publish (and submit) the previous year's report by
//! **1月31日**; 县级以上地方人民政府 (through their disclosure office) by
//! **3月31日**. Townships are not named in Art. 49; they report to their
//! county like a department, so they get the departments' date here. Local
//! notices may set earlier internal dates; this module is the statutory rule.

use chrono::NaiveDate;

/// Who publishes a report, which decides its statutory deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reporter {
    /// 县级以上地方人民政府: by 31 March of the next year.
    Government,
    /// 政府部门 (and towns, which report to their government): by 31 January.
    Department,
}

/// The last day on which `reporter`'s report for `year` is on time.
pub fn publication_deadline(reporter: Reporter, year: i32) -> Option<NaiveDate> {
    let month = match reporter {
        Reporter::Government => 3,
        Reporter::Department => 1,
    };
    NaiveDate::from_ymd_opt(year.checked_add(1)?, month, 31)
}

/// Whether publishing on `published_on` misses the deadline (the deadline day itself is on time).
pub fn is_late(reporter: Reporter, year: i32, published_on: NaiveDate) -> bool {
    publication_deadline(reporter, year).is_some_and(|deadline| published_on > deadline)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn departments_by_january_governments_by_march() {
        assert_eq!(
            publication_deadline(Reporter::Department, 2024),
            Some(date(2025, 1, 31))
        );
        assert_eq!(
            publication_deadline(Reporter::Government, 2024),
            Some(date(2025, 3, 31))
        );
    }

    #[test]
    fn the_deadline_day_is_on_time_the_next_day_is_late() {
        assert!(!is_late(Reporter::Department, 2024, date(2025, 1, 31)));
        assert!(is_late(Reporter::Department, 2024, date(2025, 2, 1)));
        assert!(!is_late(Reporter::Government, 2024, date(2025, 2, 1)));
        assert!(is_late(Reporter::Government, 2024, date(2025, 4, 1)));
    }
}
