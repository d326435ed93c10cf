//! Behaviour of the catalog search on a small realistic corpus.

use chrono::NaiveDate;
use gongkai_search::{
    Relaxation, SearchDocument, SearchError, SearchIndex, SearchQuery, SearchResults, SortOrder,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[allow(clippy::too_many_arguments)]
fn doc(
    index_no: &str,
    title: &str,
    body: &str,
    agency: (&str, &str),
    category: &str,
    doc_number: Option<&str>,
    published_on: NaiveDate,
    validity: &str,
) -> SearchDocument {
    SearchDocument {
        index_no: index_no.into(),
        title: title.into(),
        body: body.into(),
        agency_code: agency.0.into(),
        agency_name: agency.1.into(),
        category: category.into(),
        doc_number: doc_number.map(Into::into),
        published_on,
        validity: validity.into(),
    }
}

const CZJ: (&str, &str) = ("czj", "海盐县财政局");
const SJJ: (&str, &str) = ("sjj", "海盐县审计局");
const ZFB: (&str, &str) = ("zfb", "海盐县人民政府办公室");
const JYJ: (&str, &str) = ("jyj", "海盐县教育局");

fn corpus() -> Vec<SearchDocument> {
    vec![
        doc(
            "002541117/2024-00031",
            "海盐县财政局关于2024年县级预算执行情况的报告",
            "受县人民政府委托，现将2024年县级预算执行情况报告如下。一般公共预算收入完成全年预算的98.6%，民生支出占比保持在八成以上。",
            CZJ,
            "budget",
            None,
            date(2024, 8, 20),
            "valid",
        ),
        doc(
            "002541117/2024-00012",
            "关于2025年县级部门预算编制工作的通知",
            "各部门：为做好2025年部门预算编制工作，现将有关事项通知如下。请于规定时间内报送预算草案，执行中严格控制一般性支出。",
            CZJ,
            "budget",
            Some("盐财预〔2024〕12号"),
            date(2024, 6, 3),
            "valid",
        ),
        doc(
            "002541117/2023-00044",
            "海盐县2023年财政决算报告",
            "2023年全县一般公共预算收入情况良好，决算草案已经县人大常委会审查批准。",
            CZJ,
            "budget",
            None,
            date(2023, 7, 15),
            "valid",
        ),
        doc(
            "002541125/2024-00007",
            "县审计局关于2023年度县级预算执行和其他财政收支情况的审计工作报告",
            "根据审计法规定，县审计局对2023年度县级预算执行和其他财政收支情况进行了审计。总体看，预算管理逐步规范。",
            SJJ,
            "audit",
            Some("盐审〔2024〕7号"),
            date(2024, 9, 1),
            "valid",
        ),
        doc(
            "002541101/2024-00002",
            "海盐县2023年政府信息公开工作年度报告",
            "本报告根据《中华人民共和国政府信息公开条例》编制，内容包括主动公开政府信息情况、收到和处理政府信息公开申请情况等。",
            ZFB,
            "annual_report",
            None,
            date(2024, 1, 25),
            "valid",
        ),
        doc(
            "002541101/2024-00015",
            "关于印发《海盐县政府信息公开管理办法》的通知",
            "各乡镇人民政府，县政府各部门：现将《海盐县政府信息公开管理办法》印发给你们，请认真贯彻执行。",
            ZFB,
            "regulation",
            Some("盐政发〔2024〕12号"),
            date(2024, 3, 8),
            "valid",
        ),
        doc(
            "002541101/2019-00021",
            "关于印发《海盐县政府信息公开保密审查办法》的通知",
            "为规范政府信息公开保密审查工作，制定本办法。本办法自印发之日起施行。",
            ZFB,
            "regulation",
            Some("盐政发〔2019〕21号"),
            date(2019, 5, 10),
            "repealed",
        ),
        doc(
            "002541101/2021-00033",
            "海盐县人民政府关于调整城乡居民最低生活保障标准的通知",
            "自2021年7月1日起，全县城乡居民最低生活保障标准调整为每人每月1030元。",
            ZFB,
            "regulation",
            Some("盐政发〔2021〕33号"),
            date(2021, 6, 20),
            "expired",
        ),
        doc(
            "002541133/2024-00009",
            "海盐县教育局2024年公开招聘中小学教师公告",
            "根据工作需要，县教育局面向社会公开招聘中小学教师40名，报名时间为2024年4月1日至4月7日。",
            JYJ,
            "personnel",
            None,
            date(2024, 3, 20),
            "valid",
        ),
        doc(
            "002541133/2024-00018",
            "2024年海盐县义务教育阶段学校招生工作实施方案",
            "为做好2024年义务教育招生入学工作，坚持免试就近入学原则，公办民办学校同步招生。",
            JYJ,
            "education",
            Some("盐教〔2024〕18号"),
            date(2024, 5, 6),
            "valid",
        ),
    ]
}

fn indexed() -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    index.upsert(&corpus()).unwrap();
    index
}

