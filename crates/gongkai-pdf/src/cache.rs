//! A small in-memory cache of converted PDFs, bounded by total bytes.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

/// PDFs by version key; the oldest inserted entries are dropped first once
/// the total size passes the bound.
#[derive(Debug)]
pub(crate) struct PdfCache {
    max_bytes: usize,
    bytes: usize,
    entries: HashMap<String, Arc<Vec<u8>>>,
    order: VecDeque<String>,
}

impl PdfCache {
    /// An empty cache that holds at most `max_bytes` of PDFs.
    pub(crate) fn new(max_bytes: usize) -> PdfCache {
        PdfCache {
            max_bytes,
            bytes: 0,
            entries: HashMap::new(),
            order: VecDeque::new(),
        }
    }

    /// The PDF stored under `key`.
    pub(crate) fn get(&self, key: &str) -> Option<Arc<Vec<u8>>> {
        self.entries.get(key).cloned()
    }

    /// Stores `pdf` under `key`; a PDF larger than the whole bound is not kept.
    pub(crate) fn insert(&mut self, key: &str, pdf: Arc<Vec<u8>>) {
        if pdf.len() > self.max_bytes || self.entries.contains_key(key) {
            return;
        }
        self.bytes += pdf.len();
        self.entries.insert(key.to_owned(), pdf);
        self.order.push_back(key.to_owned());
        while self.bytes > self.max_bytes {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            if let Some(evicted) = self.entries.remove(&oldest) {
                self.bytes -= evicted.len();
            }
        }
    }

    /// Number of PDFs held.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evicts_the_oldest_entries_beyond_the_bound() {
        let mut cache = PdfCache::new(10);
        cache.insert("a", Arc::new(vec![0; 4]));
        cache.insert("b", Arc::new(vec![0; 4]));
        assert_eq!(cache.len(), 2);
        cache.insert("c", Arc::new(vec![0; 4]));
        assert!(cache.get("a").is_none(), "the oldest goes first");
        assert!(cache.get("b").is_some() && cache.get("c").is_some());
        cache.insert("huge", Arc::new(vec![0; 11]));
        assert!(
            cache.get("huge").is_none(),
            "larger than the bound: not kept"
        );
        assert_eq!(cache.len(), 2);
    }
}
