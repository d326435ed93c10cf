//! Figures for the staff dashboards, computed from the applications received
//! in one year (the receipt-year cohort): applications per month by applicant
//! type and by channel, the outcome mix in the groups of table 三, the time
//! to answer in working days, the overdue rate per month and the same
//! figures per agency.
//!
//! Definitions (so that every number on the dashboard can be recounted):
//! - every figure counts the applications *received* in the year, bucketed by
//!   the month of receipt;
//! - outcome mix: closed applications by their recorded outcome, a closed one
//!   without an outcome as （六）3.其他, as table 三 counts them;
//! - time to answer: working days in `(receipt, answer]` of the answered
//!   applications (pauses included; the deadline accounts for them, lateness
//!   is measured separately), with the median and 90th percentile by the
//!   nearest-rank method and a histogram over [`ANSWER_TIME_BUCKETS`];
//! - overdue: the answer deadline of the deadline engine ([`evaluate`] on
//!   `today`, with 补正, consultation, fee and extension) was missed: answered
//!   after it, or still open after it.
//!
//! Applications with only a receipt and a closing (most of them) have the
//! same deadline whenever they share the receipt and closing, so those are
//! evaluated once per distinct pair; applications with a longer record are
//! evaluated from their events.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};

use super::ApplicantType;
use crate::calendar::WorkCalendar;
use crate::deadline::{
    DeadlineError, DeadlineKind, Outcome, ProcedureEvent, ReceiptChannel, evaluate,
};
use crate::report::OutcomeGroup;

/// The receipt channels in the order the dashboard shows them.
pub const CHANNELS: [ReceiptChannel; 6] = [
    ReceiptChannel::OnlineConfirmed,
    ReceiptChannel::InPerson,
    ReceiptChannel::PostSigned,
    ReceiptChannel::OrdinaryLetterConfirmed,
    ReceiptChannel::FaxConfirmed,
    ReceiptChannel::Email,
];

/// The position of `channel` in [`CHANNELS`].
pub fn channel_index(channel: ReceiptChannel) -> usize {
    match channel {
        ReceiptChannel::OnlineConfirmed => 0,
        ReceiptChannel::InPerson => 1,
        ReceiptChannel::PostSigned => 2,
        ReceiptChannel::OrdinaryLetterConfirmed => 3,
        ReceiptChannel::FaxConfirmed => 4,
        ReceiptChannel::Email => 5,
    }
}

/// The position of `applicant_type` in [`ApplicantType::ALL`].
pub fn applicant_index(applicant_type: ApplicantType) -> usize {
    match applicant_type {
        ApplicantType::NaturalPerson => 0,
        ApplicantType::Commercial => 1,
        ApplicantType::Research => 2,
        ApplicantType::SocialWelfare => 3,
        ApplicantType::LegalServices => 4,
        ApplicantType::OtherOrg => 5,
    }
}

/// The six outcome groups of table 三, in printed order.
pub const OUTCOME_GROUPS: [OutcomeGroup; 6] = [
    OutcomeGroup::Granted,
    OutcomeGroup::PartiallyGranted,
    OutcomeGroup::Denied,
    OutcomeGroup::Unavailable,
    OutcomeGroup::NotProcessed,
    OutcomeGroup::Other,
];

/// A bucket of the time-to-answer histogram: working days `min..=max`
/// (`max` `None`: and more), with its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerTimeBucket {
    /// The fewest working days in the bucket.
    pub min: i64,
    /// The most working days in the bucket; `None` for the open last bucket.
    pub max: Option<i64>,
    /// The label shown (e.g. `16–20个工作日`).
    pub label: &'static str,
    /// The label on a chart axis (e.g. `16–20`), in working days.
    pub short: &'static str,
}

/// The histogram's buckets, cut at the statutory periods: within the 20
/// working days of Art. 33, within an extension of 20 more, beyond.
pub const ANSWER_TIME_BUCKETS: [AnswerTimeBucket; 6] = [
    AnswerTimeBucket {
        min: 0,
        max: Some(5),
        label: "0–5个工作日",
        short: "0–5",
    },
    AnswerTimeBucket {
        min: 6,
        max: Some(10),
        label: "6–10个工作日",
        short: "6–10",
    },
    AnswerTimeBucket {
        min: 11,
        max: Some(15),
        label: "11–15个工作日",
        short: "11–15",
    },
    AnswerTimeBucket {
        min: 16,
        max: Some(20),
        label: "16–20个工作日",
        short: "16–20",
    },
    AnswerTimeBucket {
        min: 21,
        max: Some(40),
        label: "21–40个工作日（延期内）",
        short: "21–40",
    },
    AnswerTimeBucket {
        min: 41,
        max: None,
        label: "40个工作日以上",
        short: "41以上",
    },
];

