//! `/agencies/{code}` and its guide and rules pages.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::Html;
use gongkai_store::{AgencyKind, CatalogQuery, ItemStatus, PageKind};

use super::{agency_chrome, agency_or_404, item_row, render};
use crate::text::{agency_href, blocks, disclosure_title};
use crate::views::{AgencyLink, AgencyView, Column, Crumb, PageView};
use crate::{AppState, PageError};

/// `GET /agencies/{code}`: the agency's 政府信息公开 home with the four columns.
pub async fn home(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Html<String>, PageError> {
    let store = &state.store;
    let agency = agency_or_404(store, &code).await?;
    let mut query = CatalogQuery::published(&agency.code);
    query.per_page = 8;
    let latest = store.list_catalog(&query).await?;
    let reports = store.reports(&agency.code).await?;
    let columns = vec![
        Column {
            title: "政府信息公开指南",
            description: "公开范围、公开方式、依申请公开的受理机构和办理流程".into(),
            href: agency_href(&agency.code, "guide"),
            mark: "指南",
        },
        Column {
            title: "政府信息公开制度",
            description: "保密审查、主动公开、依申请公开、考核和责任追究等制度".into(),
            href: agency_href(&agency.code, "rules"),
            mark: "制度",
        },
        Column {
            title: "法定主动公开内容",
            description: format!(
                "按《条例》第二十条、第二十一条分类公开，共 {} 条",
                latest.total
            ),
            href: agency_href(&agency.code, "catalog"),
            mark: "目录",
        },
        Column {
            title: "政府信息公开年报",
            description: match reports.first() {
                Some(r) => format!(
                    "已发布 {} 份年度报告，最新为 {} 年度",
                    reports.len(),
                    r.year
                ),
                None => "暂无年度报告".into(),
            },
            href: agency_href(&agency.code, "reports"),
            mark: "年报",
        },
    ];
    let (departments, towns) = if agency.kind == AgencyKind::Government {
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
        let subordinates = store.subordinates(&agency.code).await?;
        let of_kind = |kind: AgencyKind| {
            subordinates
                .iter()
                .filter(|a| a.kind == kind)
                .map(link)
                .collect::<Vec<_>>()
        };
        (of_kind(AgencyKind::Department), of_kind(AgencyKind::Town))
    } else {
        (Vec::new(), Vec::new())
    };
    let mut chrome = agency_chrome(
        store,
        &agency,
        "home",
        &disclosure_title(&agency.name),
        Vec::new(),
    )
    .await?;
    // The four tiles repeat the left column: on a phone, show them only.
    chrome.side_narrow_hidden = true;
    let view = AgencyView {
        chrome,
        name: agency.name.clone(),
        suffix: if agency.name.ends_with("政府") {
            "信息公开"
        } else {
            "政府信息公开"
        },
        kind: (!agency.name.contains(agency.kind.label())).then(|| agency.kind.label()),
        columns,
        latest: latest
            .items
            .iter()
            .map(|i| item_row(i, &agency.name))
            .collect(),
        catalog_href: agency_href(&agency.code, "catalog"),
        address: agency.address.clone(),
        phone: agency.phone.clone(),
        office_hours: agency.office_hours.clone(),
        departments,
        towns,
    };
    render(&view)
}

async fn page(state: &AppState, code: &str, kind: PageKind) -> Result<Html<String>, PageError> {
    let store = &state.store;
    let agency = agency_or_404(store, code).await?;
    let page = store
        .page(&agency.code, kind)
        .await?
        .ok_or_else(|| PageError::NotFound(format!("{}尚未发布{}。", agency.name, kind.label())))?;
    let tail = vec![Crumb {
        label: kind.label().into(),
        href: None,
    }];
    let view = PageView {
        chrome: agency_chrome(store, &agency, kind.key(), &page.title, tail).await?,
        title: page.title.clone(),
        blocks: blocks(&page.body),
        updated: page.updated_at.format("%Y-%m-%d").to_string(),
    };
    render(&view)
}

/// `GET /agencies/{code}/guide`: 政府信息公开指南.
pub async fn guide(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Html<String>, PageError> {
    page(&state, &code, PageKind::Guide).await
}

/// `GET /agencies/{code}/rules`: 政府信息公开制度.
pub async fn rules(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Html<String>, PageError> {
    page(&state, &code, PageKind::Rules).await
}
