//! Files attached to an application (the written application, ID copies, letters).

use chrono::{DateTime, Utc};

/// The largest attachment accepted: 20 MB.
pub const MAX_ATTACHMENT_BYTES: usize = 20 * 1024 * 1024;

/// A file to attach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttachment {
    /// The file's name as uploaded.
    pub file_name: String,
    /// Its media type, e.g. `application/pdf`.
    pub media_type: String,
    /// Its content (1 byte to [`MAX_ATTACHMENT_BYTES`]).
    pub bytes: Vec<u8>,
}

/// An attachment as stored, without its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Internal id.
    pub id: i64,
    /// The application it belongs to.
    pub application_id: i64,
    /// The file's name.
    pub file_name: String,
    /// Its media type.
    pub media_type: String,
    /// Its size in bytes.
    pub size: u64,
    /// Lowercase hex SHA-256 of the content.
    pub sha256: String,
    /// When it was attached.
    pub created_at: DateTime<Utc>,
}
