//! `/search?q=&agency=&category=&from=&to=&validity=&doc_number=&page=`:
//! full-text search over all published items.

use std::collections::HashMap;
use std::time::Instant;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use gongkai_search::{Relaxation, SearchIndex, SearchQuery, SearchResults, SortOrder};
use gongkai_store::{Agency, AgencyKind, Category, Validity};

use super::paging::pagination;
use super::render;
use super::search_params::SearchParams;
use crate::text::item_href;
use crate::views::{
    Chrome, Crumb, HitRow, OptionGroup, SearchFilters, SearchView, SelectOption, SortLinks,
    Suggestion,
};
use crate::{AppState, PageError};

/// Runs a search on the blocking pool (tantivy work is CPU-bound).
pub(crate) async fn run_search(
    index: &std::sync::Arc<SearchIndex>,
    query: SearchQuery,
) -> Result<SearchResults, PageError> {
    let index = index.clone();
    tokio::task::spawn_blocking(move || index.search(&query))
        .await
        .map_err(|e| PageError::Internal(format!("检索任务失败：{e}")))?
        .map_err(|e| PageError::Internal(format!("检索失败：{e}")))
}

/// The 索引号 of the item a query names (its 索引号, or a 文号 one item has).
async fn identified_item(
    index: &std::sync::Arc<SearchIndex>,
    text: &str,
) -> Result<Option<String>, PageError> {
    let index = index.clone();
    let text = text.to_owned();
    tokio::task::spawn_blocking(move || index.find_item(&text))
        .await
        .map_err(|e| PageError::Internal(format!("检索任务失败：{e}")))?
        .map_err(|e| PageError::Internal(format!("检索失败：{e}")))
}

