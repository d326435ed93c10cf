//! What can be wrong with a catalog file as a whole, and with one of its rows.

use std::fmt;

use gongkai_domain::catalog::Validity;

use super::columns::Column;

/// Why a catalog file could not be read at all (no row was looked at).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogFileError {
    /// The file has no bytes.
    #[error("{file}：文件为空")]
    Empty {
        /// The file name.
        file: String,
    },
    /// The file is larger than accepted.
    #[error("{file}：文件过大（{size} 字节，上限 {limit} 字节）")]
    TooLarge {
        /// The file name.
        file: String,
        /// Its size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The text is neither UTF-8 nor GB18030/GBK.
    #[error("{file}：无法识别文本编码，请另存为 UTF-8 或 GBK 编码的 CSV 文件")]
    Encoding {
        /// The file name.
        file: String,
    },
    /// Not a CSV or XLSX file (e.g. an old binary .xls, a PDF, a picture).
    #[error("{file}：不是 CSV 或 XLSX 文件（{reason}），请在 Excel 中另存为 .xlsx 或 .csv")]
    UnsupportedKind {
        /// The file name.
        file: String,
        /// What it looks like.
        reason: String,
    },
    /// The XLSX container or its first sheet could not be read.
    #[error("{file}：无法读取 Excel 文件：{detail}")]
    Spreadsheet {
        /// The file name.
        file: String,
        /// The reader's explanation.
        detail: String,
    },
    /// A CSV record could not be read (e.g. an unclosed quote).
    #[error("{file}：第 {row} 行 CSV 格式错误：{detail}")]
    Csv {
        /// The file name.
        file: String,
        /// The 1-based row.
        row: u64,
        /// The reader's explanation.
        detail: String,
    },
    /// No row names the required columns.
    #[error("{file}：找不到表头行（须含“标题”“发布日期”“类别”等列名）")]
    NoHeader {
        /// The file name.
        file: String,
    },
    /// The header lacks required columns.
    #[error("{file}：表头缺少必填列：{}", list(.missing))]
    MissingColumns {
        /// The file name.
        file: String,
        /// The required columns not found.
        missing: Vec<Column>,
    },
    /// Two header cells name the same column.
    #[error("{file}：表头中“{column}”列出现了两次（第 {first} 列和第 {second} 列）")]
    DuplicateColumn {
        /// The file name.
        file: String,
        /// The column.
        column: Column,
        /// The 1-based position of the first.
        first: usize,
        /// The 1-based position of the second.
        second: usize,
    },
    /// Too many rows for one import.
    #[error("{file}：数据行过多（{rows} 行，一次最多导入 {limit} 行），请拆分后分批导入")]
    TooManyRows {
        /// The file name.
        file: String,
        /// Rows found.
        rows: usize,
        /// The limit.
        limit: usize,
    },
}

fn list(columns: &[Column]) -> String {
    columns
        .iter()
        .map(|c| format!("“{c}”"))
        .collect::<Vec<_>>()
        .join("、")
}

/// Why a date cell is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Not in any recognised form.
    Format,
    /// The month is not 1–12.
    NoSuchMonth {
        /// The month written.
        month: u32,
    },
    /// The day does not exist in that month.
    NoSuchDay {
        /// The year.
        year: i32,
        /// The month.
        month: u32,
        /// The day written.
        day: u32,
        /// How many days the month has.
        days_in_month: u32,
    },
    /// The year is outside 1949–2100.
    YearOutOfRange {
        /// The year written.
        year: i32,
    },
}

impl fmt::Display for DateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DateProblem::Format => {
                f.write_str("无法识别，请写作 2024-03-05、2024/3/5、2024年3月5日 或 20240305")
            }
            DateProblem::NoSuchMonth { month } => write!(f, "不存在 {month} 月"),
            DateProblem::NoSuchDay {
                year,
                month,
                day,
                days_in_month,
            } => write!(
                f,
                "日期不存在（{year}年{month}月只有 {days_in_month} 天，没有 {day} 日）"
            ),
            DateProblem::YearOutOfRange { year } => {
                write!(f, "年份 {year} 不在 1949–2100 之间")
            }
        }
    }
}

