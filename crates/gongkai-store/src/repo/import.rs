//! Bulk import of historic applications: batched multi-row INSERTs, one
//! transaction per call, one audit entry per call.

use std::collections::BTreeMap;

use chrono::Datelike;
use gongkai_domain::deadline::ProcedureEvent;
use serde_json::json;

use super::audit;
use super::keys::key_of;
use crate::error::Context;
use crate::store::Dialect;
use crate::time::{date_text, now_text};
use crate::{ImportedApplication, NewAuditEntry, Store, StoreError, fields, query_code};

/// Rows per INSERT statement (well below SQLite's limit of bound parameters).
const CHUNK: usize = 400;

/// A checked application ready to insert.
struct Row {
    item: ImportedApplication,
    applicant_id: i64,
    id: i64,
    number: String,
    query_code: String,
}

/// `($1, $2, …), (…)` for `rows` rows of `cols` parameters.
fn values(rows: usize, cols: usize) -> String {
    (0..rows)
        .map(|r| {
            let params: Vec<String> = (1..=cols).map(|c| format!("${}", r * cols + c)).collect();
            format!("({})", params.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// Imports applications in one transaction: every field is checked as in
    /// [`Store::create_application`], numbers continue each agency's yearly
    /// sequence, each gets a 查询码 and its receipt (and answer) events. One
    /// audit entry records the import. Returns the number imported.
    pub async fn import_applications(
        &self,
        actor: &str,
        items: &[ImportedApplication],
    ) -> Result<u64, StoreError> {
        let today = self.today();
        let mut checked = Vec::with_capacity(items.len());
        for item in items {
            let application = fields::application(&item.application, today)?;
            if let Some((date, _)) = item.answered
                && (date < application.received_on || date > today)
            {
                return Err(StoreError::InvalidField {
                    field: "答复日期",
                    message: format!("{date}须在收到申请之日与今天之间"),
                });
            }
            checked.push(ImportedApplication {
                application,
                answered: item.answered,
            });
        }
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let max = |table: &str| format!("SELECT COALESCE(MAX(id), 0) FROM {table}");
        let mut next_applicant: i64 = sqlx::query_scalar(&max("applicants"))
            .fetch_one(&mut *tx)
            .await
            .ctx("读取申请人编号")?;
        let mut next_application: i64 = sqlx::query_scalar(&max("applications"))
            .fetch_one(&mut *tx)
            .await
            .ctx("读取申请编号")?;
        // Reserve each agency's numbers for the year in one counter update.
        let mut wanted: BTreeMap<(String, i32), i64> = BTreeMap::new();
        for item in &checked {
            let key = (
                item.application.agency_code.clone(),
                item.application.received_on.year(),
            );
            *wanted.entry(key).or_default() += 1;
        }
        let mut next_seq: BTreeMap<(String, i32), i64> = BTreeMap::new();
        for ((agency, year), n) in &wanted {
            let last: i64 = sqlx::query_scalar(
                "INSERT INTO application_counters (agency_code, year, last_seq) VALUES ($1, $2, $3) \
                 ON CONFLICT (agency_code, year) DO UPDATE SET last_seq = application_counters.last_seq + $3 \
                 RETURNING last_seq",
            )
            .bind(agency)
            .bind(i64::from(*year))
            .bind(*n)
            .fetch_one(&mut *tx)
            .await
            .ctx("生成申请编号")?;
            next_seq.insert((agency.clone(), *year), last - n + 1);
        }
        let mut rows = Vec::with_capacity(checked.len());
        for item in checked {
            let key = (
                item.application.agency_code.clone(),
                item.application.received_on.year(),
            );
            let seq = next_seq.entry(key).or_insert(1);
            let number = format!("{}-{:04}", item.application.received_on.year(), *seq);
            *seq += 1;
            next_applicant += 1;
            next_application += 1;
            rows.push(Row {
                item,
                applicant_id: next_applicant,
                id: next_application,
                number,
                query_code: query_code::generate()?,
            });
        }
        let now = now_text();
        for chunk in rows.chunks(CHUNK) {
            insert_chunk(&mut tx, chunk, &now, actor).await?;
        }
        if self.dialect() == Dialect::Postgres {
            for table in ["applicants", "applications"] {
                sqlx::query(&format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                ))
                .execute(&mut *tx)
                .await
                .ctx("更新编号序列")?;
            }
        }
        let agencies: Vec<&String> = wanted.keys().map(|(agency, _)| agency).collect();
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: actor.to_owned(),
                action: "application.import".into(),
                entity_type: "application".into(),
                entity_key: "import".into(),
                before: None,
                after: Some(json!({
                    "count": rows.len(),
                    "first_id": rows.first().map(|r| r.id),
                    "last_id": rows.last().map(|r| r.id),
                    "agencies": agencies,
                })),
            },
        )
        .await?;
        tx.commit().await.ctx("提交导入")?;
        Ok(rows.len() as u64)
    }
}

