//! `gongkai reminders send`: the daily digest of applications due soon, by
//! e-mail (what `gongkai serve` does each day at `GONGKAI_REMINDER_TIME`).

use anyhow::Context;
use chrono::NaiveDate;
use gongkai_web::{DigestMode, DigestOutcome, ReminderSettings, send_digests};

use super::serve::{DEFAULT_DATABASE_URL, runtime};
use crate::exit::{Failure, Outcome};

/// Sends (or with `dry_run` prints) the digest of `date` (default: today in
/// Beijing). Exit 2 for a bad date or configuration, 3 when a message could
/// not be sent (the others are still sent).
pub fn send(
    database: Option<String>,
    dry_run: bool,
    date: Option<&str>,
) -> Result<Outcome, Failure> {
    let day = match date {
        Some(text) => NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
            Failure::BadInput(format!(
                "--date “{text}”无效：请按“年-月-日”填写，例如 2026-03-02"
            ))
        })?,
        None => gongkai_mail::schedule::beijing_date(chrono::Utc::now()),
    };
    let settings = ReminderSettings::from_env().map_err(Failure::BadInput)?;
    if !dry_run && settings.smtp.is_none() {
        return Err(Failure::BadInput(
            "未配置邮件服务器：请设置 GONGKAI_SMTP_URL（如 smtps://用户:密码@smtp.example.gov.cn:465）和 GONGKAI_SMTP_FROM，或使用 --dry-run 预览".into(),
        ));
    }
    let database_url = database.unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
    let outcomes = runtime()?.block_on(async {
        let store = gongkai_store::Store::open(&database_url)
            .await
            .context("无法打开数据库")?;
        let outcomes = match &settings.smtp {
            Some(smtp) if !dry_run => {
                let mailer = gongkai_mail::Mailer::new(smtp).map_err(|e| anyhow::anyhow!("{e}"))?;
                send_digests(&store, &settings, day, DigestMode::Send(&mailer)).await?
            }
            _ => {
                let mut show = |to: &str, message: &gongkai_mail::MailMessage| {
                    println!(
                        "收件人：{to}\n主题：{}\n\n{}\n{}",
                        message.subject,
                        message.body,
                        "-".repeat(40)
                    );
                };
                send_digests(&store, &settings, day, DigestMode::DryRun(&mut show)).await?
            }
        };
        store.close().await;
        anyhow::Ok(outcomes)
    })?;
    let mut failed = 0;
    for outcome in &outcomes {
        match outcome {
            DigestOutcome::Sent {
                username,
                email,
                cases,
            } => println!(
                "{}{username} <{email}>：{cases} 件",
                if dry_run {
                    "（预览）"
                } else {
                    "已发送 "
                }
            ),
            DigestOutcome::AlreadySent { username } => {
                println!("{username}：{day} 的提醒已发送过，跳过")
            }
            DigestOutcome::NothingDue { username } => println!("{username}：无到期办件，不发送"),
            DigestOutcome::Failed { username, error } => {
                failed += 1;
                eprintln!("{username}：{error}");
            }
        }
    }
    if outcomes.is_empty() {
        println!("没有填写电子邮箱的工作人员，未发送提醒。");
    }
    if failed > 0 {
        return Err(Failure::Failed(anyhow::anyhow!(
            "{failed} 封提醒邮件发送失败"
        )));
    }
    Ok(Outcome::Clean)
}
