//! Parsed uploads waiting for confirmation between the preview and the import.
//!
//! Why server-side and in memory: the preview must import exactly what was
//! shown, without asking the officer to choose the file again (a re-upload
//! checked against a hash is easy to get wrong by picking a newer copy) and
//! without sending up to 20 MB back and forth in a hidden field. The parsed
//! rows are kept under a random token that is bound to the session and the
//! user who uploaded, expire after [`TTL`], are taken out (not copied) on
//! confirmation so a double submit imports once, and at most
//! [`MAX_PENDING`] are kept (the oldest goes first). A restart or a second
//! server process loses them: the confirm page then asks for the file again,
//! and nothing has been written.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use gongkai_store::NewCatalogItem;

/// How long a preview can be confirmed.
pub(crate) const TTL: Duration = Duration::from_secs(30 * 60);

/// The most previews kept at once (each holds at most one 20 MB file's rows).
const MAX_PENDING: usize = 16;

/// A previewed import.
#[derive(Debug, Clone)]
pub(crate) struct PendingImport {
    /// The session that uploaded (its cookie value).
    pub session: String,
    /// The user who uploaded.
    pub username: String,
    /// The agency chosen for rows without 发布机构.
    pub agency_code: String,
    /// The valid rows' items.
    pub items: Vec<NewCatalogItem>,
    /// Rows with errors (skipped).
    pub invalid_rows: usize,
    created: Instant,
}

static PENDING: LazyLock<Mutex<HashMap<String, PendingImport>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn pending() -> std::sync::MutexGuard<'static, HashMap<String, PendingImport>> {
    // A panic while holding the lock leaves a plain map behind: still usable.
    PENDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl PendingImport {
    /// A preview made now.
    pub(crate) fn new(
        session: String,
        username: String,
        agency_code: String,
        items: Vec<NewCatalogItem>,
        invalid_rows: usize,
    ) -> PendingImport {
        PendingImport {
            session,
            username,
            agency_code,
            items,
            invalid_rows,
            created: Instant::now(),
        }
    }
}

/// Keeps `import` under a new random token and returns the token.
pub(crate) fn keep(import: PendingImport) -> Result<String, gongkai_store::StoreError> {
    let token = gongkai_store::random_token()?;
    let mut map = pending();
    map.retain(|_, p| p.created.elapsed() < TTL);
    while map.len() >= MAX_PENDING {
        let Some(oldest) = map
            .iter()
            .min_by_key(|(_, p)| p.created)
            .map(|(k, _)| k.clone())
        else {
            break;
        };
        map.remove(&oldest);
    }
    map.insert(token.clone(), import);
    Ok(token)
}

/// Takes the preview `token` if it belongs to `session` and `username` and has
/// not expired; it cannot be taken twice.
pub(crate) fn take(token: &str, session: &str, username: &str) -> Option<PendingImport> {
    let mut map = pending();
    let owned = map
        .get(token)
        .is_some_and(|p| p.session == session && p.username == username);
    if !owned {
        return None;
    }
    map.remove(token).filter(|p| p.created.elapsed() < TTL)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import(session: &str) -> PendingImport {
        PendingImport::new(session.into(), "u".into(), "A".into(), Vec::new(), 0)
    }

    #[test]
    fn a_preview_is_taken_once_and_only_by_its_session() {
        let token = keep(import("s1")).unwrap();
        assert!(take(&token, "s2", "u").is_none());
        assert!(take(&token, "s1", "other").is_none());
        assert!(take(&token, "s1", "u").is_some());
        assert!(take(&token, "s1", "u").is_none());
        assert!(take("no-such-token", "s1", "u").is_none());
    }
}
