//! `gongkai report render`: the official layout as HTML, Markdown, DOCX or XLSX.

use std::io::IsTerminal;
use std::path::Path;

use gongkai_render::{OutputFormat, render};

use crate::exit::{Failure, Outcome};
use crate::output::{write_atomically, write_stdout};

/// Renders `file` to `output` (or standard output).
pub fn run(
    file: &Path,
    to: Option<OutputFormat>,
    output: Option<&Path>,
) -> Result<Outcome, Failure> {
    let from_extension = output
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .and_then(OutputFormat::from_extension);
    let format = to.or(from_extension).ok_or_else(|| {
        Failure::BadInput(
            "请用 --to 指定输出格式（html、md、docx、xlsx），或给出带扩展名的 -o 输出文件".into(),
        )
    })?;
    let report = super::source::read_report(file)?;
    let bytes = render(&report, format)
        .map_err(|e| Failure::Failed(anyhow::anyhow!("无法生成 {format}：{e}")))?;
    match output {
        Some(path) => write_atomically(path, &bytes)?,
        None if matches!(format, OutputFormat::Docx | OutputFormat::Xlsx)
            && std::io::stdout().is_terminal() =>
        {
            return Err(Failure::BadInput(format!(
                "{format} 是二进制文件，请用 -o 指定输出文件"
            )));
        }
        None => write_stdout(&bytes)?,
    }
    Ok(Outcome::Clean)
}
