//! The portal driven through its router on a seeded temporary SQLite store.

mod common;

use axum::http::{StatusCode, header};
use common::{first_item_of, get, ok_page, page};
use gongkai_store::demo::{GOVERNMENT_CODE, TOBACCO_CODE};

#[tokio::test]
async fn home_lists_the_government_departments_and_towns() {
    ok_page(
        "/",
        &[
            "海盐县人民政府",
            "政府信息公开",
            "海盐县烟草专卖局",
            "海盐县财政局",
            "沈荡镇",
            "澉浦镇",
            "最新公开信息",
            "主办单位",
        ],
    )
    .await;
}

#[tokio::test]
async fn agency_home_has_the_four_columns() {
    let uri = format!("/agencies/{GOVERNMENT_CODE}");
    ok_page(
        &uri,
        &[
            "政府信息公开指南",
            "政府信息公开制度",
            "法定主动公开内容",
            "政府信息公开年报",
            "办公地址",
            "当前位置",
        ],
    )
    .await;
}

#[tokio::test]
async fn guide_and_rules_pages() {
    ok_page(
        &format!("/agencies/{TOBACCO_CODE}/guide"),
        &[
            "海盐县烟草专卖局政府信息公开指南",
            "20个工作日",
            "<h2>一、主动公开</h2>",
        ],
    )
    .await;
    ok_page(
        &format!("/agencies/{TOBACCO_CODE}/rules"),
        &["政府信息公开工作制度", "保密审查"],
    )
    .await;
}

#[tokio::test]
async fn catalog_lists_paginates_and_filters() {
    let base = format!("/agencies/{GOVERNMENT_CODE}/catalog");
    let html = ok_page(
        &base,
        &[
            "索引号",
            "标题",
            "发布日期",
            "文号",
            "全部",
            "分页",
            "第 1 / ",
        ],
    )
    .await;
    assert!(html.contains("330424000/2025-"), "newest items first");
    let html = ok_page(
        &format!("{base}?category=art20_07&page=1"),
        &[
            "财政预算决算",
            "第二十条第（七）项",
            "aria-current=\"page\"",
        ],
    )
    .await;
    assert!(html.contains("预算") || html.contains("决算"));
    ok_page(&format!("{base}?page=2"), &["第 2 / "]).await;
}

#[tokio::test]
async fn item_page_shows_the_metadata() {
    let item = first_item_of(GOVERNMENT_CODE).await;
    let uri = format!("/items/{}", item.index_no);
    let doc_number = item.doc_number.clone().expect("文号");
    ok_page(
        &uri,
        &[
            "索引号",
            "发布机构",
            "文号",
            "成文日期",
            "发布日期",
            "主题分类",
            "有效性",
            "公开方式",
            "主动公开",
            &item.index_no,
            &doc_number,
            "海盐县人民政府",
        ],
    )
    .await;
}

#[tokio::test]
async fn report_page_shows_the_2020_corpus_figures() {
    let html = ok_page(
        &format!("/agencies/{GOVERNMENT_CODE}/reports/2020"),
        &[
            "海盐县人民政府2020年政府信息公开工作年度报告",
            "gk-report-table",
            "本年新收政府信息公开申请数量",
            "予以公开",
            "结果维持",
            "自然人",
        ],
    )
    .await;
    // Table figures of corpus report 002: 184 new, 179 processed, 146653 licensing decisions.
    for number in ["184", "179", "146653", "272"] {
        assert!(
            html.contains(&format!(">{number}<")),
            "report should show {number}"
        );
    }
    let html = ok_page(
        &format!("/agencies/{TOBACCO_CODE}/reports"),
        &["2020年<wbr>政府信息公开工作<wbr>年度报告", "2025"],
    )
    .await;
    assert!(html.contains(&format!("/agencies/{TOBACCO_CODE}/reports/2020.docx")));
}

#[tokio::test]
async fn downloads_have_the_right_types() {
    let base = format!("/agencies/{GOVERNMENT_CODE}/reports/2020");
    let (status, headers, body) = get(&format!("{base}.docx")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CONTENT_TYPE],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert!(body.starts_with(b"PK\x03\x04"), "DOCX is a ZIP");
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .expect("ascii")
            .starts_with("attachment;")
    );
    let (status, headers, body) = get(&format!("{base}.xlsx")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .expect("ascii")
            .contains("spreadsheetml")
    );
    assert!(body.starts_with(b"PK\x03\x04"));
    let (status, _, body) = get(&format!("{base}.json")).await;
    assert_eq!(status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(json["applications"]["new_received"]["total"], 184);
    let (status, headers, _) = get(&format!("{base}.html")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .expect("ascii")
            .starts_with("text/html")
    );
}

