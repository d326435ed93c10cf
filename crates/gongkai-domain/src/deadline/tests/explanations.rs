//! An officer reads why a date is what it is: each pause cites its own
//! basis, a restart says so, and the holidays that moved a date are named.

use super::*;

fn fee_and_consultation(today: &str) -> CaseStatus {
    // As `overlapping_pauses_count_once`: Mon 2025-03-03, consultation with
    // an agency (03-10, 03-20] and a fee (03-12, 03-20] → 04-11.
    let events = [
        received("2025-03-03"),
        ProcedureEvent::ConsultationStarted {
            date: d("2025-03-10"),
            kind: ConsultationKind::OtherAgency,
            service: Some(ServiceMethod::InPerson),
        },
        ProcedureEvent::FeeNoticeIssued {
            date: d("2025-03-12"),
            amount_yuan: 100,
            service: Some(ServiceMethod::InPerson),
        },
        ProcedureEvent::ConsultationReplied {
            date: d("2025-03-20"),
            consultation: None,
        },
        ProcedureEvent::FeePaid {
            date: d("2025-03-20"),
        },
    ];
    eval(&events, today)
}

#[test]
fn each_pause_cites_its_own_basis() {
    let s = fee_and_consultation("2025-03-21");
    let a = answer(&s);
    assert_eq!(a.due, d("2025-04-11"));
    assert!(
        a.reason.contains(
            "征求其他机关意见（2025-03-10至2025-03-20）8个工作日不计算在内（条例第三十三条第三款、第三十四条）"
        ),
        "{}",
        a.reason
    );
    assert!(
        a.reason.contains(
            "等待缴费（2025-03-12至2025-03-20）6个工作日不计算在内（国办函〔2020〕109号）"
        ),
        "{}",
        a.reason
    );
    // 8 + 6 days, overlapping: counted once, 8 in all.
    assert!(
        a.reason.contains("重叠的日期只计一次，共8个工作日"),
        "{}",
        a.reason
    );
    // The 清明节 rest days 04-04..06 fall inside and are named.
    assert!(
        a.reason
            .ends_with("；其间清明节（4月4日至6日）放假，不计入工作日"),
        "{}",
        a.reason
    );
    assert_eq!(a.holidays.len(), 1);
    let bases: Vec<&str> = s.pauses.iter().map(|p| p.basis.as_str()).collect();
    assert_eq!(
        bases,
        ["条例第三十三条第三款、第三十四条", "国办函〔2020〕109号"]
    );
}

#[test]
fn a_correction_says_the_period_restarted() {
    let events = [
        received("2024-09-27"),
        ProcedureEvent::CorrectionRequested {
            date: d("2024-10-10"),
            period_workdays: 10,
            service: Some(ServiceMethod::InPerson),
        },
        ProcedureEvent::CorrectionReceived {
            date: d("2024-10-18"),
        },
    ];
    let s = eval(&events, "2024-10-21");
    let a = answer(&s);
    assert!(
        a.reason
            .starts_with("收到补正后的申请之日（2024-10-18）起重新计算20个工作日（条例第三十条、第三十三条第二款）"),
        "{}",
        a.reason
    );
    assert!(
        !a.reason.contains("不计算在内"),
        "waiting is not a pause: {}",
        a.reason
    );
    assert_eq!(s.pauses[0].basis, "条例第三十条");
}

#[test]
fn the_fee_period_says_it_runs_from_service_and_does() {
    // Posted 2025-05-07, signed for 05-12: due 06-10 (see the scenario suite).
    let events = [
        received("2025-05-06"),
        ProcedureEvent::FeeNoticeIssued {
            date: d("2025-05-07"),
            amount_yuan: 100,
            service: Some(ServiceMethod::Post),
        },
        ProcedureEvent::NoticeServed {
            date: d("2025-05-12"),
            notice: 2,
        },
    ];
    let s = eval(&events, "2025-06-06");
    let f = deadline(&s, DeadlineKind::FeePayment);
    assert_eq!(f.due, d("2025-06-10"));
    assert!(
        f.reason.contains("自收到收费通知次日起20个工作日内"),
        "{}",
        f.reason
    );
    assert!(
        f.reason.contains("邮寄送达，2025-05-12签收"),
        "{}",
        f.reason
    );
    assert!(
        f.reason.contains("端午节（5月31日至6月2日）"),
        "{}",
        f.reason
    );
}

#[test]
fn national_day_2025_is_named_with_mid_autumn() {
    // Fri 2025-09-26 → 2025-10-30 across 10-01..08.
    let s = eval(&[received("2025-09-26")], "2025-09-26");
    assert!(
        answer(&s)
            .reason
            .ends_with("；其间国庆节、中秋节（10月1日至8日）放假，不计入工作日"),
        "{}",
        answer(&s).reason
    );
}

#[test]
fn a_provisional_date_says_so() {
    let cal = WorkCalendar::operational().expect("calendar");
    let s = evaluate(cal, &[received("2026-12-07")], d("2026-12-07")).expect("evaluates");
    let a = answer(&s);
    assert_eq!(a.due, d("2027-01-05"));
    assert!(a.provisional);
    assert!(
        a.reason.contains("元旦（1月1日，按放假办法推算）"),
        "{}",
        a.reason
    );
    assert!(a.reason.contains("2027年放假安排尚未公布"), "{}", a.reason);
}
