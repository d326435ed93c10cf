//! `gongkai`: the command line of the gongkai disclosure system.
//!
//! The binary only parses arguments and calls into the workspace crates; every
//! rule and format lives in those crates.

mod cli;
mod commands;
mod exit;
mod output;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code.into(),
        Err(failure) => {
            eprintln!("gongkai: {failure}");
            failure.exit_code().into()
        }
    }
}
