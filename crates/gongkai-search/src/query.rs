//! Search requests, results, and their translation into tantivy queries.
//!
//! User text never reaches tantivy's query parser: it is analysed with the
//! same jieba analyzer as the documents and turned into term, phrase and
//! exact-文号 clauses, so no input can produce a syntax error.

use std::collections::BTreeSet;
use std::ops::Bound;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::IndexRecordOption;

use crate::schema::{Fields, zh_analyzer};
use crate::{DEFAULT_PER_PAGE, MAX_PER_PAGE, MAX_RESULT_WINDOW};

/// Query text beyond this many characters is ignored.
const MAX_QUERY_CHARS: usize = 200;
/// At most this many distinct tokens of the query text are searched.
const MAX_QUERY_TERMS: usize = 32;
/// Phrase clauses are built only for queries of at most this many words.
const MAX_PHRASE_WORDS: usize = 16;

/// Boost of a query token found in the title (the body counts 1).
const TITLE_BOOST: f32 = 3.0;
/// Boost of the whole query found as a phrase in the title.
const TITLE_PHRASE_BOOST: f32 = 6.0;
/// Boost of the whole query found as a phrase in the body.
const BODY_PHRASE_BOOST: f32 = 2.0;
/// Boost of a query text equal to an item's 文号.
const DOC_NUMBER_BOOST: f32 = 10.0;

/// A search request from the portal. Empty strings in the optional filters
/// are treated as absent, so a web form can pass its fields through as is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchQuery {
    /// Free text typed by the user; may be empty (filters only).
    pub text: String,
    /// Only items of this agency (code).
    pub agency_code: Option<String>,
    /// Only items of this category (key).
    pub category: Option<String>,
    /// Only items published on or after this date.
    pub published_from: Option<NaiveDate>,
    /// Only items published on or before this date.
    pub published_to: Option<NaiveDate>,
    /// Only items with this validity key (`valid`, `expired`, `repealed`).
    pub validity: Option<String>,
    /// Only items whose 文号 equals or starts with this text. Brackets and
    /// full-width digits are normalised, so `盐政发[2024]` matches
    /// `盐政发〔2024〕12号`.
    pub doc_number: Option<String>,
    /// 1-based page number; 0 is read as 1.
    pub page: u32,
    /// Hits per page, at most [`MAX_PER_PAGE`]; 0 means [`DEFAULT_PER_PAGE`].
    pub per_page: u32,
}

impl SearchQuery {
    /// A query for `text` on the first page with default page size.
    pub fn text(text: impl Into<String>) -> Self {
        SearchQuery {
            text: text.into(),
            ..SearchQuery::default()
        }
    }

    /// The effective page size (clamped to 1..=[`MAX_PER_PAGE`]).
    pub fn effective_per_page(&self) -> u32 {
        match self.per_page {
            0 => DEFAULT_PER_PAGE,
            n => n.min(MAX_PER_PAGE),
        }
    }

    /// The effective 1-based page number.
    pub fn effective_page(&self) -> u32 {
        self.page.max(1)
    }

    /// Offset and size of the requested page, or `None` when the page lies
    /// beyond [`MAX_RESULT_WINDOW`].
    pub(crate) fn window(&self) -> Option<(usize, usize)> {
        let per_page = self.effective_per_page() as usize;
        let offset = (self.effective_page() as usize - 1).checked_mul(per_page)?;
        let end = offset.checked_add(per_page)?;
        (end <= MAX_RESULT_WINDOW).then_some((offset, per_page))
    }
}

/// One page of search results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// Number of items matching the query and filters (all pages).
    pub total: usize,
    /// The effective page number.
    pub page: u32,
    /// The effective page size.
    pub per_page: u32,
    /// The hits of this page, best (or newest, without text) first.
    pub hits: Vec<Hit>,
}

impl SearchResults {
    /// Number of pages for `total` hits (0 when nothing matched).
    pub fn page_count(&self) -> u32 {
        let per_page = self.per_page.max(1) as usize;
        u32::try_from(self.total.div_ceil(per_page)).unwrap_or(u32::MAX)
    }
}

