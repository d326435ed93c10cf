//! The running text of a report: its title and the paragraphs of each section.

use gongkai_domain::report::format::OVERVIEW_SUBHEADS;
use gongkai_domain::{Report, Section};

/// The document title: “<agency><year>年政府信息公开工作年度报告”.
pub fn title(report: &Report) -> String {
    format!(
        "{}{}年政府信息公开工作年度报告",
        report.agency.as_deref().unwrap_or(""),
        report.year
    )
}

/// A block of a section's narrative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block<'a> {
    /// A line that is one of the five sub-heads of section 一 (“（一）主动公开”).
    Subhead(&'a str),
    /// An ordinary paragraph.
    Paragraph(&'a str),
}

/// The narrative of `section` split into blocks: one per non-empty line.
pub fn narrative(report: &Report, section: Section) -> Vec<Block<'_>> {
    let Some(text) = report.narrative(section) else {
        return Vec::new();
    };
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            if section == Section::Overview && OVERVIEW_SUBHEADS.contains(&line) {
                Block::Subhead(line)
            } else {
                Block::Paragraph(line)
            }
        })
        .collect()
}

/// Identifies the generator in files that have room for it (XLSX, DOCX).
pub fn generator() -> String {
    format!("gongkai-render {}", env!("CARGO_PKG_VERSION"))
}
