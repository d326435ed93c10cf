//! Loading a deployment's calendar files (local deviations, a newly published
//! year) on top of the operational national calendar.

use std::path::Path;

use gongkai_domain::calendar::WorkCalendar;

use crate::StoreError;

/// The operational calendar with each file (holiday-cn JSON format) layered on in
/// order; an unreadable or malformed file is an error naming the file.
pub fn calendar_with_files(files: &[impl AsRef<Path>]) -> Result<WorkCalendar, StoreError> {
    let mut calendar = crate::repo::operational_calendar()?.clone();
    for file in files {
        let path = file.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| {
            StoreError::Invalid(format!("无法读取日历文件 {}：{e}", path.display()))
        })?;
        let year = WorkCalendar::parse_year_file(&text)
            .map_err(|e| StoreError::Invalid(format!("日历文件 {}：{e}", path.display())))?;
        calendar = calendar.with_overrides(year);
    }
    Ok(calendar)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn files_override_the_national_calendar_and_errors_name_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("local-2024.json");
        std::fs::write(&file, r#"{"year":2024,"papers":[],"days":[{"name":"地方假日","date":"2024-10-30","isOffDay":true}]}"#)
            .expect("write");
        let calendar = calendar_with_files(&[&file]).expect("loads");
        let day = NaiveDate::from_ymd_opt(2024, 10, 30).expect("date");
        assert_eq!(calendar.is_workday(day), Ok(false));

        let broken = dir.path().join("broken.json");
        std::fs::write(&broken, "{").expect("write");
        let error = calendar_with_files(&[&broken]).expect_err("broken file");
        assert!(error.to_string().contains("broken.json"), "{error}");
    }
}
