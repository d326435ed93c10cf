//! The recall check: does a word a person could type from a title find
//! that item?
//!
//! The rule is fixed here so that neither the engine nor a test can be tuned
//! to it:
//!
//! 1. **Items.** All published items are sorted by 索引号 and
//!    [`RecallOptions::sample`] of them are drawn without replacement by a
//!    SplitMix64 generator seeded with [`RecallOptions::seed`].
//! 2. **Queries.** For each drawn item, every substring of its title of 2 to
//!    4 characters that consists of letters, digits or Chinese characters
//!    only and is an entry of jieba's *default* dictionary (a general
//!    vocabulary of about 350,000 words, not the engine's disclosure
//!    vocabulary or an administrator's words), each distinct substring once.
//!    A title without such a substring contributes its first two
//!    consecutive letters, digits or Chinese characters.
//! 3. **Search.** Each query is searched with the item's agency as filter,
//!    sorted by relevance, 10 hits per page (the portal's page).
//! 4. **Found** when the item is on the first page; or, when more items of
//!    the agency have the word in their title than a page holds, when the
//!    first page is filled with such items (each hit's title contains the
//!    query, checked with plain substring search) and the item is among the
//!    hits of the same query narrowed to the item's category and
//!    publication day (every page of that narrower search is read).
//!
//! Recall is found queries over all queries.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tantivy_jieba::jieba_rs::Jieba;

use crate::{SearchDocument, SearchError, SearchIndex, SearchQuery};

/// Hits per page, as on the portal.
const PAGE: u32 = 10;
/// Page size of the narrowed search.
const NARROW_PAGE: u32 = 100;
/// Shortest and longest query, in characters.
const MIN_CHARS: usize = 2;
const MAX_CHARS: usize = 4;

/// What the check needs of an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecallItem {
    /// 索引号.
    pub index_no: String,
    /// Title.
    pub title: String,
    /// Publishing agency (code).
    pub agency_code: String,
    /// Category key.
    pub category: String,
    /// Publication date.
    pub published_on: NaiveDate,
}

impl From<&SearchDocument> for RecallItem {
    fn from(doc: &SearchDocument) -> Self {
        RecallItem {
            index_no: doc.index_no.clone(),
            title: doc.title.clone(),
            agency_code: doc.agency_code.clone(),
            category: doc.category.clone(),
            published_on: doc.published_on,
        }
    }
}

/// How many items to draw, and the seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecallOptions {
    /// Items drawn.
    pub sample: usize,
    /// Seed of the generator.
    pub seed: u64,
}

impl Default for RecallOptions {
    fn default() -> Self {
        RecallOptions {
            sample: 300,
            seed: 15,
        }
    }
}

/// A query that did not find its item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecallMiss {
    /// 索引号 of the item.
    pub index_no: String,
    /// Its title.
    pub title: String,
    /// The query.
    pub query: String,
}

/// The outcome of [`measure`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RecallReport {
    /// Items drawn.
    pub items: usize,
    /// Queries searched.
    pub queries: usize,
    /// Queries that found their item on the first page.
    pub first_page: usize,
    /// Queries whose first page was filled with other items having the word
    /// in their title, and whose narrowed search found the item.
    pub crowded: usize,
    /// Queries that did not find their item.
    pub misses: Vec<RecallMiss>,
}

impl RecallReport {
    /// Found queries over all queries (1.0 for no queries).
    pub fn recall(&self) -> f64 {
        if self.queries == 0 {
            return 1.0;
        }
        (self.first_page + self.crowded) as f64 / self.queries as f64
    }
}

impl std::fmt::Display for RecallReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "recall {:.2} % ({} of {} queries from {} items: {} on the first page, {} behind a full page of title matches; {} missed)",
            self.recall() * 100.0,
            self.first_page + self.crowded,
            self.queries,
            self.items,
            self.first_page,
            self.crowded,
            self.misses.len()
        )
    }
}

/// SplitMix64: small, seeded, reproducible.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Draws `options.sample` items (all when there are fewer), in draw order.
pub fn draw(mut population: Vec<RecallItem>, options: RecallOptions) -> Vec<RecallItem> {
    population.sort_by(|a, b| a.index_no.cmp(&b.index_no));
    let mut rng = SplitMix64(options.seed);
    let n = options.sample.min(population.len());
    for i in 0..n {
        let j = i + rng.below(population.len() - i);
        population.swap(i, j);
    }
    population.truncate(n);
    population
}

