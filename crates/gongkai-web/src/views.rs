//! The page templates (askama, in `templates/`) and the view models they show.
//! Every value is escaped by the templates except the report fragment, which
//! the render crate escapes itself.

mod search;

use askama::Template;

pub use search::{
    HitRow, OptionGroup, SearchFilters, SearchView, SelectOption, SortLinks, Suggestion,
};

use crate::text::Block;

/// The brand shown when no government is known (error pages).
pub const GENERIC_SITE_NAME: &str = "政府信息公开平台";

/// A step of the breadcrumb.
#[derive(Debug, Clone)]
pub struct Crumb {
    /// Text.
    pub label: String,
    /// Link; `None` for the current page.
    pub href: Option<String>,
}

/// A link of the left-hand column.
#[derive(Debug, Clone)]
pub struct NavLink {
    /// Text.
    pub label: String,
    /// Target.
    pub href: String,
    /// Whether it is the current page (`aria-current`).
    pub current: bool,
    /// A count shown after the label, if any.
    pub count: Option<u64>,
}

/// What every page shows around its content: header, breadcrumb, left column, footer.
#[derive(Debug, Clone)]
pub struct Chrome {
    /// The government whose platform this is, e.g. 海盐县人民政府.
    pub site_name: String,
    /// Its 政府信息公开 home (`/agencies/{code}`), the main menu's
    /// “本级政府信息公开”; empty when no government is registered.
    pub site_href: String,
    /// The `<title>` (the site name is appended).
    pub title: String,
    /// The breadcrumb, home first.
    pub crumbs: Vec<Crumb>,
    /// The heading of the left column.
    pub side_title: String,
    /// The links of the left column.
    pub side_links: Vec<NavLink>,
    /// Whether the left column is left out on narrow screens (where it would
    /// come before the content) because the content repeats it: the
    /// catalog's categories as a collapsed “按分类浏览”, the agency home's
    /// four columns as tiles.
    pub side_narrow_hidden: bool,
    /// Which main menu entry is current: `home` (only `/`), `government`,
    /// `agencies`, `towns`, `search` or none.
    pub section: &'static str,
}

impl Chrome {
    /// Chrome naming the platform's government `site` (see
    /// [`crate::routes::site_government`]), or the generic platform name
    /// when there is none yet, with no left column.
    pub fn new(
        site: Option<&gongkai_store::Agency>,
        title: impl Into<String>,
        crumbs: Vec<Crumb>,
        section: &'static str,
    ) -> Chrome {
        Chrome {
            site_name: site.map_or_else(|| GENERIC_SITE_NAME.to_owned(), |g| g.name.clone()),
            site_href: site.map_or_else(String::new, |g| crate::text::agency_href(&g.code, "")),
            title: title.into(),
            crumbs,
            side_title: String::new(),
            side_links: Vec::new(),
            side_narrow_hidden: false,
            section,
        }
    }

    /// Chrome for an error page: the platform's government when it is known
    /// (like every other page), the generic name otherwise.
    pub fn generic(title: &str, site: Option<&gongkai_store::Agency>) -> Chrome {
        let crumbs = vec![
            Crumb {
                label: "首页".into(),
                href: Some("/".into()),
            },
            Crumb {
                label: title.to_owned(),
                href: None,
            },
        ];
        Chrome::new(site, title, crumbs, "")
    }

    /// The footer's 主办单位: the government's office, or nothing when no
    /// government is known (no invented office names).
    pub fn host(&self) -> Option<String> {
        (!self.site_href.is_empty()).then(|| format!("{}办公室", self.site_name))
    }
}

/// A link to an agency, with its number of published items.
#[derive(Debug, Clone)]
pub struct AgencyLink {
    /// Name.
    pub name: String,
    /// Its 政府信息公开 home.
    pub href: String,
    /// Published items.
    pub items: u64,
}

/// An item in a list.
#[derive(Debug, Clone)]
pub struct ItemRow {
    /// 索引号.
    pub index_no: String,
    /// 标题.
    pub title: String,
    /// Link to the item.
    pub href: String,
    /// 发布日期.
    pub published: String,
    /// 文号, or an empty string.
    pub doc_number: String,
    /// The category's label.
    pub category: String,
    /// 发布机构.
    pub agency: String,
}

/// One of the four standard columns of an agency's 政府信息公开 home.
#[derive(Debug, Clone)]
pub struct Column {
    /// Title.
    pub title: &'static str,
    /// What it holds.
    pub description: String,
    /// Link.
    pub href: String,
    /// Short mark for the tile.
    pub mark: &'static str,
}

/// `/`.
#[derive(Template)]
#[template(path = "home.html")]
pub struct HomeView {
    /// Chrome.
    pub chrome: Chrome,
    /// The government.
    pub government: AgencyLink,
    /// Its departments.
    pub departments: Vec<AgencyLink>,
    /// Its towns and sub-districts.
    pub towns: Vec<AgencyLink>,
    /// Latest items of all agencies.
    pub latest: Vec<ItemRow>,
    /// All published items.
    pub total_items: u64,
    /// Number of agencies.
    pub agency_count: usize,
}

