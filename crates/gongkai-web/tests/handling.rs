//! Case handling in the back office: transfer and reopening from the case
//! page, paper applications registered at `/staff/cases/new`, reconsideration
//! and litigation records, the reminders page, staff e-mail addresses, and the
//! daily digest sent to a local SMTP sink. Every new route is tried as an
//! officer of another agency (404), a supervisor (reads only) and a reviewer
//! (no cases).
//!
//! Runs the router with `oneshot` on a temporary SQLite store seeded with the
//! demo data plus applications of its own.

mod common;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::http::StatusCode;
use chrono::Duration;
use common::casework::register;
use common::multipart::{Multipart, application_form};
use common::staff_client::{Answer, Session, StaffClient};
use gongkai_domain::casework::{ReviewKind, ReviewResult};
use gongkai_domain::deadline::{ProcedureEvent, ReceiptChannel};
use gongkai_mail::sink::SmtpSink;
use gongkai_mail::{DailyTime, SmtpSettings};
use gongkai_store::{DeliveryForm, NewReviewCase, NewStaffUser, StaffRole, Store, hash_password};
use gongkai_web::{
    AppState, DigestMode, DigestOutcome, ReminderSettings, SearchIndex, router, send_digests,
};
use tokio::sync::OnceCell;

const EDUCATION: &str = "330424102"; // 海盐县教育局 (officer jiaoyu)
const HOUSING: &str = "330424107"; // 海盐县住房和城乡建设局 (officer zhujian)
const BOUNDARY: &str = "----gongkai-handling-test";

struct Fixture {
    store: Store,
    index: Arc<SearchIndex>,
    /// An open 教育局 case used for the refusals.
    open_case: i64,
    /// A review case about `open_case`.
    dispute: i64,
    /// An overdue 教育局 case (received 40 days ago).
    overdue_case: i64,
    _dir: tempfile::TempDir,
}

static FIXTURE: OnceCell<Fixture> = OnceCell::const_new();

async fn fixture() -> &'static Fixture {
    FIXTURE
        .get_or_init(|| async {
            let dir = tempfile::tempdir().expect("dir");
            let url = format!(
                "sqlite://{}?mode=rwc",
                dir.path().join("handling.db").display()
            );
            let store = Store::open(&url).await.expect("open");
            gongkai_store::demo::seed(&store).await.expect("seed");
            store
                .create_staff_user(
                    "test",
                    &NewStaffUser {
                        agency_code: EDUCATION.into(),
                        username: "hdmail".into(),
                        display_name: "邮箱测试".into(),
                        role: StaffRole::Officer,
                        password_hash: Some(hash_password("test-password-1").expect("hash")),
                    },
                )
                .await
                .expect("user");
            let open_case = register(&store, EDUCATION, "甲申请人", 2).await;
            let overdue_case = register(&store, EDUCATION, "逾期申请人", 40).await;
            let dispute = store
                .add_review_case(
                    "test",
                    &NewReviewCase {
                        application_id: open_case,
                        kind: ReviewKind::Reconsideration,
                        case_number: "海政复〔2026〕99号".into(),
                        filed_on: store.today() - Duration::days(1),
                        decided_on: None,
                        result: ReviewResult::Pending,
                    },
                )
                .await
                .expect("dispute")
                .id;
            let index = SearchIndex::open_or_create(dir.path().join("index")).expect("index");
            Fixture {
                store,
                index: Arc::new(index),
                open_case,
                dispute,
                overdue_case,
                _dir: dir,
            }
        })
        .await
}

async fn app() -> Router {
    let f = fixture().await;
    router(AppState::new(f.store.clone(), f.index.clone()))
}

/// The back office of this file's app, as a client at 10.7.0.1.
async fn client() -> StaffClient {
    StaffClient::new(app().await).at_peer(SocketAddr::from(([10, 7, 0, 1], 40000)))
}

async fn login_with(username: &str, password: &str) -> Session {
    client().await.login_with(username, password).await
}

async fn login(username: &str) -> Session {
    client().await.login(username).await
}

async fn get(session: &Session, uri: &str) -> Answer {
    client().await.get(session, uri).await
}

async fn post(session: &Session, uri: &str, fields: &[(&str, &str)]) -> Answer {
    client().await.post(session, uri, fields).await
}

async fn post_multipart(session: &Session, uri: &str, form: Multipart) -> Answer {
    client().await.post_multipart(session, uri, form).await
}

