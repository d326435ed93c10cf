//! Authorization in the data access path: which agencies' applications a
//! user may see, and the one function through which every handler loads an
//! application.
//!
//! | role | cases | personal data |
//! | --- | --- | --- |
//! | administrator | every agency, read and act | full (logged) |
//! | supervisor | its government and all subordinate agencies, read only | masked |
//! | officer | its own agency, read and act | full (logged) |
//! | reviewer | none | — |

use gongkai_store::{Application, StaffRole, StaffUser, Store};

use super::Staff;
use super::error::{StaffError, case_not_found};

/// The agencies whose applications a user may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Every agency (administrators).
    All,
    /// These agencies (an officer's own; a supervisor's government and its
    /// subordinates).
    Agencies(Vec<String>),
    /// No applications at all (reviewers).
    NoCases,
}

impl Scope {
    /// The scope of `user`, read from the agency tree.
    pub(crate) async fn of(store: &Store, user: &StaffUser) -> Result<Scope, StaffError> {
        Ok(match user.role {
            StaffRole::Administrator => Scope::All,
            StaffRole::Supervisor => {
                Scope::Agencies(store.agency_with_subordinates(&user.agency_code).await?)
            }
            StaffRole::Officer => Scope::Agencies(vec![user.agency_code.clone()]),
            StaffRole::Reviewer => Scope::NoCases,
        })
    }

    /// Whether applications of `agency_code` are visible.
    pub(crate) fn covers(&self, agency_code: &str) -> bool {
        match self {
            Scope::All => true,
            Scope::Agencies(codes) => codes.iter().any(|c| c == agency_code),
            Scope::NoCases => false,
        }
    }

    /// Whether the user sees applications at all.
    pub(crate) fn has_cases(&self) -> bool {
        !matches!(self, Scope::NoCases)
    }
}

/// What a handler wants to do with a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    /// Look at it (page, notices, attachments).
    Read,
    /// Record an event.
    Write,
}

/// Whether `role` may record events on the cases in its scope.
pub(crate) fn may_act(role: StaffRole) -> bool {
    matches!(role, StaffRole::Administrator | StaffRole::Officer)
}

/// Whether `role` sees applicants' full ID and phone numbers (and every
/// such view is logged); the others see them masked.
pub(crate) fn sees_personal_data(role: StaffRole) -> bool {
    matches!(role, StaffRole::Administrator | StaffRole::Officer)
}

/// The refusal for roles without case access.
pub(crate) fn no_case_access() -> StaffError {
    StaffError::Forbidden("您的角色（发布审核）无权查看依申请公开办件。".into())
}

/// Loads application `id` for `staff`: 403 for roles without case access
/// or (for [`Access::Write`]) without the right to act; 404 when it does
/// not exist **or** lies outside the user's scope, so that another agency's
/// ids cannot be told from missing ones. Every handler that touches an
/// application goes through here.
pub(crate) async fn load_case(
    store: &Store,
    staff: &Staff,
    id: i64,
    access: Access,
) -> Result<Application, StaffError> {
    if !staff.scope.has_cases() {
        return Err(no_case_access());
    }
    let application = store
        .application(id)
        .await?
        .filter(|a| staff.scope.covers(&a.agency_code))
        .ok_or_else(case_not_found)?;
    if access == Access::Write && !may_act(staff.user.role) {
        return Err(StaffError::Forbidden(
            "您的角色（政务公开监督）对办件只有查看权限，不能登记办理步骤。".into(),
        ));
    }
    Ok(application)
}

/// A phone number with the middle hidden: `138****5678`.
pub(crate) fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() < 7 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 7))
}

/// An identity document number with the middle hidden (first 6 and last
/// 4 characters shown).
pub(crate) fn mask_id(number: &str) -> String {
    gongkai_store::fields::masked(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("0573-86012345"), "057******2345");
        assert_eq!(mask_id("330424199001011234"), "330424********1234");
        let scope = Scope::Agencies(vec!["A".into()]);
        assert!(scope.covers("A") && !scope.covers("B"));
        assert!(Scope::All.covers("B") && !Scope::NoCases.covers("A"));
    }
}
