//! The supervisor's aggregate view: every agency of a government with the
//! status of its report for a year, its findings, and the government-wide
//! report summed over all of them.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Response};
use chrono::Datelike;
use gongkai_domain::Report;
use gongkai_domain::casework::aggregate as sum_reports;
use gongkai_domain::report::deadline::{is_late, publication_deadline};
use gongkai_domain::validate::Summary;
use gongkai_store::{Agency, AgencyKind, StaffRole};
use serde::Deserialize;

use super::super::error::StaffError;
use super::super::views::{Choice, beijing_time};
use super::super::{Staff, StaffState};
use super::access::{self, agency_query, check_year, reporter, today};
use super::compose::{compose, findings_of};
use super::editor::{date_text, export_links};
use super::views::{OverviewRow, OverviewView};

/// `?year=&gov=`.
#[derive(Debug, Deserialize, Default)]
pub(crate) struct OverviewQuery {
    pub year: Option<String>,
    pub gov: Option<String>,
}

impl OverviewQuery {
    /// The requested year, by default the last full year.
    pub(crate) fn year_or_default(&self, today: chrono::NaiveDate) -> Result<i32, StaffError> {
        match self
            .year
            .as_deref()
            .map(str::trim)
            .filter(|y| !y.is_empty())
        {
            None => Ok(today.year() - 1),
            Some(text) => {
                let year = text.parse::<i32>().map_err(|_| {
                    StaffError::NotFound(format!("年度“{text}”无效：应为四位数字年份。"))
                })?;
                check_year(year, today)
            }
        }
    }
}

/// Where one agency's report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Standing {
    /// On the portal.
    Published,
    /// Saved in the editor, not published.
    Draft,
    /// Nothing saved or published.
    Missing,
}

/// One agency in the overview.
#[derive(Debug, Clone)]
pub(crate) struct AgencyReport {
    pub agency: Agency,
    pub standing: Standing,
    pub published: Option<chrono::DateTime<chrono::Utc>>,
    pub late: bool,
    pub overdue: bool,
    pub summary: Summary,
}

/// The overview's data: each agency, and the sum (or why it cannot be summed).
#[derive(Debug, Clone)]
pub(crate) struct Aggregate {
    pub agencies: Vec<AgencyReport>,
    pub report: Result<Report, String>,
}

/// Every agency of `government` (itself first) with its report for `year`,
/// and their sum: a published report counts as published, anything else as
/// its current draft (tables 三 and 四 from the cases).
pub(crate) async fn aggregate(
    state: &StaffState,
    government: &Agency,
    year: i32,
) -> Result<Aggregate, StaffError> {
    let store = &state.app.store;
    let codes = store.agency_with_subordinates(&government.code).await?;
    let all = store.agencies().await?;
    let mut agencies = Vec::with_capacity(codes.len());
    let mut reports = Vec::with_capacity(codes.len());
    for code in &codes {
        let Some(agency) = all.iter().find(|a| &a.code == code).cloned() else {
            continue;
        };
        let stored = store.report(code, year).await?;
        let previous = store
            .report(code, year - 1)
            .await?
            .filter(|r| r.published_at.is_some())
            .map(|r| r.report);
        let draft = store.report_draft(code, year).await?;
        let kind = reporter(agency.kind);
        let deadline = publication_deadline(kind, year);
        let (standing, report, published, late) = match stored {
            Some(stored) if stored.published_at.is_some() => {
                let at = stored.published_at;
                let late = draft.as_ref().map_or_else(
                    || {
                        at.is_some_and(|at| {
                            is_late(kind, year, (at + chrono::Duration::hours(8)).date_naive())
                        })
                    },
                    |d| d.published_late,
                );
                (Standing::Published, stored.report, at, late)
            }
            _ => {
                let composition = compose(store, code, year, None).await?;
                let standing = if draft.is_some() {
                    Standing::Draft
                } else {
                    Standing::Missing
                };
                (standing, composition.report, None, false)
            }
        };
        let summary = if standing == Standing::Missing {
            Summary::default()
        } else {
            Summary::of(&findings_of(&report, previous.as_ref()))
        };
        agencies.push(AgencyReport {
            overdue: standing != Standing::Published && deadline.is_some_and(|d| today(state) > d),
            agency,
            standing,
            published,
            late,
            summary,
        });
        reports.push(report);
    }
    let report = sum_reports(&reports)
        .map(|mut total| {
            total.agency = Some(format!("{}（含所属部门及乡镇）", government.name));
            total
        })
        .map_err(|e| e.to_string());
    Ok(Aggregate { agencies, report })
}

