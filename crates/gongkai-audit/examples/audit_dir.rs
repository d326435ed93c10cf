//! Audits a folder from the command line, for measuring time and memory:
//!
//! ```text
//! cargo run --release -p gongkai-audit --example audit_dir -- INPUT OUTPUT [JOBS]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use gongkai_audit::{AuditOptions, IndicatifProgress, audit};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(input), Some(output)) = (args.first(), args.get(1)) else {
        eprintln!("用法：audit_dir 输入文件夹 输出文件夹 [线程数]");
        return ExitCode::from(2);
    };
    let jobs = args.get(2).and_then(|j| j.parse().ok()).unwrap_or(0);
    let options = AuditOptions {
        input: PathBuf::from(input),
        output: PathBuf::from(output),
        jobs,
    };
    let started = Instant::now();
    match audit(&options, &IndicatifProgress::new()) {
        Ok(s) => {
            println!(
                "{} 个文件（正常 {}，部分 {}，失败 {}，跳过 {}），有错误的报告 {}；错误 {}，警告 {}，提示 {}；用时 {:.2} 秒",
                s.files,
                s.ok,
                s.partial,
                s.failed,
                s.skipped,
                s.reports_with_errors,
                s.errors,
                s.warnings,
                s.notices,
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
