//! Sending over SMTP with lettre (rustls, connection pool).
//!
//! The server is given as a URL: `smtp://host:port` (plain, for a relay on
//! the local network), `smtp://host:587?tls=required` (STARTTLS) or
//! `smtps://user:password@host:465` (TLS from the start); credentials in
//! the URL are percent-encoded.

use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::MailMessage;

/// Why mail could not be configured or sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// A setting is unusable; names the variable.
    #[error("{variable}无效：{message}")]
    Config {
        /// The environment variable or field.
        variable: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The recipient address cannot be used.
    #[error("收件地址“{address}”无效：{message}")]
    Recipient {
        /// The address.
        address: String,
        /// What is wrong.
        message: String,
    },
    /// The SMTP server refused or could not be reached.
    #[error("邮件发送失败：{0}")]
    Send(String),
}

/// Where and as whom to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpSettings {
    /// The server URL (`smtp://…` or `smtps://…`).
    pub url: String,
    /// The sender (`政府信息公开办 <gk@example.gov.cn>`).
    pub from: String,
}

impl SmtpSettings {
    /// Reads `GONGKAI_SMTP_URL` and `GONGKAI_SMTP_FROM`; `None` when no URL
    /// is set (mail is off), an error when the URL is set but the sender is
    /// missing.
    pub fn from_env() -> Result<Option<SmtpSettings>, MailError> {
        let Some(url) = std::env::var("GONGKAI_SMTP_URL")
            .ok()
            .filter(|u| !u.trim().is_empty())
        else {
            return Ok(None);
        };
        let from = std::env::var("GONGKAI_SMTP_FROM").unwrap_or_default();
        if from.trim().is_empty() {
            return Err(MailError::Config {
                variable: "GONGKAI_SMTP_FROM",
                message: "已设置 GONGKAI_SMTP_URL，还须设置发件地址，例如 政府信息公开办 <gk@example.gov.cn>".into(),
            });
        }
        Ok(Some(SmtpSettings {
            url: url.trim().to_owned(),
            from: from.trim().to_owned(),
        }))
    }
}

/// A configured SMTP client; cheap to clone (the pool is shared).
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
}

impl Mailer {
    /// Builds the client; checks the URL's scheme and the sender address.
    /// Call it inside a Tokio runtime (the connection pool lives there).
    pub fn new(settings: &SmtpSettings) -> Result<Mailer, MailError> {
        let url = settings.url.as_str();
        if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
            return Err(MailError::Config {
                variable: "GONGKAI_SMTP_URL",
                message: format!("“{}”应以 smtp:// 或 smtps:// 开头", redact(url)),
            });
        }
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Config {
                variable: "GONGKAI_SMTP_URL",
                message: format!("“{}”：{e}", redact(url)),
            })?
            .build();
        let from = settings
            .from
            .parse::<Mailbox>()
            .map_err(|e| MailError::Config {
                variable: "GONGKAI_SMTP_FROM",
                message: format!("“{}”：{e}", settings.from),
            })?;
        Ok(Mailer { transport, from })
    }

    /// Sends `message` as UTF-8 plain text to `address` (with `name`).
    pub async fn send(
        &self,
        name: &str,
        address: &str,
        message: &MailMessage,
    ) -> Result<(), MailError> {
        let to = Mailbox::new(
            Some(name.to_owned()).filter(|n| !n.is_empty()),
            address
                .parse()
                .map_err(|e: lettre::address::AddressError| MailError::Recipient {
                    address: address.to_owned(),
                    message: e.to_string(),
                })?,
        );
        let email = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(message.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(message.body.clone())
            .map_err(|e| MailError::Send(e.to_string()))?;
        self.transport
            .send(email)
            .await
            .map(|_| ())
            .map_err(|e| MailError::Send(e.to_string()))
    }
}

/// The URL without its password, for error messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn settings_are_checked() {
        let bad = Mailer::new(&SmtpSettings {
            url: "http://mail.example.gov.cn".into(),
            from: "gk@example.gov.cn".into(),
        })
        .expect_err("scheme");
        assert!(bad.to_string().contains("GONGKAI_SMTP_URL"), "{bad}");
        let bad = Mailer::new(&SmtpSettings {
            url: "smtp://127.0.0.1:2525".into(),
            from: "not an address".into(),
        })
        .expect_err("from");
        assert!(bad.to_string().contains("GONGKAI_SMTP_FROM"), "{bad}");
        assert!(
            Mailer::new(&SmtpSettings {
                url: "smtps://gk:secret@mail.example.gov.cn:465".into(),
                from: "政府信息公开办 <gk@example.gov.cn>".into(),
            })
            .is_ok()
        );
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact("smtps://gk:s3cret@mail.example.gov.cn:465"),
            "smtps://gk:***@mail.example.gov.cn:465"
        );
        assert_eq!(redact("smtp://127.0.0.1:25"), "smtp://127.0.0.1:25");
    }
}
