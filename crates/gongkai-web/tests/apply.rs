//! 依申请公开 online: the form, its protections (CSRF, size, malformed
//! bodies, hostile input) and the 查询码 status pages with their rate limit.

mod common;

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use gongkai_store::demo::{GOVERNMENT_CODE, TOBACCO_CODE};
use tower::ServiceExt;

use common::multipart::application_form;
use common::{app, fixture, ok_page, page};

const BOUNDARY: &str = "----gongkaiTestBoundary7MA4YWxkTrZu0gW";
const RESIDENT_ID: &str = "11010519491231002X";

/// Status, headers and body text of a request.
async fn send(request: Request<Body>) -> (StatusCode, axum::http::HeaderMap, String) {
    let response = app().await.oneshot(request).await.expect("response");
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), 64 * 1024 * 1024)
        .await
        .expect("body");
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

/// A fresh form: the CSRF token of its hidden field and the cookie to send back.
async fn form_session(code: &str) -> (String, String) {
    let (status, headers, html) = send(
        Request::get(format!("/agencies/{code}/apply"))
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let token = between(&html, "name=\"csrf_token\" value=\"", "\"").to_owned();
    let cookie = headers
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .expect("set-cookie")
        .split(';')
        .next()
        .expect("pair")
        .to_owned();
    assert!(cookie.starts_with("gongkai_apply="), "{cookie}");
    (token, cookie)
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start} in {text}"))
        + start.len();
    let len = text[from..].find(end).expect("end");
    &text[from..from + len]
}

/// The fields of a valid application of a natural person.
fn person_fields(description: &str) -> Vec<(&'static str, String)> {
    vec![
        ("applicant_type", "natural_person".into()),
        ("name", "张三".into()),
        ("id_type", "resident_id".into()),
        ("id_number", RESIDENT_ID.into()),
        ("phone", "13812345678".into()),
        ("email", "zhangsan@example.cn".into()),
        ("address", "浙江省嘉兴市海盐县武原街道1号".into()),
        ("postcode", "314300".into()),
        ("description", description.into()),
        ("provide", "electronic".into()),
        ("way", "online".into()),
        ("consent", "yes".into()),
    ]
}

fn post(code: &str, cookie: Option<&str>, body: Vec<u8>) -> Request<Body> {
    let mut request = Request::post(format!("/agencies/{code}/apply")).header(
        header::CONTENT_TYPE,
        format!("multipart/form-data; boundary={BOUNDARY}"),
    );
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body)).expect("request")
}

