//! Why a day is or is not a working day, in words an officer recognises.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The kind of a calendar day, carrying the holiday's name when a notice
/// decided it, so that a deadline can be explained ("10-01 国庆节 休息日").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DayKind {
    /// An ordinary Monday–Friday.
    Workday,
    /// An ordinary Saturday or Sunday.
    Weekend,
    /// A rest day set by a holiday notice (isOffDay = true).
    Holiday {
        /// The holiday, e.g. "春节".
        name: String,
    },
    /// A weekend day turned into a working day by 调休 (isOffDay = false).
    MakeUpWorkday {
        /// The holiday the swap belongs to.
        name: String,
    },
}

impl DayKind {
    /// Whether the day counts towards statutory periods.
    pub fn is_workday(&self) -> bool {
        matches!(self, DayKind::Workday | DayKind::MakeUpWorkday { .. })
    }

    /// The official kind of day without the holiday name.
    pub fn label(&self) -> &'static str {
        match self {
            DayKind::Workday => "工作日",
            DayKind::Weekend => "周末",
            DayKind::Holiday { .. } => "休息日",
            DayKind::MakeUpWorkday { .. } => "调休上班日",
        }
    }
}

impl fmt::Display for DayKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DayKind::Holiday { name } | DayKind::MakeUpWorkday { name } => {
                write!(f, "{name} {}", self.label())
            }
            DayKind::Workday | DayKind::Weekend => f.write_str(self.label()),
        }
    }
}
