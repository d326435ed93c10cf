//! Calendar tests against dates counted by hand from the notices.

use chrono::NaiveDate;

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn cal() -> &'static WorkCalendar {
    WorkCalendar::national().expect("bundled data parses")
}

#[test]
fn every_bundled_file_parses() {
    // Entry counts as listed in the upstream files.
    let expected = [
        35, 33, 37, 34, 34, 41, 27, 31, 30, 29, 29, 31, 37, 38, 38, 34, 36, 33, 39,
    ];
    assert_eq!(data::BUNDLED.len(), expected.len());
    for ((name, json), count) in data::BUNDLED.iter().zip(expected) {
        let file = WorkCalendar::parse_year_file(json)
            .unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
        assert_eq!(format!("{}.json", file.year), *name);
        assert_eq!(file.days.len(), count, "{name}");
        assert!(!file.papers.is_empty(), "{name} names its notice");
    }
}

#[test]
fn national_covers_2008_to_2026() {
    let years: Vec<i32> = cal().covered_years().iter().copied().collect();
    assert_eq!(years, (2008..=2026).collect::<Vec<_>>());
}

#[test]
fn all_make_up_days_of_domain_md_are_workdays() {
    // domain.md §7 table; 2018-12-29 is left out (year 2018 is not covered).
    let days = [
        "2019-02-02",
        "2019-02-03",
        "2019-04-28",
        "2019-05-05",
        "2019-09-29",
        "2019-10-12",
        "2020-01-19",
        "2020-02-03",
        "2020-04-26",
        "2020-05-09",
        "2020-06-28",
        "2020-09-27",
        "2020-10-10",
        "2021-02-07",
        "2021-02-20",
        "2021-04-25",
        "2021-05-08",
        "2021-09-18",
        "2021-09-26",
        "2021-10-09",
        "2022-01-29",
        "2022-01-30",
        "2022-04-02",
        "2022-04-24",
        "2022-05-07",
        "2022-10-08",
        "2022-10-09",
        "2023-01-28",
        "2023-01-29",
        "2023-04-23",
        "2023-05-06",
        "2023-06-25",
        "2023-10-07",
        "2023-10-08",
        "2024-02-04",
        "2024-02-18",
        "2024-04-07",
        "2024-04-28",
        "2024-05-11",
        "2024-09-14",
        "2024-09-29",
        "2024-10-12",
        "2025-01-26",
        "2025-02-08",
        "2025-04-27",
        "2025-09-28",
        "2025-10-11",
        "2026-01-04",
        "2026-02-14",
        "2026-02-28",
        "2026-05-09",
        "2026-09-20",
        "2026-10-10",
    ];
    for day in days {
        assert_eq!(cal().is_workday(d(day)), Ok(true), "{day}");
    }
}

#[test]
fn national_day_2024_days() {
    let c = cal();
    assert_eq!(c.is_workday(d("2024-09-28")), Ok(false)); // Sat, ordinary weekend
    assert_eq!(c.is_workday(d("2024-09-29")), Ok(true)); // Sun, 调休
    assert_eq!(c.is_workday(d("2024-10-01")), Ok(false));
    assert_eq!(c.is_workday(d("2024-10-07")), Ok(false)); // Mon, holiday
    assert_eq!(c.is_workday(d("2024-10-08")), Ok(true));
    assert_eq!(c.is_workday(d("2024-10-12")), Ok(true)); // Sat, 调休
    assert_eq!(c.is_workday(d("2024-10-13")), Ok(false));
}

#[test]
fn describe_explains_days() {
    let c = cal();
    let text = |s: &str| c.describe(d(s)).map(|k| k.to_string());
    assert_eq!(text("2024-10-01").as_deref(), Ok("国庆节 休息日"));
    assert_eq!(text("2024-09-29").as_deref(), Ok("国庆节 调休上班日"));
    assert_eq!(text("2024-09-28").as_deref(), Ok("周末"));
    assert_eq!(text("2024-09-27").as_deref(), Ok("工作日"));
    assert_eq!(text("2023-10-01").as_deref(), Ok("中秋节、国庆节 休息日"));
    assert_eq!(c.describe(d("2024-10-01")).map(|k| k.label()), Ok("休息日"));
}

