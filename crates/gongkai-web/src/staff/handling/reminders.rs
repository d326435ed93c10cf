//! The daily reminder digest: open applications of a user's scope whose
//! answer deadline has passed or falls within 3 working days — on the page
//! `/staff/reminders` and by e-mail once a day ([`send_digests`], run by
//! `gongkai serve` at the configured Beijing time and by `gongkai reminders
//! send`). Composition and SMTP live in `gongkai-mail`; this module only
//! collects the cases through the same scope rule as every staff page.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Response};
use chrono::{NaiveDate, Utc};
use gongkai_domain::deadline::DeadlineStatus;
use gongkai_mail::schedule::{beijing_date, next_run, passed_today};
use gongkai_mail::{DailyTime, Digest, DigestCase, Mailer, SmtpSettings, compose};
use gongkai_store::{StaffUser, Store};
use serde::Deserialize;

use super::super::error::StaffError;
use super::super::inbox::SOON_WORKDAYS;
use super::super::scope::{Scope, no_case_access};
use super::super::views::StaffChrome;
use super::super::{Staff, StaffState};

/// How reminders are sent, from the environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderSettings {
    /// The site's address for links in the e-mail (`GONGKAI_PUBLIC_URL`).
    pub public_url: String,
    /// The SMTP server and sender; `None` when mail is off.
    pub smtp: Option<SmtpSettings>,
    /// When the digest goes out, Beijing time (`GONGKAI_REMINDER_TIME`).
    pub time: DailyTime,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            public_url: "http://127.0.0.1:8080".into(),
            smtp: None,
            time: DailyTime::default(),
        }
    }
}

impl ReminderSettings {
    /// Reads `GONGKAI_PUBLIC_URL`, `GONGKAI_SMTP_URL`, `GONGKAI_SMTP_FROM`
    /// and `GONGKAI_REMINDER_TIME`; errors name the variable.
    pub fn from_env() -> Result<ReminderSettings, String> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let public_url = var("GONGKAI_PUBLIC_URL")
            .map(|u| u.trim().trim_end_matches('/').to_owned())
            .unwrap_or_else(|| ReminderSettings::default().public_url);
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(format!(
                "GONGKAI_PUBLIC_URL无效：“{public_url}”应以 http:// 或 https:// 开头"
            ));
        }
        let time = match var("GONGKAI_REMINDER_TIME") {
            Some(t) => t
                .parse()
                .map_err(|e| format!("GONGKAI_REMINDER_TIME无效：{e}"))?,
            None => DailyTime::default(),
        };
        let smtp = SmtpSettings::from_env().map_err(|e| e.to_string())?;
        Ok(ReminderSettings {
            public_url,
            smtp,
            time,
        })
    }
}

/// Every open case overdue or due within 3 working days on `day`, with
/// its agency's code, most urgent first (computed once per digest run).
async fn due_cases(
    store: &Store,
    day: NaiveDate,
) -> Result<Vec<(String, DigestCase)>, gongkai_store::StoreError> {
    let names: HashMap<String, String> = store
        .agencies()
        .await?
        .into_iter()
        .map(|a| (a.code, a.name))
        .collect();
    let due = store
        .due_applications(None, day, u32::try_from(SOON_WORKDAYS).unwrap_or(3))
        .await?;
    Ok(due
        .into_iter()
        .map(|d| {
            let code = d.application.agency_code;
            let case = DigestCase {
                agency_name: names.get(&code).cloned().unwrap_or_else(|| code.clone()),
                number: d.application.number,
                query_code: d.application.query_code,
                days_left: d.deadline.days_left.unwrap_or(0),
                due: d.deadline.due,
                paused: d.deadline.status == DeadlineStatus::Suspended,
                provisional: d.deadline.provisional,
                path: format!("/staff/cases/{}", d.application.id),
            };
            (code, case)
        })
        .collect())
}

/// The cases of `due` that `scope` covers.
fn in_scope(due: &[(String, DigestCase)], scope: &Scope) -> Vec<DigestCase> {
    due.iter()
        .filter(|(code, _)| scope.covers(code))
        .map(|(_, case)| case.clone())
        .collect()
}