/// The bucket index of `workdays` (negative counts go into the first).
fn bucket_of(workdays: i64) -> usize {
    ANSWER_TIME_BUCKETS
        .iter()
        .position(|b| b.max.is_none_or(|max| workdays <= max))
        .unwrap_or(ANSWER_TIME_BUCKETS.len() - 1)
}

/// How an application was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClosingKind {
    /// Answered with a decision.
    Answered,
    /// Closed without an answer (e.g. a lapsed correction period).
    Closed,
    /// Withdrawn by the applicant.
    Withdrawn,
}

/// The closing of an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Closing {
    /// Answered, closed or withdrawn.
    pub kind: ClosingKind,
    /// The day.
    pub date: NaiveDate,
    /// The recorded outcome (table 三 row); `None` counts as （六）3.其他.
    pub outcome: Option<Outcome>,
}

/// What the dashboard needs to know about one application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFacts {
    /// The agency that handles it (its code).
    pub agency: String,
    /// The receipt date (Art. 31).
    pub received_on: NaiveDate,
    /// Who applied.
    pub applicant_type: ApplicantType,
    /// How it arrived.
    pub channel: ReceiptChannel,
    /// How and when it was closed; `None` while open.
    pub closing: Option<Closing>,
    /// The full event record when it holds more than the receipt and the
    /// closing (补正, consultation, extension, fee, reopening, transfer);
    /// `None` means the receipt and [`CaseFacts::closing`] are the record.
    pub record: Option<Vec<ProcedureEvent>>,
}

impl CaseFacts {
    /// The events of a record that holds only the receipt and the closing.
    fn simple_record(&self) -> Vec<ProcedureEvent> {
        let mut events = vec![ProcedureEvent::Received {
            channel: self.channel,
            date: self.received_on,
        }];
        if let Some(closing) = self.closing {
            let date = closing.date;
            events.push(match closing.kind {
                ClosingKind::Answered => ProcedureEvent::Answered {
                    date,
                    outcome: closing.outcome.unwrap_or(Outcome::OtherOther),
                },
                ClosingKind::Closed => ProcedureEvent::Closed { date },
                ClosingKind::Withdrawn => ProcedureEvent::Withdrawn { date },
            });
        }
        events
    }
}

/// The figures of one month of receipt.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MonthFigures {
    /// Applications received.
    pub received: u64,
    /// Received, by applicant type in [`ApplicantType::ALL`] order.
    pub by_applicant: [u64; 6],
    /// Received, by channel in [`CHANNELS`] order.
    pub by_channel: [u64; 6],
    /// Answered after the answer deadline.
    pub answered_late: u64,
    /// Still open after the answer deadline (on the evaluation day).
    pub open_overdue: u64,
}

impl MonthFigures {
    /// Answered late or open past the deadline.
    pub fn overdue(&self) -> u64 {
        self.answered_late + self.open_overdue
    }

    /// [`MonthFigures::overdue`] per application received, in percent with
    /// one decimal; `None` without applications.
    pub fn overdue_percent(&self) -> Option<f64> {
        percent(self.overdue(), self.received)
    }
}

/// `part / whole` in percent, rounded to one decimal.
pub fn percent(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

/// Working days to answer: how many answers took how long.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnswerTimes {
    /// Number of answers with each working-day count.
    counts: BTreeMap<i64, u64>,
}

impl AnswerTimes {
    fn add(&mut self, workdays: i64) {
        *self.counts.entry(workdays).or_default() += 1;
    }

    /// Answers counted.
    pub fn answered(&self) -> u64 {
        self.counts.values().sum()
    }

    /// The `p`-th percentile (0 < p ≤ 100) by the nearest-rank method: the
    /// smallest count of days that at least `p` % of the answers did not
    /// exceed. `None` without answers.
    pub fn percentile(&self, p: u32) -> Option<i64> {
        let n = self.answered();
        if n == 0 {
            return None;
        }
        let rank = (u64::from(p.clamp(1, 100)) * n).div_ceil(100);
        let mut seen = 0;
        for (days, count) in &self.counts {
            seen += count;
            if seen >= rank {
                return Some(*days);
            }
        }
        self.counts.keys().next_back().copied()
    }

