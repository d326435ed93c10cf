//! `/items/{index_no}`: one published item with its metadata, attachments
//! and related interpretations; a withdrawn item answers 410 with when and
//! why (and its replacement). `/attachments/{id}/{file}`: an attachment of a
//! published item.

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use gongkai_store::{
    CatalogItem, ItemAttachment, ItemKind, ItemStatus, Store, Validity, WorkflowStage,
};

use super::{agency_chrome, agency_or_404, render};
use crate::text::{agency_href, blocks, item_href};
use crate::views::{Crumb, ItemView, Meta, PublicFile, RelatedLink, WithdrawnNotice};
use crate::{AppState, PageError};

fn date_or_dash(date: Option<chrono::NaiveDate>) -> String {
    date.map_or_else(|| "—".to_owned(), |d| d.format("%Y-%m-%d").to_string())
}

/// `GET /items/{index_no}` (the 索引号 may contain `/`).
pub async fn page(
    State(state): State<AppState>,
    Path(index_no): Path<String>,
) -> Result<Response, PageError> {
    let store = &state.store;
    let missing = || {
        PageError::NotFound(format!(
            "找不到索引号为“{index_no}”的公开信息，它可能已被撤回。"
        ))
    };
    let gongkai_store::PublicItem {
        item,
        workflow,
        has_attachments,
        has_links,
    } = store
        .public_item(&index_no)
        .await?
        .filter(|p| p.item.status != ItemStatus::Draft)
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
    let published = item.status == ItemStatus::Published;
    let withdrawn = if published {
        None
    } else {
        Some(withdrawn_notice(store, &workflow).await?)
    };
    let (related, related_heading) = match (workflow.kind, has_links) {
        (ItemKind::Interpretation, true) => {
            (store.interpreted_documents(item.id).await?, "解读对象")
        }
        (ItemKind::Interpretation, false) => (Vec::new(), "解读对象"),
        (_, true) => (store.interpretations_of(item.id).await?, "相关解读"),
        (_, false) => (Vec::new(), "相关解读"),
    };
    let files = if published && has_attachments {
        store
            .item_attachments(item.id)
            .await?
            .iter()
            .map(|a| PublicFile {
                name: a.file_name.clone(),
                size: human_size(a.size),
                href: attachment_href(a),
            })
            .collect()
    } else {
        Vec::new()
    };
    let view = ItemView {
        chrome: agency_chrome(store, &agency, "catalog", &item.title, tail).await?,
        title: item.title.clone(),
        meta,
        blocks: if published {
            blocks(&item.body)
        } else {
            Vec::new()
        },
        files,
        related: related
            .iter()
            .filter(|r| r.status == ItemStatus::Published)
            .map(related_link)
            .collect(),
        related_heading,
        withdrawn,
    };
    let status = if published {
        StatusCode::OK
    } else {
        StatusCode::GONE
    };
    Ok((status, render(&view)?).into_response())
}

fn related_link(item: &CatalogItem) -> RelatedLink {
    RelatedLink {
        title: item.title.clone(),
        href: item_href(&item.index_no),
        date: date_or_dash(item.published_on),
    }
}

/// What the page of a withdrawn item says.
async fn withdrawn_notice(
    store: &Store,
    workflow: &gongkai_store::ItemWorkflow,
) -> Result<WithdrawnNotice, PageError> {
    let replacement = match workflow.replaced_by {
        Some(id) => store
            .catalog_item_by_id(id)
            .await?
            .filter(|r| r.status == ItemStatus::Published)
            .map(|r| related_link(&r)),
        None => None,
    };
    let when = workflow
        .withdrawn_on
        .map_or_else(String::new, |d| format!("于{}", d.format("%Y-%m-%d")));
    let text = match (workflow.stage, &workflow.withdrawn_reason) {
        (WorkflowStage::Replaced, _) => {
            format!("本信息已{when}被新版本替换，不再公开。请查看新版本。")
        }
        (_, Some(reason)) => format!("本信息已{when}撤回，不再公开。撤回原因：{reason}"),
        _ => "本信息已撤回，不再公开。".to_owned(),
    };
    Ok(WithdrawnNotice { text, replacement })
}

/// A size for people: bytes, KB or MB.
fn human_size(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// The public link of an attachment: its id, then its name (for the
/// browser's “save as”; the name in the path is not trusted).
pub(crate) fn attachment_href(attachment: &ItemAttachment) -> String {
    format!(
        "/attachments/{}/{}",
        attachment.id,
        crate::text::encode_path(&attachment.file_name)
    )
}

/// Media types served as themselves; everything else is a download of
/// `application/octet-stream`, so that no upload runs as a page here.
const SAFE_MEDIA_TYPES: &[&str] = &[
    "application/pdf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/zip",
    "application/ofd",
    "image/png",
    "image/jpeg",
    "text/csv",
];

/// An attachment as a download: a safe media type, `attachment` disposition
/// with an ASCII fallback name and the real one percent-encoded (RFC 6266).
pub(crate) fn file_response(meta: &ItemAttachment, bytes: Vec<u8>) -> Response {
    let media_type = SAFE_MEDIA_TYPES
        .iter()
        .find(|t| meta.media_type.eq_ignore_ascii_case(t))
        .copied()
        .unwrap_or("application/octet-stream");
    let extension: String = meta
        .file_name
        .rsplit_once('.')
        .map(|(_, ext)| ext)
        .filter(|ext| ext.len() <= 8 && ext.bytes().all(|b| b.is_ascii_alphanumeric()))
        .map(|ext| format!(".{ext}"))
        .unwrap_or_default();
    let encoded: String = meta
        .file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    (
        [
            (header::CONTENT_TYPE, media_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"attachment-{}{extension}\"; filename*=UTF-8''{encoded}",
                    meta.id
                ),
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

/// `GET /attachments/{id}/{file}`: an attachment of a published item; 404
/// for any other (draft, withdrawn, unknown). The name in the path is
/// ignored, so no path can reach anything but the attachment with this id.
pub async fn attachment(
    State(state): State<AppState>,
    Path((id, _file)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let missing = || PageError::NotFound("找不到该附件，所属信息可能已撤回。".into());
    let id: i64 = id.parse().ok().filter(|n| *n > 0).ok_or_else(missing)?;
    let store = &state.store;
    let (meta, bytes) = store
        .item_attachment_content(id)
        .await?
        .ok_or_else(missing)?;
    store
        .catalog_item_by_id(meta.item_id)
        .await?
        .filter(|i| i.status == ItemStatus::Published)
        .ok_or_else(missing)?;
    Ok(file_response(&meta, bytes))
}
