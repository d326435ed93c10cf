//! The append-only audit log: who changed what, when, from what to what.

use chrono::{DateTime, Utc};
use serde_json::Value;

/// An entry to append.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAuditEntry {
    /// Who acted (a user name, or `system`/`demo`).
    pub actor: String,
    /// What was done, e.g. `catalog.publish`.
    pub action: String,
    /// The kind of entity, e.g. `catalog_item`.
    pub entity_type: String,
    /// The entity's key, e.g. its 索引号.
    pub entity_key: String,
    /// The entity before the change; `None` when created.
    pub before: Option<Value>,
    /// The entity after the change; `None` when removed.
    pub after: Option<Value>,
}

/// An entry as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    /// Increasing sequence number.
    pub id: i64,
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
    /// Who acted.
    pub actor: String,
    /// What was done.
    pub action: String,
    /// The kind of entity.
    pub entity_type: String,
    /// The entity's key.
    pub entity_key: String,
    /// Before the change.
    pub before: Option<Value>,
    /// After the change.
    pub after: Option<Value>,
}
