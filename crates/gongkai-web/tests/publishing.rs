//! The publishing workflow over HTTP: an officer drafts an item and attaches
//! a file, the reviewer passes 保密审查 and the review steps (the drafter may
//! not), the officer publishes, the portal search finds it and its
//! attachment downloads; withdrawal takes it out of search and the portal
//! item page answers 410 with the reason.
//!
//! Runs the router with `oneshot` on a temporary SQLite store seeded with
//! the demo data (logins jiaoyu = 教育局 officer, shenyue = government
//! reviewer, zhujian = another agency's officer, zhengwu = supervisor).

mod common;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::demo_site::{DemoSite, IndexPlace};
use common::multipart::Multipart;
use common::staff_client::{
    Answer, Session, StaffClient, from_peer, ip, multipart_request, post_request,
};
use tokio::sync::OnceCell;

static FIXTURE: OnceCell<DemoSite> = OnceCell::const_new();

async fn fixture() -> &'static DemoSite {
    FIXTURE
        .get_or_init(|| DemoSite::seeded("pub.db", IndexPlace::OnDisk))
        .await
}

async fn app() -> Router {
    fixture().await.app()
}

/// The back office of this file's app, as one client machine.
async fn client() -> StaffClient {
    StaffClient::new(app().await)
}

async fn send(request: Request<Body>) -> Answer {
    client().await.send(request).await
}

async fn login(username: &str) -> Session {
    client().await.login(username).await
}

async fn get(session: &Session, uri: &str) -> Answer {
    client().await.get(session, uri).await
}

async fn post(session: &Session, uri: &str, fields: &[(&str, &str)]) -> Answer {
    let request = from_peer(post_request(session, uri, fields), ip(2));
    client().await.send(request).await
}

/// A multipart upload of one PDF as `file` (and the CSRF token unless `None`).
async fn upload(
    session: &Session,
    uri: &str,
    csrf: Option<&str>,
    name: &str,
    bytes: &[u8],
) -> Answer {
    let mut form = Multipart::new("----gongkaiTestBoundary7MA4YWxk");
    if let Some(csrf) = csrf {
        form = form.field("csrf", csrf);
    }
    let form = form.file("file", name, "application/pdf", bytes);
    let request = from_peer(multipart_request(session, uri, form), ip(3));
    client().await.send(request).await
}

fn public(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

/// The id at the end of a redirect to `/staff/items/{id}?done=…`.
fn item_id(answer: &Answer) -> i64 {
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.text());
    let location = answer.location();
    location
        .trim_start_matches("/staff/items/")
        .split('?')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("not an item page: {location}"))
}

const TITLE: &str = "海盐县青少年校外活动场所开放管理规定";

