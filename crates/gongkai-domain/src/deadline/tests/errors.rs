//! Records that cannot be right are refused, naming the event.

use super::*;

fn problem_of(events: &[ProcedureEvent], today: &str) -> (usize, EventProblem) {
    match fails(events, today) {
        DeadlineError::Event { index, problem, .. } => (index, problem),
        other => panic!("expected an event error, got {other:?}"),
    }
}

fn answered(date: &str) -> ProcedureEvent {
    ProcedureEvent::Answered {
        date: d(date),
        outcome: Outcome::Granted,
    }
}

#[test]
fn no_events() {
    assert_eq!(fails(&[], "2024-10-01"), DeadlineError::NoEvents);
}

#[test]
fn the_first_event_must_be_the_receipt() {
    let events = [answered("2024-10-08")];
    assert_eq!(
        problem_of(&events, "2024-10-09"),
        (0, EventProblem::NotReceivedFirst)
    );
    let events = [received("2024-09-27"), received("2024-09-30")];
    assert_eq!(
        problem_of(&events, "2024-10-09"),
        (
            1,
            EventProblem::DuplicateReceipt {
                first: d("2024-09-27")
            }
        )
    );
}

#[test]
fn events_out_of_date_order() {
    let events = [
        received("2024-09-27"),
        ProcedureEvent::CorrectionRequested {
            date: d("2024-09-20"),
            period_workdays: 5,
            service: Some(ServiceMethod::InPerson),
        },
    ];
    let e = fails(&events, "2024-10-09");
    assert_eq!(
        e.to_string(),
        "第2条记录（告知补正，2024-09-20）：日期早于上一条记录的日期2024-09-27，记录须按时间顺序排列"
    );
    assert_eq!(
        problem_of(&events, "2024-10-09"),
        (
            1,
            EventProblem::OutOfOrder {
                previous: d("2024-09-27")
            }
        )
    );
}

#[test]
fn events_after_today() {
    let events = [received("2024-09-27"), answered("2024-10-10")];
    assert_eq!(
        problem_of(&events, "2024-10-09"),
        (
            1,
            EventProblem::InTheFuture {
                today: d("2024-10-09")
            }
        )
    );
}

#[test]
fn closing_twice() {
    let closed_on = d("2024-10-08");
    let events = [
        received("2024-09-27"),
        answered("2024-10-08"),
        ProcedureEvent::Closed {
            date: d("2024-10-09"),
        },
    ];
    assert_eq!(
        problem_of(&events, "2024-10-10"),
        (2, EventProblem::AfterClosing { closed_on })
    );
    let events = [
        received("2024-09-27"),
        answered("2024-10-08"),
        answered("2024-10-09"),
    ];
    assert_eq!(
        problem_of(&events, "2024-10-10"),
        (2, EventProblem::AfterClosing { closed_on })
    );
    let events = [
        received("2024-09-27"),
        ProcedureEvent::Withdrawn { date: closed_on },
        ProcedureEvent::FeePaid {
            date: d("2024-10-09"),
        },
    ];
    assert_eq!(
        problem_of(&events, "2024-10-10"),
        (2, EventProblem::AfterClosing { closed_on })
    );
    let msg = fails(&events, "2024-10-10").to_string();
    assert!(msg.contains("申请已于2024-10-08办结"), "{msg}");
}

#[test]
fn reopening_an_open_case() {
    let events = [
        received("2024-09-27"),
        ProcedureEvent::Reopened {
            date: d("2024-10-08"),
            reason: "x".to_owned(),
        },
    ];
    assert_eq!(
        problem_of(&events, "2024-10-10"),
        (1, EventProblem::NotClosed)
    );
}

#[test]
fn a_second_extension_or_a_too_long_one() {
    let ext = |date: &str, workdays| ProcedureEvent::ExtensionGranted {
        date: d(date),
        workdays,
        approver: "李科长".to_owned(),
    };
    let events = [
        received("2024-09-27"),
        ext("2024-10-28", 10),
        ext("2024-10-29", 5),
    ];
    assert_eq!(
        problem_of(&events, "2024-10-30"),
        (
            2,
            EventProblem::SecondExtension {
                first: d("2024-10-28")
            }
        )
    );
    for workdays in [0, 21] {
        let events = [received("2024-09-27"), ext("2024-10-28", workdays)];
        assert_eq!(
            problem_of(&events, "2024-10-30"),
            (1, EventProblem::ExtensionLength { workdays, max: 20 })
        );
    }
}

