//! Running the portal: connect, migrate, seed the demo, listen, shut down cleanly.

use std::net::SocketAddr;

use anyhow::Context as _;
use gongkai_store::Store;

use crate::{AppState, router};

/// How to run the portal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServeConfig {
    /// Where to listen, e.g. `127.0.0.1:8080`.
    pub addr: SocketAddr,
    /// `sqlite://gongkai.db?mode=rwc` or `postgres://…`.
    pub database_url: String,
    /// Seed the demo dataset (idempotent) before serving.
    pub demo: bool,
}

/// Connects to the database, applies migrations, seeds the demo data when
/// asked, prints the URL and serves until Ctrl-C or SIGTERM.
pub async fn serve(config: ServeConfig) -> anyhow::Result<()> {
    let store = Store::open(&config.database_url)
        .await
        .context("打开数据库失败")?;
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
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("无法监听 {}", config.addr))?;
    let local = listener.local_addr().context("读取监听地址失败")?;
    println!("gongkai 门户已启动：http://{local}/");
    println!("按 Ctrl-C 停止。");
    axum::serve(listener, router(AppState::new(store.clone())))
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
