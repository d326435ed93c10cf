//! `/`: the government-level portal.

use std::collections::HashMap;

use axum::extract::State;
use axum::response::Html;
use gongkai_store::{AgencyKind, CatalogQuery, ItemStatus};

use super::{item_row, render};
use crate::text::agency_href;
use crate::views::{AgencyLink, Chrome, Crumb, HomeView};
use crate::{AppState, PageError};

/// `GET /`.
pub async fn page(State(state): State<AppState>) -> Result<Html<String>, PageError> {
    let store = &state.store;
    let tree = store.agency_tree().await?;
    let root = tree
        .iter()
        .find(|t| t.agency.kind == AgencyKind::Government)
        .or_else(|| tree.first())
        .ok_or_else(|| PageError::NotFound("平台尚未登记任何机构。".into()))?;
    let counts: HashMap<String, u64> = store
        .item_counts_by_agency(ItemStatus::Published)
        .await?
        .into_iter()
        .collect();
    let link = |a: &gongkai_store::Agency| AgencyLink {
        name: a.name.clone(),
        href: agency_href(&a.code, ""),
        items: counts.get(&a.code).copied().unwrap_or(0),
    };
    let departments = root
        .children_of_kind(AgencyKind::Department)
        .map(|t| link(&t.agency))
        .collect();
    let towns = root
        .children_of_kind(AgencyKind::Town)
        .map(|t| link(&t.agency))
        .collect();
    let mut query = CatalogQuery::published(&root.agency.code);
    query.agency_code = None;
    query.per_page = 12;
    let latest_page = store.list_catalog(&query).await?;
    let names: HashMap<String, String> = store
        .agencies()
        .await?
        .into_iter()
        .map(|a| (a.code.clone(), a.name))
        .collect();
    let latest = latest_page
        .items
        .iter()
        .map(|i| item_row(i, names.get(&i.agency_code).map_or("", String::as_str)))
        .collect();
    let view = HomeView {
        chrome: Chrome::new(
            Some(&root.agency),
            "政府信息公开",
            vec![Crumb {
                label: "首页".into(),
                href: None,
            }],
            "home",
        ),
        government: link(&root.agency),
        departments,
        towns,
        latest,
        total_items: counts.values().sum(),
        agency_count: names.len(),
    };
    render(&view)
}
