//! The staff dashboards: the figures on the page recounted independently
//! from the demo data (the applications listed one by one, each with its
//! case status from the deadline engine), the scope of every role, the
//! year and agency filters, and the ECharts assets (gzip, content hash,
//! licence).

mod common;

use std::io::Read as _;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::Datelike;
use common::demo_site::{DemoSite, IndexPlace};
use common::staff_client::{Answer, Session, StaffClient};
use gongkai_domain::deadline::DeadlineKind;
use gongkai_store::{Application, ApplicationFilter, Store};
use serde_json::Value;
use tokio::sync::OnceCell;

const JIAOYU: &str = "330424102"; // 海盐县教育局 (officer jiaoyu)
const ZHUJIAN: &str = "330424107"; // 海盐县住房和城乡建设局 (officer zhujian)

static FIXTURE: OnceCell<DemoSite> = OnceCell::const_new();

async fn fixture() -> &'static DemoSite {
    FIXTURE
        .get_or_init(|| DemoSite::seeded("dash.db", IndexPlace::OnDisk))
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

/// Signs in a demo login through the form; its session cookie.
async fn login(username: &str) -> String {
    client().await.login(username).await.cookie
}

/// `GET uri` with `cookie` (none when empty).
async fn get(cookie: &str, uri: &str) -> Answer {
    let session = Session {
        cookie: cookie.to_owned(),
        csrf: String::new(),
    };
    client().await.get(&session, uri).await
}

/// The value of the headline figure labelled `label`.
fn figure(html: &str, label: &str) -> String {
    let marker = format!("</span><span class=\"tile-label\">{label}</span>");
    let before = html.split(&marker).next().expect("figure present");
    before
        .rsplit("<span class=\"tile-value\">")
        .next()
        .expect("value")
        .to_owned()
}

/// The chart options embedded in the page.
fn chart_options(html: &str) -> Value {
    let json = html
        .split("<script type=\"application/json\" id=\"dash-options\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("options block");
    serde_json::from_str(json).expect("valid JSON")
}

/// The sum of every data point of every series of a chart.
fn series_total(option: &Value, series_type: &str) -> u64 {
    option["series"]
        .as_array()
        .expect("series")
        .iter()
        .filter(|s| s["type"] == series_type)
        .flat_map(|s| s["data"].as_array().cloned().unwrap_or_default())
        .map(|v| v.as_u64().or_else(|| v["value"].as_u64()).unwrap_or(0))
        .sum()
}

/// Every application of `agency`, listed through the ordinary list query.
async fn applications_of(store: &Store, agency: &str) -> Vec<Application> {
    let mut all = Vec::new();
    let mut page = 1;
    loop {
        let listing = store
            .list_applications(&ApplicationFilter {
                agency_code: Some(agency.into()),
                page,
                per_page: 500,
                ..ApplicationFilter::default()
            })
            .await
            .expect("list");
        let n = listing.items.len();
        all.extend(listing.items);
        if n < 500 {
            return all;
        }
        page += 1;
    }
}

#[tokio::test]
async fn an_officers_figures_match_a_recount_of_its_applications() {
    let store = &fixture().await.store;
    let year = store.today().year();
    let apps: Vec<Application> = applications_of(store, JIAOYU)
        .await
        .into_iter()
        .filter(|a| a.received_on.year() == year)
        .collect();
    assert!(
        apps.len() >= 10,
        "the demo gives 教育局 applications this year"
    );
    let mut per_month = [0u64; 12];
    let (mut closed, mut overdue) = (0u64, 0u64);
    for app in &apps {
        per_month[app.received_on.month0() as usize] += 1;
        if app.closed_on.is_some() {
            closed += 1;
        }
        let status = store.case_status(app.id).await.expect("status");
        if status
            .deadline(DeadlineKind::Answer)
            .is_some_and(|d| d.overdue)
        {
            overdue += 1;
        }
    }
    let received = apps.len() as u64;

    let cookie = login("jiaoyu").await;
    let page = get(&cookie, "/staff/dashboard").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    let html = page.text();
    assert!(html.contains("海盐县教育局") && html.contains(&format!("{year}年收到")));
    assert_eq!(figure(&html, "收到申请"), received.to_string());
    assert!(
        html.contains(&format!("已办结{closed}件，未办结{}件", received - closed)),
        "closed {closed} of {received}"
    );
    assert!(
        html.contains(&format!("逾期答复或超期未办结{overdue}件")),
        "overdue {overdue}"
    );
    assert!(!html.contains("各机关对比"), "an officer sees one agency");
    assert!(
        !html.contains("id=\"d-agency\""),
        "and has no agency filter"
    );

    let options = chart_options(&html);
    assert_eq!(series_total(&options["dash-monthly"], "bar"), received);
    let monthly: Vec<u64> = (0..12)
        .map(|m| {
            options["dash-monthly"]["series"]
                .as_array()
                .expect("series")
                .iter()
                .map(|s| s["data"][m].as_u64().unwrap_or(0))
                .sum()
        })
        .collect();
    assert_eq!(monthly, per_month);
    assert_eq!(series_total(&options["dash-outcomes"], "pie"), closed);
    assert_eq!(
        series_total(&options["dash-overdue"], "bar"),
        overdue,
        "late answers + open overdue"
    );
    // The data tables carry the same totals for readers without JavaScript.
    assert!(html.contains("<th scope=\"row\">全年</th>"));
    assert!(html.contains("<details class=\"dash-data\" open>"));
    assert!(html.contains(&format!("<td class=\"num\">{received}</td></tr>")));

    // The channel stacking gives the same months.
    let by_channel = get(
        &cookie,
        &format!("/staff/dashboard?year={year}&stack=channel"),
    )
    .await;
    assert_eq!(by_channel.status, StatusCode::OK);
    let channel_options = chart_options(&by_channel.text());
    assert_eq!(
        series_total(&channel_options["dash-monthly"], "bar"),
        received
    );
    assert!(by_channel.text().contains("按申请渠道"));
}

#[tokio::test]
async fn an_officer_cannot_pick_another_agency() {
    let cookie = login("zhujian").await;
    let own = get(&cookie, &format!("/staff/dashboard?agency={ZHUJIAN}")).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.text().contains("海盐县住房和城乡建设局"));
    for agency in [JIAOYU, "330424000", "no-such-agency"] {
        let other = get(&cookie, &format!("/staff/dashboard?agency={agency}")).await;
        assert_eq!(other.status, StatusCode::NOT_FOUND, "{agency}");
        let html = other.text();
        assert!(html.contains("找不到该机关，或您无权查看。"), "{agency}");
        assert!(!html.contains("海盐县教育局") && !html.contains("dash-options"));
    }
}

