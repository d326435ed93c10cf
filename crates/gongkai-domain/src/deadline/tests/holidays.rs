//! Answer deadlines across holidays, 调休 and year ends.

use super::*;

#[test]
fn national_day_2024() {
    // Received Fri 2024-09-27. From 09-28: 09-29 Sun 调休 =1, 09-30 =2,
    // 10-01..07 国庆节, 10-08..11 =3..6, 10-12 Sat 调休 =7, 10-14..18 =8..12,
    // 10-21..25 =13..17, 10-28..30 =18..20 → due 2024-10-30.
    // 补正 notice: 7th working day = 10-12 (the make-up Saturday).
    let s = eval(&[received("2024-09-27")], "2024-09-30");
    assert_eq!(s.state, CaseState::Registered);
    let a = answer(&s);
    assert_eq!(a.due, d("2024-10-30"));
    assert_eq!(a.status, DeadlineStatus::Running);
    assert_eq!(
        a.reason,
        "收到申请之日（2024-09-27）起20个工作日内答复（条例第三十三条第二款）；其间国庆节（10月1日至7日）放假，不计入工作日"
    );
    assert_eq!(a.holidays.len(), 1);
    assert!(!a.provisional);
    // 09-29 and 09-30 are used up: 18 left.
    assert_eq!(a.days_left, Some(18));
    assert!(!a.overdue);
    let n = deadline(&s, DeadlineKind::CorrectionNotice);
    assert_eq!(n.due, d("2024-10-12"));
    // (09-30, 10-12]: 10-08..12 = 5.
    assert_eq!(n.days_left, Some(5));
    assert_eq!(s.received_on, d("2024-09-27"));
    assert_eq!(s.clock_start, d("2024-09-27"));
}

#[test]
fn answered_on_the_last_day_is_in_time() {
    let events = [
        received("2024-09-27"),
        ProcedureEvent::Answered {
            date: d("2024-10-30"),
            outcome: Outcome::Granted,
        },
    ];
    let s = eval(&events, "2024-11-05");
    assert_eq!(s.state, CaseState::Answered);
    assert_eq!(s.outcome, Some(Outcome::Granted));
    assert_eq!(s.closed_on, Some(d("2024-10-30")));
    assert_eq!(
        s.deadlines.len(),
        1,
        "only the answer deadline stays: {s:?}"
    );
    let a = answer(&s);
    assert_eq!(
        a.status,
        DeadlineStatus::Met {
            on: d("2024-10-30")
        }
    );
    assert!(!a.overdue);
    assert_eq!(a.days_left, None);
}

#[test]
fn unanswered_after_due_is_overdue_with_negative_days() {
    // Due Wed 10-30; (10-30, 11-01] = 10-31, 11-01 → −2.
    let s = eval(&[received("2024-09-27")], "2024-11-01");
    let a = answer(&s);
    assert!(a.overdue);
    assert_eq!(a.days_left, Some(-2));
    assert!(s.agency_overdue());
    // Sat 11-02 adds no working day but is still overdue.
    let s = eval(&[received("2024-09-27")], "2024-11-02");
    assert_eq!(answer(&s).days_left, Some(-2));
    assert!(answer(&s).overdue);
    // On the due day itself: 0 left, not overdue.
    let s = eval(&[received("2024-09-27")], "2024-10-30");
    assert_eq!(answer(&s).days_left, Some(0));
    assert!(!answer(&s).overdue);
}

#[test]
fn year_end_2024_into_january_2025() {
    // Received Fri 2024-12-20: 12-23..27 =1..5, 12-30 =6, 12-31 =7,
    // 2025-01-01 元旦, 01-02 =8, 01-03 =9, 01-06..10 =10..14,
    // 01-13..17 =15..19, 01-20 Mon =20.
    let s = eval(&[received("2024-12-20")], "2024-12-31");
    assert_eq!(answer(&s).due, d("2025-01-20"));
    // Seven used by 12-31: 13 left.
    assert_eq!(answer(&s).days_left, Some(13));
}

#[test]
fn spring_festival_2025() {
    // Received Mon 2025-01-20: 01-21..24 =1..4, 01-26 Sun 调休 =5, 01-27 =6,
    // 01-28..02-04 春节, 02-05..07 =7..9, 02-08 Sat 调休 =10,
    // 02-10..14 =11..15, 02-17..21 =16..20 → 2025-02-21.
    let s = eval(&[received("2025-01-20")], "2025-01-27");
    assert_eq!(answer(&s).due, d("2025-02-21"));
    // Used: 01-21..24, 01-26, 01-27 = 6 → 14 left.
    assert_eq!(answer(&s).days_left, Some(14));
    // 补正 notice: 7th working day is 02-05.
    assert_eq!(
        deadline(&s, DeadlineKind::CorrectionNotice).due,
        d("2025-02-05")
    );
}

#[test]
fn spring_festival_2026() {
    // Received Fri 2026-02-06: 02-09..13 =1..5, 02-14 Sat 调休 =6,
    // 02-15..23 春节, 02-24..27 =7..10, 02-28 Sat 调休 =11,
    // 03-02..06 =12..16, 03-09..12 =17..20 → 2026-03-12.
    // 补正 notice: 7th working day = 02-24.
    let s = eval(&[received("2026-02-06")], "2026-02-06");
    assert_eq!(answer(&s).due, d("2026-03-12"));
    assert_eq!(answer(&s).days_left, Some(20));
    assert_eq!(
        deadline(&s, DeadlineKind::CorrectionNotice).due,
        d("2026-02-24")
    );
}

#[test]
fn a_year_without_holiday_data_is_an_error() {
    let e = fails(&[received("2031-01-06")], "2031-01-07");
    assert_eq!(
        e,
        DeadlineError::Calendar(crate::calendar::CalendarError::YearNotCovered { year: 2031 })
    );
    // Received 2026-12-20: the 20 working days reach into 2027.
    let e = fails(&[received("2026-12-20")], "2026-12-21");
    assert_eq!(
        e,
        DeadlineError::Calendar(crate::calendar::CalendarError::YearNotCovered { year: 2027 })
    );
    assert!(e.to_string().contains("2027年"), "{e}");
}
