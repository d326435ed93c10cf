//! `GET /staff/dashboard`: charts of the application work for the user's
//! scope — applications per month, outcome mix, time to answer, overdue
//! rate and, for supervisors and administrators, the agencies side by side.
//!
//! The scope decides the data: the store query only reads the agencies the
//! user's [`Scope`] covers (an officer its own; a supervisor its government
//! and subordinates; an administrator all), and an agency outside it in the
//! filter is a 404. The figures come from the domain
//! ([`stats::compute`]); the charts are drawn by ECharts from options built
//! here, and every chart has its data table for readers without JavaScript.

mod assets;
mod charts;

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Html;
use axum::routing::get;
use chrono::Datelike;
use gongkai_domain::casework::stats::{self, Dashboard};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::error::{StaffError, percent_encode};
use super::scope::{Scope, no_case_access};
use super::views::{Choice, StaffChrome};
use super::{Staff, StaffState};
use charts::{DataTable, Stack, percent_text, workdays_text};

/// The routes of this part of the back office (behind the sign-in guard).
pub(crate) fn routes() -> Router<StaffState> {
    Router::new().route("/staff/dashboard", get(page))
}

/// The dashboard's scripts and ECharts' licence; public, no data.
pub(crate) fn asset_routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    assets::routes()
}

#[derive(Debug, Deserialize, Default)]
pub(crate) struct DashboardQuery {
    #[serde(default)]
    year: String,
    #[serde(default)]
    agency: String,
    #[serde(default)]
    stack: String,
}

/// A headline figure.
#[derive(Debug, Clone)]
pub(crate) struct Figure {
    pub label: &'static str,
    pub value: String,
    pub note: String,
    pub class: &'static str,
}

/// A chart with its data table.
#[derive(Debug, Clone)]
pub(crate) struct Chart {
    /// The element id; the key of its options in the JSON block.
    pub id: &'static str,
    pub title: &'static str,
    pub note: String,
    /// CSS height class (`dash-tall` for long agency lists).
    pub height_px: usize,
    pub table: DataTable,
}

/// `GET /staff/dashboard`.
#[derive(Template)]
#[template(path = "staff/dashboard.html")]
pub(crate) struct DashboardView {
    pub chrome: StaffChrome,
    pub heading: String,
    pub year: i32,
    pub years: Vec<Choice>,
    pub show_agency_filter: bool,
    pub agencies: Vec<Choice>,
    pub stacks: Vec<Choice>,
    pub figures: Vec<Figure>,
    pub charts: Vec<Chart>,
    pub charts_json: String,
    pub unevaluated: u64,
    pub today: String,
    pub echarts_url: &'static str,
    pub dashboard_url: &'static str,
    pub licence_url: &'static str,
    pub echarts_version: &'static str,
    pub inbox_href: String,
}

/// The first year the dashboards accept: the Regulation's first version
/// took effect on 1 May 2008.
const FIRST_YEAR: i32 = 2008;

/// Reads the year filter: empty for the current year (or, when nothing was
/// received this year yet, the newest year with applications); otherwise a
/// year from 2008 to the current one.
fn chosen_year(text: &str, years: &[i32], current: i32) -> Result<i32, StaffError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(match years.first() {
            Some(newest) if !years.contains(&current) && *newest < current => *newest,
            _ => current,
        });
    }
    text.parse::<i32>()
        .ok()
        .filter(|y| (FIRST_YEAR..=current).contains(y))
        .ok_or_else(|| {
            StaffError::NotFound(format!(
                "统计年度“{}”无效：请选择{FIRST_YEAR}年至{current}年之间的年度。",
                text.chars().take(20).collect::<String>()
            ))
        })
}