/// The store's today (the local date), as the forms default to.
fn today() -> String {
    chrono::Local::now().date_naive().to_string()
}

#[tokio::test]
async fn another_agencys_officer_gets_404_on_every_new_route() {
    let f = fixture().await;
    let zhujian = login("zhujian").await;
    let case = f.open_case;
    let dispute = f.dispute;
    let gets = [
        format!("/staff/cases/{case}"),
        format!("/staff/disputes/new?application={case}"),
        format!("/staff/disputes/{dispute}"),
    ];
    for uri in &gets {
        let a = get(&zhujian, uri).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "GET {uri}");
    }
    let date = today();
    let posts: [(String, Vec<(&str, &str)>); 4] = [
        (
            format!("/staff/cases/{case}/transfer"),
            vec![("date", &date), ("to_agency", HOUSING), ("reason", "x")],
        ),
        (
            format!("/staff/cases/{case}/reopen"),
            vec![("date", &date), ("reason", "x")],
        ),
        (
            "/staff/disputes".into(),
            vec![
                ("application", "0"),
                ("kind", "reconsideration"),
                ("filed_on", &date),
                ("result", "pending"),
            ],
        ),
        (
            format!("/staff/disputes/{dispute}"),
            vec![
                ("kind", "reconsideration"),
                ("filed_on", &date),
                ("result", "pending"),
            ],
        ),
    ];
    let case_text = case.to_string();
    for (uri, fields) in &posts {
        let mut fields = fields.clone();
        if uri == "/staff/disputes" {
            fields[0] = ("application", &case_text);
        }
        let a = post(&zhujian, uri, &fields).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "POST {uri}: {}", a.text());
    }
    // Nothing changed: the case is still 教育局's, with one review case.
    let app = f
        .store
        .application(case)
        .await
        .expect("read")
        .expect("case");
    assert_eq!(app.agency_code, EDUCATION);
    assert_eq!(
        f.store
            .application_events(case)
            .await
            .expect("events")
            .len(),
        1
    );
    let disputes = f.store.review_cases(case).await.expect("disputes");
    assert_eq!(disputes.len(), 1);
    assert_eq!(disputes[0].details.result, ReviewResult::Pending);
    // The list shows only the officer's own agency.
    let list = get(&zhujian, "/staff/disputes").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(!list.text().contains("海政复〔2026〕99号"));
    // The reminders page lists only the own agency's cases.
    let reminders = get(&zhujian, "/staff/reminders").await;
    assert_eq!(reminders.status, StatusCode::OK);
    assert!(
        !reminders
            .text()
            .contains(&format!("/staff/cases/{}\"", f.overdue_case))
    );
    // A paper application cannot be registered for another agency.
    let page = get(&zhujian, "/staff/cases/new").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.text().contains(&format!("value=\"{EDUCATION}\"")));
}

