//! The staff catalog import (`/staff/items/import`): upload → preview with
//! per-row errors (nothing written) → confirm (one transaction, audited,
//! indexed), roles and scope, session-bound previews, templates.
//!
//! Runs the router with `oneshot` on a temporary SQLite store seeded with
//! the demo data.

mod common;

use std::net::SocketAddr;
use std::time::Instant;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::demo_site::{DemoSite, IndexPlace};
use common::multipart::Multipart;
use common::staff_client::{Answer, Session, StaffClient, hidden};
use gongkai_search::SearchQuery;
use gongkai_store::{CatalogQuery, ItemStatus};
use tokio::sync::OnceCell;

const JIAOYU: &str = "330424102"; // 海盐县教育局 (officer jiaoyu)
const ZHUJIAN: &str = "330424107"; // 海盐县住房和城乡建设局 (officer zhujian)

static FIXTURE: OnceCell<DemoSite> = OnceCell::const_new();

/// The tests write to one store and count its rows and audit entries: one at a time.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

async fn fixture() -> &'static DemoSite {
    FIXTURE
        .get_or_init(|| DemoSite::seeded("import.db", IndexPlace::InMemory))
        .await
}

async fn app() -> Router {
    fixture().await.app()
}

/// The back office of this file's app, as a client at 10.9.1.1.
async fn client() -> StaffClient {
    StaffClient::new(app().await).at_peer(SocketAddr::from(([10, 9, 1, 1], 40000)))
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

async fn post_form(session: &Session, uri: &str, fields: &[(&str, &str)]) -> Answer {
    client().await.post(session, uri, fields).await
}

/// Uploads `file` as `file_name` for `agency` (empty: the default).
async fn upload(session: &Session, agency: &str, file_name: &str, file: &[u8]) -> Answer {
    let form = Multipart::new("----gongkai-import-test-boundary")
        .field("csrf", &session.csrf)
        .field("agency", agency)
        .file("file", file_name, "application/octet-stream", file);
    client()
        .await
        .post_multipart(session, "/staff/items/import", form)
        .await
}

async fn count(agency: &str) -> u64 {
    fixture()
        .await
        .store
        .list_catalog(&CatalogQuery {
            agency_code: Some(agency.into()),
            category: None,
            status: Some(ItemStatus::Published),
            page: 1,
            per_page: 1,
        })
        .await
        .expect("count")
        .total
}

const CATEGORIES: &[&str] = &[
    "行政法规、规章和规范性文件",
    "art20_04",
    "财政预算决算",
    "第二十条第（十一）项",
    "政府集中采购",
];

/// A catalog of `rows` rows for 教育局 with the 索引号 prefix `prefix`,
/// every date form, and the bad rows listed in the test.
fn catalog_csv(prefix: &str, rows: usize, bad: bool) -> Vec<u8> {
    let mut csv = String::from(
        "\u{feff}索引号,标题,发布机构,文号,成文日期,发布日期,主题分类,类别,有效性,失效/废止日期,公开方式,正文\r\n",
    );
    for i in 0..rows {
        let dates = ["2024-03-05", "2024/3/6", "2024年3月7日", "20240308"];
        let written = dates[i % dates.len()];
        let index_no = format!("{prefix}/2024-{i:05}");
        let title = format!("海盐县教育局关于导入测试第{i}号的通知");
        let line = if bad && i == 10 {
            format!("{index_no},,,,,2024-03-09,教育,统计信息,,,,正文\r\n")
        } else if bad && i == 20 {
            format!("{index_no},{title},,,,2024-02-30,教育,统计信息,,,,正文\r\n")
        } else if bad && i == 30 {
            format!("{index_no},{title},,,,2024-03-09,教育,不存在的类别,,,,正文\r\n")
        } else {
            format!(
                "{index_no},{title},,导测〔2024〕{i}号,{written},2024-03-09,教育,{},有效,,主动公开,\"第一段：导入测试正文。\r\n第二段，包含逗号。\"\r\n",
                CATEGORIES[i % CATEGORIES.len()]
            )
        };
        csv.push_str(&line);
    }
    csv.into_bytes()
}

#[tokio::test]
async fn five_thousand_rows_preview_then_confirm_in_one_transaction() {
    let _serial = SERIAL.lock().await;
    let f = fixture().await;
    let jiaoyu = login("jiaoyu").await;
    let page = get(&jiaoyu, "/staff/items/import").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains("批量导入主动公开目录"), "{html}");
    assert!(html.contains("enctype=\"multipart/form-data\""));
    assert!(html.contains("海盐县教育局"));

    // One row repeats an item the database already has.
    let existing = f
        .store
        .list_catalog(&CatalogQuery::published(JIAOYU))
        .await
        .expect("list")
        .items[0]
        .index_no
        .clone();
    let mut file = catalog_csv("IMP5K", 5_000, true);
    file.extend_from_slice(
        format!("{existing},重复导入的一条,,,,2024-03-09,教育,统计信息,,,,\r\n").as_bytes(),
    );
    let before = count(JIAOYU).await;
    let zhujian = login("zhujian").await;
    let audit_before = f.store.audit_count().await.expect("audit");

    let started = Instant::now();
    let preview = upload(&jiaoyu, "", "教育局目录.csv", &file).await;
    let preview_took = started.elapsed();
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.text());
    let html = preview.text();
    assert!(html.contains("导入预览"));
    assert!(
        html.contains("5001</span><span class=\"tile-label\">数据行"),
        "{html}"
    );
    assert!(html.contains("4997</span><span class=\"tile-label\">可以导入"));
    assert!(
        html.contains("第 12 行</td><td>标题</td><td>不能为空"),
        "{html}"
    );
    assert!(html.contains("第 22 行</td><td>发布日期</td><td>“2024-02-30”日期不存在"));
    assert!(html.contains("第 32 行</td><td>类别</td><td>“不存在的类别”不是条例第二十条"));
    assert!(html.contains(&format!(
        "第 5002 行</td><td>索引号</td><td>“{existing}”已存在于系统中"
    )));
    assert!(html.contains("确认导入 4997 条"));
    assert_eq!(count(JIAOYU).await, before, "the preview writes nothing");
    let token = hidden(&html, "token");
    assert_eq!(token.len(), 64, "{token}");

    // Another user's session cannot confirm it.
    let stolen = post_form(
        &zhujian,
        "/staff/items/import/confirm",
        &[("token", &token)],
    )
    .await;
    assert_eq!(stolen.status, StatusCode::CONFLICT);
    assert!(stolen.text().contains("导入预览已失效"));

    let started = Instant::now();
    let done = post_form(&jiaoyu, "/staff/items/import/confirm", &[("token", &token)]).await;
    let confirm_took = started.elapsed();
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text());
    assert_eq!(
        done.location(),
        "/staff/items/import?inserted=4997&skipped=0&invalid=4"
    );
    eprintln!(
        "5,000 rows via the web: preview {:.2} s, confirm {:.2} s ({:.0} rows/s)",
        preview_took.as_secs_f64(),
        confirm_took.as_secs_f64(),
        4997.0 / confirm_took.as_secs_f64()
    );
    assert_eq!(count(JIAOYU).await, before + 4997);
    let message = get(&jiaoyu, &done.location()).await.text();
    assert!(message.contains("已导入 4997 条信息并发布到门户；4 行有错误未导入。"));

    // Confirming twice imports once.
    let again = post_form(&jiaoyu, "/staff/items/import/confirm", &[("token", &token)]).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(count(JIAOYU).await, before + 4997);

    // One audit entry for the whole import; none for the preview or the refusals.
    assert_eq!(
        f.store.audit_count().await.expect("audit"),
        audit_before + 1
    );

    // The item is stored as given, published, and searchable.
    let item = f
        .store
        .catalog_item("IMP5K/2024-00007")
        .await
        .expect("read")
        .expect("imported");
    assert_eq!(item.title, "海盐县教育局关于导入测试第7号的通知");
    assert_eq!(item.status, ItemStatus::Published);
    assert_eq!(item.written_on.unwrap().to_string(), "2024-03-08");
    assert_eq!(item.body, "第一段：导入测试正文。\r\n第二段，包含逗号。");
    let found = f
        .index
        .search(&SearchQuery {
            doc_number: Some("导测〔2024〕".into()),
            ..SearchQuery::default()
        })
        .expect("search");
    assert_eq!(found.total, 4997);
    let portal = send(
        Request::get(format!("/agencies/{JIAOYU}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(portal.status, StatusCode::OK);
}

#[tokio::test]
async fn an_xlsx_upload_is_read_from_its_first_sheet() {
    let _serial = SERIAL.lock().await;
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    for (i, h) in ["标题", "发布日期", "类别", "索引号"].iter().enumerate() {
        sheet.write_string(0, i as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "Excel 导入的一条信息").unwrap();
    sheet.write_number(1, 1, 45356.0).unwrap();
    sheet.write_string(1, 2, "统计信息").unwrap();
    sheet.write_string(1, 3, "XLSX/2024-00001").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let jiaoyu = login("jiaoyu").await;
    let preview = upload(&jiaoyu, "", "目录.xlsx", &bytes).await;
    assert_eq!(preview.status, StatusCode::OK);
    let html = preview.text();
    assert!(html.contains("Excel 工作簿（第一个工作表）"));
    assert!(html.contains("XLSX/2024-00001"));
    assert!(html.contains("2024-03-05"));
}

#[tokio::test]
async fn unreadable_files_are_explained_on_the_upload_page() {
    let _serial = SERIAL.lock().await;
    let jiaoyu = login("jiaoyu").await;
    let pdf = upload(&jiaoyu, "", "目录.pdf", b"%PDF-1.7 not a catalog").await;
    assert_eq!(pdf.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        pdf.text()
            .contains("目录.pdf：不是 CSV 或 XLSX 文件（这是 PDF 文件）")
    );
    let header = upload(&jiaoyu, "", "a.csv", "标题,正文\n一,二\n".as_bytes()).await;
    assert_eq!(header.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(header.text().contains("表头缺少必填列：“发布日期”、“类别”"));
    let all_bad = upload(
        &jiaoyu,
        "",
        "a.csv",
        "标题,发布日期,类别\n,2024-01-01,统计信息\n".as_bytes(),
    )
    .await;
    assert_eq!(all_bad.status, StatusCode::OK);
    let html = all_bad.text();
    assert!(html.contains("文件中没有可以导入的行"));
    assert!(!html.contains("name=\"token\""));
    let empty = upload(&jiaoyu, "", "a.csv", b"").await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.text().contains("请选择要导入的 CSV 或 Excel 文件"));
    // The path a browser may send is reduced to the file name, escaped.
    let named = upload(
        &jiaoyu,
        "",
        "C:\\x\\<b>目录.csv",
        "标题,发布日期,类别\n一,2024-01-01,统计信息\n".as_bytes(),
    )
    .await;
    let html = named.text();
    assert!(html.contains("b&#62;目录.csv"), "{html}");
    assert!(!html.contains("<b>目录") && !html.contains("C:\\x"));
}

#[tokio::test]
async fn roles_and_agencies() {
    let _serial = SERIAL.lock().await;
    for who in ["zhengwu", "shenyue"] {
        let session = login(who).await;
        assert_eq!(
            get(&session, "/staff/items/import").await.status,
            StatusCode::FORBIDDEN,
            "{who}"
        );
        let answer = upload(
            &session,
            "",
            "a.csv",
            "标题,发布日期,类别\n一,2024-01-01,统计信息\n".as_bytes(),
        )
        .await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{who}");
        assert_eq!(
            get(&session, "/staff/items/import/template.xlsx")
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
    // An officer cannot import for another agency, nor name it in a row.
    let jiaoyu = login("jiaoyu").await;
    let other = upload(
        &jiaoyu,
        ZHUJIAN,
        "a.csv",
        "标题,发布日期,类别\n一,2024-01-01,统计信息\n".as_bytes(),
    )
    .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    let named = upload(
        &jiaoyu,
        "",
        "a.csv",
        "标题,发布日期,类别,发布机构\n一,2024-01-01,统计信息,海盐县住房和城乡建设局\n".as_bytes(),
    )
    .await;
    assert!(
        named
            .text()
            .contains("“海盐县住房和城乡建设局”不是本次可导入的机构")
    );
    // An administrator chooses any agency; rows may name others.
    let admin = login("admin").await;
    let page = get(&admin, "/staff/items/import").await.text();
    assert!(page.contains("<select id=\"imp-agency\" name=\"agency\""));
    let before = count(ZHUJIAN).await;
    let preview = upload(
        &admin,
        ZHUJIAN,
        "a.csv",
        "标题,发布日期,类别,发布机构\n住建局的一条,2024-01-01,统计信息,\n教育局的一条,2024-01-01,统计信息,海盐县教育局\n".as_bytes(),
    )
    .await;
    assert_eq!(preview.status, StatusCode::OK);
    let html = preview.text();
    assert!(html.contains("确认导入 2 条"), "{html}");
    let token = hidden(&html, "token");
    let done = post_form(&admin, "/staff/items/import/confirm", &[("token", &token)]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(count(ZHUJIAN).await, before + 1);
}

#[tokio::test]
async fn templates_download_and_read_back() {
    let _serial = SERIAL.lock().await;
    let jiaoyu = login("jiaoyu").await;
    let csv = get(&jiaoyu, "/staff/items/import/template.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.header(header::CONTENT_TYPE), "text/csv; charset=utf-8");
    assert!(
        csv.header(header::CONTENT_DISPOSITION)
            .starts_with("attachment;")
    );
    assert!(csv.body.starts_with("\u{feff}索引号,标题,".as_bytes()));
    let xlsx = get(&jiaoyu, "/staff/items/import/template.xlsx").await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert!(xlsx.body.starts_with(b"PK\x03\x04"));
    let preview = upload(&jiaoyu, "", "模板.xlsx", &xlsx.body).await;
    assert!(preview.text().contains("确认导入 1 条"));
}

#[tokio::test]
async fn uploads_without_the_csrf_token_are_refused() {
    let _serial = SERIAL.lock().await;
    let jiaoyu = login("jiaoyu").await;
    let forged = Session {
        cookie: jiaoyu.cookie.clone(),
        csrf: "forged".into(),
    };
    let before = count(JIAOYU).await;
    let answer = upload(
        &forged,
        "",
        "a.csv",
        "标题,发布日期,类别\n一,2024-01-01,统计信息\n".as_bytes(),
    )
    .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    let confirm = post_form(&forged, "/staff/items/import/confirm", &[("token", "x")]).await;
    assert_eq!(confirm.status, StatusCode::FORBIDDEN);
    assert_eq!(count(JIAOYU).await, before);
}

#[tokio::test]
async fn an_oversize_upload_is_refused_before_parsing() {
    let _serial = SERIAL.lock().await;
    let jiaoyu = login("jiaoyu").await;
    let before = count(JIAOYU).await;
    let mut file = "标题,发布日期,类别\n".as_bytes().to_vec();
    file.resize(22 * 1024 * 1024, b' ');
    let answer = upload(&jiaoyu, "", "big.csv", &file).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(answer.text().contains("提交内容过大"));
    assert_eq!(count(JIAOYU).await, before);
}
