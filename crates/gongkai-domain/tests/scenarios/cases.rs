//! The deadline scenario suite: whole cases worked out by hand from the
//! Regulation (2019 text; the 2008 text for receipts before 2019-05-15),
//! 国办函〔2020〕109号 and the published holiday notices (for 2027, the
//! statutory holidays of the 2024 放假办法: 元旦 1-1; 春节 2-5..2-8 with
//! 补假 2-9, 2-10; 清明 4-5; 劳动节 5-1, 5-2 with 补假 5-3, 5-4; 端午 6-9;
//! 中秋 9-15; 国庆 10-1..10-3 with 补假 10-4, 10-5).
//!
//! Counting: a period of n working days "from" a date starts the next day;
//! `left` is the working days in (today, due]. Each case lists the working
//! days it counts. The same table is run through the domain, the command
//! line and the API, which must agree (see each crate's `scenarios` test).
//!
//! Shared by `#[path]` includes; keep it free of crate-private items.

#![allow(dead_code)]

use chrono::NaiveDate;
use gongkai_domain::deadline::{
    CaseState, ConsultationKind, DeadlineKind, Outcome, ProcedureEvent, ReceiptChannel, Regime,
    ServiceMethod,
};

/// A date in a case.
pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("scenario date")
}

/// How a deadline stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum St {
    Running,
    Suspended,
    Met(&'static str),
    Lapsed,
    AwaitingService,
}

/// One expectation of a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    State(CaseState),
    /// The answer deadline: due, status, working days left.
    Answer(&'static str, St, Option<i64>),
    /// No answer deadline (correction awaited, applicant's period lapsed, closed).
    NoAnswer,
    /// Another deadline by kind (the first of that kind).
    Deadline(DeadlineKind, &'static str, St),
    /// Whether a deadline of the agency is overdue (lists, statistics).
    Overdue(bool),
    Implied(Option<Outcome>),
    Provisional(bool),
    /// The record number of a step that had no effect.
    Ineffective(u32),
    Regime(Regime),
    /// The last step is refused; the message contains this.
    Refused(&'static str),
}

/// One whole case.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub name: &'static str,
    /// The legal basis the expectations follow.
    pub basis: &'static str,
    pub events: Vec<ProcedureEvent>,
    pub today: &'static str,
    pub checks: Vec<Check>,
}

impl Scenario {
    /// The evaluation day.
    pub fn today(&self) -> NaiveDate {
        d(self.today)
    }

    /// Whether the last step must be refused.
    pub fn refused(&self) -> Option<&'static str> {
        self.checks.iter().find_map(|c| match c {
            Check::Refused(m) => Some(*m),
            _ => None,
        })
    }
}

use ConsultationKind::{OtherAgency, ThirdParty};
use ServiceMethod::{InPerson, Post};

fn recv(channel: ReceiptChannel, date: &str) -> ProcedureEvent {
    ProcedureEvent::Received {
        channel,
        date: d(date),
    }
}
fn at(date: &str) -> ProcedureEvent {
    recv(ReceiptChannel::InPerson, date)
}
fn corr(date: &str, period: u32, service: ServiceMethod) -> ProcedureEvent {
    ProcedureEvent::CorrectionRequested {
        date: d(date),
        period_workdays: period,
        service: Some(service),
    }
}
fn corrected(date: &str) -> ProcedureEvent {
    ProcedureEvent::CorrectionReceived { date: d(date) }
}
fn consult(date: &str, kind: ConsultationKind, service: ServiceMethod) -> ProcedureEvent {
    ProcedureEvent::ConsultationStarted {
        date: d(date),
        kind,
        service: Some(service),
    }
}
fn reply(date: &str, consultation: Option<u32>) -> ProcedureEvent {
    ProcedureEvent::ConsultationReplied {
        date: d(date),
        consultation,
    }
}
fn served(date: &str, notice: u32) -> ProcedureEvent {
    ProcedureEvent::NoticeServed {
        date: d(date),
        notice,
    }
}
fn extend(date: &str, workdays: u32) -> ProcedureEvent {
    ProcedureEvent::ExtensionGranted {
        date: d(date),
        workdays,
        approver: "信息公开办主任".to_owned(),
    }
}
fn art35(date: &str, due: &str) -> ProcedureEvent {
    ProcedureEvent::ReasonableDeadlineSet {
        date: d(date),
        due: d(due),
        reason: "申请人一个月内提出140件申请，已说明合理理由".to_owned(),
    }
}
fn fee(date: &str, amount: u64, service: ServiceMethod) -> ProcedureEvent {
    ProcedureEvent::FeeNoticeIssued {
        date: d(date),
        amount_yuan: amount,
        service: Some(service),
    }
}
fn paid(date: &str) -> ProcedureEvent {
    ProcedureEvent::FeePaid { date: d(date) }
}
fn answered(date: &str) -> ProcedureEvent {
    ProcedureEvent::Answered {
        date: d(date),
        outcome: Outcome::Granted,
    }
}

fn case(
    name: &'static str,
    basis: &'static str,
    events: Vec<ProcedureEvent>,
    today: &'static str,
    checks: Vec<Check>,
) -> Scenario {
    Scenario {
        name,
        basis,
        events,
        today,
        checks,
    }
}

use Check::*;
use DeadlineKind::{ConsultationReply, CorrectionNotice, CorrectionReply, FeePayment};
use St::*;

const ART33: &str = "条例第三十三条第二款";

