//! Request handlers, one module per page family, and what they share.

pub mod agency;
pub mod apply;
pub mod assets;
pub mod catalog;
pub mod home;
pub mod item;
mod paging;
pub mod reports;
pub mod search;
mod search_params;
pub mod suggest;

use askama::Template;
use axum::response::Html;
use gongkai_store::{Agency, AgencyKind, CatalogItem, Store};

use crate::PageError;
use crate::text::{agency_href, disclosure_title, item_href};
use crate::views::{Chrome, Crumb, ItemRow, NavLink};

/// The fallback: an unknown path.
pub async fn not_found() -> PageError {
    PageError::NotFound("您访问的页面不存在或已被删除，请检查网址是否正确。".into())
}

/// Renders a template to an HTML response.
pub(crate) fn render(view: &impl Template) -> Result<Html<String>, PageError> {
    view.render()
        .map(Html)
        .map_err(|e| PageError::Internal(format!("模板渲染失败：{e}")))
}

/// The government the platform belongs to: the first top-level government.
pub(crate) async fn site_government(store: &Store) -> Result<Option<Agency>, PageError> {
    let tree = store.agency_tree().await?;
    Ok(tree
        .iter()
        .find(|t| t.agency.kind == AgencyKind::Government)
        .or_else(|| tree.first())
        .map(|t| t.agency.clone()))
}

/// The agency with `code`, or a 404 that names it.
pub(crate) async fn agency_or_404(store: &Store, code: &str) -> Result<Agency, PageError> {
    store
        .agency(code)
        .await?
        .ok_or_else(|| PageError::NotFound(format!("找不到机构“{code}”，请从首页的机构列表进入。")))
}

/// The four standard columns of an agency (path suffix, title).
pub(crate) const COLUMNS: [(&str, &str); 4] = [
    ("guide", "政府信息公开指南"),
    ("rules", "政府信息公开制度"),
    ("catalog", "法定主动公开内容"),
    ("reports", "政府信息公开年报"),
];

/// The chrome of an agency's pages: breadcrumb through the agency, its four
/// columns in the left column with `current` marked.
pub(crate) async fn agency_chrome(
    store: &Store,
    agency: &Agency,
    current: &str,
    title: &str,
    tail: Vec<Crumb>,
) -> Result<Chrome, PageError> {
    let mut crumbs = vec![
        Crumb {
            label: "首页".into(),
            href: Some("/".into()),
        },
        Crumb {
            label: disclosure_title(&agency.name),
            href: (current != "home" || !tail.is_empty()).then(|| agency_href(&agency.code, "")),
        },
    ];
    crumbs.extend(tail);
    let mut side_links = vec![NavLink {
        label: "信息公开首页".into(),
        href: agency_href(&agency.code, ""),
        current: current == "home",
        count: None,
    }];
    side_links.extend(COLUMNS.iter().map(|(path, label)| NavLink {
        label: (*label).to_owned(),
        href: agency_href(&agency.code, path),
        current: current == *path,
        count: None,
    }));
    let site = site_government(store).await?;
    let section = match agency.kind {
        AgencyKind::Government if site.as_ref().is_some_and(|g| g.code == agency.code) => {
            "government"
        }
        AgencyKind::Government => "",
        AgencyKind::Department => "agencies",
        AgencyKind::Town => "towns",
    };
    let mut chrome = Chrome::new(site.as_ref(), title, crumbs, section);
    chrome.side_title = agency.name.clone();
    chrome.side_links = side_links;
    Ok(chrome)
}

/// An item as a list row.
pub(crate) fn item_row(item: &CatalogItem, agency_name: &str) -> ItemRow {
    ItemRow {
        index_no: item.index_no.clone(),
        title: item.title.clone(),
        href: item_href(&item.index_no),
        published: item
            .published_on
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        doc_number: item.doc_number.clone().unwrap_or_default(),
        category: item.category.label().to_owned(),
        agency: agency_name.to_owned(),
    }
}