/// `GET /staff/dashboard`.
pub(crate) async fn page(
    State(state): State<StaffState>,
    staff: Staff,
    Query(query): Query<DashboardQuery>,
) -> Result<Html<String>, StaffError> {
    let store = &state.app.store;
    if !staff.scope.has_cases() {
        return Err(no_case_access());
    }
    let all_agencies = store.agencies().await?;
    let visible: Vec<&gongkai_store::Agency> = all_agencies
        .iter()
        .filter(|a| staff.scope.covers(&a.code))
        .collect();
    let show_agency_filter = visible.len() > 1;
    let agency = query.agency.trim();
    // The data path: only codes the scope covers reach the query.
    let codes: Option<Vec<String>> = if agency.is_empty() {
        match &staff.scope {
            Scope::All => None,
            Scope::Agencies(codes) => Some(codes.clone()),
            Scope::NoCases => return Err(no_case_access()),
        }
    } else if staff.scope.covers(agency) && visible.iter().any(|a| a.code == agency) {
        Some(vec![agency.to_owned()])
    } else {
        return Err(StaffError::NotFound("找不到该机关，或您无权查看。".into()));
    };
    let today = store.today();
    let years = store.application_years().await?;
    let year = chosen_year(&query.year, &years, today.year())?;
    let stack = if query.stack == Stack::Channel.key() {
        Stack::Channel
    } else {
        Stack::ApplicantType
    };

    // A scope that covers every agency needs no agency filter (the same
    // rows, read by one range scan instead of one per agency).
    let codes = codes.filter(|c| !all_agencies.iter().all(|a| c.contains(&a.code)));
    let cases = store.dashboard_cases(codes.as_deref(), year).await?;
    // Counting a whole county's year is CPU work: keep it off the I/O threads.
    let counting = store.clone();
    let dash: Dashboard = tokio::task::spawn_blocking(move || {
        counting
            .calendar()
            .map(|calendar| stats::compute(calendar, year, today, cases))
    })
    .await
    .map_err(|e| StaffError::Internal(format!("统计计算失败：{e}")))??;

    let name_of = |code: &str| {
        all_agencies
            .iter()
            .find(|a| a.code == code)
            .map_or_else(|| code.to_owned(), |a| a.name.clone())
    };
    let heading = if agency.is_empty() {
        match &staff.scope {
            Scope::All => "全部机关".to_owned(),
            Scope::Agencies(codes) if codes.len() > 1 => format!(
                "{}及所属{}个部门、乡镇（街道）",
                staff.agency_name,
                codes.len() - 1
            ),
            _ => staff.agency_name.clone(),
        }
    } else {
        name_of(agency)
    };

    let comparison = (agency.is_empty() && dash.agencies.len() > 1).then(|| {
        let mut names: Vec<(String, String)> = dash
            .agencies
            .keys()
            .map(|code| (code.clone(), name_of(code)))
            .collect();
        // Most applications first.
        names.sort_by(|a, b| {
            let n = |code: &str| dash.agencies.get(code).map_or(0, |f| f.received);
            n(&b.0).cmp(&n(&a.0)).then_with(|| a.1.cmp(&b.1))
        });
        Comparison {
            silent: visible.len().saturating_sub(names.len()),
            names,
        }
    });
    let (charts, options) = chart_list(&dash, stack, comparison);

    let mut years_shown = years.clone();
    if !years_shown.contains(&year) {
        years_shown.push(year);
        years_shown.sort_unstable_by(|a, b| b.cmp(a));
    }
    let view = DashboardView {
        chrome: staff.chrome("统计图表", "dashboard"),
        heading,
        year,
        years: years_shown
            .iter()
            .map(|y| Choice {
                value: y.to_string(),
                label: format!("{y}年"),
                selected: *y == year,
            })
            .collect(),
        show_agency_filter,
        agencies: visible
            .iter()
            .map(|a| Choice {
                value: a.code.clone(),
                label: a.name.clone(),
                selected: a.code == agency,
            })
            .collect(),
        stacks: [Stack::ApplicantType, Stack::Channel]
            .iter()
            .map(|s| Choice {
                value: s.key().to_owned(),
                label: s.label().to_owned(),
                selected: *s == stack,
            })
            .collect(),
        figures: headline(&dash),
        charts,
        charts_json: charts::script_json(&Value::Object(options)),
        unevaluated: dash.unevaluated,
        today: today.to_string(),
        echarts_url: assets::echarts_url(),
        dashboard_url: assets::dashboard_url(),
        licence_url: assets::LICENCE_URL,
        echarts_version: gongkai_echarts::ECHARTS_VERSION,
        inbox_href: format!("/staff/cases?state=all&agency={}", percent_encode(agency)),
    };
    Ok(Html(view.render()?))
}

