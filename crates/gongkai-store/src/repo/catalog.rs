//! The proactive-disclosure catalog: creating, importing, publishing and listing items.

use chrono::{Datelike, NaiveDate, Utc};
use serde_json::{Value, json};
use sqlx::any::AnyRow;

use super::{Tx, audit, col};
use crate::error::Context;
use crate::model::decode_key;
use crate::time::{date_text, now_text, parse_opt_date, parse_timestamp};
use crate::{
    CatalogItem, CatalogPage, CatalogQuery, Category, CategoryCount, DisclosureMode, ItemStatus,
    NewAuditEntry, NewCatalogItem, Store, StoreError, Validity,
};

pub(crate) const COLUMNS: &str = "id, index_no, agency_code, title, doc_number, written_on, published_on, category, topic, \
                       validity, validity_changed_on, disclosure_mode, body, status, created_at, updated_at";

/// The largest page a listing returns.
pub const MAX_PER_PAGE: u32 = 200;

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    /// 索引号 of the items inserted.
    pub inserted: Vec<String>,
    /// 索引号 that already existed; those items were left unchanged.
    pub skipped: Vec<String>,
}

pub(crate) fn decode(row: &AnyRow) -> Result<CatalogItem, StoreError> {
    Ok(CatalogItem {
        id: col(row, "id")?,
        index_no: col(row, "index_no")?,
        agency_code: col(row, "agency_code")?,
        title: col(row, "title")?,
        doc_number: col(row, "doc_number")?,
        written_on: parse_opt_date("catalog_items.written_on", col(row, "written_on")?)?,
        published_on: parse_opt_date("catalog_items.published_on", col(row, "published_on")?)?,
        category: decode_key(
            "catalog_items.category",
            col(row, "category")?,
            Category::from_key,
        )?,
        topic: col(row, "topic")?,
        validity: decode_key(
            "catalog_items.validity",
            col(row, "validity")?,
            Validity::from_key,
        )?,
        validity_changed_on: parse_opt_date(
            "catalog_items.validity_changed_on",
            col(row, "validity_changed_on")?,
        )?,
        disclosure_mode: decode_key(
            "catalog_items.disclosure_mode",
            col(row, "disclosure_mode")?,
            DisclosureMode::from_key,
        )?,
        body: col(row, "body")?,
        status: decode_key(
            "catalog_items.status",
            col(row, "status")?,
            ItemStatus::from_key,
        )?,
        created_at: parse_timestamp(
            "catalog_items.created_at",
            &col::<String>(row, "created_at")?,
        )?,
        updated_at: parse_timestamp(
            "catalog_items.updated_at",
            &col::<String>(row, "updated_at")?,
        )?,
    })
}

impl CatalogItem {
    /// The item's metadata as recorded in the audit log (the body is summarised by its length).
    pub fn audit_json(&self) -> Value {
        json!({
            "index_no": self.index_no, "agency_code": self.agency_code, "title": self.title,
            "doc_number": self.doc_number, "written_on": self.written_on.map(date_text),
            "published_on": self.published_on.map(date_text), "category": self.category.key(),
            "topic": self.topic, "validity": self.validity.key(),
            "validity_changed_on": self.validity_changed_on.map(date_text),
            "disclosure_mode": self.disclosure_mode.key(), "body_chars": self.body.chars().count(),
            "status": self.status.key(),
        })
    }
}

pub(crate) fn check(item: &NewCatalogItem) -> Result<(), StoreError> {
    if item.title.trim().is_empty() {
        return Err(StoreError::Invalid("标题不能为空".into()));
    }
    if item.status == ItemStatus::Published && item.published_on.is_none() {
        return Err(StoreError::Invalid(format!(
            "已发布的信息“{}”必须有发布日期",
            item.title
        )));
    }
    if let (Some(written), Some(published)) = (item.written_on, item.published_on)
        && published < written
    {
        return Err(StoreError::Invalid(format!(
            "“{}”的发布日期早于成文日期",
            item.title
        )));
    }
    if item.validity != Validity::Valid && item.validity_changed_on.is_none() {
        return Err(StoreError::Invalid(format!(
            "“{}”为{}，须注明{}日期",
            item.title, item.validity, item.validity
        )));
    }
    Ok(())
}

/// The year whose sequence an item's generated 索引号 belongs to.
fn index_year(item: &NewCatalogItem) -> i32 {
    item.published_on
        .or(item.written_on)
        .map_or_else(|| Utc::now().year(), |d| d.year())
}

