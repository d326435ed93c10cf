//! Tables built from hand-counted cases, and the by-construction guarantee
//! checked on random case sets.

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

use super::*;
use crate::deadline::Outcome;
use crate::report::{
    ApplicantColumn as C, ApplicationRow as R, CellKey, Format, ReviewColumn, ReviewGroup,
};
use crate::validate::validate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn case(
    received: NaiveDate,
    applicant_type: ApplicantType,
    closed: Option<NaiveDate>,
    outcome: Option<Outcome>,
) -> CaseRecord {
    CaseRecord {
        received_on: received,
        applicant_type,
        closed_on: closed,
        outcome,
    }
}

/// A year of cases of one agency, counted by hand for 2024 in the comments.
fn year_2024_cases() -> Vec<CaseRecord> {
    use ApplicantType::*;
    vec![
        // Received 2023-12-28, closed 2024-01-10: 二 and （一）, natural person.
        case(
            d(2023, 12, 28),
            NaturalPerson,
            Some(d(2024, 1, 10)),
            Some(Outcome::Granted),
        ),
        // Closed in 2023: not in the 2024 report at all.
        case(
            d(2023, 6, 1),
            Commercial,
            Some(d(2023, 7, 1)),
            Some(Outcome::Granted),
        ),
        case(
            d(2023, 12, 31),
            NaturalPerson,
            Some(d(2023, 12, 31)),
            Some(Outcome::Granted),
        ),
        // Received 2023, still open: 二 and 四.
        case(d(2023, 11, 20), Research, None, None),
        // Received and closed in 2024.
        case(
            d(2024, 3, 1),
            NaturalPerson,
            Some(d(2024, 3, 20)),
            Some(Outcome::PartiallyGranted),
        ),
        case(
            d(2024, 5, 5),
            NaturalPerson,
            Some(d(2024, 6, 1)),
            Some(Outcome::OtherOverdueCorrection),
        ),
        case(d(2024, 7, 1), SocialWelfare, Some(d(2024, 7, 20)), None),
        case(
            d(2024, 2, 2),
            OtherOrg,
            Some(d(2024, 2, 20)),
            Some(Outcome::DeniedStateSecret),
        ),
        // Received 2024-12-28, closed 2025-01-08: 一 and 四.
        case(
            d(2024, 12, 28),
            NaturalPerson,
            Some(d(2025, 1, 8)),
            Some(Outcome::Granted),
        ),
        case(d(2024, 12, 30), LegalServices, None, None),
        // Received 2023-12-29, closed on the last day of 2024: 二 and （四）1.
        case(
            d(2023, 12, 29),
            Commercial,
            Some(d(2024, 12, 31)),
            Some(Outcome::UnavailableNotHeld),
        ),
        // Received 2025: not in the 2024 report.
        case(d(2025, 1, 2), NaturalPerson, None, None),
    ]
}

fn reviews_2024() -> Vec<ReviewCaseRecord> {
    let review = |kind, filed, decided, result| ReviewCaseRecord {
        kind,
        filed_on: filed,
        decided_on: decided,
        result,
    };
    vec![
        review(
            ReviewKind::Reconsideration,
            d(2024, 3, 1),
            Some(d(2024, 5, 1)),
            ReviewResult::Upheld,
        ),
        // Decided after the year end: 尚未审结 in 2024.
        review(
            ReviewKind::Reconsideration,
            d(2024, 11, 1),
            Some(d(2025, 2, 1)),
            ReviewResult::Corrected,
        ),
        review(
            ReviewKind::LitigationDirect,
            d(2024, 6, 1),
            None,
            ReviewResult::Pending,
        ),
        // Filed in 2023: counted in 2023's report.
        review(
            ReviewKind::LitigationAfterReconsideration,
            d(2023, 12, 1),
            Some(d(2024, 2, 1)),
            ReviewResult::Corrected,
        ),
        review(
            ReviewKind::LitigationAfterReconsideration,
            d(2024, 8, 1),
            Some(d(2024, 10, 1)),
            ReviewResult::Other,
        ),
    ]
}

fn n(report: &crate::Report, row: R, col: C) -> i64 {
    i64::try_from(report.application_count(row, col)).expect("integer")
}

