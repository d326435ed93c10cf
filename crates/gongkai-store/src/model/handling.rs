//! Case handling beyond the procedural events: transfers, staff e-mail
//! addresses and the daily reminder digests sent.

use chrono::NaiveDate;

use super::{Application, ReviewCase, StaffUser};

/// A transfer (转送) of an open application to the competent agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTransfer {
    /// The receiving agency.
    pub to_agency_code: String,
    /// The date forwarded (the receiving agency's receipt date).
    pub date: NaiveDate,
    /// Why the application belongs there (1–500 characters).
    pub reason: String,
}

/// What a transfer did: the application as it now stands at the receiving
/// agency, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferResult {
    /// The application, now under the receiving agency with its new number.
    pub application: Application,
    /// The transferring agency.
    pub from_agency_code: String,
    /// The number the application had there.
    pub from_number: String,
}

/// A staff user who may receive the reminder digest, with the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderRecipient {
    /// The user.
    pub user: StaffUser,
    /// The e-mail address the digest goes to.
    pub email: String,
}

/// A review case with what a list shows beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewCaseListing {
    /// The case.
    pub case: ReviewCase,
    /// The application's number at its agency.
    pub application_number: String,
    /// The agency's name.
    pub agency_name: String,
}
