//! `/items/{index_no}`: one published item with its metadata.

use axum::extract::{Path, State};
use axum::response::Html;
use gongkai_store::{ItemStatus, Validity};

use super::{agency_chrome, agency_or_404, render};
use crate::text::{agency_href, blocks};
use crate::views::{Crumb, ItemView, Meta};
use crate::{AppState, PageError};

fn date_or_dash(date: Option<chrono::NaiveDate>) -> String {
    date.map_or_else(|| "—".to_owned(), |d| d.format("%Y-%m-%d").to_string())
}

/// `GET /items/{index_no}` (the 索引号 may contain `/`).
pub async fn page(
    State(state): State<AppState>,
    Path(index_no): Path<String>,
) -> Result<Html<String>, PageError> {
    let store = &state.store;
    let missing = || {
        PageError::NotFound(format!(
            "找不到索引号为“{index_no}”的公开信息，它可能已被撤回。"
        ))
    };
    let item = store
        .catalog_item(&index_no)
        .await?
        .filter(|i| i.status == ItemStatus::Published)
        .ok_or_else(missing)?;
    let agency = agency_or_404(store, &item.agency_code).await?;
    let validity = match (item.validity, item.validity_changed_on) {
        (Validity::Valid, _) | (_, None) => item.validity.label().to_owned(),
        (other, Some(on)) => format!(
            "{}（{}{}）",
            other.label(),
            on.format("%Y-%m-%d"),
            other.label()
        ),
    };
    let meta = vec![
        Meta {
            label: "索引号",
            value: item.index_no.clone(),
        },
        Meta {
            label: "发布机构",
            value: agency.name.clone(),
        },
        Meta {
            label: "文号",
            value: item.doc_number.clone().unwrap_or_else(|| "—".into()),
        },
        Meta {
            label: "主题分类",
            value: if item.topic.is_empty() {
                "—".into()
            } else {
                item.topic.clone()
            },
        },
        Meta {
            label: "成文日期",
            value: date_or_dash(item.written_on),
        },
        Meta {
            label: "发布日期",
            value: date_or_dash(item.published_on),
        },
        Meta {
            label: "有效性",
            value: validity,
        },
        Meta {
            label: "公开方式",
            value: item.disclosure_mode.label().to_owned(),
        },
        Meta {
            label: "信息分类",
            value: format!("{}（{}）", item.category.label(), item.category.article()),
        },
    ];
    let tail = vec![
        Crumb {
            label: "法定主动公开内容".into(),
            href: Some(agency_href(&agency.code, "catalog")),
        },
        Crumb {
            label: item.category.label().into(),
            href: Some(format!(
                "{}?category={}",
                agency_href(&agency.code, "catalog"),
                item.category.key()
            )),
        },
        Crumb {
            label: "正文".into(),
            href: None,
        },
    ];
    let view = ItemView {
        chrome: agency_chrome(store, &agency, "catalog", &item.title, tail).await?,
        title: item.title.clone(),
        meta,
        blocks: blocks(&item.body),
    };
    render(&view)
}