impl Store {
    /// The next free 索引号 for `agency_code` in `year` under the store's rule.
    async fn next_index_no(
        &self,
        tx: &mut Tx<'_>,
        agency_code: &str,
        year: i32,
    ) -> Result<String, StoreError> {
        let rule = self.index_rule();
        let prefix = rule.prefix(agency_code, year);
        let pattern = format!(
            "{}%",
            prefix
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let existing: Vec<String> =
            sqlx::query_scalar("SELECT index_no FROM catalog_items WHERE agency_code = $1 AND index_no LIKE $2 ESCAPE '\\'")
                .bind(agency_code)
                .bind(pattern)
                .fetch_all(&mut **tx)
                .await
                .ctx("计算索引号")?;
        let last = existing
            .iter()
            .filter_map(|n| rule.seq_of(n, agency_code, year))
            .max()
            .unwrap_or(0);
        Ok(rule.format(agency_code, year, last + 1))
    }

    /// Inserts one item in `tx`; `None` when its 索引号 already exists.
    pub(crate) async fn insert_item(
        &self,
        tx: &mut Tx<'_>,
        item: &NewCatalogItem,
    ) -> Result<Option<String>, StoreError> {
        check(item)?;
        let index_no = match &item.index_no {
            Some(given) if given.trim().is_empty() => {
                return Err(StoreError::Invalid("索引号不能为空白".into()));
            }
            Some(given) => given.clone(),
            None => {
                self.next_index_no(tx, &item.agency_code, index_year(item))
                    .await?
            }
        };
        let now = now_text();
        let inserted: Option<i64> = sqlx::query_scalar(
            "INSERT INTO catalog_items (index_no, agency_code, title, doc_number, written_on, published_on, category, \
             topic, validity, validity_changed_on, disclosure_mode, body, status, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) \
             ON CONFLICT (index_no) DO NOTHING RETURNING id",
        )
        .bind(&index_no)
        .bind(&item.agency_code)
        .bind(&item.title)
        .bind(&item.doc_number)
        .bind(item.written_on.map(date_text))
        .bind(item.published_on.map(date_text))
        .bind(item.category.key())
        .bind(&item.topic)
        .bind(item.validity.key())
        .bind(item.validity_changed_on.map(date_text))
        .bind(item.disclosure_mode.key())
        .bind(&item.body)
        .bind(item.status.key())
        .bind(&now)
        .fetch_optional(&mut **tx)
        .await
        .ctx("保存主动公开信息")?;
        Ok(inserted.map(|_| index_no))
    }

    /// Creates one item, generating its 索引号 unless given; audited.
    pub async fn create_catalog_item(
        &self,
        actor: &str,
        item: &NewCatalogItem,
    ) -> Result<CatalogItem, StoreError> {
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let index_no = self.insert_item(&mut tx, item).await?.ok_or_else(|| {
            StoreError::Invalid(format!(
                "索引号“{}”已存在",
                item.index_no.clone().unwrap_or_default()
            ))
        })?;
        let created = fetch_item(&mut tx, &index_no).await?;
        let entry = NewAuditEntry {
            actor: actor.to_owned(),
            action: "catalog.create".into(),
            entity_type: "catalog_item".into(),
            entity_key: index_no,
            before: None,
            after: Some(created.audit_json()),
        };
        audit::append(&mut tx, &entry).await?;
        tx.commit().await.ctx("提交主动公开信息")?;
        Ok(created)
    }

    /// Imports many items in one transaction (all or nothing). Items whose 索引号
    /// already exists are skipped unchanged, so an import can be repeated.
    /// One audit entry lists the inserted 索引号.
    pub async fn import_catalog_items(
        &self,
        actor: &str,
        items: &[NewCatalogItem],
    ) -> Result<ImportOutcome, StoreError> {
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let mut outcome = ImportOutcome::default();
        // Rows with a given 索引号 go first, so that the numbers generated for
        // the others (looked up once per agency and year, then counted on,
        // instead of once per row) never meet a given one of this import.
        let (given, generate): (Vec<&NewCatalogItem>, Vec<&NewCatalogItem>) =
            items.iter().partition(|item| item.index_no.is_some());
        let mut next_seq: std::collections::HashMap<(String, i32), u32> =
            std::collections::HashMap::new();
        for item in given.into_iter().chain(generate) {
            let numbered;
            let item = if item.index_no.is_none() {
                let year = index_year(item);
                let key = (item.agency_code.clone(), year);
                let seq = match next_seq.get(&key) {
                    Some(&seq) => seq,
                    None => {
                        let next = self.next_index_no(&mut tx, &item.agency_code, year).await?;
                        self.index_rule()
                            .seq_of(&next, &item.agency_code, year)
                            .unwrap_or(1)
                    }
                };
                next_seq.insert(key, seq + 1);
                numbered = NewCatalogItem {
                    index_no: Some(self.index_rule().format(&item.agency_code, year, seq)),
                    ..item.clone()
                };
                &numbered
            } else {
                item
            };
            match self.insert_item(&mut tx, item).await? {
                Some(index_no) => outcome.inserted.push(index_no),
                None => outcome
                    .skipped
                    .push(item.index_no.clone().unwrap_or_default()),
            }
        }
        if !outcome.inserted.is_empty() {
            let entry = NewAuditEntry {
                actor: actor.to_owned(),
                action: "catalog.import".into(),
                entity_type: "catalog_import".into(),
                entity_key: now_text(),
                before: None,
                after: Some(json!({ "inserted": outcome.inserted })),
            };
            audit::append(&mut tx, &entry).await?;
        }
        tx.commit().await.ctx("提交导入")?;
        Ok(outcome)
    }

    /// Which of `index_numbers` already exist (to reject them before an import).
    pub async fn existing_index_numbers(
        &self,
        index_numbers: &[String],
    ) -> Result<std::collections::HashSet<String>, StoreError> {
        let mut found = std::collections::HashSet::new();
        // Chunks keep each statement well below both databases' bind limits.
        for chunk in index_numbers.chunks(500) {
            let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT index_no FROM catalog_items WHERE index_no IN ({})",
                placeholders.join(", ")
            );
            let mut query = sqlx::query_scalar::<_, String>(&sql);
            for n in chunk {
                query = query.bind(n);
            }
            found.extend(query.fetch_all(&self.pool).await.ctx("查询已有索引号")?);
        }
        Ok(found)
    }

