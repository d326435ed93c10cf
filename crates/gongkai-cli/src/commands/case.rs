//! `gongkai case …`: disclosure applications (依申请公开) in the database —
//! register, record procedural steps, show with computed deadlines, list, due.

mod event;
mod list;
mod new;
mod show;

use std::future::Future;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use gongkai_store::{Application, Store, StoreError};

use crate::exit::{Failure, Outcome};

/// `gongkai case …`
#[derive(Debug, Subcommand)]
pub enum CaseCommand {
    /// Register an application; prints its number and 查询码.
    New(new::NewArgs),
    /// Record a procedural step (补正, 征求意见, 延期, 收费, 答复, 办结, 撤回, 重新办理).
    Event(event::EventArgs),
    /// Show an application: applicant, request, timeline and deadlines with reasons.
    Show(show::ShowArgs),
    /// List applications, newest receipt first.
    List(list::ListArgs),
    /// Open applications whose answer is due within N working days, or overdue.
    Due(list::DueArgs),
}

/// Where the database is and who acts, shared by every case command.
#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// Database URL: `sqlite://file.db?mode=rwc` (default `sqlite://gongkai.db?mode=rwc`)
    /// or `postgres://user@host/db`.
    #[arg(long, env = "GONGKAI_DATABASE_URL")]
    pub database: Option<String>,
    /// Who acts, as recorded in the audit log.
    #[arg(long, env = "GONGKAI_ACTOR", default_value = "cli")]
    pub actor: String,
}

/// Runs a case command.
pub fn run(command: CaseCommand) -> Result<Outcome, Failure> {
    match command {
        CaseCommand::New(args) => new::run(args),
        CaseCommand::Event(args) => event::run(args),
        CaseCommand::Show(args) => show::run(args),
        CaseCommand::List(args) => list::run(args),
        CaseCommand::Due(args) => list::due(args),
    }
}

/// Runs `future` to completion on a fresh single-threaded runtime.
pub(crate) fn block_on<T>(future: impl Future<Output = Result<T, Failure>>) -> Result<T, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Failed(anyhow::anyhow!("无法启动异步运行时：{e}")))?
        .block_on(future)
}

/// Opens (and migrates) the database named by `--database`, the environment, or the default,
/// with the calendar files of `GONGKAI_CALENDAR_FILES` (comma-separated) layered on.
pub(crate) async fn open_store(database: Option<String>) -> Result<Store, Failure> {
    let url = database.unwrap_or_else(|| super::serve::DEFAULT_DATABASE_URL.to_owned());
    let mut store = Store::open(&url).await.map_err(store_failure)?;
    if let Some(today) = today_from_env()? {
        store = store.with_today(today);
    }
    let files = super::serve::calendar_files_from_env();
    if files.is_empty() {
        return Ok(store);
    }
    let calendar =
        gongkai_store::calendar_with_files(&files).map_err(|e| Failure::BadInput(e.to_string()))?;
    Ok(store.with_calendar(calendar))
}

/// Input errors (invalid fields, refused events, unknown entities) exit 2; the rest 3.
pub(crate) fn store_failure(error: StoreError) -> Failure {
    if error.is_input_error() {
        Failure::BadInput(error.to_string())
    } else {
        Failure::Failed(error.into())
    }
}

/// Parses a `YYYY-MM-DD` option strictly (the domain's one date parser, as
/// the API and the web forms), naming the option when it is not a real date.
pub(crate) fn parse_date(option: &str, text: &str) -> Result<NaiveDate, Failure> {
    gongkai_domain::deadline::parse_date(text)
        .map_err(|e| Failure::BadInput(format!("{option} 的日期无效：{e}")))
}

/// The environment variable that fixes “today” (Beijing date, YYYY-MM-DD)
/// for replaying a record or testing; unset, today is the date in Beijing.
pub const TODAY_ENV: &str = "GONGKAI_TODAY";

/// The day fixed by [`TODAY_ENV`], if set.
pub(crate) fn today_from_env() -> Result<Option<NaiveDate>, Failure> {
    match std::env::var(TODAY_ENV) {
        Ok(text) if !text.trim().is_empty() => parse_date(TODAY_ENV, &text).map(Some),
        _ => Ok(None),
    }
}

/// Finds the application named `app`: `AGENCY/NUMBER` (gov/2024-0001), its
/// internal id, or its 查询码.
pub(crate) async fn resolve(store: &Store, app: &str) -> Result<Application, Failure> {
    let app = app.trim();
    let found = if let Some((agency, number)) = app.split_once('/') {
        store.application_by_number(agency, number).await
    } else if !app.is_empty() && app.bytes().all(|b| b.is_ascii_digit()) {
        match app.parse::<i64>() {
            Ok(id) => store.application(id).await,
            Err(_) => Ok(None),
        }
    } else {
        store.application_by_query_code(app).await
    };
    found.map_err(store_failure)?.ok_or_else(|| {
        Failure::BadInput(format!(
            "找不到申请“{app}”：请给出 机构代码/申请编号（如 gov/2024-0001）、内部编号或查询码"
        ))
    })
}
