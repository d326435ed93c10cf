//! The demo dataset of `gongkai serve --demo`: a county government (海盐县人民政府,
//! Zhejiang) with its departments and towns, their guide and rules pages,
//! thousands of published catalog items and annual reports for 2020–2025.
//!
//! Deterministic (seeded generator, fixed dates) and idempotent: seeding twice
//! leaves the same data, because agencies and pages are upserted by key,
//! catalog items are inserted only when their 索引号 is new, and reports are
//! replaced only when they differ. Needs nothing outside the binary.

mod agencies;
mod catalog;
mod handling;
mod pages;
mod publishing;
mod report_drafts;
mod reports;
mod rng;
mod staff;
mod text;

pub use agencies::{GOVERNMENT_CODE, TOBACCO_CODE};
pub use staff::DEMO_LOGINS;

use chrono::{TimeZone, Utc};
use gongkai_domain::Report;

use crate::{PageKind, Store, StoreError};

/// The actor recorded in the audit log for demo changes.
pub const DEMO_ACTOR: &str = "demo";

/// What a seeding run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeedSummary {
    /// Agencies in the demo.
    pub agencies: usize,
    /// Catalog items inserted by this run (0 when already seeded).
    pub items_inserted: usize,
    /// Catalog items of the demo in total.
    pub items_total: usize,
    /// Annual reports in the demo.
    pub reports: usize,
}

/// Every demo annual report with its agency's code (for tests and tools).
pub fn demo_reports() -> Result<Vec<(String, Report)>, StoreError> {
    reports::all_reports()
}

/// Seeds the demo data into `store` (already migrated). Safe to run again.
pub async fn seed(store: &Store) -> Result<SeedSummary, StoreError> {
    let mut summary = SeedSummary {
        agencies: agencies::AGENCIES.len(),
        ..SeedSummary::default()
    };
    for (i, agency) in agencies::AGENCIES.iter().enumerate() {
        store
            .put_agency(
                DEMO_ACTOR,
                &agency.to_new_agency(i64::try_from(i).unwrap_or(0)),
            )
            .await?;
    }
    for agency in agencies::AGENCIES {
        let (title, body) = pages::guide(agency);
        store
            .put_page(DEMO_ACTOR, agency.code, PageKind::Guide, &title, &body)
            .await?;
        let (title, body) = pages::rules(agency);
        store
            .put_page(DEMO_ACTOR, agency.code, PageKind::Rules, &title, &body)
            .await?;
    }
    let items: Vec<_> = agencies::AGENCIES
        .iter()
        .flat_map(|agency| catalog::items_for(agency, store.index_rule()))
        .collect();
    summary.items_total = items.len();
    let outcome = store.import_catalog_items(DEMO_ACTOR, &items).await?;
    summary.items_inserted = outcome.inserted.len();
    let all_reports = reports::all_reports()?;
    summary.reports = all_reports.len();
    for (code, report) in &all_reports {
        // Reports are published in the January after the year, as Art. 49 requires of departments.
        let published = Utc
            .with_ymd_and_hms(report.year + 1, 1, 25, 2, 0, 0)
            .single();
        store
            .put_report(DEMO_ACTOR, code, report, published)
            .await?;
    }
    staff::seed(store).await?;
    publishing::seed(store).await?;
    handling::seed(store).await?;
    report_drafts::seed(store).await?;
    Ok(summary)
}
