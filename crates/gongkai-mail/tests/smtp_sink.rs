//! Sending the digest to a local SMTP sink: recipients, subject and body
//! arrive as composed. No network beyond 127.0.0.1.

use chrono::NaiveDate;
use gongkai_mail::sink::SmtpSink;
use gongkai_mail::{Digest, DigestCase, Mailer, SmtpSettings, compose};

#[tokio::test]
async fn the_digest_arrives_at_the_sink() {
    let sink = SmtpSink::start().await.expect("sink starts");
    let mailer = Mailer::new(&SmtpSettings {
        url: sink.url.clone(),
        from: "政府信息公开办 <gk@haiyan.example.gov.cn>".into(),
    })
    .expect("mailer");
    let digest = Digest {
        date: NaiveDate::from_ymd_opt(2026, 3, 2).expect("date"),
        recipient_name: "教育局经办人".into(),
        cases: vec![DigestCase {
            number: "2026-0007".into(),
            query_code: "K7Q2-M4ZT".into(),
            agency_name: "海盐县教育局".into(),
            days_left: -1,
            due: NaiveDate::from_ymd_opt(2026, 2, 27).expect("date"),
            paused: false,
            provisional: false,
            path: "/staff/cases/7".into(),
        }],
    };
    let message = compose(&digest, "https://gk.haiyan.example.gov.cn");
    mailer
        .send("教育局经办人", "jiaoyu@haiyan.example.gov.cn", &message)
        .await
        .expect("sent");
    let received = sink.messages();
    assert_eq!(received.len(), 1);
    let mail = &received[0];
    assert_eq!(mail.from, "gk@haiyan.example.gov.cn");
    assert_eq!(mail.to, vec!["jiaoyu@haiyan.example.gov.cn".to_owned()]);
    assert_eq!(
        mail.subject,
        "【政府信息公开】2026-03-02办件提醒：逾期1件，3个工作日内到期0件"
    );
    assert!(
        mail.body
            .contains("申请编号 2026-0007（查询码 K7Q2-M4ZT），海盐县教育局"),
        "{}",
        mail.body
    );
    assert!(mail.body.contains("答复期限：2026-02-27，已逾期1个工作日"));
    assert!(
        mail.body
            .contains("办理页面：https://gk.haiyan.example.gov.cn/staff/cases/7")
    );
}

#[tokio::test]
async fn an_unreachable_server_is_an_error_not_a_panic() {
    // Bind and drop to get a closed loopback port.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let mailer = Mailer::new(&SmtpSettings {
        url: format!("smtp://127.0.0.1:{port}"),
        from: "gk@example.gov.cn".into(),
    })
    .expect("mailer");
    let message = gongkai_mail::MailMessage {
        subject: "测试".into(),
        body: "正文".into(),
    };
    let err = mailer
        .send("", "a@example.gov.cn", &message)
        .await
        .expect_err("nobody listens");
    assert!(err.to_string().starts_with("邮件发送失败"), "{err}");
    let bad = mailer
        .send("", "not-an-address", &message)
        .await
        .expect_err("bad recipient");
    assert!(bad.to_string().contains("not-an-address"), "{bad}");
}
