//! How domain values appear in templates: labels and Chinese dates.

use chrono::NaiveDate;
use gongkai_domain::deadline::{Outcome, ReceiptChannel};
use serde::Serializer;
use serde::ser::SerializeMap;

use super::{FeeDetails, Party};
use crate::chinese::{date_cn, yuan_in_words};

pub(super) fn date<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&date_cn(*date))
}

pub(super) fn optional_date<S: Serializer>(
    date: &Option<NaiveDate>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.serialize_some(&date_cn(*d)),
        None => s.serialize_none(),
    }
}

pub(super) fn channel<S: Serializer>(
    channel: &Option<ReceiptChannel>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match channel {
        Some(c) => s.serialize_some(c.label()),
        None => s.serialize_none(),
    }
}

pub(super) fn outcome<S: Serializer>(outcome: &Option<Outcome>, s: S) -> Result<S::Ok, S::Error> {
    let Some(outcome) = outcome else {
        return s.serialize_none();
    };
    let mut map = s.serialize_map(Some(5))?;
    map.serialize_entry("key", outcome.key())?;
    map.serialize_entry("label", outcome.label())?;
    map.serialize_entry("full_label", &outcome.full_label())?;
    map.serialize_entry("group", outcome.group().label())?;
    map.serialize_entry("article", outcome.article())?;
    map.end()
}

pub(super) fn party<S: Serializer>(party: &Party, s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(5))?;
    map.serialize_entry("name", &party.name)?;
    map.serialize_entry("kind", party.kind.label())?;
    map.serialize_entry("kind_key", party.kind.key())?;
    map.serialize_entry("is_person", &party.is_person())?;
    map.serialize_entry("you", party.you())?;
    map.end()
}

pub(super) fn fee<S: Serializer>(fee: &FeeDetails, s: S) -> Result<S::Ok, S::Error> {
    let quote = &fee.quote;
    let mut map = s.serialize_map(Some(11))?;
    map.serialize_entry("method", quote.method.label())?;
    map.serialize_entry("method_key", &quote.method)?;
    map.serialize_entry("unit", quote.method.unit())?;
    map.serialize_entry("quantity", &quote.quantity)?;
    map.serialize_entry("amount", &quote.amount_yuan)?;
    map.serialize_entry("amount_in_words", &yuan_in_words(quote.amount_yuan))?;
    map.serialize_entry("lines", &quote.lines())?;
    map.serialize_entry("payment_method", &fee.payment_method)?;
    map.serialize_entry("payment_due", &fee.payment_due.map(date_cn))?;
    map.serialize_entry("notice_date", &fee.notice_date.map(date_cn))?;
    map.serialize_entry("notice_number", &fee.notice_number)?;
    map.end()
}
