//! Which kind of file an input is, decided by its content first.

use std::io::Cursor;

/// The kind of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputKind {
    /// Plain text (e.g. copied from a .doc or a web page).
    Text,
    /// Markdown (headings with `#`, tables with `|`); parsed like text.
    Markdown,
    /// An HTML page with `<table>` markup.
    Html,
    /// A Word 2007+ document (ZIP with `word/document.xml`).
    Docx,
    /// A PDF document.
    Pdf,
}

/// Decides the kind from magic bytes and markup; the file name's extension
/// only separates Markdown from plain text and breaks ties.
pub fn detect(bytes: &[u8], file_name: Option<&str>) -> InputKind {
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return InputKind::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") && is_docx(bytes) {
        return InputKind::Docx;
    }
    let ext = extension(file_name);
    if looks_like_html(bytes)
        || matches!(ext.as_deref(), Some("html" | "htm" | "xhtml")) && find(bytes, b"<").is_some()
    {
        return InputKind::Html;
    }
    if matches!(ext.as_deref(), Some("md" | "markdown")) {
        return InputKind::Markdown;
    }
    InputKind::Text
}

fn extension(file_name: Option<&str>) -> Option<String> {
    let name = file_name?;
    let (_, ext) = name.rsplit_once('.')?;
    Some(ext.to_ascii_lowercase())
}

fn is_docx(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes))
        .is_ok_and(|mut archive| archive.by_name("word/document.xml").is_ok())
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    const TAGS: [&[u8]; 5] = [b"<html", b"<!doctype html", b"<table", b"<body", b"<head>"];
    // Every tag starts with `<`: compare, ignoring ASCII case, only where one is.
    head.iter().enumerate().any(|(i, &b)| {
        b == b'<'
            && TAGS.iter().any(|tag| {
                head.get(i..i + tag.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(tag))
            })
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, _) = needle.split_first()?;
    haystack
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == first)
        .map(|(i, _)| i)
        .find(|&i| haystack.get(i..i + needle.len()) == Some(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_wins_over_extension() {
        assert_eq!(detect(b"%PDF-1.7 ...", Some("report.txt")), InputKind::Pdf);
        assert_eq!(
            detect(b"<html><body><table></table>", Some("a.txt")),
            InputKind::Html
        );
        assert_eq!(
            detect("# 标题\n".as_bytes(), Some("a.md")),
            InputKind::Markdown
        );
        assert_eq!(detect("标题".as_bytes(), None), InputKind::Text);
        // A ZIP that is not a Word document is not DOCX.
        assert_eq!(
            detect(b"PK\x03\x04garbage", Some("a.docx")),
            InputKind::Text
        );
    }
}
