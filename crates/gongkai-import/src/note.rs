//! Notes on what the importer repaired or could not find.

use std::fmt;

/// One repair or gap, for the person who checks the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportNote {
    /// The line of the extracted text the note is about (1-based), when there is one.
    pub line: Option<usize>,
    /// What happened, e.g. “row （六）其他处理: an extra cell was dropped, resolved by the row's arithmetic”.
    pub message: String,
}

impl ImportNote {
    pub(crate) fn new(line: Option<usize>, message: impl Into<String>) -> ImportNote {
        ImportNote {
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}
