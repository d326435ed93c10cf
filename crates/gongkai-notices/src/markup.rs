//! The line markup that templates render to, shared by HTML and DOCX.
//!
//! A rendered template is read line by line:
//!
//! | line starts with | block |
//! | --- | --- |
//! | `# ` | [`Block::Title`] |
//! | `@right ` | [`Block::Right`] |
//! | `@left ` | [`Block::Left`] |
//! | `@sign ` | [`Block::Sign`] |
//! | anything else | [`Block::Body`] |
//!
//! Empty lines are dropped. Every value printed by a template is wrapped in
//! private-use marks while rendering, so a value (an applicant's name, a
//! request) can never begin a markup line: a line starting with a value is a
//! body paragraph, and a line break inside a value starts a new body
//! paragraph. The marks are removed when the blocks are built.

use minijinja::{Error, ErrorKind, Output, State, Value};

/// Marks the start of a value in rendered text.
const VALUE_START: char = '\u{E000}';
/// Marks the end of a value in rendered text.
const VALUE_END: char = '\u{E001}';

/// One printed element of a notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A title line, centred; consecutive title lines form one title.
    Title(String),
    /// A right-aligned line, such as the document number.
    Right(String),
    /// A line without first-line indent, such as the addressee.
    Left(String),
    /// A line of the signature block at the bottom right (agency, date).
    Sign(String),
    /// A body paragraph with a two-character first-line indent.
    Body(String),
}

impl Block {
    /// The block's text.
    pub fn text(&self) -> &str {
        match self {
            Block::Title(t)
            | Block::Right(t)
            | Block::Left(t)
            | Block::Sign(t)
            | Block::Body(t) => t,
        }
    }
}

/// Right indents, in characters, of the lines of a signature block, after
/// GB/T 9704 7.3.5: the last line (the date) ends four characters from the
/// right margin, and every other line (the agency) is centred over it.
pub(crate) fn signature_indents(lines: &[&str]) -> Vec<f32> {
    const DATE_RIGHT: f32 = 4.0;
    let reference = lines.last().map_or(0.0, |l| width(l));
    lines
        .iter()
        .map(|line| (DATE_RIGHT + (reference - width(line)) / 2.0).max(0.0))
        .collect()
}

/// Printed width in characters: half-width for ASCII, full for the rest.
fn width(text: &str) -> f32 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
        .sum()
}

/// The template formatter: prints a value wrapped in the value marks, with
/// control characters removed. Printing `none` (a value the case did not
/// provide) is an error, like an undefined variable.
pub(crate) fn format_value(out: &mut Output, _: &State, value: &Value) -> Result<(), Error> {
    if value.is_none() {
        return Err(Error::new(
            ErrorKind::UndefinedError,
            "the value is none (not provided for this case); guard it with {% if … %}",
        ));
    }
    let text = value.to_string();
    let mut wrapped = String::with_capacity(text.len() + 8);
    wrapped.push(VALUE_START);
    for c in text.chars() {
        match c {
            '\n' => {
                wrapped.push(VALUE_END);
                wrapped.push('\n');
                wrapped.push(VALUE_START);
            }
            '\t' => wrapped.push(' '),
            VALUE_START | VALUE_END => {}
            c if c.is_control() => {}
            c => wrapped.push(c),
        }
    }
    wrapped.push(VALUE_END);
    out.write_str(&wrapped)
        .map_err(|_| Error::from(ErrorKind::WriteFailure))
}

/// Reads rendered template text into blocks.
pub(crate) fn parse(text: &str) -> Vec<Block> {
    text.split('\n')
        .filter_map(|line| {
            let line = line.trim();
            let (make, rest): (fn(String) -> Block, &str) =
                if let Some(rest) = line.strip_prefix("# ") {
                    (Block::Title, rest)
                } else if let Some(rest) = line.strip_prefix("@right ") {
                    (Block::Right, rest)
                } else if let Some(rest) = line.strip_prefix("@left ") {
                    (Block::Left, rest)
                } else if let Some(rest) = line.strip_prefix("@sign ") {
                    (Block::Sign, rest)
                } else {
                    (Block::Body, line)
                };
            let clean: String = rest
                .chars()
                .filter(|&c| c != VALUE_START && c != VALUE_END)
                .collect();
            let clean = clean.trim();
            (!clean.is_empty()).then(|| make(clean.to_owned()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> String {
        let env = minijinja::Environment::new();
        let mut env = env;
        env.set_formatter(format_value);
        env.render_str("{{ v }}", minijinja::context! { v => s })
            .expect("renders")
    }

    #[test]
    fn lines_become_blocks() {
        let text = "# 标题\n@right 文号\n\n@left 张三：\n正文\n  @sign 机关\n";
        assert_eq!(
            parse(text),
            [
                Block::Title("标题".into()),
                Block::Right("文号".into()),
                Block::Left("张三：".into()),
                Block::Body("正文".into()),
                Block::Sign("机关".into()),
            ]
        );
    }

    #[test]
    fn values_cannot_form_markup_lines() {
        let rendered = format!("@left {}", value("张三\n# 伪造标题\n@sign 伪造印章"));
        assert_eq!(
            parse(&rendered),
            [
                Block::Left("张三".into()),
                Block::Body("# 伪造标题".into()),
                Block::Body("@sign 伪造印章".into()),
            ]
        );
        assert_eq!(
            parse(&value("# 不是标题")),
            [Block::Body("# 不是标题".into())]
        );
    }

    #[test]
    fn the_agency_is_centred_over_the_date() {
        // 2024年10月24日 is 7 characters wide, the agency 10.
        assert_eq!(
            signature_indents(&["盐城市人民政府办公室", "2024年10月24日"]),
            [2.5, 4.0]
        );
        assert_eq!(signature_indents(&["某局", "2024年1月2日"]), [6.0, 4.0]);
        assert_eq!(
            signature_indents(&["很长很长很长很长很长很长很长很长"]),
            [4.0]
        );
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(
            parse(&value("a\u{0}b\u{7}c\td\r")),
            [Block::Body("abc d".into())]
        );
    }
}
