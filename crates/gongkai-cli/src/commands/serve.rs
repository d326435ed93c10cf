//! `gongkai serve`: the public portal over HTTP.

use std::net::SocketAddr;

use anyhow::Context;

use crate::exit::{Failure, Outcome};

/// The database used when neither `--database` nor `GONGKAI_DATABASE_URL` is given:
/// an SQLite file in the working directory, created on first start.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://gongkai.db?mode=rwc";

/// Starts the portal and runs until Ctrl-C or SIGTERM.
pub fn run(addr: SocketAddr, database: Option<String>, demo: bool) -> Result<Outcome, Failure> {
    let database_url = database.unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("无法启动异步运行时")?;
    runtime.block_on(gongkai_web::serve(gongkai_web::ServeConfig { addr, database_url, demo }))?;
    Ok(Outcome::Clean)
}
