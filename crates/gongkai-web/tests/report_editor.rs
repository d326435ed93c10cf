//! The annual-report editor, its exports and publication, the supervisor's
//! overview and the portal's PDF downloads, through the router (`oneshot`)
//! on a temporary SQLite store seeded with the demo data.
//!
//! Each test works on its own agency/year so that they can run in parallel
//! on the shared fixture.

mod common;

use std::net::SocketAddr;
use std::process::Command;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::staff_client::{Answer, Session, StaffClient, get_request, post_request};
use gongkai_pdf::PdfConverter;
use gongkai_search::SearchIndex;
use gongkai_store::{AgencyKind, NewAgency, Store};
use gongkai_web::{AppState, router};
use tokio::sync::OnceCell;

const JIAOYU: &str = "330424102"; // 海盐县教育局: no demo reports
const ZHUJIAN: &str = "330424107"; // 海盐县住房和城乡建设局: demo draft for 2025
const GOVERNMENT: &str = "330424000";
const OUTSIDE: &str = "330481000"; // not under the demo government

struct Fixture {
    store: Store,
    index: Arc<SearchIndex>,
    /// LibreOffice as installed (None when missing).
    pdf: Arc<PdfConverter>,
    _dir: tempfile::TempDir,
}

static FIXTURE: OnceCell<Fixture> = OnceCell::const_new();

async fn fixture() -> &'static Fixture {
    FIXTURE
        .get_or_init(|| async {
            let dir = tempfile::tempdir().expect("dir");
            let url = format!("sqlite://{}?mode=rwc", dir.path().join("r.db").display());
            let store = Store::open(&url).await.expect("open");
            gongkai_store::demo::seed(&store).await.expect("seed");
            store
                .put_agency(
                    "test",
                    &NewAgency {
                        code: OUTSIDE.into(),
                        name: "海宁市人民政府".into(),
                        kind: AgencyKind::Government,
                        parent_code: None,
                        address: String::new(),
                        phone: String::new(),
                        office_hours: String::new(),
                        sort_order: 99,
                    },
                )
                .await
                .expect("agency");
            let index = SearchIndex::open_or_create(dir.path().join("index")).expect("index");
            Fixture {
                store,
                index: Arc::new(index),
                pdf: Arc::new(PdfConverter::detect()),
                _dir: dir,
            }
        })
        .await
}

/// The app with LibreOffice as installed, sharing one PDF cache.
async fn app() -> Router {
    let f = fixture().await;
    let mut state = AppState::new(f.store.clone(), f.index.clone());
    state.pdf = f.pdf.clone();
    router(state)
}

/// The app as on a server without LibreOffice.
async fn app_without_libreoffice() -> Router {
    let f = fixture().await;
    router(
        AppState::new(f.store.clone(), f.index.clone())
            .with_pdf_converter(PdfConverter::with_program(None)),
    )
}

fn libreoffice_required() -> bool {
    if fixture_pdf_available() {
        return true;
    }
    assert!(
        std::env::var("GONGKAI_SKIP_LIBREOFFICE").as_deref() == Ok("1"),
        "LibreOffice (soffice) is required: install it, or set GONGKAI_SKIP_LIBREOFFICE=1"
    );
    false
}

fn fixture_pdf_available() -> bool {
    PdfConverter::detect().is_available()
}

/// A client of `app` at 10.7.0.1.
fn client_of(app: Router) -> StaffClient {
    StaffClient::new(app).at_peer(SocketAddr::from(([10, 7, 0, 1], 40000)))
}

async fn send_to(app: Router, request: Request<Body>) -> Answer {
    client_of(app).send(request).await
}

async fn send(request: Request<Body>) -> Answer {
    send_to(app().await, request).await
}

async fn login(username: &str) -> Session {
    client_of(app().await).login(username).await
}

async fn get(session: &Session, uri: &str) -> Answer {
    send(get_request(session, uri)).await
}

async fn post(session: &Session, uri: &str, fields: &[(&str, &str)]) -> Answer {
    send(post_request(session, uri, fields)).await
}

