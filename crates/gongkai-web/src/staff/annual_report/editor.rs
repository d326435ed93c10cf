//! The editor: the list of years, the editor page, saving, the live check
//! and publishing.

use askama::Template;
use axum::Form;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::{Datelike, NaiveDate, Utc};
use gongkai_domain::report::deadline::{is_late, publication_deadline};
use gongkai_domain::report::proactive_blocks;
use gongkai_domain::validate::Summary;
use gongkai_domain::{CellKey, Report};
use gongkai_render::layout::format_number;
use gongkai_store::{NarrativePart, StaffRole, StoreError, derived_from_catalog};
use serde::Deserialize;
use serde_json::json;

use super::super::error::StaffError;
use super::super::views::{Choice, beijing_time};
use super::super::{Staff, StaffState};
use super::access::{self, Access, ReportTarget, agency_query, reporter, today};
use super::compare::compare;
use super::compose::{Composition, compose, findings_of};
use super::form::{self, FieldError, cell_field, text_field};
use super::views::{
    CellInput, EditorView, FindingView, FindingsPanel, HistoryRow, Link, ListView, NarrativeInput,
    ProactiveBlockView, ProactiveRowView, YearRow,
};

/// How table 二's catalog cells are counted, shown in the editor.
pub(crate) const CATALOG_NOTE: &str = "“规章”“行政规范性文件”两行由系统根据本机关在“信息发布”中已发布的“行政法规、规章和规范性文件”类信息统计：文号含“令”的计为规章，其他有文号的计为规范性文件；本年制发＝本年发布，本年废止＝本年内失效或废止，现行有效＝年末仍有效（2019年格式：本年新制作＝成文日期在本年，本年新公开＝本年发布，对外公开总数量＝年末前已发布）。其余各行请根据本机关的业务统计填写；无数据请填0。";

/// The query of editor pages: whose report, and what just happened.
#[derive(Debug, Deserialize, Default)]
pub(crate) struct EditorQuery {
    agency: Option<String>,
    saved: Option<String>,
    published: Option<String>,
}

/// `?agency=` only.
#[derive(Debug, Deserialize, Default)]
pub(crate) struct AgencyQuery {
    pub agency: Option<String>,
}

/// The statutory deadline as Chinese text.
pub(crate) fn date_text(date: Option<NaiveDate>) -> String {
    date.map_or_else(String::new, |d| {
        format!("{}年{}月{}日", d.year(), d.month(), d.day())
    })
}

/// Where the editor of `target` lives, with `extra` query pairs appended.
pub(crate) fn editor_url(
    staff: &Staff,
    target: &ReportTarget,
    suffix: &str,
    extra: &str,
) -> String {
    let query = target.query(staff);
    let base = format!("/staff/reports/{}{suffix}", target.year);
    match (query.is_empty(), extra.is_empty()) {
        (true, true) => base,
        (true, false) => format!("{base}?{extra}"),
        (false, true) => format!("{base}{query}"),
        (false, false) => format!("{base}{query}&{extra}"),
    }
}

/// The saves and publications of the report, newest first (from the audit log).
async fn history(
    state: &StaffState,
    agency_code: &str,
    year: i32,
) -> Result<Vec<HistoryRow>, StaffError> {
    let key = format!("{agency_code}/{year}");
    let store = &state.app.store;
    let mut entries = store.audit_entries("report_draft", &key).await?;
    entries.extend(
        store
            .audit_entries("annual_report", &key)
            .await?
            .into_iter()
            .filter(|e| e.action == "report.publish"),
    );
    entries.sort_by_key(|e| std::cmp::Reverse(e.id));
    Ok(entries
        .into_iter()
        .take(20)
        .map(|e| {
            let what = match e.action.as_str() {
                "report.publish" => {
                    let late = e.after.as_ref().is_some_and(|a| a["late"] == true);
                    let again = e.before.is_some();
                    format!(
                        "{}{}",
                        if again {
                            "重新发布（原版本存于审计日志）"
                        } else {
                            "发布到门户网站"
                        },
                        if late { "，逾期" } else { "" }
                    )
                }
                _ => match e.after.as_ref().and_then(|a| a["revision"].as_i64()) {
                    Some(revision) => format!("保存草稿第{revision}版"),
                    None => "保存草稿".to_owned(),
                },
            };
            HistoryRow {
                at: beijing_time(e.occurred_at, "%Y-%m-%d %H:%M"),
                actor: e.actor,
                what,
            }
        })
        .collect())
}

