//! Splitting extracted text into lines, with page numbers and page furniture removed.

/// One line of the input text, as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The text without its line ending.
    pub text: String,
    /// The 1-based page for paged input (PDF), `None` for flowing text.
    pub page: Option<usize>,
    /// The 1-based line number: within the page for paged input, else within the text.
    pub number: usize,
    /// The 1-based line number within the whole text.
    pub global: usize,
}

/// Splits `text` into lines. Form feeds start a new page when `paged`.
/// Page numbers (“- 3 -”, “第 3 页”, “3/12”, a lone number closing a page or
/// sitting between table rows) and Word field codes (“PAGE”) are dropped, so
/// that a table broken by a page break reads as one table.
pub fn split(text: &str, paged: bool) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut page = 1;
    let mut number = 0;
    for (global, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        for (i, piece) in raw.split('\u{c}').enumerate() {
            if i > 0 {
                if paged {
                    page += 1;
                    number = 0;
                }
                if piece.is_empty() {
                    continue;
                }
            }
            number += 1;
            lines.push(Line {
                text: piece.to_owned(),
                page: paged.then_some(page),
                number,
                global: global + 1,
            });
        }
    }
    let keep: Vec<bool> = (0..lines.len()).map(|i| !is_furniture(&lines, i)).collect();
    lines
        .into_iter()
        .zip(keep)
        .filter_map(|(line, keep)| keep.then_some(line))
        .collect()
}

fn is_furniture(lines: &[Line], i: usize) -> bool {
    let Some(line) = lines.get(i) else {
        return false;
    };
    let t = line.text.trim_matches(|c: char| c.is_whitespace());
    if t.is_empty() {
        return false;
    }
    if is_page_marker(t) || t.starts_with("PAGE") && t.is_ascii() {
        return true;
    }
    if !is_lone_number(t) {
        return false;
    }
    let prev = neighbour(lines, i, -1);
    let next = neighbour(lines, i, 1);
    let tabular =
        |l: Option<&Line>| l.is_some_and(|l| l.text.contains('\t') || l.text.contains('|'));
    let page_end = line.page.is_some() && next.is_none_or(|n| n.page != line.page);
    let after_field = prev.is_some_and(|p| p.text.trim().starts_with("PAGE"));
    page_end || after_field || (tabular(prev) && tabular(next) && !line.text.contains('\t'))
}

fn neighbour(lines: &[Line], i: usize, step: isize) -> Option<&Line> {
    let mut j = i as isize + step;
    while j >= 0 && (j as usize) < lines.len() {
        let line = &lines[j as usize];
        if !line.text.trim().is_empty() {
            return Some(line);
        }
        j += step;
    }
    None
}

/// “- 3 -”, “—3—”, “第 3 页”, “第3页 共5页”, “3 / 12”.
fn is_page_marker(t: &str) -> bool {
    // Every marker starts with a dash, 第 or a digit (`t` is trimmed): an exact
    // pre-check that spares the allocation below for ordinary lines.
    let dashes = |c: char| matches!(c, '-' | '—' | '–' | '－' | '·');
    if !t.starts_with(|c: char| dashes(c) || c == '第' || c.is_ascii_digit()) {
        return false;
    }
    let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(inner) = compact
        .strip_prefix(dashes)
        .and_then(|s| s.strip_suffix(dashes))
    {
        let inner = inner.trim_matches(dashes);
        return !inner.is_empty() && inner.len() <= 4 && inner.chars().all(|c| c.is_ascii_digit());
    }
    if let Some(rest) = compact.strip_prefix('第') {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let after = &rest[digits..];
        return digits > 0 && (after == "页" || after.starts_with("页共") && after.ends_with('页'));
    }
    if let Some((a, b)) = compact.split_once('/') {
        return is_lone_number(a) && is_lone_number(b);
    }
    false
}

fn is_lone_number(t: &str) -> bool {
    !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn drops_page_numbers() {
        let lines = split("甲\n- 3 -\n乙\n第 4 页\n丙\n2/9\n丁", false);
        assert_eq!(texts(&lines), ["甲", "乙", "丙", "丁"]);
    }

    #[test]
    fn drops_a_lone_number_between_table_rows_and_at_page_end() {
        let lines = split("规章\t0\t0\n7\n规范性文件\t1\t2", false);
        assert_eq!(texts(&lines), ["规章\t0\t0", "规范性文件\t1\t2"]);
        let lines = split("行政许可   5\n   3\n\u{c}行政处罚   2", true);
        let kept: Vec<&Line> = lines.iter().filter(|l| !l.text.is_empty()).collect();
        assert_eq!(kept.len(), 2);
        assert_eq!(
            (kept[1].text.as_str(), kept[1].page, kept[1].number),
            ("行政处罚   2", Some(2), 1)
        );
    }

    #[test]
    fn keeps_values_on_their_own_line_in_cell_per_line_tables() {
        let lines = split("\t规章\n\t0\n\t5", false);
        assert_eq!(lines.len(), 3);
    }
}
