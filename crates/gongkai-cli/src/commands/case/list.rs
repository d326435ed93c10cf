//! `gongkai case list` and `gongkai case due`.

use std::fmt::Write as _;

use clap::Args;
use gongkai_domain::deadline::CaseState;
use gongkai_store::{Application, ApplicationFilter};

use super::new::{one_of, serde_key};
use super::{DatabaseArgs, block_on, open_store, parse_date, store_failure};
use crate::exit::{Failure, Outcome};
use crate::output::write_stdout;

/// Arguments of `gongkai case list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this agency's applications.
    #[arg(long)]
    pub agency: Option<String>,
    /// Only applications in this state (registered, awaiting_correction,
    /// in_consultation, awaiting_fee_payment, extended, answered, closed, withdrawn, …).
    #[arg(long)]
    pub state: Option<String>,
    /// Only applications whose number, applicant or request contains this text.
    #[arg(long)]
    pub text: Option<String>,
    /// Only open applications whose answer is due on or before this day.
    #[arg(long)]
    pub due_before: Option<String>,
    /// Page number, from 1.
    #[arg(long, default_value_t = 1)]
    pub page: u32,
    /// Applications per page (at most 500).
    #[arg(long, default_value_t = 50)]
    pub per_page: u32,
    /// Database and actor.
    #[command(flatten)]
    pub db: DatabaseArgs,
}

/// Arguments of `gongkai case due`.
#[derive(Debug, Args)]
pub struct DueArgs {
    /// Only this agency's applications.
    #[arg(long)]
    pub agency: Option<String>,
    /// Working days ahead to warn about (overdue applications are always listed).
    #[arg(long, default_value_t = 3)]
    pub within: u32,
    /// Evaluate as of this day (YYYY-MM-DD) instead of today.
    #[arg(long)]
    pub today: Option<String>,
    /// Database and actor.
    #[command(flatten)]
    pub db: DatabaseArgs,
}

const STATES: &[&str] = &[
    "registered",
    "awaiting_correction",
    "correction_lapsed",
    "in_consultation",
    "awaiting_fee_payment",
    "fee_lapsed",
    "extended",
    "answered",
    "closed",
    "withdrawn",
];

fn line(a: &Application) -> String {
    let p = &a.applicant.details;
    let who = p.organisation_name.as_deref().unwrap_or(&p.name);
    let summary: String = a.description.chars().take(30).collect();
    format!(
        "{}/{}\t{}\t{}\t{}\t{}\t{summary}",
        a.agency_code,
        a.number,
        a.received_on,
        a.state.label(),
        a.outcome.map(|o| o.full_label()).unwrap_or_default(),
        who
    )
}

/// Prints a page of applications.
pub fn run(args: ListArgs) -> Result<Outcome, Failure> {
    let state = args
        .state
        .as_deref()
        .map(|s| one_of("--state", s, serde_key!(CaseState), STATES))
        .transpose()?;
    let due_before = args
        .due_before
        .as_deref()
        .map(|d| parse_date("--due-before", d))
        .transpose()?;
    let filter = ApplicationFilter {
        agency_code: args.agency,
        state,
        due_before,
        text: args.text,
        page: args.page,
        per_page: args.per_page,
    };
    let page = block_on(async {
        let store = open_store(args.db.database).await?;
        let page = store
            .list_applications(&filter)
            .await
            .map_err(store_failure);
        store.close().await;
        page
    })?;
    let mut out = String::new();
    for a in &page.items {
        let _ = writeln!(out, "{}", line(a));
    }
    let _ = writeln!(
        out,
        "共{}件，第{}页（每页{}件）",
        page.total, page.page, page.per_page
    );
    write_stdout(out.as_bytes())?;
    Ok(Outcome::Clean)
}

/// Prints the applications due soon, most urgent first.
pub fn due(args: DueArgs) -> Result<Outcome, Failure> {
    let today = args
        .today
        .as_deref()
        .map(|t| parse_date("--today", t))
        .transpose()?;
    let (today, due) = block_on(async {
        let store = open_store(args.db.database).await?;
        // Beijing time (or GONGKAI_TODAY), never the host's zone.
        let today = today.unwrap_or_else(|| store.today());
        let due = store
            .due_applications(args.agency.as_deref(), today, args.within)
            .await
            .map_err(store_failure);
        store.close().await;
        due.map(|due| (today, due))
    })?;
    let mut out = String::new();
    for d in &due {
        let left = match d.deadline.days_left {
            Some(left) if left < 0 => format!("已逾期{}个工作日", -left),
            Some(left) => format!("剩余{left}个工作日"),
            None => String::new(),
        };
        let provisional = if d.deadline.provisional {
            "（暂定）"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{}/{}\t{}\t{}到期{provisional}\t{left}\t{}",
            d.application.agency_code,
            d.application.number,
            d.state.label(),
            d.deadline.due,
            d.deadline.reason
        );
    }
    let _ = writeln!(
        out,
        "{}件申请在{}个工作日内到期或已逾期（{today}）",
        due.len(),
        args.within
    );
    write_stdout(out.as_bytes())?;
    Ok(Outcome::Clean)
}
