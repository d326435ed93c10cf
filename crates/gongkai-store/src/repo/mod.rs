//! The queries, one module per entity, as `impl Store` blocks.

mod agencies;
mod applications;
mod attachments;
mod audit;
mod casework_report;
mod catalog;
mod due;
mod events;
mod handling;
mod import;
mod keys;
mod login;
mod pages;
mod publishing;
mod report_drafts;
mod reports;
mod reviews;
mod search_words;
mod session;
mod staff;
mod stats;

pub(crate) use applications::operational_calendar;
pub use attachments::sha256_hex;
pub use catalog::ImportOutcome;
pub use login::{
    LoginResult, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, ThrottlePolicy, check_password_policy,
    hash_password, password_matches,
};
pub use publishing::PublicItem;
pub use publishing::PublishOutcome;
pub use report_drafts::Publication;
pub use search_words::MAX_SEARCH_WORD_CHARS;
pub use session::{NewSession, SessionPolicy, StaffSession, random_token};

use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::StoreError;
use crate::error::Context;

/// A transaction on either database.
pub(crate) type Tx<'a> = Transaction<'a, Any>;

/// Reads column `name` of `row`.
pub(crate) fn col<'r, T>(row: &'r AnyRow, name: &'static str) -> Result<T, StoreError>
where
    T: sqlx::Decode<'r, Any> + sqlx::Type<Any>,
{
    row.try_get(name).ctx(name)
}
