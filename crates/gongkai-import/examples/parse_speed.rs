//! Measures parse speed: `cargo run --release -p gongkai-import --example parse_speed [DIR] [ROUNDS] [EXT]`.
//! Parses and validates every `.EXT` (default `txt`) of DIR (default: the shared corpus)
//! ROUNDS times (default 1000), then parses them alone as many times.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus").to_owned()
    });
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1000);
    let ext = args.next().unwrap_or_else(|| "txt".to_owned());
    let mut inputs = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| *e == *ext)
            && let Ok(bytes) = std::fs::read(&path)
        {
            inputs.push((path.display().to_string(), bytes));
        }
    }
    if inputs.is_empty() {
        eprintln!("no .{ext} files in {dir}");
        std::process::exit(1);
    }
    let bytes: usize = inputs.iter().map(|(_, b)| b.len()).sum();
    for validate in [true, false] {
        let start = Instant::now();
        let mut failures = 0;
        let mut findings = 0;
        for _ in 0..rounds {
            for (name, input) in &inputs {
                match gongkai_import::parse_bytes(input, Some(name)) {
                    Ok(parsed) if validate => {
                        findings += gongkai_domain::validate::validate(&parsed.report).len();
                    }
                    Ok(_) => {}
                    Err(_) => failures += 1,
                }
            }
        }
        let seconds = start.elapsed().as_secs_f64();
        let reports = (rounds * inputs.len()) as f64;
        println!(
            "{}: {} reports ({} files × {rounds}) in {seconds:.2} s: {:.0} reports/s, {:.1} MB/s, {failures} failures, {findings} findings",
            if validate { "parse+validate" } else { "parse" },
            reports,
            inputs.len(),
            reports / seconds,
            (bytes * rounds) as f64 / seconds / 1e6
        );
    }
}