#[test]
fn inconsistent_corrections() {
    let request = |date: &str, period_workdays| ProcedureEvent::CorrectionRequested {
        date: d(date),
        period_workdays,
        service: Some(ServiceMethod::InPerson),
    };
    let events = [
        received("2024-09-27"),
        request("2024-09-30", 5),
        request("2024-10-08", 5),
    ];
    assert_eq!(
        problem_of(&events, "2024-10-10"),
        (
            2,
            EventProblem::SecondCorrectionRequest {
                first: d("2024-09-30")
            }
        )
    );
    let events = [received("2024-09-27"), request("2024-09-30", 0)];
    assert_eq!(
        problem_of(&events, "2024-10-10"),
        (1, EventProblem::EmptyCorrectionPeriod)
    );
    let events = [
        received("2024-09-27"),
        ProcedureEvent::CorrectionReceived {
            date: d("2024-09-30"),
        },
    ];
    assert_eq!(
        problem_of(&events, "2024-10-10"),
        (1, EventProblem::NoPendingCorrection)
    );
}

#[test]
fn inconsistent_consultations_and_fees() {
    let start = |date: &str| ProcedureEvent::ConsultationStarted {
        date: d(date),
        kind: ConsultationKind::ThirdParty,
        service: Some(ServiceMethod::InPerson),
    };
    // Two consultations may run at once; a reply must then say which.
    let events = [
        received("2024-09-27"),
        start("2024-09-30"),
        start("2024-10-08"),
        ProcedureEvent::ConsultationReplied {
            date: d("2024-10-09"),
            consultation: None,
        },
    ];
    assert_eq!(
        problem_of(&events, "2024-10-10"),
        (3, EventProblem::WhichConsultation { open: vec![2, 3] })
    );
    let msg = fails(&events, "2024-10-10").to_string();
    assert!(msg.contains("第2、3条记录"), "{msg}");
    let mut named = events.to_vec();
    named[3] = ProcedureEvent::ConsultationReplied {
        date: d("2024-10-09"),
        consultation: Some(1),
    };
    assert_eq!(
        problem_of(&named, "2024-10-10"),
        (3, EventProblem::NotAnOpenConsultation { consultation: 1 })
    );
    let events = [
        received("2024-09-27"),
        ProcedureEvent::ConsultationReplied {
            date: d("2024-09-30"),
            consultation: None,
        },
    ];
    assert_eq!(
        problem_of(&events, "2024-10-10"),
        (1, EventProblem::NoOpenConsultation)
    );
    let events = [
        received("2024-09-27"),
        ProcedureEvent::FeePaid {
            date: d("2024-09-30"),
        },
    ];
    assert_eq!(
        problem_of(&events, "2024-10-10"),
        (1, EventProblem::NoPendingFee)
    );
    let notice = |date: &str| ProcedureEvent::FeeNoticeIssued {
        date: d(date),
        amount_yuan: 100,
        service: Some(ServiceMethod::InPerson),
    };
    let events = [
        received("2024-09-27"),
        notice("2024-09-30"),
        notice("2024-10-08"),
    ];
    assert_eq!(
        problem_of(&events, "2024-10-10"),
        (
            2,
            EventProblem::SecondFeeNotice {
                first: d("2024-09-30")
            }
        )
    );
}

#[test]
fn transferring_a_closed_case() {
    let events = [
        received("2024-09-27"),
        ProcedureEvent::Answered {
            date: d("2024-10-10"),
            outcome: Outcome::Granted,
        },
        ProcedureEvent::Transferred {
            date: d("2024-10-11"),
            from_agency: "海盐县人民政府办公室".to_owned(),
            to_agency: "海盐县财政局".to_owned(),
            reason: String::new(),
        },
    ];
    let e = fails(&events, "2024-10-14");
    assert!(e.to_string().contains("申请已于2024-10-10办结"), "{e}");
}

#[test]
fn transferring_without_a_target() {
    let events = [
        received("2024-09-27"),
        ProcedureEvent::Transferred {
            date: d("2024-10-11"),
            from_agency: "海盐县人民政府办公室".to_owned(),
            to_agency: "  ".to_owned(),
            reason: "不属于本机关".to_owned(),
        },
    ];
    let e = fails(&events, "2024-10-14");
    assert!(e.to_string().contains("转送须写明接收机关"), "{e}");
}
