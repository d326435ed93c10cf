//! Runs the portal on a demo SQLite database until Ctrl-C.
//!
//! `cargo run -p gongkai-web --example serve_demo [ADDR] [DB_FILE]`
//! (defaults: `127.0.0.1:8080` and a file in a temporary directory).

use gongkai_web::{ServeConfig, serve};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let addr = args
        .next()
        .unwrap_or_else(|| "127.0.0.1:8080".to_owned())
        .parse()?;
    let dir = tempfile::tempdir()?;
    let db = args.next().map_or_else(
        || dir.path().join("gongkai-demo.db"),
        std::path::PathBuf::from,
    );
    let database_url = format!("sqlite://{}?mode=rwc", db.display());
    println!("数据库：{}", db.display());
    // The search index goes beside the database file (`gongkai-index`).
    serve(ServeConfig::new(addr, database_url, true)).await
}
