//! The words administrators add to the search dictionary: stored once,
//! listed in order, removed, every change audited; on SQLite and (when
//! installed) PostgreSQL.

mod common;

use gongkai_store::{MAX_SEARCH_WORD_CHARS, Store, StoreError};

async fn words_are_added_once_listed_removed_and_audited(store: Store) {
    assert!(store.search_words().await.unwrap().is_empty());
    assert!(store.add_search_word("admin", " 海塘安澜 ").await.unwrap());
    assert!(store.add_search_word("li", "低保边缘").await.unwrap());
    assert!(!store.add_search_word("li", "海塘安澜").await.unwrap());
    let words = store.search_words().await.unwrap();
    let listed: Vec<(&str, &str)> = words
        .iter()
        .map(|w| (w.word.as_str(), w.added_by.as_str()))
        .collect();
    assert_eq!(listed, [("低保边缘", "li"), ("海塘安澜", "admin")]);
    assert!(words.iter().all(|w| w.added_at.starts_with("20")));

    for bad in ["", "   ", &"长".repeat(MAX_SEARCH_WORD_CHARS + 1)] {
        let err = store.add_search_word("admin", bad).await.unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::InvalidField {
                    field: "词语", ..
                }
            ),
            "{bad:?}: {err}"
        );
    }

    assert!(store.remove_search_word("admin", "海塘安澜").await.unwrap());
    assert!(!store.remove_search_word("admin", "海塘安澜").await.unwrap());
    assert_eq!(store.search_words().await.unwrap().len(), 1);
    let log = store
        .audit_entries("search_word", "海塘安澜")
        .await
        .unwrap();
    let actions: Vec<(&str, &str)> = log
        .iter()
        .map(|e| (e.action.as_str(), e.actor.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("search_word.add", "admin"),
            ("search_word.remove", "admin")
        ]
    );
}

scenarios!(words_are_added_once_listed_removed_and_audited);
