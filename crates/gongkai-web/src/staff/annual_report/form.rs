//! The editor's form: table-二 figures (`cell:<key>`) and narrative parts
//! (`text:<part>`) read into a [`DraftContent`], with an error per field
//! that does not hold a value of its kind.

use gongkai_domain::report::ValueKind;
use gongkai_domain::{CellKey, Format};
use gongkai_store::{DraftContent, MAX_NARRATIVE_CHARS, NarrativePart, entered_cells};
use rust_decimal::Decimal;
use serde::Serialize;

/// The name of the input of a table-二 cell.
pub(crate) fn cell_field(key: CellKey) -> String {
    format!("cell:{key}")
}

/// The name of the textarea of a narrative part.
pub(crate) fn text_field(part: NarrativePart) -> String {
    format!("text:{}", part.key())
}

/// A field whose value cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct FieldError {
    /// The form field's name.
    pub field: String,
    /// What is wrong, naming the cell.
    pub message: String,
}

/// The form as read: what could be taken, the errors, and the revision the
/// page was opened at (0 for a new draft).
#[derive(Debug, Clone, Default)]
pub(crate) struct EditorForm {
    pub content: DraftContent,
    pub errors: Vec<FieldError>,
    /// The value typed into each cell, as typed (to show it back on error).
    pub raw: Vec<(CellKey, String)>,
    pub revision: i64,
}

/// Reads a typed number for a cell of `kind`: blank → `None` (printed blank);
/// thousands separators and full-width digits are accepted.
pub(crate) fn parse_value(text: &str, kind: ValueKind) -> Result<Option<Decimal>, String> {
    let normalized: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{3000}'))
        .map(|c| match c {
            '０'..='９' => char::from_u32(u32::from(c) - 0xFF10 + u32::from('0')).unwrap_or(c),
            '．' => '.',
            '－' | '−' => '-',
            '＋' => '+',
            other => other,
        })
        .collect();
    if normalized.is_empty() {
        return Ok(None);
    }
    let expectation = match kind {
        ValueKind::Count => "不小于0的整数",
        ValueKind::SignedCount => "整数（减少填负数，如 -3）",
        ValueKind::Money => "不小于0的金额（最多4位小数）",
    };
    let unsigned = normalized.strip_prefix('+').unwrap_or(&normalized);
    let well_formed = match kind {
        ValueKind::Count => unsigned.bytes().all(|b| b.is_ascii_digit()),
        ValueKind::SignedCount => {
            let digits = unsigned.strip_prefix('-').unwrap_or(unsigned);
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        }
        ValueKind::Money => {
            let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
            !whole.is_empty()
                && whole.bytes().all(|b| b.is_ascii_digit())
                && fraction.len() <= 4
                && fraction.bytes().all(|b| b.is_ascii_digit())
        }
    };
    if !well_formed || unsigned.len() > 15 {
        return Err(format!("应为{expectation}，而不是“{}”", text.trim()));
    }
    unsigned
        .parse::<Decimal>()
        .map(|v| Some(v.normalize()))
        .map_err(|_| format!("应为{expectation}，而不是“{}”", text.trim()))
}

/// Reads the posted form for a report of `year`. Unknown fields are ignored;
/// every entered cell of the year's format is present in the result (blank
/// when the field was empty or missing).
pub(crate) fn read(year: i32, fields: &[(String, String)]) -> EditorForm {
    let format = Format::for_year(year);
    let mut form = EditorForm::default();
    let value = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    form.revision = value("revision")
        .and_then(|r| r.trim().parse().ok())
        .unwrap_or(0);
    for key in entered_cells(format) {
        let name = cell_field(key);
        let text = value(&name).unwrap_or("");
        form.raw.push((key, text.to_owned()));
        match parse_value(text, key.kind()) {
            Ok(cell) => {
                form.content.figures.insert(key, cell);
            }
            Err(problem) => form.errors.push(FieldError {
                message: format!("“{}”{problem}", key.label(format)),
                field: name,
            }),
        }
    }
    for &part in NarrativePart::ALL {
        let name = text_field(part);
        let text = value(&name).unwrap_or("").replace("\r\n", "\n");
        let chars = text.chars().count();
        if chars > MAX_NARRATIVE_CHARS {
            form.errors.push(FieldError {
                message: format!(
                    "“{}”有{chars}字，超过{MAX_NARRATIVE_CHARS}字的上限",
                    part.label()
                ),
                field: name,
            });
            continue;
        }
        if !text.trim().is_empty() {
            form.content.narratives.insert(part, text);
        }
    }
    form
}

#[cfg(test)]
mod tests {
    use super::*;
    use gongkai_domain::report::{ProactiveField, ProactiveRow};

    #[test]
    fn values_of_each_kind() {
        let n = |v: i64| Ok(Some(Decimal::from(v)));
        assert_eq!(parse_value(" 1,234 ", ValueKind::Count), n(1234));
        assert_eq!(parse_value("１２", ValueKind::Count), n(12));
        assert_eq!(parse_value("", ValueKind::Count), Ok(None));
        assert_eq!(parse_value("-3", ValueKind::SignedCount), n(-3));
        assert_eq!(parse_value("+8", ValueKind::SignedCount), n(8));
        assert_eq!(
            parse_value("12.50", ValueKind::Money),
            Ok(Some("12.5".parse().unwrap()))
        );
        for (bad, kind) in [
            ("-3", ValueKind::Count),
            ("1.5", ValueKind::Count),
            ("abc", ValueKind::Count),
            ("1.23456", ValueKind::Money),
            ("-", ValueKind::SignedCount),
            ("99999999999999999999", ValueKind::Count),
        ] {
            let err = parse_value(bad, kind).unwrap_err();
            assert!(err.contains(bad.trim()), "{err}");
        }
    }

    #[test]
    fn a_bad_cell_is_reported_by_its_label_and_the_rest_is_taken() {
        let key = CellKey::Proactive(ProactiveRow::Licensing, ProactiveField::Decisions);
        let fields = vec![
            ("revision".to_owned(), "3".to_owned()),
            (cell_field(key), "十二".to_owned()),
            (
                "cell:proactive.penalty.decisions".to_owned(),
                "7".to_owned(),
            ),
            ("text:problems".to_owned(), "问题\r\n改进".to_owned()),
        ];
        let form = read(2024, &fields);
        assert_eq!(form.revision, 3);
        assert_eq!(form.errors.len(), 1);
        assert_eq!(form.errors[0].field, "cell:proactive.licensing.decisions");
        assert!(form.errors[0].message.contains("行政许可·本年处理决定数量"));
        assert_eq!(
            form.content.figures.get(&CellKey::Proactive(
                ProactiveRow::Penalty,
                ProactiveField::Decisions
            )),
            Some(&Some(Decimal::from(7)))
        );
        assert_eq!(
            form.content.narrative(NarrativePart::Problems),
            "问题\n改进"
        );
    }
}
