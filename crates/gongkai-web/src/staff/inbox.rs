//! `GET /staff/cases`: the applications in the user's scope, open ones by
//! default, most urgent first (working days left to the statutory answer
//! deadline, from the deadline engine), with pauses and warnings.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use gongkai_domain::deadline::{CaseState, CaseStatus, DeadlineKind, DeadlineStatus};
use gongkai_store::{Application, ApplicationFilter};
use serde::Deserialize;

use super::error::{StaffError, percent_encode};
use super::scope::{Scope, no_case_access};
use super::views::{Choice, InboxRow, InboxView, Tile, Urgency};
use super::{Staff, StaffState};

const PER_PAGE: usize = 50;
/// Working days before the deadline from which a case is flagged.
pub(crate) const SOON_WORKDAYS: i64 = 3;

#[derive(Debug, Deserialize, Default)]
pub(crate) struct InboxQuery {
    #[serde(default)]
    state: String,
    #[serde(default)]
    agency: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<String>,
}

/// The open states, in the order of the filter.
const STATES: [CaseState; 11] = [
    CaseState::Registered,
    CaseState::AwaitingCorrection,
    CaseState::CorrectionLapsed,
    CaseState::InConsultation,
    CaseState::AwaitingFeePayment,
    CaseState::FeeLapsed,
    CaseState::Extended,
    CaseState::Deferred,
    CaseState::Answered,
    CaseState::Closed,
    CaseState::Withdrawn,
];

/// The serde key of a state (`awaiting_correction`, …).
pub(crate) fn state_key(state: CaseState) -> String {
    serde_json::to_value(state)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The CSS class of a state badge.
pub(crate) fn state_class(state: CaseState) -> &'static str {
    match state {
        CaseState::Registered | CaseState::Extended | CaseState::Deferred => "s-open",
        CaseState::AwaitingCorrection
        | CaseState::InConsultation
        | CaseState::AwaitingFeePayment => "s-paused",
        CaseState::CorrectionLapsed | CaseState::FeeLapsed => "s-lapsed",
        CaseState::Answered | CaseState::Closed | CaseState::Withdrawn => "s-closed",
    }
}

/// How urgent the agency's part of a case is, with the text shown (never
/// colour alone) and the due date.
pub(crate) fn urgency(status: &CaseStatus) -> (Urgency, String, String, i64) {
    let running = |d: &&gongkai_domain::deadline::Deadline| {
        matches!(
            d.status,
            DeadlineStatus::Running | DeadlineStatus::Suspended
        )
    };
    if status.state.is_closed() {
        return (Urgency::None, "已办结".into(), String::new(), i64::MAX);
    }
    if let Some(answer) = status
        .deadlines
        .iter()
        .filter(running)
        .find(|d| d.kind == DeadlineKind::Answer)
    {
        let left = answer.days_left.unwrap_or(0);
        let due = if answer.provisional {
            format!("{}（暂定）", answer.due)
        } else {
            answer.due.to_string()
        };
        let suspended = answer.status == DeadlineStatus::Suspended;
        let (level, text) = if left < 0 {
            (Urgency::Overdue, format!("已逾期{}个工作日", -left))
        } else if left == 0 {
            (Urgency::Overdue, "今日到期".to_owned())
        } else if left <= SOON_WORKDAYS {
            (Urgency::Soon, format!("剩{left}个工作日，即将到期"))
        } else if suspended {
            (Urgency::Paused, format!("暂停计时，剩{left}个工作日"))
        } else {
            (Urgency::Normal, format!("剩{left}个工作日"))
        };
        return (level, text, due, left);
    }
    if matches!(
        status.state,
        CaseState::CorrectionLapsed | CaseState::FeeLapsed
    ) {
        return (Urgency::Soon, "申请人逾期，待办结".into(), String::new(), 0);
    }
    // A posted notice whose receipt is not entered yet: nothing can lapse.
    if let Some(d) = status
        .deadlines
        .iter()
        .find(|d| d.status == DeadlineStatus::AwaitingService)
    {
        return (
            Urgency::Paused,
            format!("暂停计时（{}：送达日期待登记）", d.kind.label()),
            String::new(),
            10_000,
        );
    }
    // Waiting for the applicant: the agency's clock is not running.
    if let Some(d) = status.deadlines.iter().find(running) {
        let left = d.days_left.unwrap_or(0);
        return (
            Urgency::Paused,
            format!("暂停计时（{}剩{left}个工作日）", d.kind.label()),
            d.due.to_string(),
            10_000 + left,
        );
    }
    (Urgency::Normal, "—".into(), String::new(), 20_000)
}

