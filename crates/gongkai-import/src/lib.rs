//! Reads published annual reports (政府信息公开工作年度报告) into the gongkai
//! report model.
//!
//! Every input kind is first turned into plain lines of text: PDFs through
//! poppler's `pdftotext -layout`, HTML and DOCX by laying their tables out as
//! tab-separated rows. One text parser then finds the title (agency, year),
//! the six sections, and the three tables, whose rows are matched against the
//! official labels defined once in `gongkai-domain`.
//!
//! Architecture invariant: the only I/O is reading the input file
//! ([`parse_path`]) and running `pdftotext` for PDFs; everything else is pure.
//! No input makes the crate panic: failures are [`ImportError`]s, repairs are
//! [`ImportNote`]s.

pub mod catalog;
mod detect;
mod docx;
mod encoding;
mod error;
mod grid;
mod html;
mod lcs;
mod note;
mod pdf;
mod rows;
mod text;

use std::path::Path;

use gongkai_domain::Report;

pub use detect::InputKind;
pub use error::ImportError;
pub use note::ImportNote;

/// The largest input accepted, in bytes (50 MB).
pub const MAX_INPUT_BYTES: usize = 50 * 1024 * 1024;

/// A report read from a file, with what the importer had to do to read it.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedReport {
    /// The report: identity, printed cells (blank = `None`), narrative under
    /// `extra.narrative`, provenance of every cell under `source`.
    pub report: Report,
    /// The kind of input the report was read from.
    pub kind: InputKind,
    /// Repairs and gaps: cells dropped by the row's arithmetic, rows or tables
    /// not found, values guessed from context.
    pub notes: Vec<ImportNote>,
}

/// Parses a report from the bytes of a file. `file_name` is used in error
/// messages and as a hint for the kind (the content decides first: `%PDF`,
/// a ZIP with `word/document.xml`, HTML markup).
pub fn parse_bytes(bytes: &[u8], file_name: Option<&str>) -> Result<ParsedReport, ImportError> {
    let name = file_name.unwrap_or("<input>").to_owned();
    // Last line of defence: a bug in a parser dependency must not take the caller down.
    match std::panic::catch_unwind(|| parse_checked(bytes, file_name, &name)) {
        Ok(result) => result,
        Err(_) => Err(ImportError::Internal { file: name }),
    }
}

/// Reads and parses the report at `path`.
pub fn parse_path(path: &Path) -> Result<ParsedReport, ImportError> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|source| ImportError::Io {
        file: name.clone(),
        source,
    })?;
    if meta.len() > MAX_INPUT_BYTES as u64 {
        return Err(ImportError::TooLarge {
            file: name,
            size: meta.len(),
            limit: MAX_INPUT_BYTES as u64,
        });
    }
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
        file: name.clone(),
        source,
    })?;
    let file_name = path.file_name().and_then(|n| n.to_str());
    parse_bytes(&bytes, file_name).map_err(|e| e.with_file(&name))
}

fn parse_checked(
    bytes: &[u8],
    file_name: Option<&str>,
    name: &str,
) -> Result<ParsedReport, ImportError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge {
            file: name.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_INPUT_BYTES as u64,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::EmptyFile {
            file: name.to_owned(),
        });
    }
    let kind = detect::detect(bytes, file_name);
    let (text, origin) = match kind {
        InputKind::Pdf => (pdf::extract_text(bytes, name)?, text::Origin::PdfLayout),
        InputKind::Docx => (docx::to_text(bytes, name)?, text::Origin::Text),
        InputKind::Html => (
            html::to_text(&encoding::decode(bytes, name)?),
            text::Origin::Text,
        ),
        InputKind::Text | InputKind::Markdown => {
            let decoded = encoding::decode(bytes, name)?;
            encoding::check_plausible_text(&decoded, name)?;
            (decoded, text::Origin::Text)
        }
    };
    let (report, notes) = text::parse(&text, origin, name)?;
    Ok(ParsedReport {
        report,
        kind,
        notes,
    })
}
