//! Properties of the deadline engine over random records: whatever steps an
//! office records, in whatever order and at whatever dates,
//! - the answer deadline is never earlier than the lawful minimum (20, or
//!   15 under the 2008 text, working days from the clock start);
//! - no step makes an overdue case not overdue (unless it closes the case or
//!   the applicant let a period lapse, which ends the agency's duty);
//! - the passing of time never makes an overdue case not overdue.
//!
//! Records are built as the store builds them: each step is offered to
//! [`check_new_step`] and kept only if accepted.

use chrono::{Days, NaiveDate};
use gongkai_domain::calendar::WorkCalendar;
use gongkai_domain::deadline::{
    CaseState, CaseStatus, ConsultationKind, DeadlineKind, Outcome, ProcedureEvent, ReceiptChannel,
    Regime, ServiceMethod, check_new_step, evaluate,
};
use proptest::prelude::*;

/// A step to offer, with its distance in days from the previous one.
#[derive(Debug, Clone)]
enum Step {
    Correction { period: u32, post: bool },
    Corrected,
    Consult { agency: bool, post: bool },
    Reply { which: Option<u32> },
    Served { notice: u32 },
    Extend { days: u32 },
    Art35 { later: u64 },
    Fee { post: bool },
    Paid,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (1u32..=20, any::<bool>()).prop_map(|(period, post)| Step::Correction { period, post }),
        Just(Step::Corrected),
        (any::<bool>(), any::<bool>()).prop_map(|(agency, post)| Step::Consult { agency, post }),
        prop::option::of(1u32..8).prop_map(|which| Step::Reply { which }),
        (1u32..8).prop_map(|notice| Step::Served { notice }),
        (1u32..=20).prop_map(|days| Step::Extend { days }),
        (1u64..90).prop_map(|later| Step::Art35 { later }),
        any::<bool>().prop_map(|post| Step::Fee { post }),
        Just(Step::Paid),
    ]
}

fn service(post: bool) -> Option<ServiceMethod> {
    Some(if post {
        ServiceMethod::Post
    } else {
        ServiceMethod::InPerson
    })
}

fn event(
    step: &Step,
    date: NaiveDate,
    cal: &WorkCalendar,
    events: &[ProcedureEvent],
) -> ProcedureEvent {
    match *step {
        Step::Correction { period, post } => ProcedureEvent::CorrectionRequested {
            date,
            period_workdays: period,
            service: service(post),
        },
        Step::Corrected => ProcedureEvent::CorrectionReceived { date },
        Step::Consult { agency, post } => ProcedureEvent::ConsultationStarted {
            date,
            kind: if agency {
                ConsultationKind::OtherAgency
            } else {
                ConsultationKind::ThirdParty
            },
            service: service(post),
        },
        Step::Reply { which } => ProcedureEvent::ConsultationReplied {
            date,
            consultation: which,
        },
        Step::Served { notice } => ProcedureEvent::NoticeServed { date, notice },
        Step::Extend { days } => ProcedureEvent::ExtensionGranted {
            date,
            workdays: days,
            approver: "主任".to_owned(),
        },
        Step::Art35 { later } => {
            // Later than the current deadline when there is one.
            let base = evaluate(cal, events, date)
                .ok()
                .and_then(|s| s.deadline(DeadlineKind::Answer).map(|d| d.due))
                .unwrap_or(date);
            ProcedureEvent::ReasonableDeadlineSet {
                date,
                due: base.checked_add_days(Days::new(later)).unwrap_or(base),
                reason: "理由".to_owned(),
            }
        }
        Step::Fee { post } => ProcedureEvent::FeeNoticeIssued {
            date,
            amount_yuan: 100,
            service: service(post),
        },
        Step::Paid => ProcedureEvent::FeePaid { date },
    }
}

/// A record of accepted steps, and the day after its last step.
fn record(received: NaiveDate, steps: &[(u64, Step)]) -> (Vec<ProcedureEvent>, NaiveDate) {
    let cal = WorkCalendar::operational().expect("calendar");
    let mut events = vec![ProcedureEvent::Received {
        channel: ReceiptChannel::InPerson,
        date: received,
    }];
    let mut date = received;
    for (gap, step) in steps {
        date = date.checked_add_days(Days::new(*gap)).unwrap_or(date);
        let mut candidate = events.clone();
        candidate.push(event(step, date, cal, &events));
        if check_new_step(cal, &candidate, date).is_ok() {
            events = candidate;
        }
    }
    (events, date)
}

