//! Reading a report file given on the command line.

use std::path::Path;

use gongkai_domain::Report;

use crate::exit::Failure;

/// Largest report JSON accepted; real reports are a few kilobytes.
const MAX_REPORT_BYTES: u64 = 16 * 1024 * 1024;

/// Reads and parses a canonical report JSON file; every problem is bad input (exit 2)
/// and names the file and the key.
pub fn read_report(path: &Path) -> Result<Report, Failure> {
    let shown = path.display();
    let metadata =
        std::fs::metadata(path).map_err(|e| Failure::BadInput(format!("无法读取 {shown}：{e}")))?;
    if metadata.len() > MAX_REPORT_BYTES {
        return Err(Failure::BadInput(format!(
            "{shown}：文件过大（{} 字节，上限 {MAX_REPORT_BYTES} 字节），不是年报 JSON",
            metadata.len()
        )));
    }
    let bytes =
        std::fs::read(path).map_err(|e| Failure::BadInput(format!("无法读取 {shown}：{e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Failure::BadInput(format!(
            "{shown}：不是 UTF-8 编码的文本（第 {} 字节处无效）",
            e.utf8_error().valid_up_to()
        ))
    })?;
    Report::from_json_str(&text).map_err(|e| Failure::BadInput(format!("{shown}：{e}")))
}
