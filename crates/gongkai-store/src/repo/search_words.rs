//! The words administrators add to the search segmentation dictionary.

use serde_json::json;

use super::{audit, col};
use crate::error::Context;
use crate::time::now_text;
use crate::{NewAuditEntry, SearchWord, Store, StoreError};

/// Longest word, in characters (the search index accepts no longer ones).
pub const MAX_SEARCH_WORD_CHARS: usize = 20;

impl Store {
    /// Every added word, in order of the word.
    pub async fn search_words(&self) -> Result<Vec<SearchWord>, StoreError> {
        let rows = sqlx::query("SELECT word, added_by, added_at FROM search_words ORDER BY word")
            .fetch_all(&self.pool)
            .await
            .ctx("读取检索词典")?;
        rows.iter()
            .map(|row| {
                Ok(SearchWord {
                    word: col(row, "word")?,
                    added_by: col(row, "added_by")?,
                    added_at: col(row, "added_at")?,
                })
            })
            .collect()
    }

    /// Adds `word` (trimmed); audited. Returns `false` when it was there
    /// already. Fails for a blank word or one longer than
    /// [`MAX_SEARCH_WORD_CHARS`]; what else makes a good word is the search
    /// index's rule, checked by the caller.
    pub async fn add_search_word(&self, actor: &str, word: &str) -> Result<bool, StoreError> {
        let word = word.trim();
        let chars = word.chars().count();
        if chars == 0 || chars > MAX_SEARCH_WORD_CHARS {
            return Err(StoreError::InvalidField {
                field: "词语",
                message: format!("应为 1 至 {MAX_SEARCH_WORD_CHARS} 个字，收到 {chars} 个"),
            });
        }
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let exists = sqlx::query("SELECT word FROM search_words WHERE word = $1")
            .bind(word)
            .fetch_optional(&mut *tx)
            .await
            .ctx("读取检索词典")?
            .is_some();
        if exists {
            return Ok(false);
        }
        sqlx::query("INSERT INTO search_words (word, added_by, added_at) VALUES ($1, $2, $3)")
            .bind(word)
            .bind(actor)
            .bind(now_text())
            .execute(&mut *tx)
            .await
            .ctx("写入检索词典")?;
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: actor.to_owned(),
                action: "search_word.add".into(),
                entity_type: "search_word".into(),
                entity_key: word.to_owned(),
                before: None,
                after: Some(json!({ "word": word })),
            },
        )
        .await?;
        tx.commit().await.ctx("提交检索词典")?;
        Ok(true)
    }

    /// Removes `word`; audited. Returns `false` when it was not there.
    pub async fn remove_search_word(&self, actor: &str, word: &str) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let removed = sqlx::query("DELETE FROM search_words WHERE word = $1")
            .bind(word)
            .execute(&mut *tx)
            .await
            .ctx("删除检索词")?
            .rows_affected()
            > 0;
        if !removed {
            return Ok(false);
        }
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: actor.to_owned(),
                action: "search_word.remove".into(),
                entity_type: "search_word".into(),
                entity_key: word.to_owned(),
                before: Some(json!({ "word": word })),
                after: None,
            },
        )
        .await?;
        tx.commit().await.ctx("提交检索词典")?;
        Ok(true)
    }
}
