//! Attachments of an item in the back office: upload to a draft
//! (`multipart/form-data`, one file of at most 20 MB), download, delete.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use gongkai_store::NewAttachment;

use super::{ItemAccess, load_item};
use crate::routes::apply::multipart;
use crate::staff::error::StaffError;
use crate::staff::{Staff, StaffState};

/// `POST /staff/items/{id}/attachments`: field `file` (and `csrf`, checked
/// by the guard).
pub(crate) async fn upload(
    State(state): State<StaffState>,
    staff: Staff,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, StaffError> {
    let store = &state.app.store;
    let managed = load_item(store, &staff, &id, ItemAccess::Draft).await?;
    let fail = |message: String| async {
        super::page::render(
            store,
            &staff,
            &managed,
            None,
            Some(message),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await
    };
    let Some(boundary) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(multipart::boundary)
    else {
        return fail("上传附件的表单格式不正确（应为 multipart/form-data）".into()).await;
    };
    let form = match multipart::parse(&body, &boundary) {
        Ok(form) => form,
        Err(e) => return fail(e.message()).await,
    };
    let Some(file) = form.files.iter().find(|f| f.name == "file") else {
        return fail("请选择要上传的文件".into()).await;
    };
    let attachment = NewAttachment {
        file_name: file.file_name.clone().unwrap_or_default(),
        media_type: file.content_type.clone().unwrap_or_default(),
        bytes: file.data.clone(),
    };
    match store
        .add_item_attachment(&staff.user.username, managed.item.id, &attachment)
        .await
    {
        Ok(_) => Ok(
            Redirect::to(&format!("/staff/items/{}?done=upload", managed.item.id)).into_response(),
        ),
        Err(e) if e.is_input_error() => fail(e.to_string()).await,
        Err(e) => Err(e.into()),
    }
}

fn attachment_id(text: &str) -> Result<i64, StaffError> {
    text.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| StaffError::NotFound("找不到该附件。".into()))
}

/// `GET /staff/items/{id}/attachments/{attachment}`: only an attachment of
/// this item, whatever the id.
pub(crate) async fn download(
    State(state): State<StaffState>,
    staff: Staff,
    Path((id, attachment)): Path<(String, String)>,
) -> Result<Response, StaffError> {
    let store = &state.app.store;
    let managed = load_item(store, &staff, &id, ItemAccess::Read).await?;
    let Some((meta, bytes)) = store
        .item_attachment_content(attachment_id(&attachment)?)
        .await?
        .filter(|(a, _)| a.item_id == managed.item.id)
    else {
        return Err(StaffError::NotFound("找不到该附件。".into()));
    };
    Ok(crate::routes::item::file_response(&meta, bytes))
}

/// `POST /staff/items/{id}/attachments/{attachment}/delete` (drafts only).
pub(crate) async fn remove(
    State(state): State<StaffState>,
    staff: Staff,
    Path((id, attachment)): Path<(String, String)>,
) -> Result<Response, StaffError> {
    let store = &state.app.store;
    let managed = load_item(store, &staff, &id, ItemAccess::Draft).await?;
    match store
        .remove_item_attachment(
            &staff.user.username,
            managed.item.id,
            attachment_id(&attachment)?,
        )
        .await
    {
        Ok(()) => Ok(
            Redirect::to(&format!("/staff/items/{}?done=remove", managed.item.id)).into_response(),
        ),
        Err(gongkai_store::StoreError::NotFound { .. }) => {
            Err(StaffError::NotFound("找不到该附件。".into()))
        }
        Err(e) if e.is_input_error() => {
            super::page::render(
                store,
                &staff,
                &managed,
                None,
                Some(e.to_string()),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
