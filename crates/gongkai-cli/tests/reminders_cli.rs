//! `gongkai reminders send` through the real binary: a dry run prints the
//! digest, a real run delivers it to a local SMTP sink once a day, and bad
//! input or missing configuration exits 2.

use std::path::PathBuf;
use std::process::{Command, Output};

use chrono::Duration;
use gongkai_domain::casework::ApplicantType;
use gongkai_domain::deadline::ReceiptChannel;
use gongkai_mail::sink::SmtpSink;
use gongkai_store::{
    AgencyKind, DeliveryForm, IdDocumentType, NewAgency, NewApplicant, NewApplication,
    NewStaffUser, StaffRole, Store,
};

/// A database with one department, its officer (with an address) and an
/// overdue application; returns the URL, the folder and the application's 查询码.
async fn database(name: &str) -> (String, PathBuf, String) {
    let dir = std::env::temp_dir().join(format!(
        "gongkai-reminders-cli-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.join("gongkai.db").display());
    let store = Store::open(&url).await.expect("open");
    store
        .put_agency(
            "test",
            &NewAgency {
                code: "czj".into(),
                name: "某县财政局".into(),
                kind: AgencyKind::Department,
                parent_code: None,
                address: String::new(),
                phone: String::new(),
                office_hours: String::new(),
                sort_order: 0,
            },
        )
        .await
        .expect("agency");
    let user = store
        .create_staff_user(
            "test",
            &NewStaffUser {
                agency_code: "czj".into(),
                username: "li".into(),
                display_name: "李经办".into(),
                role: StaffRole::Officer,
                password_hash: None,
            },
        )
        .await
        .expect("user");
    store
        .set_staff_email("test", user.id, "li@czj.example.gov.cn")
        .await
        .expect("email");
    let app = store
        .create_application(
            "test",
            &NewApplication {
                agency_code: "czj".into(),
                applicant: NewApplicant {
                    applicant_type: ApplicantType::NaturalPerson,
                    name: "张三".into(),
                    id_document_type: IdDocumentType::ResidentId,
                    id_document_number: "11010519491231002X".into(),
                    phone: "13812345678".into(),
                    address: String::new(),
                    email: String::new(),
                    organisation_name: None,
                    credit_code: None,
                },
                channel: ReceiptChannel::InPerson,
                received_on: store.today() - Duration::days(40),
                description: "申请公开某项目预算".into(),
                delivery_form: DeliveryForm::PaperPickup,
            },
        )
        .await
        .expect("application");
    store.close().await;
    (url, dir, app.query_code)
}

fn run(url: &str, smtp: Option<&str>, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gongkai"));
    command
        .arg("reminders")
        .arg("send")
        .args(args)
        .env("GONGKAI_DATABASE_URL", url)
        .env("GONGKAI_PUBLIC_URL", "https://gk.example.gov.cn")
        .env_remove("GONGKAI_SMTP_URL")
        .env_remove("GONGKAI_SMTP_FROM");
    if let Some(smtp) = smtp {
        command
            .env("GONGKAI_SMTP_URL", smtp)
            .env("GONGKAI_SMTP_FROM", "政务公开办 <gk@example.gov.cn>");
    }
    command.output().expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn dry_run_send_and_refusals() {
    let (url, dir, query_code) = database("all").await;
    let today = chrono::Local::now().date_naive().to_string();

    let dry = run(&url, None, &["--dry-run", "--date", &today]);
    assert_eq!(dry.status.code(), Some(0), "{}", stderr(&dry));
    let out = stdout(&dry);
    assert!(out.contains("收件人：li@czj.example.gov.cn"), "{out}");
    assert!(out.contains("主题：【政府信息公开】"), "{out}");
    assert!(
        out.contains(&format!("（查询码 {query_code}），某县财政局")),
        "{out}"
    );
    assert!(
        out.contains("https://gk.example.gov.cn/staff/cases/1"),
        "{out}"
    );

    let unconfigured = run(&url, None, &[]);
    assert_eq!(unconfigured.status.code(), Some(2));
    assert!(
        stderr(&unconfigured).contains("未配置邮件服务器"),
        "{}",
        stderr(&unconfigured)
    );
    let bad_date = run(&url, None, &["--dry-run", "--date", "2026-02-30"]);
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(
        stderr(&bad_date).contains("--date"),
        "{}",
        stderr(&bad_date)
    );

    let sink = SmtpSink::start().await.expect("sink");
    let (u, s, d) = (url.clone(), sink.url.clone(), today.clone());
    let sent = tokio::task::spawn_blocking(move || run(&u, Some(&s), &["--date", &d]))
        .await
        .expect("joined");
    assert_eq!(sent.status.code(), Some(0), "{}", stderr(&sent));
    assert!(
        stdout(&sent).contains("已发送 li <li@czj.example.gov.cn>：1 件"),
        "{}",
        stdout(&sent)
    );
    let messages = sink.messages();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].to, vec!["li@czj.example.gov.cn".to_owned()]);
    assert!(
        messages[0].subject.contains("逾期1件"),
        "{}",
        messages[0].subject
    );
    assert!(messages[0].body.contains(&query_code));

    // The same day again: recorded, not sent twice.
    let (u, s, d) = (url.clone(), sink.url.clone(), today.clone());
    let again = tokio::task::spawn_blocking(move || run(&u, Some(&s), &["--date", &d]))
        .await
        .expect("joined");
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        stdout(&again).contains("已发送过，跳过"),
        "{}",
        stdout(&again)
    );
    assert_eq!(sink.messages().len(), 1);
    let _ = std::fs::remove_dir_all(dir);
}