#[tokio::test]
async fn unknown_things_are_404_in_chinese() {
    for uri in [
        "/agencies/nope".to_owned(),
        "/agencies/nope/catalog".to_owned(),
        "/items/nope/2020-00001".to_owned(),
        format!("/agencies/{GOVERNMENT_CODE}/reports/1999"),
        format!("/agencies/{GOVERNMENT_CODE}/reports/2020.exe"),
        format!("/agencies/{GOVERNMENT_CODE}/reports/..%2F..%2Fetc%2Fpasswd"),
        format!("/agencies/{GOVERNMENT_CODE}/reports/2020.docx%2F..%2F..%2Fsecret"),
        "/agencies/330424000/reports/../../../etc/passwd".to_owned(),
        "/static/../Cargo.toml".to_owned(),
        format!("/agencies/{GOVERNMENT_CODE}/catalog?page=9999"),
        "/no/such/page".to_owned(),
    ] {
        let (status, html) = page(&uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert!(
            html.contains("404") && html.contains("lang=\"zh-CN\""),
            "{uri}: {html}"
        );
    }
}

#[tokio::test]
async fn bad_parameters_are_400_naming_the_parameter() {
    let base = format!("/agencies/{GOVERNMENT_CODE}/catalog");
    for (query, param) in [
        ("page=abc", "page"),
        ("page=-1", "page"),
        ("page=0", "page"),
        ("category=art99", "category"),
    ] {
        let (status, html) = page(&format!("{base}?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        assert!(
            html.contains(&format!("参数 {param} 无效")),
            "{query}: {html}"
        );
    }
}

#[tokio::test]
async fn hostile_text_is_escaped() {
    let (status, html) = page("/items/XSS/2025-00001").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("<script>alert(1)</script>"));
    let shown = html
        .find("alert(1)")
        .map(|i| &html[i.saturating_sub(60)..(i + 60).min(html.len())])
        .unwrap_or_default();
    assert!(
        html.contains("&#60;script&#62;alert(1)&#60;/script&#62;"),
        "{shown}"
    );
    assert!(!html.contains("<img src=x"));
    assert!(!html.contains("<b>盐烟专"));
    let (_, html) = page(&format!("/agencies/{TOBACCO_CODE}/catalog")).await;
    assert!(!html.contains("<script>alert(1)</script>") && html.contains("&#60;script&#62;"));
    let (_, html) = page("/").await;
    assert!(!html.contains("<script>"), "no script on any page");
}

#[tokio::test]
async fn security_headers_are_set() {
    for uri in ["/", "/no/such/page", "/static/portal.css"] {
        let (_, headers, _) = get(uri).await;
        assert_eq!(headers["x-content-type-options"], "nosniff", "{uri}");
        let csp = headers["content-security-policy"].to_str().expect("ascii");
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"),
            "{uri}: {csp}"
        );
    }
}

