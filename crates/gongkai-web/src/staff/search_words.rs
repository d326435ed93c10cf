//! The search dictionary for administrators: words that the segmenter
//! must keep whole (local place and project names, new policy terms), so
//! that a query made of them is one word and items with them rank first.
//!
//! Matching never depends on these words (any run of characters of a title
//! or body is found), only how queries are cut and how hits rank. After a
//! change the index is updated in the background, item by item, so searches
//! keep finding everything meanwhile.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use gongkai_store::StaffRole;
use serde::Deserialize;

use super::error::StaffError;
use super::views::{SearchWordRow, SearchWordsView};
use super::{Staff, StaffState};
use crate::AppState;

fn require_admin(staff: &Staff) -> Result<(), StaffError> {
    if staff.user.role == StaffRole::Administrator {
        Ok(())
    } else {
        Err(StaffError::Forbidden(
            "只有系统管理员可以维护检索词典。".into(),
        ))
    }
}

#[derive(Debug, Deserialize, Default)]
pub(crate) struct WordsQuery {
    #[serde(default)]
    added: Option<String>,
    #[serde(default)]
    removed: Option<String>,
    #[serde(default)]
    try_text: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
pub(crate) struct WordForm {
    #[serde(default)]
    word: String,
}

async fn render(
    state: &StaffState,
    staff: &Staff,
    status: StatusCode,
    flash: Option<String>,
    error: Option<String>,
    form_word: &str,
    try_text: &str,
) -> Result<Response, StaffError> {
    let words = state.app.store.search_words().await?;
    let try_words = if try_text.trim().is_empty() {
        Vec::new()
    } else {
        state.app.search.query_words(try_text)
    };
    let view = SearchWordsView {
        chrome: staff.chrome("检索词典", "search_words"),
        csrf: staff.csrf.clone(),
        words: words
            .into_iter()
            .map(|w| SearchWordRow {
                word: w.word,
                added_by: w.added_by,
                added_at: w
                    .added_at
                    .chars()
                    .take(16)
                    .collect::<String>()
                    .replace('T', " "),
            })
            .collect(),
        flash,
        error,
        form_word: form_word.to_owned(),
        try_text: try_text.to_owned(),
        try_words,
        max_chars: gongkai_search::MAX_USER_WORD_CHARS,
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// `GET /staff/admin/search-words[?try_text=…]`: the words, a form to add
/// one, and how a text is cut into words now.
pub(crate) async fn page(
    State(state): State<StaffState>,
    staff: Staff,
    Query(query): Query<WordsQuery>,
) -> Result<Response, StaffError> {
    require_admin(&staff)?;
    let flash = match (query.added, query.removed) {
        (Some(w), _) => Some(format!(
            "已加入“{w}”。检索立即按新词典切词，已发布信息的排序将在后台更新索引后生效。"
        )),
        (_, Some(w)) => Some(format!("已删除“{w}”。")),
        _ => None,
    };
    let try_text: String = query
        .try_text
        .unwrap_or_default()
        .chars()
        .take(100)
        .collect();
    render(&state, &staff, StatusCode::OK, flash, None, "", &try_text).await
}

/// `POST /staff/admin/search-words`: adds a word.
pub(crate) async fn add(
    State(state): State<StaffState>,
    staff: Staff,
    Form(form): Form<WordForm>,
) -> Result<Response, StaffError> {
    require_admin(&staff)?;
    let word = form.word.trim().to_owned();
    if let Err(reason) = gongkai_search::check_user_word(&word) {
        let error = format!("“{word}”不能加入：{reason}。");
        return render(
            &state,
            &staff,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            Some(error),
            &word,
            "",
        )
        .await;
    }
    let added = state
        .app
        .store
        .add_search_word(&staff.user.username, &word)
        .await?;
    if !added {
        let error = format!("“{word}”已在词典中。");
        return render(
            &state,
            &staff,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            Some(error),
            &word,
            "",
        )
        .await;
    }
    apply(&state.app).await?;
    Ok(Redirect::to(&format!(
        "/staff/admin/search-words{}",
        crate::text::query_string([("added", word.as_str())])
    ))
    .into_response())
}

/// `POST /staff/admin/search-words/remove`: removes a word.
pub(crate) async fn remove(
    State(state): State<StaffState>,
    staff: Staff,
    Form(form): Form<WordForm>,
) -> Result<Response, StaffError> {
    require_admin(&staff)?;
    let word = form.word.trim().to_owned();
    if !state
        .app
        .store
        .remove_search_word(&staff.user.username, &word)
        .await?
    {
        let error = format!("词典中没有“{word}”。");
        return render(
            &state,
            &staff,
            StatusCode::NOT_FOUND,
            None,
            Some(error),
            "",
            "",
        )
        .await;
    }
    apply(&state.app).await?;
    Ok(Redirect::to(&format!(
        "/staff/admin/search-words{}",
        crate::text::query_string([("removed", word.as_str())])
    ))
    .into_response())
}

/// Gives the index the stored words and re-indexes the published items in
/// the background.
async fn apply(app: &AppState) -> Result<(), StaffError> {
    crate::indexing::load_user_words(&app.store, &app.search)
        .await
        .map_err(|e| StaffError::Internal(format!("{e:#}")))?;
    let (store, index) = (app.store.clone(), app.search.clone());
    tokio::spawn(async move {
        if let Err(e) = crate::indexing::reindex(&store, &index).await {
            eprintln!("gongkai-web: 按新词典更新检索索引失败：{e:#}");
        }
    });
    Ok(())
}