fn search(index: &SearchIndex, q: SearchQuery) -> SearchResults {
    index.search(&q).unwrap()
}

fn ids(results: &SearchResults) -> Vec<String> {
    results.hits.iter().map(|h| h.index_no.clone()).collect()
}

#[test]
fn budget_execution_report_ranks_first() {
    let index = indexed();
    let r = search(&index, SearchQuery::text("预算执行情况"));
    assert_eq!(r.hits[0].index_no, "002541117/2024-00031", "{:#?}", ids(&r));
    // Every word must occur: the hits are exactly the items found by each
    // of the words alone.
    let all = |text: &str| {
        let q = SearchQuery {
            per_page: 100,
            ..SearchQuery::text(text)
        };
        let mut found = ids(&search(&index, q));
        found.sort();
        found
    };
    let expected: Vec<String> = all("预算")
        .into_iter()
        .filter(|id| all("执行").contains(id) && all("情况").contains(id))
        .collect();
    assert_eq!(all("预算执行情况"), expected);
    assert_eq!(all("预算 执行 情况"), expected);
    assert!(expected.len() >= 2, "{expected:?}");
    assert!(all("预算").len() > expected.len());
    assert_eq!(r.total, expected.len());
    assert!(!r.total_capped);
    assert!(r.hits[0].score > r.hits[1].score);
    assert!(
        r.hits[0].title_highlighted_html.contains("<mark>"),
        "{}",
        r.hits[0].title_highlighted_html
    );
    assert!(
        r.hits[0].snippet_html.contains("<mark>"),
        "{}",
        r.hits[0].snippet_html
    );
}

#[test]
fn two_character_query_matches() {
    let index = indexed();
    let r = search(&index, SearchQuery::text("公开"));
    let found = ids(&r);
    for id in [
        "002541101/2024-00002",
        "002541101/2024-00015",
        "002541133/2024-00009",
    ] {
        assert!(found.iter().any(|f| f == id), "{id} not in {found:?}");
    }
    let report = r
        .hits
        .iter()
        .find(|h| h.index_no == "002541101/2024-00002")
        .unwrap();
    // A short body is shown whole, with its punctuation, and no ellipsis.
    assert!(
        report
            .snippet_html
            .starts_with("本报告根据《中华人民共和国政府信息<mark>公开</mark>条例》"),
        "{}",
        report.snippet_html
    );
    assert!(
        report.snippet_html.ends_with("情况等。"),
        "{}",
        report.snippet_html
    );
    let r = search(&index, SearchQuery::text("预算"));
    assert!(r.total >= 4, "{}", r.total);
}

