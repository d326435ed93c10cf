//! `/agencies/{code}/catalog?category=&page=`: the catalog of 法定主动公开内容.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::response::Html;
use gongkai_store::{CatalogQuery, Category, ItemStatus};

use super::paging::pagination;
use super::{agency_chrome, agency_or_404, item_row, render};
use crate::text::{agency_href, truncate};
use crate::views::{CatalogView, Crumb, NavLink};
use crate::{AppState, PageError};

/// Items per page.
const PER_PAGE: u32 = 20;

/// The catalog's query parameters, validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogParams {
    /// The category filter.
    pub category: Option<Category>,
    /// The page, from 1.
    pub page: u32,
}

impl CatalogParams {
    /// Reads `category` and `page`; a malformed value is a 400 that names the parameter.
    pub fn parse(raw: &HashMap<String, String>) -> Result<CatalogParams, PageError> {
        let category = match raw.get("category").map(String::as_str) {
            None | Some("") => None,
            Some(key) => Some(
                Category::from_key(key).ok_or_else(|| PageError::BadRequest {
                    param: "category",
                    message: format!("“{}”不是有效的信息分类", truncate(key)),
                })?,
            ),
        };
        let page = match raw.get("page").map(String::as_str) {
            None | Some("") => 1,
            Some(text) => match text.parse::<u32>() {
                Ok(n) if n >= 1 => n,
                _ => {
                    return Err(PageError::BadRequest {
                        param: "page",
                        message: format!("页码应为从 1 开始的整数，收到“{}”", truncate(text)),
                    });
                }
            },
        };
        Ok(CatalogParams { category, page })
    }

    fn href(self, code: &str, page: u32) -> String {
        let mut href = agency_href(code, "catalog");
        let mut sep = '?';
        if let Some(category) = self.category {
            href.push_str(&format!("{sep}category={}", category.key()));
            sep = '&';
        }
        if page > 1 {
            href.push_str(&format!("{sep}page={page}"));
        }
        href
    }
}

/// `GET /agencies/{code}/catalog`.
pub async fn list(
    State(state): State<AppState>,
    Path(code): Path<String>,
    query: Result<Query<HashMap<String, String>>, axum::extract::rejection::QueryRejection>,
) -> Result<Html<String>, PageError> {
    let Query(raw) = query.map_err(|e| PageError::BadRequest {
        param: "查询字符串",
        message: e.body_text(),
    })?;
    let params = CatalogParams::parse(&raw)?;
    let store = &state.store;
    let agency = agency_or_404(store, &code).await?;
    // The side menu's per-category counts (kept in memory by the store) also
    // give the list's total, so the list itself is not counted again.
    let counts = store
        .category_counts(&agency.code, ItemStatus::Published)
        .await?;
    let total_all: u64 = counts.iter().map(|c| c.count).sum();
    let total = match params.category {
        Some(category) => counts
            .iter()
            .find(|c| c.category == category)
            .map_or(0, |c| c.count),
        None => total_all,
    };
    let result = store
        .list_catalog_with_total(
            &CatalogQuery {
                agency_code: Some(agency.code.clone()),
                category: params.category,
                status: Some(ItemStatus::Published),
                page: params.page,
                per_page: PER_PAGE,
            },
            total,
        )
        .await?;
    if params.page > result.page_count() {
        return Err(PageError::NotFound(format!(
            "页码超出范围：共 {} 页。",
            result.page_count()
        )));
    }
    let heading = params
        .category
        .map_or_else(|| "法定主动公开内容".to_owned(), |c| c.label().to_owned());
    let mut tail = vec![Crumb {
        label: "法定主动公开内容".into(),
        href: params
            .category
            .map(|_| agency_href(&agency.code, "catalog")),
    }];
    if let Some(category) = params.category {
        tail.push(Crumb {
            label: category.label().into(),
            href: None,
        });
    }
    let mut chrome = agency_chrome(store, &agency, "catalog", &heading, tail).await?;
    chrome.side_title = "法定主动公开内容".into();
    chrome.side_narrow_hidden = true;
    chrome.side_links = std::iter::once(NavLink {
        label: "全部".into(),
        href: agency_href(&agency.code, "catalog"),
        current: params.category.is_none(),
        count: Some(total_all),
    })
    .chain(
        counts
            .iter()
            .filter(|c| c.count > 0 || Some(c.category) == params.category)
            .map(|c| NavLink {
                label: c.category.label().into(),
                href: format!(
                    "{}?category={}",
                    agency_href(&agency.code, "catalog"),
                    c.category.key()
                ),
                current: Some(c.category) == params.category,
                count: Some(c.count),
            }),
    )
    .collect();
    let page_count = result.page_count();
    let view = CatalogView {
        chrome,
        heading: format!("{} · {heading}", agency.name),
        legal_text: params
            .category
            .map(|c| format!("{}：{}", c.article(), c.legal_text()))
            .unwrap_or_default(),
        rows: result
            .items
            .iter()
            .map(|i| item_row(i, &agency.name))
            .collect(),
        total: result.total,
        page: params.page,
        page_count,
        pages: pagination(params.page, page_count, |n| params.href(&agency.code, n)),
        search_agency: agency.code.clone(),
        search_agency_name: agency.name.clone(),
    };
    render(&view)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn parameters_are_validated() {
        assert_eq!(CatalogParams::parse(&raw(&[])).expect("empty").page, 1);
        let ok =
            CatalogParams::parse(&raw(&[("category", "art20_07"), ("page", "3")])).expect("ok");
        assert_eq!((ok.category, ok.page), (Some(Category::Budget), 3));
        for (key, value) in [
            ("page", "abc"),
            ("page", "-1"),
            ("page", "0"),
            ("category", "x"),
        ] {
            match CatalogParams::parse(&raw(&[(key, value)])) {
                Err(PageError::BadRequest { param, .. }) => assert_eq!(param, key),
                other => panic!("{key}={value}: {other:?}"),
            }
        }
    }
}