#[test]
fn previous_december_entries_come_from_next_years_file() {
    // 2022-12-31 is listed in 2023.json only.
    assert_eq!(
        cal().describe(d("2022-12-31")),
        Ok(DayKind::Holiday {
            name: "元旦".to_owned()
        })
    );
    // 2019.json makes Saturday 2018-12-29 a working day; 2018.json does not
    // list it (the swap belongs to the 2019 元旦).
    assert_eq!(cal().is_workday(d("2018-12-29")), Ok(true));
    assert_eq!(cal().is_workday(d("2018-12-31")), Ok(false));
}

#[test]
fn add_workdays_across_national_day_2024() {
    // From 09-28: 09-28 Sat no, 09-29 Sun 调休 =1, 09-30 =2, 10-01..07 holiday,
    // 10-08..11 =3..6, 10-12 Sat 调休 =7, 10-14..18 =8..12, 10-21..25 =13..17,
    // 10-28 =18, 10-29 =19, 10-30 =20.
    assert_eq!(cal().add_workdays(d("2024-09-27"), 20), Ok(d("2024-10-30")));
    // 7 working days (补正 notice): the 7th is the make-up Saturday 10-12.
    assert_eq!(cal().add_workdays(d("2024-09-27"), 7), Ok(d("2024-10-12")));
    assert_eq!(cal().add_workdays(d("2024-09-27"), 0), Ok(d("2024-09-27")));
}

#[test]
fn add_workdays_across_year_end_2024() {
    // 12-23..27 =1..5, 12-30 =6, 12-31 =7, 2025-01-01 元旦, 01-02 =8, 01-03 =9,
    // 01-06..10 =10..14, 01-13..17 =15..19, 01-20 Mon =20.
    assert_eq!(cal().add_workdays(d("2024-12-20"), 20), Ok(d("2025-01-20")));
}

#[test]
fn add_workdays_across_spring_festival_2025() {
    // From 01-21: 01-21..24 =1..4, 01-25 Sat no, 01-26 Sun 调休 =5, 01-27 =6,
    // 01-28..02-04 holiday, 02-05..07 =7..9, 02-08 Sat 调休 =10,
    // 02-10..14 =11..15, 02-17..21 =16..20.
    assert_eq!(cal().add_workdays(d("2025-01-20"), 20), Ok(d("2025-02-21")));
}

#[test]
fn add_workdays_across_spring_festival_2026() {
    // 2026-02-06 is a Friday. 02-07/08 weekend, 02-09..13 =1..5,
    // 02-14 Sat 调休 =6, 02-15..23 holiday, 02-24..27 =7..10,
    // 02-28 Sat 调休 =11, 03-02..06 =12..16, 03-09..12 =17..20.
    assert_eq!(cal().add_workdays(d("2026-02-06"), 20), Ok(d("2026-03-12")));
}

#[test]
fn workdays_between_is_signed() {
    let c = cal();
    assert_eq!(c.workdays_between(d("2024-09-27"), d("2024-10-30")), Ok(20));
    assert_eq!(
        c.workdays_between(d("2024-10-30"), d("2024-09-27")),
        Ok(-20)
    );
    assert_eq!(c.workdays_between(d("2024-10-30"), d("2024-10-30")), Ok(0));
    assert_eq!(c.workdays_between(d("2024-10-01"), d("2024-10-07")), Ok(0));
}

#[test]
fn next_workday_skips_holidays() {
    assert_eq!(cal().next_workday(d("2024-09-30")), Ok(d("2024-10-08")));
    assert_eq!(cal().next_workday(d("2024-09-27")), Ok(d("2024-09-29")));
}