    /// Changes an item's status (publish, withdraw); publishing sets the 发布日期
    /// to `on` when it has none. Audited.
    pub async fn set_item_status(
        &self,
        actor: &str,
        index_no: &str,
        status: ItemStatus,
        on: NaiveDate,
    ) -> Result<CatalogItem, StoreError> {
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let before = fetch_item(&mut tx, index_no).await?;
        let published_on = match status {
            ItemStatus::Published => Some(before.published_on.unwrap_or(on)),
            _ => before.published_on,
        };
        sqlx::query("UPDATE catalog_items SET status = $2, published_on = $3, updated_at = $4 WHERE index_no = $1")
            .bind(index_no)
            .bind(status.key())
            .bind(published_on.map(date_text))
            .bind(now_text())
            .execute(&mut *tx)
            .await
            .ctx("更新信息状态")?;
        let after = fetch_item(&mut tx, index_no).await?;
        let entry = NewAuditEntry {
            actor: actor.to_owned(),
            action: format!("catalog.{}", status.key()),
            entity_type: "catalog_item".into(),
            entity_key: index_no.to_owned(),
            before: Some(before.audit_json()),
            after: Some(after.audit_json()),
        };
        audit::append(&mut tx, &entry).await?;
        tx.commit().await.ctx("提交信息状态")?;
        Ok(after)
    }

    /// The item with `index_no`, in any status.
    pub async fn catalog_item(&self, index_no: &str) -> Result<Option<CatalogItem>, StoreError> {
        sqlx::query(&format!(
            "SELECT {COLUMNS} FROM catalog_items WHERE index_no = $1"
        ))
        .bind(index_no)
        .fetch_optional(&self.pool)
        .await
        .ctx("读取主动公开信息")?
        .map(|row| decode(&row))
        .transpose()
    }

    /// One page of items matching `query`, newest 发布日期 first.
    pub async fn list_catalog(&self, query: &CatalogQuery) -> Result<CatalogPage, StoreError> {
        self.catalog_page(query, None).await
    }

    /// [`Store::list_catalog`] when the caller already knows how many items
    /// match (e.g. from [`Store::category_counts`]), which saves counting.
    pub async fn list_catalog_with_total(
        &self,
        query: &CatalogQuery,
        total: u64,
    ) -> Result<CatalogPage, StoreError> {
        self.catalog_page(query, Some(total)).await
    }