/// Every case, in groups: channels and calendars, the 2008 Regulation,
/// correction, consultation, extension, fees, Art. 35, closing, provisional
/// years.
#[allow(clippy::too_many_lines, clippy::vec_init_then_push)] // one push per case, each with its counting
pub fn all() -> Vec<Scenario> {
    let mut v = Vec::new();
    // ── Channels, holidays, 调休 ─────────────────────────────────────────
    // Fri 2024-09-27 + 20: 09-29 Sun 调休 =1, 09-30 =2, 10-01..07 国庆节,
    // 10-08..11 =3..6, 10-12 Sat 调休 =7, 10-14..18 =12, 10-21..25 =17,
    // 10-28..30 =20 → 2024-10-30.
    v.push(case(
        "in_person_due_day_of_national_day_2024",
        ART33,
        vec![at("2024-09-27")],
        "2024-10-30",
        vec![
            State(CaseState::Registered),
            Answer("2024-10-30", Running, Some(0)),
            Overdue(false),
        ],
    ));
    // Same count, posted and signed for (Art. 31(二)); the day after: (10-30, 10-31] = −1.
    v.push(case(
        "post_signed_day_after_due",
        ART33,
        vec![recv(ReceiptChannel::PostSigned, "2024-09-27")],
        "2024-10-31",
        vec![Answer("2024-10-30", Running, Some(-1)), Overdue(true)],
    ));
    // Fri 2024-12-20 + 20: 12-23..27 =5, 12-30, 31 =7, 2025-01-01 元旦,
    // 01-02, 03 =9, 01-06..10 =14, 01-13..17 =19, 01-20 =20.
    v.push(case(
        "ordinary_letter_across_the_year_end_answered_on_the_last_day",
        "条例第三十一条第（二）项、第三十三条第二款",
        vec![
            recv(ReceiptChannel::OrdinaryLetterConfirmed, "2024-12-20"),
            answered("2025-01-20"),
        ],
        "2025-01-21",
        vec![
            State(CaseState::Answered),
            Answer("2025-01-20", Met("2025-01-20"), None),
            Overdue(false),
        ],
    ));
    // Mon 2025-01-20 + 20: 01-21..24 =4, 01-26 Sun 调休 =5, 01-27 =6,
    // 01-28..02-04 春节, 02-05..07 =9, 02-08 Sat 调休 =10, 02-10..14 =15,
    // 02-17..21 =20 → 02-21; answered Mon 02-24: late.
    v.push(case(
        "online_over_spring_festival_2025_answered_late",
        "条例第三十一条第（三）项、第三十三条第二款",
        vec![
            recv(ReceiptChannel::OnlineConfirmed, "2025-01-20"),
            answered("2025-02-24"),
        ],
        "2025-02-24",
        vec![Answer("2025-02-21", Met("2025-02-24"), None), Overdue(true)],
    ));
    // Fri 2026-02-06 + 20: 02-09..13 =5, 02-14 Sat 调休 =6, 02-15..23 春节,
    // 02-24..27 =10, 02-28 Sat 调休 =11, 03-02..06 =16, 03-09..12 =20.
    // Left on 02-24: (02-24, 03-12] = 13.
    v.push(case(
        "fax_over_spring_festival_2026",
        ART33,
        vec![recv(ReceiptChannel::FaxConfirmed, "2026-02-06")],
        "2026-02-24",
        vec![Answer("2026-03-12", Running, Some(13))],
    ));
    // Fri 2025-09-26 + 20: 09-28 Sun 调休 =1, 09-29, 30 =3, 10-01..08
    // 国庆节、中秋节, 10-09, 10 =5, 10-11 Sat 调休 =6, 10-13..17 =11,
    // 10-20..24 =16, 10-27..30 =20. On the 调休 Saturday 10-11: 14 left.
    v.push(case(
        "email_over_national_day_2025_on_a_make_up_saturday",
        ART33,
        vec![recv(ReceiptChannel::Email, "2025-09-26")],
        "2025-10-11",
        vec![Answer("2025-10-30", Running, Some(14))],
    ));
    // Received (confirmed) Sat 2025-06-07: 06-09..13 =5, 06-16..20 =10,
    // 06-23..27 =15, 06-30..07-04 =20. On 06-09: 19 left.
    v.push(case(
        "online_received_on_a_saturday",
        "条例第三十一条第（三）项",
        vec![recv(ReceiptChannel::OnlineConfirmed, "2025-06-07")],
        "2025-06-09",
        vec![Answer("2025-07-04", Running, Some(19))],
    ));
    // Received Fri 2025-10-03 (holiday): 10-09, 10 =2, 10-11 Sat 调休 =3,
    // 10-13..17 =8, 10-20..24 =13, 10-27..31 =18, 11-03, 04 =20.
    v.push(case(
        "online_received_during_national_day",
        "条例第三十一条第（三）项",
        vec![recv(ReceiptChannel::OnlineConfirmed, "2025-10-03")],
        "2025-10-09",
        vec![Answer("2025-11-04", Running, Some(19))],
    ));
    // Mon 2024-09-09 + 20: 09-10..13 =4, 09-14 Sat 调休 =5, 09-15..17
    // 中秋节, 09-18..20 =8, 09-23..27 =13, 09-29 Sun 调休 =14, 09-30 =15,
    // 10-08..11 =19, 10-12 Sat 调休 =20 → the due day is a make-up Saturday.
    v.push(case(
        "due_on_a_make_up_saturday_answered_that_day",
        "国办发明电〔2023〕7号（2024年调休）",
        vec![at("2024-09-09"), answered("2024-10-12")],
        "2024-10-14",
        vec![
            Answer("2024-10-12", Met("2024-10-12"), None),
            Overdue(false),
        ],
    ));
    v.push(case(
        "due_on_a_make_up_saturday_answered_the_monday_after",
        "国办发明电〔2023〕7号（2024年调休）",
        vec![at("2024-09-09"), answered("2024-10-14")],
        "2024-10-14",
        vec![Answer("2024-10-12", Met("2024-10-14"), None), Overdue(true)],
    ));
    // Fri 2025-09-12 + 20: 09-15..19 =5, 09-22..26 =10, 09-28 Sun 调休 =11,
    // 09-29, 30 =13, 10-09, 10 =15, 10-11 Sat 调休 =16, 10-13..16 =20.
    // Answered on the 调休 Saturday, in time.
    v.push(case(
        "email_answered_on_a_make_up_saturday",
        ART33,
        vec![
            recv(ReceiptChannel::Email, "2025-09-12"),
            answered("2025-10-11"),
        ],
        "2025-10-13",
        vec![
            Answer("2025-10-16", Met("2025-10-11"), None),
            Overdue(false),
        ],
    ));

    // ── Provisional years (2027: statutory holidays, 调休 unknown) ─────────
    // Mon 2026-12-07 + 20: 12-08..11 =4, 12-14..18 =9, 12-21..25 =14,
    // 12-28..31 =18, 2027-01-01 元旦, 01-04, 05 =20 (the weekday rule alone
    // gave 01-04).
    v.push(case(
        "provisional_new_year_2027",
        "条例第三十三条第二款；放假办法第二条（元旦）",
        vec![at("2026-12-07")],
        "2026-12-07",
        vec![Answer("2027-01-05", Running, Some(20)), Provisional(true)],
    ));
    // Thu 2026-12-31 + 20: 01-01 元旦, 01-04..08 =5, 01-11..15 =10,
    // 01-18..22 =15, 01-25..29 =20.
    v.push(case(
        "provisional_received_on_the_last_day_of_2026",
        "条例第三十三条第二款；放假办法第二条",
        vec![at("2026-12-31")],
        "2026-12-31",
        vec![Answer("2027-01-29", Running, Some(20)), Provisional(true)],
    ));
    // Mon 2027-01-25 + 20: 01-26..29 =4, 02-01..04 =8, 02-05 除夕, 02-06..07
    // 初一、初二 (weekend), 02-08 初三, 02-09, 10 补假, 02-11, 12 =10,
    // 02-15..19 =15, 02-22..26 =20.
    v.push(case(
        "provisional_spring_festival_2027",
        "放假办法第二条第（二）项、第六条",
        vec![recv(ReceiptChannel::OnlineConfirmed, "2027-01-25")],
        "2027-01-25",
        vec![Answer("2027-02-26", Running, Some(20)), Provisional(true)],
    ));
    // Fri 2027-09-24 + 20: 09-27..30 =4, 10-01..03 国庆节, 10-04, 05 补假,
    // 10-06..08 =7, 10-11..15 =12, 10-18..22 =17, 10-25..27 =20.
    v.push(case(
        "provisional_national_day_2027",
        "放假办法第二条第（七）项、第六条",
        vec![recv(ReceiptChannel::PostSigned, "2027-09-24")],
        "2027-09-24",
        vec![Answer("2027-10-27", Running, Some(20)), Provisional(true)],
    ));
    // Tue 2027-04-06 + 20: 04-07..09 =3, 04-12..16 =8, 04-19..23 =13,
    // 04-26..30 =18, 05-01, 02 劳动节 (weekend), 05-03, 04 补假, 05-05, 06 =20.
    v.push(case(
        "provisional_labour_day_2027",
        "放假办法第二条第（四）项、第六条",
        vec![at("2027-04-06")],
        "2027-04-06",
        vec![Answer("2027-05-06", Running, Some(20)), Provisional(true)],
    ));
    // Extension of 20 on 04-28 (in time): 05-06 + 20: 05-07 =1, 05-10..14 =6,
    // 05-17..21 =11, 05-24..28 =16, 05-31..06-03 =20 → 06-03.
    // Left on 04-28: 04-29, 30, 05-05..07 and the 20 = 24.
    v.push(case(
        "provisional_extension_over_labour_day_2027",
        "条例第三十三条第二款；放假办法第六条",
        vec![at("2027-04-06"), extend("2027-04-28", 20)],
        "2027-04-28",
        vec![
            State(CaseState::Extended),
            Answer("2027-06-03", Running, Some(24)),
            Provisional(true),
        ],
    ));
    // Fee in person Thu 2027-01-28, paid Thu 02-04: (01-28, 02-04] =
    // 01-29, 02-01..04 = 5 not counted; 02-26 + 5: 03-01..05 → 03-05.
    // Left on Fri 02-05 (除夕): 02-11, 12, 02-15..19, 22..26, 03-01..05 = 17.
    v.push(case(
        "provisional_fee_over_spring_festival_2027",
        "国办函〔2020〕109号；放假办法第二条",
        vec![
            at("2027-01-25"),
            fee("2027-01-28", 200, InPerson),
            paid("2027-02-04"),
        ],
        "2027-02-05",
        vec![
            State(CaseState::Registered),
            Answer("2027-03-05", Running, Some(17)),
            Provisional(true),
        ],
    ));
    // 补正 posted 01-27 (in time: notice due 01-25 + 7 = 02-03), signed for
    // Thu 02-04; 10 working days from service: 02-11, 12, 02-15..19, 02-22..24
    // → 02-24. On 02-25 the period has lapsed: （六）1.
    v.push(case(
        "provisional_correction_served_by_post_lapses",
        "条例第三十条；放假办法第二条第（二）项",
        vec![
            at("2027-01-25"),
            corr("2027-01-27", 10, Post),
            served("2027-02-04", 2),
        ],
        "2027-02-25",
        vec![
            State(CaseState::CorrectionLapsed),
            Deadline(CorrectionReply, "2027-02-24", Lapsed),
            Implied(Some(Outcome::OtherOverdueCorrection)),
            NoAnswer,
        ],
    ));

    // ── The 2008 Regulation (received before 2019-05-15) ────────────────
    // Tue 2019-05-14 + 15 (2008 Art. 24): 05-15..17 =3, 05-20..24 =8,
    // 05-27..31 =13, 06-03, 04 =15.
    v.push(case(
        "regulation_2008_last_day",
        "2008年条例第二十四条第二款（15个工作日）",
        vec![at("2019-05-14")],
        "2019-06-04",
        vec![
            Regime(Regime::Regulation2008),
            Answer("2019-06-04", Running, Some(0)),
        ],
    ));
    // Wed 2019-05-15 + 20 (2019 Art. 33): 05-16, 17 =2, 05-20..24 =7,
    // 05-27..31 =12, 06-03..06 =16, 06-07 端午节, 06-10..13 =20.
    v.push(case(
        "regulation_2019_first_day",
        "国务院令第711号自2019-05-15施行；条例第三十三条第二款",
        vec![at("2019-05-15")],
        "2019-05-15",
        vec![
            Regime(Regime::Regulation2019),
            Answer("2019-06-13", Running, Some(20)),
        ],
    ));
    // Mon 2019-01-28 + 15: 01-29..02-01 =4, 02-02 Sat, 02-03 Sun 调休 =6,
    // 02-04..10 春节, 02-11..15 =11, 02-18..21 =15.
    v.push(case(
        "regulation_2008_spring_festival_2019",
        "2008年条例第二十四条第二款",
        vec![
            recv(ReceiptChannel::PostSigned, "2019-01-28"),
            answered("2019-02-21"),
        ],
        "2019-02-22",
        vec![
            Regime(Regime::Regulation2008),
            Answer("2019-02-21", Met("2019-02-21"), None),
            Overdue(false),
        ],
    ));
    // Extension of 15 on the last day 06-04 (2008 Art. 24 ¶2: at most 15):
    // 06-05, 06 =2, 06-07 端午节, 06-10..14 =7, 06-17..21 =12, 06-24..26 =15.
    // Left on 06-05: (06-05, 06-26] = 14.
    v.push(case(
        "regulation_2008_extension_of_15",
        "2008年条例第二十四条第二款",
        vec![at("2019-05-14"), extend("2019-06-04", 15)],
        "2019-06-05",
        vec![
            State(CaseState::Extended),
            Answer("2019-06-26", Running, Some(14)),
        ],
    ));
    v.push(case(
        "regulation_2008_extension_of_16_refused",
        "2008年条例第二十四条第二款",
        vec![at("2019-05-14"), extend("2019-06-04", 16)],
        "2019-06-05",
        vec![Refused("应为1至15个工作日")],
    ));
    // 2008 Art. 24 ¶3 leaves out only third parties' time: consulting another
    // agency does not stop the clock. Mon 2019-03-04 + 15: 03-05..08 =4,
    // 03-11..15 =9, 03-18..22 =14, 03-25 =15. Left on 03-18: 03-19..22, 25 = 5.
    v.push(case(
        "regulation_2008_consulting_an_agency_does_not_stop_the_clock",
        "2008年条例第二十四条第三款",
        vec![
            at("2019-03-04"),
            consult("2019-03-06", OtherAgency, InPerson),
            reply("2019-03-15", None),
        ],
        "2019-03-18",
        vec![Answer("2019-03-25", Running, Some(5)), Ineffective(2)],
    ));
    // 2008: a third party has no 15-day limit; the whole wait (03-06, 03-29]
    // = 03-07, 08, 11..15, 18..22, 25..29 = 17 is left out. 03-25 + 17:
    // 03-26..29 =4, 04-01..04 =8, 04-05 清明节, 04-08..12 =13, 04-15..18 =17.
    // Left on 04-01: 04-02..04, 08..12, 15..18 = 12.
    v.push(case(
        "regulation_2008_third_party_without_a_cap",
        "2008年条例第二十三条、第二十四条第三款",
        vec![
            at("2019-03-04"),
            consult("2019-03-06", ThirdParty, InPerson),
            reply("2019-03-29", None),
        ],
        "2019-04-01",
        vec![Answer("2019-04-18", Running, Some(12))],
    ));

    // ── 补正 (Art. 30) ─────────────────────────────────────────────────
    // Notice Thu 2024-10-10 (≤ 10-12, the 7th working day); 10 working days:
    // 10-11, 10-12 Sat 调休, 10-14..18, 10-21..23 → 10-23; corrected Fri
    // 10-18; the 20 days restart: 10-21..25 =5, 10-28..11-01 =10,
    // 11-04..08 =15, 11-11..15 =20. Left on 10-21: 19.
    v.push(case(
        "correction_restarts_the_period",
        "条例第三十条",
        vec![
            at("2024-09-27"),
            corr("2024-10-10", 10, InPerson),
            corrected("2024-10-18"),
        ],
        "2024-10-21",
        vec![
            State(CaseState::Registered),
            Answer("2024-11-15", Running, Some(19)),
            Deadline(CorrectionReply, "2024-10-23", Met("2024-10-18")),
            Deadline(CorrectionNotice, "2024-10-12", Met("2024-10-10")),
        ],
    ));
    // Posted Wed 2025-05-07, never signed for: the period has not begun, the
    // application may not be treated as abandoned (earliest end counted from
    // sending: 05-08, 09, 12..16, 19..21 → 05-21).
    v.push(case(
        "correction_by_post_unserved_never_lapses",
        "条例第三十条（补正期限自送达起算）",
        vec![at("2025-05-06"), corr("2025-05-07", 10, Post)],
        "2025-06-06",
        vec![
            State(CaseState::AwaitingCorrection),
            NoAnswer,
            Deadline(CorrectionReply, "2025-05-21", AwaitingService),
            Implied(None),
        ],
    ));
    // Signed for Mon 05-12: 05-13..16 =4, 05-19..23 =9, 05-26 =10 → 05-26.
    v.push(case(
        "correction_by_post_last_day_from_service",
        "条例第三十条（补正期限自送达起算）",
        vec![
            at("2025-05-06"),
            corr("2025-05-07", 10, Post),
            served("2025-05-12", 2),
        ],
        "2025-05-26",
        vec![
            State(CaseState::AwaitingCorrection),
            Deadline(CorrectionReply, "2025-05-26", Running),
        ],
    ));
    v.push(case(
        "correction_by_post_lapses_the_day_after",
        "条例第三十条",
        vec![
            at("2025-05-06"),
            corr("2025-05-07", 10, Post),
            served("2025-05-12", 2),
        ],
        "2025-05-27",
        vec![
            State(CaseState::CorrectionLapsed),
            Deadline(CorrectionReply, "2025-05-26", Lapsed),
            Implied(Some(Outcome::OtherOverdueCorrection)),
        ],
    ));
    // Notice due 10-12 (7th working day, a 调休 Saturday); sent Mon 10-14: late.
    v.push(case(
        "correction_notice_after_seven_working_days_is_flagged",
        "条例第三十条（7个工作日内一次性告知）",
        vec![at("2024-09-27"), corr("2024-10-14", 5, InPerson)],
        "2024-10-14",
        vec![
            State(CaseState::AwaitingCorrection),
            Deadline(CorrectionNotice, "2024-10-12", Met("2024-10-14")),
            Overdue(true),
        ],
    ));
    // Tue 2025-06-03 + 20: 06-04..06 =3, 06-09..13 =8, 06-16..20 =13,
    // 06-23..27 =18, 06-30, 07-01 =20 → 07-01. A 补正 notice on 07-03 comes
    // after the period ran out: it restarts nothing. Left on 07-04: −3.
    v.push(case(
        "correction_after_the_period_revives_nothing",
        "条例第三十条、第三十三条第二款",
        vec![at("2025-06-03"), corr("2025-07-03", 10, InPerson)],
        "2025-07-04",
        vec![
            State(CaseState::Registered),
            Answer("2025-07-01", Running, Some(-3)),
            Overdue(true),
            Ineffective(2),
        ],
    ));
    // Consultation from Wed 03-05, correction requested 03-06, corrected Mon
    // 03-10, reply Thu 03-20. New period from 03-10: 03-11..14 =4,
    // 03-17..21 =9, 03-24..28 =14, 03-31 =15, 04-01..03 =18, 04-04..06
    // 清明节, 04-07, 08 =20 → 04-08; the consultation's part inside the new
    // period, (03-10, 03-20] = 03-11..14, 17..20 = 8, is still not counted:
    // 04-09..11, 14..18 → 04-18. Left on 03-21: 19.
    v.push(case(
        "consultation_running_at_the_restart_is_clipped_not_dropped",
        "条例第三十条、第三十三条第三款",
        vec![
            at("2025-03-03"),
            consult("2025-03-05", ThirdParty, InPerson),
            corr("2025-03-06", 5, InPerson),
            corrected("2025-03-10"),
            reply("2025-03-20", None),
        ],
        "2025-03-21",
        vec![
            State(CaseState::Registered),
            Answer("2025-04-18", Running, Some(19)),
        ],
    ));
    // Corrected late (10-25, after 10-23): the period restarts from it all
    // the same; 10-25 + 20: 10-28..11-01 =5, 11-04..08 =10, 11-11..15 =15,
    // 11-18..22 =20. Left on 10-28: 19.
    v.push(case(
        "late_correction_restarts_and_is_flagged",
        "条例第三十条",
        vec![
            at("2024-09-27"),
            corr("2024-10-10", 10, InPerson),
            corrected("2024-10-25"),
        ],
        "2024-10-28",
        vec![
            Answer("2024-11-22", Running, Some(19)),
            Deadline(CorrectionReply, "2024-10-23", Met("2024-10-25")),
            Overdue(false),
        ],
    ));

    // ── Consultation (Art. 32–34) ───────────────────────────────────────
    // Mon 2025-03-03: base 03-31 (03-04..07, 10..14, 17..21, 24..28, 31).
    // Letter handed over 03-10, reply 03-20: (03-10, 03-20] = 8 not counted;
    // 03-31 + 8: 04-01..03, 04-07..11 → 04-11. Left on 03-21: 14.
    v.push(case(
        "consultation_replied_in_time",
        "条例第三十二条、第三十三条第三款",
        vec![
            at("2025-03-03"),
            consult("2025-03-10", ThirdParty, InPerson),
            reply("2025-03-20", None),
        ],
        "2025-03-21",
        vec![
            State(CaseState::Registered),
            Answer("2025-04-11", Running, Some(14)),
        ],
    ));
    // Posted 03-10, receipt never entered: the 15 days have not begun, the
    // clock still waits: (03-10, 04-15] = 25 → 03-31 + 25 = 05-08 (04-27 Sun
    // 调休, 05-01..05 劳动节); 15 left = 20 − 5 used before the letter.
    v.push(case(
        "consultation_by_post_unserved_keeps_the_clock_stopped",
        "条例第三十二条（自收到征求意见书之日起15个工作日）",
        vec![at("2025-03-03"), consult("2025-03-10", ThirdParty, Post)],
        "2025-04-15",
        vec![
            State(CaseState::InConsultation),
            Answer("2025-05-08", Suspended, Some(15)),
            Deadline(ConsultationReply, "2025-03-31", AwaitingService),
        ],
    ));
    // Signed for Thu 03-13: the third party's 15 days end 04-03 (03-14,
    // 17..21, 24..28, 31, 04-01..03); no reply: (03-10, 04-03] = 18 not
    // counted; 03-31 + 18 = 04-25. Left on 04-15: 04-16..18, 21..25 = 8.
    v.push(case(
        "consultation_by_post_counts_fifteen_days_from_service",
        "条例第三十二条、第三十三条第三款",
        vec![
            at("2025-03-03"),
            consult("2025-03-10", ThirdParty, Post),
            served("2025-03-13", 2),
        ],
        "2025-04-15",
        vec![
            State(CaseState::Registered),
            Answer("2025-04-25", Running, Some(8)),
            Deadline(ConsultationReply, "2025-04-03", Lapsed),
        ],
    ));
    // A third party from 03-10 (reply 03-20) and an agency from 03-12 (reply
    // 03-25): (03-10, 03-20] ∪ (03-12, 03-25] = 03-11..14, 17..21, 24, 25 =
    // 11, counted once; 03-31 + 11 = 04-16. Left on 03-26: 14.
    v.push(case(
        "parallel_consultations_count_overlapping_days_once",
        "条例第三十二条、第三十三条第三款、第三十四条",
        vec![
            at("2025-03-03"),
            consult("2025-03-10", ThirdParty, InPerson),
            consult("2025-03-12", OtherAgency, InPerson),
            reply("2025-03-20", Some(2)),
            reply("2025-03-25", Some(3)),
        ],
        "2025-03-26",
        vec![
            State(CaseState::Registered),
            Answer("2025-04-16", Running, Some(14)),
        ],
    ));
    // The agency has not answered yet on 03-21: (03-10, 03-21] = 9 so far;
    // 03-31 + 9 = 04-14, suspended, 15 left.
    v.push(case(
        "parallel_consultation_still_open",
        "条例第三十三条第三款、第三十四条",
        vec![
            at("2025-03-03"),
            consult("2025-03-10", ThirdParty, InPerson),
            consult("2025-03-12", OtherAgency, InPerson),
            reply("2025-03-20", Some(2)),
        ],
        "2025-03-21",
        vec![
            State(CaseState::InConsultation),
            Answer("2025-04-14", Suspended, Some(15)),
        ],
    ));
    // Due 07-01 (counted above); a letter on 07-02 stops nothing.
    v.push(case(
        "consultation_after_the_period_revives_nothing",
        "条例第三十三条第三款",
        vec![
            at("2025-06-03"),
            consult("2025-07-02", ThirdParty, InPerson),
        ],
        "2025-07-04",
        vec![
            State(CaseState::Registered),
            Answer("2025-07-01", Running, Some(-3)),
            Overdue(true),
            Ineffective(2),
        ],
    ));
    // On the last day (07-01) the letter still counts: (07-01, 07-10] =
    // 07-02..04, 07..10 = 7 → 07-01 + 7 = 07-10; on 07-10, 0 left.
    v.push(case(
        "consultation_on_the_last_day_counts",
        "条例第三十三条第三款",
        vec![
            at("2025-06-03"),
            consult("2025-07-01", ThirdParty, InPerson),
            reply("2025-07-10", None),
        ],
        "2025-07-10",
        vec![Answer("2025-07-10", Running, Some(0)), Overdue(false)],
    ));
    // Reply 04-02 after the 15 days (03-31): only (03-10, 03-31] = 15 left
    // out; 03-31 + 15: 04-01..03 =3, 04-07..11 =8, 04-14..18 =13, 04-21, 22
    // → 04-22. Left on 04-15: 04-16..18, 21, 22 = 5.
    v.push(case(
        "late_reply_does_not_hold_the_clock",
        "条例第三十二条",
        vec![
            at("2025-03-03"),
            consult("2025-03-10", ThirdParty, InPerson),
            reply("2025-04-02", None),
        ],
        "2025-04-15",
        vec![
            Answer("2025-04-22", Running, Some(5)),
            Deadline(ConsultationReply, "2025-03-31", Met("2025-04-02")),
        ],
    ));

    // ── Extension (Art. 33 ¶2) ─────────────────────────────────────────
    // Approved on the last day 07-01: 07-01 + 20: 07-02..04 =3, 07-07..11 =8,
    // 07-14..18 =13, 07-21..25 =18, 07-28, 29 =20. Left on 07-02: 19.
    v.push(case(
        "extension_on_the_last_day",
        ART33,
        vec![at("2025-06-03"), extend("2025-07-01", 20)],
        "2025-07-02",
        vec![
            State(CaseState::Extended),
            Answer("2025-07-29", Running, Some(19)),
        ],
    ));
    v.push(case(
        "extension_after_the_period_is_refused",
        "条例第三十三条第二款（延期须在期限内批准并告知）",
        vec![at("2025-06-03"), extend("2025-07-03", 20)],
        "2025-07-04",
        vec![Refused("2025-07-01")],
    ));
    // Extension of 5 during a consultation: 04-11 + 5 = 04-14..18 → 04-18.
    // Left on 03-21: (03-21, 04-18] = 19.
    v.push(case(
        "extension_during_a_consultation",
        "条例第三十三条第二款、第三款",
        vec![
            at("2025-03-03"),
            consult("2025-03-10", ThirdParty, InPerson),
            extend("2025-03-14", 5),
            reply("2025-03-20", None),
        ],
        "2025-03-21",
        vec![
            State(CaseState::Extended),
            Answer("2025-04-18", Running, Some(19)),
        ],
    ));

    // ── Fees (国办函〔2020〕109号) ──────────────────────────────────────
    // Mon 2025-09-01: base 09-28 (Sun 调休). Notice handed over 09-10, paid
    // 09-19: (09-10, 09-19] = 7; 09-28 + 7: 09-29, 30, 10-09, 10, 10-11 Sat
    // 调休, 10-13, 14 → 10-14. Left on 09-22: 12.
    v.push(case(
        "fee_paid_in_time",
        "国办函〔2020〕109号",
        vec![
            at("2025-09-01"),
            fee("2025-09-10", 5_500, InPerson),
            paid("2025-09-19"),
        ],
        "2025-09-22",
        vec![
            State(CaseState::Registered),
            Answer("2025-10-14", Running, Some(12)),
        ],
    ));
    // Posted Wed 05-07, signed for Mon 05-12: 20 working days from the day
    // after service: 05-13..16 =4, 05-19..23 =9, 05-26..30 =14, 05-31..06-02
    // 端午节, 06-03..06 =18, 06-09, 10 =20 → 06-10 (not 06-05). On 06-06 the
    // applicant still has 2 days. The answer waits: base 05-06 + 20 = 06-04;
    // (05-07, 06-06] = 21 → 07-03, 19 left (05-07 used).
    v.push(case(
        "fee_by_post_runs_from_service",
        "国办函〔2020〕109号（自收到收费通知次日起20个工作日）",
        vec![
            at("2025-05-06"),
            fee("2025-05-07", 100, Post),
            served("2025-05-12", 2),
        ],
        "2025-06-06",
        vec![
            State(CaseState::AwaitingFeePayment),
            Deadline(FeePayment, "2025-06-10", Running),
            Answer("2025-07-03", Suspended, Some(19)),
            Implied(None),
        ],
    ));
    v.push(case(
        "fee_by_post_lapses_after_the_period_from_service",
        "国办函〔2020〕109号",
        vec![
            at("2025-05-06"),
            fee("2025-05-07", 100, Post),
            served("2025-05-12", 2),
        ],
        "2025-06-11",
        vec![
            State(CaseState::FeeLapsed),
            Deadline(FeePayment, "2025-06-10", Lapsed),
            NoAnswer,
            Implied(Some(Outcome::OtherUnpaidFee)),
            Overdue(false),
        ],
    ));
    // Never signed for: the payment period has not begun. Earliest end from
    // sending: 05-08 + … = 06-05. The answer waits: (05-07, 07-15] = 48;
    // 06-04 + 48 = 08-11; 19 left.
    v.push(case(
        "fee_by_post_unserved_never_lapses",
        "国办函〔2020〕109号",
        vec![at("2025-05-06"), fee("2025-05-07", 100, Post)],
        "2025-07-15",
        vec![
            State(CaseState::AwaitingFeePayment),
            Deadline(FeePayment, "2025-06-05", AwaitingService),
            Answer("2025-08-11", Suspended, Some(19)),
            Implied(None),
        ],
    ));
    // Notice handed over 09-10: 20 working days 09-11, 12, 15..19, 22..26,
    // 09-28 Sun 调休, 09-29, 30, 10-09, 10, 10-11 Sat 调休, 10-13, 14 → 10-14.
    // Unpaid on 10-15: deemed abandoned, no answer period runs.
    v.push(case(
        "fee_lapsed_has_no_answer_deadline",
        "国办函〔2020〕109号",
        vec![at("2025-09-01"), fee("2025-09-10", 5_500, InPerson)],
        "2025-10-15",
        vec![
            State(CaseState::FeeLapsed),
            NoAnswer,
            Implied(Some(Outcome::OtherUnpaidFee)),
            Overdue(false),
        ],
    ));
    // Paid 10-20, after the period (10-14): at most the 20 days (09-10, 10-14]
    // are left out; 09-28 + 20: 09-29, 30, 10-09, 10, 10-11 Sat 调休,
    // 10-13..17, 20..24, 27..31 → 10-31. Left on 10-20: 10-21..24, 27..31 = 9.
    v.push(case(
        "fee_paid_late_counts_at_most_the_payment_period",
        "国办函〔2020〕109号",
        vec![
            at("2025-09-01"),
            fee("2025-09-10", 5_500, InPerson),
            paid("2025-10-20"),
        ],
        "2025-10-20",
        vec![
            State(CaseState::Registered),
            Answer("2025-10-31", Running, Some(9)),
            Deadline(FeePayment, "2025-10-14", Met("2025-10-20")),
        ],
    ));
    // Paid on the last day 10-14: the same 20 days, the same 10-31.
    v.push(case(
        "fee_paid_on_the_last_day",
        "国办函〔2020〕109号",
        vec![
            at("2025-09-01"),
            fee("2025-09-10", 5_500, InPerson),
            paid("2025-10-14"),
        ],
        "2025-10-15",
        vec![
            Answer("2025-10-31", Running, Some(12)),
            Deadline(FeePayment, "2025-10-14", Met("2025-10-14")),
        ],
    ));
    // Fri 2025-06-06 + 20: 06-09..13 =5, 06-16..20 =10, 06-23..27 =15,
    // 06-30..07-04 =20 → Fri 07-04. A fee notice on Sat 07-05, paid and
    // answered Mon 07-07: the notice came after the period; the answer is late.
    v.push(case(
        "fee_notice_the_saturday_after_a_friday_deadline",
        "国办函〔2020〕109号（收费通知须在答复期限内发出）",
        vec![
            at("2025-06-06"),
            fee("2025-07-05", 100, InPerson),
            paid("2025-07-07"),
            answered("2025-07-07"),
        ],
        "2025-07-07",
        vec![
            State(CaseState::Answered),
            Answer("2025-07-04", Met("2025-07-07"), None),
            Overdue(true),
            Ineffective(2),
        ],
    ));
    v.push(case(
        "zero_yuan_fee_notice_refused",
        "国办函〔2020〕109号第四条、第五条（免费额度内不收费）",
        vec![at("2025-06-06"), fee("2025-06-10", 0, InPerson)],
        "2025-06-10",
        vec![Refused("0元")],
    ));
    // Consultation (03-10, 03-20] and fee (03-12, 03-20]: union 8, counted
    // once → 04-11 as for the consultation alone.
    v.push(case(
        "fee_and_consultation_overlap_once",
        "条例第三十三条第三款；国办函〔2020〕109号",
        vec![
            at("2025-03-03"),
            consult("2025-03-10", OtherAgency, InPerson),
            fee("2025-03-12", 100, InPerson),
            reply("2025-03-20", None),
            paid("2025-03-20"),
        ],
        "2025-03-21",
        vec![Answer("2025-04-11", Running, Some(14))],
    ));

    // ── Art. 35: a reasonable later deadline ────────────────────────────
    // Set on 06-20 (before 07-01) to Fri 08-29. Left on 07-15: 07-16..18,
    // 21..25, 28..31, 08-01, 04..08, 11..15, 18..22, 25..29 = 33.
    v.push(case(
        "art35_sets_a_later_deadline",
        "条例第三十五条",
        vec![at("2025-06-03"), art35("2025-06-20", "2025-08-29")],
        "2025-07-15",
        vec![
            State(CaseState::Deferred),
            Answer("2025-08-29", Running, Some(33)),
            Overdue(false),
        ],
    ));
    v.push(case(
        "art35_after_the_period_is_refused",
        "条例第三十五条（须在第三十三条的期限内告知）",
        vec![at("2025-06-03"), art35("2025-07-02", "2025-08-29")],
        "2025-07-02",
        vec![Refused("2025-07-01")],
    ));
    v.push(case(
        "art35_not_later_than_the_period_is_refused",
        "条例第三十五条",
        vec![at("2025-06-03"), art35("2025-06-20", "2025-06-30")],
        "2025-06-20",
        vec![Refused("须晚于")],
    ));
    v.push(case(
        "extension_after_art35_is_refused",
        "条例第三十三条第二款、第三十五条",
        vec![
            at("2025-06-03"),
            art35("2025-06-20", "2025-08-29"),
            extend("2025-06-25", 10),
        ],
        "2025-06-25",
        vec![Refused("不能再延期")],
    ));

    // ── Closing, reopening, transfer ────────────────────────────────────
    // Reopened Fri 2024-12-20: 20 working days → 2025-01-20 (year-end count
    // above); left on 12-23: 19.
    v.push(case(
        "reopened_starts_a_new_period",
        "行政复议决定责令重新答复；条例第三十三条第二款",
        vec![
            at("2024-09-27"),
            ProcedureEvent::Answered {
                date: d("2024-10-30"),
                outcome: Outcome::DeniedProcessInfo,
            },
            ProcedureEvent::Reopened {
                date: d("2024-12-20"),
                reason: "行政复议决定责令重新答复".to_owned(),
            },
        ],
        "2024-12-23",
        vec![
            State(CaseState::Registered),
            Answer("2025-01-20", Running, Some(19)),
        ],
    ));
    // Transferred Fri 10-18: the receiving agency's 20 days → 11-15.
    v.push(case(
        "transfer_starts_a_new_period",
        "条例第三十一条、第三十三条第二款",
        vec![
            at("2024-09-27"),
            ProcedureEvent::Transferred {
                date: d("2024-10-18"),
                from_agency: "某县人民政府".to_owned(),
                to_agency: "某县财政局".to_owned(),
                reason: "所申请信息由该局制作并保存".to_owned(),
            },
        ],
        "2024-10-21",
        vec![Answer("2024-11-15", Running, Some(19))],
    ));
    v.push(case(
        "withdrawn_has_no_deadline",
        "申请人撤回申请",
        vec![
            at("2024-09-27"),
            ProcedureEvent::Withdrawn {
                date: d("2024-10-08"),
            },
        ],
        "2024-10-09",
        vec![State(CaseState::Withdrawn), NoAnswer, Implied(None)],
    ));
    // Correction due 10-23 unanswered; closed 10-25: （六）1.
    v.push(case(
        "closed_after_the_correction_lapsed",
        "条例第三十条",
        vec![
            at("2024-09-27"),
            corr("2024-10-10", 10, InPerson),
            ProcedureEvent::Closed {
                date: d("2024-10-25"),
            },
        ],
        "2024-10-28",
        vec![
            State(CaseState::Closed),
            NoAnswer,
            Implied(Some(Outcome::OtherOverdueCorrection)),
        ],
    ));
    v
}

