//! One module per command; each turns arguments into calls to the workspace crates.

mod calendar;
mod report_audit;
mod report_check;
mod report_new;
mod report_parse;
mod report_render;
mod serve;
mod source;

use crate::cli::{CalendarCommand, Cli, Command, FindingsFormat, ReportCommand};
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
        Command::Report(ReportCommand::Parse { file, findings, output }) => {
            report_parse::run(&file, findings, output.as_deref())
        }
        Command::Report(ReportCommand::Audit { input, out, jobs }) => report_audit::run(input, out, jobs),
        Command::Report(ReportCommand::Render { file, to, output }) => {
            report_render::run(&file, to, output.as_deref())
        }
        Command::Report(ReportCommand::New {
            agency,
            year,
            output,
        }) => report_new::run(agency, year, output.as_deref()),
        Command::Serve { addr, database, demo } => serve::run(addr, database, demo),
        Command::Calendar(CalendarCommand::WorkdaysAfter {
            date,
            days,
            overrides,
        }) => calendar::workdays_after(&date, days, overrides.as_deref()),
    }
}