    async fn catalog_page(
        &self,
        query: &CatalogQuery,
        known_total: Option<u64>,
    ) -> Result<CatalogPage, StoreError> {
        if query.page == 0 || query.per_page == 0 || query.per_page > MAX_PER_PAGE {
            return Err(StoreError::Invalid(format!(
                "页码须从 1 开始，每页条数须在 1 至 {MAX_PER_PAGE} 之间（收到第 {} 页、每页 {} 条）",
                query.page, query.per_page
            )));
        }
        let mut conditions = Vec::new();
        let mut binds: Vec<String> = Vec::new();
        let mut push = |column: &str, value: String| {
            binds.push(value);
            conditions.push(format!("{column} = ${}", binds.len()));
        };
        if let Some(code) = &query.agency_code {
            push("agency_code", code.clone());
        }
        if let Some(category) = query.category {
            push("category", category.key().to_owned());
        }
        if let Some(status) = query.status {
            push("status", status.key().to_owned());
        }
        let filter = if conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conditions.join(" AND "))
        };

        let total = match known_total {
            Some(total) => total,
            None => {
                let count_sql = format!("SELECT COUNT(*) FROM catalog_items{filter}");
                let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
                for value in &binds {
                    count = count.bind(value);
                }
                let total = count.fetch_one(&self.pool).await.ctx("统计主动公开信息")?;
                u64::try_from(total).unwrap_or_default()
            }
        };

        let n = binds.len();
        let list_sql = format!(
            "SELECT {COLUMNS} FROM catalog_items{filter} ORDER BY published_on DESC, index_no DESC LIMIT ${} OFFSET ${}",
            n + 1,
            n + 2
        );
        let mut list = sqlx::query(&list_sql);
        for value in &binds {
            list = list.bind(value);
        }
        let offset = i64::from(query.page - 1) * i64::from(query.per_page);
        let rows = list
            .bind(i64::from(query.per_page))
            .bind(offset)
            .fetch_all(&self.pool)
            .await
            .ctx("读取主动公开信息列表")?;
        Ok(CatalogPage {
            items: rows.iter().map(decode).collect::<Result<_, _>>()?,
            total,
            page: query.page,
            per_page: query.per_page,
        })
    }

    /// How many items of each category `agency_code` has in `status`, in category
    /// order, categories without items included as 0.
    pub async fn category_counts(
        &self,
        agency_code: &str,
        status: ItemStatus,
    ) -> Result<Vec<CategoryCount>, StoreError> {
        let cached = status == ItemStatus::Published;
        if cached && let Some(counts) = self.published_counts.get(agency_code) {
            return Ok(counts);
        }
        let generation = self.published_counts.generation();
        let rows = sqlx::query(
            "SELECT category, COUNT(*) AS n FROM catalog_items WHERE agency_code = $1 AND status = $2 GROUP BY category",
        )
        .bind(agency_code)
        .bind(status.key())
        .fetch_all(&self.pool)
        .await
        .ctx("统计分类")?;
        let mut counts: Vec<CategoryCount> = Category::ALL
            .iter()
            .map(|&category| CategoryCount { category, count: 0 })
            .collect();
        for row in &rows {
            let category = decode_key(
                "catalog_items.category",
                col(row, "category")?,
                Category::from_key,
            )?;
            let n: i64 = col(row, "n")?;
            if let Some(slot) = counts.iter_mut().find(|c| c.category == category) {
                slot.count = u64::try_from(n).unwrap_or_default();
            }
        }
        if cached {
            self.published_counts
                .put(generation, agency_code, counts.clone());
        }
        Ok(counts)
    }

    /// The number of items in `status` per agency code.
    pub async fn item_counts_by_agency(
        &self,
        status: ItemStatus,
    ) -> Result<Vec<(String, u64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT agency_code, COUNT(*) AS n FROM catalog_items WHERE status = $1 GROUP BY agency_code ORDER BY agency_code",
        )
        .bind(status.key())
        .fetch_all(&self.pool)
        .await
        .ctx("统计各机构信息数")?;
        rows.iter()
            .map(|row| {
                Ok((
                    col(row, "agency_code")?,
                    u64::try_from(col::<i64>(row, "n")?).unwrap_or_default(),
                ))
            })
            .collect()
    }
}

pub(crate) async fn fetch_item(tx: &mut Tx<'_>, index_no: &str) -> Result<CatalogItem, StoreError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM catalog_items WHERE index_no = $1"
    ))
    .bind(index_no)
    .fetch_optional(&mut **tx)
    .await
    .ctx("读取主动公开信息")?
    .ok_or_else(|| StoreError::NotFound {
        entity: "信息",
        key: index_no.to_owned(),
    })?;
    decode(&row)
}
