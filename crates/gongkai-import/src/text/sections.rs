//! Finding the six section headings (“一、总体情况” …), matched fuzzily:
//! the numeral and a keyword of the section on a short line of its own.

use std::ops::Range;

use gongkai_domain::Section;

use super::lines::Line;
use crate::rows::normalize;

/// The headings found, in document order, with their line index.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sections {
    found: Vec<(Section, usize)>,
}

impl Sections {
    /// Finds the headings in order: each heading is searched after the previous one found.
    pub fn find(lines: &[Line]) -> Sections {
        let mut found = Vec::new();
        let mut from = 0;
        for section in Section::ALL {
            let hit = (from..lines.len()).find(|&i| is_heading(&lines[i].text, section));
            if let Some(i) = hit {
                found.push((section, i));
                from = i + 1;
            }
        }
        Sections { found }
    }

    /// The line of the first heading found (the end of the title area).
    pub fn first_line(&self) -> Option<usize> {
        self.found.first().map(|&(_, i)| i)
    }

    /// The heading line of `section`, when found.
    pub fn heading_line(&self, section: Section) -> Option<usize> {
        self.found
            .iter()
            .find(|(s, _)| *s == section)
            .map(|&(_, i)| i)
    }

    /// The lines of `section` after its heading. A section whose heading is
    /// missing gets the gap between its neighbours' headings.
    pub fn body(&self, section: Section, line_count: usize) -> Range<usize> {
        let start = match self.heading_line(section) {
            Some(i) => i + 1,
            None => self
                .found
                .iter()
                .filter(|(s, _)| *s < section)
                .map(|&(_, i)| i + 1)
                .max()
                .unwrap_or(0),
        };
        let end = self
            .found
            .iter()
            .filter(|(s, _)| *s > section)
            .map(|&(_, i)| i)
            .min()
            .unwrap_or(line_count);
        start..end.max(start)
    }
}

fn is_heading(text: &str, section: Section) -> bool {
    if text.contains('\t') || text.contains('|') {
        return false;
    }
    let numeral = match section {
        Section::Overview => '一',
        Section::Proactive => '二',
        Section::Applications => '三',
        Section::Reviews => '四',
        Section::Problems => '五',
        Section::OtherMatters => '六',
    };
    // Normalising keeps CJK numerals: a line without the numeral is no heading.
    if !text.contains(numeral) {
        return false;
    }
    let norm = normalize(text);
    if norm.chars().count() > 40 {
        return false;
    }
    let mut chars = norm.chars();
    if chars.next() != Some(numeral) || !matches!(chars.next(), Some('、' | '.' | '，')) {
        return false;
    }
    let keywords: &[&str] = match section {
        Section::Overview => &["总体情况", "概述", "基本情况"],
        Section::Proactive => &["主动公开"],
        Section::Applications => &["申请"],
        Section::Reviews => &["复议", "诉讼"],
        Section::Problems => &["问题", "改进"],
        Section::OtherMatters => &["其他", "事项"],
    };
    keywords.iter().any(|k| norm.contains(k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines::split;

    #[test]
    fn finds_headings_in_order_and_skips_table_rows() {
        let text = "标题\n一、总体情况\n甲\n### 二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n\t三、本年度办理结果\n四、结转下年度继续办理\n#### 四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n无";
        let lines = split(text, false);
        let s = Sections::find(&lines);
        assert_eq!(s.heading_line(Section::Overview), Some(1));
        assert_eq!(s.heading_line(Section::Reviews), Some(7));
        assert_eq!(s.body(Section::Applications, lines.len()), 5..7);
        assert_eq!(s.body(Section::OtherMatters, lines.len()), 10..11);
    }
}
