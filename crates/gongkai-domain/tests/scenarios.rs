//! The scenario suite (`scenarios/cases.rs`) through the domain: every step
//! recorded one at a time as the store does ([`check_new_step`]), then the
//! whole record evaluated on the case's day.

mod scenarios {
    pub mod cases;
}

use gongkai_domain::calendar::WorkCalendar;
use gongkai_domain::deadline::{check_new_step, evaluate};
use scenarios::cases::{all, verify};

#[test]
fn the_suite_is_large_and_named_uniquely() {
    let cases = all();
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let mut names: Vec<&str> = cases.iter().map(|c| c.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "duplicate case names");
}

#[test]
fn every_case_through_the_domain() {
    let cal = WorkCalendar::operational().expect("calendar");
    let mut failures = Vec::new();
    for s in all() {
        let today = s.today();
        // Record step by step, as an office would.
        let mut refused = None;
        for n in 1..=s.events.len() {
            if let Err(e) = check_new_step(cal, &s.events[..n], today) {
                refused = Some((n, e.to_string()));
                break;
            }
        }
        match (s.refused(), refused) {
            (Some(want), Some((n, msg))) if n == s.events.len() && msg.contains(want) => continue,
            (Some(want), got) => {
                failures.push(format!(
                    "{}: expected the last step refused with “{want}”, got {got:?}",
                    s.name
                ));
                continue;
            }
            (None, Some((n, msg))) => {
                failures.push(format!("{}: step {n} refused: {msg}", s.name));
                continue;
            }
            (None, None) => {}
        }
        match evaluate(cal, &s.events, today) {
            Ok(status) => {
                if let Err(e) = verify(&s, &status) {
                    failures.push(e);
                }
            }
            Err(e) => failures.push(format!("{}: {e}", s.name)),
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
