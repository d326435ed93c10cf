//! The publishing workflow: drafts, 保密审查 and review steps, publication,
//! withdrawal and replacement, attachments and interpretation links.
//!
//! | role | items it sees | may |
//! | --- | --- | --- |
//! | administrator | every agency | everything, and configure review steps |
//! | officer | its agency | draft, edit, submit, publish, withdraw, replace |
//! | reviewer | its agency and the agencies under it | decide review steps |
//! | supervisor | its government and all subordinates | read |
//!
//! Every handler reaches an item through [`load_item`]: 404 for items
//! outside the user's agencies (so ids cannot be probed), 403 for a role
//! that may not do the thing.

mod files;
mod form;
mod history;
mod list;
mod page;
mod steps;
mod views;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use gongkai_store::{CatalogItem, ManagedItem, StaffRole, Store};

use super::error::StaffError;
use super::{Staff, StaffState};
use crate::AppState;

/// The routes of this part of the back office.
pub(crate) fn routes() -> Router<StaffState> {
    Router::new()
        .route("/staff/items", get(list::page))
        .route("/staff/items/new", get(form::new_page).post(form::create))
        .route("/staff/items/steps", get(steps::page).post(steps::save))
        .route("/staff/items/{id}", get(page::page))
        .route(
            "/staff/items/{id}/edit",
            get(form::edit_page).post(form::update),
        )
        .route("/staff/items/{id}/actions/{action}", post(page::act))
        .route(
            "/staff/items/{id}/attachments",
            post(files::upload).layer(DefaultBodyLimit::max(super::auth::MAX_UPLOAD_BYTES)),
        )
        .route(
            "/staff/items/{id}/attachments/{attachment}",
            get(files::download),
        )
        .route(
            "/staff/items/{id}/attachments/{attachment}/delete",
            post(files::remove),
        )
}

/// What a handler wants to do with an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ItemAccess {
    /// Look at it.
    Read,
    /// Write drafts, publish, withdraw, replace (officers, administrators).
    Draft,
    /// Decide a review step (reviewers, administrators).
    Review,
}

/// Whether `role` drafts and publishes items.
pub(crate) fn may_draft(role: StaffRole) -> bool {
    matches!(role, StaffRole::Administrator | StaffRole::Officer)
}

/// Whether `role` decides review steps.
pub(crate) fn may_review(role: StaffRole) -> bool {
    matches!(role, StaffRole::Administrator | StaffRole::Reviewer)
}

/// The agencies whose items `staff` sees; `None` for all.
pub(crate) async fn item_agencies(
    store: &Store,
    staff: &Staff,
) -> Result<Option<Vec<String>>, StaffError> {
    Ok(match staff.user.role {
        StaffRole::Administrator => None,
        StaffRole::Officer => Some(vec![staff.user.agency_code.clone()]),
        StaffRole::Supervisor | StaffRole::Reviewer => Some(
            store
                .agency_with_subordinates(&staff.user.agency_code)
                .await?,
        ),
    })
}

fn item_not_found() -> StaffError {
    StaffError::NotFound("找不到该信息，或您无权查看。".into())
}

/// Loads item `id` for `staff`: 404 when it does not exist or lies outside
/// the user's agencies; 403 when the role may not do `access`.
pub(crate) async fn load_item(
    store: &Store,
    staff: &Staff,
    id: &str,
    access: ItemAccess,
) -> Result<ManagedItem, StaffError> {
    let id = id
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(item_not_found)?;
    let agencies = item_agencies(store, staff).await?;
    let managed = store
        .managed_item(id)
        .await?
        .filter(|m| {
            agencies
                .as_ref()
                .is_none_or(|codes| codes.contains(&m.item.agency_code))
        })
        .ok_or_else(item_not_found)?;
    match access {
        ItemAccess::Read => {}
        ItemAccess::Draft if !may_draft(staff.user.role) => {
            return Err(StaffError::Forbidden(format!(
                "您的角色（{}）不能起草、发布或撤回信息。",
                staff.user.role.label()
            )));
        }
        ItemAccess::Review if !may_review(staff.user.role) => {
            return Err(StaffError::Forbidden(format!(
                "您的角色（{}）不能审核信息。",
                staff.user.role.label()
            )));
        }
        _ => {}
    }
    Ok(managed)
}

/// Puts a just-published item into the search index and takes a replaced
/// one out. The database is the source of truth: an index failure is
/// logged, and the next start of the portal rebuilds the index because its
/// count then differs from the published items.
pub(crate) async fn index_published(
    app: &AppState,
    published: &CatalogItem,
    replaced: Option<&CatalogItem>,
) {
    let agency_name = match app.store.agency(&published.agency_code).await {
        Ok(agency) => agency.map(|a| a.name).unwrap_or_default(),
        Err(e) => {
            eprintln!("gongkai-web (staff): 读取机构失败，搜索索引未更新：{e}");
            return;
        }
    };
    if let Some(doc) = crate::indexing::search_document(published, &agency_name)
        && let Err(e) = app.search.upsert(&[doc])
    {
        eprintln!(
            "gongkai-web (staff): 更新搜索索引失败（{}）：{e}",
            published.index_no
        );
    }
    if let Some(old) = replaced {
        unindex(app, old);
    }
}

/// Takes a withdrawn item out of the search index (failures logged, as above).
pub(crate) fn unindex(app: &AppState, item: &CatalogItem) {
    if let Err(e) = app.search.remove(&item.index_no) {
        eprintln!(
            "gongkai-web (staff): 从搜索索引删除失败（{}）：{e}",
            item.index_no
        );
    }
}
