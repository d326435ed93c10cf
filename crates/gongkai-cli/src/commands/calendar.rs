//! `gongkai calendar …`: working-day arithmetic on the national calendar (years
//! whose schedule is not yet published are computed provisionally and flagged).

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use gongkai_domain::calendar::WorkCalendar;

use crate::exit::{Failure, Outcome};
use crate::output::write_stdout;

/// Prints the date `days` working days after `date`.
pub fn workdays_after(date: &str, days: u32, overrides: Option<&Path>) -> Result<Outcome, Failure> {
    let start: NaiveDate = gongkai_domain::deadline::parse_date(date)
        .map_err(|e| Failure::BadInput(format!("日期无效：{e}")))?;
    let national = WorkCalendar::operational()
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
    if calendar.is_provisional(due) || calendar.is_provisional(start) {
        let years: Vec<String> = [start, due]
            .into_iter()
            .filter(|&d| calendar.is_provisional(d))
            .map(|d| d.year().to_string())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        eprintln!(
            "注意：{}年放假安排尚未公布，该年日期按《全国年节及纪念日放假办法》规定的法定节假日推算（调休未知）；通知发布后可用 --overrides 加载该年数据",
            years.join("、")
        );
    }
    Ok(Outcome::Clean)
}