    /// The median (nearest rank).
    pub fn median(&self) -> Option<i64> {
        self.percentile(50)
    }

    /// The 90th percentile (nearest rank).
    pub fn p90(&self) -> Option<i64> {
        self.percentile(90)
    }

    /// Answers per bucket of [`ANSWER_TIME_BUCKETS`].
    pub fn histogram(&self) -> [u64; 6] {
        let mut buckets = [0; 6];
        for (days, count) in &self.counts {
            buckets[bucket_of(*days)] += count;
        }
        buckets
    }
}

/// The figures of one agency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgencyFigures {
    /// Applications received.
    pub received: u64,
    /// Of them closed (answered, closed or withdrawn).
    pub closed: u64,
    /// Of them still open.
    pub open: u64,
    /// Answered late or open past the deadline.
    pub overdue: u64,
    /// Working days to answer.
    pub answer_times: AnswerTimes,
}

impl AgencyFigures {
    /// The overdue share of the applications received, in percent.
    pub fn overdue_percent(&self) -> Option<f64> {
        percent(self.overdue, self.received)
    }
}

/// Everything the dashboard shows for one year and scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dashboard {
    /// The year of receipt.
    pub year: i32,
    /// The evaluation day (overdue status of open applications).
    pub today: NaiveDate,
    /// January to December.
    pub months: [MonthFigures; 12],
    /// Closed applications by outcome, in [`Outcome::ALL`] order.
    pub outcomes: [u64; 21],
    /// The totals over the scope.
    pub total: AgencyFigures,
    /// The same figures per agency code.
    pub agencies: BTreeMap<String, AgencyFigures>,
    /// Applications whose deadline could not be computed (a record the
    /// engine refuses, or a date the calendar does not cover); they count in
    /// every figure but the overdue ones.
    pub unevaluated: u64,
}

impl Dashboard {
    /// Closed applications per outcome group of table 三, in printed order.
    pub fn outcome_groups(&self) -> [(OutcomeGroup, u64); 6] {
        OUTCOME_GROUPS.map(|group| {
            let n = Outcome::ALL
                .iter()
                .zip(self.outcomes)
                .filter(|(o, _)| o.group() == group)
                .map(|(_, n)| n)
                .sum();
            (group, n)
        })
    }
}

/// What the deadline engine says about one application.
#[derive(Debug, Clone, Copy)]
struct Timing {
    overdue: bool,
}

fn timing(
    calendar: &WorkCalendar,
    events: &[ProcedureEvent],
    today: NaiveDate,
) -> Result<Timing, DeadlineError> {
    let status = evaluate(calendar, events, today)?;
    Ok(Timing {
        overdue: status
            .deadline(DeadlineKind::Answer)
            .is_some_and(|d| d.overdue),
    })
}