#[tokio::test]
async fn supervisors_read_and_reviewers_see_nothing() {
    let f = fixture().await;
    let zhengwu = login("zhengwu").await;
    let list = get(&zhengwu, "/staff/disputes").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(
        list.text().contains("海政复〔2026〕99号"),
        "supervisor reads"
    );
    let form = get(&zhengwu, &format!("/staff/disputes/{}", f.dispute)).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text().contains("只有查看权限"));
    let date = today();
    for (uri, fields) in [
        (
            format!("/staff/cases/{}/transfer", f.open_case),
            vec![
                ("date", date.as_str()),
                ("to_agency", HOUSING),
                ("reason", "x"),
            ],
        ),
        (
            format!("/staff/cases/{}/reopen", f.open_case),
            vec![("date", date.as_str()), ("reason", "x")],
        ),
        (
            format!("/staff/disputes/{}", f.dispute),
            vec![
                ("kind", "reconsideration"),
                ("filed_on", date.as_str()),
                ("result", "pending"),
            ],
        ),
    ] {
        let a = post(&zhengwu, &uri, &fields).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "POST {uri}");
    }
    assert_eq!(
        get(&zhengwu, "/staff/cases/new").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get(
            &zhengwu,
            &format!("/staff/disputes/new?application={}", f.open_case)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let reminders = get(&zhengwu, "/staff/reminders").await;
    assert_eq!(reminders.status, StatusCode::OK);
    assert!(
        reminders
            .text()
            .contains(&format!("/staff/cases/{}\"", f.overdue_case))
    );

    let shenyue = login("shenyue").await;
    for uri in [
        "/staff/disputes".to_owned(),
        "/staff/reminders".to_owned(),
        "/staff/cases/new".to_owned(),
        format!("/staff/disputes/{}", f.dispute),
    ] {
        assert_eq!(
            get(&shenyue, &uri).await.status,
            StatusCode::FORBIDDEN,
            "{uri}"
        );
    }
}

#[tokio::test]
async fn transfer_moves_the_case_and_prints_the_notice() {
    let f = fixture().await;
    let case = register(&f.store, EDUCATION, "转送申请人", 1).await;
    let jiaoyu = login("jiaoyu").await;
    let page = get(&jiaoyu, &format!("/staff/cases/{case}")).await;
    assert!(page.text().contains("转送其他机关") && page.text().contains("海盐县住房和城乡建设局"));
    let date = today();
    // No agency: refused on the case page, nothing written.
    let refused = post(
        &jiaoyu,
        &format!("/staff/cases/{case}/transfer"),
        &[
            ("date", &date),
            ("to_agency", ""),
            ("reason", "不属于本机关"),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().contains("请选择接收机关"));
    let refused = post(
        &jiaoyu,
        &format!("/staff/cases/{case}/transfer"),
        &[("date", &date), ("to_agency", HOUSING), ("reason", " ")],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().contains("转送理由"), "{}", refused.text());
    assert_eq!(f.store.application_events(case).await.expect("e").len(), 1);

    let done = post(
        &jiaoyu,
        &format!("/staff/cases/{case}/transfer"),
        &[
            ("date", &date),
            ("to_agency", HOUSING),
            ("reason", "所申请信息由住房和城乡建设局制作并保存"),
        ],
    )
    .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text());
    let text = done.text();
    assert!(text.contains("已转送") && text.contains("海盐县住房和城乡建设局"));
    // The printable notice is in the page (escaped into srcdoc).
    assert!(text.contains("政府信息公开申请转送告知书"), "{text}");
    assert!(text.contains("所申请信息由住房和城乡建设局制作并保存"));
    // The case now belongs to 住建局.
    assert_eq!(
        get(&jiaoyu, &format!("/staff/cases/{case}")).await.status,
        StatusCode::NOT_FOUND
    );
    let zhujian = login("zhujian").await;
    let page = get(&zhujian, &format!("/staff/cases/{case}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let text = page.text();
    assert!(text.contains("转送其他机关") && text.contains("转送告知书"));
    assert!(
        text.contains("转送至海盐县住房和城乡建设局，自其收到申请之日"),
        "deadline reason"
    );
    let docx = get(
        &zhujian,
        &format!("/staff/cases/{case}/notices/transfer_notice.docx"),
    )
    .await;
    assert_eq!(docx.status, StatusCode::OK);
    assert!(docx.body.starts_with(b"PK"));
    let html = get(
        &zhujian,
        &format!("/staff/cases/{case}/notices/transfer_notice.html"),
    )
    .await;
    assert!(
        html.text().contains("海盐县教育局"),
        "issued by the transferring agency"
    );
}

#[tokio::test]
async fn reopening_restarts_the_period() {
    let f = fixture().await;
    let case = register(&f.store, EDUCATION, "重办申请人", 5).await;
    let jiaoyu = login("jiaoyu").await;
    let date = today();
    // An open case offers no reopening; the engine refuses it too.
    let open = post(
        &jiaoyu,
        &format!("/staff/cases/{case}/reopen"),
        &[("date", &date), ("reason", "复议决定")],
    )
    .await;
    assert_eq!(open.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(open.text().contains("尚未办结"), "{}", open.text());
    f.store
        .add_event(
            "test",
            case,
            ProcedureEvent::Answered {
                date: f.store.today(),
                outcome: gongkai_domain::deadline::Outcome::Granted,
            },
        )
        .await
        .expect("answered");
    let page = get(&jiaoyu, &format!("/staff/cases/{case}")).await;
    assert!(page.text().contains("登记重新办理"));
    let missing = post(
        &jiaoyu,
        &format!("/staff/cases/{case}/reopen"),
        &[("date", &date), ("reason", "")],
    )
    .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.text().contains("请填写重新办理的原因"));
    let done = post(
        &jiaoyu,
        &format!("/staff/cases/{case}/reopen"),
        &[("date", &date), ("reason", "行政复议决定责令重新答复")],
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(done.location(), format!("/staff/cases/{case}?done=reopen"));
    let page = get(&jiaoyu, &done.location()).await;
    let text = page.text();
    assert!(text.contains("已登记：重新办理"));
    assert!(
        text.contains(&format!("重新办理之日（{date}）起20个工作日内答复")),
        "{text}"
    );
}

fn paper_fields(received_on: &str, id_number: &str, agency: &str) -> Vec<(&'static str, String)> {
    vec![
        ("agency", agency.into()),
        ("received_on", received_on.into()),
        ("channel", "post_signed".into()),
        ("applicant_type", "natural_person".into()),
        ("name", "纸质申请人".into()),
        ("id_type", "resident_id".into()),
        ("id_number", id_number.into()),
        ("phone", "13912345678".into()),
        ("address", "浙江省嘉兴市海盐县城北路8号".into()),
        ("postcode", "314300".into()),
        (
            "description",
            "申请公开海盐县教育局2025年学区划分方案及其依据。".into(),
        ),
        ("provide", "paper".into()),
        ("way", "post".into()),
    ]
}

#[tokio::test]
async fn paper_applications_are_registered_with_the_public_forms_checks() {
    let f = fixture().await;
    let jiaoyu = login("jiaoyu").await;
    let page = get(&jiaoyu, "/staff/cases/new").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text().contains("邮寄（签收）")
            && page.text().contains("以行政机关签收之日为收到申请之日")
    );
    let with_csrf = |mut fields: Vec<(&'static str, String)>| {
        fields.insert(0, ("csrf", jiaoyu.csrf.clone()));
        fields
    };
    let tomorrow = (f.store.today() + Duration::days(1)).to_string();
    let bad = post_multipart(
        &jiaoyu,
        "/staff/cases/new",
        application_form(
            BOUNDARY,
            &with_csrf(paper_fields(&tomorrow, "11010519491231002Y", EDUCATION)),
            &[],
        ),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = bad.text();
    assert!(text.contains("晚于今天"), "future date: {text}");
    assert!(text.contains("身份证"), "bad check digit: {text}");
    assert!(text.contains("纸质申请人"), "input kept");
    let other = post_multipart(
        &jiaoyu,
        "/staff/cases/new",
        application_form(
            BOUNDARY,
            &with_csrf(paper_fields("2026-01-05", "11010519491231002X", HOUSING)),
            &[],
        ),
    )
    .await;
    assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(other.text().contains("只能登记本人负责的机关"));
    let bad_file = post_multipart(
        &jiaoyu,
        "/staff/cases/new",
        application_form(
            BOUNDARY,
            &with_csrf(paper_fields("2026-01-05", "11010519491231002X", EDUCATION)),
            &[("申请书.exe", "application/octet-stream", b"MZ".to_vec())],
        ),
    )
    .await;
    assert_eq!(bad_file.status, StatusCode::UNPROCESSABLE_ENTITY);

    let received = (f.store.today() - Duration::days(6)).to_string();
    let ok = post_multipart(
        &jiaoyu,
        "/staff/cases/new",
        application_form(
            BOUNDARY,
            &with_csrf(paper_fields(&received, "11010519491231002X", EDUCATION)),
            &[(
                "申请书扫描件.pdf",
                "application/pdf",
                b"%PDF-1.4\n%test\n".to_vec(),
            )],
        ),
    )
    .await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.text());
    let text = ok.text();
    assert!(
        text.contains("政府信息公开申请受理回执"),
        "acknowledgement printed"
    );
    assert!(text.contains("申请书扫描件.pdf"));
    let id: i64 = text
        .split("\">打开办件")
        .next()
        .and_then(|before| before.rsplit('/').next())
        .and_then(|n| n.parse().ok())
        .expect("case link");
    let app = f
        .store
        .application(id)
        .await
        .expect("read")
        .expect("stored");
    assert_eq!(app.agency_code, EDUCATION);
    assert_eq!(app.channel, ReceiptChannel::PostSigned);
    assert_eq!(app.received_on.to_string(), received);
    assert_eq!(app.delivery_form, DeliveryForm::PaperPost);
    assert_eq!(app.applicant.details.name, "纸质申请人");
    let events = f.store.application_events(id).await.expect("events");
    assert_eq!(events[0].actor, "jiaoyu");
    let files = f.store.attachments(id).await.expect("files");
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].file_name, "申请书扫描件.pdf");
    let ack = get(
        &jiaoyu,
        &format!("/staff/cases/{id}/notices/acknowledgement.docx"),
    )
    .await;
    assert_eq!(ack.status, StatusCode::OK);
}

#[tokio::test]
async fn disputes_are_recorded_on_the_case_and_counted_like_table_four() {
    let f = fixture().await;
    let case = register(&f.store, EDUCATION, "复议申请人", 8).await;
    let jiaoyu = login("jiaoyu").await;
    let form = get(&jiaoyu, &format!("/staff/disputes/new?application={case}")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text().contains("结果维持") && form.text().contains("复议后起诉"));
    let date = today();
    let case_id = case.to_string();
    // A result without its date is refused, in Chinese.
    let bad = post(
        &jiaoyu,
        "/staff/disputes",
        &[
            ("application", &case_id),
            ("kind", "litigation_after_reconsideration"),
            ("filed_on", &date),
            ("result", "upheld"),
            ("decided_on", ""),
        ],
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().contains("须填写审结日期"), "{}", bad.text());
    let bad_date = post(
        &jiaoyu,
        "/staff/disputes",
        &[
            ("application", &case_id),
            ("kind", "reconsideration"),
            ("filed_on", "2026-02-30"),
            ("result", "pending"),
        ],
    )
    .await;
    assert_eq!(bad_date.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad_date.text().contains("申请（起诉）日期无效"));
    assert!(f.store.review_cases(case).await.expect("none").is_empty());

    let done = post(
        &jiaoyu,
        "/staff/disputes",
        &[
            ("application", &case_id),
            ("kind", "reconsideration"),
            ("case_number", "海政复〔2026〕7号"),
            ("filed_on", &date),
            ("result", "pending"),
        ],
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text());
    assert_eq!(done.location(), format!("/staff/cases/{case}#disputes"));
    let page = get(&jiaoyu, &format!("/staff/cases/{case}")).await;
    assert!(page.text().contains("海政复〔2026〕7号") && page.text().contains("尚未审结"));
    let stored = f.store.review_cases(case).await.expect("one");
    assert_eq!(stored.len(), 1);
    let id = stored[0].id;
    let edited = post(
        &jiaoyu,
        &format!("/staff/disputes/{id}"),
        &[
            ("kind", "reconsideration"),
            ("case_number", "海政复〔2026〕7号"),
            ("filed_on", &date),
            ("result", "corrected"),
            ("decided_on", &date),
        ],
    )
    .await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER, "{}", edited.text());
    let stored = f.store.review_case(id).await.expect("read").expect("case");
    assert_eq!(stored.details.result, ReviewResult::Corrected);
    let list = get(&jiaoyu, "/staff/disputes?done=updated").await;
    let text = list.text();
    assert!(text.contains("已保存复议诉讼案件"));
    assert!(text.contains("海政复〔2026〕7号") && text.contains("结果纠正"));
    assert!(text.contains("按年度报告表四统计"));
}

