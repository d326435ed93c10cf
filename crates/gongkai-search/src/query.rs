//! Search requests, results, and their translation into tantivy queries.
//!
//! User text never reaches tantivy's query parser. It is cut into *words*
//! ([`query_words`]): the space-separated parts of the text, each cut by
//! jieba, with runs of single characters kept together (a typo such as 预箅
//! is cut 预|箅 and stays the word 预箅) and a lone character joined to its
//! neighbour (2024年). An item matches a word when the word's characters
//! stand together in its title or body — a phrase of character bigrams, so
//! the match does not depend on how jieba cut the item's text. Every word
//! is required. Ranking: a match in the title counts ×[`TITLE_BOOST`], the
//! word being one of the title's jieba words adds ×[`WORD_BOOST`], all words
//! in the title adds [`TITLE_ALL_WORDS_SCORE`] and the whole text standing
//! in the title adds [`TITLE_PHRASE_SCORE`].

use std::collections::BTreeSet;
use std::ops::Bound;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TokenStream;
use tantivy_jieba::jieba_rs::TokenizeMode;

use crate::schema::{Dictionary, Fields, gram_analyzer};
use crate::{DEFAULT_PER_PAGE, MAX_PER_PAGE, MAX_RESULT_WINDOW};

/// Query text beyond this many characters is ignored.
pub(crate) const MAX_QUERY_CHARS: usize = 200;
/// Text longer than this many characters is not looked up as a 索引号 or 文号.
pub(crate) const MAX_IDENTIFIER_CHARS: usize = 60;
/// At most this many distinct words of the query text are searched.
const MAX_QUERY_WORDS: usize = 32;

/// Boost of a word found in the title (the body counts 1).
const TITLE_BOOST: f32 = 3.0;
/// Boost of a word that is one of the title's jieba words.
const WORD_BOOST: f32 = 2.0;
/// Score added when every word of the query is in the title.
const TITLE_ALL_WORDS_SCORE: f32 = 6.0;
/// Score added when the whole query text stands in the title.
const TITLE_PHRASE_SCORE: f32 = 8.0;
/// Boost of a query text equal to an item's 文号.
const DOC_NUMBER_BOOST: f32 = 10.0;

/// How hits are ordered when the request has text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// Best match first (按相关度).
    #[default]
    Relevance,
    /// Newest publication first (按时间); requests without text always are.
    Newest,
}

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
    /// Order of the hits.
    pub sort: SortOrder,
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
    /// The hits of this page, best (or newest) first.
    pub hits: Vec<Hit>,
    /// The words the text was cut into (empty without text).
    #[serde(default)]
    pub words: Vec<String>,
    /// Set when no item has every word and the hits are for fewer words.
    #[serde(default)]
    pub relaxation: Option<Relaxation>,
    /// A corrected text (“您是不是要找”) when a word matched nothing and the
    /// correction finds items.
    #[serde(default)]
    pub suggestion: Option<String>,
}

impl SearchResults {
    /// Number of pages for `total` hits (0 when nothing matched).
    pub fn page_count(&self) -> u32 {
        let per_page = self.per_page.max(1) as usize;
        u32::try_from(self.total.div_ceil(per_page)).unwrap_or(u32::MAX)
    }

    /// The words of the text that no item (within the filters) contains.
    pub fn unmatched_words(&self) -> &[String] {
        match &self.relaxation {
            Some(
                Relaxation::DroppedWords { dropped, .. } | Relaxation::AnyWord { dropped, .. },
            ) => dropped,
            None if self.total == 0 => &self.words,
            None => &[],
        }
    }
}

/// How the search was widened because no item has every word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Relaxation {
    /// Some words match no item at all: the hits have every other word.
    DroppedWords {
        /// The words no item contains.
        dropped: Vec<String>,
        /// The words every hit contains.
        kept: Vec<String>,
    },
    /// No item has all the words that do occur: the hits have at least one
    /// of them, best first.
    AnyWord {
        /// The words no item contains (may be empty).
        dropped: Vec<String>,
        /// The words of which every hit has at least one.
        kept: Vec<String>,
    },
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
    /// BM25 relevance score (0 for listings by date).
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

