//! Full-text search through the router: ranking, filters, pagination,
//! suggestions, escaping, validation, index rebuild and the CSP.

mod common;

use axum::http::{StatusCode, header};
use common::{all_published, fixture, get, ok_page, page};
use gongkai_search::SearchIndex;
use gongkai_store::demo::{GOVERNMENT_CODE, TOBACCO_CODE};
use gongkai_web::{IndexSync, published_count, rebuild_index, search_document, sync_index};

/// Percent-encodes a query value.
fn enc(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The `href`s of the result titles, in order.
fn hit_links(html: &str) -> Vec<String> {
    html.split("<h3 class=\"hit-title\"><a href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(str::to_owned))
        .collect()
}

/// The total shown in the summary heading.
fn total_of(html: &str) -> usize {
    html.split("</span>”相关的信息 <strong>")
        .nth(1)
        .or_else(|| html.split("符合筛选条件的信息 <strong>").nth(1))
        .and_then(|rest| rest.split("</strong>").next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[tokio::test]
async fn a_phrase_from_a_title_finds_that_item_first() {
    let items = all_published().await;
    // Eight consecutive characters from inside a title that occur in no other title.
    let (item, phrase) = items
        .iter()
        .filter(|i| i.agency_code == GOVERNMENT_CODE && !i.index_no.starts_with("XSS"))
        .find_map(|i| {
            let chars: Vec<char> = i.title.chars().collect();
            (2..chars.len().saturating_sub(8)).find_map(|start| {
                let phrase: String = chars[start..start + 8].iter().collect();
                let cjk = phrase
                    .chars()
                    .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                (cjk && items.iter().filter(|o| o.title.contains(&phrase)).count() == 1)
                    .then_some((i, phrase))
            })
        })
        .expect("a title with a unique phrase");
    eprintln!("searching {phrase:?} for {}", item.title);
    let html = ok_page(&format!("/search?q={}", enc(&phrase)), &["<mark>"]).await;
    let links = hit_links(&html);
    assert_eq!(
        links.first().map(String::as_str),
        Some(format!("/items/{}", item.index_no).as_str()),
        "{phrase}"
    );
}

#[tokio::test]
async fn results_show_highlight_snippet_agency_date_and_category() {
    let html = ok_page(
        "/search?q=%E9%A2%84%E7%AE%97",
        &[
            "与“<span class=\"query\">预算</span>”相关的信息",
            "<mark>预算</mark>",
            "class=\"hit-snippet\"",
            "class=\"hit-meta\"",
            "财政预算决算",
            "<time datetime=\"20",
            "<strong aria-current=\"true\">按相关度</strong>",
            "筛选条件",
            "for=\"f-agency\"",
            "name=\"validity\"",
            "name=\"doc_number\"",
            "type=\"date\"",
        ],
    )
    .await;
    assert!(total_of(&html) > 10, "many budget items");
    assert_eq!(hit_links(&html).len(), 10, "ten per page");
}

#[tokio::test]
async fn filters_narrow_the_results() {
    let all = total_of(&ok_page("/search?q=%E9%A2%84%E7%AE%97", &[]).await);
    let base = "/search?q=%E9%A2%84%E7%AE%97";
    let html = ok_page(&format!("{base}&agency={TOBACCO_CODE}"), &[]).await;
    let tobacco = total_of(&html);
    assert!(tobacco > 0 && tobacco < all, "{tobacco} of {all}");
    assert!(
        !html.contains("<span>海盐县财政局</span>"),
        "only the tobacco bureau's items"
    );
    assert!(html.contains(&format!("<option value=\"{TOBACCO_CODE}\" selected>")));
    let budget = total_of(&ok_page(&format!("{base}&category=art20_07"), &[]).await);
    assert!(budget > 0 && budget < all, "{budget} of {all}");
    let html = ok_page(&format!("{base}&from=2024-01-01&to=2024-06-30"), &[]).await;
    let dated = total_of(&html);
    assert!(dated > 0 && dated < all, "{dated} of {all}");
    for date in html.split("<time datetime=\"").skip(1) {
        let date = &date[..10];
        assert!(("2024-01-01"..="2024-06-30").contains(&date), "{date}");
    }
    let valid = total_of(&ok_page(&format!("{base}&validity=valid"), &[]).await);
    assert!(valid > 0 && valid <= all);
    // Filters alone list items newest first.
    let html = ok_page(
        &format!("/search?agency={GOVERNMENT_CODE}&category=art20_01"),
        &["符合筛选条件的信息", "按发布日期排序", "清除筛选"],
    )
    .await;
    assert!(total_of(&html) > 0);
    // A 文号 prefix.
    let item = all_published()
        .await
        .into_iter()
        .find(|i| i.doc_number.as_deref().is_some_and(|d| d.contains('〔')))
        .expect("an item with a 文号");
    let number = item.doc_number.clone().unwrap_or_default();
    let html = ok_page(&format!("/search?doc_number={}", enc(&number)), &[]).await;
    assert!(
        hit_links(&html).contains(&format!("/items/{}", item.index_no)),
        "{number}"
    );
    assert!(total_of(&html) < all);
}

#[tokio::test]
async fn results_are_paginated() {
    let first = ok_page(
        "/search?q=%E5%85%AC%E5%BC%80",
        &["第 1 / ", "aria-label=\"分页\""],
    )
    .await;
    let second = ok_page("/search?q=%E5%85%AC%E5%BC%80&page=2", &["第 2 / "]).await;
    let (a, b) = (hit_links(&first), hit_links(&second));
    assert_eq!(a.len(), 10);
    assert!(!b.is_empty() && a.iter().all(|link| !b.contains(link)));
    assert!(
        second.contains("href=\"/search?q=%E5%85%AC%E5%BC%80&amp;page=3\"")
            || second.contains("page=3")
    );
    let (status, _) = page("/search?q=%E5%85%AC%E5%BC%80&page=999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn empty_results_and_blank_search_are_friendly() {
    ok_page(
        "/search?q=%E9%87%8F%E5%AD%90%E7%BA%A0%E7%BC%A0",
        &[
            "未找到与“<span class=\"query\">量子纠缠</span>”相关的信息",
            "建议",
        ],
    )
    .await;
    ok_page("/search", &["请输入检索词", "站内搜索"]).await;
    ok_page("/search?q=", &["请输入检索词"]).await;
}

#[tokio::test]
async fn script_in_the_query_is_escaped() {
    let html = ok_page("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27", &[]).await;
    assert!(!html.contains("<script>alert(1)"), "raw script echoed");
    assert!(html.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));
    assert!(!html.contains("value=\"<script>"));
    // The hostile item's title is escaped in the hits and its highlights.
    let html = ok_page("/search?q=%E5%BC%95%E5%8F%B7", &["XSS/2025-00001"]).await;
    assert!(!html.contains("<script>alert(1)"));
    assert!(html.contains("&lt;script&gt;") || html.contains("&#60;script&#62;"));
    assert!(!html.contains("<img src=x"));
}

#[tokio::test]
async fn bad_parameters_are_400_naming_them_in_chinese() {
    for (query, param, chinese) in [
        ("q=a&page=abc", "page", "页码"),
        ("category=art99", "category", "信息分类"),
        ("validity=maybe", "validity", "有效性"),
        ("agency=nope", "agency", "发布机构"),
    ] {
        let (status, html) = page(&format!("/search?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        assert!(
            html.contains(&format!("参数 {param} 无效")) && html.contains(chinese),
            "{query}: {html}"
        );
    }
}

#[tokio::test]
async fn suggestions_are_json_titles() {
    let items = all_published().await;
    let item = items
        .iter()
        .find(|i| i.agency_code == GOVERNMENT_CODE && i.title.starts_with("关于印发"))
        .expect("a title");
    let prefix: String = item.title.chars().take(3).collect();
    let (status, headers, body) = get(&format!("/search/suggest?q={}", enc(&prefix))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .expect("ascii")
            .starts_with("application/json")
    );
    let titles: Vec<String> = serde_json::from_slice(&body).expect("a JSON array of strings");
    assert!(!titles.is_empty() && titles.len() <= 8, "{titles:?}");
    assert!(
        titles.iter().any(|t| t.contains(&prefix)),
        "{prefix}: {titles:?}"
    );
    for blank in [
        "/search/suggest",
        "/search/suggest?q=",
        "/search/suggest?q=%20",
    ] {
        let (status, _, body) = get(blank).await;
        assert_eq!(
            (status, body.as_slice()),
            (StatusCode::OK, b"[]".as_slice())
        );
    }
}

#[tokio::test]
async fn every_page_has_the_search_box_and_the_catalog_a_scoped_one() {
    for uri in [
        "/".to_owned(),
        format!("/agencies/{GOVERNMENT_CODE}"),
        format!("/agencies/{TOBACCO_CODE}/reports"),
        "/no/such/page".to_owned(),
    ] {
        let (_, html) = page(&uri).await;
        assert!(
            html.contains(
                "<form class=\"site-search\" role=\"search\" action=\"/search\" method=\"get\""
            ) && html.contains("<label for=\"site-search-q\"")
                && html.contains("<script src=\"/static/suggest.js\" defer></script>"),
            "{uri}"
        );
        assert!(!html.contains("<script>"), "{uri}: no inline script");
    }
    ok_page(
        &format!("/agencies/{TOBACCO_CODE}/catalog"),
        &[
            &format!("<input type=\"hidden\" name=\"agency\" value=\"{TOBACCO_CODE}\">"),
            "<label for=\"scoped-q\">",
        ],
    )
    .await;
}

#[tokio::test]
async fn the_script_is_served_and_the_csp_allows_only_own_scripts() {
    let (status, headers, body) = get("/static/suggest.js").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .expect("ascii")
            .starts_with("text/javascript")
    );
    let script = String::from_utf8(body).expect("utf-8");
    for needle in [
        "aria-expanded",
        "aria-activedescendant",
        "listbox",
        "ArrowDown",
        "Escape",
    ] {
        assert!(script.contains(needle), "{needle}");
    }
    assert!(
        !script.contains("innerHTML"),
        "suggestions are inserted as text"
    );
    for uri in [
        "/",
        "/search?q=x",
        "/search/suggest?q=x",
        "/static/suggest.js",
    ] {
        let (_, headers, _) = get(uri).await;
        let csp = headers["content-security-policy"].to_str().expect("ascii");
        let script_src = csp
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src"))
            .expect("script-src");
        assert_eq!(script_src, "script-src 'self'", "{uri}");
        assert!(!csp.contains("unsafe-eval"), "{uri}");
    }
}

#[tokio::test]
async fn the_index_rebuild_counts_every_published_item() {
    let fixture = fixture().await;
    let published = published_count(&fixture.store).await.expect("count");
    assert!(published > 1000, "{published}");
    assert_eq!(fixture.indexed as u64, published);
    assert_eq!(fixture.index.num_docs(), published);
    // A second index in another directory: sync rebuilds it once, then leaves it.
    let dir = tempfile::tempdir().expect("dir");
    let index = SearchIndex::open_or_create(dir.path()).expect("index");
    match sync_index(&fixture.store, &index).await.expect("sync") {
        IndexSync::Rebuilt {
            before, documents, ..
        } => {
            assert_eq!((before, documents as u64), (0, published));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        sync_index(&fixture.store, &index).await.expect("sync"),
        IndexSync::UpToDate {
            documents: published
        }
    );
    assert_eq!(
        rebuild_index(&fixture.store, &index).await.expect("again") as u64,
        published
    );
    assert_eq!(index.num_docs(), published);
}

#[tokio::test]
async fn only_published_items_become_search_documents() {
    let mut item = common::first_item_of(GOVERNMENT_CODE).await;
    let doc = search_document(&item, "海盐县人民政府").expect("published");
    assert_eq!(
        (
            doc.index_no.as_str(),
            doc.category.as_str(),
            doc.validity.as_str()
        ),
        (
            item.index_no.as_str(),
            item.category.key(),
            item.validity.key()
        )
    );
    item.status = gongkai_store::ItemStatus::Withdrawn;
    assert!(search_document(&item, "x").is_none());
}

#[tokio::test]
async fn typed_input_is_repaired_with_a_note_not_refused() {
    let long = "预算".repeat(60);
    ok_page(
        &format!("/search?q={}", enc(&long)),
        &["检索词超过 100 个字，已按前 100 个字检索。"],
    )
    .await;
    ok_page(
        "/search?q=%E9%A2%84%E7%AE%97&from=2024-05-01&to=2024-01-01",
        &[
            "已按 2024-01-01 至 2024-05-01 检索",
            "name=\"from\" value=\"2024-01-01\"",
        ],
    )
    .await;
    ok_page(
        "/search?q=a&from=2024-02-30",
        &["发布日期（起）“2024-02-30”不是有效日期"],
    )
    .await;
}

#[tokio::test]
async fn a_word_that_matches_nothing_is_named_and_corrected() {
    let html = ok_page(
        &format!("/search?q={}", enc("部门预箅")),
        &[
            "未找到同时包含“预箅”的信息，以下是“部门”的结果。",
            "与“<span class=\"query\">部门</span>”相关的信息",
            "您是不是要找：<a href=\"/search?q=",
            ">部门预算</a>",
        ],
    )
    .await;
    assert!(
        !html.contains("与“<span class=\"query\">部门预箅</span>”相关"),
        "the page must not claim hits for the typo"
    );
    assert!(total_of(&html) > 10);
    let html = ok_page(
        &format!("/search?q={}", enc("寒假安全")),
        &["未找到同时包含“寒假”的信息，以下是“安全”的结果。"],
    )
    .await;
    assert!(!html.contains("<mark>寒假</mark>"));
    for (typed, corrected) in [("预酸", "预算"), ("yusuan", "预算")] {
        ok_page(
            &format!("/search?q={}", enc(typed)),
            &[
                &format!("未找到与“<span class=\"query\">{typed}</span>”相关的信息"),
                &format!(
                    "您是不是要找：<a href=\"/search?q={}\">{corrected}</a>",
                    enc(corrected)
                ),
            ],
        )
        .await;
    }
}

#[tokio::test]
async fn two_characters_of_a_title_find_it_whatever_the_segmenter_did() {
    let html = ok_page(&format!("/search?q={}", enc("校车")), &[]).await;
    assert!(
        html.contains("中小学<mark>校车</mark>安全检查结果公示"),
        "{}",
        hit_links(&html).join(" ")
    );
}

#[tokio::test]
async fn an_index_number_or_a_doc_number_goes_straight_to_the_item() {
    let items = all_published().await;
    let item = items
        .iter()
        .find(|i| !i.index_no.starts_with("XSS"))
        .expect("an item");
    let (status, headers, _) = get(&format!("/search?q={}", enc(&item.index_no))).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{}", item.index_no);
    assert_eq!(
        headers.get(header::LOCATION).and_then(|v| v.to_str().ok()),
        Some(format!("/items/{}", item.index_no).as_str())
    );
    // A 文号 that one item has, typed with square brackets.
    let numbered = items
        .iter()
        .find(|i| {
            i.doc_number.as_ref().is_some_and(|n| {
                items
                    .iter()
                    .filter(|o| o.doc_number.as_ref() == Some(n))
                    .count()
                    == 1
            })
        })
        .expect("a unique 文号");
    let typed = numbered
        .doc_number
        .as_deref()
        .unwrap_or_default()
        .replace('〔', "[")
        .replace('〕', "]");
    let (status, headers, _) = get(&format!("/search?q={}", enc(&typed))).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{typed}");
    assert_eq!(
        headers.get(header::LOCATION).and_then(|v| v.to_str().ok()),
        Some(format!("/items/{}", numbered.index_no).as_str())
    );
}

#[tokio::test]
async fn results_can_be_sorted_by_date() {
    let html = ok_page(
        "/search?q=%E9%A2%84%E7%AE%97&sort=date",
        &[
            "<strong aria-current=\"true\">按时间</strong>",
            "<a href=\"/search?q=%E9%A2%84%E7%AE%97\">按相关度</a>",
            "<input type=\"hidden\" name=\"sort\" value=\"date\">",
        ],
    )
    .await;
    let dates: Vec<&str> = html
        .split("<time datetime=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(dates.len(), 10);
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    let next = ok_page("/search?q=%E9%A2%84%E7%AE%97&sort=date&page=2", &[]).await;
    let first_of_next = next
        .split("<time datetime=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default();
    assert!(
        first_of_next <= dates[9],
        "{first_of_next} after {}",
        dates[9]
    );
}
