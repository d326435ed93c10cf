//! Renders an annual report (政府信息公开工作年度报告) in the official layout.
//!
//! The official tables are modelled once, in [`layout`], as grids of cells
//! with row and column spans; the HTML, Markdown, DOCX and XLSX writers only
//! translate that grid into their own notion of merged cells. Labels and row
//! order come from `gongkai_domain`, so no label is typed here.
//!
//! Architecture invariant: no I/O. Every function takes a [`Report`] and
//! returns text or bytes; writing files is the caller's business.
//!
//! Blank cells stay blank in every format (a blank is not 0), and every piece of
//! text from the report (agency, narratives) is escaped for the target format.

pub mod document;
mod docx;
mod html;
pub mod layout;
mod markdown;
mod xlsx;

use std::fmt;
use std::str::FromStr;

use gongkai_domain::Report;

pub use html::{html_body, html_document, html_tables};
pub use markdown::markdown;

/// The file formats a report can be rendered to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutputFormat {
    /// A complete, printable HTML5 page ([`html_document`]).
    Html,
    /// Markdown for review, with flattened tables ([`markdown`]).
    Markdown,
    /// A Word document laid out like the official template.
    Docx,
    /// An Excel workbook with one worksheet per table.
    Xlsx,
}

impl OutputFormat {
    /// Every output format.
    pub const ALL: [OutputFormat; 4] = [
        OutputFormat::Html,
        OutputFormat::Markdown,
        OutputFormat::Docx,
        OutputFormat::Xlsx,
    ];

    /// The format for a file extension (`"docx"`, `".md"`, `"HTML"`); `None` when unknown.
    pub fn from_extension(extension: &str) -> Option<OutputFormat> {
        let extension = extension.trim_start_matches('.').to_ascii_lowercase();
        match extension.as_str() {
            "html" | "htm" => Some(OutputFormat::Html),
            "md" | "markdown" => Some(OutputFormat::Markdown),
            "docx" => Some(OutputFormat::Docx),
            "xlsx" => Some(OutputFormat::Xlsx),
            _ => None,
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Html => "html",
            OutputFormat::Markdown => "md",
            OutputFormat::Docx => "docx",
            OutputFormat::Xlsx => "xlsx",
        }
    }

    /// The media type to send the rendered bytes with.
    pub fn mime_type(self) -> &'static str {
        match self {
            OutputFormat::Html => "text/html; charset=utf-8",
            OutputFormat::Markdown => "text/markdown; charset=utf-8",
            OutputFormat::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            OutputFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        }
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// A format name that is not one of `html`, `md`, `markdown`, `docx`, `xlsx`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown output format “{0}”: expected html, md, markdown, docx or xlsx")]
pub struct UnknownOutputFormat(pub String);

impl FromStr for OutputFormat {
    type Err = UnknownOutputFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        OutputFormat::from_extension(s).ok_or_else(|| UnknownOutputFormat(s.to_owned()))
    }
}

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The DOCX writer failed while packing the document.
    #[error("writing the DOCX file failed: {0}")]
    Docx(String),
    /// The XLSX writer failed; the message names the worksheet or step.
    #[error("writing the XLSX file failed ({context}): {source}")]
    Xlsx {
        /// What was being written (“worksheet 依申请公开”).
        context: String,
        /// The writer's error.
        source: rust_xlsxwriter::XlsxError,
    },
}

/// Renders `report` to the bytes of a file in `format`.
pub fn render(report: &Report, format: OutputFormat) -> Result<Vec<u8>, RenderError> {
    match format {
        OutputFormat::Html => Ok(html_document(report).into_bytes()),
        OutputFormat::Markdown => Ok(markdown(report).into_bytes()),
        OutputFormat::Docx => docx::render(report),
        OutputFormat::Xlsx => xlsx::render(report),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_formats_parse_from_names_and_extensions() {
        assert_eq!(
            "markdown".parse::<OutputFormat>(),
            Ok(OutputFormat::Markdown)
        );
        assert_eq!("md".parse::<OutputFormat>(), Ok(OutputFormat::Markdown));
        assert_eq!(
            OutputFormat::from_extension(".DOCX"),
            Some(OutputFormat::Docx)
        );
        assert!("pdf".parse::<OutputFormat>().is_err());
        for format in OutputFormat::ALL {
            assert_eq!(format.extension().parse::<OutputFormat>(), Ok(format));
        }
    }
}
