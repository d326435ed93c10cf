//! The daily reminder digest: which applications of a staff user's scope
//! are overdue or due within three working days, written as a Chinese
//! e-mail ([`digest`], pure), sent over SMTP ([`smtp`], lettre with rustls),
//! at the configured Beijing time of day ([`schedule`], pure).
//!
//! **Invariant:** no database and no clock of its own: the caller collects
//! the cases (gongkai-web, from the store and the user's scope) and says
//! what day it is.

#![warn(missing_docs)]

pub mod digest;
pub mod schedule;
#[cfg(feature = "sink")]
pub mod sink;
pub mod smtp;

pub use digest::{Digest, DigestCase, MailMessage, compose};
pub use schedule::{DailyTime, next_run};
pub use smtp::{MailError, Mailer, SmtpSettings};