/// Which items the words of a request match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Matching {
    /// Items with every word (the normal search).
    AllWords,
    /// Items with at least one of the words, best first.
    AnyWord,
}

/// Translates a request with `words` (see [`query_words`]) into a tantivy query.
pub(crate) fn compile(
    request: &SearchQuery,
    fields: &Fields,
    words: &[String],
    matching: Matching,
) -> Compiled {
    let text_query = text_query(&request.text, words, fields, matching);
    Compiled {
        query: with_filters(text_query.as_ref().map(|q| q.box_clone()), request, fields),
        text_query,
    }
}

/// `text` (or every item) restricted to the filters of `request`.
pub(crate) fn with_filters(
    text: Option<Box<dyn Query>>,
    request: &SearchQuery,
    fields: &Fields,
) -> Box<dyn Query> {
    let filters = filter_queries(request, fields);
    match (text, filters.is_empty()) {
        (None, true) => Box::new(AllQuery),
        (Some(text), true) => text,
        (text, false) => {
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
                clauses.push((Occur::Must, text));
            }
            Box::new(BooleanQuery::new(clauses))
        }
    }
}

/// The relevance part of a request, or `None` when there are no words.
fn text_query(
    text: &str,
    words: &[String],
    fields: &Fields,
    matching: Matching,
) -> Option<Box<dyn Query>> {
    if words.is_empty() {
        return None;
    }
    let occur = match matching {
        Matching::AllWords => Occur::Must,
        Matching::AnyWord => Occur::Should,
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = words
        .iter()
        .map(|w| (occur, word_query(w, fields)))
        .collect();
    if words.len() >= 2 {
        let in_title: Vec<(Occur, Box<dyn Query>)> = words
            .iter()
            .map(|w| (Occur::Must, grams_query(w, fields.title_grams)))
            .collect();
        clauses.push((
            Occur::Should,
            Box::new(ConstScoreQuery::new(
                Box::new(BooleanQuery::new(in_title)),
                TITLE_ALL_WORDS_SCORE,
            )),
        ));
        let whole: String = text
            .chars()
            .take(MAX_QUERY_CHARS)
            .filter(|c| !c.is_whitespace())
            .collect();
        clauses.push((
            Occur::Should,
            Box::new(ConstScoreQuery::new(
                grams_query(&whole, fields.title_grams),
                TITLE_PHRASE_SCORE,
            )),
        ));
    }
    let words_query: Box<dyn Query> = if let [(_, single)] = clauses.as_slice() {
        // One word: its clause alone, a union of term queries for a
        // two-character word, which tantivy ranks with block-WAND.
        single.box_clone()
    } else {
        Box::new(BooleanQuery::new(clauses))
    };
    let text: String = text.chars().take(MAX_QUERY_CHARS).collect();
    let doc_number = normalize_doc_number(&text);
    if !looks_like_doc_number(&doc_number) {
        return Some(words_query);
    }
    let exact = TermQuery::new(
        Term::from_field_text(fields.doc_number, &doc_number),
        IndexRecordOption::Basic,
    );
    Some(Box::new(BooleanQuery::new(vec![
        (Occur::Should, words_query),
        (
            Occur::Should,
            Box::new(ConstScoreQuery::new(Box::new(exact), DOC_NUMBER_BOOST)),
        ),
    ])))
}

/// The items with `word` in the title or body, scored.
pub(crate) fn word_query(word: &str, fields: &Fields) -> Box<dyn Query> {
    let jieba_word = TermQuery::new(
        Term::from_field_text(fields.title, &word.to_lowercase()),
        IndexRecordOption::WithFreqs,
    );
    Box::new(BooleanQuery::new(vec![
        (
            Occur::Should,
            Box::new(BoostQuery::new(
                grams_query(word, fields.title_grams),
                TITLE_BOOST,
            )) as Box<dyn Query>,
        ),
        (Occur::Should, grams_query(word, fields.body_grams)),
        (
            Occur::Should,
            Box::new(BoostQuery::new(Box::new(jieba_word), WORD_BOOST)),
        ),
    ]))
}

/// The items whose `field` (a bigram field) has the characters of `word`
/// together: one bigram term, a phrase of bigrams, or for a single
/// character every term starting with it.
pub(crate) fn grams_query(word: &str, field: Field) -> Box<dyn Query> {
    let mut analyzer = gram_analyzer();
    let mut stream = analyzer.token_stream(word);
    let mut bigrams: Vec<(usize, String)> = Vec::new();
    let mut first_char: Option<String> = None;
    while let Some(token) = stream.next() {
        if token.text.chars().count() == 2 {
            bigrams.push((token.position, token.text.clone()));
        } else if first_char.is_none() {
            first_char = Some(token.text.clone());
        }
    }
    let terms = covering_bigrams(&bigrams);
    match terms.as_slice() {
        [] => {
            let Some(c) = first_char.and_then(|t| t.chars().next()) else {
                return Box::new(BooleanQuery::new(Vec::new()));
            };
            let upper = char::from_u32(c as u32 + 1).unwrap_or(char::MAX);
            Box::new(RangeQuery::new(
                Bound::Included(Term::from_field_text(field, &c.to_string())),
                Bound::Excluded(Term::from_field_text(field, &upper.to_string())),
            ))
        }
        [(_, single)] => Box::new(TermQuery::new(
            Term::from_field_text(field, single),
            IndexRecordOption::WithFreqs,
        )),
        _ => {
            let base = terms[0].0;
            Box::new(PhraseQuery::new_with_offset(
                terms
                    .iter()
                    .map(|(p, t)| (p - base, Term::from_field_text(field, t)))
                    .collect(),
            ))
        }
    }
}

/// The fewest bigrams (in position order) that still cover every
/// character: every other bigram of each run, and the run's last one. A
/// phrase of them matches exactly where all bigrams would, with half the
/// posting lists to intersect.
fn covering_bigrams(bigrams: &[(usize, String)]) -> Vec<(usize, String)> {
    let mut chosen: Vec<(usize, String)> = Vec::new();
    for (i, (position, text)) in bigrams.iter().enumerate() {
        let run_starts = i == 0 || bigrams[i - 1].0 + 1 != *position;
        let run_ends = bigrams
            .get(i + 1)
            .is_none_or(|(next, _)| *next != position + 1);
        let previous_touches = chosen.last().is_some_and(|(p, _)| p + 1 == *position);
        if run_starts || run_ends || !previous_touches {
            chosen.push((*position, text.clone()));
        }
    }
    chosen
}

/// Function words that match nearly every item. They are not searched for
/// unless the query has nothing else.
const STOP_WORDS: &[&str] = &[
    "的", "了", "和", "与", "及", "或", "是", "在", "对", "等", "之", "其", "于", "为", "把", "被",
    "也", "都", "而", "并", "由", "从", "以", "将", "就",
];

/// The words of a query text, in order of first appearance, distinct, at
/// most [`MAX_QUERY_WORDS`]: each space-separated part is cut by jieba
/// (without search mode); consecutive single characters stay together as
/// one word (a typo such as 预箅 is cut 预|箅); a lone single character is
/// joined to the word it touches (2024年); stop words are dropped unless
/// the text has nothing else.
pub(crate) fn query_words(text: &str, dictionary: &Dictionary) -> Vec<String> {
    let text: String = text.chars().take(MAX_QUERY_CHARS).collect();
    let jieba = dictionary.current();
    let mut words: Vec<String> = Vec::new();
    let mut stop_words: Vec<String> = Vec::new();
    for part in text.split_whitespace() {
        // (start, end, is a single character) of the tokens worth keeping.
        let mut spans: Vec<(usize, usize, bool)> = Vec::new();
        for token in jieba.tokenize(part, TokenizeMode::Default, true) {
            if !token.word.chars().any(char::is_alphanumeric) {
                continue;
            }
            let start = token.word.as_ptr() as usize - part.as_ptr() as usize;
            let end = start + token.word.len();
            if STOP_WORDS.contains(&token.word) {
                stop_words.push(token.word.to_owned());
                continue;
            }
            let single = token.word.chars().count() == 1;
            match spans.last_mut() {
                // Single characters in a row form one word.
                Some(last) if single && last.2 && last.1 == start => last.1 = end,
                _ => spans.push((start, end, single)),
            }
        }
        // A lone character joins the word it touches: before it, else after.
        let mut merged: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < spans.len() {
            let (start, end, single) = spans[i];
            let lone = single && part[start..end].chars().count() == 1;
            if lone {
                if let Some(last) = merged.last_mut().filter(|l| l.1 == start) {
                    last.1 = end;
                    i += 1;
                    continue;
                }
                if let Some(next) = spans.get(i + 1).filter(|n| n.0 == end) {
                    merged.push((start, next.1));
                    i += 2;
                    continue;
                }
            }
            merged.push((start, end));
            i += 1;
        }
        for (start, end) in merged {
            let word = part[start..end].to_owned();
            if !words.contains(&word) {
                words.push(word);
            }
        }
    }
    if words.is_empty() {
        let mut seen = BTreeSet::new();
        stop_words.retain(|w| seen.insert(w.clone()));
        words = stop_words;
    }
    words.truncate(MAX_QUERY_WORDS);
    words
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
pub(crate) fn looks_like_doc_number(normalized: &str) -> bool {
    normalized.chars().any(|c| c.is_ascii_digit())
        && normalized.chars().any(|c| c == '〔' || c == '号')
}

/// Canonical form of a 索引号 as typed: whitespace removed, full-width
/// characters and the dashes people type (— – －) read as ASCII.
pub(crate) fn normalize_index_no(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '—' | '–' | '‐' | '−' => '-',
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
    fn index_numbers_are_normalised() {
        assert_eq!(
            normalize_index_no(" ３３０４２４１０２／2025－00023 "),
            "330424102/2025-00023"
        );
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

    fn words(text: &str) -> Vec<String> {
        query_words(text, &Dictionary::new())
    }

    #[test]
    fn stop_words_are_dropped_unless_alone() {
        let w = words("预算执行情况的报告");
        assert!(!w.iter().any(|t| t == "的"), "{w:?}");
        assert!(w.iter().any(|t| t == "报告"), "{w:?}");
        assert_eq!(words("的"), ["的"]);
    }

    #[test]
    fn words_span_every_part_without_sub_words() {
        assert_eq!(words("部门预算  2024 部门预算"), ["部门预算", "2024"]);
        let w = words("关于进一步加强");
        assert!(w.iter().any(|t| t == "进一步"), "{w:?}");
        assert!(!w.iter().any(|t| t == "一步"), "{w:?}");
    }

    #[test]
    fn single_characters_stay_together_or_join_a_neighbour() {
        assert_eq!(words("部门预箅"), ["部门", "预箅"]);
        assert_eq!(words("寒假安全"), ["寒假", "安全"]);
        assert_eq!(words("2024年"), ["2024年"]);
        assert_eq!(words("县"), ["县"]);
    }

    #[test]
    fn covering_bigrams_cover_every_character() {
        let grams = |word: &str| {
            let mut analyzer = gram_analyzer();
            let mut stream = analyzer.token_stream(word);
            let mut out = Vec::new();
            while let Some(t) = stream.next() {
                if t.text.chars().count() == 2 {
                    out.push((t.position, t.text.clone()));
                }
            }
            covering_bigrams(&out)
                .into_iter()
                .map(|(p, t)| format!("{t}@{p}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(grams("校车"), ["校车@0"]);
        assert_eq!(grams("进一步"), ["进一@0", "一步@1"]);
        assert_eq!(grams("政府采购"), ["政府@0", "采购@2"]);
        assert_eq!(grams("政府采购意向"), ["政府@0", "采购@2", "意向@4"]);
        assert_eq!(grams("一般公共预算"), ["一般@0", "公共@2", "预算@4"]);
        assert_eq!(
            grams("行政规范性文件"),
            ["行政@0", "规范@2", "性文@4", "文件@5"]
        );
    }
}
