//! `gongkai report new`: an empty, valid skeleton in the year's format.

use std::path::Path;

use gongkai_domain::Report;

use crate::exit::{Failure, Outcome};
use crate::output::{write_atomically, write_stdout};

/// Prints or writes the skeleton.
pub fn run(agency: String, year: i32, output: Option<&Path>) -> Result<Outcome, Failure> {
    let agency = agency.trim().to_owned();
    if agency.is_empty() {
        return Err(Failure::BadInput("--agency 不能为空".into()));
    }
    let json = Report::skeleton(Some(agency), year).to_json_string();
    match output {
        Some(path) => write_atomically(path, json.as_bytes())?,
        None => write_stdout(json.as_bytes())?,
    }
    Ok(Outcome::Clean)
}