/// The agencies side by side: their codes and names (most applications
/// first), and how many agencies of the scope received none.
struct Comparison {
    names: Vec<(String, String)>,
    silent: usize,
}

/// The headline figures above the charts.
fn headline(dash: &Dashboard) -> Vec<Figure> {
    let times = &dash.total.answer_times;
    vec![
        Figure {
            label: "收到申请",
            value: dash.total.received.to_string(),
            note: format!("已办结{}件，未办结{}件", dash.total.closed, dash.total.open),
            class: "dash-f-received",
        },
        Figure {
            label: "答复用时中位数",
            value: workdays_text(times.median()),
            note: format!("90%的答复不超过{}", workdays_text(times.p90())),
            class: "dash-f-time",
        },
        Figure {
            label: "超期率",
            value: percent_text(dash.total.overdue_percent()),
            note: format!("逾期答复或超期未办结{}件", dash.total.overdue),
            class: "dash-f-overdue",
        },
        Figure {
            label: "已答复",
            value: times.answered().to_string(),
            note: "按收到申请之日至答复之日的工作日计".into(),
            class: "dash-f-answered",
        },
    ]
}

/// The charts of the page with their tables, and their ECharts options by
/// element id.
fn chart_list(
    dash: &Dashboard,
    stack: Stack,
    comparison: Option<Comparison>,
) -> (Vec<Chart>, Map<String, Value>) {
    let times = &dash.total.answer_times;
    let mut options = Map::new();
    let mut charts = Vec::new();
    let mut add = |id: &'static str,
                   title: &'static str,
                   note: String,
                   height_px: usize,
                   (option, table): (Value, DataTable)| {
        options.insert(id.to_owned(), option);
        charts.push(Chart {
            id,
            title,
            note,
            height_px,
            table,
        });
    };
    add(
        "dash-monthly",
        "每月申请量",
        format!("按收到申请的月份统计，{}。", stack.label()),
        360,
        charts::monthly(dash, stack),
    );
    add(
        "dash-outcomes",
        "办理结果构成",
        "已办结申请按年度报告表三的办理结果分类；撤回等未作答复的计入（六）其他处理。".into(),
        340,
        charts::outcomes(dash),
    );
    add(
        "dash-answer-time",
        "答复用时",
        format!(
            "收到申请之日至答复之日的工作日数（按工作日历，含补正、征求意见等暂停时间）。中位数{}，90%分位数{}。",
            workdays_text(times.median()),
            workdays_text(times.p90())
        ),
        320,
        charts::answer_time(dash),
    );
    add(
        "dash-overdue",
        "超期率",
        "逾期答复与截至今日超过答复期限仍未办结的申请，占当月收到申请的比例；答复期限由期限计算引擎按补正、征求意见、缴费和延期计算。".into(),
        340,
        charts::overdue(dash),
    );
    if let Some(Comparison { names, silent }) = comparison {
        add(
            "dash-agencies",
            "各机关对比",
            format!(
                "{}年有申请的{}个机关；{silent}个机关没有收到申请。",
                dash.year,
                names.len()
            ),
            80 + 32 * names.len(),
            charts::agencies(dash, &names),
        );
    }
    (charts, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_filter_accepts_the_years_of_the_regulation() {
        assert_eq!(chosen_year("", &[2025, 2024], 2026).ok(), Some(2025));
        assert_eq!(chosen_year("", &[2026, 2025], 2026).ok(), Some(2026));
        assert_eq!(chosen_year("", &[], 2026).ok(), Some(2026));
        assert_eq!(chosen_year(" 2024 ", &[2025], 2026).ok(), Some(2024));
        assert_eq!(chosen_year("2008", &[2025], 2026).ok(), Some(2008));
        assert!(matches!(
            chosen_year("2007", &[2025], 2026),
            Err(StaffError::NotFound(m)) if m.contains("2007") && m.contains("2008年至2026年")
        ));
        assert!(chosen_year("2027", &[2025], 2026).is_err());
        assert!(chosen_year("abc", &[2025], 2026).is_err());
    }
}
