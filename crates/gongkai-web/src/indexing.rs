//! Keeping the full-text search index in step with the database.
//!
//! The database is the source of truth and the index a disposable cache:
//! [`rebuild_index`] refills it from the published items (`gongkai index
//! rebuild`), and [`sync_index`] does so at start-up when the index is empty
//! or its document count differs from the number of published items.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use gongkai_search::{SearchDocument, SearchIndex};
use gongkai_store::{CatalogItem, CatalogQuery, Category, ItemStatus, Store};

/// Items read from the database per query (the store's maximum page size).
const PAGE_SIZE: u32 = 200;

/// Documents handed to the index per commit, bounding the memory a rebuild
/// of a million items needs.
const BATCH_SIZE: usize = 5_000;

/// The search document of a catalog item published by `agency_name`.
///
/// `None` for items that are not published (drafts, withdrawn items) or have
/// no 发布日期: they must not be searchable.
pub fn search_document(item: &CatalogItem, agency_name: &str) -> Option<SearchDocument> {
    if item.status != ItemStatus::Published {
        return None;
    }
    Some(SearchDocument {
        index_no: item.index_no.clone(),
        title: item.title.clone(),
        body: item.body.clone(),
        agency_code: item.agency_code.clone(),
        agency_name: agency_name.to_owned(),
        category: item.category.key().to_owned(),
        doc_number: item.doc_number.clone(),
        published_on: item.published_on?,
        validity: item.validity.key().to_owned(),
    })
}

/// The number of published items in the database.
pub async fn published_count(store: &Store) -> anyhow::Result<u64> {
    Ok(store
        .item_counts_by_agency(ItemStatus::Published)
        .await
        .context("统计已发布信息失败")?
        .iter()
        .map(|(_, n)| n)
        .sum())
}

/// Replaces the content of `index` with every published item of `store` and
/// returns the number of items indexed.
///
/// Items are read agency by agency and category by category (so the
/// database never pages deep into a large table) and indexed in batches of
/// a few thousand, so memory stays bounded for a million items. Searches
/// running meanwhile see a partly filled index until the rebuild is done; if
/// it fails half-way, the index stays partial and the next start of the
/// portal ([`sync_index`]) notices the count mismatch and rebuilds again.
pub async fn rebuild_index(store: &Store, index: &SearchIndex) -> anyhow::Result<usize> {
    let mut batch: Vec<SearchDocument> = Vec::with_capacity(BATCH_SIZE);
    let mut indexed = 0usize;
    let mut cleared = false;
    let mut failure: Option<anyhow::Error> = None;
    visit_published(store, |doc| {
        if failure.is_some() {
            return;
        }
        batch.push(doc);
        if batch.len() >= BATCH_SIZE {
            match flush(index, &mut batch, &mut cleared) {
                Ok(n) => indexed += n,
                Err(e) => failure = Some(e),
            }
        }
    })
    .await?;
    if let Some(e) = failure {
        return Err(e);
    }
    if !cleared || !batch.is_empty() {
        indexed += flush(index, &mut batch, &mut cleared)?;
    }
    Ok(indexed)
}

/// Calls `visit` with the search document of every published item of
/// `store`, read agency by agency and category by category (so the
/// database never pages deep into a large table), a page at a time.
pub async fn visit_published(
    store: &Store,
    mut visit: impl FnMut(SearchDocument),
) -> anyhow::Result<()> {
    let agencies = store.agencies().await.context("读取机构列表失败")?;
    let names: HashMap<String, String> = agencies
        .iter()
        .map(|a| (a.code.clone(), a.name.clone()))
        .collect();
    for agency in &agencies {
        for &category in Category::ALL {
            let mut page = 1;
            loop {
                let listing = store
                    .list_catalog(&CatalogQuery {
                        agency_code: Some(agency.code.clone()),
                        category: Some(category),
                        status: Some(ItemStatus::Published),
                        page,
                        per_page: PAGE_SIZE,
                    })
                    .await
                    .with_context(|| format!("读取{}的公开信息失败", agency.name))?;
                let name = names.get(&agency.code).map_or("", String::as_str);
                for doc in listing
                    .items
                    .iter()
                    .filter_map(|item| search_document(item, name))
                {
                    visit(doc);
                }
                if page >= listing.page_count() {
                    break;
                }
                page += 1;
            }
        }
    }
    Ok(())
}