#[test]
fn filters_narrow_results() {
    let index = indexed();
    let all = search(&index, SearchQuery::text("预算")).total;

    let by_agency = search(
        &index,
        SearchQuery {
            agency_code: Some("sjj".into()),
            ..SearchQuery::text("预算")
        },
    );
    assert_eq!(ids(&by_agency), ["002541125/2024-00007"]);
    assert!(by_agency.total < all);

    let by_category = search(
        &index,
        SearchQuery {
            category: Some("budget".into()),
            ..SearchQuery::text("预算")
        },
    );
    assert_eq!(by_category.total, 3);
    assert!(by_category.hits.iter().all(|h| h.category == "budget"));

    let by_date = search(
        &index,
        SearchQuery {
            published_from: Some(date(2024, 6, 1)),
            published_to: Some(date(2024, 8, 20)),
            ..SearchQuery::text("预算")
        },
    );
    let mut got = ids(&by_date);
    got.sort();
    assert_eq!(got, ["002541117/2024-00012", "002541117/2024-00031"]);

    let from_only = search(
        &index,
        SearchQuery {
            published_from: Some(date(2024, 8, 21)),
            ..SearchQuery::default()
        },
    );
    assert_eq!(ids(&from_only), ["002541125/2024-00007"]);

    let repealed = search(
        &index,
        SearchQuery {
            validity: Some("repealed".into()),
            ..SearchQuery::text("公开")
        },
    );
    assert_eq!(ids(&repealed), ["002541101/2019-00021"]);
    let valid = search(
        &index,
        SearchQuery {
            validity: Some("valid".into()),
            ..SearchQuery::text("公开")
        },
    );
    assert!(valid.hits.iter().all(|h| h.validity == "valid"));
    assert!(valid.total >= 2);

    let exact = search(
        &index,
        SearchQuery {
            doc_number: Some("盐政发〔2024〕12号".into()),
            ..SearchQuery::default()
        },
    );
    assert_eq!(ids(&exact), ["002541101/2024-00015"]);
    let prefix = search(
        &index,
        SearchQuery {
            doc_number: Some("盐政发".into()),
            ..SearchQuery::default()
        },
    );
    assert_eq!(prefix.total, 3);
    let typed_brackets = search(
        &index,
        SearchQuery {
            doc_number: Some("盐政发[2024]".into()),
            ..SearchQuery::default()
        },
    );
    assert_eq!(ids(&typed_brackets), ["002541101/2024-00015"]);
    assert_eq!(
        typed_brackets.hits[0].doc_number.as_deref(),
        Some("盐政发〔2024〕12号")
    );

    let combined = search(
        &index,
        SearchQuery {
            agency_code: Some("zfb".into()),
            category: Some("regulation".into()),
            validity: Some("valid".into()),
            published_from: Some(date(2024, 1, 1)),
            ..SearchQuery::text("政府信息公开")
        },
    );
    assert_eq!(ids(&combined), ["002541101/2024-00015"]);

    let empty_strings = search(
        &index,
        SearchQuery {
            agency_code: Some(String::new()),
            category: Some("  ".into()),
            ..SearchQuery::text("预算")
        },
    );
    assert_eq!(empty_strings.total, all, "blank filters are ignored");
}

#[test]
fn filter_only_lists_newest_first() {
    let index = indexed();
    let r = search(
        &index,
        SearchQuery {
            agency_code: Some("czj".into()),
            ..SearchQuery::default()
        },
    );
    let dates: Vec<NaiveDate> = r.hits.iter().map(|h| h.published_on).collect();
    assert_eq!(
        dates,
        [date(2024, 8, 20), date(2024, 6, 3), date(2023, 7, 15)]
    );
    assert!(
        r.hits
            .iter()
            .all(|h| h.score == 0.0 && !h.title_highlighted_html.contains("<mark>"))
    );
    let everything = search(&index, SearchQuery::default());
    assert_eq!(everything.total, corpus().len());
    assert_eq!(everything.hits[0].published_on, date(2024, 9, 1));
}