#[test]
fn hand_counted_year_2024() {
    let report = build_tables(2024, Format::Gb2021, &year_2024_cases(), &reviews_2024());
    let expected: &[(R, C, i64)] = &[
        (R::NewReceived, C::NaturalPerson, 3),
        (R::NewReceived, C::SocialWelfare, 1),
        (R::NewReceived, C::LegalServices, 1),
        (R::NewReceived, C::OtherOrg, 1),
        (R::NewReceived, C::Total, 6),
        (R::CarriedOver, C::NaturalPerson, 1),
        (R::CarriedOver, C::Research, 1),
        (R::CarriedOver, C::Commercial, 1),
        (R::CarriedOver, C::Total, 3),
        (R::Granted, C::NaturalPerson, 1),
        (R::PartiallyGranted, C::NaturalPerson, 1),
        (R::DeniedStateSecret, C::OtherOrg, 1),
        (R::UnavailableNotHeld, C::Commercial, 1),
        (R::OtherOverdueCorrection, C::NaturalPerson, 1),
        (R::OtherOther, C::SocialWelfare, 1),
        (R::TotalProcessed, C::NaturalPerson, 3),
        (R::TotalProcessed, C::Commercial, 1),
        (R::TotalProcessed, C::SocialWelfare, 1),
        (R::TotalProcessed, C::OtherOrg, 1),
        (R::TotalProcessed, C::Total, 6),
        (R::CarriedForward, C::NaturalPerson, 1),
        (R::CarriedForward, C::Research, 1),
        (R::CarriedForward, C::LegalServices, 1),
        (R::CarriedForward, C::Total, 3),
    ];
    for &(row, col, value) in expected {
        assert_eq!(n(&report, row, col), value, "{row:?} {col:?}");
    }
    // Every other applicant cell is 0 (the totals are checked by R2 below).
    let listed: i64 = expected
        .iter()
        .filter(|e| e.1 != C::Total)
        .map(|e| e.2)
        .sum();
    let all: i64 = R::of_format(Format::Gb2021)
        .flat_map(|r| C::APPLICANTS.map(|c| n(&report, r, c)))
        .sum();
    assert_eq!(all, listed);
    let review = |g, c| i64::try_from(report.review_count(g, c)).expect("integer");
    assert_eq!(
        review(ReviewGroup::Reconsideration, ReviewColumn::Upheld),
        1
    );
    assert_eq!(
        review(ReviewGroup::Reconsideration, ReviewColumn::Pending),
        1
    );
    assert_eq!(review(ReviewGroup::Reconsideration, ReviewColumn::Total), 2);
    assert_eq!(
        review(ReviewGroup::LitigationDirect, ReviewColumn::Pending),
        1
    );
    assert_eq!(
        review(ReviewGroup::LitigationDirect, ReviewColumn::Total),
        1
    );
    assert_eq!(
        review(
            ReviewGroup::LitigationAfterReconsideration,
            ReviewColumn::Other
        ),
        1
    );
    assert_eq!(
        review(
            ReviewGroup::LitigationAfterReconsideration,
            ReviewColumn::Total
        ),
        1
    );
    assert!(validate(&report).is_empty(), "{:?}", validate(&report));
}

#[test]
fn year_2023_carries_forward_what_2024_carries_over() {
    let cases = year_2024_cases();
    let y2023 = build_tables(2023, Format::Gb2021, &cases, &[]);
    let y2024 = build_tables(2024, Format::Gb2021, &cases, &[]);
    for col in C::ALL {
        assert_eq!(
            n(&y2023, R::CarriedForward, col),
            n(&y2024, R::CarriedOver, col),
            "{col:?}"
        );
    }
    assert!(crate::validate::validate_with_previous(&y2024, &y2023).is_empty());
}

#[test]
fn the_2019_format_folds_the_other_outcomes_into_one_row() {
    let mut cases = year_2024_cases();
    for c in &mut cases {
        c.received_on = c.received_on.with_year_minus(4);
        c.closed_on = c.closed_on.map(|d| d.with_year_minus(4));
    }
    let report = build_tables(2020, Format::Gb2019, &cases, &[]);
    assert_eq!(n(&report, R::Other, C::NaturalPerson), 1);
    assert_eq!(n(&report, R::Other, C::SocialWelfare), 1);
    assert_eq!(n(&report, R::Other, C::Total), 2);
    assert_eq!(
        report.cell(CellKey::Application(R::OtherOther, C::Total)),
        None
    );
    assert!(validate(&report).is_empty(), "{:?}", validate(&report));
}

trait MinusYears {
    fn with_year_minus(self, years: i32) -> NaiveDate;
}

impl MinusYears for NaiveDate {
    fn with_year_minus(self, years: i32) -> NaiveDate {
        use chrono::Datelike;
        self.with_year(self.year() - years)
            .expect("not 29 February")
    }
}

