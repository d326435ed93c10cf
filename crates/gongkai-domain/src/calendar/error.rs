//! Errors of the working-day calendar.

use thiserror::Error;

/// Why the calendar could not answer or a holiday file could not be read.
///
/// The messages are in Chinese because they end up in front of the officers
/// who maintain the calendar files.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CalendarError {
    /// A computation reached a year for which no holiday notice is loaded.
    /// Weekday rules alone would silently ignore holidays and 调休, so the
    /// calendar refuses instead of guessing.
    #[error("日历缺少{year}年的节假日安排数据，无法计算工作日（请加载该年度的放假通知数据）")]
    YearNotCovered {
        /// The calendar year that is missing.
        year: i32,
    },
    /// The file is not JSON of the holiday-cn shape (missing `year`, `days`…).
    #[error("节假日文件格式错误：{message}")]
    InvalidFile {
        /// What the JSON parser or the shape check reported.
        message: String,
    },
    /// One entry of `days` is wrong; `index` is its 0-based position.
    #[error("节假日文件第{}条（days[{index}]）有误：{problem}", index + 1)]
    InvalidEntry {
        /// 0-based index of the entry in the `days` array.
        index: usize,
        /// What is wrong with it.
        problem: String,
    },
}
