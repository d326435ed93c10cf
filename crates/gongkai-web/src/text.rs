//! Plain-text bodies to structured blocks, and URL helpers.

/// A block of a plain-text body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading line such as “一、总体要求” or “第一章 总则”.
    Heading(String),
    /// A paragraph (may contain line breaks).
    Paragraph(Vec<String>),
    /// The addressees of a notice (“各镇人民政府、街道办事处：”), not indented.
    Salutation(String),
    /// The issuing agency and date at the end, right-aligned.
    Signature(Vec<String>),
}

/// Whether a line is a date as printed under a signature: 2024年3月12日.
fn is_chinese_date(line: &str) -> bool {
    let Some(rest) = line.strip_suffix('日') else {
        return false;
    };
    let parts: Vec<&str> = rest.split(['年', '月']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

const NUMERALS: &str = "一二三四五六七八九十";

/// Whether a line reads as a section heading.
fn is_heading(line: &str) -> bool {
    let line = line.trim();
    if line.chars().count() > 40 {
        return false;
    }
    let mut chars = line.chars();
    let first = chars.next();
    let numbered = first.is_some_and(|c| NUMERALS.contains(c)) && line.contains('、');
    let chapter = line.starts_with('第') && (line.contains('章') || line.contains('节'));
    (numbered && !line.ends_with('。')) || (chapter && !line.ends_with('。'))
}

/// Splits a body into blocks at blank lines; single-line blocks that look
/// like headings become headings.
pub fn blocks(body: &str) -> Vec<Block> {
    let mut blocks = plain_blocks(body);
    if let Some(Block::Paragraph(lines)) = blocks.first()
        && lines.len() == 1
        && lines[0].ends_with('：')
        && lines[0].chars().count() <= 60
    {
        blocks[0] = Block::Salutation(lines[0].clone());
    }
    let single = |b: Option<&Block>| match b {
        Some(Block::Paragraph(lines)) if lines.len() == 1 => Some(lines[0].clone()),
        _ => None,
    };
    let n = blocks.len();
    if n >= 3
        && let (Some(signer), Some(date)) = (single(blocks.get(n - 2)), single(blocks.get(n - 1)))
        && is_chinese_date(&date)
        && signer.chars().count() <= 30
        && !signer.ends_with('。')
    {
        blocks.truncate(n - 2);
        blocks.push(Block::Signature(vec![signer, date]));
    }
    blocks
}

fn plain_blocks(body: &str) -> Vec<Block> {
    body.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lines: Vec<String> = p
                .lines()
                .map(|l| l.trim().to_owned())
                .filter(|l| !l.is_empty())
                .collect();
            if lines.len() == 1 && is_heading(&lines[0]) {
                Block::Heading(lines[0].clone())
            } else {
                Block::Paragraph(lines)
            }
        })
        .collect()
}

/// “X政府信息公开” without doubling 政府: 海盐县人民政府 → 海盐县人民政府信息公开,
/// 海盐县财政局 → 海盐县财政局政府信息公开.
pub fn disclosure_title(agency_name: &str) -> String {
    if agency_name.ends_with("政府") {
        format!("{agency_name}信息公开")
    } else {
        format!("{agency_name}政府信息公开")
    }
}

/// Percent-encodes a path, keeping `/` and unreserved characters.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Percent-encodes a query-string value (everything but unreserved characters).
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A query string (`?a=1&b=2`) of the non-empty pairs; empty when none.
pub fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = String::new();
    for (key, value) in pairs {
        if value.is_empty() {
            continue;
        }
        out.push(if out.is_empty() { '?' } else { '&' });
        out.push_str(key);
        out.push('=');
        out.push_str(&encode_query_value(value));
    }
    out
}

/// At most 32 characters of user input, for messages.
pub fn truncate(text: &str) -> String {
    let cut: String = text.chars().take(32).collect();
    if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// The link to an item's page.
pub fn item_href(index_no: &str) -> String {
    format!("/items/{}", encode_path(index_no))
}

/// The link to an agency's page `rest` (empty for its home).
pub fn agency_href(code: &str, rest: &str) -> String {
    let code = encode_path(code).replace('/', "%2F");
    if rest.is_empty() {
        format!("/agencies/{code}")
    } else {
        format!("/agencies/{code}/{rest}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_paragraphs() {
        let blocks = blocks("前言。\n\n一、总体要求\n\n内容一\n内容二\n\n第一章 总则");
        assert_eq!(blocks.len(), 4);
        assert_eq!(blocks[1], Block::Heading("一、总体要求".into()));
        assert_eq!(
            blocks[2],
            Block::Paragraph(vec!["内容一".into(), "内容二".into()])
        );
        assert_eq!(blocks[3], Block::Heading("第一章 总则".into()));
        let notice = blocks_of("各单位：\n\n正文。\n\n某县财政局\n\n2024年3月12日");
        assert_eq!(notice[0], Block::Salutation("各单位：".into()));
        assert_eq!(
            notice[2],
            Block::Signature(vec!["某县财政局".into(), "2024年3月12日".into()])
        );
    }

    fn blocks_of(body: &str) -> Vec<Block> {
        blocks(body)
    }

    #[test]
    fn paths_are_encoded() {
        assert_eq!(
            item_href("330424000/2024-00012"),
            "/items/330424000/2024-00012"
        );
        assert_eq!(item_href("a b<"), "/items/a%20b%3C");
        assert_eq!(
            query_string([("q", "预算 a&b"), ("agency", ""), ("page", "2")]),
            "?q=%E9%A2%84%E7%AE%97%20a%26b&page=2"
        );
    }
}