/// Submits a valid form with `fields` (the CSRF token added) and returns the page.
async fn submit(
    code: &str,
    mut fields: Vec<(&'static str, String)>,
    files: &[(&str, &str, Vec<u8>)],
) -> (StatusCode, String) {
    let (token, cookie) = form_session(code).await;
    fields.push(("csrf_token", token));
    let (status, headers, html) = send(post(
        code,
        Some(&cookie),
        application_form(BOUNDARY, &fields, files).finish(),
    ))
    .await;
    if status.is_success() || status.is_client_error() {
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(content_type.starts_with("text/html"), "{content_type}");
    }
    (status, html)
}

fn query_code_of(html: &str) -> String {
    between(
        html,
        "<strong id=\"query-code\" aria-labelledby=\"query-code-label\">",
        "</strong>",
    )
    .to_owned()
}

fn get_from(uri: &str, ip: [u8; 4]) -> Request<Body> {
    let mut request = Request::get(uri).body(Body::empty()).expect("request");
    request
        .extensions_mut()
        .insert(ConnectInfo(SocketAddr::from((ip, 40000))));
    request
}

#[tokio::test]
async fn choosing_the_agency_lists_government_departments_and_towns() {
    let html = ok_page(
        "/apply",
        &["依申请公开", "本级政府", "部门", "乡镇（街道）", "/track"],
    )
    .await;
    assert!(html.contains(&format!("/agencies/{GOVERNMENT_CODE}/apply")));
    assert!(html.contains(&format!("/agencies/{TOBACCO_CODE}/apply")));
    assert!(
        html.contains("href=\"/apply\" aria-current=\"true\""),
        "menu link"
    );
    let home = ok_page("/", &[]).await;
    assert!(
        home.contains("href=\"/apply\""),
        "main menu links 依申请公开"
    );
    let (status, _) = page("/agencies/nope/apply").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_form_has_every_part_labelled_and_no_purpose_field() {
    let html = ok_page(
        &format!("/agencies/{GOVERNMENT_CODE}/apply"),
        &[
            "政府信息公开申请",
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他法人或者非法人组织",
            "统一社会信用代码",
            "法定代表人或者主要负责人",
            "联系人",
            "名称、文号或者特征性描述",
            "纸质文本",
            "邮寄",
            "电子邮件",
            "当面领取",
            "enctype=\"multipart/form-data\"",
            "type=\"file\"",
            "name=\"consent\"",
            "name=\"csrf_token\"",
        ],
    )
    .await;
    assert!(html.contains("无需说明申请用途"));
    assert!(!html.contains("name=\"purpose\""));
    // Every visible control has a <label for>.
    let mut rest = html.as_str();
    while let Some(i) = rest.find(" id=\"") {
        rest = &rest[i + 5..];
        let id = &rest[..rest.find('"').expect("quote")];
        let tag_start = html.find(&format!(" id=\"{id}\"")).expect("id");
        let tag = &html[html[..tag_start].rfind('<').expect("<")..tag_start];
        if tag.starts_with("<input") || tag.starts_with("<select") || tag.starts_with("<textarea") {
            assert!(
                html.contains(&format!("<label for=\"{id}\"")),
                "control {id} has no label"
            );
        }
    }
    let (_, headers, _) = common::get(&format!("/agencies/{GOVERNMENT_CODE}/apply")).await;
    let cookie = headers
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .expect("cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert_eq!(
        headers
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
}

#[tokio::test]
async fn a_submission_gives_number_and_query_code_and_the_status_page_shows_it() {
    let description = "海盐县2023年度财政预算执行情况报告（盐政发〔2023〕12号）";
    let scan = b"%PDF-1.4 test scan".to_vec();
    let (status, html) = submit(
        GOVERNMENT_CODE,
        person_fields(description),
        &[("身份证.pdf", "application/pdf", scan.clone())],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    for text in [
        "申请已提交",
        "查询码",
        "请妥善保存查询码",
        "申请编号",
        "20个工作日",
        "双方确认",
        "身份证.pdf",
    ] {
        assert!(html.contains(text), "confirmation should contain {text}");
    }
    let code = query_code_of(&html);
    assert_eq!(code.len(), 12, "{code}");
    let store = &fixture().await.store;
    let application = store
        .application_by_query_code(&code)
        .await
        .expect("query")
        .expect("stored");
    assert_eq!(application.received_on, store.today());
    assert_eq!(
        application.channel,
        gongkai_domain::deadline::ReceiptChannel::OnlineConfirmed
    );
    assert_eq!(application.description, description);
    assert_eq!(
        application.applicant.details.id_document_number,
        RESIDENT_ID
    );
    assert!(html.contains(&application.number));
    let due = store
        .case_status(application.id)
        .await
        .expect("status")
        .deadline(gongkai_domain::deadline::DeadlineKind::Answer)
        .expect("answer deadline")
        .due;
    assert!(
        html.contains(&due.format("%Y年%m月%d日").to_string()),
        "due date shown"
    );
    let attachments = store
        .attachments(application.id)
        .await
        .expect("attachments");
    assert_eq!(attachments.len(), 1);
    assert_eq!(attachments[0].file_name, "身份证.pdf");
    assert_eq!(attachments[0].sha256, gongkai_store::sha256_hex(&scan));

    let status_html = ok_page(
        &format!("/track/{code}"),
        &[
            "已收到",
            "收到申请",
            &application.number,
            description,
            "答复期限",
            "张*",
        ],
    )
    .await;
    assert!(!status_html.contains("张三"), "the name is masked");
    assert!(!status_html.contains(RESIDENT_ID), "no ID number");
    assert!(!status_html.contains("13812345678"), "no phone");
    assert!(
        !status_html.contains("身份证.pdf"),
        "the applicant's files are not listed"
    );
    // Typed with lower case and dashes, the code still works (via /track?code=).
    let typed = format!("{}-{}", &code[..6], &code[6..]).to_lowercase();
    let (status, headers, _) = send(
        Request::get(format!("/track?code={typed}"))
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        headers.get(header::LOCATION).and_then(|v| v.to_str().ok()),
        Some(format!("/track/{code}").as_str())
    );
}

#[tokio::test]
async fn an_organisation_registers_its_credit_code() {
    let fields = vec![
        ("applicant_type", "commercial".to_owned()),
        ("org_name", "海盐某某科技有限公司".into()),
        ("credit_code", "91350100M000100Y43".into()),
        ("legal_rep", "王五".into()),
        ("contact", "李四".into()),
        ("phone", "0573-86012345".into()),
        ("address", "海盐县经济开发区".into()),
        ("description", "2024年海盐县工业用地出让公告".into()),
        ("provide", "paper".into()),
        ("way", "post".into()),
        ("consent", "yes".into()),
    ];
    let (status, html) = submit(TOBACCO_CODE, fields, &[]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let code = query_code_of(&html);
    let application = fixture()
        .await
        .store
        .application_by_query_code(&code)
        .await
        .expect("query")
        .expect("stored");
    let applicant = &application.applicant.details;
    assert_eq!(applicant.credit_code.as_deref(), Some("91350100M000100Y43"));
    assert_eq!(
        applicant.organisation_name.as_deref(),
        Some("海盐某某科技有限公司")
    );
    assert_eq!(applicant.name, "王五（联系人：李四）");
    assert_eq!(
        application.delivery_form,
        gongkai_store::DeliveryForm::PaperPost
    );
}

#[tokio::test]
async fn field_errors_are_shown_next_to_the_fields_with_the_values_kept() {
    let mut fields = person_fields("");
    for (name, value) in &mut fields {
        match *name {
            "name" => *value = "李四<b>".into(),
            "id_number" => *value = "110105194912310021".into(),
            "phone" => *value = "12345".into(),
            "address" => *value = "某路'1号\"".into(),
            "consent" => *value = String::new(),
            _ => {}
        }
    }
    let files = [(
        "../../etc/passwd.exe",
        "application/octet-stream",
        b"MZ".to_vec(),
    )];
    let (status, html) = submit(GOVERNMENT_CODE, fields, &files).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    for text in [
        "申请未能提交",
        "居民身份证号码校验码不正确",
        "联系电话",
        "不是有效的手机号码",
        "所需政府信息的描述不能为空",
        "请阅读并勾选申请承诺",
        "附件“passwd.exe”的类型不支持",
        "已选择的附件未保存",
        "id=\"id_number-error\"",
        "aria-invalid=\"true\"",
        "href=\"#phone\"",
    ] {
        assert!(html.contains(text), "error page should contain {text}");
    }
    // Values kept, escaped.
    assert!(
        html.contains("value=\"李四&#60;b&#62;\"") || html.contains("value=\"李四&lt;b&gt;\""),
        "name kept"
    );
    assert!(html.contains("value=\"110105194912310021\""), "id kept");
    assert!(html.contains("value=\"12345\""), "phone kept");
    assert!(!html.contains("李四<b>"), "escaped");
    // A fresh token comes with the page, so the corrected form can be sent.
    assert!(html.contains("name=\"csrf_token\" value=\""));

    // Missing single field: the phone.
    let mut fields = person_fields("某文件");
    fields.retain(|(n, _)| *n != "phone");
    let (status, html) = submit(GOVERNMENT_CODE, fields, &[]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("联系电话不能为空"), "{html}");
    assert!(html.contains("value=\"张三\""));

    // Delivery combinations and the fields they need.
    let mut fields = person_fields("某文件");
    for (name, value) in &mut fields {
        match *name {
            "provide" => *value = "paper".into(),
            "way" => *value = "email".into(),
            _ => {}
        }
    }
    let (status, html) = submit(GOVERNMENT_CODE, fields, &[]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("纸质文本只能选择邮寄或当面领取"), "{html}");
}

#[tokio::test]
async fn submissions_without_a_valid_csrf_token_are_refused() {
    let store = &fixture().await.store;
    // Other tests register applications on the same fixture concurrently, so
    // count only the ones carrying this test's marker.
    const MARKER: &str = "CSRF 拒收标记";
    let marked = || gongkai_store::ApplicationFilter {
        text: Some(MARKER.into()),
        ..gongkai_store::ApplicationFilter::default()
    };
    let (token, cookie) = form_session(GOVERNMENT_CODE).await;
    let (_, other_cookie) = form_session(GOVERNMENT_CODE).await;
    let with_token = |token: &str| {
        let mut fields = person_fields(MARKER);
        fields.push(("csrf_token", token.to_owned()));
        application_form(BOUNDARY, &fields, &[]).finish()
    };
    // No token.
    let (status, _, html) = send(post(
        GOVERNMENT_CODE,
        Some(&cookie),
        application_form(BOUNDARY, &person_fields(MARKER), &[]).finish(),
    ))
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(html.contains("安全校验未通过"), "{html}");
    // No cookie.
    let (status, _, _) = send(post(GOVERNMENT_CODE, None, with_token(&token))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Another browser's cookie.
    let (status, _, _) = send(post(
        GOVERNMENT_CODE,
        Some(&other_cookie),
        with_token(&token),
    ))
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // A forged MAC, a changed timestamp, garbage.
    let (ts, rest) = token.split_once('.').expect("token");
    let (nonce, mac) = rest.split_once('.').expect("token");
    let flipped = format!(
        "{ts}.{nonce}.{}{}",
        if mac.starts_with('0') { '1' } else { '0' },
        &mac[1..]
    );
    let older = format!("{}.{nonce}.{mac}", ts.parse::<u64>().expect("ts") - 1);
    let cookie_nonce = cookie.split_once('=').expect("cookie").1;
    assert_eq!(cookie_nonce, nonce);
    for forged in [flipped, older, "1.2.3".into(), format!("{ts}.{nonce}")] {
        let (status, _, _) = send(post(GOVERNMENT_CODE, Some(&cookie), with_token(&forged))).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{forged}");
    }
    let registered = |page: gongkai_store::ApplicationPage| page.total;
    let count = registered(store.list_applications(&marked()).await.expect("list"));
    assert_eq!(count, 0, "nothing registered");
    // The genuine pair works.
    let (status, _, html) = send(post(GOVERNMENT_CODE, Some(&cookie), with_token(&token))).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let count = registered(store.list_applications(&marked()).await.expect("list"));
    assert_eq!(count, 1, "the genuine submission is registered");
}

#[tokio::test]
async fn script_in_the_description_is_escaped_on_the_status_page() {
    let description = "<script>alert('xss')</script><img src=x onerror=alert(1)>请公开";
    let mut fields = person_fields(description);
    for (name, value) in &mut fields {
        if *name == "name" {
            *value = "<script>alert(2)</script>".into();
        }
    }
    let (status, html) = submit(GOVERNMENT_CODE, fields, &[]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let code = query_code_of(&html);
    let status_html = ok_page(&format!("/track/{code}"), &["请公开"]).await;
    assert!(!status_html.contains("<script>alert"), "script escaped");
    assert!(!status_html.contains("<img src=x"), "tag escaped");
    assert!(status_html.contains("&#60;script&#62;") || status_html.contains("&lt;script&gt;"));
}

#[tokio::test]
async fn sql_fragments_are_stored_verbatim_and_harmless() {
    let description = "'; DROP TABLE applications; -- 和 \" OR 1=1 --";
    let mut fields = person_fields(description);
    for (name, value) in &mut fields {
        if *name == "name" {
            *value = "Robert'); DELETE FROM applicants;--".into();
        }
    }
    let (status, html) = submit(GOVERNMENT_CODE, fields, &[]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let store = &fixture().await.store;
    let application = store
        .application_by_query_code(&query_code_of(&html))
        .await
        .expect("query")
        .expect("stored");
    assert_eq!(application.description, description);
    assert_eq!(
        application.applicant.details.name,
        "Robert'); DELETE FROM applicants;--"
    );
    assert!(
        store
            .list_applications(&gongkai_store::ApplicationFilter::default())
            .await
            .expect("the table is still there")
            .total
            > 0
    );
    // A SQL fragment as a query code is just a wrong code.
    let (status, _, html) = send(get_from("/track/'%20OR%20'1'='1", [198, 51, 100, 1])).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("未找到"));
}

#[tokio::test]
async fn oversized_bodies_get_413_and_malformed_ones_400() {
    let (token, cookie) = form_session(GOVERNMENT_CODE).await;
    let mut fields = person_fields("大文件");
    fields.push(("csrf_token", token.clone()));
    let big = vec![b'a'; gongkai_web_body_limit() + 1024];
    let (status, _, html) = send(post(
        GOVERNMENT_CODE,
        Some(&cookie),
        application_form(BOUNDARY, &fields, &[("scan.pdf", "application/pdf", big)]).finish(),
    ))
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        html.contains("提交的内容过大") && html.contains("MB"),
        "{html}"
    );

    // One file over the per-file limit but within the body limit: a field error.
    let (status, html) = submit(
        GOVERNMENT_CODE,
        person_fields("大文件"),
        &[("scan.pdf", "application/pdf", vec![b'a'; 11 * 1024 * 1024])],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("超过每个附件10MB的上限"), "{html}");

    // Invalid UTF-8 in a text field.
    let mut body = application_form(BOUNDARY, &fields, &[]).finish();
    let at = body
        .windows(3)
        .position(|w| w == "大".as_bytes())
        .expect("大");
    body[at] = 0xff;
    let (status, _, html) = send(post(GOVERNMENT_CODE, Some(&cookie), body)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("UTF-8"), "{html}");

    // Broken multipart: no closing delimiter, wrong boundary, not multipart.
    let mut body = application_form(BOUNDARY, &fields, &[]).finish();
    body.truncate(body.len() - 30);
    let (status, _, _) = send(post(GOVERNMENT_CODE, Some(&cookie), body)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _) = send(post(
        GOVERNMENT_CODE,
        Some(&cookie),
        b"--nope\r\n\r\n".to_vec(),
    ))
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, html) = send(
        Request::post(format!("/agencies/{GOVERNMENT_CODE}/apply"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, &cookie)
            .body(Body::from("name=x"))
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("表单格式有误"), "{html}");
}

/// The body limit as configured (20 MB of files + 1 MB).
fn gongkai_web_body_limit() -> usize {
    21 * 1024 * 1024
}

#[tokio::test]
async fn wrong_codes_are_rate_limited_per_address() {
    let (status, html) = submit(GOVERNMENT_CODE, person_fields("限流测试"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    let code = query_code_of(&html);
    let attacker = [203, 0, 113, 9];
    let mut not_found_bodies = Vec::new();
    for i in 0..10 {
        let (status, _, html) = send(get_from(&format!("/track/ZZZZZZZZZZ{i:02}"), attacker)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "attempt {i}");
        assert!(html.contains("未找到"), "{html}");
        not_found_bodies.push(html);
    }
    // The not-found page does not echo the code: every wrong code looks the same.
    assert!(not_found_bodies.windows(2).all(|w| w[0] == w[1]));
    let (status, headers, html) = send(get_from("/track/ZZZZZZZZZZ99", attacker)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(html.contains("查询过于频繁"), "{html}");
    assert_eq!(
        headers
            .get(header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok()),
        Some("600")
    );
    // Blocked means blocked: even the right code tells nothing now.
    let (status, _, _) = send(get_from(&format!("/track/{code}"), attacker)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let (status, _, _) = send(get_from("/track?code=abc", attacker)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // Another address is not affected.
    let (status, _, html) = send(get_from(&format!("/track/{code}"), [203, 0, 113, 10])).await;
    assert_eq!(status, StatusCode::OK, "{html}");
}

#[tokio::test]
async fn lookups_take_the_same_minimum_time_found_or_not() {
    let client = [192, 0, 2, 200];
    let started = std::time::Instant::now();
    let (status, _, _) = send(get_from("/track/AAAAAAAAAAAA", client)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(started.elapsed() >= std::time::Duration::from_millis(150));
}

#[tokio::test]
async fn attachment_downloads_refuse_traversal_and_the_applicants_own_files() {
    let (status, html) = submit(
        GOVERNMENT_CODE,
        person_fields("下载测试"),
        &[("id.png", "image/png", b"\x89PNG fake".to_vec())],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let code = query_code_of(&html);
    let store = &fixture().await.store;
    let application = store
        .application_by_query_code(&code)
        .await
        .expect("query")
        .expect("stored");
    let own = store.attachments(application.id).await.expect("files");
    assert_eq!(own.len(), 1);
    let client = [192, 0, 2, 150];
    for path in [
        format!("/track/{code}/documents/..%2F..%2Fetc%2Fpasswd"),
        format!("/track/{code}/documents/%2e%2e%2fCargo.toml"),
        format!("/track/{code}/documents/../../etc/passwd"),
        format!("/track/{code}/../../etc/passwd"),
        format!("/track/{code}/documents/-1"),
        format!("/track/{code}/documents/99999999"),
        // The applicant's own ID scan is not an answer document.
        format!("/track/{code}/documents/{}", own[0].id),
    ] {
        let (status, headers, body) = send(get_from(&path, client)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .starts_with("text/html"),
            "{path}"
        );
        assert!(
            !body.contains("PNG fake") && !body.contains("[workspace]"),
            "{path}"
        );
    }
    // With a wrong code, the document route is a wrong code like any other.
    let (status, _, html) = send(get_from("/track/WRONGWRONG00/documents/1", client)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("未找到"));
}

#[tokio::test]
async fn the_track_form_works_without_javascript() {
    let html = ok_page(
        "/track",
        &["查询码", "<label for=\"code\">", "action=\"/track\""],
    )
    .await;
    assert!(html.contains("method=\"get\""));
    let (status, _, html) = send(get_from("/track?code=abc", [192, 0, 2, 33])).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("12位"), "{html}");
}
