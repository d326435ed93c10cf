//! Exit codes and the error type that carries them.

use std::fmt;
use std::process::ExitCode;

/// How a command ended, as the process exit code scripts rely on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 0: done; for `check`, no errors (warnings allowed).
    Clean,
    /// 1: the report has errors.
    ReportHasErrors,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        match outcome {
            Outcome::Clean => ExitCode::SUCCESS,
            Outcome::ReportHasErrors => ExitCode::from(1),
        }
    }
}

/// A command that could not do its job.
#[derive(Debug)]
pub enum Failure {
    /// Exit 2: the input cannot be used (unreadable, invalid JSON, bad values).
    BadInput(String),
    /// Exit 3: the command failed for another reason (output not writable, server error).
    Failed(anyhow::Error),
}

impl Failure {
    /// The exit code for this failure.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::BadInput(_) => 2,
            Failure::Failed(_) => 3,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::BadInput(message) => f.write_str(message),
            Failure::Failed(error) => write!(f, "{error:#}"),
        }
    }
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Failure {
        Failure::Failed(error)
    }
}

impl From<Failure> for ExitCode {
    fn from(failure: Failure) -> ExitCode {
        ExitCode::from(failure.exit_code())
    }
}