/// `/agencies/{code}`.
#[derive(Template)]
#[template(path = "agency.html")]
pub struct AgencyView {
    /// Chrome.
    pub chrome: Chrome,
    /// Agency name.
    pub name: String,
    /// “政府信息公开” or “信息公开” (after a name ending in 政府).
    pub suffix: &'static str,
    /// Kind label, when the name does not already say it (a 人民政府).
    pub kind: Option<&'static str>,
    /// The four columns.
    pub columns: Vec<Column>,
    /// Latest items.
    pub latest: Vec<ItemRow>,
    /// Link to the full catalog.
    pub catalog_href: String,
    /// 办公地址.
    pub address: String,
    /// 联系电话.
    pub phone: String,
    /// 办公时间.
    pub office_hours: String,
    /// Subordinate departments (for a government).
    pub departments: Vec<AgencyLink>,
    /// Subordinate towns and sub-districts (for a government).
    pub towns: Vec<AgencyLink>,
}

/// `/agencies/{code}/guide` and `/rules`.
#[derive(Template)]
#[template(path = "page.html")]
pub struct PageView {
    /// Chrome.
    pub chrome: Chrome,
    /// Title.
    pub title: String,
    /// Body blocks.
    pub blocks: Vec<Block>,
    /// Last update, `YYYY-MM-DD`.
    pub updated: String,
}

/// A link of the pagination.
#[derive(Debug, Clone)]
pub struct PageLink {
    /// Text.
    pub label: String,
    /// Target; `None` when disabled or current.
    pub href: Option<String>,
    /// Whether this is the current page.
    pub current: bool,
    /// Accessible name.
    pub aria: String,
    /// A page number more than one page away from the current one (left
    /// out on phones so that the pagination fits on one line).
    pub far: bool,
}

/// `/agencies/{code}/catalog`.
#[derive(Template)]
#[template(path = "catalog.html")]
pub struct CatalogView {
    /// Chrome (the left column lists the categories).
    pub chrome: Chrome,
    /// Heading.
    pub heading: String,
    /// The selected category's legal text, if any.
    pub legal_text: String,
    /// Rows.
    pub rows: Vec<ItemRow>,
    /// Items matching.
    pub total: u64,
    /// Page number.
    pub page: u32,
    /// Pages.
    pub page_count: u32,
    /// Pagination links.
    pub pages: Vec<PageLink>,
    /// The agency code for the scoped search box.
    pub search_agency: String,
    /// The agency name for the scoped search box.
    pub search_agency_name: String,
}

/// A row of the metadata table.
#[derive(Debug, Clone)]
pub struct Meta {
    /// Label.
    pub label: &'static str,
    /// Value.
    pub value: String,
}

/// `/items/{index_no}`.
#[derive(Template)]
#[template(path = "item.html")]
pub struct ItemView {
    /// Chrome.
    pub chrome: Chrome,
    /// Title.
    pub title: String,
    /// Metadata rows.
    pub meta: Vec<Meta>,
    /// Body blocks.
    pub blocks: Vec<Block>,
    /// Attachments for download (published items only).
    pub files: Vec<PublicFile>,
    /// 相关解读 (of a document) or 解读对象 (of an interpretation).
    pub related: Vec<RelatedLink>,
    /// The heading of `related`.
    pub related_heading: &'static str,
    /// For a withdrawn item: when and why, and its replacement if any.
    pub withdrawn: Option<WithdrawnNotice>,
}

/// An attachment on the public item page.
#[derive(Debug, Clone)]
pub struct PublicFile {
    /// The file's name.
    pub name: String,
    /// Its size for people.
    pub size: String,
    /// The download link.
    pub href: String,
}

/// A link to a related published item.
#[derive(Debug, Clone)]
pub struct RelatedLink {
    /// Its title.
    pub title: String,
    /// Its page.
    pub href: String,
    /// Its 发布日期.
    pub date: String,
}

/// Why an item is no longer public.
#[derive(Debug, Clone)]
pub struct WithdrawnNotice {
    /// The sentence shown.
    pub text: String,
    /// The item that replaced it.
    pub replacement: Option<RelatedLink>,
}

/// A year in the report list.
#[derive(Debug, Clone)]
pub struct ReportRow {
    /// Year.
    pub year: i32,
    /// Title, in the parts between which a line may break.
    pub title_parts: Vec<String>,
    /// Page link.
    pub href: String,
    /// Publication date.
    pub published: String,
    /// Download links: (label, href).
    pub downloads: Vec<(&'static str, String)>,
}

/// `/agencies/{code}/reports`.
#[derive(Template)]
#[template(path = "reports.html")]
pub struct ReportsView {
    /// Chrome.
    pub chrome: Chrome,
    /// Heading.
    pub heading: String,
    /// Years.
    pub rows: Vec<ReportRow>,
}

/// `/agencies/{code}/reports/{year}`.
#[derive(Template)]
#[template(path = "report.html")]
pub struct ReportView {
    /// Chrome.
    pub chrome: Chrome,
    /// Title, in the parts between which a line may break.
    pub title_parts: Vec<String>,
    /// Publication date.
    pub published: String,
    /// The official format's label.
    pub format: &'static str,
    /// The HTML fragment from gongkai-render (already escaped).
    pub body_html: String,
    /// Download links.
    pub downloads: Vec<(&'static str, String)>,
}

/// Error pages.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorView {
    /// Chrome.
    pub chrome: Chrome,
    /// HTTP status.
    pub status: u16,
    /// Heading.
    pub heading: &'static str,
    /// What went wrong.
    pub message: String,
}
