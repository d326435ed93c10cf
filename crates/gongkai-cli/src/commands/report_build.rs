//! `gongkai report build`: tables 三 and 四 computed from the records.

use std::path::Path;

use super::case::{block_on, open_store, store_failure};
use crate::exit::{Failure, Outcome};
use crate::output::{write_atomically, write_stdout};

/// Builds `agency`'s report for `year` (with `aggregate`: the agency and all
/// its subordinates) and prints or writes its canonical JSON.
pub fn run(
    agency: &str,
    year: i32,
    aggregate: bool,
    output: Option<&Path>,
    database: Option<String>,
) -> Result<Outcome, Failure> {
    let agency = agency.trim();
    if agency.is_empty() {
        return Err(Failure::BadInput("--agency 不能为空".into()));
    }
    let report = block_on(async {
        let store = open_store(database).await?;
        let report = if aggregate {
            store.build_aggregate_report(agency, year).await
        } else {
            store.build_report(agency, year).await
        };
        store.close().await;
        report.map_err(store_failure)
    })?;
    let json = report.to_json_string();
    match output {
        Some(path) => write_atomically(path, json.as_bytes())?,
        None => write_stdout(json.as_bytes())?,
    }
    Ok(Outcome::Clean)
}
