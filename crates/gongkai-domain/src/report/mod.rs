//! The annual report (政府信息公开工作年度报告): layouts of both official formats,
//! the report model and its canonical JSON.

pub mod applications;
pub mod cell_key;
pub mod deadline;
pub mod format;
mod json;
pub mod model;
pub mod proactive;
pub mod reviews;

pub use applications::{ApplicantColumn, ApplicationRow, OutcomeGroup};
pub use cell_key::{CellKey, UnknownCellKey};
pub use format::{Format, Section};
pub use json::{ReportJsonError, decimal_json};
pub use model::{Cell, Report, SCHEMA_ID};
pub use proactive::{ProactiveBlock, ProactiveField, ProactiveRow, ValueKind, proactive_blocks};
pub use reviews::{ReviewColumn, ReviewGroup};
