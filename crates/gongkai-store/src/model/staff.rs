//! Staff users of an agency's disclosure office and their roles.

use super::keyed_enum;

keyed_enum! {
    /// What a staff user may do.
    pub enum StaffRole {
        /// Manages users, agencies and templates.
        Administrator => "administrator", "系统管理员";
        /// A government's disclosure office (政务公开办): reads the cases and
        /// reports of its government and all subordinate agencies, aggregates.
        Supervisor => "supervisor", "政务公开监督";
        /// Registers and handles applications.
        Officer => "officer", "经办人";
        /// Reviews items before publication (保密审查 and the review steps).
        Reviewer => "reviewer", "发布审核";
    }
}

/// A staff user to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStaffUser {
    /// The agency the user works for.
    pub agency_code: String,
    /// Login name, unique.
    pub username: String,
    /// Name shown in the audit log and on notices.
    pub display_name: String,
    /// The role.
    pub role: StaffRole,
    /// A password hash (PHC string); `None` until a password is set.
    pub password_hash: Option<String>,
}

/// A staff user as stored (the password hash is never read back here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffUser {
    /// Internal id.
    pub id: i64,
    /// The agency the user works for.
    pub agency_code: String,
    /// Login name.
    pub username: String,
    /// Name shown to people.
    pub display_name: String,
    /// The role.
    pub role: StaffRole,
    /// Whether the user may log in.
    pub active: bool,
}

/// A word administrators added to the search segmentation dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchWord {
    /// The word.
    pub word: String,
    /// Username of the administrator who added it.
    pub added_by: String,
    /// When (RFC 3339 text, UTC).
    pub added_at: String,
}
