//! Safe HTML for highlighted titles and body snippets.
//!
//! tantivy's `SnippetGenerator` picks the best fragment and the highlighted
//! byte ranges; the HTML is written here: every piece of document text is
//! escaped and the only tags emitted are `<mark>` and `</mark>`.

use std::ops::Range;

use tantivy::snippet::SnippetGenerator;

/// Body snippet length given to the generator, in bytes (tantivy compares
/// byte offsets): about 80 Chinese characters.
pub(crate) const SNIPPET_BYTES: usize = 240;

/// Characters shown from the start of the body when no query term occurs in
/// it (or the query has no text).
const LEAD_CHARS: usize = 80;

/// Bodies longer than this many bytes are cut before snippet generation, so
/// a 1 MB body does not make every results page slow.
const MAX_SNIPPET_SOURCE_BYTES: usize = 32 * 1024;

/// Escapes `& < > " '` for use in HTML text and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut out, text);
    out
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// Renders `text` as escaped HTML with `ranges` (byte ranges, possibly
/// overlapping or unsorted) wrapped in `<mark>`. Ranges that are out of
/// bounds or not on character boundaries are ignored.
pub(crate) fn render_marked(text: &str, ranges: &[Range<usize>]) -> String {
    let mut ranges: Vec<Range<usize>> = ranges
        .iter()
        .filter(|r| {
            r.start < r.end && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
        })
        .filter(|r| r.end <= text.len())
        .cloned()
        .collect();
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let mut out = String::with_capacity(text.len() + merged.len() * 13);
    let mut pos = 0;
    for r in merged {
        push_escaped(&mut out, &text[pos..r.start]);
        out.push_str("<mark>");
        push_escaped(&mut out, &text[r.start..r.end]);
        out.push_str("</mark>");
        pos = r.end;
    }
    push_escaped(&mut out, &text[pos..]);
    out
}

/// The whole title with the query terms marked.
pub(crate) fn title_html(generator: Option<&SnippetGenerator>, title: &str) -> String {
    let Some(generator) = generator else {
        return escape_html(title);
    };
    let snippet = generator.snippet(title);
    if snippet.is_empty() {
        return escape_html(title);
    }
    let base = snippet.fragment_range().start;
    let ranges: Vec<Range<usize>> = snippet
        .highlighted()
        .iter()
        .map(|r| r.start + base..r.end + base)
        .collect();
    render_marked(title, &ranges)
}

/// A fragment of the body around the best-scoring query terms, with `…`
/// where text was cut; the start of the body when no term occurs in it.
pub(crate) fn body_html(generator: Option<&SnippetGenerator>, body: &str) -> String {
    let body = truncate_bytes(body, MAX_SNIPPET_SOURCE_BYTES);
    if let Some(generator) = generator {
        let snippet = generator.snippet(body);
        if !snippet.is_empty() {
            // Extend the fragment over punctuation-only edges (a closing
            // "。" or an opening "《") instead of showing "…" for them.
            let range = snippet.fragment_range();
            let has_words = |t: &str| t.chars().any(char::is_alphanumeric);
            let before = body.get(..range.start).unwrap_or_default();
            let after = body.get(range.end..).unwrap_or_default();
            let start = if has_words(before) { range.start } else { 0 };
            let end = if has_words(after) {
                range.end
            } else {
                body.len()
            };
            let shift = range.start - start;
            let ranges: Vec<Range<usize>> = snippet
                .highlighted()
                .iter()
                .map(|r| r.start + shift..r.end + shift)
                .collect();
            let mut html = String::new();
            if start > 0 {
                html.push('…');
            }
            html.push_str(&render_marked(
                body.get(start..end).unwrap_or_default(),
                &ranges,
            ));
            if end < body.len() {
                html.push('…');
            }
            return html;
        }
    }
    lead(body)
}

/// The first [`LEAD_CHARS`] characters of the body, escaped.
fn lead(body: &str) -> String {
    let body = body.trim();
    match body.char_indices().nth(LEAD_CHARS) {
        Some((cut, _)) => {
            let mut html = escape_html(&body[..cut]);
            html.push('…');
            html
        }
        None => escape_html(body),
    }
}

/// `text` cut to at most `max` bytes on a character boundary.
pub(crate) fn truncate_bytes(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything() {
        assert_eq!(
            escape_html(r#"<script>alert("x'&")</script>"#),
            "&lt;script&gt;alert(&quot;x&#39;&amp;&quot;)&lt;/script&gt;"
        );
    }

    #[test]
    fn marks_merged_ranges_and_escapes() {
        let text = "<b>预算执行</b>";
        let start = text.find('预').unwrap_or(0);
        let html = render_marked(text, &[start..start + 6, start + 3..start + 12, 1..2]);
        assert_eq!(
            html,
            "&lt;<mark>b</mark>&gt;<mark>预算执行</mark>&lt;/b&gt;"
        );
    }

    #[test]
    fn ignores_bad_ranges() {
        assert_eq!(render_marked("公开", &[1..2, 0..99]), "公开");
    }

    #[test]
    fn lead_truncates_on_chars() {
        let long = "公".repeat(100);
        let html = lead(&long);
        assert_eq!(html.chars().count(), LEAD_CHARS + 1);
        assert!(html.ends_with('…'));
        assert_eq!(truncate_bytes("公开", 4), "公");
    }
}
