//! How dates and timestamps are written to and read from TEXT columns.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

use crate::StoreError;

/// Now, as stored: RFC 3339 in UTC with seconds.
pub(crate) fn now_text() -> String {
    timestamp_text(Utc::now())
}

/// A timestamp as stored.
pub(crate) fn timestamp_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Reads a stored timestamp.
pub(crate) fn parse_timestamp(what: &'static str, text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| StoreError::Corrupt {
            what,
            value: text.to_owned(),
        })
}

/// A date as stored (`YYYY-MM-DD`).
pub(crate) fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Reads a stored date.
pub(crate) fn parse_date(what: &'static str, text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| StoreError::Corrupt {
        what,
        value: text.to_owned(),
    })
}

/// Reads an optional stored date.
pub(crate) fn parse_opt_date(
    what: &'static str,
    text: Option<String>,
) -> Result<Option<NaiveDate>, StoreError> {
    text.map(|t| parse_date(what, &t)).transpose()
}