/// One matching item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// 索引号 of the item.
    pub index_no: String,
    /// The title as stored (plain text, not escaped).
    pub title: String,
    /// The title as safe HTML with the query terms in `<mark>`.
    pub title_highlighted_html: String,
    /// A fragment of the body as safe HTML with the query terms in `<mark>`.
    pub snippet_html: String,
    /// BM25 relevance score (0 for filter-only listings).
    pub score: f32,
    /// Publication date.
    pub published_on: NaiveDate,
    /// Display name of the publishing agency.
    pub agency_name: String,
    /// Category key.
    pub category: String,
    /// 文号 (normalised), if any.
    pub doc_number: Option<String>,
    /// Validity key.
    pub validity: String,
}

/// A search request translated to tantivy.
pub(crate) struct Compiled {
    /// The full query (text and filters).
    pub query: Box<dyn Query>,
    /// The text part alone, for snippets; `None` for filter-only listings.
    pub text_query: Option<Box<dyn Query>>,
}

/// Translates a request into a tantivy query.
pub(crate) fn compile(request: &SearchQuery, fields: &Fields) -> Compiled {
    let text_query = text_query(&request.text, fields);
    let filters = filter_queries(request, fields);
    let query: Box<dyn Query> = match (&text_query, filters.is_empty()) {
        (None, true) => Box::new(AllQuery),
        (text, _) => {
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = filters
                .into_iter()
                .map(|f| {
                    (
                        Occur::Must,
                        Box::new(ConstScoreQuery::new(f, 0.0)) as Box<dyn Query>,
                    )
                })
                .collect();
            if let Some(text) = text {
                clauses.push((Occur::Must, text.box_clone()));
            }
            Box::new(BooleanQuery::new(clauses))
        }
    };
    Compiled { query, text_query }
}

/// The relevance part of a request, or `None` when the text has no words.
fn text_query(text: &str, fields: &Fields) -> Option<Box<dyn Query>> {
    let text: String = text.chars().take(MAX_QUERY_CHARS).collect();
    let terms = search_terms(&text);
    if terms.is_empty() {
        return None;
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(terms.len() * 2 + 3);
    for term in &terms {
        let title = TermQuery::new(
            Term::from_field_text(fields.title, term),
            IndexRecordOption::WithFreqs,
        );
        clauses.push((
            Occur::Should,
            Box::new(BoostQuery::new(Box::new(title), TITLE_BOOST)),
        ));
        let body = TermQuery::new(
            Term::from_field_text(fields.body, term),
            IndexRecordOption::WithFreqs,
        );
        clauses.push((Occur::Should, Box::new(body)));
    }
    let words = phrase_words(&text);
    if (2..=MAX_PHRASE_WORDS).contains(&words.len()) {
        for (field, boost) in [
            (fields.title, TITLE_PHRASE_BOOST),
            (fields.body, BODY_PHRASE_BOOST),
        ] {
            let phrase_terms = words
                .iter()
                .map(|(pos, w)| (*pos, Term::from_field_text(field, w)))
                .collect();
            let phrase = PhraseQuery::new_with_offset(phrase_terms);
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(phrase), boost)),
            ));
        }
    }
    let doc_number = normalize_doc_number(&text);
    if !doc_number.is_empty() {
        let exact = TermQuery::new(
            Term::from_field_text(fields.doc_number, &doc_number),
            IndexRecordOption::Basic,
        );
        clauses.push((
            Occur::Should,
            Box::new(ConstScoreQuery::new(Box::new(exact), DOC_NUMBER_BOOST)),
        ));
    }
    Some(Box::new(BooleanQuery::new(clauses)))
}

/// Function words that match nearly every item. They are dropped from the
/// OR-ed query terms (unless the query has nothing else) but kept in the
/// phrase clauses, so "预算执行情况的报告" still prefers the exact phrase.
const STOP_WORDS: &[&str] = &[
    "的", "了", "和", "与", "及", "或", "是", "在", "对", "等", "之", "其", "于", "为", "把", "被",
    "也", "都", "而", "并", "由", "从", "以", "将", "就",
];

/// Distinct search-mode tokens of the query text without stop words, at
/// most [`MAX_QUERY_TERMS`], in order of first appearance.
pub(crate) fn search_terms(text: &str) -> Vec<String> {
    let mut analyzer = zh_analyzer(true);
    let mut stream = analyzer.token_stream(text);
    let mut seen = BTreeSet::new();
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        if terms.len() >= MAX_QUERY_TERMS {
            break;
        }
        if seen.insert(token.text.clone()) {
            terms.push(token.text.clone());
        }
    }
    if terms.iter().any(|t| !STOP_WORDS.contains(&t.as_str())) {
        terms.retain(|t| !STOP_WORDS.contains(&t.as_str()));
    }
    terms
}

