//! `gongkai notices …`: the administrator's side of the notice templates.

use std::path::Path;

use gongkai_notices::NoticeTemplates;

use crate::exit::{Failure, Outcome};

/// Writes the built-in templates into `dir`, keeping files that exist.
pub fn export(dir: &Path) -> Result<Outcome, Failure> {
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::BadInput(format!("无法创建 {}：{e}", dir.display())))?;
    NoticeTemplates::write_defaults(dir).map_err(|e| Failure::Failed(anyhow::anyhow!("{e}")))?;
    println!(
        "文书模板已写入 {}（已有文件保持不变）。修改后用 GONGKAI_NOTICE_TEMPLATES={} 启动服务。",
        dir.display(),
        dir.display()
    );
    Ok(Outcome::Clean)
}

/// Loads every template of `dir`; a broken one is bad input naming its file and line.
pub fn check(dir: &Path) -> Result<Outcome, Failure> {
    NoticeTemplates::load_dir(dir).map_err(|e| Failure::BadInput(e.to_string()))?;
    println!("{} 中的文书模板均可使用。", dir.display());
    Ok(Outcome::Clean)
}