/// What is wrong with one cell or one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// A required cell is empty.
    Missing,
    /// A date cell is not a date.
    BadDate {
        /// The cell as written.
        text: String,
        /// Why.
        problem: DateProblem,
    },
    /// The 类别 names no Art. 20/21 category.
    UnknownCategory(String),
    /// The 有效性 is not 有效/失效/废止.
    UnknownValidity(String),
    /// The 公开方式 is not 主动公开/依申请公开.
    UnknownDisclosureMode(String),
    /// The 发布机构 is not one the importer may import for.
    UnknownAgency(String),
    /// A cell is longer than the column allows.
    TooLong {
        /// Characters in the cell.
        chars: usize,
        /// The column's limit.
        limit: usize,
    },
    /// The 索引号 appears on an earlier row of the same file.
    DuplicateInFile {
        /// The 索引号.
        index_no: String,
        /// The earlier row.
        first_row: usize,
    },
    /// The 索引号 already exists in the database.
    AlreadyExists(String),
    /// 发布日期 earlier than 成文日期.
    PublishedBeforeWritten,
    /// 失效/废止 without the date it happened.
    MissingValidityDate(Validity),
    /// A cell holds an Excel error value (#REF!, #N/A, …).
    CellError(String),
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowProblem::Missing => f.write_str("不能为空"),
            RowProblem::BadDate { text, problem } => write!(f, "“{text}”{problem}"),
            RowProblem::UnknownCategory(text) => write!(
                f,
                "“{text}”不是条例第二十条、第二十一条规定的类别，请填写类别名称（如“财政预算决算”）或代码（如 art20_07）"
            ),
            RowProblem::UnknownValidity(text) => {
                write!(f, "“{text}”无法识别，应为“有效”“失效”或“废止”")
            }
            RowProblem::UnknownDisclosureMode(text) => {
                write!(f, "“{text}”无法识别，应为“主动公开”或“依申请公开”")
            }
            RowProblem::UnknownAgency(text) => {
                write!(
                    f,
                    "“{text}”不是本次可导入的机构（请填写机构全称或代码，或留空使用所选机构）"
                )
            }
            RowProblem::TooLong { chars, limit } => {
                write!(f, "内容过长（{chars} 字，最多 {limit} 字）")
            }
            RowProblem::DuplicateInFile {
                index_no,
                first_row,
            } => {
                write!(f, "“{index_no}”与第 {first_row} 行重复")
            }
            RowProblem::AlreadyExists(index_no) => {
                write!(f, "“{index_no}”已存在于系统中，不能重复导入")
            }
            RowProblem::PublishedBeforeWritten => f.write_str("发布日期早于成文日期"),
            RowProblem::MissingValidityDate(validity) => {
                write!(f, "有效性为“{validity}”时须填写{validity}日期")
            }
            RowProblem::CellError(code) => write!(f, "单元格为 Excel 错误值 {code}"),
        }
    }
}

/// One problem found on one data row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The row as numbered in the spreadsheet (the header is usually row 1).
    pub row: usize,
    /// The column concerned.
    pub column: Column,
    /// What is wrong.
    pub problem: RowProblem,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "第 {} 行“{}”：{}", self.row, self.column, self.problem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_row_column_and_problem() {
        let e = RowError {
            row: 7,
            column: Column::PublishedOn,
            problem: RowProblem::BadDate {
                text: "2024-02-30".into(),
                problem: DateProblem::NoSuchDay {
                    year: 2024,
                    month: 2,
                    day: 30,
                    days_in_month: 29,
                },
            },
        };
        assert_eq!(
            e.to_string(),
            "第 7 行“发布日期”：“2024-02-30”日期不存在（2024年2月只有 29 天，没有 30 日）"
        );
        let missing = CatalogFileError::MissingColumns {
            file: "a.csv".into(),
            missing: vec![Column::Title, Column::Category],
        };
        assert_eq!(missing.to_string(), "a.csv：表头缺少必填列：“标题”、“类别”");
    }
}