/// The cases of `scope` that are overdue or due within 3 working days on
/// `day`, most urgent first.
pub(crate) async fn cases_for(
    store: &Store,
    scope: &Scope,
    day: NaiveDate,
) -> Result<Vec<DigestCase>, gongkai_store::StoreError> {
    if !scope.has_cases() {
        return Ok(Vec::new());
    }
    Ok(in_scope(&due_cases(store, day).await?, scope))
}

/// What one run of the digest did, per recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DigestOutcome {
    /// Sent (or, in a dry run, would be sent) with this many cases.
    Sent {
        /// The user.
        username: String,
        /// The address.
        email: String,
        /// Cases listed.
        cases: usize,
    },
    /// Already sent that day (recorded), skipped.
    AlreadySent {
        /// The user.
        username: String,
    },
    /// Nothing due in the user's scope: no mail.
    NothingDue {
        /// The user.
        username: String,
    },
    /// Sending failed; the next run tries again.
    Failed {
        /// The user.
        username: String,
        /// Why.
        error: String,
    },
}

/// How a run sends: for real (mail, then record), or as a dry run that
/// returns the composed messages and writes nothing.
pub enum DigestMode<'a> {
    /// Send with this mailer and record each sent digest.
    Send(&'a Mailer),
    /// Compose only; the messages go to the callback (e.g. printed).
    DryRun(&'a mut (dyn FnMut(&str, &gongkai_mail::MailMessage) + Send)),
}

/// Sends the digest of `day` to every active officer, supervisor and
/// administrator with an e-mail address whose scope has overdue or soon-due
/// applications, skipping users already recorded for that day. A failure
/// for one user does not stop the others.
pub async fn send_digests(
    store: &Store,
    settings: &ReminderSettings,
    day: NaiveDate,
    mut mode: DigestMode<'_>,
) -> Result<Vec<DigestOutcome>, gongkai_store::StoreError> {
    let mut outcomes = Vec::new();
    let recipients = store.reminder_recipients().await?;
    if recipients.is_empty() {
        return Ok(outcomes);
    }
    let due = due_cases(store, day).await?;
    for recipient in recipients {
        let user: &StaffUser = &recipient.user;
        let username = user.username.clone();
        if matches!(mode, DigestMode::Send(_)) && store.reminder_sent(user.id, day).await? {
            outcomes.push(DigestOutcome::AlreadySent { username });
            continue;
        }
        let scope = match user.role {
            gongkai_store::StaffRole::Administrator => Scope::All,
            gongkai_store::StaffRole::Supervisor => {
                Scope::Agencies(store.agency_with_subordinates(&user.agency_code).await?)
            }
            gongkai_store::StaffRole::Officer => Scope::Agencies(vec![user.agency_code.clone()]),
            gongkai_store::StaffRole::Reviewer => Scope::NoCases,
        };
        let cases = in_scope(&due, &scope);
        if cases.is_empty() {
            outcomes.push(DigestOutcome::NothingDue { username });
            continue;
        }
        let count = cases.len();
        let message = compose(
            &Digest {
                date: day,
                recipient_name: user.display_name.clone(),
                cases,
            },
            &settings.public_url,
        );
        match &mut mode {
            DigestMode::DryRun(show) => show(&recipient.email, &message),
            DigestMode::Send(mailer) => {
                if let Err(e) = mailer
                    .send(&user.display_name, &recipient.email, &message)
                    .await
                {
                    outcomes.push(DigestOutcome::Failed {
                        username,
                        error: e.to_string(),
                    });
                    continue;
                }
                store
                    .record_reminder_sent(user.id, day, &recipient.email, count)
                    .await?;
            }
        }
        outcomes.push(DigestOutcome::Sent {
            username,
            email: recipient.email.clone(),
            cases: count,
        });
    }
    Ok(outcomes)
}

/// How long to wait before trying again the users whose digest failed.
const RETRY_AFTER: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Runs the digest every day at the configured time for as long as the
/// server runs; on start it catches up when today's time has passed, and
/// after a failed delivery it tries again every 15 minutes until the next
/// day's run (the record of sent digests keeps anyone from getting two).
pub fn spawn_daily(store: Store, settings: Arc<ReminderSettings>, mailer: Mailer) {
    tokio::spawn(async move {
        let mut first = true;
        let mut retry = false;
        loop {
            let now = Utc::now();
            let until_next = (next_run(now, settings.time) - now)
                .to_std()
                .unwrap_or_default();
            let wait = if first && passed_today(now, settings.time) {
                std::time::Duration::ZERO
            } else if retry {
                RETRY_AFTER.min(until_next)
            } else {
                until_next
            };
            first = false;
            tokio::time::sleep(wait).await;
            let day = beijing_date(Utc::now());
            retry = match send_digests(&store, &settings, day, DigestMode::Send(&mailer)).await {
                Ok(outcomes) => {
                    report(day, &outcomes);
                    outcomes
                        .iter()
                        .any(|o| matches!(o, DigestOutcome::Failed { .. }))
                }
                Err(e) => {
                    eprintln!("gongkai-web: 到期提醒未能发送（{day}）：{e}");
                    true
                }
            };
        }
    });
}

/// Prints one line per run (and per failure) for the operator.
fn report(day: NaiveDate, outcomes: &[DigestOutcome]) {
    let sent = outcomes
        .iter()
        .filter(|o| matches!(o, DigestOutcome::Sent { .. }))
        .count();
    println!("到期提醒（{day}）：发送 {sent} 封");
    for o in outcomes {
        if let DigestOutcome::Failed { username, error } = o {
            eprintln!("gongkai-web: 到期提醒发送失败（{username}）：{error}");
        }
    }
}

/// A case on the page.
struct ReminderRow {
    href: String,
    number: String,
    query_code: String,
    agency: String,
    due: String,
    left: String,
    class: &'static str,
    paused: bool,
}

/// A group of cases on the page.
struct Section {
    id: &'static str,
    title: &'static str,
    rows: Vec<ReminderRow>,
}

/// `GET /staff/reminders`.
#[derive(Template)]
#[template(path = "staff/reminders.html")]
struct RemindersView {
    chrome: StaffChrome,
    csrf: String,
    today: String,
    overdue_count: usize,
    soon_count: usize,
    sections: Vec<Section>,
    email: String,
    mail_on: bool,
    time: String,
    flash: Option<&'static str>,
    error: Option<String>,
}

/// The page's query (`?done=email` after saving the address).
#[derive(Debug, Deserialize, Default)]
pub(crate) struct PageQuery {
    #[serde(default)]
    done: Option<String>,
}

/// `GET /staff/reminders`: today's digest of the user's scope, and the
/// user's e-mail address for it.
pub(crate) async fn page(
    State(state): State<StaffState>,
    staff: Staff,
    Query(query): Query<PageQuery>,
) -> Result<Response, StaffError> {
    let flash = (query.done.as_deref() == Some("email")).then_some("电子邮箱已保存。");
    render_page(&state, &staff, flash, None, None).await
}

/// Renders the page, optionally with an e-mail form error and its input.
pub(crate) async fn render_page(
    state: &StaffState,
    staff: &Staff,
    flash: Option<&'static str>,
    error: Option<String>,
    email_input: Option<String>,
) -> Result<Response, StaffError> {
    if !staff.scope.has_cases() {
        return Err(no_case_access());
    }
    let store = &state.app.store;
    let today = store.today();
    let cases = cases_for(store, &staff.scope, today).await?;
    let row = |c: &DigestCase| ReminderRow {
        href: c.path.clone(),
        number: c.number.clone(),
        query_code: c.query_code.clone(),
        agency: c.agency_name.clone(),
        due: c.due.to_string(),
        left: gongkai_mail::digest::days_text(c.days_left),
        class: if c.days_left <= 0 {
            "u-overdue"
        } else {
            "u-soon"
        },
        paused: c.paused,
    };
    let email = match email_input {
        Some(input) => input,
        None => store.staff_email(staff.user.id).await?,
    };
    let settings = &state.app.reminders;
    let status = if error.is_some() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    let view = RemindersView {
        chrome: staff.chrome("到期提醒", "reminders"),
        csrf: staff.csrf.clone(),
        today: today.to_string(),
        overdue_count: cases.iter().filter(|c| c.days_left <= 0).count(),
        soon_count: cases.iter().filter(|c| c.days_left > 0).count(),
        sections: vec![
            Section {
                id: "rm-overdue",
                title: "已逾期或今日到期",
                rows: cases.iter().filter(|c| c.days_left <= 0).map(row).collect(),
            },
            Section {
                id: "rm-soon",
                title: "3个工作日内到期",
                rows: cases.iter().filter(|c| c.days_left > 0).map(row).collect(),
            },
        ],
        email,
        mail_on: settings.smtp.is_some(),
        time: settings.time.to_string(),
        flash,
        error,
    };
    Ok((status, Html(view.render()?)).into_response())
}

#[cfg(test)]
mod tests {
    use gongkai_domain::calendar::WorkCalendar;
    use gongkai_domain::casework::ApplicantType;
    use gongkai_domain::deadline::{DeadlineKind, evaluate};
    use gongkai_store::{
        AgencyKind, DeliveryForm, IdDocumentType, NewAgency, NewApplicant, NewApplication,
    };

    use super::*;

    use crate::staff::scenario_cases as cases;

    /// For every case of the deadline scenario suite, the reminder digest
    /// lists it exactly when `case show` has a running answer deadline within
    /// 3 working days or past, with that date, its pause and provisional flags.
    #[tokio::test]
    async fn the_digest_agrees_with_the_case_status_for_every_scenario() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("r.db").display());
        let base = Store::open(&url).await.expect("store");
        let cal = WorkCalendar::operational().expect("calendar");
        let scenarios: Vec<cases::Scenario> = cases::all()
            .into_iter()
            .filter(|s| s.refused().is_none())
            .filter(|s| {
                !matches!(
                    s.events.get(1),
                    Some(gongkai_domain::deadline::ProcedureEvent::Transferred { .. })
                )
            })
            .collect();
        for (i, s) in scenarios.iter().enumerate() {
            let code = format!("s{i:02}");
            base.put_agency(
                "test",
                &NewAgency {
                    code: code.clone(),
                    name: code.clone(),
                    kind: AgencyKind::Department,
                    parent_code: None,
                    address: String::new(),
                    phone: String::new(),
                    office_hours: String::new(),
                    sort_order: 0,
                },
            )
            .await
            .expect("agency");
            let store = base.clone().with_today(s.today());
            let gongkai_domain::deadline::ProcedureEvent::Received { channel, date } = &s.events[0]
            else {
                panic!("{}: no receipt", s.name);
            };
            let app = store
                .create_application(
                    "test",
                    &NewApplication {
                        agency_code: code.clone(),
                        applicant: NewApplicant {
                            applicant_type: ApplicantType::NaturalPerson,
                            name: "张三".into(),
                            id_document_type: IdDocumentType::ResidentId,
                            id_document_number: "11010519491231002X".into(),
                            phone: "13812345678".into(),
                            address: String::new(),
                            email: String::new(),
                            organisation_name: None,
                            credit_code: None,
                        },
                        channel: *channel,
                        received_on: *date,
                        description: "请公开某项目预算".into(),
                        delivery_form: DeliveryForm::ElectronicEmail,
                    },
                )
                .await
                .expect("registered");
            for event in &s.events[1..] {
                store
                    .add_event("test", app.id, event.clone())
                    .await
                    .expect("recorded");
            }
            let shown = store.case_status(app.id).await.expect("status");
            let domain = evaluate(cal, &s.events, s.today()).expect("evaluates");
            assert_eq!(shown, domain, "{}", s.name);
            let listed: Vec<DigestCase> = cases_for(&store, &Scope::All, s.today())
                .await
                .expect("digest")
                .into_iter()
                .filter(|c| c.number == app.number && c.path == format!("/staff/cases/{}", app.id))
                .collect();
            let expected = domain.deadline(DeadlineKind::Answer).filter(|d| {
                matches!(
                    d.status,
                    DeadlineStatus::Running | DeadlineStatus::Suspended
                ) && d.days_left.is_some_and(|left| left <= SOON_WORKDAYS)
            });
            match (listed.as_slice(), expected) {
                ([], None) => {}
                ([c], Some(d)) => {
                    assert_eq!(c.due, d.due, "{}", s.name);
                    assert_eq!(Some(c.days_left), d.days_left, "{}", s.name);
                    assert_eq!(
                        c.paused,
                        d.status == DeadlineStatus::Suspended,
                        "{}",
                        s.name
                    );
                    assert_eq!(c.provisional, d.provisional, "{}", s.name);
                }
                (listed, expected) => panic!("{}: digest {listed:?}, domain {expected:?}", s.name),
            }
        }
    }
}