fn narrative_hint(part: NarrativePart) -> &'static str {
    match part {
        NarrativePart::OverviewProactive => "本年主动公开信息的数量、渠道和重点领域信息公开情况。",
        NarrativePart::OverviewApplications => {
            "收到、办结申请的数量和办理情况（所述件数应与表三一致）。"
        }
        NarrativePart::OverviewManagement => "政府信息管理、公开属性审查、保密审查等情况。",
        NarrativePart::OverviewPlatform => "政府网站、政务新媒体等公开平台的建设情况。",
        NarrativePart::OverviewSupervision => "考核、培训、社会评议和责任追究等监督保障情况。",
        NarrativePart::Problems => "上一年度问题的改进情况和本年度存在的主要问题、改进措施。",
        NarrativePart::OtherMatters => {
            "包括依据《政府信息公开信息处理费管理办法》收取信息处理费的情况；无则写“无”。"
        }
    }
}

fn narrative_inputs(content: &gongkai_store::DraftContent, overview: bool) -> Vec<NarrativeInput> {
    NarrativePart::ALL
        .iter()
        .filter(|p| p.subhead().is_some() == overview)
        .map(|&part| NarrativeInput {
            name: text_field(part),
            id: format!("rep-{}", part.key()),
            label: part.label(),
            hint: narrative_hint(part),
            value: content.narrative(part).to_owned(),
        })
        .collect()
}