#[test]
fn pagination_is_disjoint_and_complete() {
    let index = indexed();
    let base = SearchQuery {
        per_page: 3,
        ..SearchQuery::default()
    };
    let mut seen = Vec::new();
    for page in 1..=4 {
        let r = search(
            &index,
            SearchQuery {
                page,
                ..base.clone()
            },
        );
        assert_eq!(r.total, 10);
        assert_eq!(r.page_count(), 4);
        assert_eq!(r.hits.len(), if page < 4 { 3 } else { 1 });
        seen.extend(ids(&r));
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 10, "{seen:?}");

    let text = SearchQuery {
        per_page: 2,
        ..SearchQuery::text("公开 预算")
    };
    let p1 = search(
        &index,
        SearchQuery {
            page: 1,
            ..text.clone()
        },
    );
    let p2 = search(
        &index,
        SearchQuery {
            page: 2,
            ..text.clone()
        },
    );
    assert_eq!(p1.total, p2.total);
    assert!(ids(&p1).iter().all(|id| !ids(&p2).contains(id)));
    assert!(p1.hits.last().map(|h| h.score) >= p2.hits.first().map(|h| h.score));

    let beyond = search(
        &index,
        SearchQuery {
            page: 99,
            ..base.clone()
        },
    );
    assert!(beyond.hits.is_empty());
    assert_eq!(beyond.total, 10);
    let huge = search(
        &index,
        SearchQuery {
            page: u32::MAX,
            per_page: u32::MAX,
            ..SearchQuery::default()
        },
    );
    assert!(huge.hits.is_empty());
    assert_eq!(huge.per_page, 100);
}

#[test]
fn upsert_replaces_and_remove_deletes() {
    let index = indexed();
    let mut changed = corpus()[0].clone();
    changed.title = "海盐县财政局关于2024年上半年县级预算执行情况的报告".into();
    index.upsert(std::slice::from_ref(&changed)).unwrap();
    assert_eq!(index.num_docs(), 10);
    let r = search(&index, SearchQuery::text("上半年"));
    assert_eq!(ids(&r), ["002541117/2024-00031"]);
    let r = search(&index, SearchQuery::text("预算执行情况"));
    assert_eq!(
        ids(&r)
            .iter()
            .filter(|id| *id == "002541117/2024-00031")
            .count(),
        1
    );

    // The last copy in a batch wins.
    let mut twice = changed.clone();
    twice.title = "第二个版本".into();
    index.upsert(&[changed, twice]).unwrap();
    assert_eq!(index.num_docs(), 10);
    assert_eq!(search(&index, SearchQuery::text("版本")).total, 1);
    assert_eq!(search(&index, SearchQuery::text("上半年")).total, 0);

    assert!(index.remove("002541117/2024-00031").unwrap());
    assert!(!index.remove("002541117/2024-00031").unwrap());
    assert_eq!(index.num_docs(), 9);
    assert_eq!(search(&index, SearchQuery::text("版本")).total, 0);

    index.upsert(&[]).unwrap();
    let mut bad = corpus()[1].clone();
    bad.index_no = " ".into();
    assert!(matches!(
        index.upsert(&[bad]),
        Err(SearchError::InvalidDocument(_))
    ));
}

fn snapshot(index: &SearchIndex) -> Vec<(Vec<String>, usize)> {
    let queries = [
        SearchQuery::text("预算执行情况"),
        SearchQuery::text("公开"),
        SearchQuery {
            category: Some("regulation".into()),
            ..SearchQuery::default()
        },
        SearchQuery {
            per_page: 4,
            page: 2,
            ..SearchQuery::default()
        },
    ];
    queries
        .into_iter()
        .map(|q| {
            let r = index.search(&q).unwrap();
            (ids(&r), r.total)
        })
        .collect()
}

#[test]
fn rebuild_equals_fresh_index() {
    let fresh = indexed();
    let stale = SearchIndex::in_memory().unwrap();
    let mut junk = corpus()[3].clone();
    junk.index_no = "gone".into();
    stale.upsert(&[junk]).unwrap();
    stale.upsert(&corpus()[..4]).unwrap();
    assert_eq!(stale.rebuild(corpus()).unwrap(), 10);
    assert_eq!(stale.num_docs(), 10);
    assert_eq!(snapshot(&stale), snapshot(&fresh));

    // An invalid document aborts the rebuild and keeps the old content.
    let mut docs = corpus();
    docs[5].index_no = String::new();
    assert!(stale.rebuild(docs).is_err());
    assert_eq!(stale.num_docs(), 10);
    assert_eq!(snapshot(&stale), snapshot(&fresh));
}

