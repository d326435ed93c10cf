//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// gongkai — 政府信息公开 (government information disclosure): annual reports,
/// applications and the public portal.
#[derive(Debug, Parser)]
#[command(name = "gongkai", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The top-level commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Annual reports (政府信息公开工作年度报告): check, render, create.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Serve the public portal (政府信息公开平台) over HTTP.
    Serve {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Database URL: `sqlite://file.db?mode=rwc` (default `sqlite://gongkai.db?mode=rwc`)
        /// or `postgres://user@host/db`.
        #[arg(long, env = "GONGKAI_DATABASE_URL")]
        database: Option<String>,
        /// Fill the database with the demo dataset (idempotent) before serving.
        #[arg(long)]
        demo: bool,
        /// The search index folder (default: `gongkai-index` beside the SQLite file).
        #[arg(long)]
        index_dir: Option<PathBuf>,
    },
    /// The templates of the official notices (受理回执 … 答复书).
    #[command(subcommand)]
    Notices(NoticesCommand),
    /// The full-text search index of published items.
    #[command(subcommand)]
    Index(IndexCommand),
    /// The national working-day calendar used for statutory deadlines.
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// Disclosure applications (依申请公开): register, record steps, show, list, due.
    #[command(subcommand)]
    Case(Box<crate::commands::case::CaseCommand>),
    /// The proactive-disclosure catalog (主动公开目录): bulk import.
    #[command(subcommand)]
    Catalog(CatalogCommand),
    /// The daily digest of applications due soon, by e-mail.
    #[command(subcommand)]
    Reminders(RemindersCommand),
}

/// `gongkai reminders …`
#[derive(Debug, Subcommand)]
pub enum RemindersCommand {
    /// Send today's digest to every staff user with an e-mail address whose
    /// scope has overdue or soon-due applications (SMTP from
    /// `GONGKAI_SMTP_URL` and `GONGKAI_SMTP_FROM`; links from
    /// `GONGKAI_PUBLIC_URL`). Users already sent the day's digest are skipped.
    Send {
        /// Database URL (default `sqlite://gongkai.db?mode=rwc`).
        #[arg(long, env = "GONGKAI_DATABASE_URL")]
        database: Option<String>,
        /// Print the messages instead of sending; records nothing.
        #[arg(long)]
        dry_run: bool,
        /// The day of the digest (YYYY-MM-DD, default today in Beijing time).
        #[arg(long)]
        date: Option<String>,
    },
}

/// `gongkai catalog …`
#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// Import an existing catalog from a CSV (UTF-8 or GBK) or XLSX file as
    /// published items; prints every bad row and exits 2 when there is one.
    Import {
        /// The CSV or XLSX file (header row with 标题, 发布日期, 类别, …).
        file: PathBuf,
        /// The code of the agency of rows whose 发布机构 is blank.
        #[arg(long)]
        agency: String,
        /// Database URL (default `sqlite://gongkai.db?mode=rwc`).
        #[arg(long, env = "GONGKAI_DATABASE_URL")]
        database: Option<String>,
        /// Check the file and print the errors; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Import the valid rows even when other rows have errors.
        #[arg(long)]
        skip_invalid: bool,
        /// Who is recorded in the audit log.
        #[arg(long, env = "GONGKAI_ACTOR", default_value = "cli")]
        actor: String,
    },
}

/// `gongkai notices …`
#[derive(Debug, Subcommand)]
pub enum NoticesCommand {
    /// Write the built-in templates into a folder for an administrator to edit
    /// (existing files are kept); serve with `GONGKAI_NOTICE_TEMPLATES=<folder>`.
    ExportTemplates {
        /// The folder to write into (created when missing).
        dir: PathBuf,
    },
    /// Check a folder of edited templates: every template parses.
    CheckTemplates {
        /// The folder of templates.
        dir: PathBuf,
    },
}

