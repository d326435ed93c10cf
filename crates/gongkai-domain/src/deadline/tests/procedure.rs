//! 补正, consultation, extension, fees, closing and reopening.

use super::*;

fn correction_events() -> Vec<ProcedureEvent> {
    vec![
        received("2024-09-27"),
        ProcedureEvent::CorrectionRequested {
            date: d("2024-10-10"),
            period_workdays: 10,
            service: Some(ServiceMethod::InPerson),
        },
    ]
}

#[test]
fn correction_restarts_the_answer_period() {
    // Notice 10-10 (≤ 10-12: in time). Corrected application Fri 10-18:
    // 10-21..25 =1..5, 10-28..11-01 =6..10, 11-04..08 =11..15,
    // 11-11..15 =16..20 → due 2024-11-15.
    let mut events = correction_events();
    events.push(ProcedureEvent::CorrectionReceived {
        date: d("2024-10-18"),
    });
    let s = eval(&events, "2024-10-21");
    assert_eq!(s.state, CaseState::Registered);
    assert_eq!(s.clock_start, d("2024-10-18"));
    let a = answer(&s);
    assert_eq!(a.due, d("2024-11-15"));
    assert_eq!(a.days_left, Some(19)); // 10-21 used
    assert!(
        a.reason
            .starts_with("收到补正后的申请之日（2024-10-18）起重新计算20个工作日（条例第三十条"),
        "{}",
        a.reason
    );
    let n = deadline(&s, DeadlineKind::CorrectionNotice);
    assert_eq!(
        (n.due, n.status, n.overdue),
        (
            d("2024-10-12"),
            DeadlineStatus::Met {
                on: d("2024-10-10")
            },
            false
        )
    );
    // Applicant's 10 working days from 10-10: 10-11 =1, 10-12 Sat 调休 =2,
    // 10-14..18 =3..7, 10-21..23 =8..10 → 10-23; met on 10-18.
    let r = deadline(&s, DeadlineKind::CorrectionReply);
    assert_eq!(
        (r.due, r.status),
        (
            d("2024-10-23"),
            DeadlineStatus::Met {
                on: d("2024-10-18")
            }
        )
    );
    // The pause: (10-10, 10-18] = 10-11, 10-12, 10-14..18 = 7 working days.
    assert_eq!(s.pauses.len(), 1);
    let p = &s.pauses[0];
    assert_eq!(
        (p.kind, p.from, p.until, p.workdays, p.running),
        (
            PauseKind::Correction,
            d("2024-10-10"),
            d("2024-10-18"),
            7,
            false
        )
    );
}

#[test]
fn awaiting_correction_stops_the_clock() {
    let s = eval(&correction_events(), "2024-10-15");
    assert_eq!(s.state, CaseState::AwaitingCorrection);
    assert!(
        s.deadline(DeadlineKind::Answer).is_none(),
        "no answer deadline while stopped"
    );
    let r = deadline(&s, DeadlineKind::CorrectionReply);
    // (10-15, 10-23] = 10-16..18, 10-21..23 = 6.
    assert_eq!((r.status, r.days_left), (DeadlineStatus::Running, Some(6)));
    assert!(s.pauses[0].running);
    assert_eq!(s.implied_outcome, None);
    // On the last day (10-23) the applicant is still in time.
    let s = eval(&correction_events(), "2024-10-23");
    assert_eq!(s.state, CaseState::AwaitingCorrection);
    assert_eq!(
        deadline(&s, DeadlineKind::CorrectionReply).days_left,
        Some(0)
    );
}

#[test]
fn lapsed_correction_implies_other_overdue_correction() {
    let s = eval(&correction_events(), "2024-10-24");
    assert_eq!(s.state, CaseState::CorrectionLapsed);
    assert_eq!(s.implied_outcome, Some(Outcome::OtherOverdueCorrection));
    let r = deadline(&s, DeadlineKind::CorrectionReply);
    assert_eq!((r.status, r.overdue), (DeadlineStatus::Lapsed, true));
    // The office then closes the case; the implied outcome stays.
    let mut events = correction_events();
    events.push(ProcedureEvent::Closed {
        date: d("2024-10-25"),
    });
    let s = eval(&events, "2024-10-28");
    assert_eq!(s.state, CaseState::Closed);
    assert_eq!(s.implied_outcome, Some(Outcome::OtherOverdueCorrection));
    assert_eq!(s.outcome, None);
}

