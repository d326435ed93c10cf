//! A catalog item's vocabularies (有效性, 公开方式, status) and the item to create.

use chrono::NaiveDate;

use super::Category;

keyed_enum! {
    /// 有效性: whether a document is still in force.
    pub enum Validity {
        /// 有效
        Valid => "valid", "有效";
        /// 失效 (expired by its own terms)
        Expired => "expired", "失效";
        /// 废止 (repealed)
        Repealed => "repealed", "废止";
    }
}

keyed_enum! {
    /// 公开方式.
    pub enum DisclosureMode {
        /// 主动公开
        Proactive => "proactive", "主动公开";
        /// 依申请公开
        OnRequest => "on_request", "依申请公开";
    }
}

keyed_enum! {
    /// Where an item is in its life.
    pub enum ItemStatus {
        /// Being written; not public.
        Draft => "draft", "草稿";
        /// Public.
        Published => "published", "已发布";
        /// Taken down; kept for the record.
        Withdrawn => "withdrawn", "已撤回";
    }
}

/// A catalog item to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCatalogItem {
    /// A given 索引号 (from an imported catalog); `None` to generate one by the store's rule.
    pub index_no: Option<String>,
    /// The publishing agency's code.
    pub agency_code: String,
    /// 标题.
    pub title: String,
    /// 文号.
    pub doc_number: Option<String>,
    /// 成文日期.
    pub written_on: Option<NaiveDate>,
    /// 发布日期 (required when published).
    pub published_on: Option<NaiveDate>,
    /// The statutory category.
    pub category: Category,
    /// 主题分类.
    pub topic: String,
    /// 有效性.
    pub validity: Validity,
    /// When the validity last changed.
    pub validity_changed_on: Option<NaiveDate>,
    /// 公开方式.
    pub disclosure_mode: DisclosureMode,
    /// 正文.
    pub body: String,
    /// Initial status.
    pub status: ItemStatus,
}
