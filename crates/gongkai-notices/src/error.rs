//! What can go wrong when loading templates or rendering a notice.

use std::path::PathBuf;

use thiserror::Error;

use crate::NoticeKind;

/// An error of template loading or notice rendering. Template errors name
/// the file (the administrator's file, or the built-in default) and, where
/// known, the line, so that a broken template can be fixed directly.
#[derive(Debug, Error)]
pub enum NoticeError {
    /// A template does not parse, or failed while rendering (an undefined
    /// variable, a `none` printed, a bad filter…).
    #[error("template {file}{}: {message}", line.map(|l| format!(", line {l}")).unwrap_or_default())]
    Template {
        /// The template's file: a path for an override, `built-in:NAME` for
        /// a default.
        file: String,
        /// The 1-based line, where known.
        line: Option<usize>,
        /// What is wrong, with the offending expression where known.
        message: String,
    },
    /// A file in the override folder has a name no notice uses (a typo
    /// would otherwise be ignored silently).
    #[error("template {file}: no notice uses a template of this name; known names: {known}")]
    UnknownTemplate {
        /// The file found.
        file: PathBuf,
        /// The names accepted, comma-separated.
        known: String,
    },
    /// The override folder or one of its files could not be read.
    #[error("reading templates from {path}: {source}")]
    Io {
        /// The folder or file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The case lacks data that this kind of notice cannot do without.
    #[error("{kind} needs {field}, which the notice context does not provide")]
    MissingData {
        /// The notice being rendered.
        kind: NoticeKind,
        /// The missing field of [`crate::NoticeContext`].
        field: &'static str,
    },
    /// The notice text contains no title line (`# `); a template was
    /// edited into something that is not a document.
    #[error("{kind}: the rendered template has no title line (a line starting with \"# \")")]
    NoTitle {
        /// The notice being rendered.
        kind: NoticeKind,
    },
    /// Building the DOCX package failed.
    #[error("building the DOCX: {0}")]
    Docx(String),
}