#[test]
fn a_late_correction_notice_is_flagged() {
    // Due 10-12; sent Mon 10-14.
    let events = [
        received("2024-09-27"),
        ProcedureEvent::CorrectionRequested {
            date: d("2024-10-14"),
            period_workdays: 5,
            service: Some(ServiceMethod::InPerson),
        },
    ];
    let s = eval(&events, "2024-10-14");
    assert!(deadline(&s, DeadlineKind::CorrectionNotice).overdue);
    assert!(s.agency_overdue());
}

fn consultation(reply: Option<&str>) -> Vec<ProcedureEvent> {
    let mut events = vec![
        received("2025-03-03"),
        ProcedureEvent::ConsultationStarted {
            date: d("2025-03-10"),
            kind: ConsultationKind::ThirdParty,
            service: Some(ServiceMethod::InPerson),
        },
    ];
    if let Some(date) = reply {
        events.push(ProcedureEvent::ConsultationReplied {
            date: d(date),
            consultation: None,
        });
    }
    events
}

#[test]
fn consultation_time_is_not_counted() {
    // Received Mon 2025-03-03: base due 03-31 (03-04..07, 10..14, 17..21,
    // 24..28 = 19, 03-31 = 20). Pause (03-10, 03-20] = 03-11..14, 17..20 = 8.
    // 03-31 + 8: 04-01..03 =1..3, 04-04 清明节, 04-07..11 =4..8 → 2025-04-11.
    let s = eval(&consultation(Some("2025-03-20")), "2025-03-21");
    assert_eq!(s.state, CaseState::Registered);
    let a = answer(&s);
    assert_eq!(a.due, d("2025-04-11"));
    // Used: 03-04..07, 03-10, 03-21 = 6 → 14 left.
    assert_eq!(a.days_left, Some(14));
    assert!(
        a.reason.contains(
            "征求第三方意见（2025-03-10至2025-03-20）8个工作日不计算在内（条例第三十二条、第三十三条第三款）"
        ),
        "{}",
        a.reason
    );
    assert_eq!(s.pauses[0].workdays, 8);
    // Third party's 15 working days from 03-10: 03-11..14 =4, 17..21 =9,
    // 24..28 =14, 03-31 =15.
    let r = deadline(&s, DeadlineKind::ConsultationReply);
    assert_eq!(
        (r.due, r.status),
        (
            d("2025-03-31"),
            DeadlineStatus::Met {
                on: d("2025-03-20")
            }
        )
    );
}

#[test]
fn a_running_consultation_suspends_the_answer() {
    // Pause so far (03-10, 03-14] = 4: provisional due 03-31 + 4 = 04-07
    // (04-01..03, 04-07); 15 left = 20 − 5 used before the pause.
    let s = eval(&consultation(None), "2025-03-14");
    assert_eq!(s.state, CaseState::InConsultation);
    let a = answer(&s);
    assert_eq!(
        (a.due, a.status, a.days_left),
        (d("2025-04-07"), DeadlineStatus::Suspended, Some(15))
    );
    // (03-14, 03-31] = 11 for the third party.
    assert_eq!(
        deadline(&s, DeadlineKind::ConsultationReply).days_left,
        Some(11)
    );
}

#[test]
fn an_unanswered_consultation_stops_waiting_after_15_days() {
    // Pause capped at 03-31: (03-10, 03-31] = 15. 03-31 + 15: 04-01..03 =3,
    // 04-07..11 =8, 04-14..18 =13, 04-21, 22 =15 → 2025-04-22.
    let s = eval(&consultation(None), "2025-04-15");
    assert_eq!(s.state, CaseState::Registered);
    let a = answer(&s);
    assert_eq!(
        (a.due, a.status),
        (d("2025-04-22"), DeadlineStatus::Running)
    );
    assert_eq!(a.days_left, Some(5)); // 04-16..18, 21, 22
    assert_eq!(
        deadline(&s, DeadlineKind::ConsultationReply).status,
        DeadlineStatus::Lapsed
    );
    // A late reply (04-02) does not move the deadline further.
    let s = eval(&consultation(Some("2025-04-02")), "2025-04-15");
    assert_eq!(answer(&s).due, d("2025-04-22"));
    assert!(deadline(&s, DeadlineKind::ConsultationReply).overdue);
}

