//! Running the portal: connect, migrate, seed the demo, listen, shut down cleanly.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;
use gongkai_search::SearchIndex;
use gongkai_store::Store;

use crate::indexing::{IndexSync, sync_index};
use crate::{AppState, router};

/// Name of the default index folder.
pub const DEFAULT_INDEX_DIR_NAME: &str = "gongkai-index";

/// How to run the portal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServeConfig {
    /// Where to listen, e.g. `127.0.0.1:8080`.
    pub addr: SocketAddr,
    /// `sqlite://gongkai.db?mode=rwc` or `postgres://…`.
    pub database_url: String,
    /// Seed the demo dataset (idempotent) before serving.
    pub demo: bool,
    /// Where the full-text search index lives; `None` for the default,
    /// [`default_index_dir`] of the database URL.
    pub index_dir: Option<PathBuf>,
    /// Calendar files (holiday-cn JSON) with local deviations or a newly
    /// published year, layered over the bundled national calendar in order.
    pub calendar_files: Vec<PathBuf>,
    /// A folder of notice templates overriding the built-in ones
    /// (see `gongkai_notices::NoticeTemplates::load_dir`).
    pub notice_templates: Option<PathBuf>,
    /// The reminder digest: links, SMTP (mail is off without it) and time.
    pub reminders: crate::ReminderSettings,
}

impl ServeConfig {
    /// A configuration with the default index location.
    pub fn new(addr: SocketAddr, database_url: impl Into<String>, demo: bool) -> ServeConfig {
        ServeConfig {
            addr,
            database_url: database_url.into(),
            demo,
            index_dir: None,
            calendar_files: Vec::new(),
            notice_templates: None,
            reminders: crate::ReminderSettings::default(),
        }
    }

    /// The index folder to use: the configured one or the default.
    pub fn effective_index_dir(&self) -> PathBuf {
        self.index_dir
            .clone()
            .unwrap_or_else(|| default_index_dir(&self.database_url))
    }
}

/// The default index folder for a database URL: `gongkai-index` beside the
/// SQLite file (`sqlite://data/gongkai.db?mode=rwc` → `data/gongkai-index`),
/// or in the working directory for PostgreSQL and in-memory SQLite.
pub fn default_index_dir(database_url: &str) -> PathBuf {
    let beside = database_url
        .strip_prefix("sqlite:")
        .map(|rest| rest.strip_prefix("//").unwrap_or(rest))
        .map(|rest| rest.split(['?', '#']).next().unwrap_or_default())
        .filter(|file| !file.is_empty() && !file.contains(":memory:"))
        .and_then(|file| Path::new(file).parent().map(Path::to_path_buf));
    match beside {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(DEFAULT_INDEX_DIR_NAME),
        _ => PathBuf::from(DEFAULT_INDEX_DIR_NAME),
    }
}

/// Opens the index in `dir` and brings it in step with the database (see
/// [`sync_index`]), printing what it did.
pub async fn open_index(store: &Store, dir: &Path) -> anyhow::Result<SearchIndex> {
    let (index, replaced) = SearchIndex::open_or_replace(dir)
        .with_context(|| format!("打开搜索索引 {} 失败", dir.display()))?;
    if replaced {
        println!(
            "搜索索引 {} 由旧版本建立，已删除，将从数据库重建",
            dir.display()
        );
    }
    crate::indexing::load_user_words(store, &index).await?;
    match sync_index(store, &index).await? {
        IndexSync::UpToDate { documents } => {
            println!("搜索索引：{}（{documents} 条）", dir.display());
        }
        IndexSync::Rebuilt {
            before,
            documents,
            took,
        } => println!(
            "搜索索引已从数据库重建：{}（原 {before} 条，现 {documents} 条，用时 {:.1} 秒）",
            dir.display(),
            took.as_secs_f64()
        ),
    }
    warm_up(&index);
    Ok(index)
}

/// Loads the tokenizer dictionary and touches the index files, so the first
/// visitor's search is not the slow one (≈0.3 s otherwise).
fn warm_up(index: &SearchIndex) {
    let started = std::time::Instant::now();
    let searched = index.search(&gongkai_search::SearchQuery::text("政府信息公开"));
    let suggested = index.suggest("政府", 1);
    if let Err(e) = searched.and(suggested) {
        eprintln!("gongkai-web: 搜索索引预热失败：{e}");
    } else if started.elapsed().as_millis() > 1000 {
        println!("搜索索引预热用时 {:.1} 秒", started.elapsed().as_secs_f64());
    }
}

