//! `gongkai calendar …`: working-day arithmetic on the national calendar.

use std::path::Path;

use chrono::NaiveDate;
use gongkai_domain::calendar::WorkCalendar;

use crate::exit::{Failure, Outcome};
use crate::output::write_stdout;

/// Prints the date `days` working days after `date`.
pub fn workdays_after(date: &str, days: u32, overrides: Option<&Path>) -> Result<Outcome, Failure> {
    let start = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").map_err(|e| {
        Failure::BadInput(format!(
            "日期“{date}”无效（应为 YYYY-MM-DD 格式的真实日期）：{e}"
        ))
    })?;
    let national = WorkCalendar::national()
        .map_err(|e| Failure::Failed(anyhow::anyhow!("内置节假日数据有误：{e}")))?;
    let calendar = match overrides {
        None => national.clone(),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Failure::BadInput(format!("无法读取 {}：{e}", path.display())))?;
            let file = WorkCalendar::parse_year_file(&text)
                .map_err(|e| Failure::BadInput(format!("{}：{e}", path.display())))?;
            national.clone().with_overrides(file)
        }
    };
    let due = calendar
        .add_workdays(start, days)
        .map_err(|e| Failure::BadInput(e.to_string()))?;
    write_stdout(format!("{}\n", due.format("%Y-%m-%d")).as_bytes())?;
    Ok(Outcome::Clean)
}