async fn insert_chunk(
    tx: &mut super::Tx<'_>,
    chunk: &[Row],
    now: &str,
    actor: &str,
) -> Result<(), StoreError> {
    let sql = format!(
        "INSERT INTO applicants (id, applicant_type, name, id_document_type, id_document_number, phone, \
         address, email, organisation_name, credit_code, created_at) VALUES {}",
        values(chunk.len(), 11)
    );
    let mut query = sqlx::query(&sql);
    for row in chunk {
        let a = &row.item.application.applicant;
        query = query
            .bind(row.applicant_id)
            .bind(a.applicant_type.key())
            .bind(a.name.clone())
            .bind(a.id_document_type.key())
            .bind(a.id_document_number.clone())
            .bind(a.phone.clone())
            .bind(a.address.clone())
            .bind(a.email.clone())
            .bind(a.organisation_name.clone())
            .bind(a.credit_code.clone())
            .bind(now.to_owned());
    }
    query.execute(&mut **tx).await.ctx("导入申请人")?;
    let sql = format!(
        "INSERT INTO applications (id, agency_code, number, query_code, applicant_id, applicant_type, channel, \
         received_on, description, delivery_form, state, outcome, closed_on, created_at, updated_at) VALUES {}",
        values(chunk.len(), 15)
    );
    let mut query = sqlx::query(&sql);
    for row in chunk {
        let a = &row.item.application;
        let (state, outcome, closed_on) = match row.item.answered {
            Some((date, outcome)) => ("answered", Some(outcome.key()), Some(date_text(date))),
            None => ("registered", None, None),
        };
        query = query
            .bind(row.id)
            .bind(a.agency_code.clone())
            .bind(row.number.clone())
            .bind(row.query_code.clone())
            .bind(row.applicant_id)
            .bind(a.applicant.applicant_type.key())
            .bind(key_of(&a.channel))
            .bind(date_text(a.received_on))
            .bind(a.description.clone())
            .bind(a.delivery_form.key())
            .bind(state)
            .bind(outcome)
            .bind(closed_on)
            .bind(now.to_owned())
            .bind(now.to_owned());
    }
    query.execute(&mut **tx).await.ctx("导入申请")?;
    let mut events: Vec<(i64, i64, ProcedureEvent)> = Vec::with_capacity(chunk.len() * 2);
    for row in chunk {
        let a = &row.item.application;
        events.push((
            row.id,
            1,
            ProcedureEvent::Received {
                channel: a.channel,
                date: a.received_on,
            },
        ));
        if let Some((date, outcome)) = row.item.answered {
            events.push((row.id, 2, ProcedureEvent::Answered { date, outcome }));
        }
    }
    for part in events.chunks(CHUNK) {
        let sql = format!(
            "INSERT INTO application_events (application_id, seq, kind, event_date, event_json, actor, created_at) VALUES {}",
            values(part.len(), 7)
        );
        let mut query = sqlx::query(&sql);
        for (id, seq, event) in part {
            let json = serde_json::to_string(event)
                .map_err(|e| StoreError::Invalid(format!("办理记录无法保存：{e}")))?;
            query = query
                .bind(*id)
                .bind(*seq)
                .bind(super::applications::event_kind(event))
                .bind(date_text(event.date()))
                .bind(json)
                .bind(actor.to_owned())
                .bind(now.to_owned());
        }
        query.execute(&mut **tx).await.ctx("导入办理记录")?;
    }
    Ok(())
}