/// Gives `index` the words administrators added to the search dictionary
/// and returns how many it took. A stored word the index does not accept
/// (none should be: the back office checks them) is skipped with a message.
pub async fn load_user_words(store: &Store, index: &SearchIndex) -> anyhow::Result<usize> {
    let mut words = Vec::new();
    for word in store.search_words().await.context("读取检索词典失败")? {
        match gongkai_search::check_user_word(&word.word) {
            Ok(()) => words.push(word.word),
            Err(reason) => eprintln!("gongkai-web: 检索词典中的“{}”被跳过：{reason}", word.word),
        }
    }
    index.set_user_words(&words)?;
    Ok(words.len())
}

/// Indexes every published item again, in place: each batch replaces its
/// items (by 索引号), so searches find every item throughout, unlike
/// [`rebuild_index`]. Used after the search dictionary changed.
pub async fn reindex(store: &Store, index: &SearchIndex) -> anyhow::Result<usize> {
    let mut batch: Vec<SearchDocument> = Vec::with_capacity(BATCH_SIZE);
    let mut indexed = 0usize;
    let mut failure: Option<anyhow::Error> = None;
    let mut cleared = true;
    visit_published(store, |doc| {
        if failure.is_some() {
            return;
        }
        batch.push(doc);
        if batch.len() >= BATCH_SIZE {
            match flush(index, &mut batch, &mut cleared) {
                Ok(n) => indexed += n,
                Err(e) => failure = Some(e),
            }
        }
    })
    .await?;
    if let Some(e) = failure {
        return Err(e);
    }
    indexed += flush(index, &mut batch, &mut cleared)?;
    Ok(indexed)
}

/// Writes a batch: the first replaces the whole index, later ones are added.
fn flush(
    index: &SearchIndex,
    batch: &mut Vec<SearchDocument>,
    cleared: &mut bool,
) -> anyhow::Result<usize> {
    let docs = std::mem::take(batch);
    let n = docs.len();
    if *cleared {
        blocking(|| index.upsert(&docs)).context("写入搜索索引失败")?;
    } else {
        blocking(|| index.rebuild(docs)).context("重建搜索索引失败")?;
        *cleared = true;
    }
    Ok(n)
}

/// Runs CPU-heavy indexing work without stalling other tasks of a
/// multi-threaded runtime; on a current-thread runtime (tests) it just runs.
fn blocking<R>(work: impl FnOnce() -> R) -> R {
    match tokio::runtime::Handle::try_current() {
        Ok(handle) if handle.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(work)
        }
        _ => work(),
    }
}

/// What [`sync_index`] found and did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexSync {
    /// The index already held as many documents as there are published items.
    UpToDate {
        /// Documents in the index.
        documents: u64,
    },
    /// The index was rebuilt from the database.
    Rebuilt {
        /// Documents in the index before.
        before: u64,
        /// Items indexed.
        documents: usize,
        /// How long the rebuild took.
        took: Duration,
    },
}

/// Rebuilds `index` from `store` when it is empty or its document count
/// differs from the number of published items; otherwise leaves it alone.
pub async fn sync_index(store: &Store, index: &SearchIndex) -> anyhow::Result<IndexSync> {
    let published = published_count(store).await?;
    let before = index.num_docs();
    if before == published && before > 0 {
        return Ok(IndexSync::UpToDate { documents: before });
    }
    let started = Instant::now();
    let documents = rebuild_index(store, index).await?;
    Ok(IndexSync::Rebuilt {
        before,
        documents,
        took: started.elapsed(),
    })
}