/// Computes the dashboard of `year` on `today` from the applications of the
/// scope; applications received in other years are ignored.
pub fn compute(
    calendar: &WorkCalendar,
    year: i32,
    today: NaiveDate,
    cases: impl IntoIterator<Item = CaseFacts>,
) -> Dashboard {
    let mut dashboard = Dashboard {
        year,
        today,
        months: Default::default(),
        outcomes: [0; 21],
        total: AgencyFigures::default(),
        agencies: BTreeMap::new(),
        unevaluated: 0,
    };
    let mut simple: HashMap<(NaiveDate, Option<Closing>), Result<Timing, ()>> = HashMap::new();
    for case in cases {
        if case.received_on.year() != year {
            continue;
        }
        let evaluated = match &case.record {
            Some(events) => timing(calendar, events, today).map_err(|_| ()),
            None => *simple
                .entry((case.received_on, case.closing))
                .or_insert_with(|| timing(calendar, &case.simple_record(), today).map_err(|_| ())),
        };
        let overdue = match evaluated {
            Ok(t) => t.overdue,
            Err(()) => {
                dashboard.unevaluated += 1;
                false
            }
        };
        let answer_workdays = case
            .closing
            .filter(|c| c.kind == ClosingKind::Answered)
            .and_then(|c| calendar.workdays_between(case.received_on, c.date).ok());

        let month = &mut dashboard.months[case.received_on.month0() as usize];
        month.received += 1;
        month.by_applicant[applicant_index(case.applicant_type)] += 1;
        month.by_channel[channel_index(case.channel)] += 1;
        if overdue {
            if case.closing.is_some() {
                month.answered_late += 1;
            } else {
                month.open_overdue += 1;
            }
        }
        if let Some(closing) = case.closing {
            let outcome = closing.outcome.unwrap_or(Outcome::OtherOther);
            if let Some(i) = Outcome::ALL.iter().position(|o| *o == outcome) {
                dashboard.outcomes[i] += 1;
            }
        }
        let agency = dashboard.agencies.entry(case.agency).or_default();
        for figures in [&mut dashboard.total, agency] {
            figures.received += 1;
            if case.closing.is_some() {
                figures.closed += 1;
            } else {
                figures.open += 1;
            }
            if overdue {
                figures.overdue += 1;
            }
            if let Some(days) = answer_workdays {
                figures.answer_times.add(days);
            }
        }
    }
    dashboard
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    fn case(
        agency: &str,
        received_on: NaiveDate,
        applicant_type: ApplicantType,
        channel: ReceiptChannel,
        closing: Option<(ClosingKind, NaiveDate, Option<Outcome>)>,
    ) -> CaseFacts {
        CaseFacts {
            agency: agency.into(),
            received_on,
            applicant_type,
            channel,
            closing: closing.map(|(kind, date, outcome)| Closing {
                kind,
                date,
                outcome,
            }),
            record: None,
        }
    }

    fn answered(
        date: NaiveDate,
        outcome: Outcome,
    ) -> Option<(ClosingKind, NaiveDate, Option<Outcome>)> {
        Some((ClosingKind::Answered, date, Some(outcome)))
    }

    /// Seven applications of 2024 (and one of 2023), counted by hand on the
    /// national calendar: 2024-03-01 (Fri) + 20 working days = 03-29; the
    /// Qingming break (04-04..06, 04-07 worked) and the May Day make-up day
    /// (Sunday 04-28) move the extended deadline to 04-28.
    fn sample() -> Vec<CaseFacts> {
        use ApplicantType::*;
        use ReceiptChannel::*;
        let mut extended = case(
            "a",
            d(2024, 3, 1),
            NaturalPerson,
            OnlineConfirmed,
            answered(d(2024, 4, 12), Outcome::DeniedThirdParty),
        );
        extended.record = Some(vec![
            ProcedureEvent::Received {
                channel: OnlineConfirmed,
                date: d(2024, 3, 1),
            },
            ProcedureEvent::ExtensionGranted {
                date: d(2024, 3, 20),
                workdays: 20,
                approver: "王主任".into(),
            },
            ProcedureEvent::Answered {
                date: d(2024, 4, 12),
                outcome: Outcome::DeniedThirdParty,
            },
        ]);
        vec![
            // A: 5 working days (03-04..08), in time.
            case(
                "a",
                d(2024, 3, 1),
                NaturalPerson,
                OnlineConfirmed,
                answered(d(2024, 3, 8), Outcome::Granted),
            ),
            // B: 21 working days, one after the deadline of 03-29: late.
            case(
                "a",
                d(2024, 3, 1),
                Commercial,
                InPerson,
                answered(d(2024, 4, 1), Outcome::PartiallyGranted),
            ),
            // C: open, due 04-01, past on 06-30: open overdue.
            case("a", d(2024, 3, 4), NaturalPerson, InPerson, None),
            // D: open, due in July: not overdue.
            case("a", d(2024, 6, 20), Research, Email, None),
            // E: withdrawn before the deadline: closed as （六）3, no answer time.
            case(
                "a",
                d(2024, 1, 10),
                NaturalPerson,
                PostSigned,
                Some((ClosingKind::Withdrawn, d(2024, 1, 12), None)),
            ),
            // F: extended by 20 working days to 04-28, answered 04-12 after 29 working days: in time.
            extended,
            // H: another agency; (02-05, 02-06] is one working day.
            case(
                "b",
                d(2024, 2, 5),
                LegalServices,
                OnlineConfirmed,
                answered(d(2024, 2, 6), Outcome::RejectedDuplicate),
            ),
            // G: received in 2023: not in the 2024 dashboard.
            case("a", d(2023, 12, 29), NaturalPerson, OnlineConfirmed, None),
        ]
    }

    fn dashboard() -> Dashboard {
        let calendar = WorkCalendar::national().expect("bundled calendar");
        compute(calendar, 2024, d(2024, 6, 30), sample())
    }

    #[test]
    fn months_count_receipts_by_type_and_channel() {
        let dash = dashboard();
        let received: Vec<u64> = dash.months.iter().map(|m| m.received).collect();
        assert_eq!(received, [1, 1, 4, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        let march = &dash.months[2];
        assert_eq!(march.by_applicant, [3, 1, 0, 0, 0, 0]);
        // online A and F, in person B and C
        assert_eq!(march.by_channel, [2, 2, 0, 0, 0, 0]);
        assert_eq!(
            dash.months[5].by_channel[channel_index(ReceiptChannel::Email)],
            1
        );
        assert_eq!(dash.total.received, 7);
        assert_eq!((dash.total.closed, dash.total.open), (5, 2));
        assert_eq!(dash.unevaluated, 0);
    }

    #[test]
    fn outcome_mix_follows_table_three() {
        let dash = dashboard();
        let groups = dash.outcome_groups();
        let counts: Vec<u64> = groups.iter().map(|(_, n)| *n).collect();
        // granted A; partial B; denied F; none unavailable; rejected H; other E (withdrawn).
        assert_eq!(counts, [1, 1, 1, 0, 1, 1]);
        assert_eq!(groups[5].0, OutcomeGroup::Other);
        let other = Outcome::ALL
            .iter()
            .position(|o| *o == Outcome::OtherOther)
            .expect("listed");
        assert_eq!(dash.outcomes[other], 1);
    }

    #[test]
    fn time_to_answer_median_p90_and_histogram() {
        let dash = dashboard();
        let times = &dash.total.answer_times;
        // A 5, B 21, F 29, H 1 → sorted 1, 5, 21, 29.
        assert_eq!(times.answered(), 4);
        assert_eq!(times.median(), Some(5), "rank ⌈0.5·4⌉ = 2");
        assert_eq!(times.p90(), Some(29), "rank ⌈0.9·4⌉ = 4");
        assert_eq!(times.percentile(75), Some(21));
        assert_eq!(times.histogram(), [2, 0, 0, 0, 2, 0]);
        assert_eq!(dash.agencies["b"].answer_times.median(), Some(1));
        assert_eq!(AnswerTimes::default().median(), None);
    }

    #[test]
    fn overdue_counts_late_answers_and_open_cases_past_the_deadline() {
        let dash = dashboard();
        let march = &dash.months[2];
        assert_eq!((march.answered_late, march.open_overdue), (1, 1));
        assert_eq!(march.overdue_percent(), Some(50.0));
        assert_eq!(dash.months[0].overdue(), 0, "withdrawn in time");
        assert_eq!(dash.months[5].overdue(), 0, "not yet due");
        assert_eq!(dash.months[3].overdue_percent(), None);
        assert_eq!(dash.total.overdue, 2);
        assert_eq!(dash.agencies["a"].overdue, 2);
        assert_eq!(dash.agencies["a"].overdue_percent(), Some(33.3));
        assert_eq!(dash.agencies["b"].overdue, 0);
        // On 2024-03-29, C (due 04-01) was not yet overdue.
        let calendar = WorkCalendar::national().expect("bundled calendar");
        let early = compute(calendar, 2024, d(2024, 3, 29), sample());
        assert_eq!(early.months[2].open_overdue, 0);
    }

    #[test]
    fn a_record_the_engine_refuses_is_counted_but_not_judged() {
        let calendar = WorkCalendar::national().expect("bundled calendar");
        let mut broken = case(
            "a",
            d(2024, 5, 6),
            ApplicantType::NaturalPerson,
            ReceiptChannel::InPerson,
            None,
        );
        // A record must start with the receipt.
        broken.record = Some(vec![ProcedureEvent::FeePaid {
            date: d(2024, 5, 7),
        }]);
        let dash = compute(calendar, 2024, d(2024, 12, 31), [broken]);
        assert_eq!(
            (dash.total.received, dash.unevaluated, dash.total.overdue),
            (1, 1, 0)
        );
    }

    #[test]
    fn buckets_cover_every_count() {
        assert_eq!(bucket_of(0), 0);
        assert_eq!(bucket_of(5), 0);
        assert_eq!(bucket_of(6), 1);
        assert_eq!(bucket_of(20), 3);
        assert_eq!(bucket_of(40), 4);
        assert_eq!(bucket_of(41), 5);
        assert_eq!(bucket_of(400), 5);
        assert_eq!(percent(1, 3), Some(33.3));
        assert_eq!(percent(0, 0), None);
    }
}
