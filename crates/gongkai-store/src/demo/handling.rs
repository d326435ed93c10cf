//! Demo data for case handling: e-mail addresses of the demo staff (so the
//! reminder digest has recipients) and reconsideration and litigation
//! records about answered applications of 海盐县教育局. Idempotent: an
//! address is only set where none is, records only added where none are.

use chrono::Duration;
use gongkai_domain::casework::{ReviewKind, ReviewResult};

use super::DEMO_ACTOR;
use crate::error::Context;
use crate::repo::col;
use crate::{NewReviewCase, Store, StoreError};

/// The 教育局, whose demo officer is `jiaoyu`.
const EDUCATION: &str = "330424102";

/// Demo addresses (`.example.gov.cn` never delivers).
const EMAILS: &[(&str, &str)] = &[
    ("admin", "admin@haiyan.example.gov.cn"),
    ("zhengwu", "zhengwu@haiyan.example.gov.cn"),
    ("jiaoyu", "jiaoyu@haiyan.example.gov.cn"),
    ("zhujian", "zhujian@haiyan.example.gov.cn"),
];

pub(crate) async fn seed(store: &Store) -> Result<(), StoreError> {
    for (username, email) in EMAILS {
        let Some(user) = store.staff_user_by_username(username).await? else {
            continue;
        };
        if store.staff_email(user.id).await?.is_empty() {
            store.set_staff_email(DEMO_ACTOR, user.id, email).await?;
        }
    }
    let codes = [EDUCATION.to_owned()];
    if !store.review_cases_in(Some(&codes)).await?.is_empty() {
        return Ok(());
    }
    let rows = sqlx::query(
        "SELECT id, closed_on FROM applications WHERE agency_code = $1 AND outcome IS NOT NULL \
         AND closed_on IS NOT NULL ORDER BY closed_on, id",
    )
    .bind(EDUCATION)
    .fetch_all(&store.pool)
    .await
    .ctx("读取演示申请")?;
    let plans = [
        (
            ReviewKind::Reconsideration,
            ReviewResult::Upheld,
            "海政复〔{y}〕{n}号",
            Some(45),
        ),
        (
            ReviewKind::Reconsideration,
            ReviewResult::Corrected,
            "海政复〔{y}〕{n}号",
            Some(52),
        ),
        (
            ReviewKind::LitigationDirect,
            ReviewResult::Pending,
            "（{y}）浙0424行初{n}号",
            None,
        ),
    ];
    for ((kind, result, number, decided_after), row) in plans.into_iter().zip(rows.iter().rev()) {
        let id: i64 = col(row, "id")?;
        let closed: String = col(row, "closed_on")?;
        let Ok(closed) = chrono::NaiveDate::parse_from_str(&closed, "%Y-%m-%d") else {
            continue;
        };
        let filed_on = closed + Duration::days(20);
        let decided_on = decided_after
            .map(|d| filed_on + Duration::days(d))
            .filter(|d| *d <= store.today());
        let today = store.today();
        if filed_on > today {
            continue;
        }
        let case_number = number
            .replace("{y}", &chrono::Datelike::year(&filed_on).to_string())
            .replace("{n}", &(id % 90 + 10).to_string());
        store
            .add_review_case(
                DEMO_ACTOR,
                &NewReviewCase {
                    application_id: id,
                    kind,
                    case_number,
                    filed_on,
                    decided_on,
                    result: if decided_on.is_some() {
                        result
                    } else {
                        ReviewResult::Pending
                    },
                },
            )
            .await?;
    }
    Ok(())
}
