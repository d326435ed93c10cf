//! Reading canonical JSON and validating it: the per-report cost paid by `check`,
//! `audit` and every page that shows findings.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gongkai_domain::Report;
use gongkai_domain::validate::validate;

/// A realistic 2021-format report: the skeleton with every cell filled.
fn sample_json() -> String {
    let report = Report::skeleton(Some("某县人民政府".into()), 2024);
    report.to_json_string()
}

fn bench(c: &mut Criterion) {
    let json = sample_json();
    let report = Report::from_json_str(&json).unwrap_or_else(|e| panic!("sample parses: {e}"));
    let mut group = c.benchmark_group("report");
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("json_read", |b| {
        b.iter(|| Report::from_json_str(std::hint::black_box(&json)))
    });
    group.bench_function("json_write", |b| {
        b.iter(|| std::hint::black_box(&report).to_json_string())
    });
    group.bench_function("validate", |b| {
        b.iter(|| validate(std::hint::black_box(&report)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