/// `gongkai index …`
#[derive(Debug, Subcommand)]
pub enum IndexCommand {
    /// Rebuild the search index from the database (stop `gongkai serve` first).
    Rebuild {
        /// Database URL (default `sqlite://gongkai.db?mode=rwc`).
        #[arg(long, env = "GONGKAI_DATABASE_URL")]
        database: Option<String>,
        /// The search index folder (default: `gongkai-index` beside the SQLite file).
        #[arg(long)]
        index_dir: Option<PathBuf>,
    },
    /// Measure search recall: words typed from the titles of published items
    /// drawn at random must find their items (the rule is documented in
    /// `gongkai_search::recall`). Exits with 2 below `--require`.
    Recall {
        /// Database URL (default `sqlite://gongkai.db?mode=rwc`).
        #[arg(long, env = "GONGKAI_DATABASE_URL")]
        database: Option<String>,
        /// The search index folder (default: `gongkai-index` beside the SQLite file).
        #[arg(long)]
        index_dir: Option<PathBuf>,
        /// Items drawn.
        #[arg(long, default_value_t = 300)]
        sample: usize,
        /// Seed of the draw.
        #[arg(long, default_value_t = 15)]
        seed: u64,
        /// Required recall in percent (e.g. 99.5).
        #[arg(long)]
        require: Option<f64>,
        /// Print every query that missed its item.
        #[arg(long)]
        misses: bool,
    },
}

/// `gongkai calendar …`
#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// Print the date that is N working days after DATE, counting from the next day
    /// (as officers compute due dates: received 2024-09-27, 20 working days → due date).
    WorkdaysAfter {
        /// The starting day (YYYY-MM-DD), e.g. the day an application was received.
        date: String,
        /// How many working days.
        days: u32,
        /// A calendar file of local deviations in the holiday-cn JSON format.
        #[arg(long)]
        overrides: Option<PathBuf>,
    },
}

/// `gongkai report …`
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Check every consistency rule (勾稽关系); exit 0 clean, 1 errors, 2 unusable input.
    Check {
        /// The report as canonical JSON (gongkai.annual-report/1).
        file: PathBuf,
        /// The same agency's report for the previous year, for the cross-year rules (R6–R8).
        #[arg(long)]
        previous: Option<PathBuf>,
        /// Print findings as JSON (same as `--format json`).
        #[arg(long)]
        json: bool,
        /// How to print findings.
        #[arg(long, value_enum, default_value_t = FindingsFormat::Text)]
        format: FindingsFormat,
    },
    /// Read a published report (txt, md, html, docx, pdf; UTF-8, GB18030 or UTF-16)
    /// and print it as canonical JSON.
    Parse {
        /// The published report.
        file: PathBuf,
        /// Also check the report and include the findings (exit 1 when there are errors).
        #[arg(long)]
        findings: bool,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Parse and check a whole folder of published reports: one JSON per report,
    /// summary.csv/.xlsx, findings.csv and an index.html with charts.
    Audit {
        /// A folder (searched recursively) or a single file.
        input: PathBuf,
        /// The folder to write the results into (created when missing).
        #[arg(long)]
        out: PathBuf,
        /// Parallel workers (default: all cores).
        #[arg(long, default_value_t = 0)]
        jobs: usize,
    },
    /// Render the report in the official layout (HTML, Markdown, DOCX, XLSX).
    Render {
        /// The report as canonical JSON.
        file: PathBuf,
        /// Output format: html, md, docx or xlsx (default: from the output file's extension).
        #[arg(long = "to")]
        to: Option<gongkai_render::OutputFormat>,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Compute tables 三 and 四 of an agency's report for a year from the recorded
    /// applications and review cases, as canonical JSON.
    Build {
        /// The agency's code.
        #[arg(long)]
        agency: String,
        /// The reporting year.
        #[arg(long, value_parser = clap::value_parser!(i32).range(2008..=2100))]
        year: i32,
        /// Sum the agency with all its subordinate agencies (a government's overall report).
        #[arg(long)]
        aggregate: bool,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Database URL (default `sqlite://gongkai.db?mode=rwc`).
        #[arg(long, env = "GONGKAI_DATABASE_URL")]
        database: Option<String>,
    },
    /// Create an empty, valid report skeleton in the year's official format.
    New {
        /// The agency's name as it will be printed (e.g. 某县某局).
        #[arg(long)]
        agency: String,
        /// The reporting year.
        #[arg(long, value_parser = clap::value_parser!(i32).range(2008..=2100))]
        year: i32,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FindingsFormat {
    /// Lines for people.
    Text,
    /// A JSON document for tools.
    Json,
}
