//! `gongkai calendar workdays-after` through the real binary.

use std::process::{Command, Output};

fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn twenty_working_days_across_national_day_2024() {
    // From 09-28: 09-29 (调休 Sunday) and 09-30 are working days, 10-01..07 are
    // holidays, 10-12 is a make-up Saturday; the 20th working day is 10-30.
    let output = gongkai(&["calendar", "workdays-after", "2024-09-27", "20"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "2024-10-30\n");
}

#[test]
fn local_overrides_move_the_due_date() {
    let dir = std::env::temp_dir().join(format!("gongkai-calendar-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("local.json");
    // A local day off on 2024-10-30 pushes the due date to the next working day.
    std::fs::write(&path, r#"{"year":2024,"papers":[],"days":[{"name":"地方假日","date":"2024-10-30","isOffDay":true}]}"#)
        .expect("write");
    let output = gongkai(&[
        "calendar",
        "workdays-after",
        "2024-09-27",
        "20",
        "--overrides",
        path.to_str().expect("utf-8"),
    ]);
    assert_eq!(String::from_utf8_lossy(&output.stdout), "2024-10-31\n");
}

#[test]
fn impossible_dates_and_uncovered_years_are_bad_input() {
    for args in [
        ["2024-02-30", "20"],
        ["2031-01-06", "20"],
        ["yesterday", "3"],
    ] {
        let output = gongkai(&["calendar", "workdays-after", args[0], args[1]]);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(!output.stderr.is_empty());
    }
}

#[test]
fn a_year_without_a_published_schedule_is_computed_provisionally_and_says_so() {
    // 2027's schedule is not published: its statutory holidays are computed,
    // with a warning on stderr. Thu 2026-12-31 + 1: Fri 2027-01-01 元旦, the
    // weekend → Mon 2027-01-04 (the weekday rule alone gave 2027-01-01).
    let output = gongkai(&["calendar", "workdays-after", "2026-12-31", "1"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "2027-01-04\n");
    assert!(String::from_utf8_lossy(&output.stderr).contains("2027年放假安排尚未公布"));
    // Mon 2026-12-07 + 20 → Tue 2027-01-05 (12-08..31 = 18, 01-04, 05).
    let output = gongkai(&["calendar", "workdays-after", "2026-12-07", "20"]);
    assert_eq!(String::from_utf8_lossy(&output.stdout), "2027-01-05\n");
}
