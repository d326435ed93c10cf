//! Search-as-you-type title suggestions.
//!
//! Each title is indexed in the `suggest` field as edge n-grams (prefixes of
//! 1 to [`MAX_PREFIX_CHARS`] characters) of the text starting at every word
//! boundary jieba finds, plus the same prefixes of the whole title marked
//! with [`TITLE_START`]. A typed prefix is then a single term lookup, so
//! "政府信" finds "海盐县政府信息公开工作年度报告" (word boundary at 政府) and
//! titles starting with 政府信息 rank first.

use std::collections::BTreeSet;

use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy_jieba::jieba_rs::{Jieba, TokenizeMode};

use crate::schema::Fields;

/// Longest indexed prefix, in characters. Longer typed prefixes are looked
/// up by their first [`MAX_PREFIX_CHARS`] characters and then checked
/// against the stored title.
pub(crate) const MAX_PREFIX_CHARS: usize = 10;

/// Marker of the prefixes of the whole title.
const TITLE_START: char = '^';

/// Extra weight of a suggestion whose title starts with the typed prefix.
const TITLE_START_BOOST: f32 = 3.0;

/// The `suggest` terms of a title.
pub(crate) fn suggest_terms(title: &str, jieba: &Jieba) -> Vec<String> {
    let title = title.trim();
    let mut starts = BTreeSet::new();
    for token in jieba.tokenize(title, TokenizeMode::Default, true) {
        if token.word.chars().any(char::is_alphanumeric) {
            starts.insert(token.word.as_ptr() as usize - title.as_ptr() as usize);
        }
    }
    let mut terms = BTreeSet::new();
    for start in starts {
        if let Some(rest) = title.get(start..) {
            add_prefixes(&mut terms, "", rest);
        }
    }
    add_prefixes(&mut terms, &TITLE_START.to_string(), title);
    terms.into_iter().collect()
}

fn add_prefixes(terms: &mut BTreeSet<String>, marker: &str, text: &str) {
    let mut prefix = String::from(marker);
    for c in text.chars().take(MAX_PREFIX_CHARS) {
        prefix.extend(c.to_lowercase());
        terms.insert(prefix.clone());
    }
}

/// The typed prefix in indexed form (trimmed, lowercased) and its lookup key
/// (the first [`MAX_PREFIX_CHARS`] characters). `None` for blank input.
pub(crate) fn normalize_prefix(prefix: &str) -> Option<(String, String)> {
    let normalized = prefix.trim().to_lowercase();
    if normalized.is_empty() {
        return None;
    }
    let key: String = normalized.chars().take(MAX_PREFIX_CHARS).collect();
    Some((normalized, key))
}

/// The query for a lookup key.
pub(crate) fn suggest_query(key: &str, fields: &Fields) -> Box<dyn Query> {
    let anywhere = TermQuery::new(
        Term::from_field_text(fields.suggest, key),
        IndexRecordOption::WithFreqs,
    );
    let at_start = TermQuery::new(
        Term::from_field_text(fields.suggest, &format!("{TITLE_START}{key}")),
        IndexRecordOption::WithFreqs,
    );
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, Box::new(anywhere) as Box<dyn Query>),
        (
            Occur::Should,
            Box::new(BoostQuery::new(Box::new(at_start), TITLE_START_BOOST)),
        ),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_start_at_word_boundaries() {
        let jieba = crate::schema::Dictionary::new().current();
        let terms = suggest_terms("海盐县政府信息公开工作年度报告", &jieba);
        for t in [
            "海",
            "海盐县",
            "政府信",
            "政府信息公开",
            "信息公开",
            "^海盐县政府",
        ] {
            assert!(terms.iter().any(|x| x == t), "{t} missing from {terms:?}");
        }
        assert!(!terms.iter().any(|x| x == "府信"), "{terms:?}");
        assert!(
            terms
                .iter()
                .all(|t| t.trim_start_matches('^').chars().count() <= MAX_PREFIX_CHARS)
        );
    }

    #[test]
    fn normalizes_typed_prefix() {
        assert_eq!(normalize_prefix("   "), None);
        let long = "关于印发海盐县政府信息公开管理办法";
        let (full, key) = normalize_prefix(long).unwrap_or_default();
        assert_eq!(full, long);
        assert_eq!(key.chars().count(), MAX_PREFIX_CHARS);
    }
}
