//! Times the dashboard query and computation on a database written by
//! `bench_million` (1,000,000 applications across 60 agencies, 2019–2025).
//!
//! ```text
//! cargo run --release -p gongkai-store --example bench_million 1000000 /tmp/bench.db
//! cargo run --release -p gongkai-store --example bench_dashboard /tmp/bench.db
//! ```

use std::time::Instant;

use chrono::NaiveDate;
use gongkai_domain::casework::stats;
use gongkai_store::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: bench_dashboard DB_FILE")?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let today = NaiveDate::from_ymd_opt(2026, 6, 30).ok_or("date")?;
        let store = Store::open(&format!("sqlite://{path}?mode=rw"))
            .await?
            .with_today(today);
        let every: Vec<String> = store
            .agencies()
            .await?
            .into_iter()
            .map(|a| a.code)
            .collect();
        let one = ["dept-07".to_owned()];
        for (label, codes) in [
            ("one department (officer)", Some(&one[..])),
            (
                "government + 59 subordinates (supervisor)",
                Some(&every[..]),
            ),
            ("all agencies (administrator)", None),
        ] {
            let t = Instant::now();
            let cases = store.dashboard_cases(codes, 2024).await?;
            let loaded = t.elapsed();
            let n = cases.len();
            let t = Instant::now();
            let dashboard = stats::compute(store.calendar()?, 2024, today, cases);
            let computed = t.elapsed();
            println!(
                "{label}, 2024: {n} applications; query {:.1} ms, compute {:.1} ms; \
                 median {:?} working days, overdue {}",
                loaded.as_secs_f64() * 1000.0,
                computed.as_secs_f64() * 1000.0,
                dashboard.total.answer_times.median(),
                dashboard.total.overdue,
            );
        }
        store.close().await;
        Ok::<(), Box<dyn std::error::Error>>(())
    })
}
