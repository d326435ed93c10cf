//! Composing the digest: subject and plain-text body, in Chinese.

use chrono::NaiveDate;

/// One application in a digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestCase {
    /// The agency's number for it (`2024-0015`).
    pub number: String,
    /// The applicant's 查询码.
    pub query_code: String,
    /// The agency handling it.
    pub agency_name: String,
    /// Working days left to the answer deadline; negative when overdue.
    pub days_left: i64,
    /// The answer deadline.
    pub due: NaiveDate,
    /// Whether the clock is paused (补正, consultation, fee).
    pub paused: bool,
    /// Whether the deadline reaches into a year whose holiday notice is not
    /// yet published (statutory holidays computed; re-check).
    pub provisional: bool,
    /// The case page's path on the site (`/staff/cases/42`).
    pub path: String,
}

/// The digest of one user for one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    /// The day it is for (Beijing time).
    pub date: NaiveDate,
    /// The recipient's name, for the salutation.
    pub recipient_name: String,
    /// The cases, most urgent first.
    pub cases: Vec<DigestCase>,
}

impl Digest {
    /// The overdue cases (deadline passed or due today).
    pub fn overdue(&self) -> impl Iterator<Item = &DigestCase> {
        self.cases.iter().filter(|c| c.days_left <= 0)
    }

    /// The cases due within the coming working days.
    pub fn due_soon(&self) -> impl Iterator<Item = &DigestCase> {
        self.cases.iter().filter(|c| c.days_left > 0)
    }
}

/// A composed e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailMessage {
    /// The subject line.
    pub subject: String,
    /// The plain-text body.
    pub body: String,
}

/// How a case's remaining time reads.
pub fn days_text(days_left: i64) -> String {
    match days_left {
        d if d < 0 => format!("已逾期{}个工作日", -d),
        0 => "今日到期".to_owned(),
        d => format!("剩{d}个工作日"),
    }
}

/// Writes the digest; `base_url` (`https://gk.example.gov.cn`, no trailing
/// slash needed) makes the case links absolute.
pub fn compose(digest: &Digest, base_url: &str) -> MailMessage {
    let base = base_url.trim_end_matches('/');
    let overdue: Vec<&DigestCase> = digest.overdue().collect();
    let soon: Vec<&DigestCase> = digest.due_soon().collect();
    let subject = format!(
        "【政府信息公开】{}办件提醒：逾期{}件，3个工作日内到期{}件",
        digest.date.format("%Y-%m-%d"),
        overdue.len(),
        soon.len()
    );
    let mut body = format!("{}：\n\n", digest.recipient_name);
    if digest.cases.is_empty() {
        body.push_str("截至今日，您负责范围内没有逾期或3个工作日内到期的依申请公开办件。\n");
    } else {
        body.push_str(&format!(
            "截至{}，您负责范围内有{}件依申请公开办件需要关注，请在法定期限内作出答复（《中华人民共和国政府信息公开条例》第三十三条）。\n",
            digest.date.format("%Y年%-m月%-d日"),
            digest.cases.len()
        ));
        for (title, cases) in [
            ("一、已逾期或今日到期", &overdue),
            ("二、3个工作日内到期", &soon),
        ] {
            if cases.is_empty() {
                continue;
            }
            body.push_str(&format!("\n{title}（{}件）\n", cases.len()));
            for (i, c) in cases.iter().enumerate() {
                body.push_str(&format!(
                    "{}. 申请编号 {}（查询码 {}），{}\n   答复期限：{}{}，{}{}\n   办理页面：{base}{}\n",
                    i + 1,
                    c.number,
                    c.query_code,
                    c.agency_name,
                    c.due.format("%Y-%m-%d"),
                    if c.provisional {
                        "（暂定：该年放假安排尚未公布）"
                    } else {
                        ""
                    },
                    days_text(c.days_left),
                    if c.paused { "（暂停计时中）" } else { "" },
                    c.path
                ));
            }
        }
    }
    body.push_str(&format!(
        "\n全部提醒见：{base}/staff/reminders\n\n此邮件由政府信息公开办理系统每日自动发送，请勿直接回复。\n"
    ));
    MailMessage { subject, body }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    fn case(number: &str, days_left: i64, due: NaiveDate) -> DigestCase {
        DigestCase {
            number: number.into(),
            query_code: format!("Q{number}"),
            agency_name: "海盐县教育局".into(),
            days_left,
            due,
            paused: false,
            provisional: false,
            path: format!("/staff/cases/{}", number.len()),
        }
    }

    #[test]
    fn groups_overdue_and_due_soon_with_links() {
        let digest = Digest {
            date: day(2026, 3, 2),
            recipient_name: "张经办".into(),
            cases: vec![
                case("2026-0001", -2, day(2026, 2, 26)),
                case("2026-0002", 0, day(2026, 3, 2)),
                case("2026-0003", 3, day(2026, 3, 5)),
            ],
        };
        let m = compose(&digest, "https://gk.example.gov.cn/");
        assert_eq!(
            m.subject,
            "【政府信息公开】2026-03-02办件提醒：逾期2件，3个工作日内到期1件"
        );
        assert!(m.body.starts_with("张经办：\n"), "{}", m.body);
        assert!(m.body.contains("截至2026年3月2日，您负责范围内有3件"));
        assert!(m.body.contains("一、已逾期或今日到期（2件）"));
        assert!(
            m.body
                .contains("1. 申请编号 2026-0001（查询码 Q2026-0001），海盐县教育局")
        );
        assert!(m.body.contains("答复期限：2026-02-26，已逾期2个工作日"));
        assert!(m.body.contains("今日到期"));
        assert!(m.body.contains("二、3个工作日内到期（1件）"));
        assert!(m.body.contains("答复期限：2026-03-05，剩3个工作日"));
        assert!(
            m.body
                .contains("办理页面：https://gk.example.gov.cn/staff/cases/9")
        );
        assert!(m.body.contains("https://gk.example.gov.cn/staff/reminders"));
    }

    #[test]
    fn an_empty_digest_says_so() {
        let digest = Digest {
            date: day(2026, 3, 2),
            recipient_name: "李监督".into(),
            cases: Vec::new(),
        };
        let m = compose(&digest, "http://127.0.0.1:8080");
        assert!(m.subject.ends_with("逾期0件，3个工作日内到期0件"));
        assert!(m.body.contains("没有逾期或3个工作日内到期"));
        assert!(!m.body.contains("一、"));
    }
}
