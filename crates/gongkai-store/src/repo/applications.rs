//! Applications: registration, look-up and lists.

use gongkai_domain::calendar::WorkCalendar;
use gongkai_domain::casework::ApplicantType;
use gongkai_domain::deadline::{CaseStatus, ProcedureEvent, evaluate};
use serde_json::{Value, json};
use sqlx::any::AnyRow;

use super::keys::{from_key, key_of};
use super::{Tx, audit, col};
use crate::error::Context;
use crate::model::decode_key;
use crate::time::{date_text, now_text, parse_date, parse_opt_date, parse_timestamp};
use crate::{
    Applicant, Application, ApplicationEvent, ApplicationFilter, ApplicationPage, DeliveryForm,
    IdDocumentType, NewApplicant, NewApplication, NewAuditEntry, Store, StoreError, fields,
    query_code,
};

/// The columns of an application joined with its applicant (`a`, `p`).
pub(crate) const SELECT: &str = "SELECT a.id, a.agency_code, a.number, a.query_code, a.channel, \
    a.received_on, a.description, a.delivery_form, a.state, a.outcome, a.closed_on, a.created_at, \
    a.updated_at, p.id AS applicant_id, p.applicant_type, p.name, p.id_document_type, \
    p.id_document_number, p.phone, p.address, p.email, p.organisation_name, p.credit_code \
    FROM applications a JOIN applicants p ON p.id = a.applicant_id";

/// Reads an application row selected with [`SELECT`].
pub(crate) fn decode(row: &AnyRow) -> Result<Application, StoreError> {
    let applicant = Applicant {
        id: col(row, "applicant_id")?,
        details: NewApplicant {
            applicant_type: decode_key(
                "applicants.applicant_type",
                col(row, "applicant_type")?,
                ApplicantType::from_key,
            )?,
            name: col(row, "name")?,
            id_document_type: decode_key(
                "applicants.id_document_type",
                col(row, "id_document_type")?,
                IdDocumentType::from_key,
            )?,
            id_document_number: col(row, "id_document_number")?,
            phone: col(row, "phone")?,
            address: col(row, "address")?,
            email: col(row, "email")?,
            organisation_name: col(row, "organisation_name")?,
            credit_code: col(row, "credit_code")?,
        },
    };
    let outcome: Option<String> = col(row, "outcome")?;
    Ok(Application {
        id: col(row, "id")?,
        agency_code: col(row, "agency_code")?,
        number: col(row, "number")?,
        query_code: col(row, "query_code")?,
        applicant,
        channel: from_key("applications.channel", col(row, "channel")?)?,
        received_on: parse_date(
            "applications.received_on",
            &col::<String>(row, "received_on")?,
        )?,
        description: col(row, "description")?,
        delivery_form: decode_key(
            "applications.delivery_form",
            col(row, "delivery_form")?,
            DeliveryForm::from_key,
        )?,
        state: from_key("applications.state", col(row, "state")?)?,
        outcome: outcome
            .map(|o| from_key("applications.outcome", o))
            .transpose()?,
        closed_on: parse_opt_date("applications.closed_on", col(row, "closed_on")?)?,
        created_at: parse_timestamp(
            "applications.created_at",
            &col::<String>(row, "created_at")?,
        )?,
        updated_at: parse_timestamp(
            "applications.updated_at",
            &col::<String>(row, "updated_at")?,
        )?,
    })
}

impl Application {
    /// The application as recorded in the audit log; the ID number is masked.
    pub fn audit_json(&self) -> Value {
        let a = &self.applicant.details;
        json!({
            "agency_code": self.agency_code, "number": self.number,
            "applicant": {
                "type": a.applicant_type.key(), "name": a.name,
                "id_document_type": a.id_document_type.key(),
                "id_document_number": fields::masked(&a.id_document_number),
                "phone": a.phone, "address": a.address, "email": a.email,
                "organisation_name": a.organisation_name, "credit_code": a.credit_code,
            },
            "channel": key_of(&self.channel), "received_on": date_text(self.received_on),
            "description": self.description, "delivery_form": self.delivery_form.key(),
            "state": key_of(&self.state), "outcome": self.outcome.map(|o| o.key()),
            "closed_on": self.closed_on.map(date_text),
        })
    }