#[tokio::test]
async fn draft_review_publish_search_download_withdraw() {
    let officer = login("jiaoyu").await;
    let reviewer = login("shenyue").await;
    let other = login("zhujian").await;
    let supervisor = login("zhengwu").await;

    // The form refuses a bad date and names the field.
    let bad = post(
        &officer,
        "/staff/items/new",
        &[
            ("kind", "document"),
            ("title", TITLE),
            ("written_on", "2026-02-30"),
            ("category", "art20_01"),
            ("validity", "valid"),
            ("disclosure_mode", "proactive"),
        ],
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.text().contains("成文日期“2026-02-30”不是有效日期"),
        "{}",
        bad.text()
    );
    assert!(bad.text().contains(TITLE), "the typed values are kept");

    let today = fixture().await.store.today().format("%Y-%m-%d").to_string();
    let created = post(
        &officer,
        "/staff/items/new",
        &[
            ("kind", "document"),
            ("title", TITLE),
            ("doc_number", "盐教发〔2026〕9号"),
            ("written_on", &today),
            ("category", "art20_01"),
            ("topic", "教育"),
            ("validity", "valid"),
            ("disclosure_mode", "proactive"),
            (
                "body",
                "第一条 为规范青少年校外活动场所开放管理，制定本规定。",
            ),
        ],
    )
    .await;
    let id = item_id(&created);
    let page = get(&officer, &format!("/staff/items/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(
        html.contains("草稿") && html.contains("发布期限") && html.contains("新建草稿"),
        "{html}"
    );

    // Other agencies cannot see it; supervisors read only.
    assert_eq!(
        get(&other, &format!("/staff/items/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&supervisor, &format!("/staff/items/{id}")).await.status,
        StatusCode::OK
    );
    assert_eq!(
        post(
            &supervisor,
            &format!("/staff/items/{id}/actions/submit"),
            &[]
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );

    // Attachments: CSRF required, directories stripped.
    let uri = format!("/staff/items/{id}/attachments");
    assert_eq!(
        upload(&officer, &uri, None, "a.pdf", b"%PDF").await.status,
        StatusCode::FORBIDDEN
    );
    let empty = upload(&officer, &uri, Some(&officer.csrf), "empty.pdf", b"").await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.text().contains("为空"), "{}", empty.text());
    let uploaded = upload(
        &officer,
        &uri,
        Some(&officer.csrf),
        "../../etc/开放时间表.pdf",
        b"%PDF-1.4 demo",
    )
    .await;
    assert_eq!(item_id(&uploaded), id);
    let html = get(&officer, &format!("/staff/items/{id}")).await.text();
    assert!(
        html.contains("开放时间表.pdf") && !html.contains("../"),
        "{html}"
    );
    let attachment: i64 = html
        .split(&format!("/staff/items/{id}/attachments/"))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|n| n.parse().ok())
        .expect("attachment link");
    // Not public while a draft.
    let draft_file = send(public(&format!("/attachments/{attachment}/x.pdf"))).await;
    assert_eq!(draft_file.status, StatusCode::NOT_FOUND);

    // Review: the drafter cannot decide; the reviewer passes every step.
    assert_eq!(
        item_id(&post(&officer, &format!("/staff/items/{id}/actions/submit"), &[]).await),
        id
    );
    assert_eq!(
        post(&officer, &format!("/staff/items/{id}/actions/approve"), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post(&other, &format!("/staff/items/{id}/actions/approve"), &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let no_comment = post(
        &reviewer,
        &format!("/staff/items/{id}/actions/reject"),
        &[("comment", "")],
    )
    .await;
    assert_eq!(no_comment.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_comment.text().contains("审核意见"));
    for step in ["保密审查", "科室负责人审核", "办公室审核"] {
        let page = get(&reviewer, &format!("/staff/items/{id}")).await.text();
        assert!(
            page.contains(&format!("<h3>{step}</h3>")),
            "waiting at {step}"
        );
        let done = post(
            &reviewer,
            &format!("/staff/items/{id}/actions/approve"),
            &[("comment", "同意")],
        )
        .await;
        assert_eq!(item_id(&done), id);
    }
    let html = get(&officer, &format!("/staff/items/{id}")).await.text();
    assert!(
        html.contains("待发布") && html.contains("钱审阅（shenyue）"),
        "{html}"
    );

    // Publish: the portal page, the search and the download work.
    assert_eq!(
        item_id(&post(&officer, &format!("/staff/items/{id}/actions/publish"), &[]).await),
        id
    );
    let item = fixture()
        .await
        .store
        .catalog_item_by_id(id)
        .await
        .unwrap()
        .unwrap();
    let portal = send(public(&format!("/items/{}", item.index_no))).await;
    assert_eq!(portal.status, StatusCode::OK);
    let html = portal.text();
    assert!(
        html.contains("开放时间表.pdf") && html.contains("附件"),
        "{html}"
    );
    let search = send(public(
        "/search?q=%E6%A0%A1%E5%A4%96%E6%B4%BB%E5%8A%A8%E5%9C%BA%E6%89%80",
    ))
    .await;
    let href = format!("/items/{}", item.index_no);
    assert!(
        search.text().contains(&href),
        "found by search after publishing: {}",
        search.text()
    );
    let file = send(public(&format!("/attachments/{attachment}/whatever.pdf"))).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.body, b"%PDF-1.4 demo");
    let disposition = file
        .headers
        .get(header::CONTENT_DISPOSITION)
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.starts_with("attachment; filename=\"attachment-"),
        "{disposition}"
    );
    assert!(
        disposition.contains("UTF-8''%E5%BC%80%E6%94%BE"),
        "{disposition}"
    );
    assert_eq!(
        file.headers.get(header::CONTENT_TYPE).unwrap(),
        "application/pdf"
    );
    for probe in [
        "/attachments/..%2F..%2Fetc%2Fpasswd/x",
        "/attachments/0/x",
        "/attachments/-1/x",
    ] {
        assert_eq!(
            send(public(probe)).await.status,
            StatusCode::NOT_FOUND,
            "{probe}"
        );
    }

    // Withdraw: reason required; then gone from search, 410 with the reason.
    let no_reason = post(
        &officer,
        &format!("/staff/items/{id}/actions/withdraw"),
        &[("reason", " ")],
    )
    .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    let withdrawn = post(
        &officer,
        &format!("/staff/items/{id}/actions/withdraw"),
        &[("reason", "规定已废止重发")],
    )
    .await;
    assert_eq!(item_id(&withdrawn), id);
    let search = send(public(
        "/search?q=%E6%A0%A1%E5%A4%96%E6%B4%BB%E5%8A%A8%E5%9C%BA%E6%89%80",
    ))
    .await;
    assert!(!search.text().contains(&href), "removed from search");
    let gone = send(public(&format!("/items/{}", item.index_no))).await;
    assert_eq!(gone.status, StatusCode::GONE);
    assert!(gone.text().contains("规定已废止重发") && !gone.text().contains("开放时间表.pdf"));
    assert_eq!(
        send(public(&format!("/attachments/{attachment}/x.pdf")))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // The history names every step with who did it.
    let html = get(&officer, &format!("/staff/items/{id}")).await.text();
    for action in [
        "新建草稿",
        "上传附件",
        "提交审核",
        "审核通过",
        "发布",
        "撤回",
    ] {
        assert!(html.contains(action), "history shows {action}");
    }
    assert!(html.contains("流程状态：已发布 → 已撤回"), "{html}");
}

#[tokio::test]
async fn list_filters_and_counts_late_items() {
    let officer = login("jiaoyu").await;
    let all = get(&officer, "/staff/items").await;
    assert_eq!(all.status, StatusCode::OK);
    let late = get(&officer, "/staff/items?late=1").await.text();
    // The demo has items published late (formed 90 days before publication).
    assert!(
        late.contains("海盐县2025年秋季学期中小学校车安全检查结果公示"),
        "{late}"
    );
    assert!(
        !late.contains("海盐县校外培训机构监督管理办法</a>"),
        "on-time item not flagged"
    );
    let in_review = get(&officer, "/staff/items?stage=in_review").await.text();
    assert!(in_review.contains("海盐县中小学校园食品安全专项检查情况通报"));
    assert!(
        !in_review.contains("海盐县2026年春季学期学生资助政策告知书"),
        "approved is another stage"
    );
    // An officer cannot widen the scope with the agency filter.
    let widened = get(&officer, "/staff/items?agency=330424107").await;
    assert_eq!(widened.status, StatusCode::OK);
    let other = login("zhujian").await;
    let theirs = get(&other, "/staff/items?stage=in_review").await.text();
    assert!(!theirs.contains("海盐县中小学校园食品安全专项检查情况通报"));
}

#[tokio::test]
async fn interpretation_links_show_on_both_portal_pages() {
    let store = &fixture().await.store;
    let page = store
        .list_managed_items(&gongkai_store::ManagedItemFilter {
            agencies: Some(vec!["330424102".into()]),
            stage: Some(gongkai_store::WorkflowStage::Published),
            category: Some(gongkai_store::Category::Regulations),
            late_only: false,
            page: 1,
            per_page: 200,
        })
        .await
        .unwrap();
    let find = |title: &str| {
        page.rows
            .iter()
            .find(|r| r.item.title == title)
            .map(|r| r.item.index_no.clone())
            .expect(title)
    };
    let document = find("海盐县校外培训机构监督管理办法");
    let interpretation = find("《海盐县校外培训机构监督管理办法》政策解读");
    let doc_page = send(public(&format!("/items/{document}"))).await.text();
    assert!(
        doc_page.contains("相关解读") && doc_page.contains("政策解读</a>"),
        "{doc_page}"
    );
    let int_page = send(public(&format!("/items/{interpretation}")))
        .await
        .text();
    assert!(int_page.contains("解读对象"), "{int_page}");
}

#[tokio::test]
async fn steps_are_set_by_administrators_only() {
    let admin = login("admin").await;
    let officer = login("jiaoyu").await;
    assert_eq!(
        get(&officer, "/staff/items/steps").await.status,
        StatusCode::FORBIDDEN
    );
    let page = get(&admin, "/staff/items/steps?agency=330424113").await;
    assert!(
        page.text().contains("保密审查\n科室负责人审核\n办公室审核"),
        "{}",
        page.text()
    );
    let saved = post(
        &admin,
        "/staff/items/steps",
        &[
            ("agency", "330424113"),
            ("steps", "保密审查\r\n分管领导审签"),
        ],
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let page = get(&admin, "/staff/items/steps?agency=330424113")
        .await
        .text();
    assert!(page.contains("保密审查\n分管领导审签"), "{page}");
    let dup = post(
        &admin,
        "/staff/items/steps",
        &[("agency", "330424113"), ("steps", "甲\n甲")],
    )
    .await;
    assert_eq!(dup.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(dup.text().contains("重复"));
}

#[tokio::test]
async fn oversize_uploads_are_refused_and_replaced_items_point_to_the_new_version() {
    let store = &fixture().await.store;
    let officer = login("jiaoyu").await;
    let created = post(
        &officer,
        "/staff/items/new",
        &[
            ("kind", "document"),
            ("title", "附件大小测试"),
            ("written_on", "2026-01-05"),
            ("category", "art20_15"),
            ("validity", "valid"),
            ("disclosure_mode", "proactive"),
        ],
    )
    .await;
    let id = item_id(&created);
    let uri = format!("/staff/items/{id}/attachments");
    let big = vec![b'x'; gongkai_store::MAX_ATTACHMENT_BYTES + 1];
    let refused = upload(&officer, &uri, Some(&officer.csrf), "big.pdf", &big).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.text().contains("超过20MB上限"),
        "{}",
        refused.text()
    );
    let huge = vec![b'x'; gongkai_store::MAX_ATTACHMENT_BYTES + 2 * 1024 * 1024];
    let too_large = upload(&officer, &uri, Some(&officer.csrf), "huge.pdf", &huge).await;
    assert_eq!(too_large.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        too_large.text().contains("单个附件不得超过20MB"),
        "{}",
        too_large.text()
    );
    assert!(
        store.item_attachments(id).await.unwrap().is_empty(),
        "nothing stored"
    );

    // The demo's replaced item answers 410 and links its new version.
    let replaced = store
        .list_managed_items(&gongkai_store::ManagedItemFilter {
            agencies: Some(vec!["330424102".into()]),
            stage: Some(gongkai_store::WorkflowStage::Replaced),
            category: None,
            late_only: false,
            page: 1,
            per_page: 10,
        })
        .await
        .unwrap();
    let old = &replaced.rows[0].item;
    let page = send(public(&format!("/items/{}", old.index_no))).await;
    assert_eq!(page.status, StatusCode::GONE);
    let html = page.text();
    assert!(
        html.contains("被新版本替换") && html.contains("（2026年修订）</a>"),
        "{html}"
    );
    // The staff page of the old item links the replacement too.
    let staff_page = get(&officer, &format!("/staff/items/{}", old.id))
        .await
        .text();
    assert!(
        staff_page.contains("替换稿：") && staff_page.contains("已被替换"),
        "{staff_page}"
    );
}
