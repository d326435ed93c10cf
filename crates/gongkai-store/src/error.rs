//! The errors of the storage layer, with messages that say what failed.

use gongkai_domain::report::ReportJsonError;

/// Why a storage operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The URL names no supported database.
    #[error("不支持的数据库地址“{0}”：应以 sqlite: 或 postgres:// 开头")]
    UnsupportedUrl(String),
    /// The database could not be reached or opened.
    #[error("无法连接数据库 {url}：{source}")]
    Connect {
        /// The URL, with any password hidden.
        url: String,
        /// The driver's error.
        source: sqlx::Error,
    },
    /// A migration step failed; the step was rolled back.
    #[error("数据库迁移第 {version} 步（{name}）失败：{source}")]
    Migration {
        /// The migration's version number.
        version: i64,
        /// The migration's name.
        name: &'static str,
        /// The driver's error.
        source: sqlx::Error,
    },
    /// The database holds a schema newer than this program knows.
    #[error("数据库结构版本为 {found}，高于本程序支持的 {supported}：请升级程序")]
    SchemaTooNew {
        /// The newest version recorded in the database.
        found: i64,
        /// The newest version this program knows.
        supported: i64,
    },
    /// A query failed.
    #[error("数据库操作失败（{context}）：{source}")]
    Database {
        /// What was being done.
        context: &'static str,
        /// The driver's error.
        source: sqlx::Error,
    },
    /// The entity does not exist.
    #[error("找不到{entity}“{key}”")]
    NotFound {
        /// The kind of entity, in Chinese (机构, 信息, 年度报告).
        entity: &'static str,
        /// Its key.
        key: String,
    },
    /// A stored value is not one this program understands.
    #[error("数据库中{what}的值“{value}”无法识别")]
    Corrupt {
        /// Which column.
        what: &'static str,
        /// The value found.
        value: String,
    },
    /// A stored or given annual report is not valid canonical JSON.
    #[error("年度报告 JSON 无效：{0}")]
    ReportJson(#[from] ReportJsonError),
    /// An 索引号 rule could not be parsed or applied.
    #[error("索引号规则无效：{0}")]
    IndexRule(String),
    /// The input breaks a rule of the domain.
    #[error("输入无效：{0}")]
    Invalid(String),
    /// One field of the input is invalid; `field` names it in Chinese.
    #[error("{field}无效：{message}")]
    InvalidField {
        /// The field, as named on the registration form (联系电话, 身份证件号码, …).
        field: &'static str,
        /// What is wrong with it.
        message: String,
    },
    /// The deadline engine refuses the application's event record; nothing was written.
    #[error("办理记录不成立：{0}")]
    Procedure(#[from] gongkai_domain::deadline::DeadlineError),
    /// An attachment is empty or too large.
    #[error("附件“{file_name}”{problem}")]
    Attachment {
        /// The file's name.
        file_name: String,
        /// What is wrong (为空, 超过20MB上限).
        problem: String,
    },
}

impl StoreError {
    /// Whether the caller's input is at fault (and repeating it will fail again),
    /// as opposed to the database or the stored data.
    pub fn is_input_error(&self) -> bool {
        matches!(
            self,
            StoreError::Invalid(_)
                | StoreError::InvalidField { .. }
                | StoreError::Procedure(_)
                | StoreError::Attachment { .. }
                | StoreError::NotFound { .. }
                | StoreError::IndexRule(_)
                | StoreError::UnsupportedUrl(_)
        )
    }
}

/// Attaches a description of the operation to a driver error.
pub(crate) trait Context<T> {
    /// Wraps the error as [`StoreError::Database`] with `context`.
    fn ctx(self, context: &'static str) -> Result<T, StoreError>;
}

impl<T> Context<T> for Result<T, sqlx::Error> {
    fn ctx(self, context: &'static str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Database { context, source })
    }
}

/// The URL with the password (if any) replaced by `***`, for messages.
pub(crate) fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}")
        }
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_hidden() {
        assert_eq!(
            redact_url("postgres://u:secret@h/db"),
            "postgres://u:***@h/db"
        );
        assert_eq!(
            redact_url("sqlite://a.db?mode=rwc"),
            "sqlite://a.db?mode=rwc"
        );
    }
}