/// A complete form of a 2021-format report.
fn full_form<'a>(revision: &'a str, licensing: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("revision", revision),
        ("cell:proactive.licensing.decisions", licensing),
        ("cell:proactive.penalty.decisions", "35"),
        ("cell:proactive.coercion.decisions", "0"),
        ("cell:proactive.fees.amount_wan_yuan", "12.5"),
        ("text:overview_proactive", "全年主动公开政府信息2468条。"),
        ("text:overview_applications", "依法办理政府信息公开申请。"),
        ("text:overview_management", "落实保密审查。"),
        ("text:overview_platform", "完善门户网站专栏。"),
        ("text:overview_supervision", "开展业务培训。"),
        ("text:problems", "政策解读形式单一，将增加图解。"),
        ("text:other_matters", "本年度未收取信息处理费。"),
    ]
}

fn codes(findings: &serde_json::Value) -> Vec<String> {
    findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn an_officer_fills_in_an_empty_year_with_live_and_server_side_findings() {
    let jiaoyu = login("jiaoyu").await;
    let list = get(&jiaoyu, "/staff/reports").await;
    assert_eq!(list.status, StatusCode::OK);
    let text = list.text();
    assert!(text.contains("海盐县教育局") && text.contains("2025年度") && text.contains("未开始"));

    let page = get(&jiaoyu, "/staff/reports/2025").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains("表三、表四由系统根据本机关2025年度登记的依申请公开办件"));
    assert!(
        html.contains("gk-report-table gk-applications"),
        "table 三 in the official layout"
    );
    assert!(
        html.contains("文号含“令”的计为规章"),
        "the catalog mapping is explained"
    );
    assert!(
        html.contains("R9-blank-cell"),
        "blank entered cells are a finding"
    );
    assert!(html.contains("法定公开期限：2026年1月31日"));
    assert!(html.contains("/staff/static/report_editor.js"));
    assert!(html.contains("name=\"text:overview_platform\""));

    // The live check: a blank cell is named with its rule, then fixed.
    let mut blank = full_form("0", "");
    let check = post(&jiaoyu, "/staff/reports/2025/check", &blank).await;
    assert_eq!(check.status, StatusCode::OK);
    let result = check.json();
    assert!(codes(&result["findings"]).contains(&"R9-blank-cell".to_owned()));
    assert!(
        result["html"]
            .as_str()
            .unwrap()
            .contains("行政许可·本年处理决定数量"),
        "the finding names the cell"
    );
    assert!(
        result["flagged_fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "cell:proactive.licensing.decisions")
    );
    blank[1].1 = "120";
    let fixed = post(&jiaoyu, "/staff/reports/2025/check", &blank)
        .await
        .json();
    assert!(
        !codes(&fixed["findings"]).contains(&"R9-blank-cell".to_owned()),
        "{fixed}"
    );

    // A value that is not a number: named, nothing saved, the input kept.
    let bad = full_form("0", "十二");
    let check = post(&jiaoyu, "/staff/reports/2025/check", &bad)
        .await
        .json();
    assert_eq!(
        check["input_errors"][0]["field"],
        "cell:proactive.licensing.decisions"
    );
    let rejected = post(&jiaoyu, "/staff/reports/2025", &bad).await;
    assert_eq!(rejected.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = rejected.text();
    assert!(html.contains("草稿未保存") && html.contains("value=\"十二\""));
    assert!(html.contains("aria-invalid=\"true\""));
    let store = &fixture().await.store;
    assert_eq!(store.report_draft(JIAOYU, 2025).await.unwrap(), None);

    // A valid save: stored, audited, redirected back with a notice.
    let saved = post(&jiaoyu, "/staff/reports/2025", &full_form("0", "120")).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());
    assert_eq!(saved.location(), "/staff/reports/2025?saved=1");
    let draft = store.report_draft(JIAOYU, 2025).await.unwrap().unwrap();
    assert_eq!(draft.revision, 1);
    assert_eq!(draft.updated_by, "jiaoyu");
    let page = get(&jiaoyu, "/staff/reports/2025?saved=1").await.text();
    assert!(page.contains("草稿已保存（第1版）"));
    assert!(!page.contains("R9-blank-cell"));
    assert_eq!(
        store
            .audit_entries("report_draft", &format!("{JIAOYU}/2025"))
            .await
            .unwrap()
            .len(),
        1
    );

    // A save from a page opened before that save is refused.
    let stale = post(&jiaoyu, "/staff/reports/2025", &full_form("0", "121")).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(stale.text().contains("已被他人修改"));

    // Preview and exports of the draft.
    let preview = get(&jiaoyu, "/staff/reports/2025/preview").await;
    assert!(
        preview
            .text()
            .contains("海盐县教育局2025年政府信息公开工作年度报告")
    );
    assert!(preview.text().contains("全年主动公开政府信息2468条"));
    for ext in ["docx", "xlsx"] {
        let file = get(&jiaoyu, &format!("/staff/reports/2025/export/{ext}")).await;
        assert_eq!(file.status, StatusCode::OK, "{ext}");
        assert!(file.body.starts_with(b"PK"), "{ext}");
    }
    assert_eq!(
        get(&jiaoyu, "/staff/reports/2025/export/exe").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&jiaoyu, "/staff/reports/20x5").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&jiaoyu, "/staff/reports/2999").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn another_agencys_officer_gets_404_and_roles_are_enforced() {
    let zhujian = login("zhujian").await;
    let other = format!("/staff/reports/2025?agency={JIAOYU}");
    assert_eq!(get(&zhujian, &other).await.status, StatusCode::NOT_FOUND);
    for uri in [
        format!("/staff/reports/2025/preview?agency={JIAOYU}"),
        format!("/staff/reports/2025/export/docx?agency={JIAOYU}"),
        format!("/staff/reports?agency={JIAOYU}"),
    ] {
        assert_eq!(
            get(&zhujian, &uri).await.status,
            StatusCode::NOT_FOUND,
            "{uri}"
        );
    }
    let save = post(&zhujian, &other, &full_form("0", "1")).await;
    assert_eq!(save.status, StatusCode::NOT_FOUND);
    let publish = post(
        &zhujian,
        &format!("/staff/reports/2025/publish?agency={JIAOYU}"),
        &[("revision", "1"), ("ack_late", "1")],
    )
    .await;
    assert_eq!(publish.status, StatusCode::NOT_FOUND);
    // The officer's own demo draft opens.
    let own = get(&zhujian, "/staff/reports/2025").await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.text().contains("草稿") && own.text().contains("1286"));
    assert_eq!(
        get(&zhujian, "/staff/reports/overview").await.status,
        StatusCode::FORBIDDEN
    );

    let shenyue = login("shenyue").await;
    assert_eq!(
        get(&shenyue, "/staff/reports").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get(&shenyue, "/staff/reports/2025").await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_supervisor_reads_subordinate_reports_but_cannot_edit() {
    let zhengwu = login("zhengwu").await;
    let uri = format!("/staff/reports/2025?agency={ZHUJIAN}");
    let page = get(&zhengwu, &uri).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains("只能查看，不能修改或发布"));
    assert!(html.contains("disabled"));
    assert!(
        !html.contains("report_editor.js"),
        "no live check for read-only pages"
    );
    let save = post(&zhengwu, &uri, &full_form("1", "5")).await;
    assert_eq!(save.status, StatusCode::FORBIDDEN);
    let check = post(
        &zhengwu,
        &format!("/staff/reports/2025/check?agency={ZHUJIAN}"),
        &full_form("1", "5"),
    )
    .await;
    assert_eq!(check.status, StatusCode::FORBIDDEN);
    let publish = post(
        &zhengwu,
        &format!("/staff/reports/2025/publish?agency={ZHUJIAN}"),
        &[("revision", "1"), ("ack_late", "1")],
    )
    .await;
    assert_eq!(publish.status, StatusCode::FORBIDDEN);
    let draft = fixture()
        .await
        .store
        .report_draft(ZHUJIAN, 2025)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(draft.revision, 1, "nothing was written");
    // Outside the government's tree: 404.
    assert_eq!(
        get(&zhengwu, &format!("/staff/reports/2025?agency={OUTSIDE}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let list = get(&zhengwu, &format!("/staff/reports?agency={ZHUJIAN}")).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.text().contains("（只读）"));
}

#[tokio::test]
async fn publishing_after_the_deadline_warns_is_recorded_and_reaches_the_portal() {
    let jiaoyu = login("jiaoyu").await;
    let store = &fixture().await.store;
    assert_eq!(
        post(&jiaoyu, "/staff/reports/2024", &full_form("0", "77"))
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let page = get(&jiaoyu, "/staff/reports/2024").await.text();
    assert!(
        page.contains("已超过法定公开期限（2025年1月31日）"),
        "the warning is shown"
    );
    assert!(page.contains("name=\"ack_late\""));

    let refused = post(&jiaoyu, "/staff/reports/2024/publish", &[("revision", "1")]).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.text().contains("请勾选“我已知晓逾期，仍然发布”"));
    assert_eq!(store.report(JIAOYU, 2024).await.unwrap(), None);

    let stale = post(
        &jiaoyu,
        "/staff/reports/2024/publish",
        &[("revision", "7"), ("ack_late", "1")],
    )
    .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(stale.text().contains("草稿已更新为第1版"));

    let published = post(
        &jiaoyu,
        "/staff/reports/2024/publish",
        &[("revision", "1"), ("ack_late", "1")],
    )
    .await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.text()
    );
    assert_eq!(published.location(), "/staff/reports/2024?published=1");
    let notice = get(&jiaoyu, "/staff/reports/2024?published=1").await.text();
    assert!(
        notice.contains("发布到门户网站（逾期发布，已记录）"),
        "{notice}"
    );
    let stored = store.report(JIAOYU, 2024).await.unwrap().unwrap();
    assert!(stored.published_at.is_some());
    assert!(
        store
            .report_draft(JIAOYU, 2024)
            .await
            .unwrap()
            .unwrap()
            .published_late
    );

    // On the portal, with the figures entered.
    let (portal, _) = {
        let a = send(
            Request::get(format!("/agencies/{JIAOYU}/reports/2024"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        (a.text(), a.status)
    };
    assert!(portal.contains("全年主动公开政府信息2468条"));
    assert!(portal.contains(">77<"), "the licensing figure");

    // Republishing keeps the earlier version in the audit log.
    assert_eq!(
        post(&jiaoyu, "/staff/reports/2024", &full_form("1", "78"))
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let again = post(
        &jiaoyu,
        "/staff/reports/2024/publish",
        &[("revision", "2"), ("ack_late", "1")],
    )
    .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    let log = store
        .audit_entries("annual_report", &format!("{JIAOYU}/2024"))
        .await
        .unwrap();
    let publishes: Vec<_> = log
        .iter()
        .filter(|e| e.action == "report.publish")
        .collect();
    assert_eq!(publishes.len(), 2);
    assert_eq!(publishes[1].after.as_ref().unwrap()["late"], true);
    let before = &publishes[1].before.as_ref().unwrap()["report"];
    assert_eq!(
        before["proactive"]["licensing"]["decisions"], 77,
        "{before}"
    );
    let history = get(&jiaoyu, "/staff/reports/2024").await.text();
    assert!(history.contains("重新发布（原版本存于审计日志），逾期"));
    assert!(history.contains("保存草稿第2版"));
}

#[tokio::test]
async fn publishing_before_the_deadline_is_on_time() {
    // The store's clock set to 20 January 2025: 2024's department reports are due on the 31st.
    let f = fixture().await;
    let today = chrono::NaiveDate::from_ymd_opt(2025, 1, 20).unwrap();
    let dated = || {
        router(
            AppState::new(f.store.clone().with_today(today), f.index.clone())
                .with_pdf_converter(PdfConverter::with_program(None)),
        )
    };
    let zhujian = login("zhujian").await;
    let saved = send_to(
        dated(),
        post_request(&zhujian, "/staff/reports/2024", &full_form("0", "5")),
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());
    let page = send_to(dated(), get_request(&zhujian, "/staff/reports/2024"))
        .await
        .text();
    assert!(page.contains("法定公开期限：2025年1月31日"));
    assert!(!page.contains("已超过法定公开期限"));
    assert!(!page.contains("name=\"ack_late\""));
    assert!(!page.contains("下载PDF"), "no PDF link without LibreOffice");
    let published = send_to(
        dated(),
        post_request(
            &zhujian,
            "/staff/reports/2024/publish",
            &[("revision", "1")],
        ),
    )
    .await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.text()
    );
    let draft = f.store.report_draft(ZHUJIAN, 2024).await.unwrap().unwrap();
    assert!(draft.published_at.is_some() && !draft.published_late);
    let page = send_to(
        dated(),
        get_request(&zhujian, "/staff/reports/2024?published=1"),
    )
    .await
    .text();
    assert!(page.contains("发布到门户网站。"), "no lateness noted");
    assert!(page.contains("已发布到门户网站。修改并保存草稿后，可重新发布"));
    // A year after the store's today is not offered.
    let future = send_to(dated(), get_request(&zhujian, "/staff/reports/2026")).await;
    assert_eq!(future.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_report_with_validation_errors_is_not_published() {
    let jiaoyu = login("jiaoyu").await;
    // 2020 uses the 2019 format: 上一年项目数量 1 with 本年增/减 -5 is an error (R8).
    let mut form = vec![("revision", "0")];
    let fields = [
        ("cell:proactive.licensing.previous_items", "3"),
        ("cell:proactive.licensing.change", "+1"),
        ("cell:proactive.licensing.decisions", "9"),
        ("cell:proactive.other_management.previous_items", "0"),
        ("cell:proactive.other_management.change", "0"),
        ("cell:proactive.other_management.decisions", "0"),
        ("cell:proactive.penalty.previous_items", "2"),
        ("cell:proactive.penalty.change", "0"),
        ("cell:proactive.penalty.decisions", "4"),
        ("cell:proactive.coercion.previous_items", "0"),
        ("cell:proactive.coercion.change", "0"),
        ("cell:proactive.coercion.decisions", "0"),
        ("cell:proactive.fees.previous_items", "1"),
        ("cell:proactive.fees.change", "-5"),
        ("cell:proactive.procurement.items", "2"),
        ("cell:proactive.procurement.amount_yuan", "150000"),
    ];
    form.extend_from_slice(&fields);
    let saved = post(&jiaoyu, "/staff/reports/2020", &form).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());
    let page = get(&jiaoyu, "/staff/reports/2020").await.text();
    assert!(page.contains("R8-items-negative"));
    assert!(page.contains("报告存在校验错误，不能发布"));
    let refused = post(
        &jiaoyu,
        "/staff/reports/2020/publish",
        &[("revision", "1"), ("ack_late", "1")],
    )
    .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.text().contains("校验错误，不能发布"));
    assert_eq!(
        fixture().await.store.report(JIAOYU, 2020).await.unwrap(),
        None
    );
}

#[tokio::test]
async fn the_overview_shows_every_agency_and_the_summed_report() {
    let zhengwu = login("zhengwu").await;
    let page = get(&zhengwu, "/staff/reports/overview?year=2025").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains("海盐县人民政府及所属部门、乡镇（街道）"));
    assert!(html.contains("尚未提交"));
    assert!(html.contains("海盐县住房和城乡建设局"));
    assert!(html.contains("rep-st-draft"), "住建局's demo draft");
    assert!(html.contains("已发布"));
    assert!(html.contains("汇总报告"));
    assert!(
        html.contains("gk-report-table gk-applications"),
        "the aggregate in the official layout"
    );
    assert!(html.contains(&format!("/staff/reports/2025?agency={ZHUJIAN}")));
    // Not-submitted agencies are listed before the published ones.
    let missing = html.find("rep-st-none\">未提交").unwrap();
    let published = html.find("rep-st-published\">已发布").unwrap();
    assert!(missing < published);

    let docx = get(&zhengwu, "/staff/reports/overview/export/docx?year=2025").await;
    assert_eq!(docx.status, StatusCode::OK);
    assert!(docx.body.starts_with(b"PK"));
    let xlsx = get(&zhengwu, "/staff/reports/overview/export/xlsx?year=2025").await;
    assert!(xlsx.body.starts_with(b"PK"));
    assert_eq!(
        get(&zhengwu, &format!("/staff/reports/overview?gov={OUTSIDE}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&zhengwu, "/staff/reports/overview?year=abc")
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    let admin = login("admin").await;
    let other = get(
        &admin,
        &format!("/staff/reports/overview?gov={OUTSIDE}&year=2025"),
    )
    .await;
    assert_eq!(other.status, StatusCode::OK);
    assert!(other.text().contains("海宁市人民政府及所属部门"));
    assert_eq!(
        get(&admin, &format!("/staff/reports/overview?gov={JIAOYU}"))
            .await
            .status,
        StatusCode::NOT_FOUND,
        "a department is not a government"
    );
}

fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[tokio::test]
async fn pdf_downloads_where_libreoffice_is_installed_and_a_clear_503_where_not() {
    // Without LibreOffice: no link, and the URL explains.
    let page = send_to(
        app_without_libreoffice().await,
        Request::get(format!("/agencies/{GOVERNMENT}/reports/2024"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.text().contains("2024.pdf"));
    assert!(page.text().contains("2024.docx"));
    let missing = send_to(
        app_without_libreoffice().await,
        Request::get(format!("/agencies/{GOVERNMENT}/reports/2024.pdf"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(missing.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(missing.text().contains("未安装 LibreOffice"));

    if !libreoffice_required() {
        return;
    }
    let page = send(
        Request::get(format!("/agencies/{GOVERNMENT}/reports/2024"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(
        page.text()
            .contains(&format!("/agencies/{GOVERNMENT}/reports/2024.pdf"))
    );
    let started = std::time::Instant::now();
    let pdf = send(
        Request::get(format!("/agencies/{GOVERNMENT}/reports/2024.pdf"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let first = started.elapsed();
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.headers[header::CONTENT_TYPE], "application/pdf");
    assert!(pdf.body.starts_with(b"%PDF"));
    let text = pdf_text(&pdf.body);
    assert!(
        text.contains("海盐县人民政府2024年政府信息公开工作年度报告"),
        "{text}"
    );
    let stored = fixture()
        .await
        .store
        .report(GOVERNMENT, 2024)
        .await
        .unwrap()
        .unwrap();
    let received = stored
        .report
        .value(gongkai_domain::CellKey::Application(
            gongkai_domain::report::ApplicationRow::NewReceived,
            gongkai_domain::report::ApplicantColumn::Total,
        ))
        .unwrap()
        .to_string();
    assert!(
        text.contains(&received),
        "the figure {received} is in the PDF"
    );
    let started = std::time::Instant::now();
    let again = send(
        Request::get(format!("/agencies/{GOVERNMENT}/reports/2024.pdf"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(again.body, pdf.body);
    assert!(
        started.elapsed() * 4 < first,
        "cached: {:?} vs {first:?}",
        started.elapsed()
    );

    // The editor's PDF of a draft.
    let zhujian = login("zhujian").await;
    let draft_pdf = get(&zhujian, "/staff/reports/2025/export/pdf").await;
    assert_eq!(draft_pdf.status, StatusCode::OK);
    let text = pdf_text(&draft_pdf.body);
    assert!(text.contains("海盐县住房和城乡建设局2025年政府信息公开工作年度报告"));
    assert!(text.contains("1286"), "the entered licensing figure");
}