/// Every application of the agencies in `codes` (all when `None`) that
/// matches `text`.
async fn applications(
    state: &StaffState,
    codes: Option<Vec<String>>,
    text: &str,
) -> Result<Vec<Application>, StaffError> {
    let mut all = Vec::new();
    let agencies: Vec<Option<String>> = match codes {
        None => vec![None],
        Some(codes) => codes.into_iter().map(Some).collect(),
    };
    for agency_code in agencies {
        let mut page = 1;
        loop {
            let listing = state
                .app
                .store
                .list_applications(&ApplicationFilter {
                    agency_code: agency_code.clone(),
                    text: (!text.is_empty()).then(|| text.to_owned()),
                    page,
                    per_page: 500,
                    ..ApplicationFilter::default()
                })
                .await?;
            let n = listing.items.len();
            all.extend(listing.items);
            if n < 500 || u64::from(page) * 500 >= listing.total {
                break;
            }
            page += 1;
        }
    }
    Ok(all)
}

/// `GET /staff/cases`.
pub(crate) async fn page(
    State(state): State<StaffState>,
    staff: Staff,
    Query(query): Query<InboxQuery>,
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
    let show_agency = visible.len() > 1;
    let agency = query.agency.trim();
    let codes = if !agency.is_empty() && show_agency {
        if !staff.scope.covers(agency) {
            return Err(StaffError::NotFound("找不到该机关，或您无权查看。".into()));
        }
        Some(vec![agency.to_owned()])
    } else {
        match &staff.scope {
            Scope::All => None,
            Scope::Agencies(codes) => Some(codes.clone()),
            Scope::NoCases => return Err(no_case_access()),
        }
    };
    let text: String = query.q.trim().chars().take(100).collect();
    let wanted_state = STATES
        .iter()
        .copied()
        .find(|s| state_key(*s) == query.state);
    let show_all = query.state == "all";
    let apps = applications(&state, codes, &text).await?;
    let name_of = |code: &str| {
        all_agencies
            .iter()
            .find(|a| a.code == code)
            .map_or_else(|| code.to_owned(), |a| a.name.clone())
    };

    let mut rows: Vec<(i64, i64, InboxRow)> = Vec::new();
    let (mut open, mut overdue, mut soon, mut paused) = (0, 0, 0, 0);
    for app in apps {
        let status = store.case_status(app.id).await.ok();
        let state_now = status.as_ref().map_or(app.state, |s| s.state);
        let include = match wanted_state {
            Some(s) => s == state_now,
            None => show_all || !state_now.is_closed(),
        };
        let (level, due_text, due, left) = status.as_ref().map_or(
            (Urgency::None, "—".into(), String::new(), i64::MAX),
            urgency,
        );
        if !state_now.is_closed() {
            open += 1;
            match level {
                Urgency::Overdue => overdue += 1,
                // Lapsed applicant periods are flagged too, but are not due dates.
                Urgency::Soon if !due.is_empty() => soon += 1,
                _ => {}
            }
            if status
                .as_ref()
                .is_some_and(|s| s.pauses.iter().any(|p| p.running))
            {
                paused += 1;
            }
        }
        if !include {
            continue;
        }
        let pauses = status
            .as_ref()
            .map(|s| {
                s.pauses
                    .iter()
                    .filter(|p| p.running)
                    .map(|p| p.kind.label())
                    .collect()
            })
            .unwrap_or_default();
        let details = &app.applicant.details;
        let applicant = match &details.organisation_name {
            Some(org) => format!("{org}（{}）", details.name),
            None => details.name.clone(),
        };
        let description: String = if app.description.chars().count() > 48 {
            format!("{}…", app.description.chars().take(48).collect::<String>())
        } else {
            app.description.clone()
        };
        rows.push((
            left,
            app.id,
            InboxRow {
                href: format!("/staff/cases/{}", app.id),
                number: app.number.clone(),
                applicant,
                phone_masked: super::scope::mask_phone(&details.phone),
                description,
                agency: name_of(&app.agency_code),
                received: app.received_on.to_string(),
                state: state_now.label(),
                state_class: state_class(state_now),
                pauses,
                due,
                due_text,
                urgency: level,
            },
        ));
    }
    rows.sort_by_key(|(left, id, _)| (*left, *id));
    let total = rows.len();
    let pages = total.div_ceil(PER_PAGE).max(1);
    let page = query
        .page
        .as_deref()
        .and_then(|p| p.parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, pages);
    let rows: Vec<InboxRow> = rows
        .into_iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .map(|(_, _, r)| r)
        .collect();
    let href = |p: usize| {
        format!(
            "/staff/cases?state={}&agency={}&q={}&page={p}",
            percent_encode(&query.state),
            percent_encode(agency),
            percent_encode(&text)
        )
    };
    let mut states = vec![
        Choice {
            value: String::new(),
            label: "全部未办结".into(),
            selected: wanted_state.is_none() && !show_all,
        },
        Choice {
            value: "all".into(),
            label: "全部（含已办结）".into(),
            selected: show_all,
        },
    ];
    states.extend(STATES.iter().map(|s| Choice {
        value: state_key(*s),
        label: s.label().to_owned(),
        selected: wanted_state == Some(*s),
    }));
    let agencies = visible
        .iter()
        .map(|a| Choice {
            value: a.code.clone(),
            label: a.name.clone(),
            selected: a.code == agency,
        })
        .collect();
    let heading = match &staff.scope {
        Scope::All => "全部机关".to_owned(),
        Scope::Agencies(codes) if codes.len() > 1 => {
            format!(
                "{}及所属{}个部门、乡镇（街道）",
                staff.agency_name,
                codes.len() - 1
            )
        }
        _ => staff.agency_name.clone(),
    };
    let view = InboxView {
        chrome: staff.chrome("依申请公开办件", "cases"),
        tiles: vec![
            Tile {
                label: "未办结",
                value: open,
                class: "t-open",
            },
            Tile {
                label: "已逾期",
                value: overdue,
                class: "t-overdue",
            },
            Tile {
                label: "3个工作日内到期",
                value: soon,
                class: "t-soon",
            },
            Tile {
                label: "暂停计时",
                value: paused,
                class: "t-paused",
            },
        ],
        rows,
        total,
        states,
        agencies,
        q: text.clone(),
        show_agency,
        page,
        pages,
        prev_href: (page > 1).then(|| href(page - 1)),
        next_href: (page < pages).then(|| href(page + 1)),
        heading,
    };
    Ok(Html(view.render()?))
}