#[tokio::test]
async fn reminders_page_and_email_addresses() {
    let f = fixture().await;
    let user = login_with("hdmail", "test-password-1").await;
    let page = get(&user, "/staff/reminders").await;
    assert_eq!(page.status, StatusCode::OK);
    let text = page.text();
    assert!(text.contains("已逾期或今日到期"));
    assert!(
        text.contains(&format!("/staff/cases/{}\"", f.overdue_case)),
        "overdue case listed"
    );
    assert!(text.contains("尚未配置邮件服务器"));
    let bad = post(
        &user,
        "/staff/account/email",
        &[("email", "not an address")],
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().contains("不是有效的电子邮箱地址"));
    let ok = post(
        &user,
        "/staff/account/email",
        &[("email", "hdmail@haiyan.example.gov.cn")],
    )
    .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let user_id = f
        .store
        .staff_user_by_username("hdmail")
        .await
        .expect("read")
        .expect("user")
        .id;
    assert_eq!(
        f.store.staff_email(user_id).await.expect("email"),
        "hdmail@haiyan.example.gov.cn"
    );
    // Only administrators set other users' addresses.
    let uri = format!("/staff/admin/users/{user_id}/email");
    let jiaoyu = login("jiaoyu").await;
    assert_eq!(
        post(&jiaoyu, &uri, &[("email", "x@y.cn")]).await.status,
        StatusCode::FORBIDDEN
    );
    let admin = login("admin").await;
    let set = post(&admin, &uri, &[("email", "hd2@haiyan.example.gov.cn")]).await;
    assert_eq!(set.status, StatusCode::SEE_OTHER);
    assert_eq!(
        f.store.staff_email(user_id).await.expect("email"),
        "hd2@haiyan.example.gov.cn"
    );
    let users = get(&admin, "/staff/admin/users?email=saved").await;
    assert!(
        users.text().contains("hd2@haiyan.example.gov.cn")
            && users.text().contains("已保存电子邮箱")
    );
    let bad = post(&admin, &uri, &[("email", "@@")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_daily_digest_reaches_a_local_smtp_sink_once() {
    let f = fixture().await;
    let sink = SmtpSink::start().await.expect("sink");
    let settings = ReminderSettings {
        public_url: "https://gk.haiyan.example.gov.cn".into(),
        smtp: Some(SmtpSettings {
            url: sink.url.clone(),
            from: "海盐县政务公开办 <gk@haiyan.example.gov.cn>".into(),
        }),
        time: DailyTime::default(),
    };
    let mailer = gongkai_mail::Mailer::new(settings.smtp.as_ref().expect("smtp")).expect("mailer");
    // A day of its own, so that other tests' records do not interfere.
    let day = f.store.today();
    let outcomes = send_digests(&f.store, &settings, day, DigestMode::Send(&mailer))
        .await
        .expect("sent");
    let jiaoyu_sent = outcomes.iter().any(|o| {
        matches!(o, DigestOutcome::Sent { username, email, cases }
            if username == "jiaoyu" && email == "jiaoyu@haiyan.example.gov.cn" && *cases >= 1)
    });
    assert!(jiaoyu_sent, "{outcomes:?}");
    let messages = sink.messages();
    let to_jiaoyu: Vec<_> = messages
        .iter()
        .filter(|m| m.to == vec!["jiaoyu@haiyan.example.gov.cn".to_owned()])
        .collect();
    assert_eq!(to_jiaoyu.len(), 1, "{messages:?}");
    let mail = to_jiaoyu[0];
    assert_eq!(mail.from, "gk@haiyan.example.gov.cn");
    assert!(
        mail.subject
            .starts_with(&format!("【政府信息公开】{day}办件提醒：逾期")),
        "{}",
        mail.subject
    );
    let overdue = f
        .store
        .application(f.overdue_case)
        .await
        .expect("read")
        .expect("case");
    assert!(
        mail.body.contains(&format!(
            "申请编号 {}（查询码 {}），海盐县教育局",
            overdue.number, overdue.query_code
        )),
        "{}",
        mail.body
    );
    assert!(mail.body.contains(&format!(
        "办理页面：https://gk.haiyan.example.gov.cn/staff/cases/{}",
        f.overdue_case
    )));
    assert!(mail.body.contains("已逾期"));
    // The supervisor's digest covers 教育局 too; the officer of 住建局's does not.
    let zhengwu = messages
        .iter()
        .find(|m| m.to == vec!["zhengwu@haiyan.example.gov.cn".to_owned()])
        .expect("supervisor");
    assert!(zhengwu.body.contains(&overdue.query_code));
    if let Some(zhujian) = messages
        .iter()
        .find(|m| m.to == vec!["zhujian@haiyan.example.gov.cn".to_owned()])
    {
        assert!(!zhujian.body.contains(&overdue.query_code));
    }
    // A second run the same day sends nothing to those already served.
    let again = send_digests(&f.store, &settings, day, DigestMode::Send(&mailer))
        .await
        .expect("again");
    assert!(
        again
            .iter()
            .any(|o| matches!(o, DigestOutcome::AlreadySent { username } if username == "jiaoyu"))
    );
    assert_eq!(sink.messages().len(), messages.len(), "no second mail");
    // A dry run composes without sending or recording.
    let mut shown = Vec::new();
    let mut show =
        |to: &str, m: &gongkai_mail::MailMessage| shown.push((to.to_owned(), m.subject.clone()));
    send_digests(
        &f.store,
        &settings,
        day + Duration::days(1),
        DigestMode::DryRun(&mut show),
    )
    .await
    .expect("dry run");
    assert!(
        shown
            .iter()
            .any(|(to, _)| to == "jiaoyu@haiyan.example.gov.cn")
    );
    assert_eq!(sink.messages().len(), messages.len());
    let jiaoyu_id = f
        .store
        .staff_user_by_username("jiaoyu")
        .await
        .expect("r")
        .expect("u")
        .id;
    assert!(
        !f.store
            .reminder_sent(jiaoyu_id, day + Duration::days(1))
            .await
            .expect("r")
    );
}
