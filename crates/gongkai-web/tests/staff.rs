//! The staff back office: sign-in, lock-out, CSRF, sessions, the
//! authorization matrix (every staff route × every role) and a full case
//! from receipt through 补正 and extension to an answer with its notices.
//!
//! Runs the router with `oneshot` on a temporary SQLite store seeded with the
//! demo data (which includes the demo logins and applications), plus three
//! applications of its own: A (海盐县教育局), B (海盐县住房和城乡建设局) and
//! C (an agency outside the demo county government's tree).

mod common;

use std::io::Read as _;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::{Duration, NaiveDate};
use common::casework::register;
use common::staff_client::{
    Answer, Session, StaffClient, encode, from_peer, ip, post_raw_request, post_request,
};
use gongkai_domain::deadline::ProcedureEvent;
use gongkai_search::SearchIndex;
use gongkai_store::{
    AgencyKind, NewAgency, NewAttachment, NewStaffUser, SessionPolicy, StaffRole, Store,
    hash_password,
};
use gongkai_web::{AppState, router};
use tokio::sync::OnceCell;

const AGENCY_A: &str = "330424102"; // 海盐县教育局 (officer jiaoyu)
const AGENCY_B: &str = "330424107"; // 海盐县住房和城乡建设局 (officer zhujian)
const AGENCY_C: &str = "330481000"; // outside the county: no supervisor of the demo sees it

struct Fixture {
    store: Store,
    index: Arc<SearchIndex>,
    case_a: i64,
    case_b: i64,
    case_c: i64,
    attachment_a: i64,
    _dir: tempfile::TempDir,
}

static FIXTURE: OnceCell<Fixture> = OnceCell::const_new();