/// The queries of a title by rule 2 of the module documentation.
pub fn typeable_words(title: &str, dictionary: &Jieba) -> Vec<String> {
    let chars: Vec<char> = title.chars().collect();
    let mut words: Vec<String> = Vec::new();
    for start in 0..chars.len() {
        for len in MIN_CHARS..=MAX_CHARS {
            let Some(window) = chars.get(start..start + len) else {
                break;
            };
            if !window.iter().all(|c| c.is_alphanumeric()) {
                break;
            }
            let word: String = window.iter().collect();
            if dictionary.has_word(&word) && !words.contains(&word) {
                words.push(word);
            }
        }
    }
    if words.is_empty()
        && let Some(pair) = chars
            .windows(MIN_CHARS)
            .find(|w| w.iter().all(|c| c.is_alphanumeric()))
    {
        words.push(pair.iter().collect());
    }
    words
}

/// Runs the check of the module documentation over `population` (all
/// published items; only the drawn ones are searched for).
pub fn measure(
    index: &SearchIndex,
    population: Vec<RecallItem>,
    options: RecallOptions,
) -> Result<RecallReport, SearchError> {
    let dictionary = Jieba::new();
    let items = draw(population, options);
    let mut report = RecallReport {
        items: items.len(),
        ..RecallReport::default()
    };
    for item in &items {
        for word in typeable_words(&item.title, &dictionary) {
            report.queries += 1;
            match found(index, item, &word)? {
                Found::FirstPage => report.first_page += 1,
                Found::BehindTitleMatches => report.crowded += 1,
                Found::No => report.misses.push(RecallMiss {
                    index_no: item.index_no.clone(),
                    title: item.title.clone(),
                    query: word,
                }),
            }
        }
    }
    Ok(report)
}

enum Found {
    FirstPage,
    BehindTitleMatches,
    No,
}

fn found(index: &SearchIndex, item: &RecallItem, word: &str) -> Result<Found, SearchError> {
    let query = SearchQuery {
        agency_code: Some(item.agency_code.clone()),
        per_page: PAGE,
        ..SearchQuery::text(word)
    };
    let first = index.search(&query)?;
    if first.hits.iter().any(|h| h.index_no == item.index_no) {
        return Ok(Found::FirstPage);
    }
    let full_of_title_matches =
        first.hits.len() == PAGE as usize && first.hits.iter().all(|h| h.title.contains(word));
    if !full_of_title_matches {
        return Ok(Found::No);
    }
    let mut narrow = SearchQuery {
        category: Some(item.category.clone()),
        published_from: Some(item.published_on),
        published_to: Some(item.published_on),
        per_page: NARROW_PAGE,
        ..query
    };
    for page in 1.. {
        narrow.page = page;
        let results = index.search(&narrow)?;
        if results.hits.iter().any(|h| h.index_no == item.index_no) {
            return Ok(Found::BehindTitleMatches);
        }
        if results.hits.len() < NARROW_PAGE as usize {
            break;
        }
    }
    Ok(Found::No)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typeable_words_are_dictionary_substrings_within_words() {
        let dictionary = Jieba::new();
        let words = typeable_words(
            "海盐县2025年秋季学期中小学校车安全检查结果公示",
            &dictionary,
        );
        for w in ["校车", "学校", "中小学", "安全检查", "公示", "秋季"] {
            assert!(words.iter().any(|x| x == w), "{w} missing from {words:?}");
        }
        assert!(words.iter().all(|w| (2..=4).contains(&w.chars().count())));
        assert!(!words.iter().any(|w| w == "校车安"), "{words:?}");
        // Never across punctuation.
        let words = typeable_words("《公开》", &dictionary);
        assert_eq!(words, ["公开"]);
        // A title without a dictionary word still gives one query.
        assert_eq!(typeable_words("ZQ", &dictionary), ["ZQ"]);
    }

    #[test]
    fn drawing_is_reproducible_and_without_replacement() {
        let population: Vec<RecallItem> = (0..50)
            .map(|i| RecallItem {
                index_no: format!("X/{i:03}"),
                title: String::new(),
                agency_code: String::new(),
                category: String::new(),
                published_on: NaiveDate::MIN,
            })
            .collect();
        let options = RecallOptions {
            sample: 20,
            seed: 7,
        };
        let mut reversed = population.clone();
        reversed.reverse();
        let a = draw(population.clone(), options);
        assert_eq!(a, draw(reversed, options));
        let mut ids: Vec<&str> = a.iter().map(|i| i.index_no.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 20);
        assert_eq!(
            draw(
                population,
                RecallOptions {
                    sample: 99,
                    seed: 7
                }
            )
            .len(),
            50
        );
    }
}