#[test]
fn index_on_disk_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("search");
    let before = {
        let index = SearchIndex::open_or_create(&path).unwrap();
        index.upsert(&corpus()).unwrap();
        snapshot(&index)
    };
    let reopened = SearchIndex::open_or_create(&path).unwrap();
    assert_eq!(reopened.num_docs(), 10);
    assert_eq!(snapshot(&reopened), before);
    assert_eq!(reopened.suggest("政府信", 5).unwrap().len(), 3);
}

#[test]
fn second_handle_reads_while_first_writes() {
    let dir = tempfile::tempdir().unwrap();
    let writer = SearchIndex::open_or_create(dir.path()).unwrap();
    writer.upsert(&corpus()[..3]).unwrap();
    let reader = SearchIndex::open_or_create(dir.path()).unwrap();
    assert_eq!(reader.num_docs(), 3);
    assert!(matches!(
        reader.upsert(&corpus()[3..4]),
        Err(SearchError::Tantivy(_))
    ));
    writer.upsert(&corpus()[3..]).unwrap();
    // The reader picks up the other handle's commit on its own.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while reader.num_docs() != 10 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(reader.num_docs(), 10);
    fn shareable<T: Send + Sync>(_: &T) {}
    shareable(&reader);
}

#[test]
fn hostile_query_text_never_errors() {
    let index = indexed();
    let long = "预算".repeat(5000);
    let inputs = [
        "",
        " ",
        "AND",
        "OR",
        "\"",
        "(",
        ")",
        "预算 AND",
        "title:预算",
        "\"预算执行",
        "a:b:c",
        "*",
        "?",
        "~2",
        "^3",
        "[1 TO 2]",
        "{}",
        "-",
        "+",
        "NOT 公开",
        "''",
        "\\",
        "\0",
        "１２３",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "%00",
        "😀😀",
        "\u{202e}预算",
        &long,
    ];
    for text in inputs {
        let r = index.search(&SearchQuery::text(text));
        assert!(r.is_ok(), "{text:?}: {r:?}");
        index.suggest(text, 5).unwrap();
    }
    // Brackets are no syntax; "AND" is an ordinary word, found in no item,
    // so the items with the other words are listed.
    let r = search(&index, SearchQuery::text("预算 (执行"));
    assert_eq!(r.hits[0].index_no, "002541117/2024-00031");
    let r = search(&index, SearchQuery::text("预算 AND (执行"));
    assert_eq!(r.hits[0].index_no, "002541117/2024-00031");
    // Punctuation only: treated as no text, i.e. a listing.
    assert_eq!(search(&index, SearchQuery::text("（）《》")).total, 10);
}

#[test]
fn highlighting_escapes_html() {
    let index = indexed();
    index
        .upsert(&[doc(
            "evil",
            "<script>alert('公开')</script>预算公告",
            "正文<img src=x onerror=alert(1)>预算 & \"公开\"",
            ZFB,
            "other",
            None,
            date(2024, 1, 1),
            "valid",
        )])
        .unwrap();
    let r = search(&index, SearchQuery::text("公开预算"));
    let hit = r.hits.iter().find(|h| h.index_no == "evil").unwrap();
    for html in [&hit.title_highlighted_html, &hit.snippet_html] {
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
        let stripped = html.replace("<mark>", "").replace("</mark>", "");
        assert!(!stripped.contains('<') && !stripped.contains('>'), "{html}");
        assert!(html.contains("<mark>"), "{html}");
    }
    assert!(hit.title_highlighted_html.contains("&lt;script&gt;"));
    assert!(hit.snippet_html.contains("&amp;"));
    assert_eq!(hit.title, "<script>alert('公开')</script>预算公告");

    let listing = search(
        &index,
        SearchQuery {
            category: Some("other".into()),
            ..SearchQuery::default()
        },
    );
    assert!(
        listing.hits[0]
            .title_highlighted_html
            .starts_with("&lt;script&gt;")
    );
    assert!(listing.hits[0].snippet_html.contains("&lt;img"));
}

