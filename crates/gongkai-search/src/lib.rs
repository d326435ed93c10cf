//! Chinese full-text search over the published catalog items
//! (法定主动公开内容) of the government information disclosure portal.
//!
//! The crate knows nothing about the database or HTTP: the store and web
//! crates feed it [`SearchDocument`]s when items are published or withdrawn
//! ([`SearchIndex::upsert`], [`SearchIndex::remove`]) and rebuild it from the
//! database with [`SearchIndex::rebuild`] (`gongkai index rebuild`); the
//! database stays the source of truth, the index is a disposable cache.
//!
//! # What it does
//!
//! - **Finds what is there.** Titles and bodies are indexed as overlapping
//!   character bigrams (with positions) beside the jieba words of the
//!   title. The query is cut into words (space-separated parts cut by
//!   jieba; runs of single characters kept together, a lone character
//!   joined to its neighbour), and an item matches a word when the word's
//!   characters stand together in its title or body — whatever jieba made
//!   of that text: 校车 finds 中小学校车安全检查 (cut 中小学校|车). Every word
//!   is required. jieba's dictionary is extended with the disclosure
//!   vocabulary (`disclosure_words.txt`) and administrators' words
//!   ([`SearchIndex::set_user_words`]).
//! - **Relevance ranking** with BM25 over the bigrams: title matches ×3,
//!   a word that is one of the title's jieba words ×2, all words in the
//!   title +6, the whole text standing in the title +8, an exact 文号 +10.
//!   Or newest first ([`SortOrder::Newest`]).
//! - **Honest fallbacks.** When no item has every word, the words that match
//!   nothing are dropped and named ([`Relaxation::DroppedWords`]); when all
//!   match but never together, items with any of them are listed
//!   ([`Relaxation::AnyWord`]).
//! - **Did you mean.** A word that matches nothing is corrected from the
//!   vocabulary of published titles: by pinyin (`yusuan` → 预算, 预酸 → 预算)
//!   and by edit distance (预箅 → 预算); the correction is offered only when
//!   it finds items ([`SearchResults::suggestion`]).
//! - **Identifiers.** [`SearchIndex::find_item`] resolves a 索引号, or a 文号
//!   in any bracket style, to its item.
//! - **Filters** (agency, category, publication date range, validity, 文号
//!   exact or prefix) are combined with the text and do not change scores. A
//!   query with filters but no text lists items newest first.
//! - **Highlighted snippets** built with tantivy's `SnippetGenerator` over
//!   the bigrams; the HTML is produced here, escaping all text and emitting
//!   only `<mark>` tags.
//! - **Pagination** with a total count, `per_page` capped at 100 and a result
//!   window of [`MAX_RESULT_WINDOW`].
//! - **Search-as-you-type** title suggestions ([`SearchIndex::suggest`]) from
//!   edge n-grams that start at every jieba word boundary of a title, so
//!   "政府信" suggests "海盐县政府信息公开工作年度报告" as well as titles starting
//!   with it.
//! - **Safe input**: user text is never handed to tantivy's query parser. It
//!   is cut into words and turned into term and phrase queries, so
//!   `AND OR " ( :` or garbage cannot produce an error, only (possibly zero)
//!   results.
//! - **Recall check** ([`recall`]): the rule by which words typed from titles
//!   must find their items, used by the tests (demo data) and by
//!   `gongkai index recall` (a million items in `scripts/loadbench`).
//!
//! # Why tantivy + jieba + bigrams rather than SQLite FTS5
//!
//! FTS5's built-in `trigram` tokenizer is the only FTS5 option that handles
//! Chinese without loading an extension, but it cannot match a query shorter
//! than three characters, and most Chinese search words are two characters:
//! 公开, 预算, 招生, 财政. Jieba extensions for FTS5 exist but must be loaded
//! at runtime, and PostgreSQL would need a second implementation
//! (zhparser/pg_jieba are not packaged in Debian 12). tantivy is embedded,
//! independent of the database backend, supports BM25, phrase queries and
//! snippets, and scales to millions of items. Any dictionary segmenter
//! misses words its cut runs through (中小学校|车 has no 校车), so matching
//! is decided on character bigrams; jieba words rank.
//!
//! Measurements are in `docs/PERFORMANCE.md` (“Search”).
//!
//! # Known limits
//!
//! - A single-character query matches every item with that character
//!   (a prefix of the bigram terms); its hits are not highlighted.
//! - Hits are counted up to [`MAX_COUNTED_HITS`]; beyond, the portal shows
//!   “10,000+ 条”.
//! - After administrators change their words, items keep their former
//!   jieba words (ranking, suggestions) until they are indexed again.

mod index;
mod query;
pub mod recall;
mod schema;
mod snippet;
mod suggest;
mod vocabulary;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use index::SearchIndex;
pub use query::{Hit, Relaxation, SearchQuery, SearchResults, SortOrder};
pub use schema::{MAX_USER_WORD_CHARS, check_user_word};
pub use snippet::escape_html;

/// Largest accepted `per_page`.
pub const MAX_PER_PAGE: u32 = 100;

/// `per_page` used when a query asks for 0.
pub const DEFAULT_PER_PAGE: u32 = 10;

/// Deepest result reachable by pagination (offset + page size). Pages beyond
/// it return no hits (but the correct total), which bounds the memory a
/// request for page 1,000,000 can make the collector allocate.
pub const MAX_RESULT_WINDOW: usize = 10_000;
/// Matching items are counted up to this many (“10,000+ 条”): a larger
/// number tells a reader nothing more, pages beyond [`MAX_RESULT_WINDOW`]
/// cannot be shown anyway, and counting every hit of a common word among a
/// million items would cost more than finding the best ones.
pub const MAX_COUNTED_HITS: usize = MAX_RESULT_WINDOW;

/// Largest number of suggestions [`SearchIndex::suggest`] returns.
pub const MAX_SUGGESTIONS: usize = 20;

/// A published catalog item as fed to the index by the store crate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDocument {
    /// 索引号, the unique key of the item.
    pub index_no: String,
    /// Title (标题).
    pub title: String,
    /// Plain-text body (正文).
    pub body: String,
    /// Code of the publishing agency (发布机构).
    pub agency_code: String,
    /// Display name of the publishing agency.
    pub agency_name: String,
    /// Key of the Art. 20 (or Art. 21) category.
    pub category: String,
    /// 文号, e.g. `盐政发〔2024〕12号`, if the item has one.
    pub doc_number: Option<String>,
    /// Publication date (发布日期).
    pub published_on: NaiveDate,
    /// Validity key: `valid`, `expired` or `repealed`.
    pub validity: String,
}

/// Errors of the search index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// An error reported by tantivy (I/O, corrupted index, lock held by
    /// another process, …).
    #[error("search index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The index directory could not be created or opened.
    #[error("cannot open index directory {path}: {message}")]
    Directory {
        /// The directory.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// The directory holds an index built with another schema (an older
    /// version of gongkai). Delete the directory and run
    /// `gongkai index rebuild`.
    #[error(
        "the index in {path} was built with a different schema; delete it and run `gongkai index rebuild`"
    )]
    SchemaMismatch {
        /// The directory.
        path: String,
    },
    /// A word for the segmentation dictionary was rejected.
    #[error("词语“{word}”不能加入词典：{reason}")]
    InvalidWord {
        /// The word.
        word: String,
        /// Why not.
        reason: String,
    },
    /// A document was rejected before indexing.
    #[error("invalid search document: {0}")]
    InvalidDocument(String),
    /// The writer lock was poisoned by a panic in another thread.
    #[error("the index writer is unusable after a panic in another thread")]
    Poisoned,
}
