//! The index itself: opening, writing and searching.

use std::path::Path;
use std::sync::Mutex;

use tantivy::collector::{Count, TopDocs};
use tantivy::directory::MmapDirectory;
use tantivy::query::EnableScoring;
use tantivy::query::{Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{
    DocAddress, Index, IndexReader, IndexWriter, Order, ReloadPolicy, Searcher, TantivyDocument,
    TantivyError, Term,
};
use tantivy::{DocSet, TERMINATED};

use crate::query::{
    self, Compiled, Hit, Matching, Relaxation, SearchQuery, SearchResults, SortOrder, date_to_days,
    days_to_date,
};
use crate::schema::{Dictionary, Fields, build_schema, check_user_word, tokenizers};
use crate::snippet::{self, SNIPPET_BYTES};
use crate::suggest::{normalize_prefix, suggest_query, suggest_terms};
use crate::vocabulary::{CachedVocabulary, Vocabulary, segment_ids};
use crate::{MAX_COUNTED_HITS, MAX_SUGGESTIONS, SearchDocument, SearchError};

/// Memory given to each indexing thread before it flushes a segment.
const WRITER_MEMORY_PER_THREAD: usize = 32 * 1024 * 1024;
/// Upper bound on indexing threads.
const MAX_WRITER_THREADS: usize = 4;
/// Title snippets cover the whole title (bytes).
const TITLE_SNIPPET_BYTES: usize = 4096;

/// A full-text index of published catalog items.
///
/// Cheap to share between request handlers (`Send + Sync`; wrap it in an
/// `Arc`). Searches run concurrently; writes are serialised by an internal
/// lock.
///
/// Only one process may write to an index directory at a time: the tantivy
/// writer (and its lock file) is created at the first write and kept until
/// the `SearchIndex` is dropped. A process that only searches never takes
/// the lock, and sees commits made by the writing process within about a
/// second.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<Option<IndexWriter>>,
    fields: Fields,
    dictionary: Dictionary,
    vocabulary: Mutex<Option<CachedVocabulary>>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("docs", &self.num_docs())
            .finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// Opens the index stored in `dir`, creating the directory and an empty
    /// index if needed.
    ///
    /// Fails with [`SearchError::SchemaMismatch`] when the directory holds an
    /// index of another gongkai version. Writes fail with
    /// [`SearchError::Tantivy`] (a lock error) while another `SearchIndex`
    /// on the same directory holds the writer.
    pub fn open_or_create(dir: impl AsRef<Path>) -> Result<Self, SearchError> {
        let dir = dir.as_ref();
        let directory_error = |message: String| SearchError::Directory {
            path: dir.display().to_string(),
            message,
        };
        std::fs::create_dir_all(dir).map_err(|e| directory_error(e.to_string()))?;
        let directory = MmapDirectory::open(dir).map_err(|e| directory_error(e.to_string()))?;
        let (schema, fields) = build_schema();
        let dictionary = Dictionary::new();
        let index = Index::builder()
            .schema(schema)
            .tokenizers(tokenizers(&dictionary))
            .open_or_create(directory)
            .map_err(|e| match e {
                TantivyError::SchemaError(_) => SearchError::SchemaMismatch {
                    path: dir.display().to_string(),
                },
                other => SearchError::Tantivy(other),
            })?;
        Self::from_index(index, fields, dictionary)
    }

    /// Like [`open_or_create`](Self::open_or_create), but an index of another
    /// gongkai version in `dir` is deleted and replaced by an empty one (the
    /// index is a cache of the database: the caller then rebuilds it).
    /// Returns whether that happened.
    pub fn open_or_replace(dir: impl AsRef<Path>) -> Result<(Self, bool), SearchError> {
        let dir = dir.as_ref();
        match Self::open_or_create(dir) {
            Err(SearchError::SchemaMismatch { .. }) if dir.join("meta.json").is_file() => {
                std::fs::remove_dir_all(dir).map_err(|e| SearchError::Directory {
                    path: dir.display().to_string(),
                    message: e.to_string(),
                })?;
                Ok((Self::open_or_create(dir)?, true))
            }
            other => other.map(|index| (index, false)),
        }
    }

    /// An empty index held in memory (tests, demos, benchmarks).
    pub fn in_memory() -> Result<Self, SearchError> {
        let (schema, fields) = build_schema();
        let dictionary = Dictionary::new();
        let index = Index::builder()
            .schema(schema)
            .tokenizers(tokenizers(&dictionary))
            .create_in_ram()?;
        Self::from_index(index, fields, dictionary)
    }

    fn from_index(
        index: Index,
        fields: Fields,
        dictionary: Dictionary,
    ) -> Result<Self, SearchError> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            writer: Mutex::new(None),
            fields,
            dictionary,
            vocabulary: Mutex::new(None),
        })
    }

    /// Sets the words administrators added to the segmentation dictionary
    /// (replacing those set before). Queries are cut with them at once;
    /// items indexed before keep their words until they are indexed again
    /// (matching does not depend on the words, only ranking and “did you
    /// mean” do). Fails, changing nothing, when a word is not acceptable.
    pub fn set_user_words(&self, words: &[String]) -> Result<(), SearchError> {
        for word in words {
            check_user_word(word).map_err(|reason| SearchError::InvalidWord {
                word: word.clone(),
                reason,
            })?;
        }
        self.dictionary.set_user_words(words);
        Ok(())
    }

    /// The words `text` is cut into for searching (see the crate
    /// documentation), e.g. to show an administrator the effect of a word.
    pub fn query_words(&self, text: &str) -> Vec<String> {
        query::query_words(text, &self.dictionary)
    }

    /// Number of items in the index.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Adds or replaces items (matched by 索引号) and commits once for the
    /// whole batch. Within a batch, the last document with a given 索引号
    /// wins. An empty batch does nothing.
    pub fn upsert(&self, docs: &[SearchDocument]) -> Result<(), SearchError> {
        if docs.is_empty() {
            return Ok(());
        }
        let prepared = docs
            .iter()
            .map(|d| self.to_tantivy(d))
            .collect::<Result<Vec<_>, _>>()?;
        self.with_writer(|writer| {
            for (doc, source) in prepared.into_iter().zip(docs) {
                writer.delete_term(Term::from_field_text(
                    self.fields.index_no,
                    &source.index_no,
                ));
                writer.add_document(doc)?;
            }
            Ok(())
        })
    }

    /// Removes the item with this 索引号 (withdrawn or replaced). Returns
    /// whether it was in the index.
    pub fn remove(&self, index_no: &str) -> Result<bool, SearchError> {
        let term = Term::from_field_text(self.fields.index_no, index_no);
        let existed = self.reader.searcher().search(
            &TermQuery::new(term.clone(), IndexRecordOption::Basic),
            &Count,
        )? > 0;
        if existed {
            self.with_writer(|writer| {
                writer.delete_term(term);
                Ok(())
            })?;
        }
        Ok(existed)
    }

    /// Replaces the whole content of the index with `docs` (`gongkai index
    /// rebuild`). Searches keep seeing the old content until the single
    /// commit at the end; if a document is invalid or writing fails, the
    /// old content stays. Other writes wait until the rebuild is done.
    /// Returns the number of documents indexed.
    pub fn rebuild<I>(&self, docs: I) -> Result<usize, SearchError>
    where
        I: IntoIterator<Item = SearchDocument>,
    {
        self.with_writer(|writer| {
            writer.delete_all_documents()?;
            let mut count = 0;
            for doc in docs {
                writer.add_document(self.to_tantivy(&doc)?)?;
                count += 1;
            }
            Ok(count)
        })
    }

    /// Runs a search: relevance-ranked (or newest first, as asked) when the
    /// query has words, newest first otherwise. When no item has every word,
    /// the words that match nothing are dropped, or if all match but never
    /// together, items with any of them are listed; the results say so
    /// ([`SearchResults::relaxation`]). A word that matches nothing gets a
    /// correction when one finds items ([`SearchResults::suggestion`]).
    /// Never fails because of what the user typed.
    pub fn search(&self, request: &SearchQuery) -> Result<SearchResults, SearchError> {
        let searcher = self.reader.searcher();
        let words = query::query_words(&request.text, &self.dictionary);
        let mut compiled = query::compile(request, &self.fields, &words, Matching::AllWords);
        let page = request.effective_page();
        let per_page = request.effective_per_page();
        let (mut total, mut total_capped) = capped_count(&searcher, &*compiled.query)?;
        let mut relaxation = None;
        let mut dropped: Vec<String> = Vec::new();
        if total == 0 && !words.is_empty() {
            let mut kept = Vec::new();
            for word in &words {
                if self.matches_any(&searcher, request, word)? {
                    kept.push(word.clone());
                } else {
                    dropped.push(word.clone());
                }
            }
            if !kept.is_empty() && !dropped.is_empty() {
                compiled = query::compile(request, &self.fields, &kept, Matching::AllWords);
                (total, total_capped) = capped_count(&searcher, &*compiled.query)?;
                relaxation = Some(Relaxation::DroppedWords {
                    dropped: dropped.clone(),
                    kept: kept.clone(),
                });
            }
            if total == 0 && kept.len() >= 2 {
                compiled = query::compile(request, &self.fields, &kept, Matching::AnyWord);
                (total, total_capped) = capped_count(&searcher, &*compiled.query)?;
                relaxation = Some(Relaxation::AnyWord {
                    dropped: dropped.clone(),
                    kept,
                });
            }
        }
        let suggestion = if dropped.is_empty() {
            None
        } else {
            self.correction(&searcher, request, &dropped)?
        };
        let mut results = SearchResults {
            total,
            total_capped,
            page,
            per_page,
            hits: Vec::new(),
            words,
            relaxation,
            suggestion,
        };
        if let Some((offset, limit)) = request.window() {
            results.hits = self.page_of_hits(&searcher, request, &compiled, offset, limit)?;
        }
        Ok(results)
    }

    /// The hits of one page.
    fn page_of_hits(
        &self,
        searcher: &Searcher,
        request: &SearchQuery,
        compiled: &Compiled,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Hit>, SearchError> {
        let top = TopDocs::with_limit(limit).and_offset(offset);
        // The top documents alone, without a count in the same pass, so that
        // tantivy can skip blocks that cannot make the page (block-WAND).
        let by_score = compiled.text_query.is_some() && request.sort == SortOrder::Relevance;
        let scored: Vec<(f32, DocAddress)> = if by_score {
            searcher.search(&*compiled.query, &top.order_by_score())?
        } else {
            let by_date = top.order_by_fast_field::<i64>("published_days", Order::Desc);
            searcher
                .search(&*compiled.query, &by_date)?
                .into_iter()
                .map(|(_, addr)| (0.0, addr))
                .collect()
        };
        let generators = match &compiled.text_query {
            Some(text) => Some(self.snippet_generators(searcher, &**text)?),
            None => None,
        };
        let mut hits = Vec::with_capacity(scored.len());
        for (score, address) in scored {
            let doc: TantivyDocument = searcher.doc(address)?;
            hits.push(self.hit(&doc, score, generators.as_ref()));
        }
        Ok(hits)
    }

    /// Whether any item within the filters of `request` has `word`.
    fn matches_any(
        &self,
        searcher: &Searcher,
        request: &SearchQuery,
        word: &str,
    ) -> Result<bool, SearchError> {
        let f = &self.fields;
        let text: Box<dyn Query> = Box::new(tantivy::query::BooleanQuery::new(vec![
            (
                tantivy::query::Occur::Should,
                query::grams_query(word, f.title_grams),
            ),
            (
                tantivy::query::Occur::Should,
                query::grams_query(word, f.body_grams),
            ),
        ]));
        let query = query::with_filters(Some(text), request, f);
        Ok(searcher
            .search(&*query, &TopDocs::with_limit(1).order_by_score())?
            .len()
            == 1)
    }

    /// The text with every unmatched word corrected, if at least one has a
    /// correction and the corrected text finds items within the filters.
    fn correction(
        &self,
        searcher: &Searcher,
        request: &SearchQuery,
        unmatched: &[String],
    ) -> Result<Option<String>, SearchError> {
        let vocabulary = self.vocabulary(searcher)?;
        let mut corrected = request.text.trim().to_owned();
        let mut changed = false;
        for word in unmatched {
            if let Some(fix) = vocabulary.correct(word) {
                corrected = corrected.replacen(word.as_str(), &fix, 1);
                changed = true;
            }
        }
        if !changed {
            return Ok(None);
        }
        let words = query::query_words(&corrected, &self.dictionary);
        let compiled = query::compile(request, &self.fields, &words, Matching::AllWords);
        let found = searcher
            .search(&*compiled.query, &TopDocs::with_limit(1).order_by_score())?
            .len()
            == 1;
        Ok(found.then_some(corrected))
    }

    /// The title vocabulary of the searcher's segments, read once per set
    /// of segments.
    fn vocabulary(&self, searcher: &Searcher) -> Result<std::sync::Arc<Vocabulary>, SearchError> {
        let ids = segment_ids(searcher);
        let mut cache = self.vocabulary.lock().map_err(|_| SearchError::Poisoned)?;
        if let Some((cached_ids, vocabulary)) = &*cache
            && *cached_ids == ids
        {
            return Ok(vocabulary.clone());
        }
        let vocabulary = std::sync::Arc::new(Vocabulary::read(searcher, self.fields.title)?);
        *cache = Some((ids, vocabulary.clone()));
        Ok(vocabulary)
    }

    /// The 索引号 of the item that `text` identifies: its 索引号 (typed with
    /// full-width characters or spaces as well), or a 文号 in any bracket
    /// style (〔〕 [] () ［］ …) that exactly one item has. `None` otherwise.
    pub fn find_item(&self, text: &str) -> Result<Option<String>, SearchError> {
        let text = text.trim();
        if text.is_empty() || text.chars().count() > query::MAX_IDENTIFIER_CHARS {
            return Ok(None);
        }
        let searcher = self.reader.searcher();
        let lookup = |field, value: &str, limit| -> Result<Vec<DocAddress>, SearchError> {
            let query = TermQuery::new(
                Term::from_field_text(field, value),
                IndexRecordOption::Basic,
            );
            Ok(searcher
                .search(&query, &TopDocs::with_limit(limit).order_by_score())?
                .into_iter()
                .map(|(_, a)| a)
                .collect())
        };
        let mut found = lookup(self.fields.index_no, &query::normalize_index_no(text), 1)?;
        let doc_number = query::normalize_doc_number(text);
        if found.is_empty() && query::looks_like_doc_number(&doc_number) {
            found = lookup(self.fields.doc_number, &doc_number, 2)?;
        }
        let [address] = found.as_slice() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(*address)?;
        Ok(text_value(&doc, self.fields.index_no).map(str::to_owned))
    }

    /// Up to `limit` (at most [`MAX_SUGGESTIONS`]) distinct titles containing
    /// a word that starts with `prefix`; titles starting with it first.
    /// Blank input gives no suggestions.
    pub fn suggest(&self, prefix: &str, limit: usize) -> Result<Vec<String>, SearchError> {
        let limit = limit.min(MAX_SUGGESTIONS);
        let Some((full, key)) = normalize_prefix(prefix) else {
            return Ok(Vec::new());
        };
        if limit == 0 {
            return Ok(Vec::new());
        }
        let searcher = self.reader.searcher();
        let query = suggest_query(&key, &self.fields);
        let candidates =
            searcher.search(&*query, &TopDocs::with_limit(limit * 5).order_by_score())?;
        let mut titles: Vec<String> = Vec::with_capacity(limit);
        for (_, address) in candidates {
            let doc: TantivyDocument = searcher.doc(address)?;
            let Some(title) = text_value(&doc, self.fields.title) else {
                continue;
            };
            let title = title.trim();
            if full != key && !title.to_lowercase().contains(&full) {
                continue;
            }
            if !titles.iter().any(|t| t == title) {
                titles.push(title.to_string());
                if titles.len() == limit {
                    break;
                }
            }
        }
        Ok(titles)
    }

    /// Runs `operations` on the writer (created on first use) and commits;
    /// on error, rolls back everything `operations` did.
    fn with_writer<R>(
        &self,
        operations: impl FnOnce(&mut IndexWriter) -> Result<R, SearchError>,
    ) -> Result<R, SearchError> {
        let mut guard = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        let writer = match &mut *guard {
            Some(writer) => writer,
            empty => empty.insert(self.new_writer()?),
        };
        match operations(writer) {
            Ok(result) => {
                writer.commit()?;
                self.reader.reload()?;
                Ok(result)
            }
            Err(e) => {
                writer.rollback()?;
                Err(e)
            }
        }
    }

    fn new_writer(&self) -> Result<IndexWriter, SearchError> {
        let threads = std::thread::available_parallelism()
            .map(usize::from)
            .unwrap_or(1)
            .clamp(1, MAX_WRITER_THREADS);
        Ok(self
            .index
            .writer_with_num_threads(threads, threads * WRITER_MEMORY_PER_THREAD)?)
    }

    fn snippet_generators(
        &self,
        searcher: &Searcher,
        text: &dyn Query,
    ) -> Result<(SnippetGenerator, SnippetGenerator), SearchError> {
        let mut title = SnippetGenerator::create(searcher, text, self.fields.title_grams)?;
        title.set_max_num_chars(TITLE_SNIPPET_BYTES);
        let mut body = SnippetGenerator::create(searcher, text, self.fields.body_grams)?;
        body.set_max_num_chars(SNIPPET_BYTES);
        Ok((title, body))
    }

    fn hit(
        &self,
        doc: &TantivyDocument,
        score: f32,
        generators: Option<&(SnippetGenerator, SnippetGenerator)>,
    ) -> Hit {
        let f = &self.fields;
        let get = |field| text_value(doc, field).unwrap_or_default().to_string();
        let title = get(f.title);
        let body = text_value(doc, f.body).unwrap_or_default();
        let published_on = doc
            .get_first(f.published_days)
            .and_then(|v| v.as_i64())
            .and_then(days_to_date)
            .unwrap_or_default();
        Hit {
            index_no: get(f.index_no),
            title_highlighted_html: snippet::title_html(generators.map(|g| &g.0), &title),
            snippet_html: snippet::body_html(generators.map(|g| &g.1), body),
            title,
            score,
            published_on,
            agency_name: get(f.agency_name),
            category: get(f.category),
            doc_number: text_value(doc, f.doc_number).map(str::to_string),
            validity: get(f.validity),
        }
    }

    fn to_tantivy(&self, source: &SearchDocument) -> Result<TantivyDocument, SearchError> {
        let f = &self.fields;
        if source.index_no.trim().is_empty() {
            return Err(SearchError::InvalidDocument(format!(
                "empty 索引号 for item titled {:?}",
                source.title
            )));
        }
        let mut doc = TantivyDocument::default();
        doc.add_text(f.index_no, &source.index_no);
        doc.add_text(f.title, &source.title);
        doc.add_text(f.title_grams, &source.title);
        doc.add_text(f.body, &source.body);
        doc.add_text(f.body_grams, &source.body);
        doc.add_text(f.agency_code, &source.agency_code);
        doc.add_text(f.agency_name, &source.agency_name);
        doc.add_text(f.category, &source.category);
        if let Some(number) = &source.doc_number {
            let number = query::normalize_doc_number(number);
            if !number.is_empty() {
                doc.add_text(f.doc_number, &number);
            }
        }
        doc.add_i64(f.published_days, date_to_days(source.published_on));
        doc.add_text(f.validity, &source.validity);
        for term in suggest_terms(&source.title, &self.dictionary.current()) {
            doc.add_text(f.suggest, &term);
        }
        Ok(doc)
    }

    /// The underlying tantivy index (for diagnostics such as space usage).
    pub fn tantivy_index(&self) -> &Index {
        &self.index
    }
}

/// The number of live documents matching `query`, walking the matches
/// only up to [`MAX_COUNTED_HITS`]; `true` when it stopped there.
fn capped_count(searcher: &Searcher, query: &dyn Query) -> Result<(usize, bool), SearchError> {
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut count = 0;
    for segment in searcher.segment_readers() {
        let mut scorer = weight.scorer(segment, 1.0)?;
        let alive = segment.alive_bitset();
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                count += 1;
                if count > MAX_COUNTED_HITS {
                    return Ok((MAX_COUNTED_HITS, true));
                }
            }
            doc = scorer.advance();
        }
    }
    Ok((count, false))
}

/// The first text value of `field` in a stored document.
fn text_value(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<&str> {
    doc.get_first(field).and_then(|v| v.as_str())
}