/// The query's non-overlapping words with their positions (character
/// offsets, as jieba reports them and the index stores them).
fn phrase_words(text: &str) -> Vec<(usize, String)> {
    let mut analyzer = zh_analyzer(false);
    let mut stream = analyzer.token_stream(text);
    let mut words = Vec::new();
    while let Some(token) = stream.next() {
        words.push((token.position, token.text.clone()));
    }
    match words.first().map(|(p, _)| *p) {
        Some(first) => words.into_iter().map(|(p, w)| (p - first, w)).collect(),
        None => words,
    }
}

/// Non-scoring filter clauses of a request.
fn filter_queries(request: &SearchQuery, fields: &Fields) -> Vec<Box<dyn Query>> {
    let mut filters: Vec<Box<dyn Query>> = Vec::new();
    let keys = [
        (fields.agency_code, &request.agency_code),
        (fields.category, &request.category),
        (fields.validity, &request.validity),
    ];
    for (field, value) in keys {
        if let Some(value) = non_empty(value) {
            filters.push(Box::new(TermQuery::new(
                Term::from_field_text(field, value),
                IndexRecordOption::Basic,
            )));
        }
    }
    if request.published_from.is_some() || request.published_to.is_some() {
        let bound = |date: Option<NaiveDate>| match date {
            Some(d) => {
                Bound::Included(Term::from_field_i64(fields.published_days, date_to_days(d)))
            }
            None => Bound::Unbounded,
        };
        filters.push(Box::new(RangeQuery::new(
            bound(request.published_from),
            bound(request.published_to),
        )));
    }
    if let Some(prefix) = non_empty(&request.doc_number) {
        let prefix = normalize_doc_number(prefix);
        if !prefix.is_empty() {
            let upper = format!("{prefix}{}", char::MAX);
            filters.push(Box::new(RangeQuery::new(
                Bound::Included(Term::from_field_text(fields.doc_number, &prefix)),
                Bound::Excluded(Term::from_field_text(fields.doc_number, &upper)),
            )));
        }
    }
    filters
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// Canonical form of a 文号: whitespace removed, the brackets people type
/// instead of 〔〕 (`[] ［］ 【】 () （） 〈〉`) mapped to 〔〕, full-width
/// digits to ASCII.
pub(crate) fn normalize_doc_number(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '[' | '［' | '【' | '(' | '（' | '〈' | '{' => '〔',
            ']' | '］' | '】' | ')' | '）' | '〉' | '}' => '〕',
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Days since 0001-01-01, the stored form of a date.
pub(crate) fn date_to_days(date: NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&date))
}

/// Inverse of [`date_to_days`].
pub(crate) fn days_to_date(days: i64) -> Option<NaiveDate> {
    i32::try_from(days)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_number_normalisation() {
        assert_eq!(
            normalize_doc_number(" 盐政发[２０24] 12号"),
            "盐政发〔2024〕12号"
        );
        assert_eq!(normalize_doc_number("盐政发（2024）"), "盐政发〔2024〕");
    }

    #[test]
    fn dates_round_trip() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29);
        assert_eq!(d.and_then(|d| days_to_date(date_to_days(d))), d);
    }

    #[test]
    fn window_bounds() {
        let mut q = SearchQuery {
            page: 0,
            per_page: 0,
            ..SearchQuery::default()
        };
        assert_eq!(q.window(), Some((0, 10)));
        q.per_page = 1000;
        q.page = 3;
        assert_eq!(q.window(), Some((200, 100)));
        q.page = u32::MAX;
        assert_eq!(q.window(), None);
    }

    #[test]
    fn stop_words_are_dropped_unless_alone() {
        let terms = search_terms("预算执行情况的报告");
        assert!(!terms.iter().any(|t| t == "的"), "{terms:?}");
        assert!(terms.iter().any(|t| t == "报告"), "{terms:?}");
        assert_eq!(search_terms("的"), ["的"]);
    }

    #[test]
    fn phrase_words_are_relative() {
        let w = phrase_words("，预算执行情况");
        assert_eq!(w.first().map(|(p, _)| *p), Some(0));
        assert!(w.len() >= 2, "{w:?}");
    }
}
