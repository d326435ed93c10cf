//! `GET /staff/items`: the items of the user's agencies with filters by
//! stage, category, agency and the Art. 26 late flag.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Response};
use gongkai_store::{Category, ManagedItemFilter, StaffRole, WorkflowStage};
use serde::Deserialize;

use super::views::{ItemRow, ListView, stage_class};
use super::{item_agencies, may_draft};
use crate::staff::error::StaffError;
use crate::staff::views::Choice;
use crate::staff::{Staff, StaffState};
use crate::text::query_string;

const PER_PAGE: u32 = 30;

#[derive(Debug, Deserialize, Default)]
pub(crate) struct ListQuery {
    #[serde(default)]
    stage: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    agency: String,
    #[serde(default)]
    late: String,
    #[serde(default)]
    page: String,
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string())
}

/// `GET /staff/items`.
pub(crate) async fn page(
    State(state): State<StaffState>,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> Result<Response, StaffError> {
    let store = &state.app.store;
    let scope = item_agencies(store, &staff).await?;
    let all_agencies = store.agencies().await?;
    let visible: Vec<_> = all_agencies
        .iter()
        .filter(|a| scope.as_ref().is_none_or(|codes| codes.contains(&a.code)))
        .collect();
    let show_agency = visible.len() > 1;
    // An agency filter narrows the scope, never widens it.
    let agencies = match visible.iter().find(|a| a.code == query.agency) {
        Some(a) => Some(vec![a.code.clone()]),
        None => scope.clone(),
    };
    let stage = WorkflowStage::from_key(&query.stage);
    let category = Category::from_key(&query.category);
    let late_only = query.late == "1";
    let page: u32 = query.page.parse().ok().filter(|p| *p > 0).unwrap_or(1);
    let listing = store
        .list_managed_items(&ManagedItemFilter {
            agencies,
            stage,
            category,
            late_only,
            page,
            per_page: PER_PAGE,
        })
        .await?;
    let names: HashMap<&str, &str> = all_agencies
        .iter()
        .map(|a| (a.code.as_str(), a.name.as_str()))
        .collect();
    let rows = listing
        .rows
        .iter()
        .map(|r| ItemRow {
            href: format!("/staff/items/{}", r.item.id),
            index_no: r.item.index_no.clone(),
            title: r.item.title.clone(),
            kind: r.kind.label(),
            agency: names
                .get(r.item.agency_code.as_str())
                .map_or_else(|| r.item.agency_code.clone(), |n| (*n).to_owned()),
            category: r.item.category.label(),
            stage: r.stage.label(),
            stage_class: stage_class(r.stage),
            written: date(r.item.written_on),
            due: date(r.deadline.map(|d| d.due_on)),
            published: date(r.item.published_on),
            late: r.deadline.is_some_and(|d| d.late),
        })
        .collect();
    let pages = u32::try_from(listing.total.div_ceil(u64::from(PER_PAGE)))
        .unwrap_or(u32::MAX)
        .max(1);
    let agency_key = if agencies_selected(&visible, &query.agency) {
        query.agency.as_str()
    } else {
        ""
    };
    let href = |page: u32, late: bool| {
        let page = page.to_string();
        format!(
            "/staff/items{}",
            query_string([
                ("stage", stage.map_or("", |s| s.key())),
                ("category", category.map_or("", |c| c.key())),
                ("agency", agency_key),
                ("late", if late { "1" } else { "" }),
                ("page", if page == "1" { "" } else { page.as_str() }),
            ])
        )
    };
    let view = ListView {
        chrome: staff.chrome("信息发布", "items"),
        rows,
        total: listing.total,
        late: listing.late,
        late_href: href(1, true),
        stages: WorkflowStage::ALL
            .iter()
            .map(|s| Choice {
                value: s.key().to_owned(),
                label: s.label().to_owned(),
                selected: Some(*s) == stage,
            })
            .collect(),
        categories: Category::ALL
            .iter()
            .map(|c| Choice {
                value: c.key().to_owned(),
                label: c.label().to_owned(),
                selected: Some(*c) == category,
            })
            .collect(),
        agencies: visible
            .iter()
            .map(|a| Choice {
                value: a.code.clone(),
                label: a.name.clone(),
                selected: a.code == query.agency,
            })
            .collect(),
        show_agency,
        late_only,
        may_create: may_draft(staff.user.role),
        may_configure: staff.user.role == StaffRole::Administrator,
        page,
        pages,
        prev_href: (page > 1).then(|| href(page - 1, late_only)),
        next_href: (page < pages).then(|| href(page + 1, late_only)),
    };
    Ok(Html(view.render()?).into_response())
}

fn agencies_selected(visible: &[&gongkai_store::Agency], code: &str) -> bool {
    visible.iter().any(|a| a.code == code)
}
