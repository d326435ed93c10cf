//! Test databases: a temporary SQLite file, and a throwaway PostgreSQL cluster
//! started from the server binaries in `/usr/lib/postgresql/*/bin` when they exist.
//!
//! With `GONGKAI_REQUIRE_POSTGRES=1` a missing PostgreSQL is a failure, not a skip.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};

use gongkai_store::Store;
use sqlx::Connection;
use tempfile::TempDir;

/// A migrated store on a fresh SQLite file, with the directory that holds it.
pub async fn sqlite_store() -> (Store, TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("gongkai.db").display()
    );
    let store = Store::open(&url).await.expect("open sqlite store");
    (store, dir)
}

/// The directory of the newest PostgreSQL server binaries, if installed.
pub fn postgres_bin_dir() -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("bin"))
        .filter(|bin| bin.join("initdb").exists() && bin.join("pg_ctl").exists())
        .collect();
    dirs.sort();
    dirs.pop()
}

/// Whether CI demands the PostgreSQL tests.
pub fn postgres_required() -> bool {
    std::env::var("GONGKAI_REQUIRE_POSTGRES").is_ok_and(|v| v == "1")
}

/// A running throwaway cluster listening on a unix socket in its own temp dir;
/// stopped and deleted on drop.
pub struct PgCluster {
    bin: PathBuf,
    dir: TempDir,
    port: u16,
    next_db: AtomicU32,
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Runs a PostgreSQL program, as user `postgres` when we are root (the server refuses root).
fn run_pg(program: &Path, args: &[&str]) -> std::process::Output {
    let mut cmd = if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", program.display()))
}

impl PgCluster {
    /// Starts a cluster, or returns `None` (skip) when PostgreSQL is not installed;
    /// panics when it is required but missing, or when it fails to start.
    pub fn start() -> Option<PgCluster> {
        let Some(bin) = postgres_bin_dir() else {
            assert!(
                !postgres_required(),
                "GONGKAI_REQUIRE_POSTGRES=1 but no PostgreSQL server binaries in /usr/lib/postgresql/*/bin"
            );
            eprintln!("PostgreSQL server binaries not found: skipping the PostgreSQL run");
            return None;
        };
        let dir = tempfile::Builder::new()
            .prefix("gongkai-pg-")
            .tempdir()
            .expect("temp dir");
        if is_root() {
            let status = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path())
                .status();
            assert!(
                status.is_ok_and(|s| s.success()),
                "chown of the cluster dir to postgres failed"
            );
        }
        let data = dir.path().join("data");
        let data_s = data.to_string_lossy().into_owned();
        let out = run_pg(
            &bin.join("initdb"),
            &[
                "-D",
                &data_s,
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-locale",
            ],
        );
        assert!(
            out.status.success(),
            "initdb failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let port = 5432 + (std::process::id() % 1000) as u16;
        let socket_dir = dir.path().to_string_lossy().into_owned();
        let options = format!(
            "-k {socket_dir} -p {port} -c listen_addresses='' -c fsync=off -c synchronous_commit=off"
        );
        let log = dir.path().join("server.log").to_string_lossy().into_owned();
        let out = run_pg(
            &bin.join("pg_ctl"),
            &[
                "start", "-w", "-t", "60", "-D", &data_s, "-l", &log, "-o", &options,
            ],
        );
        assert!(
            out.status.success(),
            "pg_ctl start failed: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        Some(PgCluster {
            bin,
            dir,
            port,
            next_db: AtomicU32::new(0),
        })
    }

    fn url(&self, db: &str) -> String {
        format!(
            "postgres://postgres@localhost/{db}?host={}&port={}",
            self.dir.path().display(),
            self.port
        )
    }

    /// A migrated store on a new, empty database of this cluster.
    pub async fn fresh_store(&self) -> Store {
        let n = self.next_db.fetch_add(1, Ordering::SeqCst);
        let name = format!("gongkai_test_{n}");
        sqlx::any::install_default_drivers();
        let mut admin = sqlx::AnyConnection::connect(&self.url("postgres"))
            .await
            .expect("connect to postgres db");
        sqlx::raw_sql(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .expect("create database");
        let _ = admin.close().await;
        Store::open(&self.url(&name))
            .await
            .expect("open postgres store")
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        let data = self.dir.path().join("data").to_string_lossy().into_owned();
        let _ = run_pg(
            &self.bin.join("pg_ctl"),
            &["stop", "-m", "immediate", "-D", &data],
        );
    }
}

/// Declares storage scenarios (`async fn(Store)`), each run as its own SQLite
/// test and all run, each on a fresh database, in one PostgreSQL test.
#[macro_export]
macro_rules! scenarios {
    ($($name:ident),* $(,)?) => {
        mod on_sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let (store, _dir) = $crate::common::sqlite_store().await;
                    super::$name(store).await;
                }
            )*
        }

        #[tokio::test]
        async fn on_postgres() {
            let Some(cluster) = $crate::common::PgCluster::start() else { return };
            $(
                eprintln!("postgres: {}", stringify!($name));
                let store = cluster.fresh_store().await;
                $name(store.clone()).await;
                store.close().await;
            )*
            drop(cluster);
        }
    };
}