#[test]
fn aggregate_equals_the_tables_of_all_cases_together() {
    let cases = year_2024_cases();
    let (a, b) = cases.split_at(5);
    let reviews = reviews_2024();
    let (ra, rb) = reviews.split_at(2);
    let parts = [
        build_tables(2024, Format::Gb2021, a, ra),
        build_tables(2024, Format::Gb2021, b, rb),
    ];
    let sum = aggregate(&parts).expect("same year");
    let whole = build_tables(2024, Format::Gb2021, &cases, &reviews);
    assert_eq!(sum, whole);
    assert_eq!(aggregate(&[]), Err(AggregateError::Empty));
    let other_year = build_tables(2023, Format::Gb2021, &cases, &[]);
    assert!(matches!(
        aggregate(&[whole, other_year]),
        Err(AggregateError::Mismatch {
            found_year: 2023,
            ..
        })
    ));
}

#[test]
fn counted_records_weigh_like_repeated_ones() {
    let cases = year_2024_cases();
    let repeated: Vec<CaseRecord> = cases.iter().flat_map(|c| [*c, *c, *c]).collect();
    let counted = build_tables_counted(2024, Format::Gb2021, cases.iter().map(|c| (*c, 3)), []);
    assert_eq!(counted, build_tables(2024, Format::Gb2021, &repeated, &[]));
}

#[test]
fn applicant_type_keys_are_the_column_keys() {
    for t in ApplicantType::ALL {
        assert_eq!(ApplicantType::from_key(t.key()), Some(t));
        assert_eq!(serde_json::to_value(t).expect("json"), t.key());
        assert_eq!(t.is_organisation(), t.column().is_organisation());
    }
    assert_eq!(ApplicantType::LegalServices.label(), "法律服务机构");
    for k in ReviewKind::ALL {
        assert_eq!(ReviewKind::from_key(k.key()), Some(k));
    }
    for r in ReviewResult::ALL {
        assert_eq!(ReviewResult::from_key(r.key()), Some(r));
    }
}

/// SplitMix64, seeded, so that a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[usize::try_from(self.below(items.len() as u64)).expect("small")]
    }
}

fn random_cases(rng: &mut Rng) -> (Vec<CaseRecord>, Vec<ReviewCaseRecord>) {
    let base = d(2018, 1, 1);
    let days = |rng: &mut Rng, n: u64| Duration::days(i64::try_from(rng.below(n)).expect("small"));
    let cases = (0..rng.below(80))
        .map(|_| {
            let received = base + days(rng, 9 * 365);
            let closed = match rng.below(4) {
                0 => None,
                // Occasionally a closing date before receipt, which must not break R1.
                1 => Some(received - days(rng, 30)),
                _ => Some(received + days(rng, 500)),
            };
            let outcome = if rng.below(10) == 0 {
                None
            } else {
                Some(rng.pick(&Outcome::ALL))
            };
            case(received, rng.pick(&ApplicantType::ALL), closed, outcome)
        })
        .collect();
    let reviews = (0..rng.below(20))
        .map(|_| {
            let filed = base + days(rng, 9 * 365);
            ReviewCaseRecord {
                kind: rng.pick(&ReviewKind::ALL),
                filed_on: filed,
                decided_on: if rng.below(3) == 0 {
                    None
                } else {
                    Some(filed + days(rng, 400))
                },
                result: rng.pick(&ReviewResult::ALL),
            }
        })
        .collect();
    (cases, reviews)
}

#[test]
fn random_case_sets_always_validate_without_errors() {
    let mut rng = Rng(0x6f6e_676b_6169);
    for round in 0..1000 {
        let (cases, reviews) = random_cases(&mut rng);
        let year = 2019 + i32::try_from(rng.below(7)).expect("small");
        let format = Format::for_year(year);
        let report = build_tables(year, format, &cases, &reviews);
        let errors: Vec<_> = validate(&report)
            .into_iter()
            .filter(|f| f.is_error())
            .collect();
        assert!(errors.is_empty(), "round {round}, {year}: {errors:?}");
        // Independently: every case alive in the year is either closed in it or carried forward.
        let (start, end) = (d(year, 1, 1), d(year, 12, 31));
        let alive = cases
            .iter()
            .filter(|c| {
                let closed = c.closed_on.map(|x| x.max(c.received_on));
                c.received_on <= end && closed.is_none_or(|x| x >= start)
            })
            .count();
        let counted = report.application_count(R::NewReceived, C::Total)
            + report.application_count(R::CarriedOver, C::Total);
        assert_eq!(counted, Decimal::from(alive), "round {round}");
        // And the previous year's report chains to this one (R6).
        let previous = build_tables(year - 1, Format::for_year(year - 1), &cases, &reviews);
        let chained = crate::validate::validate_with_previous(&report, &previous);
        assert!(
            chained.iter().all(|f| !f.is_error()),
            "round {round}: {chained:?}"
        );
    }
}