#[tokio::test]
async fn favicon_is_served_and_linked() {
    let (status, headers, body) = get("/favicon.ico").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "image/x-icon");
    assert!(body.starts_with(&[0, 0, 1, 0]), "an ICO file");
    let (status, headers, body) = get("/static/favicon.svg").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "image/svg+xml");
    assert!(String::from_utf8(body).expect("utf-8").contains("<svg"));
    for uri in ["/", "/no/such/page"] {
        let (_, html) = page(uri).await;
        assert!(
            html.contains(r#"<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">"#),
            "{uri}"
        );
        assert!(
            html.contains(r#"<link rel="icon" href="/favicon.ico""#),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn error_pages_name_the_government_and_its_office() {
    for (uri, status) in [
        ("/no/such/page".to_owned(), StatusCode::NOT_FOUND),
        ("/agencies/nope".to_owned(), StatusCode::NOT_FOUND),
        (
            format!("/agencies/{GOVERNMENT_CODE}/catalog?page=abc"),
            StatusCode::BAD_REQUEST,
        ),
    ] {
        let (got, html) = page(&uri).await;
        assert_eq!(got, status, "{uri}");
        assert!(
            html.contains(r#"<span class="brand-name">海盐县人民政府</span>"#),
            "{uri}: brand"
        );
        assert!(html.contains("海盐县人民政府门户网站"), "{uri}: top bar");
        assert!(
            html.contains("主办单位：海盐县人民政府办公室"),
            "{uri}: footer"
        );
        assert!(html.contains(" - 海盐县人民政府</title>"), "{uri}: title");
        assert!(
            !html.contains("政府信息公开平台办公室"),
            "{uri}: invented office"
        );
    }
}

/// The main menu entry marked current (`aria-current`), by its label.
fn current_menu_entry(html: &str) -> Option<String> {
    let nav = html
        .split_once(r#"<nav class="mainnav""#)?
        .1
        .split_once("</nav>")?
        .0;
    nav.split("<li>")
        .find(|li| li.contains("aria-current"))
        .map(|li| {
            let mut label = String::new();
            let mut in_tag = false;
            for ch in li.chars() {
                match ch {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    _ if !in_tag && !ch.is_whitespace() => label.push(ch),
                    _ => {}
                }
            }
            label
        })
}

#[tokio::test]
async fn only_the_home_page_highlights_home_in_the_main_menu() {
    let item = first_item_of(GOVERNMENT_CODE).await;
    let (_, home) = page("/").await;
    assert_eq!(current_menu_entry(&home).as_deref(), Some("首页"));
    assert!(home.contains(&format!(
        r#"<a href="/agencies/{GOVERNMENT_CODE}">本级政府"#
    )));
    for uri in [
        format!("/agencies/{GOVERNMENT_CODE}"),
        format!("/agencies/{GOVERNMENT_CODE}/guide"),
        format!("/agencies/{GOVERNMENT_CODE}/catalog"),
        format!("/agencies/{GOVERNMENT_CODE}/reports"),
        format!("/agencies/{GOVERNMENT_CODE}/reports/2020"),
        format!("/items/{}", item.index_no),
    ] {
        let (status, html) = page(&uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_eq!(
            current_menu_entry(&html).as_deref(),
            Some("本级政府信息公开"),
            "{uri}"
        );
    }
    let (_, html) = page(&format!("/agencies/{TOBACCO_CODE}")).await;
    assert_eq!(current_menu_entry(&html).as_deref(), Some("部门信息公开"));
    for uri in ["/no/such/page", "/search?q=预算"] {
        let (_, html) = page(uri).await;
        assert_eq!(current_menu_entry(&html), None, "{uri}");
    }
}

#[tokio::test]
async fn catalog_marks_missing_document_numbers_and_keeps_table_roles() {
    let (_, html) = page(&format!("/agencies/{GOVERNMENT_CODE}/catalog?page=2")).await;
    let rows = html.matches(r#"<tr role="row">"#).count();
    assert_eq!(rows, 21, "a header row and 20 items");
    assert_eq!(html.matches(r#"<td role="cell""#).count(), 80);
    assert!(html.contains(r#"<table class="catalog" role="table">"#));
    assert!(html.contains(r#"role="columnheader" class="col-doc">文号</th>"#));
    assert!(
        !html.contains(r#"<td role="cell" class="col-doc"></td>"#),
        "no empty 文号 cell"
    );
    // The demo has items without a 文号 on the government's first pages.
    let mut seen_missing = false;
    for n in 1..=3 {
        let (_, html) = page(&format!("/agencies/{GOVERNMENT_CODE}/catalog?page={n}")).await;
        seen_missing |= html.contains(
            r#"<td role="cell" class="col-doc col-empty"><span role="img" aria-label="无文号">—</span></td>"#,
        );
    }
    assert!(seen_missing, "an item without 文号 shows “—” named 无文号");
    // On phones the categories collapse into “按分类浏览” inside <main>.
    let main = html.split_once("<main").expect("main").1;
    assert!(main.contains(r#"<details class="category-picker">"#));
    assert!(main.contains(
        "<summary>按分类浏览<span class=\"category-current\">（当前：全部）</span></summary>"
    ));
    assert!(html.contains(r#"<aside class="sidenav sidenav-narrow-hidden""#));
    assert!(
        html.contains(r#"<li class="page-far">"#),
        "far page numbers are marked"
    );
}

#[tokio::test]
async fn report_tables_scroll_in_their_own_labelled_regions() {
    let html = ok_page(&format!("/agencies/{GOVERNMENT_CODE}/reports/2020"), &[]).await;
    let regions: Vec<&str> = html
        .split(r#"<div class="gk-table-scroll" tabindex="0" role="region" aria-label=""#)
        .skip(1)
        .collect();
    assert_eq!(regions.len(), 3, "one region per table");
    for region in regions {
        let (label, rest) = region.split_once('"').expect("label");
        assert!(
            !label.is_empty() && label != "报告表格",
            "named by its caption"
        );
        assert!(
            rest.starts_with(r#"><table class="gk-report-table"#),
            "{label}"
        );
        assert!(
            rest.contains(&format!("<caption>{label}</caption>")),
            "{label}"
        );
    }
}

#[tokio::test]
async fn agency_home_groups_departments_and_towns_without_repeating_the_kind() {
    let html = ok_page(
        &format!("/agencies/{GOVERNMENT_CODE}"),
        &["所属部门和乡镇（街道）"],
    )
    .await;
    assert!(
        !html.contains("kind-badge"),
        "人民政府 is in the name already"
    );
    let sub = html
        .split_once(r#"id="sub-title""#)
        .expect("subordinates")
        .1;
    let (departments, towns) = sub
        .split_once(r#"id="sub-town-title""#)
        .expect("a towns group");
    assert!(departments.contains(r#"id="sub-dept-title">部门"#));
    assert!(departments.contains("海盐县财政局") && !departments.contains("沈荡镇"));
    assert!(towns.contains("沈荡镇") && !towns.contains("海盐县财政局"));
    let html = ok_page(&format!("/agencies/{TOBACCO_CODE}"), &[]).await;
    assert!(html.contains(r#"<span class="kind-badge">政府部门</span>"#));
    assert!(!html.contains("所属部门和乡镇（街道）"));
}