async fn fixture() -> &'static Fixture {
    FIXTURE
        .get_or_init(|| async {
            let dir = tempfile::tempdir().expect("dir");
            let url = format!(
                "sqlite://{}?mode=rwc",
                dir.path().join("staff.db").display()
            );
            let store = Store::open(&url).await.expect("open");
            gongkai_store::demo::seed(&store).await.expect("seed");
            store
                .put_agency(
                    "test",
                    &NewAgency {
                        code: AGENCY_C.into(),
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
                .expect("agency C");
            for (username, role) in [
                ("locktest", StaffRole::Officer),
                ("logouttest", StaffRole::Officer),
            ] {
                store
                    .create_staff_user(
                        "test",
                        &NewStaffUser {
                            agency_code: AGENCY_A.into(),
                            username: username.into(),
                            display_name: "测试用户".into(),
                            role,
                            password_hash: Some(hash_password("test-password-1").expect("hash")),
                        },
                    )
                    .await
                    .expect("user");
            }
            let case_a = register(&store, AGENCY_A, "甲申请人", 3).await;
            let case_b = register(&store, AGENCY_B, "乙申请人", 3).await;
            let case_c = register(&store, AGENCY_C, "丙申请人", 3).await;
            let attachment_a = store
                .add_attachment(
                    "test",
                    case_a,
                    &NewAttachment {
                        file_name: "申请书.txt".into(),
                        media_type: "text/plain".into(),
                        bytes: "申请书".as_bytes().to_vec(),
                    },
                )
                .await
                .expect("attachment")
                .id;
            let index = SearchIndex::open_or_create(dir.path().join("index")).expect("index");
            Fixture {
                store,
                index: Arc::new(index),
                case_a,
                case_b,
                case_c,
                attachment_a,
                _dir: dir,
            }
        })
        .await
}

async fn app() -> Router {
    let f = fixture().await;
    router(AppState::new(f.store.clone(), f.index.clone()))
}

/// The back office of this file's app, as one client machine.
async fn client() -> StaffClient {
    StaffClient::new(app().await)
}

async fn send(request: Request<Body>) -> Answer {
    client().await.send(request).await
}

async fn try_login(username: &str, password: &str, from: SocketAddr) -> (Answer, Session) {
    client().await.try_login(username, password, from).await
}

async fn login(username: &str) -> Session {
    client().await.login(username).await
}

async fn get(session: &Session, uri: &str) -> Answer {
    client().await.get(session, uri).await
}

/// Form posts come from `ip(2)` (the password form is throttled per address).
async fn post(session: &Session, uri: &str, fields: &[(&str, &str)]) -> Answer {
    let request = from_peer(post_request(session, uri, fields), ip(2));
    client().await.send(request).await
}

async fn post_raw(session: &Session, uri: &str, body: &str) -> Answer {
    let request = from_peer(post_raw_request(session, uri, body), ip(2));
    client().await.send(request).await
}

#[tokio::test]
async fn login_succeeds_with_a_secure_cookie_and_fails_politely() {
    let (ok, session) = try_login("jiaoyu", "jiaoyu-demo-2026", ip(10)).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(ok.location(), "/staff/cases");
    let cookie = ok.cookie("gongkai_staff").expect("session cookie");
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
            && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http: {cookie}");
    let token = session.cookie.trim_start_matches("gongkai_staff=");
    assert_eq!(token.len(), 64, "256-bit id");
    let inbox = get(&session, "/staff/cases").await;
    assert_eq!(inbox.status, StatusCode::OK);
    assert!(inbox.text().contains("陈晓燕") && inbox.text().contains("海盐县教育局"));
    assert_eq!(
        inbox.headers.get(header::CACHE_CONTROL).unwrap(),
        "no-store"
    );

    // Behind an https proxy the cookie is Secure.
    let page = send(
        Request::get("/staff/login")
            .header("x-forwarded-proto", "https")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(
        page.cookie("gongkai_login_csrf")
            .unwrap()
            .contains("; Secure")
    );

    let (bad, session) = try_login("jiaoyu", "wrong-password", ip(11)).await;
    assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
    assert!(bad.text().contains("用户名或密码不正确"));
    assert!(session.cookie.is_empty());
    let (unknown, _) = try_login("nobody", "whatever-password", ip(11)).await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    assert!(
        unknown.text().contains("用户名或密码不正确"),
        "no hint that the user does not exist"
    );
    let audit = fixture()
        .await
        .store
        .audit_entries("staff_user", "jiaoyu")
        .await
        .unwrap();
    assert!(audit.iter().any(|e| e.action == "staff.login"));
    assert!(audit.iter().any(|e| e.action == "staff.login_failed"));
}

#[tokio::test]
async fn five_failures_lock_the_username_for_15_minutes() {
    for i in 0..5 {
        // From different addresses: the lock is per username.
        let (answer, _) = try_login("locktest", "not-the-password", ip(100 + i)).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "attempt {i}");
        if i == 4 {
            assert!(answer.text().contains("已锁定15分钟"), "{}", answer.text());
        }
    }
    let (locked, session) = try_login("locktest", "test-password-1", ip(120)).await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(locked.text().contains("登录失败次数过多"));
    assert!(
        session.cookie.is_empty(),
        "the right password does not open a locked account"
    );
    let audit = fixture()
        .await
        .store
        .audit_entries("staff_user", "locktest")
        .await
        .unwrap();
    assert!(audit.iter().any(|e| e.action == "staff.lockout"));
    assert!(
        audit
            .iter()
            .any(|e| e.action == "staff.login_refused_locked")
    );
}

#[tokio::test]
async fn twenty_failures_lock_the_address() {
    let from = ip(200);
    for i in 0..20 {
        let (answer, _) = try_login(&format!("guess{i}"), "not-the-password", from).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    let (locked, _) = try_login("ziran", "ziran-demo-2026", from).await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    // The same user from another address is not affected.
    let (ok, _) = try_login("ziran", "ziran-demo-2026", ip(201)).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn posts_without_the_csrf_token_are_forbidden() {
    let f = fixture().await;
    let session = login("jiaoyu").await;
    let uri = format!("/staff/cases/{}/actions/withdraw", f.case_a);
    let today = f.store.today().to_string();
    let missing = post_raw(&session, &uri, &encode(&[("date", &today)])).await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    assert!(missing.text().contains("表单校验码"));
    let wrong = post_raw(
        &session,
        &uri,
        &encode(&[("csrf", &"0".repeat(64)), ("date", &today)]),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    let other = login("admin").await;
    let foreign = post_raw(
        &session,
        &uri,
        &encode(&[("csrf", &other.csrf), ("date", &today)]),
    )
    .await;
    assert_eq!(
        foreign.status,
        StatusCode::FORBIDDEN,
        "another session's token"
    );
    let logout = post_raw(&session, "/staff/logout", "").await;
    assert_eq!(logout.status, StatusCode::FORBIDDEN);
    assert_eq!(
        f.store
            .application(f.case_a)
            .await
            .unwrap()
            .unwrap()
            .closed_on,
        None
    );
    // The sign-in form: without its cookie the token is refused.
    let login = post_raw(
        &Session::default(),
        "/staff/login",
        &encode(&[
            ("csrf", &"a".repeat(64)),
            ("username", "jiaoyu"),
            ("password", "jiaoyu-demo-2026"),
        ]),
    )
    .await;
    assert_eq!(login.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn logout_ends_the_session_and_sessions_expire() {
    let (_, session) = try_login("logouttest", "test-password-1", ip(30)).await;
    assert_eq!(get(&session, "/staff/cases").await.status, StatusCode::OK);
    let out = post(&session, "/staff/logout", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(out.location(), "/staff/login?bye=1");
    assert!(out.cookie("gongkai_staff").unwrap().contains("Max-Age=0"));
    let after = get(&session, "/staff/cases").await;
    assert_eq!(after.status, StatusCode::SEE_OTHER);
    assert!(after.location().starts_with("/staff/login"));

    let store = &fixture().await.store;
    let user = store
        .staff_user_by_username("logouttest")
        .await
        .unwrap()
        .unwrap();
    let short = SessionPolicy {
        idle: Duration::seconds(1),
        absolute: Duration::hours(1),
    };
    let created = store
        .create_session(&user, "10.9.0.31", "test", &short)
        .await
        .unwrap();
    assert!(
        store
            .session(&created.token, &short)
            .await
            .unwrap()
            .is_some()
    );
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    assert!(
        store
            .session(&created.token, &short)
            .await
            .unwrap()
            .is_none(),
        "expired"
    );
}

#[tokio::test]
async fn password_change_and_admin_reset() {
    let store = &fixture().await.store;
    let admin = login("admin").await;
    let created = post(
        &admin,
        "/staff/admin/users",
        &[
            ("username", "pwtest"),
            ("display_name", "密码测试"),
            ("role", "officer"),
            ("agency", AGENCY_B),
            ("password", "initial-pass-1"),
        ],
    )
    .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.text());
    let user = store
        .staff_user_by_username("pwtest")
        .await
        .unwrap()
        .expect("created");
    assert_eq!(
        (user.role, user.agency_code.as_str()),
        (StaffRole::Officer, AGENCY_B)
    );
    let duplicate = post(
        &admin,
        "/staff/admin/users",
        &[
            ("username", "pwtest"),
            ("display_name", "x"),
            ("role", "officer"),
            ("agency", AGENCY_B),
            ("password", "initial-pass-1"),
        ],
    )
    .await;
    assert_eq!(duplicate.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(duplicate.text().contains("已被使用"));

    let (_, mine) = try_login("pwtest", "initial-pass-1", ip(40)).await;
    let short = post(
        &mine,
        "/staff/password",
        &[
            ("current", "initial-pass-1"),
            ("new", "short"),
            ("confirm", "short"),
        ],
    )
    .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.text().contains("至少需要10个字符"));
    let changed = post(
        &mine,
        "/staff/password",
        &[
            ("current", "initial-pass-1"),
            ("new", "changed-pass-2"),
            ("confirm", "changed-pass-2"),
        ],
    )
    .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.text());
    assert_eq!(
        get(&mine, "/staff/cases").await.status,
        StatusCode::SEE_OTHER,
        "old session ended"
    );
    let (old, _) = try_login("pwtest", "initial-pass-1", ip(41)).await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    let (new, newer) = try_login("pwtest", "changed-pass-2", ip(41)).await;
    assert_eq!(new.status, StatusCode::SEE_OTHER);

    let reset = post(
        &admin,
        &format!("/staff/admin/users/{}/password", user.id),
        &[("password", "reset-by-admin-3")],
    )
    .await;
    assert_eq!(reset.status, StatusCode::SEE_OTHER);
    assert_eq!(
        get(&newer, "/staff/cases").await.status,
        StatusCode::SEE_OTHER,
        "reset ends sessions"
    );
    let (after, _) = try_login("pwtest", "reset-by-admin-3", ip(42)).await;
    assert_eq!(after.status, StatusCode::SEE_OTHER);
    let audit = store.audit_entries("staff_user", "pwtest").await.unwrap();
    for action in [
        "staff_user.create",
        "staff_user.password_change",
        "staff_user.password_reset",
    ] {
        assert!(audit.iter().any(|e| e.action == action), "{action}");
    }
}

/// Every staff route, as a pattern, and the concrete request the matrix
/// makes for it. Writes are sent with invalid input, so that a user who may
/// make them gets 422 and nothing changes.
#[derive(Debug, Clone)]
struct Probe {
    method: &'static str,
    uri: String,
    fields: Vec<(&'static str, String)>,
    /// anonymous, administrator, supervisor, officer A, officer B, reviewer
    expected: [u16; 6],
}

const LOGIN: u16 = 1; // a redirect to the sign-in page

fn probes(f: &Fixture, pwtest_id: i64) -> Vec<Probe> {
    let (a, b, c) = (f.case_a, f.case_b, f.case_c);
    let get = |uri: String, expected| Probe {
        method: "GET",
        uri,
        fields: vec![],
        expected,
    };
    let invalid_extension = vec![
        ("date", "2000-01-01".to_owned()),
        ("workdays", "20".to_owned()),
        ("approver", String::new()),
    ];
    let post = |uri: String, fields: Vec<(&'static str, String)>, expected| Probe {
        method: "POST",
        uri,
        fields,
        expected,
    };
    vec![
        get("/staff".into(), [LOGIN, 303, 303, 303, 303, 303]),
        get("/staff/cases".into(), [LOGIN, 200, 200, 200, 200, 403]),
        get(
            format!("/staff/cases?agency={AGENCY_B}"),
            [LOGIN, 200, 200, 200, 200, 403],
        ),
        get(
            format!("/staff/cases/{a}"),
            [LOGIN, 200, 200, 200, 404, 403],
        ),
        get(
            format!("/staff/cases/{b}"),
            [LOGIN, 200, 200, 404, 200, 403],
        ),
        get(
            format!("/staff/cases/{c}"),
            [LOGIN, 200, 404, 404, 404, 403],
        ),
        get(
            "/staff/cases/99999999".into(),
            [LOGIN, 404, 404, 404, 404, 403],
        ),
        get("/staff/cases/abc".into(), [LOGIN, 404, 404, 404, 404, 403]),
        get(
            format!("/staff/cases/{a}/notices/acknowledgement.docx"),
            [LOGIN, 200, 200, 200, 404, 403],
        ),
        get(
            format!("/staff/cases/{a}/notices/acknowledgement.html"),
            [LOGIN, 200, 200, 200, 404, 403],
        ),
        get(
            format!("/staff/cases/{b}/notices/acknowledgement.docx"),
            [LOGIN, 200, 200, 404, 200, 403],
        ),
        get(
            format!("/staff/cases/{c}/notices/acknowledgement.html"),
            [LOGIN, 200, 404, 404, 404, 403],
        ),
        get(
            format!("/staff/cases/{a}/notices/answer.docx"),
            [LOGIN, 404, 404, 404, 404, 403],
        ),
        get(
            format!("/staff/cases/{a}/attachments/{}", f.attachment_a),
            [LOGIN, 200, 200, 200, 404, 403],
        ),
        get(
            format!("/staff/cases/{b}/attachments/{}", f.attachment_a),
            [LOGIN, 404, 404, 404, 404, 403],
        ),
        post(
            format!("/staff/cases/{a}/actions/extension"),
            invalid_extension.clone(),
            [LOGIN, 422, 403, 422, 404, 403],
        ),
        post(
            format!("/staff/cases/{b}/actions/extension"),
            invalid_extension.clone(),
            [LOGIN, 422, 403, 404, 422, 403],
        ),
        post(
            format!("/staff/cases/{c}/actions/extension"),
            invalid_extension.clone(),
            [LOGIN, 422, 404, 404, 404, 403],
        ),
        post(
            format!("/staff/cases/{a}/actions/answer"),
            vec![("date", "2000-01-01".into()), ("outcome", "granted".into())],
            [LOGIN, 422, 403, 422, 404, 403],
        ),
        post(
            format!("/staff/cases/{a}/actions/no-such-step"),
            vec![],
            [LOGIN, 404, 403, 404, 404, 403],
        ),
        get("/staff/password".into(), [LOGIN, 200, 200, 200, 200, 200]),
        post(
            "/staff/password".into(),
            vec![
                ("current", "x".into()),
                ("new", "aaaaaaaaaaaa".into()),
                ("confirm", "bbbbbbbbbbbb".into()),
            ],
            [LOGIN, 422, 422, 422, 422, 422],
        ),
        get(
            "/staff/admin/users".into(),
            [LOGIN, 200, 403, 403, 403, 403],
        ),
        post(
            "/staff/admin/users".into(),
            vec![("username", "bad name".into())],
            [LOGIN, 422, 403, 403, 403, 403],
        ),
        post(
            format!("/staff/admin/users/{pwtest_id}/password"),
            vec![("password", "short".into())],
            [LOGIN, 422, 403, 403, 403, 403],
        ),
        get(
            "/staff/admin/search-words".into(),
            [LOGIN, 200, 403, 403, 403, 403],
        ),
        post(
            "/staff/admin/search-words".into(),
            vec![("word", "x".into())],
            [LOGIN, 422, 403, 403, 403, 403],
        ),
        post(
            "/staff/admin/search-words/remove".into(),
            vec![("word", "不在词典".into())],
            [LOGIN, 404, 403, 403, 403, 403],
        ),
        get("/staff/login".into(), [200, 303, 303, 303, 303, 303]),
    ]
}

#[tokio::test]
async fn authorization_matrix_every_route_as_every_role() {
    let f = fixture().await;
    let probe_user = f
        .store
        .staff_user_by_username("jiaoyu")
        .await
        .unwrap()
        .unwrap();
    let roles = [
        "anonymous",
        "admin",
        "zhengwu",
        "jiaoyu",
        "zhujian",
        "shenyue",
    ];
    let mut sessions = vec![Session::default()];
    for role in &roles[1..] {
        sessions.push(login(role).await);
    }
    let events_before = (
        f.store.application_events(f.case_a).await.unwrap().len(),
        f.store.application_events(f.case_b).await.unwrap().len(),
        f.store.application_events(f.case_c).await.unwrap().len(),
    );
    let mut failures = Vec::new();
    let probes = probes(f, probe_user.id);
    // Every route pattern of the staff router is probed.
    for pattern in [
        "/staff",
        "/staff/login",
        "/staff/password",
        "/staff/cases",
        "/staff/cases/{id}",
        "/staff/cases/{id}/actions/{action}",
        "/staff/cases/{id}/notices/{file}",
        "/staff/cases/{id}/attachments/{attachment}",
        "/staff/admin/users",
        "/staff/admin/users/{id}/password",
        "/staff/admin/search-words",
        "/staff/admin/search-words/remove",
    ] {
        let regex_like = pattern.split('/').collect::<Vec<_>>();
        assert!(
            probes.iter().any(|p| {
                let path = p.uri.split('?').next().unwrap();
                let parts = path.split('/').collect::<Vec<_>>();
                parts.len() == regex_like.len()
                    && parts
                        .iter()
                        .zip(&regex_like)
                        .all(|(a, b)| b.starts_with('{') || a == b)
            }),
            "no probe for {pattern}"
        );
    }
    for probe in &probes {
        for (i, session) in sessions.iter().enumerate() {
            let answer = if probe.method == "GET" {
                get(session, &probe.uri).await
            } else {
                let fields: Vec<(&str, &str)> =
                    probe.fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                post(session, &probe.uri, &fields).await
            };
            let expected = probe.expected[i];
            let ok = if expected == LOGIN {
                answer.status == StatusCode::SEE_OTHER
                    && answer.location().starts_with("/staff/login")
            } else {
                answer.status.as_u16() == expected
            };
            if !ok {
                failures.push(format!(
                    "{} {} as {}: expected {}, got {} {}",
                    probe.method,
                    probe.uri,
                    roles[i],
                    if expected == LOGIN {
                        "redirect to login".to_owned()
                    } else {
                        expected.to_string()
                    },
                    answer.status,
                    answer.location()
                ));
            }
            // Nothing of another agency's case leaks into a refusal.
            if answer.status == StatusCode::NOT_FOUND || answer.status == StatusCode::FORBIDDEN {
                let text = answer.text();
                for name in ["甲申请人", "乙申请人", "丙申请人", "13912345678"] {
                    assert!(
                        !text.contains(name),
                        "{} {} as {} leaks {name}",
                        probe.method,
                        probe.uri,
                        roles[i]
                    );
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "authorization matrix:\n{}",
        failures.join("\n")
    );
    let events_after = (
        f.store.application_events(f.case_a).await.unwrap().len(),
        f.store.application_events(f.case_b).await.unwrap().len(),
        f.store.application_events(f.case_c).await.unwrap().len(),
    );
    assert_eq!(events_before, events_after, "no probe changed a case");
}

#[tokio::test]
async fn officer_b_never_sees_agency_a() {
    let f = fixture().await;
    let b = login("zhujian").await;
    let inbox = get(&b, "/staff/cases?state=all").await;
    assert_eq!(inbox.status, StatusCode::OK);
    let html = inbox.text();
    assert!(html.contains("乙申请人") && !html.contains("甲申请人") && !html.contains("丙申请人"));
    assert!(
        !html.contains("海盐县教育局"),
        "no other agency in the list or filter"
    );
    let link_a = format!("href=\"/staff/cases/{}\"", f.case_a);
    let searched = get(
        &b,
        "/staff/cases?state=all&q=%E7%94%B2%E7%94%B3%E8%AF%B7%E4%BA%BA",
    )
    .await;
    assert_eq!(searched.status, StatusCode::OK);
    assert!(!searched.text().contains(&link_a) && searched.text().contains("共 0 件"));
    let filtered = get(&b, &format!("/staff/cases?agency={AGENCY_A}&state=all")).await;
    assert!(!filtered.text().contains(&link_a) && !filtered.text().contains("甲申请人"));
    for uri in [
        format!("/staff/cases/{}", f.case_a),
        format!("/staff/cases/{}/notices/acknowledgement.docx", f.case_a),
        format!("/staff/cases/{}/attachments/{}", f.case_a, f.attachment_a),
    ] {
        assert_eq!(get(&b, &uri).await.status, StatusCode::NOT_FOUND, "{uri}");
    }
    let today = f.store.today().to_string();
    for action in ["withdraw", "close", "answer", "extension", "correction"] {
        let answer = post(
            &b,
            &format!("/staff/cases/{}/actions/{action}", f.case_a),
            &[
                ("date", &today),
                ("outcome", "granted"),
                ("workdays", "20"),
                ("approver", "x"),
                ("period", "15"),
            ],
        )
        .await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{action}");
    }
    assert_eq!(f.store.application_events(f.case_a).await.unwrap().len(), 1);
}

#[tokio::test]
async fn personal_data_is_masked_in_lists_and_every_full_view_is_logged() {
    let f = fixture().await;
    let key = f
        .store
        .application(f.case_a)
        .await
        .unwrap()
        .unwrap()
        .audit_key();
    let views = |entries: Vec<gongkai_store::AuditEntry>| {
        entries
            .iter()
            .filter(|e| e.action == "application.view_personal_data")
            .count()
    };
    let before = views(f.store.audit_entries("application", &key).await.unwrap());
    let officer = login("jiaoyu").await;
    let inbox = get(&officer, "/staff/cases").await.text();
    assert!(inbox.contains("139****5678") && !inbox.contains("13912345678"));
    assert!(!inbox.contains("11010519491231002X"));
    let page = get(&officer, &format!("/staff/cases/{}", f.case_a))
        .await
        .text();
    assert!(page.contains("13912345678") && page.contains("11010519491231002X"));
    let after_officer = views(f.store.audit_entries("application", &key).await.unwrap());
    assert_eq!(after_officer, before + 1);
    let supervisor = login("zhengwu").await;
    let page = get(&supervisor, &format!("/staff/cases/{}", f.case_a))
        .await
        .text();
    assert!(page.contains("139****5678") && !page.contains("13912345678"));
    assert!(page.contains("110105********002X"));
    assert!(
        !page.contains("/actions/"),
        "no action forms for a supervisor"
    );
    assert_eq!(
        views(f.store.audit_entries("application", &key).await.unwrap()),
        after_officer
    );
}

#[tokio::test]
async fn inbox_sorts_by_urgency_and_says_why() {
    let officer = login("jiaoyu").await;
    let html = get(&officer, "/staff/cases").await.text();
    assert!(html.contains("已逾期"), "demo has overdue cases");
    assert!(
        html.contains("即将到期"),
        "demo has cases due within 3 working days"
    );
    assert!(html.contains("暂停："), "pauses are shown");
    let first_row = html
        .split("<tbody>")
        .nth(1)
        .unwrap()
        .split("</tr>")
        .next()
        .unwrap();
    assert!(
        first_row.contains("u-overdue"),
        "most urgent first: {first_row}"
    );
    let paused = get(&officer, "/staff/cases?state=awaiting_correction")
        .await
        .text();
    assert!(
        paused.contains("badge s-paused\">待补正") && !paused.contains("badge s-open\">办理中")
    );
    let supervisor = login("zhengwu").await;
    let html = get(&supervisor, "/staff/cases").await.text();
    assert!(
        html.contains("办理机关")
            && html.contains("海盐县住房和城乡建设局")
            && html.contains("海盐县教育局")
    );
}

fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("xml");
    xml
}

#[tokio::test]
async fn a_full_case_from_receipt_through_correction_and_extension_to_an_answer() {
    let f = fixture().await;
    let store = &f.store;
    let today: NaiveDate = store.today();
    let id = register(store, AGENCY_A, "全流程申请人", 10).await;
    let officer = login("jiaoyu").await;
    let day = |n: i64| (today - Duration::days(n)).to_string();
    let case = format!("/staff/cases/{id}");

    type Step<'a> = (&'a str, Vec<(&'a str, String)>, &'a str);
    let steps: [Step; 3] = [
        (
            "correction",
            vec![
                ("date", day(9)),
                ("period", "15".into()),
                ("service", "in_person".into()),
                ("items", "请写明所需文件的文号\n请提供身份证明".into()),
            ],
            "correction_request",
        ),
        ("correction-received", vec![("date", day(7))], ""),
        (
            "extension",
            vec![
                ("date", day(0)),
                ("workdays", "15".into()),
                ("approver", "办公室主任 张卫东".into()),
                ("reason", "需要调阅档案".into()),
            ],
            "extension_notice",
        ),
    ];
    let mut notices = vec!["acknowledgement"];
    for (action, fields, notice) in steps {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let answer = post(&officer, &format!("{case}/actions/{action}"), &fields).await;
        assert_eq!(
            answer.status,
            StatusCode::SEE_OTHER,
            "{action}: {}",
            answer.text()
        );
        assert_eq!(answer.location(), format!("{case}?done={action}"));
        if !notice.is_empty() {
            notices.push(notice);
        }
    }
    let page = get(&officer, &case).await.text();
    assert!(page.contains("已延期"), "state shown");
    assert!(page.contains("经办公室主任 张卫东批准延长15个工作日"));
    assert!(
        page.contains("答复期限") && page.contains("第三十三条"),
        "deadline with its reason"
    );
    // A second extension is refused by the deadline engine, in Chinese.
    let again = post(
        &officer,
        &format!("{case}/actions/extension"),
        &[("date", &day(0)), ("workdays", "5"), ("approver", "张卫东")],
    )
    .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.text().contains("只能延长一次"), "{}", again.text());
    // A date in the future too.
    let future = post(
        &officer,
        &format!("{case}/actions/answer"),
        &[
            ("date", &(today + Duration::days(3)).to_string()),
            ("outcome", "granted"),
        ],
    )
    .await;
    assert_eq!(future.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(future.text().contains("晚于今天"));

    let answered = post(
        &officer,
        &format!("{case}/actions/answer"),
        &[
            ("date", &day(0)),
            ("outcome", "partially_granted"),
            ("reasons", "经查，该批复文件含有第三方商业秘密。"),
            ("provision", "现以电子邮件方式向您提供"),
        ],
    )
    .await;
    assert_eq!(
        answered.status,
        StatusCode::SEE_OTHER,
        "{}",
        answered.text()
    );
    notices.push("answer");
    let application = store.application(id).await.unwrap().unwrap();
    assert_eq!(
        application.outcome,
        Some(gongkai_domain::deadline::Outcome::PartiallyGranted)
    );
    let page = get(&officer, &case).await.text();
    assert!(page.contains("已答复") && page.contains("本申请已办结"));
    for label in ["收到申请", "告知补正", "收到补正", "延期答复", "作出答复"] {
        assert!(page.contains(label), "timeline: {label}");
    }
    for notice in &notices {
        assert!(
            page.contains(&format!("{case}/notices/{notice}.docx")),
            "{notice} offered"
        );
        let docx = get(&officer, &format!("{case}/notices/{notice}.docx")).await;
        assert_eq!(docx.status, StatusCode::OK, "{notice}: {}", docx.text());
        assert!(
            docx.headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .contains("wordprocessingml")
        );
        assert!(&docx.body[..2] == b"PK", "{notice} is a ZIP");
        let xml = docx_text(&docx.body);
        assert!(
            xml.contains("全流程申请人"),
            "{notice}.docx names the applicant"
        );
        let html = get(&officer, &format!("{case}/notices/{notice}.html")).await;
        assert_eq!(html.status, StatusCode::OK);
        assert!(html.text().contains("全流程申请人"));
    }
    let correction = docx_text(
        &get(&officer, &format!("{case}/notices/correction_request.docx"))
            .await
            .body,
    );
    assert!(correction.contains("请写明所需文件的文号"));
    let extension = get(&officer, &format!("{case}/notices/extension_notice.html"))
        .await
        .text();
    assert!(extension.contains("需要调阅档案") && extension.contains("张卫东"));
    let answer = get(&officer, &format!("{case}/notices/answer.html"))
        .await
        .text();
    assert!(answer.contains("第三方商业秘密") && answer.contains("第三十七条"));
    let audit = store
        .audit_entries("application", &application.audit_key())
        .await
        .unwrap();
    assert!(
        audit
            .iter()
            .filter(|e| e.action == "notice.download")
            .count()
            >= 2 * notices.len()
    );
    assert!(
        audit
            .iter()
            .any(|e| e.action == "application.close" && e.actor == "jiaoyu")
    );
}

#[tokio::test]
async fn fee_notice_amount_comes_from_the_fee_calculator() {
    let f = fixture().await;
    let id = register(&f.store, AGENCY_A, "缴费申请人", 2).await;
    let officer = login("jiaoyu").await;
    let case = format!("/staff/cases/{id}");
    let today = f.store.today().to_string();
    let free = post(
        &officer,
        &format!("{case}/actions/fee"),
        &[
            ("date", &today),
            ("method", "per_volume"),
            ("quantity", "30"),
        ],
    )
    .await;
    assert_eq!(free.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(free.text().contains("0元"));
    let issued = post(
        &officer,
        &format!("{case}/actions/fee"),
        &[
            ("date", &today),
            ("method", "per_volume"),
            ("quantity", "150"),
            ("service", "electronic"),
        ],
    )
    .await;
    assert_eq!(issued.status, StatusCode::SEE_OTHER, "{}", issued.text());
    // 31–100: 70 × 10 + 101–150: 50 × 20 = 1700 yuan.
    let expected = gongkai_domain::fee::per_volume(150).unwrap().amount_yuan;
    assert_eq!(expected, 1700);
    let events = f.store.application_events(id).await.unwrap();
    assert!(matches!(
        events.last().unwrap().event,
        ProcedureEvent::FeeNoticeIssued {
            amount_yuan: 1700,
            ..
        }
    ));
    let notice = get(&officer, &format!("{case}/notices/fee_notice.html")).await;
    assert_eq!(notice.status, StatusCode::OK);
    assert!(notice.text().contains("1700"), "{}", notice.text());
    let page = get(&officer, &case).await.text();
    assert!(page.contains("待缴费") && page.contains("暂停"));
    let paid = post(
        &officer,
        &format!("{case}/actions/payment"),
        &[("date", &today)],
    )
    .await;
    assert_eq!(paid.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn administrators_extend_the_search_dictionary() {
    let f = fixture().await;
    let admin = login("admin").await;
    let page = get(
        &admin,
        "/staff/admin/search-words?try_text=%E6%B5%B7%E5%A1%98%E5%AE%89%E6%BE%9C%E5%B7%A5%E7%A8%8B",
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    let text = page.text();
    assert!(
        text.contains("检索词典") && text.contains("尚未加入词语"),
        "{text}"
    );
    assert!(
        text.contains("<span class=\"word-chip\">海塘</span>"),
        "cut before the word is added: {text}"
    );
    for (bad, why) in [
        ("海", "至少应有 2 个字"),
        ("海 塘", "不能含"),
        ("<b>海塘</b>", "不能含"),
    ] {
        let refused = post(&admin, "/staff/admin/search-words", &[("word", bad)]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(refused.text().contains(why), "{bad}: {}", refused.text());
        assert!(!refused.text().contains("<b>海塘</b>"), "escaped");
    }
    let added = post(
        &admin,
        "/staff/admin/search-words",
        &[("word", " 海塘安澜 ")],
    )
    .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    assert!(
        added
            .location()
            .starts_with("/staff/admin/search-words?added=")
    );
    assert_eq!(f.index.query_words("海塘安澜工程"), ["海塘安澜", "工程"]);
    let words = f.store.search_words().await.unwrap();
    assert_eq!(words.len(), 1);
    assert_eq!(
        (words[0].word.as_str(), words[0].added_by.as_str()),
        ("海塘安澜", "admin")
    );
    let again = post(&admin, "/staff/admin/search-words", &[("word", "海塘安澜")]).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.text().contains("已在词典中"));
    let listed = get(&admin, "/staff/admin/search-words").await.text();
    assert!(listed.contains("<td>海塘安澜</td>"), "{listed}");
    let removed = post(
        &admin,
        "/staff/admin/search-words/remove",
        &[("word", "海塘安澜")],
    )
    .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert!(f.store.search_words().await.unwrap().is_empty());
    assert_eq!(
        f.index.query_words("海塘安澜工程"),
        ["海塘", "安澜", "工程"]
    );
    let audit = f
        .store
        .audit_entries("search_word", "海塘安澜")
        .await
        .unwrap();
    let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["search_word.add", "search_word.remove"]);
}
