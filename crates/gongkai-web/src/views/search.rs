//! View models of the search results page.

use askama::Template;

use super::{Chrome, PageLink};

/// An `<option>` of a filter select.
#[derive(Debug, Clone)]
pub struct SelectOption {
    /// The submitted value.
    pub value: String,
    /// The text shown.
    pub label: String,
    /// Whether it is the current choice.
    pub selected: bool,
}

/// An `<optgroup>` of the agency select.
#[derive(Debug, Clone)]
pub struct OptionGroup {
    /// The group's label, e.g. 部门.
    pub label: &'static str,
    /// Its options.
    pub options: Vec<SelectOption>,
}

/// One search hit as shown.
#[derive(Debug, Clone)]
pub struct HitRow {
    /// Link to the item.
    pub href: String,
    /// The title as safe HTML with `<mark>` (from the search index).
    pub title_html: String,
    /// A body fragment as safe HTML with `<mark>` (from the search index).
    pub snippet_html: String,
    /// 发布机构.
    pub agency: String,
    /// 发布日期, `YYYY-MM-DD`.
    pub published: String,
    /// The category's label.
    pub category: String,
    /// 文号, or an empty string.
    pub doc_number: String,
    /// 失效 or 废止; empty for valid items.
    pub validity_note: String,
}

/// The filter form's current values and choices.
#[derive(Debug, Clone)]
pub struct SearchFilters {
    /// Agencies by kind.
    pub agencies: Vec<OptionGroup>,
    /// Categories.
    pub categories: Vec<SelectOption>,
    /// Validity choices.
    pub validities: Vec<SelectOption>,
    /// `from`, `YYYY-MM-DD` or empty.
    pub from: String,
    /// `to`, `YYYY-MM-DD` or empty.
    pub to: String,
    /// The 文号 filter or empty.
    pub doc_number: String,
    /// Link to the same text without filters, when filters are set.
    pub clear_href: Option<String>,
}

/// `/search`.
#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchView {
    /// Chrome.
    pub chrome: Chrome,
    /// The query text as typed (escaped by the template).
    pub q: String,
    /// Whether anything was asked (text or a filter).
    pub searched: bool,
    /// Whether filters are set.
    pub filtered: bool,
    /// The filter form.
    pub filters: SearchFilters,
    /// Matching items in total (counted up to a cap).
    pub total: usize,
    /// The total as shown: the number, or “10,000+” when counting stopped.
    pub total_label: String,
    /// Current page.
    pub page: u32,
    /// Pages.
    pub page_count: u32,
    /// Search time, e.g. `0.004`.
    pub seconds: String,
    /// This page's hits.
    pub hits: Vec<HitRow>,
    /// Pagination links.
    pub pages: Vec<PageLink>,
    /// What the hits are for, inside “…” in the heading: the text, or the
    /// words that were searched when some were dropped.
    pub summary_q: String,
    /// Notes on repaired input (query cut, dates swapped or ignored).
    pub notes: Vec<String>,
    /// Why the hits are for fewer words than typed, or `None`.
    pub relaxed_note: Option<String>,
    /// “您是不是要找” link, or `None`.
    pub suggestion: Option<Suggestion>,
    /// Links for the two orders (with text only).
    pub sort_links: Option<SortLinks>,
}

/// A corrected query offered as a link.
#[derive(Debug, Clone)]
pub struct Suggestion {
    /// The corrected text.
    pub text: String,
    /// Its search link.
    pub href: String,
}

/// The same search by relevance and by date.
#[derive(Debug, Clone)]
pub struct SortLinks {
    /// Whether the hits are newest first.
    pub by_date: bool,
    /// Link to the relevance order.
    pub relevance_href: String,
    /// Link to the date order.
    pub date_href: String,
}