/// `GET /staff/reports/overview?year=&gov=`.
pub(crate) async fn page(
    State(state): State<StaffState>,
    staff: Staff,
    Query(query): Query<OverviewQuery>,
) -> Result<Response, StaffError> {
    let government = access::overview_government(&state, &staff, query.gov.as_deref()).await?;
    let year = query.year_or_default(today(&state))?;
    let data = aggregate(&state, &government, year).await?;
    let mut rows: Vec<OverviewRow> = data
        .agencies
        .iter()
        .map(|a| {
            let (status_label, status_class, detail) = match a.standing {
                Standing::Published => (
                    "已发布",
                    "rep-st-published",
                    a.published
                        .map(|at| beijing_time(at, "%Y-%m-%d"))
                        .unwrap_or_default(),
                ),
                Standing::Draft => ("草稿", "rep-st-draft", String::new()),
                Standing::Missing => ("未提交", "rep-st-none", String::new()),
            };
            OverviewRow {
                agency: a.agency.name.clone(),
                kind: a.agency.kind.label(),
                href: format!(
                    "/staff/reports/{year}{}",
                    agency_query(&staff, &a.agency.code)
                ),
                status_label,
                status_class,
                detail,
                late: a.late,
                overdue: a.overdue,
                errors: a.summary.errors,
                warnings: a.summary.warnings,
            }
        })
        .collect();
    // Those needing attention first: not submitted, then with errors, then drafts.
    rows.sort_by_key(|r| match (r.status_class, r.errors > 0) {
        ("rep-st-none", _) => 0,
        (_, true) => 1,
        ("rep-st-draft", _) => 2,
        _ => 3,
    });
    let count = |s: Standing| data.agencies.iter().filter(|a| a.standing == s).count();
    let current = today(&state).year();
    let year_choices = ((current - 6).max(2008)..=current)
        .rev()
        .map(|y| Choice {
            value: y.to_string(),
            label: format!("{y}年度"),
            selected: y == year,
        })
        .collect();
    let government_choices = if staff.user.role == StaffRole::Administrator {
        state
            .app
            .store
            .agencies()
            .await?
            .into_iter()
            .filter(|a| a.kind == AgencyKind::Government)
            .map(|a| Choice {
                selected: a.code == government.code,
                value: a.code,
                label: a.name,
            })
            .collect()
    } else {
        Vec::new()
    };
    let gov_query = if staff.user.role == StaffRole::Administrator {
        format!("&gov={}", crate::text::encode_query_value(&government.code))
    } else {
        String::new()
    };
    let (aggregate_html, aggregate_problem) = match &data.report {
        Ok(report) => (gongkai_render::html_body(report), None),
        Err(problem) => (
            String::new(),
            Some(format!("各机关报告的年度或格式不一致，无法汇总：{problem}")),
        ),
    };
    let view = OverviewView {
        chrome: staff.chrome("报告汇总", "overview"),
        government: government.name.clone(),
        year,
        year_choices,
        government_choices,
        deadline_note: format!(
            "法定公开期限：政府部门及乡镇（街道）{}，人民政府{}。",
            date_text(publication_deadline(reporter(AgencyKind::Department), year)),
            date_text(publication_deadline(reporter(AgencyKind::Government), year))
        ),
        missing: data
            .agencies
            .iter()
            .filter(|a| a.standing == Standing::Missing)
            .map(|a| a.agency.name.clone())
            .collect(),
        with_errors: data
            .agencies
            .iter()
            .filter(|a| a.summary.errors > 0)
            .map(|a| a.agency.name.clone())
            .collect(),
        rows,
        published_count: count(Standing::Published),
        draft_count: count(Standing::Draft),
        missing_count: count(Standing::Missing),
        aggregate_html,
        aggregate_problem,
        exports: export_links(
            "/staff/reports/overview/export",
            &format!("?year={year}{gov_query}"),
            state.app.pdf.is_available(),
        ),
    };
    Ok(Html(view.render()?).into_response())
}
