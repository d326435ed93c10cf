//! Search requests, results, and their translation into tantivy queries.
//!
//! User text never reaches tantivy's query parser: it is analysed with the
//! same jieba analyzer as the documents and turned into term and
//! exact-文号 clauses, so no input can produce a syntax error.

use std::collections::BTreeSet;
use std::ops::Bound;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::IndexRecordOption;

use crate::schema::{Fields, zh_analyzer};
use crate::{DEFAULT_PER_PAGE, MAX_PER_PAGE, MAX_RESULT_WINDOW};

/// Query text beyond this many characters is ignored.
const MAX_QUERY_CHARS: usize = 200;
/// At most this many distinct tokens of the query text are searched.
const MAX_QUERY_TERMS: usize = 32;

/// Boost of a query token found in the title (the body counts 1).
const TITLE_BOOST: f32 = 3.0;
/// Score added when every word of the query is in the title.
const TITLE_ALL_WORDS_SCORE: f32 = 6.0;
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
    /// Number of items matching the query and filters (all pages), counted
    /// up to [`MAX_COUNTED_HITS`](crate::MAX_COUNTED_HITS).
    pub total: usize,
    /// Whether more items than `total` match (the count stopped at
    /// [`MAX_COUNTED_HITS`](crate::MAX_COUNTED_HITS)).
    #[serde(default)]
    pub total_capped: bool,
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

/// Which items the text of a request matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Matching {
    /// Items with every word of the query (the normal search).
    AllWords,
    /// Items with any word (or part of a word) of the query, best first:
    /// the fallback when no item has them all, e.g. for a fragment cut
    /// through words (`县民生实事专项规`) that jieba segments differently
    /// from the titles it was taken from.
    AnyWord,
}

/// Translates a request into a tantivy query.
pub(crate) fn compile(request: &SearchQuery, fields: &Fields, matching: Matching) -> Compiled {
    let text_query = match matching {
        Matching::AllWords => text_query(&request.text, fields),
        Matching::AnyWord => any_word_query(&request.text, fields),
    };
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
///
/// Every word of the query must match (in the title or the body): the
/// space-separated words and, inside each, its jieba words. Having all of
/// them in the title adds to the score; a query equal to an item's 文号
/// finds it even when its words are elsewhere.
fn text_query(text: &str, fields: &Fields) -> Option<Box<dyn Query>> {
    let text: String = text.chars().take(MAX_QUERY_CHARS).collect();
    let terms = required_terms(&text);
    if terms.is_empty() {
        return None;
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(terms.len() + 2);
    for term in &terms {
        let title = TermQuery::new(
            Term::from_field_text(fields.title, term),
            IndexRecordOption::WithFreqs,
        );
        let body = TermQuery::new(
            Term::from_field_text(fields.body, term),
            IndexRecordOption::WithFreqs,
        );
        let in_title_or_body = BooleanQuery::new(vec![
            (
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(title), TITLE_BOOST)) as Box<dyn Query>,
            ),
            (Occur::Should, Box::new(body)),
        ]);
        clauses.push((Occur::Must, Box::new(in_title_or_body)));
    }
    // Items with every word in the title are about the query: they rank
    // first. (A phrase query on the title or body did the same more exactly
    // but reading positions for every matching item cost more than all the
    // rest of a search on a large index.)
    if terms.len() >= 2 {
        let in_title: Vec<(Occur, Box<dyn Query>)> = terms
            .iter()
            .map(|term| {
                let title = TermQuery::new(
                    Term::from_field_text(fields.title, term),
                    IndexRecordOption::Basic,
                );
                (Occur::Must, Box::new(title) as Box<dyn Query>)
            })
            .collect();
        clauses.push((
            Occur::Should,
            Box::new(ConstScoreQuery::new(
                Box::new(BooleanQuery::new(in_title)),
                TITLE_ALL_WORDS_SCORE,
            )),
        ));
    }
    let all_words: Box<dyn Query> = if let [(_, single)] = clauses.as_slice() {
        // One word: its title-or-body union alone, which tantivy ranks with
        // block-WAND (skipping blocks that cannot reach the page).
        single.box_clone()
    } else {
        Box::new(BooleanQuery::new(clauses))
    };
    let doc_number = normalize_doc_number(&text);
    if !looks_like_doc_number(&doc_number) {
        return Some(all_words);
    }
    let exact = TermQuery::new(
        Term::from_field_text(fields.doc_number, &doc_number),
        IndexRecordOption::Basic,
    );
    Some(Box::new(BooleanQuery::new(vec![
        (Occur::Should, all_words),
        (
            Occur::Should,
            Box::new(ConstScoreQuery::new(Box::new(exact), DOC_NUMBER_BOOST)),
        ),
    ])))
}