    /// The key of the application in the audit log: `agency/number`.
    pub fn audit_key(&self) -> String {
        format!("{}/{}", self.agency_code, self.number)
    }
}

/// The operational calendar (national data, next years provisional), or an
/// error saying why it cannot be used.
pub(crate) fn operational_calendar() -> Result<&'static WorkCalendar, StoreError> {
    WorkCalendar::operational().map_err(|e| StoreError::Procedure(e.into()))
}

/// Reads the application with `id` inside `tx`.
pub(crate) async fn fetch(tx: &mut Tx<'_>, id: i64) -> Result<Application, StoreError> {
    let row = sqlx::query(&format!("{SELECT} WHERE a.id = $1"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
        .ctx("读取申请")?
        .ok_or_else(|| StoreError::NotFound {
            entity: "申请",
            key: id.to_string(),
        })?;
    decode(&row)
}

/// The events of application `id` inside `tx`, in order.
pub(crate) async fn fetch_events(
    tx: &mut Tx<'_>,
    id: i64,
) -> Result<Vec<ApplicationEvent>, StoreError> {
    let rows = sqlx::query(
        "SELECT seq, event_json, actor, created_at FROM application_events \
         WHERE application_id = $1 ORDER BY seq",
    )
    .bind(id)
    .fetch_all(&mut **tx)
    .await
    .ctx("读取办理记录")?;
    rows.iter().map(decode_event).collect()
}

fn decode_event(row: &AnyRow) -> Result<ApplicationEvent, StoreError> {
    let json: String = col(row, "event_json")?;
    Ok(ApplicationEvent {
        seq: col(row, "seq")?,
        event: serde_json::from_str(&json).map_err(|_| StoreError::Corrupt {
            what: "application_events.event_json",
            value: json.clone(),
        })?,
        actor: col(row, "actor")?,
        recorded_at: parse_timestamp(
            "application_events.created_at",
            &col::<String>(row, "created_at")?,
        )?,
    })
}

/// The serde tag of an event (`received`, `correction_requested`, …).
pub(crate) fn event_kind(event: &ProcedureEvent) -> String {
    serde_json::to_value(event)
        .ok()
        .and_then(|v| v.get("event").and_then(Value::as_str).map(str::to_owned))
        .unwrap_or_default()
}

/// Appends event number `seq` inside `tx`.
pub(crate) async fn insert_event(
    tx: &mut Tx<'_>,
    application_id: i64,
    seq: i64,
    event: &ProcedureEvent,
    actor: &str,
) -> Result<(), StoreError> {
    let json = serde_json::to_string(event)
        .map_err(|e| StoreError::Invalid(format!("办理记录无法保存：{e}")))?;
    sqlx::query(
        "INSERT INTO application_events (application_id, seq, kind, event_date, event_json, actor, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(application_id)
    .bind(seq)
    .bind(event_kind(event))
    .bind(date_text(event.date()))
    .bind(json)
    .bind(actor)
    .bind(now_text())
    .execute(&mut **tx)
    .await
    .ctx("保存办理记录")?;
    Ok(())
}

impl Store {
    /// Registers an application: checks every field (errors name the field),
    /// numbers it `YYYY-NNNN` per agency and receipt year, gives it a random
    /// 查询码 and records the receipt event; one transaction, audited.
    pub async fn create_application(
        &self,
        actor: &str,
        new: &NewApplication,
    ) -> Result<Application, StoreError> {
        let today = self.today();
        let new = fields::application(new, today)?;
        let received = ProcedureEvent::Received {
            channel: new.channel,
            date: new.received_on,
        };
        let status = evaluate(
            self.calendar()?,
            std::slice::from_ref(&received),
            new.received_on,
        )?;
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        if sqlx::query("SELECT code FROM agencies WHERE code = $1")
            .bind(&new.agency_code)
            .fetch_optional(&mut *tx)
            .await
            .ctx("读取机构")?
            .is_none()
        {
            return Err(StoreError::NotFound {
                entity: "机构",
                key: new.agency_code.clone(),
            });
        }
        let now = now_text();
        let a = &new.applicant;
        let applicant_id: i64 = sqlx::query_scalar(
            "INSERT INTO applicants (applicant_type, name, id_document_type, id_document_number, phone, \
             address, email, organisation_name, credit_code, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(a.applicant_type.key())
        .bind(&a.name)
        .bind(a.id_document_type.key())
        .bind(&a.id_document_number)
        .bind(&a.phone)
        .bind(&a.address)
        .bind(&a.email)
        .bind(&a.organisation_name)
        .bind(&a.credit_code)
        .bind(&now)
        .fetch_one(&mut *tx)
        .await
        .ctx("保存申请人")?;
        let year = i64::from(chrono::Datelike::year(&new.received_on));
        let seq: i64 = sqlx::query_scalar(
            "INSERT INTO application_counters (agency_code, year, last_seq) VALUES ($1, $2, 1) \
             ON CONFLICT (agency_code, year) DO UPDATE SET last_seq = application_counters.last_seq + 1 \
             RETURNING last_seq",
        )
        .bind(&new.agency_code)
        .bind(year)
        .fetch_one(&mut *tx)
        .await
        .ctx("生成申请编号")?;
        let number = format!("{year}-{seq:04}");
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO applications (agency_code, number, query_code, applicant_id, applicant_type, \
             channel, received_on, description, delivery_form, state, outcome, closed_on, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, NULL, $11, $11) RETURNING id",
        )
        .bind(&new.agency_code)
        .bind(&number)
        .bind(query_code::generate()?)
        .bind(applicant_id)
        .bind(a.applicant_type.key())
        .bind(key_of(&new.channel))
        .bind(date_text(new.received_on))
        .bind(&new.description)
        .bind(new.delivery_form.key())
        .bind(key_of(&status.state))
        .bind(&now)
        .fetch_one(&mut *tx)
        .await
        .ctx("保存申请")?;
        insert_event(&mut tx, id, 1, &received, actor).await?;
        let application = fetch(&mut tx, id).await?;
        audit::append(
            &mut tx,
            &NewAuditEntry {
                actor: actor.to_owned(),
                action: "application.create".into(),
                entity_type: "application".into(),
                entity_key: application.audit_key(),
                before: None,
                after: Some(application.audit_json()),
            },
        )
        .await?;
        tx.commit().await.ctx("提交申请")?;
        Ok(application)
    }

    /// The application with `id`, if any.
    pub async fn application(&self, id: i64) -> Result<Option<Application>, StoreError> {
        sqlx::query(&format!("{SELECT} WHERE a.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .ctx("读取申请")?
            .map(|row| decode(&row))
            .transpose()
    }

    /// The application with an agency's number (`2024-0001`), if any.
    pub async fn application_by_number(
        &self,
        agency_code: &str,
        number: &str,
    ) -> Result<Option<Application>, StoreError> {
        sqlx::query(&format!(
            "{SELECT} WHERE a.agency_code = $1 AND a.number = $2"
        ))
        .bind(agency_code)
        .bind(number.trim())
        .fetch_optional(&self.pool)
        .await
        .ctx("读取申请")?
        .map(|row| decode(&row))
        .transpose()
    }

    /// The application with the 查询码 `code` (as typed: case, spaces, dashes
    /// and the look-alikes I/L/O are forgiven), if any.
    pub async fn application_by_query_code(
        &self,
        code: &str,
    ) -> Result<Option<Application>, StoreError> {
        let code = query_code::normalise(code);
        if code.len() != query_code::QUERY_CODE_LEN {
            return Ok(None);
        }
        sqlx::query(&format!("{SELECT} WHERE a.query_code = $1"))
            .bind(code)
            .fetch_optional(&self.pool)
            .await
            .ctx("读取申请")?
            .map(|row| decode(&row))
            .transpose()
    }

    /// The recorded events of application `id`, in order.
    pub async fn application_events(&self, id: i64) -> Result<Vec<ApplicationEvent>, StoreError> {
        let mut tx = self.begin_write().await.ctx("开始事务")?;
        let events = fetch_events(&mut tx, id).await?;
        tx.commit().await.ctx("读取办理记录")?;
        Ok(events)
    }

    /// The status of application `id` on the store's today: every deadline
    /// with its reason, pauses and extension, computed by the deadline engine
    /// from the events recorded up to that day.
    pub async fn case_status(&self, id: i64) -> Result<CaseStatus, StoreError> {
        let today = self.today();
        let events: Vec<ProcedureEvent> = self
            .application_events(id)
            .await?
            .into_iter()
            .map(|e| e.event)
            .collect();
        if events.is_empty() {
            return Err(StoreError::NotFound {
                entity: "申请",
                key: id.to_string(),
            });
        }
        let known: Vec<ProcedureEvent> = events
            .iter()
            .filter(|e| e.date() <= today)
            .cloned()
            .collect();
        if known.is_empty() {
            return Err(StoreError::Invalid(format!(
                "申请于{}收到，晚于{today}，尚无办理状态",
                events[0].date()
            )));
        }
        Ok(evaluate(self.calendar()?, &known, today)?)
    }

    /// A page of applications matching `filter`, newest receipt first.
    pub async fn list_applications(
        &self,
        filter: &ApplicationFilter,
    ) -> Result<ApplicationPage, StoreError> {
        let per_page = match filter.per_page {
            0 => 50,
            n => n.min(500),
        };
        let page = filter.page.max(1);
        let mut conditions: Vec<String> = Vec::new();
        let mut params: Vec<String> = Vec::new();
        if let Some(agency) = &filter.agency_code {
            params.push(agency.clone());
            conditions.push(format!("a.agency_code = ${}", params.len()));
        }
        if let Some(state) = &filter.state {
            params.push(key_of(state));
            conditions.push(format!("a.state = ${}", params.len()));
        }
        if let Some(text) = filter
            .text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            let escaped = text
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            params.push(format!("%{escaped}%"));
            let n = params.len();
            conditions.push(format!(
                "(a.number LIKE ${n} ESCAPE '\\' OR a.description LIKE ${n} ESCAPE '\\' \
                 OR p.name LIKE ${n} ESCAPE '\\' OR COALESCE(p.organisation_name, '') LIKE ${n} ESCAPE '\\')"
            ));
        }
        if filter.due_before.is_some() {
            conditions.push("a.closed_on IS NULL".into());
        }
        let where_clause = if conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conditions.join(" AND "))
        };
        let order = " ORDER BY a.received_on DESC, a.id DESC";
        let offset = u64::from(page - 1) * u64::from(per_page);
        if let Some(due_before) = filter.due_before {
            // Due dates move with pauses: compute them, then page in memory.
            let sql = format!("{SELECT}{where_clause}{order}");
            let mut query = sqlx::query(&sql);
            for p in &params {
                query = query.bind(p);
            }
            let rows = query.fetch_all(&self.pool).await.ctx("读取申请列表")?;
            let mut matching = Vec::new();
            for row in &rows {
                let application = decode(row)?;
                if application.received_on > self.today() {
                    continue;
                }
                let status = self.case_status(application.id).await?;
                let due = status
                    .deadline(gongkai_domain::deadline::DeadlineKind::Answer)
                    .map(|d| d.due);
                if due.is_some_and(|d| d <= due_before) {
                    matching.push(application);
                }
            }
            let total = matching.len() as u64;
            let items = matching
                .into_iter()
                .skip(usize::try_from(offset).unwrap_or(usize::MAX))
                .take(per_page as usize)
                .collect();
            return Ok(ApplicationPage {
                items,
                total,
                page,
                per_page,
            });
        }
        let count_sql = format!(
            "SELECT COUNT(*) FROM applications a JOIN applicants p ON p.id = a.applicant_id{where_clause}"
        );
        let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
        for p in &params {
            count = count.bind(p);
        }
        let total = count.fetch_one(&self.pool).await.ctx("统计申请")?;
        let sql = format!("{SELECT}{where_clause}{order} LIMIT {per_page} OFFSET {offset}");
        let mut query = sqlx::query(&sql);
        for p in &params {
            query = query.bind(p);
        }
        let rows = query.fetch_all(&self.pool).await.ctx("读取申请列表")?;
        Ok(ApplicationPage {
            items: rows.iter().map(decode).collect::<Result<_, _>>()?,
            total: u64::try_from(total).unwrap_or_default(),
            page,
            per_page,
        })
    }
}
