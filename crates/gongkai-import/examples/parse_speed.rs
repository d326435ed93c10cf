//! Measures parse speed: `cargo run --release -p gongkai-import --example parse_speed [DIR] [ROUNDS]`.
//! Parses every `.txt` of DIR (default: the shared corpus) ROUNDS times (default 1000).

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus").to_owned()
    });
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1000);
    let mut inputs = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "txt")
            && let Ok(bytes) = std::fs::read(&path)
        {
            inputs.push((path.display().to_string(), bytes));
        }
    }
    if inputs.is_empty() {
        eprintln!("no .txt files in {dir}");
        std::process::exit(1);
    }
    let bytes: usize = inputs.iter().map(|(_, b)| b.len()).sum();
    let start = Instant::now();
    let mut failures = 0;
    for _ in 0..rounds {
        for (name, input) in &inputs {
            if gongkai_import::parse_bytes(input, Some(name)).is_err() {
                failures += 1;
            }
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let reports = (rounds * inputs.len()) as f64;
    println!(
        "{} reports ({} files × {rounds}) in {seconds:.2} s: {:.0} reports/s, {:.1} MB/s, {failures} failures",
        reports,
        inputs.len(),
        reports / seconds,
        (bytes * rounds) as f64 / seconds / 1e6
    );
}
