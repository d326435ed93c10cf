//! Who may open and change which agency's annual report: the scope check of
//! every handler of the editor and the overview.
//!
//! | role | editor | overview |
//! | --- | --- | --- |
//! | administrator | any agency, edit and publish | any government |
//! | officer | its own agency, edit and publish | — (403) |
//! | supervisor | its government and subordinates, read only | its government |
//! | reviewer | — (403) | — (403) |

use chrono::{Datelike, NaiveDate};
use gongkai_domain::report::deadline::Reporter;
use gongkai_store::{Agency, AgencyKind, StaffRole};

use super::super::Staff;
use super::super::StaffState;
use super::super::error::StaffError;

/// What a handler wants to do with a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    /// Look at it, preview and download it.
    Read,
    /// Save the draft or publish it.
    Write,
}

/// An agency's report that the user may open, with whether they may change it.
#[derive(Debug, Clone)]
pub(crate) struct ReportTarget {
    /// The agency.
    pub agency: Agency,
    /// The reporting year.
    pub year: i32,
    /// Whether the user may save and publish.
    pub may_edit: bool,
}

impl ReportTarget {
    /// The `?agency=` suffix for links when the agency is not the user's own.
    pub(crate) fn query(&self, staff: &Staff) -> String {
        agency_query(staff, &self.agency.code)
    }
}

/// `?agency=CODE` unless `code` is the user's own agency.
pub(crate) fn agency_query(staff: &Staff, code: &str) -> String {
    if code == staff.user.agency_code {
        String::new()
    } else {
        format!("?agency={}", crate::text::encode_query_value(code))
    }
}

/// Who publishes an agency's report, for its statutory deadline.
pub(crate) fn reporter(kind: AgencyKind) -> Reporter {
    match kind {
        AgencyKind::Government => Reporter::Government,
        AgencyKind::Department | AgencyKind::Town => Reporter::Department,
    }
}

/// Today, as the store's clock says (the server's local date unless a
/// fixed date is configured), for deadlines and the years offered.
pub(crate) fn today(state: &StaffState) -> NaiveDate {
    state.app.store.today()
}

/// The year of a path segment (`2024`); 404 with a Chinese message otherwise.
pub(crate) fn parse_year(segment: &str, today: NaiveDate) -> Result<i32, StaffError> {
    if segment.len() == 4
        && segment.bytes().all(|b| b.is_ascii_digit())
        && let Ok(year) = segment.parse::<i32>()
    {
        return check_year(year, today);
    }
    Err(StaffError::NotFound(format!(
        "报告年度“{segment}”无效：应为四位数字年份。"
    )))
}

/// The years an editor may be opened for: 2008 up to the current year
/// (a report is drafted during its year and published early the next).
pub(crate) fn check_year(year: i32, today: NaiveDate) -> Result<i32, StaffError> {
    let current = today.year();
    if (2008..=current).contains(&year) {
        Ok(year)
    } else {
        Err(StaffError::NotFound(format!(
            "报告年度“{year}”无效：年度应在2008至{current}之间。"
        )))
    }
}

fn refused_role() -> StaffError {
    StaffError::Forbidden("您的角色（发布审核）不处理政府信息公开工作年度报告。".into())
}

/// Resolves `agency` (default: the user's own) and `year` for `staff`: 403
/// for roles that may not do `access`, 404 when the agency does not exist
/// **or** lies outside the user's scope (so codes cannot be probed).
pub(crate) async fn target(
    state: &StaffState,
    staff: &Staff,
    agency: Option<&str>,
    year: i32,
    access: Access,
) -> Result<ReportTarget, StaffError> {
    let role = staff.user.role;
    if role == StaffRole::Reviewer {
        return Err(refused_role());
    }
    let code = agency
        .filter(|c| !c.is_empty())
        .unwrap_or(&staff.user.agency_code);
    let not_found = || StaffError::NotFound("找不到该机构的年度报告，或您无权查看。".into());
    if !staff.scope.covers(code) {
        return Err(not_found());
    }
    let agency = state.app.store.agency(code).await?.ok_or_else(not_found)?;
    let year = check_year(year, today(state))?;
    let may_edit = matches!(role, StaffRole::Administrator | StaffRole::Officer);
    if access == Access::Write && !may_edit {
        return Err(StaffError::Forbidden(
            "您的角色（政务公开监督）对所属机构的年度报告只有查看权限，不能修改或发布。".into(),
        ));
    }
    Ok(ReportTarget {
        agency,
        year,
        may_edit,
    })
}

/// The government whose overview `staff` may open: a supervisor's own, any
/// government for administrators (default: the first); 403 for other roles,
/// 404 for a code that is not a government in scope.
pub(crate) async fn overview_government(
    state: &StaffState,
    staff: &Staff,
    requested: Option<&str>,
) -> Result<Agency, StaffError> {
    let store = &state.app.store;
    let not_found = || StaffError::NotFound("找不到该人民政府，或您无权查看其汇总。".into());
    match staff.user.role {
        StaffRole::Supervisor => {
            let code = requested
                .filter(|c| !c.is_empty())
                .unwrap_or(&staff.user.agency_code);
            if code != staff.user.agency_code {
                return Err(not_found());
            }
            store.agency(code).await?.ok_or_else(not_found)
        }
        StaffRole::Administrator => {
            let agencies = store.agencies().await?;
            let governments = agencies
                .into_iter()
                .filter(|a| a.kind == AgencyKind::Government);
            let mut governments: Vec<Agency> = governments.collect();
            match requested.filter(|c| !c.is_empty()) {
                Some(code) => governments
                    .into_iter()
                    .find(|a| a.code == code)
                    .ok_or_else(not_found),
                None => {
                    // The administrator's own government first, else the first one.
                    let index = governments
                        .iter()
                        .position(|a| a.code == staff.user.agency_code)
                        .unwrap_or(0);
                    if index >= governments.len() {
                        return Err(not_found());
                    }
                    Ok(governments.swap_remove(index))
                }
            }
        }
        StaffRole::Officer | StaffRole::Reviewer => Err(StaffError::Forbidden(
            "报告汇总供政务公开监督和系统管理员使用；经办人请在“年度报告”中编辑本机关的报告。"
                .into(),
        )),
    }
}