fn received() -> impl Strategy<Value = NaiveDate> {
    // 2019-01-02 .. 2026-09-30: both Regulations, every bundled year.
    (0u64..2828).prop_map(|n| {
        NaiveDate::from_ymd_opt(2019, 1, 2)
            .and_then(|d| d.checked_add_days(Days::new(n)))
            .expect("date")
    })
}

fn steps() -> impl Strategy<Value = Vec<(u64, Step)>> {
    prop::collection::vec((0u64..25, step()), 0..7)
}

/// Overdue, or no longer the agency's to answer.
fn overdue_or_ended(s: &CaseStatus) -> bool {
    s.agency_overdue()
        || matches!(
            s.state,
            CaseState::CorrectionLapsed | CaseState::FeeLapsed | CaseState::Closed
        )
        || s.state.is_closed()
}

fn answer_overdue(s: &CaseStatus) -> bool {
    s.deadline(DeadlineKind::Answer).is_some_and(|d| d.overdue)
}

proptest! {
    // Most random records are not overdue; those are skipped, not failures.
    #![proptest_config(ProptestConfig {
        cases: 400,
        max_global_rejects: 100_000,
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_answer_deadline_is_never_before_the_lawful_minimum(
        received in received(),
        steps in steps(),
        extra in 0u64..60,
    ) {
        let cal = WorkCalendar::operational().expect("calendar");
        let (events, last) = record(received, &steps);
        let today = last.checked_add_days(Days::new(extra)).unwrap_or(last);
        let status = evaluate(cal, &events, today).expect("an accepted record evaluates");
        if let Some(answer) = status.deadline(DeadlineKind::Answer) {
            let n = match status.regime {
                Regime::Regulation2008 => 15,
                Regime::Regulation2019 => 20,
            };
            let minimum = cal.add_workdays(status.clock_start, n).expect("counts");
            prop_assert!(answer.due >= minimum, "{} < {minimum}: {events:?}", answer.due);
        }
    }

    #[test]
    fn no_step_makes_an_overdue_case_not_overdue(
        received in received(),
        steps in steps(),
        wait in 20u64..80,
        next in step(),
    ) {
        let cal = WorkCalendar::operational().expect("calendar");
        let (events, last) = record(received, &steps);
        let today = last.checked_add_days(Days::new(wait)).unwrap_or(last);
        let before = evaluate(cal, &events, today).expect("evaluates");
        prop_assume!(answer_overdue(&before) && !before.state.is_closed());
        let mut more = events.clone();
        more.push(event(&next, today, cal, &events));
        if check_new_step(cal, &more, today).is_ok() {
            let after = evaluate(cal, &more, today).expect("evaluates");
            prop_assert!(
                overdue_or_ended(&after),
                "overdue on {today} until {next:?}: {more:?}\n{after:#?}"
            );
        }
        // Answering now is late.
        more.truncate(events.len());
        more.push(ProcedureEvent::Answered { date: today, outcome: Outcome::Granted });
        let answered = evaluate(cal, &more, today).expect("evaluates");
        prop_assert!(answered.agency_overdue(), "answered late but not overdue: {more:?}");
    }

    #[test]
    fn time_never_makes_an_overdue_case_not_overdue(
        received in received(),
        steps in steps(),
        wait in 20u64..80,
        later in 1u64..60,
    ) {
        let cal = WorkCalendar::operational().expect("calendar");
        let (events, last) = record(received, &steps);
        let today = last.checked_add_days(Days::new(wait)).unwrap_or(last);
        let before = evaluate(cal, &events, today).expect("evaluates");
        prop_assume!(answer_overdue(&before));
        let then = today.checked_add_days(Days::new(later)).unwrap_or(today);
        let after = evaluate(cal, &events, then).expect("evaluates");
        prop_assert!(overdue_or_ended(&after), "overdue on {today}, not on {then}: {events:?}");
    }
}
