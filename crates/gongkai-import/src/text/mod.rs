//! The text parser: every input kind ends up here as lines of text.

mod align;
mod applications;
pub(crate) mod lines;
mod narrative;
mod proactive;
mod reviews;
mod sections;
mod tables;
mod title;
pub(crate) mod tokens;
mod values;

use gongkai_domain::{Format, Report, Section};
use serde_json::{Map, Value, json};

use crate::error::ImportError;
use crate::note::ImportNote;
use lines::Line;
use sections::Sections;
use tables::Entry;

/// How the text was produced, which decides how lines are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Flowing text: plain text, Markdown, or tables laid out from HTML/DOCX.
    Text,
    /// `pdftotext -layout` output: pages end with form feeds, paragraphs are hard-wrapped.
    PdfLayout,
}

/// Parses the text of a report.
pub fn parse(
    text: &str,
    origin: Origin,
    file: &str,
) -> Result<(Report, Vec<ImportNote>), ImportError> {
    let paged = origin == Origin::PdfLayout;
    let lines = lines::split(text, paged);
    let sections = Sections::find(&lines);
    let identity = title::identify(&lines, sections.first_line().unwrap_or(lines.len()));
    let mut notes = Vec::new();
    if let Some(note) = &identity.year_note {
        notes.push(ImportNote::new(None, note.clone()));
    }
    let count = lines.len();
    let table_sections = [Section::Proactive, Section::Applications, Section::Reviews];
    let tables = table_sections
        .iter()
        .map(|&s| sections.body(s, count))
        .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
        .unwrap_or(0..count);
    let tokens = tokens::tokenize_range(&lines, tables);
    let year_format = identity.year.map(Format::for_year);

    let range = sections.body(Section::Proactive, count);
    let layout = proactive::layout(
        &tokens,
        range.clone(),
        year_format.unwrap_or(Format::Gb2021),
    );
    let mut entries = proactive::read(&tokens, &lines, range, layout, &mut notes);
    let format = year_format.unwrap_or(layout);
    entries.extend(applications::read(
        &tokens,
        &lines,
        sections.body(Section::Applications, count),
        (format, paged),
        &mut notes,
    ));
    entries.extend(reviews::read(
        &tokens,
        &lines,
        sections.body(Section::Reviews, count),
        &mut notes,
    ));

    if entries.iter().all(|e| e.line.is_none()) {
        let reason = "找不到年报的三张统计表（主动公开、依申请公开、行政复议和诉讼）".to_owned();
        return Err(ImportError::NotAReport {
            file: file.to_owned(),
            reason,
        });
    }
    let year = identity.year.ok_or_else(|| ImportError::NoYear {
        file: file.to_owned(),
    })?;
    if layout != format {
        notes.push(ImportNote::new(
            None,
            format!(
                "table 二 is printed in the {} layout, but a {year} report follows {}",
                layout.key(),
                format.key()
            ),
        ));
    }
    let mut report = Report::empty(identity.agency, year);
    apply(&mut report, &entries, &lines);
    for (section, text) in narrative::extract(&lines, &sections, paged) {
        report.set_narrative(section, text);
    }
    Ok((report, notes))
}

/// Stores the cells, their provenance under `source` and annotations under `extra.annotations`.
fn apply(report: &mut Report, entries: &[Entry], lines: &[Line]) {
    let mut source = Map::new();
    let mut annotations = Map::new();
    for entry in entries {
        report.set(entry.key, entry.cell);
        let key = entry.key.to_string();
        if let Some(line) = entry.line.and_then(|i| lines.get(i)) {
            let text = line.text.trim();
            let place = match line.page {
                Some(page) => json!({ "page": page, "line": line.number, "text": text }),
                None => json!({ "line": line.number, "text": text }),
            };
            source.insert(key.clone(), place);
        }
        if let Some(annotation) = &entry.annotation {
            annotations.insert(key, Value::String(annotation.clone()));
        }
    }
    report.source = Some(Value::Object(source));
    if !annotations.is_empty() {
        report
            .extra
            .insert("annotations".to_owned(), Value::Object(annotations));
    }
}