#[test]
fn suggestions_for_chinese_prefixes() {
    let index = indexed();
    let s = index.suggest("政府信", 10).unwrap();
    assert_eq!(s.len(), 3, "{s:?}");
    assert!(s.iter().all(|t| t.contains("政府信息公开")), "{s:?}");
    assert!(s.contains(&"海盐县2023年政府信息公开工作年度报告".to_string()));

    let s = index.suggest("海盐县财政", 10).unwrap();
    assert_eq!(s, ["海盐县财政局关于2024年县级预算执行情况的报告"]);

    // Titles starting with the prefix come first.
    let s = index.suggest("关于", 3).unwrap();
    assert_eq!(s.len(), 3);
    assert!(s.iter().all(|t| t.starts_with("关于")), "{s:?}");

    // Longer than the indexed prefixes: checked against the title.
    let s = index
        .suggest("关于印发《海盐县政府信息公开管理", 10)
        .unwrap();
    assert_eq!(s, ["关于印发《海盐县政府信息公开管理办法》的通知"]);

    assert!(index.suggest("", 10).unwrap().is_empty());
    assert!(index.suggest("政府", 0).unwrap().is_empty());
    assert!(index.suggest("不存在的前缀", 10).unwrap().is_empty());
}

#[test]
fn serde_round_trip_of_documents_and_queries() {
    let d = corpus().remove(5);
    let json = serde_json::to_string(&d).unwrap();
    assert_eq!(serde_json::from_str::<SearchDocument>(&json).unwrap(), d);
    let q: SearchQuery = serde_json::from_str(r#"{"text":"公开","page":2}"#).unwrap();
    assert_eq!(q.page, 2);
    assert_eq!(q.effective_per_page(), 10);
}

#[test]
fn counting_stops_at_the_cap() {
    use gongkai_search::MAX_COUNTED_HITS;
    let index = SearchIndex::in_memory().unwrap();
    let docs: Vec<SearchDocument> = (0..=MAX_COUNTED_HITS)
        .map(|i| {
            // Every item mentions 预算; every third also 招生.
            let body = if i % 3 == 0 {
                "预算 招生"
            } else {
                "预算"
            };
            doc(
                &format!("czj/2024-{i:05}"),
                &format!("通知{i}"),
                body,
                CZJ,
                "art20_07",
                None,
                date(2024, 1, 1),
                "valid",
            )
        })
        .collect();
    index.upsert(&docs).unwrap();
    let r = search(&index, SearchQuery::text("预算"));
    assert_eq!((r.total, r.total_capped), (MAX_COUNTED_HITS, true));
    assert_eq!(r.hits.len(), 10);
    // Below the cap the count is exact, and both words are required.
    let r = search(&index, SearchQuery::text("预算 招生"));
    assert_eq!((r.total, r.total_capped), (MAX_COUNTED_HITS / 3 + 1, false));
    // Filters only: the listing counts the same way.
    let listing = SearchQuery {
        agency_code: Some("czj".into()),
        ..SearchQuery::default()
    };
    let r = search(&index, listing);
    assert_eq!((r.total, r.total_capped), (MAX_COUNTED_HITS, true));
    let r = search(&index, SearchQuery::text("招生"));
    assert_eq!(r.total, MAX_COUNTED_HITS / 3 + 1);
}

#[test]
fn without_an_item_having_every_word_items_with_some_are_listed() {
    let index = indexed();
    let budget = search(&index, SearchQuery::text("预算"));
    assert!(budget.total > 0);
    let r = search(&index, SearchQuery::text("预算 zzqqxx"));
    assert_eq!(r.total, budget.total);
    assert_eq!(ids(&r), ids(&budget));
    assert_eq!(
        r.relaxation,
        Some(Relaxation::DroppedWords {
            dropped: vec!["zzqqxx".into()],
            kept: vec!["预算".into()],
        })
    );
    assert_eq!(search(&index, SearchQuery::text("zzqqxx")).total, 0);
}

fn with_school_bus() -> SearchIndex {
    let index = indexed();
    index
        .upsert(&[doc(
            "002541133/2025-00023",
            "海盐县2025年秋季学期中小学校车安全检查结果公示",
            "县教育局会同公安、交通运输部门对全县中小学校车开展安全检查，结果公示如下。",
            JYJ,
            "education",
            None,
            date(2025, 9, 20),
            "valid",
        )])
        .unwrap();
    index
}

#[test]
fn characters_that_stand_in_a_title_find_it_whatever_jieba_cut() {
    let index = with_school_bus();
    // jieba cuts 中小学校|车: 校车 is no word of the title, yet it stands there.
    for text in ["校车", "学校车", "校车安全", "秋季学期中小学校车"] {
        let r = search(&index, SearchQuery::text(text));
        assert_eq!(
            r.hits.first().map(|h| h.index_no.as_str()),
            Some("002541133/2025-00023"),
            "{text}: {:?}",
            ids(&r)
        );
        assert!(r.relaxation.is_none(), "{text}");
        assert!(
            r.hits[0].title_highlighted_html.contains("<mark>"),
            "{}",
            r.hits[0].title_highlighted_html
        );
    }
    // Characters that do not stand together do not match as a phrase.
    assert_eq!(search(&index, SearchQuery::text("车校")).total, 0);
    // A single character matches every item that has it.
    let r = search(&index, SearchQuery::text("车"));
    assert_eq!(ids(&r), ["002541133/2025-00023"]);
}

#[test]
fn a_title_phrase_outranks_words_scattered_in_bodies() {
    let index = indexed();
    let r = search(&index, SearchQuery::text("部门预算"));
    assert_eq!(r.hits[0].index_no, "002541117/2024-00012", "{:?}", ids(&r));
    let r = search(&index, SearchQuery::text("预算 部门"));
    assert_eq!(r.hits[0].index_no, "002541117/2024-00012", "{:?}", ids(&r));
}

#[test]
fn words_that_match_nothing_are_dropped_and_named() {
    let index = with_school_bus();
    let r = search(&index, SearchQuery::text("部门预箅"));
    assert_eq!(
        r.relaxation,
        Some(Relaxation::DroppedWords {
            dropped: vec!["预箅".into()],
            kept: vec!["部门".into()],
        })
    );
    assert_eq!(r.total, search(&index, SearchQuery::text("部门")).total);
    assert_eq!(r.unmatched_words(), ["预箅"]);
    assert_eq!(r.suggestion.as_deref(), Some("部门预算"));

    let r = search(&index, SearchQuery::text("寒假安全"));
    assert_eq!(
        r.relaxation,
        Some(Relaxation::DroppedWords {
            dropped: vec!["寒假".into()],
            kept: vec!["安全".into()],
        })
    );
    assert_eq!(ids(&r), ["002541133/2025-00023"]);

    // Every word occurs, never together: items with any of them, said so.
    let r = search(&index, SearchQuery::text("招生 审计"));
    assert_eq!(
        r.relaxation,
        Some(Relaxation::AnyWord {
            dropped: vec![],
            kept: vec!["招生".into(), "审计".into()],
        })
    );
    assert!(r.total >= 2, "{:?}", ids(&r));

    // Nothing at all: no hits, every word unmatched.
    let r = search(&index, SearchQuery::text("量子纠缠"));
    assert_eq!((r.total, r.relaxation.clone()), (0, None));
    assert_eq!(r.unmatched_words(), ["量子", "纠缠"]);
}

#[test]
fn typos_and_pinyin_get_a_correction_from_title_words() {
    let index = with_school_bus();
    for (typed, expected) in [
        ("预酸", "预算"),
        ("预箅", "预算"),
        ("yusuan", "预算"),
        ("zhaosheng", "招生"),
        ("部门预箅", "部门预算"),
    ] {
        let r = search(&index, SearchQuery::text(typed));
        assert_eq!(r.suggestion.as_deref(), Some(expected), "{typed}");
    }
    // No correction is offered for what is found, or when nothing is close.
    assert_eq!(search(&index, SearchQuery::text("预算")).suggestion, None);
    assert_eq!(search(&index, SearchQuery::text("xyzzyq")).suggestion, None);
    // Nor when the correction would find nothing within the filters.
    let within_audit = SearchQuery {
        agency_code: Some("sjj".into()),
        ..SearchQuery::text("zhaosheng")
    };
    assert_eq!(search(&index, within_audit).suggestion, None);
}

#[test]
fn index_numbers_and_doc_numbers_identify_items() {
    let index = indexed();
    for typed in [
        "002541101/2024-00015",
        " 002541101 / 2024-00015 ",
        "００２５４１１０１／２０２４－０００１５",
        "盐政发〔2024〕12号",
        "盐政发[2024]12号",
        "盐政发(2024)12号",
        "盐政发［2024］12号",
        "盐政发（２０２４）１２号",
    ] {
        assert_eq!(
            index.find_item(typed).unwrap().as_deref(),
            Some("002541101/2024-00015"),
            "{typed}"
        );
    }
    for typed in [
        "",
        "002541101/2024",
        "盐政发〔2024〕",
        "预算",
        "盐政发〔2024〕99号",
    ] {
        assert_eq!(index.find_item(typed).unwrap(), None, "{typed}");
    }
    // A 文号 two items share identifies neither.
    index
        .upsert(&[doc(
            "002541101/2024-00099",
            "关于印发《海盐县政府信息公开管理办法》的通知（更正）",
            "更正。",
            ZFB,
            "regulation",
            Some("盐政发〔2024〕12号"),
            date(2024, 3, 9),
            "valid",
        )])
        .unwrap();
    assert_eq!(index.find_item("盐政发[2024]12号").unwrap(), None);
}

#[test]
fn hits_can_be_sorted_newest_first() {
    let index = indexed();
    let q = SearchQuery {
        sort: SortOrder::Newest,
        per_page: 100,
        ..SearchQuery::text("预算")
    };
    let r = search(&index, q);
    let by_relevance = search(
        &index,
        SearchQuery {
            per_page: 100,
            ..SearchQuery::text("预算")
        },
    );
    assert_eq!(r.total, by_relevance.total);
    let dates: Vec<NaiveDate> = r.hits.iter().map(|h| h.published_on).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    assert_ne!(ids(&r), ids(&by_relevance));
    assert!(r.hits[0].snippet_html.contains("<mark>"));
}

#[test]
fn administrators_words_cut_queries_and_bad_words_are_refused() {
    let index = indexed();
    assert_eq!(index.query_words("海塘安澜工程"), ["海塘", "安澜", "工程"]);
    index.set_user_words(&["海塘安澜".into()]).unwrap();
    assert_eq!(index.query_words("海塘安澜工程"), ["海塘安澜", "工程"]);
    let err = index
        .set_user_words(&["海塘安澜".into(), "a b".into()])
        .unwrap_err();
    assert!(matches!(err, SearchError::InvalidWord { .. }), "{err}");
    // The failed call changed nothing.
    assert_eq!(index.query_words("海塘安澜工程"), ["海塘安澜", "工程"]);
    // Built-in disclosure vocabulary.
    assert_eq!(index.query_words("政府采购意向"), ["政府采购意向"]);
}

#[test]
fn an_index_of_an_older_schema_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    {
        // A tantivy index with another schema.
        let mut b = tantivy::schema::Schema::builder();
        b.add_text_field("something", tantivy::schema::STRING);
        tantivy::Index::create_in_dir(dir.path(), b.build()).unwrap();
    }
    assert!(matches!(
        SearchIndex::open_or_create(dir.path()),
        Err(SearchError::SchemaMismatch { .. })
    ));
    let (index, replaced) = SearchIndex::open_or_replace(dir.path()).unwrap();
    assert!(replaced);
    assert_eq!(index.num_docs(), 0);
    drop(index);
    let (_, replaced) = SearchIndex::open_or_replace(dir.path()).unwrap();
    assert!(!replaced);
}
