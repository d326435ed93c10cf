//! Domain enums that serialise with serde (channels, states, outcomes, events)
//! stored as their serde keys.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::StoreError;

/// The serde key of a unit variant (`in_person`, `granted`, …).
pub(crate) fn key_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(key)) => key,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// The key's inverse; an unknown key is corrupt data.
pub(crate) fn from_key<T: DeserializeOwned>(
    what: &'static str,
    key: String,
) -> Result<T, StoreError> {
    serde_json::from_value(serde_json::Value::String(key.clone()))
        .map_err(|_| StoreError::Corrupt { what, value: key })
}