#[test]
fn years_without_data_are_refused() {
    let c = cal();
    let missing = |year| CalendarError::YearNotCovered { year };
    assert_eq!(c.is_workday(d("2031-03-03")), Err(missing(2031)));
    assert_eq!(c.add_workdays(d("2026-12-20"), 20), Err(missing(2027)));
    assert_eq!(
        c.workdays_between(d("2007-06-01"), d("2008-01-10")),
        Err(missing(2007))
    );
    assert_eq!(c.describe(d("2031-03-03")), Err(missing(2031)));
    let msg = CalendarError::YearNotCovered { year: 2031 }.to_string();
    assert!(msg.contains("2031年"), "{msg}");
}

const LOCAL_2020: &str = r#"{"year": 2020, "papers": [], "days": [
    {"name": "春节（本省延长）", "date": "2020-02-03", "isOffDay": true},
    {"name": "春节（本省延长）", "date": "2020-02-04", "isOffDay": true}
]}"#;

#[test]
fn local_overrides_replace_national_days() {
    let local = WorkCalendar::parse_year_file(LOCAL_2020).expect("valid");
    let c = cal().clone().with_overrides(local);
    // 2020-02-03 is a national (harmless) working Monday; locally a rest day.
    assert_eq!(cal().is_workday(d("2020-02-03")), Ok(true));
    assert_eq!(c.is_workday(d("2020-02-03")), Ok(false));
    assert_eq!(
        c.describe(d("2020-02-04"))
            .map(|k| k.to_string())
            .as_deref(),
        Ok("春节（本省延长） 休息日")
    );
    assert_eq!(c.is_workday(d("2020-02-05")), Ok(true));
}

