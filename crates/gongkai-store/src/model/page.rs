//! The agency-edited pages of the 政府信息公开 section.

use chrono::{DateTime, Utc};

use super::keyed_enum;

keyed_enum! {
    /// Which of the agency-edited pages a page is.
    pub enum PageKind {
        /// 政府信息公开指南: how to find information and how to apply.
        Guide => "guide", "政府信息公开指南";
        /// 政府信息公开制度: the agency's rules on disclosure work.
        Rules => "rules", "政府信息公开制度";
    }
}

/// A page as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisclosurePage {
    /// The agency's code.
    pub agency_code: String,
    /// Guide or rules.
    pub kind: PageKind,
    /// The page title.
    pub title: String,
    /// Plain text; paragraphs separated by blank lines.
    pub body: String,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}