#[cfg(test)]
mod tests {
    use gongkai_domain::calendar::WorkCalendar;
    use gongkai_domain::deadline::{DeadlineKind, DeadlineStatus, evaluate};

    use super::*;

    use crate::staff::scenario_cases as cases;

    /// For every case of the deadline scenario suite, the inbox shows what
    /// `case show` shows: the answer deadline's date (flagged when
    /// provisional), overdue exactly when it has passed, and no due date when
    /// none runs (a lapsed applicant period, a notice awaiting service).
    #[test]
    fn the_inbox_agrees_with_the_case_status_for_every_scenario() {
        let cal = WorkCalendar::operational().expect("calendar");
        for s in cases::all().iter().filter(|s| s.refused().is_none()) {
            let status = evaluate(cal, &s.events, s.today()).expect("evaluates");
            let (level, text, due, _) = urgency(&status);
            let answer = status.deadline(DeadlineKind::Answer).filter(|d| {
                matches!(
                    d.status,
                    DeadlineStatus::Running | DeadlineStatus::Suspended
                )
            });
            match answer {
                Some(a) if !status.state.is_closed() => {
                    assert!(due.starts_with(&a.due.to_string()), "{}: {due}", s.name);
                    assert_eq!(due.contains("暂定"), a.provisional, "{}: {due}", s.name);
                    let left = a.days_left.unwrap_or(0);
                    assert_eq!(level == Urgency::Overdue, left <= 0, "{}: {text}", s.name);
                    if left < 0 {
                        assert!(
                            text.contains(&format!("已逾期{}个工作日", -left)),
                            "{}: {text}",
                            s.name
                        );
                    }
                }
                _ => {
                    assert!(
                        due.is_empty() || status.state.is_closed() || level == Urgency::Paused,
                        "{}: {due}",
                        s.name
                    );
                    assert_ne!(level, Urgency::Overdue, "{}: {text}", s.name);
                }
            }
        }
    }
}
