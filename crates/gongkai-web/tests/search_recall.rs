//! Recall of the portal's search on the demo data: a word a person could
//! type from a title finds that item. The rule (which items, which words,
//! what counts as found) is fixed in `gongkai_search::recall`; nothing here
//! can tune it. Prints the figure and every miss.

mod common;

use common::demo_site::{DemoSite, IndexPlace};
use gongkai_search::recall::{self, RecallItem, RecallOptions};
use gongkai_web::{rebuild_index, visit_published};

/// Required share of found queries.
const REQUIRED_RECALL: f64 = 0.995;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn words_from_titles_find_their_items() {
    let site = DemoSite::seeded("recall.db", IndexPlace::InMemory).await;
    rebuild_index(&site.store, &site.index)
        .await
        .expect("rebuild");
    let mut population = Vec::new();
    visit_published(&site.store, |doc| population.push(RecallItem::from(&doc)))
        .await
        .expect("read items");
    assert!(population.len() > 2_000, "{}", population.len());
    let index = site.index.clone();
    let report = tokio::task::spawn_blocking(move || {
        recall::measure(&index, population, RecallOptions::default())
    })
    .await
    .expect("join")
    .expect("measure");
    eprintln!("{report}");
    for miss in &report.misses {
        eprintln!(
            "  missed {:?} in {} {}",
            miss.query, miss.index_no, miss.title
        );
    }
    assert_eq!(report.items, 300);
    assert!(report.queries >= report.items, "{report}");
    assert!(report.recall() >= REQUIRED_RECALL, "{report}");
}