#[test]
fn extension_adds_up_to_20_working_days() {
    // 04-11 + 20: 04-14..18 =5, 04-21..25 =10, 04-27 Sun 调休 =11,
    // 04-28..30 =14, 05-01..05 劳动节, 05-06..09 =18, 05-12 =19, 05-13 =20.
    let mut events = consultation(Some("2025-03-20"));
    events.push(ProcedureEvent::ExtensionGranted {
        date: d("2025-04-08"),
        workdays: 20,
        approver: "张主任".to_owned(),
    });
    let s = eval(&events, "2025-04-08");
    assert_eq!(s.state, CaseState::Extended);
    let a = answer(&s);
    assert_eq!(a.due, d("2025-05-13"));
    assert!(
        a.reason
            .contains("；经张主任批准延长20个工作日（条例第三十三条第二款）"),
        "{}",
        a.reason
    );
    assert_eq!(s.extension.as_ref().map(|e| e.workdays), Some(20));
}

fn fee(paid: Option<&str>) -> Vec<ProcedureEvent> {
    let mut events = vec![
        received("2025-09-01"),
        ProcedureEvent::FeeNoticeIssued {
            date: d("2025-09-10"),
            amount_yuan: 5_500,
            service: Some(ServiceMethod::InPerson),
        },
    ];
    if let Some(date) = paid {
        events.push(ProcedureEvent::FeePaid { date: d(date) });
    }
    events
}

#[test]
fn fee_time_is_not_counted() {
    // Base due from Mon 2025-09-01: 09-02..05 =4, 08..12 =9, 15..19 =14,
    // 22..26 =19, 09-28 Sun 调休 =20. Pause (09-10, 09-19] = 09-11, 12,
    // 15..19 = 7. 09-28 + 7: 09-29, 30 =2, 10-01..08 国庆节、中秋节,
    // 10-09, 10 =4, 10-11 Sat 调休 =5, 10-13, 14 =7 → 2025-10-14.
    let s = eval(&fee(Some("2025-09-19")), "2025-09-22");
    assert_eq!(s.state, CaseState::Registered);
    let a = answer(&s);
    assert_eq!(a.due, d("2025-10-14"));
    assert_eq!(a.days_left, Some(12)); // 20 − (7 before notice + 09-22)
    let f = deadline(&s, DeadlineKind::FeePayment);
    assert_eq!(
        f.status,
        DeadlineStatus::Met {
            on: d("2025-09-19")
        }
    );
    assert!(f.reason.contains("5500元"), "{}", f.reason);
}

#[test]
fn awaiting_payment_suspends_the_answer() {
    // Payment due: 20 working days from 09-11 = 2025-10-14 (as counted above:
    // 09-11, 12 =2, 15..19 =7, 22..26 =12, 09-28 =13, 29, 30 =15, 10-09, 10
    // =17, 10-11 =18, 10-13, 14 =20). (09-15, 10-14] = 17 left.
    let s = eval(&fee(None), "2025-09-15");
    assert_eq!(s.state, CaseState::AwaitingFeePayment);
    assert_eq!(answer(&s).status, DeadlineStatus::Suspended);
    let f = deadline(&s, DeadlineKind::FeePayment);
    assert_eq!((f.due, f.days_left), (d("2025-10-14"), Some(17)));
}

#[test]
fn unpaid_fee_implies_other_unpaid_fee() {
    let s = eval(&fee(None), "2025-10-15");
    assert_eq!(s.state, CaseState::FeeLapsed);
    assert_eq!(s.implied_outcome, Some(Outcome::OtherUnpaidFee));
    assert_eq!(
        deadline(&s, DeadlineKind::FeePayment).status,
        DeadlineStatus::Lapsed
    );
    let mut events = fee(None);
    events.push(ProcedureEvent::Closed {
        date: d("2025-10-16"),
    });
    let s = eval(&events, "2025-10-20");
    assert_eq!(
        (s.state, s.implied_outcome),
        (CaseState::Closed, Some(Outcome::OtherUnpaidFee))
    );
}

#[test]
fn overlapping_pauses_count_once() {
    // Consultation (03-10, 03-20] and fee (03-12, 03-20]: union = 8 working
    // days, the same due date as the consultation alone (2025-04-11).
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
    let s = eval(&events, "2025-03-21");
    assert_eq!(answer(&s).due, d("2025-04-11"));
    assert_eq!(s.pauses.len(), 2);
}

#[test]
fn withdrawal_ends_everything() {
    let events = [
        received("2024-09-27"),
        ProcedureEvent::Withdrawn {
            date: d("2024-10-08"),
        },
    ];
    let s = eval(&events, "2024-10-09");
    assert_eq!(s.state, CaseState::Withdrawn);
    assert!(s.deadlines.is_empty());
    assert_eq!((s.outcome, s.implied_outcome), (None, None));
}

