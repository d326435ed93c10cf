//! One module per command; each turns arguments into calls to the workspace crates.

mod calendar;
pub mod case;
mod catalog_import;
mod notices;
mod reminders;
mod report_audit;
mod report_build;
mod report_check;
mod report_new;
mod report_parse;
mod report_render;
mod serve;
mod source;

use crate::cli::{
    CalendarCommand, CatalogCommand, Cli, Command, FindingsFormat, IndexCommand, NoticesCommand,
    RemindersCommand, ReportCommand,
};
use crate::exit::{Failure, Outcome};

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<Outcome, Failure> {
    match cli.command {
        Command::Report(ReportCommand::Check {
            file,
            previous,
            json,
            format,
        }) => {
            let format = if json { FindingsFormat::Json } else { format };
            report_check::run(&file, previous.as_deref(), format)
        }
        Command::Report(ReportCommand::Parse {
            file,
            findings,
            output,
        }) => report_parse::run(&file, findings, output.as_deref()),
        Command::Report(ReportCommand::Audit { input, out, jobs }) => {
            report_audit::run(input, out, jobs)
        }
        Command::Report(ReportCommand::Render { file, to, output }) => {
            report_render::run(&file, to, output.as_deref())
        }
        Command::Report(ReportCommand::Build {
            agency,
            year,
            aggregate,
            output,
            database,
        }) => report_build::run(&agency, year, aggregate, output.as_deref(), database),
        Command::Case(command) => case::run(*command),
        Command::Reminders(RemindersCommand::Send {
            database,
            dry_run,
            date,
        }) => reminders::send(database, dry_run, date.as_deref()),
        Command::Catalog(CatalogCommand::Import {
            file,
            agency,
            database,
            dry_run,
            skip_invalid,
            actor,
        }) => catalog_import::run(
            &file,
            &agency,
            database,
            catalog_import::ImportOptions {
                dry_run,
                skip_invalid,
                actor,
            },
        ),
        Command::Report(ReportCommand::New {
            agency,
            year,
            output,
        }) => report_new::run(agency, year, output.as_deref()),
        Command::Serve {
            addr,
            database,
            demo,
            index_dir,
        } => serve::run(addr, database, demo, index_dir),
        Command::Notices(NoticesCommand::ExportTemplates { dir }) => notices::export(&dir),
        Command::Notices(NoticesCommand::CheckTemplates { dir }) => notices::check(&dir),
        Command::Index(IndexCommand::Rebuild {
            database,
            index_dir,
        }) => serve::rebuild_index(database, index_dir),
        Command::Index(IndexCommand::Recall {
            database,
            index_dir,
            sample,
            seed,
            require,
            misses,
        }) => serve::recall(database, index_dir, sample, seed, require, misses),
        Command::Calendar(CalendarCommand::WorkdaysAfter {
            date,
            days,
            overrides,
        }) => calendar::workdays_after(&date, days, overrides.as_deref()),
    }
}