/// `GET /search`. A query that is an item's 索引号, or a 文号 only one item
/// has, redirects to that item.
pub async fn page(
    State(state): State<AppState>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, PageError> {
    let Query(raw) = query.map_err(|e| PageError::BadRequest {
        param: "查询字符串",
        message: e.body_text(),
    })?;
    let params = SearchParams::parse(&raw)?;
    let store = &state.store;
    let agencies = store.agencies().await?;
    if let Some(code) = &params.agency
        && !agencies.iter().any(|a| &a.code == code)
    {
        return Err(PageError::BadRequest {
            param: "agency",
            message: format!("发布机构“{}”不存在", crate::text::truncate(code)),
        });
    }
    if !params.q.is_empty()
        && let Some(index_no) = identified_item(&state.search, &params.q).await?
    {
        return Ok(Redirect::to(&item_href(&index_no)).into_response());
    }
    let started = Instant::now();
    let results = if params.is_search() {
        Some(run_search(&state.search, params.to_query()).await?)
    } else {
        None
    };
    let seconds = format!("{:.3}", started.elapsed().as_secs_f64());
    let (total, total_capped, page_count, hits) = match &results {
        Some(r) => (
            r.total,
            r.total_capped,
            r.page_count().min(super::search_params::MAX_PAGE),
            hits(r),
        ),
        None => (0, false, 0, Vec::new()),
    };
    if total > 0 && params.page > page_count {
        return Err(PageError::NotFound(format!(
            "页码超出范围：共 {page_count} 页。"
        )));
    }
    let title = if params.q.is_empty() {
        "站内搜索".to_owned()
    } else {
        format!("“{}”的搜索结果", params.q)
    };
    let site = super::site_government(store).await?;
    let chrome = Chrome::new(
        site.as_ref(),
        title,
        vec![
            Crumb {
                label: "首页".into(),
                href: Some("/".into()),
            },
            Crumb {
                label: "站内搜索".into(),
                href: None,
            },
        ],
        "search",
    );
    let view = SearchView {
        chrome,
        q: params.q.clone(),
        searched: params.is_search(),
        filtered: params.has_filters(),
        filters: filters(&params, &agencies),
        total,
        total_label: total_label(total, total_capped),
        page: params.page,
        page_count,
        seconds,
        hits,
        pages: pagination(params.page, page_count, |n| params.href(n)),
        summary_q: match results.as_ref().and_then(|r| r.relaxation.as_ref()) {
            Some(Relaxation::DroppedWords { kept, .. }) => kept.join(" "),
            Some(Relaxation::AnyWord { kept, .. }) => kept.join(" 或 "),
            None => params.q.clone(),
        },
        notes: params.notes.clone(),
        relaxed_note: results
            .as_ref()
            .and_then(|r| r.relaxation.as_ref())
            .map(relaxed_note),
        suggestion: results
            .as_ref()
            .and_then(|r| r.suggestion.as_ref())
            .map(|text| Suggestion {
                href: params.with_text(text).href(1),
                text: text.clone(),
            }),
        sort_links: (!params.q.is_empty()).then(|| SortLinks {
            by_date: params.sort == SortOrder::Newest,
            relevance_href: params.sorted(SortOrder::Relevance).href(1),
            date_href: params.sorted(SortOrder::Newest).href(1),
        }),
    };
    Ok(render(&view)?.into_response())
}

/// What the page says when the hits are for fewer words than typed.
fn relaxed_note(relaxation: &Relaxation) -> String {
    let quoted = |words: &[String]| {
        words
            .iter()
            .map(|w| format!("“{w}”"))
            .collect::<Vec<_>>()
            .join("")
    };
    match relaxation {
        Relaxation::DroppedWords { dropped, kept } => format!(
            "未找到同时包含{}的信息，以下是{}的结果。",
            quoted(dropped),
            quoted(kept)
        ),
        Relaxation::AnyWord { dropped, kept } => {
            let mut note = format!(
                "未找到同时包含{}的信息，以下结果只包含其中部分词语。",
                quoted(kept)
            );
            if !dropped.is_empty() {
                note.push_str(&format!("{}未找到任何信息。", quoted(dropped)));
            }
            note
        }
    }
}

/// The number of hits as shown: “10,000+” when the count stopped at
/// `total`, with thousands separated by commas.
fn total_label(total: usize, capped: bool) -> String {
    if capped {
        format!("{}+", thousands(total))
    } else {
        total.to_string()
    }
}

/// `12345` → `12,345`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The hits as rows.
fn hits(results: &SearchResults) -> Vec<HitRow> {
    results
        .hits
        .iter()
        .map(|hit| HitRow {
            href: item_href(&hit.index_no),
            title_html: hit.title_highlighted_html.clone(),
            snippet_html: hit.snippet_html.clone(),
            agency: hit.agency_name.clone(),
            published: hit.published_on.format("%Y-%m-%d").to_string(),
            category: Category::from_key(&hit.category)
                .map_or_else(|| hit.category.clone(), |c| c.label().to_owned()),
            doc_number: hit.doc_number.clone().unwrap_or_default(),
            validity_note: match Validity::from_key(&hit.validity) {
                Some(Validity::Valid) | None => String::new(),
                Some(other) => other.label().to_owned(),
            },
        })
        .collect()
}

/// The filter form: agencies grouped by kind, categories, validities.
fn filters(params: &SearchParams, agencies: &[Agency]) -> SearchFilters {
    let option = |value: &str, label: &str, selected: bool| SelectOption {
        value: value.to_owned(),
        label: label.to_owned(),
        selected,
    };
    let agencies = [
        (AgencyKind::Government, "本级政府"),
        (AgencyKind::Department, "政府部门"),
        (AgencyKind::Town, "乡镇（街道）"),
    ]
    .into_iter()
    .map(|(kind, label)| OptionGroup {
        label,
        options: agencies
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| option(&a.code, &a.name, params.agency.as_deref() == Some(&a.code)))
            .collect(),
    })
    .filter(|g| !g.options.is_empty())
    .collect();
    SearchFilters {
        agencies,
        categories: Category::ALL
            .iter()
            .map(|&c| option(c.key(), c.label(), params.category == Some(c)))
            .collect(),
        validities: Validity::ALL
            .iter()
            .map(|&v| option(v.key(), v.label(), params.validity == Some(v)))
            .collect(),
        from: params.from.map(|d| d.to_string()).unwrap_or_default(),
        to: params.to.map(|d| d.to_string()).unwrap_or_default(),
        doc_number: params.doc_number.clone().unwrap_or_default(),
        clear_href: params
            .has_filters()
            .then(|| params.without_filters().href(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::{Relaxation, relaxed_note, total_label};

    #[test]
    fn relaxed_searches_name_the_dropped_words() {
        let note = relaxed_note(&Relaxation::DroppedWords {
            dropped: vec!["预箅".into()],
            kept: vec!["部门".into()],
        });
        assert_eq!(note, "未找到同时包含“预箅”的信息，以下是“部门”的结果。");
        let note = relaxed_note(&Relaxation::AnyWord {
            dropped: vec!["量子".into()],
            kept: vec!["寒假".into(), "预算".into()],
        });
        assert_eq!(
            note,
            "未找到同时包含“寒假”“预算”的信息，以下结果只包含其中部分词语。“量子”未找到任何信息。"
        );
    }

    #[test]
    fn capped_totals_read_as_a_lower_bound() {
        assert_eq!(total_label(7, false), "7");
        assert_eq!(total_label(9_999, false), "9999");
        assert_eq!(total_label(10_000, true), "10,000+");
        assert_eq!(total_label(1_234_567, true), "1,234,567+");
    }
}
