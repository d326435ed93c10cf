//! Items of the proactive-disclosure catalog (法定主动公开内容).

use chrono::{DateTime, NaiveDate, Utc};

pub use gongkai_domain::catalog::{DisclosureMode, ItemStatus, NewCatalogItem, Validity};

use super::Category;

/// A catalog item as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogItem {
    /// Internal id.
    pub id: i64,
    /// 索引号, unique.
    pub index_no: String,
    /// The publishing agency's code (发布机构).
    pub agency_code: String,
    /// 标题.
    pub title: String,
    /// 文号, e.g. 盐政发〔2024〕12号; many items have none.
    pub doc_number: Option<String>,
    /// 成文日期.
    pub written_on: Option<NaiveDate>,
    /// 发布日期; `None` while a draft.
    pub published_on: Option<NaiveDate>,
    /// The statutory category.
    pub category: Category,
    /// 主题分类, e.g. 财政、金融、审计.
    pub topic: String,
    /// 有效性.
    pub validity: Validity,
    /// When the validity last changed (失效/废止 date).
    pub validity_changed_on: Option<NaiveDate>,
    /// 公开方式.
    pub disclosure_mode: DisclosureMode,
    /// 正文: plain text, paragraphs separated by blank lines.
    pub body: String,
    /// Draft, published or withdrawn.
    pub status: ItemStatus,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}

/// Which items to list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogQuery {
    /// Only this agency's items; `None` for all.
    pub agency_code: Option<String>,
    /// Only this category.
    pub category: Option<Category>,
    /// Only this status (the public portal asks for published items).
    pub status: Option<ItemStatus>,
    /// 1-based page number.
    pub page: u32,
    /// Items per page (1–200).
    pub per_page: u32,
}

impl CatalogQuery {
    /// The first page of an agency's published items, 20 per page.
    pub fn published(agency_code: &str) -> CatalogQuery {
        CatalogQuery {
            agency_code: Some(agency_code.to_owned()),
            category: None,
            status: Some(ItemStatus::Published),
            page: 1,
            per_page: 20,
        }
    }
}

/// One page of a listing, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogPage {
    /// The items on this page.
    pub items: Vec<CatalogItem>,
    /// The number of items matching the query on all pages.
    pub total: u64,
    /// This page's number (1-based).
    pub page: u32,
    /// Items per page.
    pub per_page: u32,
}

impl CatalogPage {
    /// The number of pages (at least 1).
    pub fn page_count(&self) -> u32 {
        let per_page = u64::from(self.per_page.max(1));
        u32::try_from(self.total.div_ceil(per_page))
            .unwrap_or(u32::MAX)
            .max(1)
    }
}
