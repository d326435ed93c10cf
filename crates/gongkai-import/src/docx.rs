//! DOCX documents: paragraphs become lines, tables tab-separated rows
//! (`gridSpan` and `vMerge` expanded like HTML spans).

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::MAX_INPUT_BYTES;
use crate::error::ImportError;
use crate::grid::{MarkupCell, to_lines};

/// The document body as text lines.
pub fn to_text(bytes: &[u8], file: &str) -> Result<String, ImportError> {
    let error = |detail: String| ImportError::Docx {
        file: file.to_owned(),
        detail,
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| error(format!("不是有效的 ZIP：{e}")))?;
    let entry = archive
        .by_name("word/document.xml")
        .map_err(|_| error("缺少 word/document.xml".to_owned()))?;
    let mut xml = Vec::new();
    // Bound the inflated size: a small ZIP can expand enormously.
    entry
        .take(4 * MAX_INPUT_BYTES as u64)
        .read_to_end(&mut xml)
        .map_err(|e| error(format!("无法解压：{e}")))?;
    body_text(&xml).map_err(error)
}

/// One table being read; tables nest inside cells.
#[derive(Default)]
struct TableState {
    rows: Vec<Vec<MarkupCell>>,
    cell: Option<MarkupCell>,
}

#[derive(Default)]
struct Body {
    lines: Vec<String>,
    paragraph: String,
    tables: Vec<TableState>,
}

impl Body {
    fn end_paragraph(&mut self) {
        let text = std::mem::take(&mut self.paragraph);
        match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            Some(cell) => {
                if !cell.text.is_empty() {
                    cell.text.push(' ');
                }
                cell.text.push_str(&text);
            }
            None => {
                let text = text.trim();
                if !text.is_empty() {
                    self.lines.push(text.to_owned());
                }
            }
        }
    }
}

fn body_text(xml: &[u8]) -> Result<String, String> {
    let mut reader = Reader::from_reader(xml);
    let mut body = Body::default();
    let mut in_text = false;
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("XML 错误：{e}"))?;
        match event {
            Event::Start(e) => {
                in_text |= e.local_name().as_ref() == b"t";
                start(&e, &mut body);
            }
            Event::Empty(e) => {
                start(&e, &mut body);
                match e.local_name().as_ref() {
                    b"tab" | b"br" => body.paragraph.push(' '),
                    _ => {}
                }
            }
            Event::Text(t) if in_text => {
                let text = t.decode().map_err(|e| format!("文本编码错误：{e}"))?;
                body.paragraph
                    .push_str(&quick_xml::escape::unescape(&text).unwrap_or(text.clone()));
            }
            Event::GeneralRef(r) if in_text => {
                let name = r.decode().map_err(|e| format!("文本编码错误：{e}"))?;
                body.paragraph.push_str(match name.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "",
                });
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => body.end_paragraph(),
                b"tc" => {
                    if let Some(table) = body.tables.last_mut()
                        && let Some(cell) = table.cell.take()
                        && let Some(row) = table.rows.last_mut()
                    {
                        row.push(cell);
                    }
                }
                b"tbl" => {
                    if let Some(table) = body.tables.pop() {
                        body.lines.extend(to_lines(&table.rows));
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(body.lines.join("\n"))
}

fn start(e: &BytesStart<'_>, body: &mut Body) {
    match e.local_name().as_ref() {
        b"tbl" => body.tables.push(TableState::default()),
        b"tr" => {
            if let Some(table) = body.tables.last_mut() {
                table.rows.push(Vec::new());
            }
        }
        b"tc" => {
            if let Some(table) = body.tables.last_mut() {
                table.cell = Some(MarkupCell {
                    rowspan: 1,
                    colspan: 1,
                    ..MarkupCell::default()
                });
            }
        }
        b"gridSpan" => {
            if let Some(cell) = body.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                cell.colspan = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(1);
            }
        }
        b"vMerge" => {
            if let Some(cell) = body.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                cell.continues = attr(e, b"val").is_none_or(|v| v == "continue");
            }
        }
        _ => {}
    }
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_merged_cells() {
        let xml = r#"<w:document xmlns:w="w"><w:body>
            <w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>
            <w:tbl>
              <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>（三）不予公开</w:t></w:r></w:p></w:tc>
                    <w:tc><w:p><w:r><w:t>1.属于国家秘密</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>
                    <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>A&amp;B</w:t></w:r></w:p></w:tc></w:tr>
            </w:tbl></w:body></w:document>"#;
        let text = body_text(xml.as_bytes());
        assert_eq!(
            text.as_deref(),
            Ok("一、总体情况\n（三）不予公开\t1.属于国家秘密\t0\nA&B")
        );
    }

    #[test]
    fn damaged_packages_are_errors() {
        assert!(to_text(b"PK\x03\x04broken", "x.docx").is_err());
    }
}