#[tokio::test]
async fn a_supervisor_compares_its_agencies_and_filters_one() {
    let store = &fixture().await.store;
    let year = store.today().year();
    let jiaoyu_count = applications_of(store, JIAOYU)
        .await
        .iter()
        .filter(|a| a.received_on.year() == year)
        .count();
    let cookie = login("zhengwu").await;
    let all = get(&cookie, "/staff/dashboard").await;
    assert_eq!(all.status, StatusCode::OK);
    let html = all.text();
    assert!(html.contains("各机关对比") && html.contains("id=\"d-agency\""));
    let options = chart_options(&html);
    let names = options["dash-agencies"]["yAxis"]["data"]
        .as_array()
        .expect("agency names");
    assert!(names.iter().any(|n| n == "海盐县教育局"));
    assert_eq!(
        series_total(&options["dash-agencies"], "bar")
            - options["dash-agencies"]["series"][1]["data"]
                .as_array()
                .expect("overdue")
                .iter()
                .filter_map(Value::as_u64)
                .sum::<u64>(),
        figure(&html, "收到申请").parse::<u64>().expect("number"),
        "the agencies' receipts add up to the total"
    );
    let one = get(&cookie, &format!("/staff/dashboard?agency={JIAOYU}")).await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(figure(&one.text(), "收到申请"), jiaoyu_count.to_string());
    assert!(!one.text().contains("各机关对比"));
    assert_eq!(
        get(&cookie, "/staff/dashboard?agency=330481999")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn roles_without_cases_and_strangers_are_refused() {
    let reviewer = login("shenyue").await;
    let refused = get(&reviewer, "/staff/dashboard").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.text().contains("无权访问"));
    let anonymous = get("", "/staff/dashboard?year=2025").await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert!(
        anonymous
            .header(header::LOCATION)
            .starts_with("/staff/login?next=")
    );
    let admin = login("admin").await;
    let page = get(&admin, "/staff/dashboard").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("全部机关") && page.text().contains("各机关对比"));
}

#[tokio::test]
async fn a_bad_year_is_named() {
    let cookie = login("jiaoyu").await;
    for year in ["abc", "1999", "2025-01"] {
        let page = get(&cookie, &format!("/staff/dashboard?year={year}")).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{year}");
        assert!(
            page.text().contains(&format!("统计年度“{year}”无效")),
            "{year}"
        );
    }
}

#[tokio::test]
async fn echarts_is_served_compressed_under_a_content_hash_with_its_licence() {
    let cookie = login("jiaoyu").await;
    let html = get(&cookie, "/staff/dashboard").await.text();
    let src = |stem: &str| {
        html.split(&format!("<script src=\"/staff/static/{stem}-"))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .map(|rest| format!("/staff/static/{stem}-{rest}"))
            .expect("script tag")
    };
    let echarts = src("echarts");
    assert!(echarts.ends_with(".js") && echarts.len() > "/staff/static/echarts-.js".len() + 8);
    // No inline script: the CSP allows only same-origin files.
    assert_eq!(html.matches("<script>").count(), 0);

    let gz = send(
        Request::get(&echarts)
            .header(header::ACCEPT_ENCODING, "gzip, deflate, br")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(gz.status, StatusCode::OK);
    assert_eq!(gz.header(header::CONTENT_ENCODING), "gzip");
    assert!(gz.header(header::CACHE_CONTROL).contains("immutable"));
    assert!(
        gz.header(header::CONTENT_TYPE)
            .starts_with("text/javascript")
    );
    let mut unpacked = String::new();
    flate2::read::GzDecoder::new(&gz.body[..])
        .read_to_string(&mut unpacked)
        .expect("gzip");
    assert_eq!(unpacked, gongkai_echarts::ECHARTS_MIN_JS);
    assert!(gz.body.len() * 2 < unpacked.len(), "compressed");

    let plain = send(Request::get(&echarts).body(Body::empty()).expect("request")).await;
    assert_eq!(plain.status, StatusCode::OK, "public, without a session");
    assert!(plain.header(header::CONTENT_ENCODING).is_empty());
    assert_eq!(plain.body.len(), gongkai_echarts::ECHARTS_MIN_JS.len());

    let script = send(
        Request::get(src("dashboard"))
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(script.status, StatusCode::OK);
    assert!(script.text().contains("echarts.init"));

    assert!(html.contains("/staff/static/echarts-LICENSE.txt"));
    let licence = get("", "/staff/static/echarts-LICENSE.txt").await;
    assert_eq!(licence.status, StatusCode::OK);
    assert!(licence.text().contains("The Apache Software Foundation"));
    assert!(licence.text().contains("Apache License"));
}