#[test]
fn reopening_starts_a_new_period() {
    // Reopened Fri 2024-12-20: 20 working days → 2025-01-20 (see the
    // year-end count in holidays.rs).
    let events = [
        received("2024-09-27"),
        ProcedureEvent::Answered {
            date: d("2024-10-30"),
            outcome: Outcome::DeniedProcessInfo,
        },
        ProcedureEvent::Reopened {
            date: d("2024-12-20"),
            reason: "行政复议决定责令重新答复".to_owned(),
        },
    ];
    let s = eval(&events, "2024-12-23");
    assert_eq!(s.state, CaseState::Registered);
    assert_eq!(s.outcome, None);
    let a = answer(&s);
    assert_eq!(a.due, d("2025-01-20"));
    assert!(
        a.reason.contains("行政复议决定责令重新答复"),
        "{}",
        a.reason
    );
    assert_eq!(s.received_on, d("2024-09-27"));
}

fn transferred(date: &str) -> ProcedureEvent {
    ProcedureEvent::Transferred {
        date: d(date),
        from_agency: "海盐县人民政府办公室".to_owned(),
        to_agency: "海盐县自然资源和规划局".to_owned(),
        reason: "所申请信息由该局制作并保存".to_owned(),
    }
}

#[test]
fn transfer_starts_a_new_period_at_the_receiving_agency() {
    // Transferred Fri 2024-10-18: 10-21..25 =1..5, 10-28..11-01 =6..10,
    // 11-04..08 =11..15, 11-11..15 =16..20 → due 2024-11-15 (the original
    // receipt on 09-27 would have given 10-30).
    let events = [received("2024-09-27"), transferred("2024-10-18")];
    let s = eval(&events, "2024-10-21");
    assert_eq!(s.state, CaseState::Registered);
    assert_eq!(s.received_on, d("2024-09-27"));
    assert_eq!(s.clock_start, d("2024-10-18"));
    let a = answer(&s);
    assert_eq!(a.due, d("2024-11-15"));
    assert_eq!(a.days_left, Some(19));
    assert!(
        a.reason
            .starts_with("转送至海盐县自然资源和规划局，自其收到申请之日（2024-10-18）"),
        "{}",
        a.reason
    );
    // The receiving agency's 7 working days for a 补正 notice: 10-21..25 =1..5,
    // 10-28..29 =6..7 → 10-29.
    let n = deadline(&s, DeadlineKind::CorrectionNotice);
    assert_eq!(n.due, d("2024-10-29"));
    assert!(n.reason.starts_with("收到转送申请之日"), "{}", n.reason);
}

#[test]
fn transfer_ends_the_transferring_agencys_pauses() {
    // A consultation running at the first agency does not stop the
    // receiving agency's clock: the answer is due as if received on 10-18.
    let events = [
        received("2024-09-27"),
        ProcedureEvent::ConsultationStarted {
            date: d("2024-10-08"),
            kind: ConsultationKind::OtherAgency,
            service: Some(ServiceMethod::InPerson),
        },
        transferred("2024-10-18"),
    ];
    let s = eval(&events, "2024-10-21");
    assert_eq!(s.state, CaseState::Registered);
    assert!(s.pauses.is_empty(), "{:?}", s.pauses);
    assert_eq!(answer(&s).due, d("2024-11-15"));
    assert_eq!(answer(&s).status, DeadlineStatus::Running);
}

#[test]
fn a_transferred_case_can_be_answered_and_reopened() {
    // Reopened Fri 2024-12-20 → 2025-01-20, as in reopening_starts_a_new_period.
    let events = [
        received("2024-09-27"),
        transferred("2024-10-18"),
        ProcedureEvent::Answered {
            date: d("2024-11-14"),
            outcome: Outcome::Granted,
        },
        ProcedureEvent::Reopened {
            date: d("2024-12-20"),
            reason: "行政复议决定责令重新答复".to_owned(),
        },
    ];
    let s = eval(&events, "2024-12-23");
    assert_eq!(s.state, CaseState::Registered);
    assert_eq!(answer(&s).due, d("2025-01-20"));
}

#[test]
fn transfer_event_round_trips_as_json() {
    let event = transferred("2024-10-18");
    let json = serde_json::to_string(&event).expect("serialises");
    assert!(json.contains("\"event\":\"transferred\""), "{json}");
    let back: ProcedureEvent = serde_json::from_str(&json).expect("parses");
    assert_eq!(back, event);
    assert_eq!(event.label(), "转送其他机关");
}