/// The fallback query: any search-mode word of the text in the title (×3)
/// or the body, or the text as a 文号; `None` when the text has no words.
fn any_word_query(text: &str, fields: &Fields) -> Option<Box<dyn Query>> {
    let text: String = text.chars().take(MAX_QUERY_CHARS).collect();
    let terms = search_mode_terms(&text);
    if terms.is_empty() {
        return None;
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(terms.len() * 2 + 1);
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
    let doc_number = normalize_doc_number(&text);
    if looks_like_doc_number(&doc_number) {
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

/// Distinct search-mode words of the text (the shorter dictionary words
/// inside long ones included), without stop words unless there is nothing
/// else, at most [`MAX_QUERY_TERMS`].
fn search_mode_terms(text: &str) -> Vec<String> {
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

/// Function words that match nearly every item. They are not required
/// unless the query has nothing else.
const STOP_WORDS: &[&str] = &[
    "的", "了", "和", "与", "及", "或", "是", "在", "对", "等", "之", "其", "于", "为", "把", "被",
    "也", "都", "而", "并", "由", "从", "以", "将", "就",
];

/// The words an item must contain to match: the jieba words of every
/// space-separated part of the query, distinct, without stop words (unless
/// the query has nothing else), at most [`MAX_QUERY_TERMS`], in order of
/// first appearance.
///
/// The words are cut without search mode (`进一步加强` gives 进一步 and 加强,
/// not also 一步): the index holds the search-mode words of every text, a
/// superset, so each of them is found, and the overlapping sub-words would
/// only add work.
pub(crate) fn required_terms(text: &str) -> Vec<String> {
    let mut analyzer = zh_analyzer(false);
    let mut seen = BTreeSet::new();
    let mut terms = Vec::new();
    'words: for word in text.split_whitespace() {
        let mut stream = analyzer.token_stream(word);
        while let Some(token) = stream.next() {
            if terms.len() >= MAX_QUERY_TERMS {
                break 'words;
            }
            if seen.insert(token.text.clone()) {
                terms.push(token.text.clone());
            }
        }
    }
    if terms.iter().any(|t| !STOP_WORDS.contains(&t.as_str())) {
        terms.retain(|t| !STOP_WORDS.contains(&t.as_str()));
    }
    terms
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

/// Whether normalised query text may be a 文号 (`盐政发〔2024〕12号`): it has a
/// digit and the 〔 or 号 of one. Only then is the exact-文号 clause added,
/// which would otherwise keep tantivy from pruning the ranking of a
/// one-word query.
fn looks_like_doc_number(normalized: &str) -> bool {
    normalized.chars().any(|c| c.is_ascii_digit())
        && normalized.chars().any(|c| c == '〔' || c == '号')
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
    fn doc_numbers_are_told_from_words() {
        for text in ["盐政发〔2024〕12号", "12号", "〔2024〕"] {
            assert!(looks_like_doc_number(&normalize_doc_number(text)), "{text}");
        }
        for text in ["预算", "部门预算 2024", "号召", "〔通知〕"] {
            assert!(
                !looks_like_doc_number(&normalize_doc_number(text)),
                "{text}"
            );
        }
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
        let terms = required_terms("预算执行情况的报告");
        assert!(!terms.iter().any(|t| t == "的"), "{terms:?}");
        assert!(terms.iter().any(|t| t == "报告"), "{terms:?}");
        assert_eq!(required_terms("的"), ["的"]);
    }

    #[test]
    fn required_terms_span_every_word_without_sub_words() {
        let terms = required_terms("部门预算  2024 部门预算");
        assert_eq!(terms, ["部门", "预算", "2024"]);
        let terms = required_terms("关于进一步加强");
        assert!(terms.iter().any(|t| t == "进一步"), "{terms:?}");
        assert!(!terms.iter().any(|t| t == "一步"), "{terms:?}");
    }
}