/// Table 二 as editable blocks: catalog cells shown, entered cells as inputs.
fn proactive_views(
    report: &Report,
    raw: &[(CellKey, String)],
    errors: &[FieldError],
) -> Vec<ProactiveBlockView> {
    let format = report.format;
    proactive_blocks(format)
        .iter()
        .map(|block| ProactiveBlockView {
            caption: block.caption,
            headers: block
                .fields(format)
                .iter()
                .map(|f| f.label(format))
                .collect(),
            rows: block
                .rows
                .iter()
                .map(|&row| ProactiveRowView {
                    label: row.label(format),
                    cells: row
                        .fields(format)
                        .iter()
                        .map(|&field| {
                            let key = CellKey::Proactive(row, field);
                            let name = cell_field(key);
                            let value = raw
                                .iter()
                                .find(|(k, _)| *k == key)
                                .map(|(_, v)| v.clone())
                                .unwrap_or_else(|| {
                                    report.value(key).map(format_number).unwrap_or_default()
                                });
                            CellInput {
                                id: format!("rep-{}", key.to_string().replace('.', "-")),
                                label: key.label(format),
                                value,
                                derived: derived_from_catalog(key),
                                error: errors
                                    .iter()
                                    .find(|e| e.field == name)
                                    .map(|e| e.message.clone()),
                                money: key.kind() == gongkai_domain::report::ValueKind::Money,
                                name,
                            }
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

/// Tables 三 and 四 of `report` in the official layout (the last two tables
/// gongkai-render writes).
fn computed_tables(report: &Report) -> String {
    let tables = gongkai_render::html_tables(report);
    match tables.find("<table class=\"gk-report-table gk-applications") {
        Some(start) => tables[start..].to_owned(),
        None => tables,
    }
}

/// The findings panel of `composition` plus input errors.
pub(crate) fn panel(composition: &Composition, input_errors: &[FieldError]) -> FindingsPanel {
    FindingsPanel {
        input_errors: input_errors.to_vec(),
        findings: composition
            .findings
            .iter()
            .map(|f| FindingView::of(f, composition.report.format))
            .collect(),
        summary: composition.summary(),
    }
}

/// Export links of a report (PDF only where LibreOffice is installed).
pub(crate) fn export_links(base: &str, query: &str, pdf: bool) -> Vec<Link> {
    let mut links = vec![
        Link {
            label: "Word（DOCX）",
            href: format!("{base}/docx{query}"),
        },
        Link {
            label: "Excel（XLSX）",
            href: format!("{base}/xlsx{query}"),
        },
    ];
    if pdf {
        links.push(Link {
            label: "PDF",
            href: format!("{base}/pdf{query}"),
        });
    }
    links
}

/// What a rendered editor page says beyond the composition.
#[derive(Debug, Default)]
struct PageState {
    flash: Option<String>,
    problem: Option<String>,
    errors: Vec<FieldError>,
    raw: Vec<(CellKey, String)>,
}

async fn render_editor(
    state: &StaffState,
    staff: &Staff,
    target: &ReportTarget,
    composition: Composition,
    page: PageState,
) -> Result<Html<String>, StaffError> {
    let year = target.year;
    let report = &composition.report;
    let deadline = publication_deadline(reporter(target.agency.kind), year);
    let deadline_passed = deadline.is_some_and(|d| today(state) > d);
    let published = composition.stored.as_ref().and_then(|s| s.published_at);
    let (status_label, status_class, status_detail) = match (&composition.draft, published) {
        (Some(draft), Some(at)) => (
            "已发布",
            "rep-st-published",
            format!(
                "{}发布{}；草稿第{}版，{}由{}保存",
                beijing_time(at, "%Y-%m-%d"),
                if draft.published_late {
                    "（逾期）"
                } else {
                    ""
                },
                draft.revision,
                beijing_time(draft.updated_at, "%Y-%m-%d %H:%M"),
                draft.updated_by
            ),
        ),
        (None, Some(at)) => (
            "已发布",
            "rep-st-published",
            format!("{}发布", beijing_time(at, "%Y-%m-%d")),
        ),
        (Some(draft), None) => (
            "草稿",
            "rep-st-draft",
            format!(
                "第{}版，{}由{}保存",
                draft.revision,
                beijing_time(draft.updated_at, "%Y-%m-%d %H:%M"),
                draft.updated_by
            ),
        ),
        (None, None) => ("未开始", "rep-st-none", "尚未保存草稿".to_owned()),
    };
    let stored_note = match (&composition.draft, &composition.stored) {
        (None, Some(_)) => Some(format!(
            "门户上已有{year}年度报告（导入或历史数据），但尚无编辑器草稿：下方表格按当前办件和目录重新统计，保存并发布后将替换门户上的版本（原版本保留在审计日志中）。"
        )),
        _ => None,
    };
    let comparison = composition
        .previous
        .as_ref()
        .map(|previous| compare(report, previous))
        .unwrap_or_default();
    let summary = composition.summary();
    let history = history(state, &target.agency.code, year).await?;
    let query = target.query(staff);
    let base = format!("/staff/reports/{year}");
    let view = EditorView {
        chrome: staff.chrome(format!("{year}年度报告"), "reports"),
        csrf: staff.csrf.clone(),
        agency_name: target.agency.name.clone(),
        year,
        format_label: report.format.label(),
        status_label,
        status_class,
        status_detail,
        deadline_text: date_text(deadline),
        deadline_passed,
        may_edit: target.may_edit,
        flash: page.flash,
        problem: page.problem,
        revision: composition.draft.as_ref().map_or(0, |d| d.revision),
        save_url: format!("{base}{query}"),
        check_url: format!("{base}/check{query}"),
        publish_url: format!("{base}/publish{query}"),
        list_url: format!("/staff/reports{query}"),
        preview_url: format!("{base}/preview{query}"),
        exports: export_links(
            &format!("{base}/export"),
            &query,
            state.app.pdf.is_available(),
        ),
        overview: narrative_inputs(&composition.content, true),
        closing: narrative_inputs(&composition.content, false),
        blocks: proactive_views(report, &page.raw, &page.errors),
        catalog_note: CATALOG_NOTE,
        computed_tables: computed_tables(report),
        stored_note,
        panel: panel(&composition, &page.errors),
        previous_year: year - 1,
        big_changes: comparison.iter().filter(|r| r.big).count(),
        comparison,
        can_publish: summary.errors == 0 && page.errors.is_empty(),
        has_draft: composition.draft.is_some(),
        publish_warnings: summary.warnings,
        history,
        already_published: composition
            .draft
            .as_ref()
            .is_some_and(|d| d.published_at.is_some_and(|p| p >= d.updated_at)),
        published_before: published.is_some(),
    };
    Ok(Html(view.render()?))
}

/// `GET /staff/reports/{year}`.
pub(crate) async fn page(
    State(state): State<StaffState>,
    staff: Staff,
    Path(year): Path<String>,
    Query(query): Query<EditorQuery>,
) -> Result<Response, StaffError> {
    let year = access::parse_year(&year, today(&state))?;
    let target =
        access::target(&state, &staff, query.agency.as_deref(), year, Access::Read).await?;
    let composition = compose(&state.app.store, &target.agency.code, year, None).await?;
    let flash = if query.published.is_some() {
        composition.draft.as_ref().and_then(|d| {
            d.published_at.map(|at| {
                format!(
                    "已于{}发布到门户网站{}。",
                    beijing_time(at, "%Y年%m月%d日 %H:%M"),
                    if d.published_late {
                        "（逾期发布，已记录）"
                    } else {
                        ""
                    }
                )
            })
        })
    } else if query.saved.is_some() {
        composition
            .draft
            .as_ref()
            .map(|d| format!("草稿已保存（第{}版），并已重新校验。", d.revision))
    } else {
        None
    };
    let page = PageState {
        flash,
        ..PageState::default()
    };
    Ok(render_editor(&state, &staff, &target, composition, page)
        .await?
        .into_response())
}

/// `POST /staff/reports/{year}`: saves the draft (validated again on the server).
pub(crate) async fn save(
    State(state): State<StaffState>,
    staff: Staff,
    Path(year): Path<String>,
    Query(query): Query<AgencyQuery>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, StaffError> {
    let year = access::parse_year(&year, today(&state))?;
    let target =
        access::target(&state, &staff, query.agency.as_deref(), year, Access::Write).await?;
    let form = form::read(year, &fields);
    let store = &state.app.store;
    if !form.errors.is_empty() {
        let composition = compose(store, &target.agency.code, year, Some(form.content)).await?;
        let page = PageState {
            problem: Some(format!(
                "有{}处填写有误，草稿未保存：请按提示更正。",
                form.errors.len()
            )),
            errors: form.errors,
            raw: form.raw,
            flash: None,
        };
        let html = render_editor(&state, &staff, &target, composition, page).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
    }
    let saved = store
        .save_report_draft(
            &staff.user.username,
            &target.agency.code,
            year,
            &form.content,
            Some(form.revision),
        )
        .await;
    match saved {
        Ok(_) => Ok(Redirect::to(&editor_url(&staff, &target, "", "saved=1")).into_response()),
        Err(err @ (StoreError::Invalid(_) | StoreError::InvalidField { .. })) => {
            let composition = compose(store, &target.agency.code, year, Some(form.content)).await?;
            let page = PageState {
                problem: Some(format!("草稿未保存：{err}")),
                raw: form.raw,
                ..PageState::default()
            };
            let html = render_editor(&state, &staff, &target, composition, page).await?;
            Ok((StatusCode::CONFLICT, html).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /staff/reports/{year}/check`: the findings of the posted form, as
/// JSON with the panel's HTML, for the live check while typing. Saves nothing.
pub(crate) async fn check(
    State(state): State<StaffState>,
    staff: Staff,
    Path(year): Path<String>,
    Query(query): Query<AgencyQuery>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, StaffError> {
    let year = access::parse_year(&year, today(&state))?;
    let target =
        access::target(&state, &staff, query.agency.as_deref(), year, Access::Write).await?;
    let form = form::read(year, &fields);
    let composition = compose(
        &state.app.store,
        &target.agency.code,
        year,
        Some(form.content),
    )
    .await?;
    let panel = panel(&composition, &form.errors);
    let mut flagged: Vec<String> = form.errors.iter().map(|e| e.field.clone()).collect();
    flagged.extend(panel.findings.iter().flat_map(|f| f.fields.iter().cloned()));
    flagged.sort();
    flagged.dedup();
    let Summary {
        errors,
        warnings,
        notices,
    } = panel.summary;
    let body = json!({
        "errors": errors + form.errors.len(),
        "warnings": warnings,
        "notices": notices,
        "input_errors": form.errors,
        "findings": panel.findings,
        "flagged_fields": flagged,
        "html": panel.render()?,
    });
    Ok((
        [(axum::http::header::CACHE_CONTROL, "no-store")],
        Json(body),
    )
        .into_response())
}

/// The publish form.
#[derive(Debug, Deserialize)]
pub(crate) struct PublishForm {
    revision: Option<String>,
    ack_late: Option<String>,
}

/// `POST /staff/reports/{year}/publish`: publishes the saved draft.
///
/// Refused while the report has validation errors (warnings and notices do
/// not block: they are for a person to judge, errors are contradictions the
/// portal must not show); refused when the draft changed since the page was
/// opened; after the statutory deadline only with the lateness acknowledged,
/// and recorded as late on the draft and in the audit log.
pub(crate) async fn publish(
    State(state): State<StaffState>,
    staff: Staff,
    Path(year): Path<String>,
    Query(query): Query<AgencyQuery>,
    Form(publish): Form<PublishForm>,
) -> Result<Response, StaffError> {
    let year = access::parse_year(&year, today(&state))?;
    let target =
        access::target(&state, &staff, query.agency.as_deref(), year, Access::Write).await?;
    let store = &state.app.store;
    let composition = compose(store, &target.agency.code, year, None).await?;
    let revision: i64 = publish
        .revision
        .as_deref()
        .and_then(|r| r.trim().parse().ok())
        .unwrap_or(0);
    let deadline = publication_deadline(reporter(target.agency.kind), year);
    let late = is_late(reporter(target.agency.kind), year, today(&state));
    let problem = match &composition.draft {
        None => Some("请先保存草稿，再发布。".to_owned()),
        Some(draft) if draft.revision != revision => Some(format!(
            "草稿已更新为第{}版（您看到的是第{revision}版），请核对后再发布。",
            draft.revision
        )),
        Some(_) if composition.summary().errors > 0 => Some(format!(
            "报告有{}个校验错误，不能发布：请先更正。",
            composition.summary().errors
        )),
        Some(_) if late && publish.ack_late.as_deref() != Some("1") => Some(format!(
            "已超过法定公开期限（{}），请勾选“我已知晓逾期，仍然发布”后再发布。",
            date_text(deadline)
        )),
        Some(_) => None,
    };
    if let Some(problem) = problem {
        let page = PageState {
            problem: Some(problem),
            ..PageState::default()
        };
        let html = render_editor(&state, &staff, &target, composition, page).await?;
        return Ok((StatusCode::CONFLICT, html).into_response());
    }
    store
        .publish_report_draft(
            &staff.user.username,
            &target.agency.code,
            &composition.report,
            Utc::now(),
            late,
        )
        .await?;
    Ok(Redirect::to(&editor_url(&staff, &target, "", "published=1")).into_response())
}

/// `GET /staff/reports`: the years of the user's (or a chosen) agency.
pub(crate) async fn list(
    State(state): State<StaffState>,
    staff: Staff,
    Query(query): Query<AgencyQuery>,
) -> Result<Response, StaffError> {
    let current = today(&state).year();
    let target = access::target(
        &state,
        &staff,
        query.agency.as_deref(),
        current,
        Access::Read,
    )
    .await?;
    let store = &state.app.store;
    let code = target.agency.code.clone();
    let mut years: Vec<i32> = ((current - 5).max(2008)..=current).collect();
    years.extend(store.report_drafts(&code).await?.iter().map(|d| d.year));
    years.extend(store.reports(&code).await?.iter().map(|r| r.year));
    years.retain(|y| (2008..=current).contains(y));
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let mut rows = Vec::with_capacity(years.len());
    for year in years {
        rows.push(year_row(&state, &staff, &target, year).await?);
    }
    let agency_choices = match staff.user.role {
        StaffRole::Officer | StaffRole::Reviewer => Vec::new(),
        StaffRole::Administrator | StaffRole::Supervisor => store
            .agencies()
            .await?
            .into_iter()
            .filter(|a| staff.scope.covers(&a.code))
            .map(|a| Choice {
                selected: a.code == code,
                value: a.code,
                label: a.name,
            })
            .collect(),
    };
    let view = ListView {
        chrome: staff.chrome("年度报告", "reports"),
        agency_name: target.agency.name.clone(),
        agency_choices,
        read_only: !target.may_edit,
        rows,
    };
    Ok(Html(view.render()?).into_response())
}

async fn year_row(
    state: &StaffState,
    staff: &Staff,
    target: &ReportTarget,
    year: i32,
) -> Result<YearRow, StaffError> {
    let store = &state.app.store;
    let code = &target.agency.code;
    let stored = store.report(code, year).await?;
    let draft = store.report_draft(code, year).await?;
    let deadline = publication_deadline(reporter(target.agency.kind), year);
    let published = stored.as_ref().and_then(|s| s.published_at);
    let previous = store
        .report(code, year - 1)
        .await?
        .filter(|r| r.published_at.is_some())
        .map(|r| r.report);
    let (status_label, status_class, detail, summary) = match (&draft, published) {
        (_, Some(at)) => {
            let report = stored
                .as_ref()
                .map(|s| s.report.clone())
                .unwrap_or_else(|| Report::empty(None, year));
            let late = draft.as_ref().map_or_else(
                || {
                    is_late(
                        reporter(target.agency.kind),
                        year,
                        (at + chrono::Duration::hours(8)).date_naive(),
                    )
                },
                |d| d.published_late,
            );
            (
                "已发布",
                "rep-st-published",
                format!(
                    "{}发布{}",
                    beijing_time(at, "%Y-%m-%d"),
                    if late { "（逾期）" } else { "" }
                ),
                Summary::of(&findings_of(&report, previous.as_ref())),
            )
        }
        (Some(d), None) => {
            let composition = compose(store, code, year, None).await?;
            (
                "草稿",
                "rep-st-draft",
                format!(
                    "第{}版，{}保存",
                    d.revision,
                    beijing_time(d.updated_at, "%Y-%m-%d")
                ),
                composition.summary(),
            )
        }
        (None, None) => ("未开始", "rep-st-none", String::new(), Summary::default()),
    };
    let overdue = published.is_none() && deadline.is_some_and(|d| today(state) > d);
    let suffix = agency_query(staff, code);
    Ok(YearRow {
        year,
        href: format!("/staff/reports/{year}{suffix}"),
        status_label,
        status_class,
        detail,
        errors: summary.errors,
        warnings: summary.warnings,
        deadline: date_text(deadline),
        overdue,
    })
}