/// Checks a computed status against a case's expectations; the error names
/// the case and what differs.
pub fn verify(s: &Scenario, status: &gongkai_domain::deadline::CaseStatus) -> Result<(), String> {
    use gongkai_domain::deadline::{DeadlineKind as K, DeadlineStatus};
    let st = |d: &gongkai_domain::deadline::Deadline| match d.status {
        DeadlineStatus::Running => Running,
        DeadlineStatus::Suspended => Suspended,
        DeadlineStatus::Lapsed => Lapsed,
        DeadlineStatus::AwaitingService => AwaitingService,
        DeadlineStatus::Met { on } => Met(if d.due == on { "=due" } else { "other" }),
    };
    let fail = |what: String| Err(format!("{}: {what}\n{status:#?}", s.name));
    for check in &s.checks {
        match check {
            State(state) if status.state != *state => {
                return fail(format!("state {:?}, expected {state:?}", status.state));
            }
            Answer(due, want, left) => {
                let Some(a) = status.deadline(K::Answer) else {
                    return fail("no answer deadline".into());
                };
                let ok_status = match (want, a.status) {
                    (Met(on), DeadlineStatus::Met { on: got }) => d(on) == got,
                    (w, _) => *w == st(a),
                };
                if a.due != d(due) || !ok_status || a.days_left != *left {
                    return fail(format!(
                        "answer {} {:?} {:?}, expected {due} {want:?} {left:?}",
                        a.due, a.status, a.days_left
                    ));
                }
            }
            NoAnswer if status.deadline(K::Answer).is_some() => {
                return fail("an answer deadline where none should run".into());
            }
            Deadline(kind, due, want) => {
                let Some(x) = status.deadline(*kind) else {
                    return fail(format!("no {kind:?} deadline"));
                };
                let ok_status = match (want, x.status) {
                    (Met(on), DeadlineStatus::Met { on: got }) => d(on) == got,
                    (w, _) => *w == st(x),
                };
                if x.due != d(due) || !ok_status {
                    return fail(format!(
                        "{kind:?} {} {:?}, expected {due} {want:?}",
                        x.due, x.status
                    ));
                }
            }
            Overdue(o) if status.agency_overdue() != *o => {
                return fail(format!(
                    "agency overdue {}, expected {o}",
                    status.agency_overdue()
                ));
            }
            Implied(o) if status.implied_outcome != *o => {
                return fail(format!(
                    "implied {:?}, expected {o:?}",
                    status.implied_outcome
                ));
            }
            Provisional(p) if status.is_provisional() != *p => {
                return fail(format!(
                    "provisional {:?}, expected {p}",
                    status.provisional_years
                ));
            }
            Ineffective(seq) if !status.ineffective_steps.iter().any(|i| i.seq == *seq) => {
                return fail(format!("step {seq} not reported as ineffective"));
            }
            Regime(r) if status.regime != *r => {
                return fail(format!("regime {:?}, expected {r:?}", status.regime));
            }
            _ => {}
        }
    }
    Ok(())
}