/// Connects to the database, applies migrations, seeds the demo data when
/// asked, opens (and if needed rebuilds) the search index, prints the URL
/// and serves until Ctrl-C or SIGTERM.
pub async fn serve(config: ServeConfig) -> anyhow::Result<()> {
    let mut store = Store::open(&config.database_url)
        .await
        .context("打开数据库失败")?;
    if !config.calendar_files.is_empty() {
        let calendar = gongkai_store::calendar_with_files(&config.calendar_files)?;
        println!(
            "已加载 {} 个日历文件（地方调整或新年度放假安排）",
            config.calendar_files.len()
        );
        store = store.with_calendar(calendar);
    }
    if config.demo {
        let started = std::time::Instant::now();
        let summary = gongkai_store::demo::seed(&store)
            .await
            .context("写入演示数据失败")?;
        println!(
            "演示数据已就绪：{} 个机构，{} 条主动公开信息（本次新增 {} 条），{} 份年度报告（用时 {:.1} 秒）",
            summary.agencies,
            summary.items_total,
            summary.items_inserted,
            summary.reports,
            started.elapsed().as_secs_f64()
        );
    }
    let index = Arc::new(open_index(&store, &config.effective_index_dir()).await?);
    // Load administrator-edited notice templates before listening, so that a
    // broken template stops the start with its file and line named.
    let notices = match &config.notice_templates {
        Some(dir) => {
            let templates = gongkai_notices::NoticeTemplates::load_dir(dir)
                .with_context(|| format!("文书模板目录 {} 有误", dir.display()))?;
            println!("已加载文书模板目录：{}", dir.display());
            templates
        }
        None => gongkai_notices::NoticeTemplates::builtin(),
    };
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("无法监听 {}", config.addr))?;
    let local = listener.local_addr().context("读取监听地址失败")?;
    println!("gongkai 门户已启动：http://{local}/");
    if config.demo {
        println!("工作人员后台：http://{local}/staff/login，演示账号（用户名 / 密码）：");
        for (username, password, who) in gongkai_store::demo::DEMO_LOGINS {
            println!("  {username:<8} / {password:<18} {who}");
        }
    }
    println!("按 Ctrl-C 停止。");
    // The daily reminder digest, when SMTP is configured.
    match &config.reminders.smtp {
        Some(smtp) => {
            let mailer = gongkai_mail::Mailer::new(smtp).context("邮件服务器配置有误")?;
            crate::spawn_daily(store.clone(), Arc::new(config.reminders.clone()), mailer);
            println!(
                "到期提醒邮件：每天北京时间 {} 发送（{}）",
                config.reminders.time,
                gongkai_mail::smtp::redact(&smtp.url)
            );
        }
        None => println!("未配置 GONGKAI_SMTP_URL，不发送到期提醒邮件。"),
    }
    let app = router(
        AppState::new(store.clone(), index)
            .with_notice_templates(notices)
            .with_reminders(config.reminders.clone()),
    );
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("服务运行出错")?;
    store.close().await;
    println!("gongkai 门户已停止。");
    Ok(())
}

/// Resolves on Ctrl-C or (on Unix) SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_dir_defaults_beside_the_sqlite_file() {
        for (url, dir) in [
            ("sqlite://data/gongkai.db?mode=rwc", "data/gongkai-index"),
            (
                "sqlite:///var/lib/gongkai/g.db",
                "/var/lib/gongkai/gongkai-index",
            ),
            ("sqlite://gongkai.db?mode=rwc", "gongkai-index"),
            ("sqlite::memory:", "gongkai-index"),
            ("postgres://u@localhost/gongkai", "gongkai-index"),
        ] {
            assert_eq!(default_index_dir(url), PathBuf::from(dir), "{url}");
        }
        let addr = SocketAddr::from(([127, 0, 0, 1], 8080));
        let config = ServeConfig::new(addr, "sqlite://a/b.db", true);
        assert_eq!(
            config.effective_index_dir(),
            PathBuf::from("a/gongkai-index")
        );
    }
}