#[test]
fn an_override_file_can_add_a_year() {
    let next = r#"{"year": 2027, "papers": ["local"], "days": [
        {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#;
    let c = cal()
        .clone()
        .with_overrides(WorkCalendar::parse_year_file(next).expect("valid"));
    assert!(c.covered_years().contains(&2027));
    // 2026-12-20 is a Sunday. 12-21..25 =1..5, 12-28..31 =6..9, 2027-01-01
    // 元旦, 01-04..08 =10..14, 01-11..15 =15..19, 01-18 Mon =20.
    assert_eq!(c.add_workdays(d("2026-12-20"), 20), Ok(d("2027-01-18")));
}

fn entry_error(json: &str) -> (usize, String) {
    match WorkCalendar::parse_year_file(json) {
        Err(CalendarError::InvalidEntry { index, problem }) => (index, problem),
        other => panic!("expected an entry error, got {other:?}"),
    }
}

#[test]
fn parse_errors_name_the_entry() {
    let ok = r#"{"name": "元旦", "date": "2024-01-01", "isOffDay": true}"#;
    let file =
        |second: &str| format!(r#"{{"year": 2024, "papers": [], "days": [{ok}, {second}]}}"#);

    let (index, problem) = entry_error(&file(
        r#"{"name": "x", "date": "2024-02-30", "isOffDay": true}"#,
    ));
    assert_eq!(index, 1);
    assert!(problem.contains("2024-02-30"), "{problem}");

    let (index, problem) = entry_error(&file(r#"{"name": "x", "date": "2024-02-03"}"#));
    assert_eq!(index, 1);
    assert!(problem.contains("isOffDay"), "{problem}");

    let (_, problem) = entry_error(&file(
        r#"{"name": "x", "date": "2022-12-31", "isOffDay": true}"#,
    ));
    assert!(problem.contains("不属于2024年"), "{problem}");

    let (_, problem) = entry_error(&file(ok));
    assert!(problem.contains("重复"), "{problem}");

    let (_, problem) = entry_error(&file(
        r#"{"name": " ", "date": "2024-02-03", "isOffDay": true}"#,
    ));
    assert!(problem.contains("name"), "{problem}");

    let err =
        WorkCalendar::parse_year_file(&file(r#"{"name": "x", "date": "bad", "isOffDay": true}"#))
            .expect_err("bad date");
    assert!(
        err.to_string()
            .starts_with("节假日文件第2条（days[1]）有误"),
        "{err}"
    );
}

#[test]
fn parse_errors_for_the_whole_file() {
    for json in [
        "",
        "[]",
        r#"{"year": 2024, "days": []}"#,
        r#"{"year": 2027, "papers": [], "days": []}"#,
    ] {
        assert!(
            matches!(
                WorkCalendar::parse_year_file(json),
                Err(CalendarError::InvalidFile { .. })
            ),
            "{json:?}"
        );
    }
    // The previous December is accepted, as in the real 2019 and 2023 files.
    let dec = r#"{"year": 2023, "papers": [], "days": [
        {"name": "元旦", "date": "2022-12-31", "isOffDay": true}]}"#;
    assert!(WorkCalendar::parse_year_file(dec).is_ok());
}

#[test]
fn provisional_years_keep_the_statutory_holidays_and_say_so() {
    let national = WorkCalendar::national().expect("bundled data parses");
    let last = *national.covered_years().last().expect("some year");
    assert_eq!(last, 2026, "the dates below are counted for 2027");
    let next_new_year = NaiveDate::from_ymd_opt(last + 1, 1, 1).expect("date");
    // Strict: a year without a notice is refused.
    assert_eq!(
        national.is_workday(next_new_year),
        Err(CalendarError::YearNotCovered { year: last + 1 })
    );
    // Operational: the two following years are provisional and flagged.
    let operational = WorkCalendar::operational().expect("operational calendar");
    assert!(operational.is_provisional(next_new_year));
    assert!(!operational.is_provisional(NaiveDate::from_ymd_opt(last, 6, 1).expect("date")));
    assert_eq!(
        operational.provisional_years().collect::<Vec<_>>(),
        vec![last + 1, last + 2]
    );
    // 元旦 is a statutory holiday whatever the notice will say.
    assert_eq!(operational.is_workday(next_new_year), Ok(false));
    assert_eq!(
        operational.describe(next_new_year),
        Ok(DayKind::Holiday {
            name: "元旦".into()
        })
    );
    // 2026-12-31 (Thu) + 1 working day: 2027-01-01 Fri 元旦, 01-02/03
    // weekend → Mon 2027-01-04.
    assert_eq!(
        operational.add_workdays(d("2026-12-31"), 1),
        Ok(d("2027-01-04"))
    );
    // Three years ahead is still refused.
    let far = NaiveDate::from_ymd_opt(last + 3, 3, 1).expect("date");
    assert!(operational.add_workdays(far, 1).is_err());
    // A loaded notice makes the year exact again.
    let file = WorkCalendar::parse_year_file(&format!(r#"{{"year":{y},"papers":[],"days":[{{"name":"元旦","date":"{y}-01-01","isOffDay":true}}]}}"#, y = last + 1)).expect("file");
    let exact = operational.clone().with_overrides(file);
    assert!(!exact.is_provisional(next_new_year));
    assert_eq!(exact.is_workday(next_new_year), Ok(false));
    // …and drops the computed days: the notice alone decides (2027-02-09, a
    // computed 补假 Tuesday, is an ordinary working day in this file).
    assert_eq!(exact.is_workday(d("2027-02-09")), Ok(true));
    assert_eq!(operational.is_workday(d("2027-02-09")), Ok(false));
}

#[test]
fn beijing_date_is_the_legal_day_whatever_the_host_zone() {
    use chrono::TimeZone;
    // Sunday 2025-06-01 17:30 UTC is Monday 01:30 in Beijing.
    let at = chrono::Utc
        .with_ymd_and_hms(2025, 6, 1, 17, 30, 0)
        .single()
        .expect("instant");
    assert_eq!(beijing_date(at), d("2025-06-02"));
    // 15:59:59 UTC is still the same day in Beijing (23:59:59).
    let at = chrono::Utc
        .with_ymd_and_hms(2025, 6, 1, 15, 59, 59)
        .single()
        .expect("instant");
    assert_eq!(beijing_date(at), d("2025-06-01"));
}
