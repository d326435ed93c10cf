//! The demo dataset: complete, idempotent and with consistent reports.

mod common;

use gongkai_domain::validate::{Severity, validate, validate_with_previous};
use gongkai_store::demo::{self, GOVERNMENT_CODE, TOBACCO_CODE};
use gongkai_store::{AgencyKind, CatalogQuery, Category, ItemStatus, PageKind, Store};

async fn snapshot(store: &Store) -> (usize, u64, u64, Vec<(String, u64)>, Vec<i32>) {
    let agencies = store.agencies().await.expect("agencies").len();
    let mut all = CatalogQuery::published(GOVERNMENT_CODE);
    all.agency_code = None;
    let items = store.list_catalog(&all).await.expect("list").total;
    let audit = store.audit_count().await.expect("audit");
    let by_agency = store
        .item_counts_by_agency(ItemStatus::Published)
        .await
        .expect("counts");
    let years = store
        .reports(GOVERNMENT_CODE)
        .await
        .expect("reports")
        .iter()
        .map(|r| r.year)
        .collect();
    (agencies, items, audit, by_agency, years)
}

async fn seeding_twice_leaves_the_same_data(store: Store) {
    let started = std::time::Instant::now();
    let first = demo::seed(&store).await.expect("seed");
    eprintln!(
        "demo seed on {:?}: {:?} ({:?})",
        store.dialect(),
        started.elapsed(),
        first
    );
    assert!(first.items_total >= 2000, "{first:?}");
    assert_eq!(first.items_inserted, first.items_total);
    let before = snapshot(&store).await;
    let second = demo::seed(&store).await.expect("seed again");
    assert_eq!(second.items_inserted, 0);
    assert_eq!(snapshot(&store).await, before);
    let (agencies, items, _, by_agency, years) = before;
    assert!(agencies >= 20);
    // Every imported demo item is published, plus the few that the
    // publishing-workflow demo takes through review to publication.
    assert!(
        (first.items_total as u64..first.items_total as u64 + 10).contains(&items),
        "{items} published of {} imported",
        first.items_total
    );
    assert_eq!(by_agency.len(), agencies, "every agency publishes items");
    assert_eq!(years, [2025, 2024, 2023, 2022, 2021, 2020]);
}

async fn demo_content_is_complete(store: Store) {
    demo::seed(&store).await.expect("seed");
    let tree = store.agency_tree().await.expect("tree");
    assert_eq!(tree.len(), 1);
    let county = &tree[0];
    assert_eq!(county.agency.name, "海盐县人民政府");
    let towns: Vec<&str> = county
        .children_of_kind(AgencyKind::Town)
        .map(|t| t.agency.name.as_str())
        .collect();
    for town in [
        "武原街道",
        "西塘桥街道",
        "沈荡镇",
        "百步镇",
        "于城镇",
        "澉浦镇",
        "通元镇",
    ] {
        assert!(towns.contains(&town), "{town} missing");
    }
    let departments: Vec<&str> = county
        .children_of_kind(AgencyKind::Department)
        .map(|t| t.agency.name.as_str())
        .collect();
    for dept in [
        "海盐县烟草专卖局",
        "海盐县供销合作总社",
        "海盐县财政局",
        "海盐县教育局",
    ] {
        assert!(departments.contains(&dept), "{dept} missing");
    }
    for agency in store.agencies().await.expect("agencies") {
        for kind in PageKind::ALL {
            let page = store
                .page(&agency.code, *kind)
                .await
                .expect("page")
                .expect("every agency has both pages");
            assert!(page.body.contains("政府信息公开"), "{}", agency.name);
        }
    }
    // The government's catalog covers most Art. 20 categories, with 文号 in the official style.
    let counts = store
        .category_counts(GOVERNMENT_CODE, ItemStatus::Published)
        .await
        .expect("counts");
    assert!(
        counts.iter().filter(|c| c.count > 0).count() >= 12,
        "{counts:?}"
    );
    let mut query = CatalogQuery::published(GOVERNMENT_CODE);
    query.category = Some(Category::Regulations);
    let regulations = store.list_catalog(&query).await.expect("list");
    let numbered = regulations
        .items
        .iter()
        .filter_map(|i| i.doc_number.as_deref())
        .next()
        .expect("a 文号");
    assert!(
        numbered.starts_with("盐政") && numbered.contains('〔') && numbered.ends_with('号'),
        "{numbered}"
    );
    assert!(
        regulations.items[0].index_no.starts_with("330424000/20"),
        "{}",
        regulations.items[0].index_no
    );

    let tobacco = store
        .report(TOBACCO_CODE, 2020)
        .await
        .expect("get")
        .expect("tobacco 2020");
    assert_eq!(tobacco.report.agency.as_deref(), Some("海盐县烟草专卖局"));
}

scenarios! {
    seeding_twice_leaves_the_same_data,
    demo_content_is_complete,
}

#[test]
fn every_demo_report_passes_validation() {
    let reports = demo::demo_reports().expect("reports");
    assert!(reports.len() >= 20);
    for (code, report) in &reports {
        let errors: Vec<_> = validate(report)
            .into_iter()
            .filter(|f| f.is_error())
            .collect();
        assert!(errors.is_empty(), "{code} {}: {errors:#?}", report.year);
        if report.year >= 2021 {
            // Generated reports are clean; the 2020 corpus figures keep their real blank cells (warnings).
            let findings = validate(report);
            assert!(
                findings.is_empty(),
                "{code} {} has findings: {findings:#?}",
                report.year
            );
        }
        if let Some((_, previous)) = reports
            .iter()
            .find(|(c, r)| c == code && r.year == report.year - 1)
        {
            let cross: Vec<_> = validate_with_previous(report, previous)
                .into_iter()
                .filter(|f| {
                    f.is_error() || (report.year >= 2022 && f.severity == Severity::Warning)
                })
                .collect();
            assert!(
                cross.is_empty(),
                "{code} {} vs previous year: {cross:#?}",
                report.year
            );
        }
    }
}

#[test]
fn corpus_figures_are_embedded() {
    let reports = demo::demo_reports().expect("reports");
    let government = reports
        .iter()
        .find(|(c, r)| c == GOVERNMENT_CODE && r.year == 2020)
        .expect("2020")
        .1
        .clone();
    let json = government.to_json_value();
    assert_eq!(json["applications"]["new_received"]["total"], 184);
    assert_eq!(json["applications"]["total_processed"]["total"], 179);
    assert_eq!(json["proactive"]["procurement"]["amount_yuan"], 309486424);
}
