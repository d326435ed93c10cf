//! `gongkai serve` (the public portal over HTTP) and `gongkai index rebuild`.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;

use crate::exit::{Failure, Outcome};

/// The database used when neither `--database` nor `GONGKAI_DATABASE_URL` is given:
/// an SQLite file in the working directory, created on first start.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://gongkai.db?mode=rwc";

/// The runtime the async crates (storage, web) run on.
pub fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("无法启动异步运行时")?)
}

/// The environment variable naming calendar files (comma-separated) with local
/// deviations or a newly published year's holiday schedule.
pub const CALENDAR_FILES_ENV: &str = "GONGKAI_CALENDAR_FILES";

/// The calendar files named by [`CALENDAR_FILES_ENV`].
pub fn calendar_files_from_env() -> Vec<PathBuf> {
    std::env::var(CALENDAR_FILES_ENV)
        .map(|v| {
            v.split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(PathBuf::from)
                .collect()
        })
        .unwrap_or_default()
}

/// Starts the portal and runs until Ctrl-C or SIGTERM.
pub fn run(
    addr: SocketAddr,
    database: Option<String>,
    demo: bool,
    index_dir: Option<PathBuf>,
) -> Result<Outcome, Failure> {
    let database_url = database.unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
    let mut config = gongkai_web::ServeConfig::new(addr, database_url, demo);
    config.index_dir = index_dir;
    config.calendar_files = calendar_files_from_env();
    config.notice_templates = std::env::var_os("GONGKAI_NOTICE_TEMPLATES").map(PathBuf::from);
    config.reminders = gongkai_web::ReminderSettings::from_env().map_err(Failure::BadInput)?;
    runtime()?.block_on(gongkai_web::serve(config))?;
    Ok(Outcome::Clean)
}

/// Rebuilds the search index from the database, the source of truth.
pub fn rebuild_index(
    database: Option<String>,
    index_dir: Option<PathBuf>,
) -> Result<Outcome, Failure> {
    let database_url = database.unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
    let dir = index_dir.unwrap_or_else(|| gongkai_web::default_index_dir(&database_url));
    runtime()?.block_on(async {
        let store = gongkai_store::Store::open(&database_url)
            .await
            .context("无法打开数据库")?;
        let index = gongkai_web::SearchIndex::open_or_create(&dir).with_context(|| {
            format!(
                "无法打开检索索引 {}（若服务正在运行，请先停止）",
                dir.display()
            )
        })?;
        gongkai_web::load_user_words(&store, &index).await?;
        let started = std::time::Instant::now();
        let count = gongkai_web::rebuild_index(&store, &index).await?;
        println!(
            "检索索引已重建：{count} 条主动公开信息，用时 {:.1} 秒（{}）",
            started.elapsed().as_secs_f64(),
            dir.display()
        );
        anyhow::Ok(())
    })?;
    Ok(Outcome::Clean)
}

/// Measures search recall over the published items of the database.
pub fn recall(
    database: Option<String>,
    index_dir: Option<PathBuf>,
    sample: usize,
    seed: u64,
    require: Option<f64>,
    print_misses: bool,
) -> Result<Outcome, Failure> {
    use gongkai_search::recall::{self, RecallItem, RecallOptions};
    let database_url = database.unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
    let dir = index_dir.unwrap_or_else(|| gongkai_web::default_index_dir(&database_url));
    let report = runtime()?.block_on(async {
        let store = gongkai_store::Store::open(&database_url)
            .await
            .context("无法打开数据库")?;
        let index = gongkai_web::SearchIndex::open_or_create(&dir)
            .with_context(|| format!("无法打开检索索引 {}", dir.display()))?;
        gongkai_web::load_user_words(&store, &index).await?;
        let mut population = Vec::new();
        gongkai_web::visit_published(&store, |doc| population.push(RecallItem::from(&doc))).await?;
        let started = std::time::Instant::now();
        // Nothing else runs on this runtime: searching on it is fine.
        let report = recall::measure(&index, population, RecallOptions { sample, seed })
            .context("检索失败")?;
        eprintln!("searched in {:.1} s", started.elapsed().as_secs_f64());
        anyhow::Ok(report)
    })?;
    println!("{report}");
    if print_misses {
        for miss in &report.misses {
            println!(
                "  missed {:?} in {} {}",
                miss.query, miss.index_no, miss.title
            );
        }
    }
    match require {
        Some(percent) if report.recall() * 100.0 < percent => Err(Failure::BadInput(format!(
            "recall {:.2} % is below the required {percent} %",
            report.recall() * 100.0
        ))),
        _ => Ok(Outcome::Clean),
    }
}
