//! `gongkai catalog import`: a CSV/XLSX catalog into the database, with
//! per-row errors.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use gongkai_import::catalog::{AgencyChoice, ImportTarget, MAX_CATALOG_BYTES, parse_catalog};

use super::case::{block_on, open_store, store_failure};
use crate::exit::{Failure, Outcome};

/// What to do with the file.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Check only; write nothing.
    pub dry_run: bool,
    /// Import the valid rows even when others have errors.
    pub skip_invalid: bool,
    /// Who is recorded in the audit log.
    pub actor: String,
}

/// Reads `file` and imports its rows for `agency` (rows may name any agency
/// in 发布机构). Every row error goes to stderr; any makes the command exit 2
/// without writing unless `--skip-invalid`.
pub fn run(
    file: &Path,
    agency: &str,
    database: Option<String>,
    options: ImportOptions,
) -> Result<Outcome, Failure> {
    let name = file.display().to_string();
    let size = std::fs::metadata(file)
        .map_err(|e| Failure::BadInput(format!("无法读取 {name}：{e}")))?
        .len();
    if size > MAX_CATALOG_BYTES as u64 {
        return Err(Failure::BadInput(format!(
            "{name}：文件过大（{size} 字节，上限 {MAX_CATALOG_BYTES} 字节）"
        )));
    }
    let bytes =
        std::fs::read(file).map_err(|e| Failure::BadInput(format!("无法读取 {name}：{e}")))?;
    block_on(async {
        let store = open_store(database).await?;
        let result = import(&store, &bytes, &name, agency.trim(), &options).await;
        store.close().await;
        result
    })
}

async fn import(
    store: &gongkai_store::Store,
    bytes: &[u8],
    name: &str,
    agency: &str,
    options: &ImportOptions,
) -> Result<Outcome, Failure> {
    let agencies = store.agencies().await.map_err(store_failure)?;
    let Some(default) = agencies.iter().find(|a| a.code == agency) else {
        return Err(Failure::BadInput(format!(
            "--agency：找不到代码为“{agency}”的机构"
        )));
    };
    let target = ImportTarget {
        default_agency: AgencyChoice {
            code: default.code.clone(),
            name: default.name.clone(),
        },
        allowed: agencies
            .iter()
            .map(|a| AgencyChoice {
                code: a.code.clone(),
                name: a.name.clone(),
            })
            .collect(),
    };
    let started = Instant::now();
    let mut parsed =
        parse_catalog(bytes, name, &target).map_err(|e| Failure::BadInput(e.to_string()))?;
    let existing = store
        .existing_index_numbers(&parsed.given_index_numbers())
        .await
        .map_err(store_failure)?;
    parsed.reject_existing(&existing);
    let mut stderr = std::io::stderr().lock();
    for error in &parsed.errors {
        // A closed stderr must not stop the import decision.
        let _ = writeln!(stderr, "{name}: {error}");
    }
    drop(stderr);
    let invalid = parsed.invalid_rows();
    println!(
        "{name}：{} 行数据，{} 行有效，{invalid} 行有错误",
        parsed.data_rows,
        parsed.rows.len()
    );
    if invalid > 0 && !options.skip_invalid {
        return Err(Failure::BadInput(format!(
            "{invalid} 行有错误，未导入任何数据（修改后重试，或用 --skip-invalid 只导入有效行）"
        )));
    }
    if options.dry_run {
        println!("试运行：未写入数据库");
        return Ok(Outcome::Clean);
    }
    let items = parsed.items();
    let outcome = store
        .import_catalog_items(&options.actor, &items)
        .await
        .map_err(store_failure)?;
    let took = started.elapsed().as_secs_f64();
    let mut by_agency: HashMap<&str, usize> = HashMap::new();
    for item in &items {
        *by_agency.entry(item.agency_code.as_str()).or_default() += 1;
    }
    println!(
        "已导入 {} 条（{} 条索引号已存在而跳过），用时 {took:.1} 秒（{:.0} 行/秒）",
        outcome.inserted.len(),
        outcome.skipped.len(),
        items.len() as f64 / took.max(0.001)
    );
    println!("检索索引会在下次启动 gongkai serve 时自动更新（或运行 gongkai index rebuild）");
    Ok(Outcome::Clean)
}
