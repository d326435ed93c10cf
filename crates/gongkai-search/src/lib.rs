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
//! - **Relevance ranking** with BM25: every query word must occur in the
//!   title (boosted ×3) or the body; all words in the title (+6) and an
//!   exact 文号 match (+10, for text that looks like one) add to the score.
//! - **Filters** (agency, category, publication date range, validity, 文号
//!   exact or prefix) are combined with the text and do not change scores. A
//!   query with filters but no text lists items newest first.
//! - **Highlighted snippets** built with tantivy's `SnippetGenerator`; the HTML
//!   is produced here, escaping all text and emitting only `<mark>` tags.
//! - **Pagination** with a total count, `per_page` capped at 100 and a result
//!   window of [`MAX_RESULT_WINDOW`].
//! - **Search-as-you-type** title suggestions ([`SearchIndex::suggest`]) from
//!   edge n-grams that start at every jieba word boundary of a title, so
//!   "政府信" suggests "海盐县政府信息公开工作年度报告" as well as titles starting
//!   with it.
//! - **Safe input**: user text is never handed to tantivy's query parser. It
//!   is tokenised with the same analyzer as the documents and turned into
//!   term queries, so `AND OR " ( :` or garbage cannot produce an
//!   error, only (possibly zero) results.
//!
//! # Why tantivy + jieba rather than SQLite FTS5
//!
//! FTS5's built-in `trigram` tokenizer is the only FTS5 option that handles
//! Chinese without loading an extension, but it cannot match a query shorter
//! than three characters, and most Chinese search words are two characters:
//! 公开, 预算, 招生, 财政. It also indexes every character trigram (a large index)
//! and ranks without word boundaries. Jieba extensions for FTS5 exist but must
//! be loaded at runtime, and PostgreSQL would need a second implementation
//! (zhparser/pg_jieba are not packaged in Debian 12). tantivy is embedded,
//! independent of the database backend, supports BM25, phrase queries and
//! snippets, and scales to millions of items; jieba gives word tokens, so a
//! two-character query matches.
//!
//! # Measurements
//!
//! `cargo bench -p gongkai-search --bench search`, 100,000 synthetic items
//! (70 MB of title + body text from 公文 templates), release build, a shared
//! 2-core machine; criterion medians:
//!
//! | What | Figure |
//! |---|---|
//! | Rebuild of the on-disk index, 100,000 items | 6.3–8.0 s, 12,500–16,000 items/s |
//! | Upsert of a 2,000-item batch in RAM (one commit) | 213 ms, ~9,400 items/s |
//! | Index size on disk | 61 MB |
//! | `公开` (2 characters, 73,827 hits), page 1 with snippets | 1.8 ms |
//! | `预算执行` (phrase, 45,270 hits) | 3.5–4.8 ms |
//! | `县级预算执行情况的报告` (sentence, 93,949 hits) | 3.8 ms |
//! | `预算` + agency + category + date range + validity (68 hits) | 1.1 ms |
//! | Filters only, newest first (9,919 hits) | 0.18 ms |
//! | `公开`, page 50 | 3.8 ms |
//! | Suggestions for `政府信` / `关于` | 0.044 ms / 0.16 ms |
//!
//! The same two-character queries return nothing with FTS5 trigram.

//! # Known limits
//!
//! - A single-character query (县, 局) only matches where jieba emits that
//!   character as a word of its own.
//! - Every word of the query must occur (in the title or the body); function
//!   words such as 的 and 和 are not required. Only when no item has them all
//!   are items with some of them listed (best first), so that a fragment cut
//!   through words, which jieba may segment differently from the text it
//!   was taken from, still finds that text.
//! - Hits are counted up to [`MAX_COUNTED_HITS`]; beyond, the portal shows
//!   “10,000+ 条”.

mod index;
mod query;
mod schema;
mod snippet;
mod suggest;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use index::SearchIndex;
pub use query::{Hit, SearchQuery, SearchResults};
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
    /// A document was rejected before indexing.
    #[error("invalid search document: {0}")]
    InvalidDocument(String),
    /// The writer lock was poisoned by a panic in another thread.
    #[error("the index writer is unusable after a panic in another thread")]
    Poisoned,
}
