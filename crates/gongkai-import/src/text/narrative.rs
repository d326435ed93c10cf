//! The prose of each section, without its heading and without table rows.

use gongkai_domain::Section;

use super::lines::Line;
use super::sections::Sections;
use crate::rows::normalize;

/// Texts that open a table: in the sections with tables, prose stops there.
const TABLE_STARTS: [&str; 7] = [
    "第二十条",
    "信息内容",
    "申请人情况",
    "（本列数据",
    "法人或其他组织",
    "行政复议",
    "行政诉讼",
];

fn opens_table(text: &str) -> bool {
    let norm = normalize(text);
    TABLE_STARTS.iter().any(|s| norm.starts_with(s))
}

/// The narrative text of every section that has some. Layout text (PDF)
/// hard-wraps paragraphs; its lines are joined, and an indented line starts
/// a new paragraph.
pub fn extract(lines: &[Line], sections: &Sections, paged: bool) -> Vec<(Section, String)> {
    let mut out = Vec::new();
    for section in Section::ALL {
        if sections.heading_line(section).is_none() {
            continue;
        }
        let has_table = matches!(
            section,
            Section::Proactive | Section::Applications | Section::Reviews
        );
        let mut paragraphs: Vec<String> = Vec::new();
        for line in &lines[sections.body(section, lines.len())] {
            let text = &line.text;
            if text.trim().is_empty() {
                continue;
            }
            let tabular =
                text.contains('\t') || text.contains('|') || (paged && text.trim().contains("   "));
            if has_table && (tabular || opens_table(text)) {
                break;
            }
            if tabular {
                continue;
            }
            let clean = text
                .trim()
                .trim_start_matches('#')
                .trim()
                .trim_matches('*')
                .trim();
            let indented = text.starts_with("  ") || text.starts_with('\u{3000}');
            match paragraphs.last_mut() {
                Some(last) if paged && !indented => last.push_str(clean),
                _ => paragraphs.push(clean.to_owned()),
            }
        }
        if !paragraphs.is_empty() {
            out.push((section, paragraphs.join("\n")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines::split;

    #[test]
    fn joins_wrapped_pdf_lines_and_stops_at_tables() {
        let text = "一、总体情况\n   2023 年，我区坚持\n以公开为常态。\n   （一）主动公开情况。\n二、主动公开政府信息情况\n   第二十条第（一）项\n规章   0   0   0\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n  问题。\n六、其他需要报告的事项\n  无。";
        let lines = split(text, true);
        let sections = Sections::find(&lines);
        let narrative = extract(&lines, &sections, true);
        assert_eq!(
            narrative[0],
            (
                Section::Overview,
                "2023 年，我区坚持以公开为常态。\n（一）主动公开情况。".to_owned()
            )
        );
        assert_eq!(narrative.len(), 3);
        assert_eq!(narrative[2], (Section::OtherMatters, "无。".to_owned()));
    }
}
