//! The built-in templates, compiled into the binary.

/// Declares the default templates: each name is also its path under `templates/`.
macro_rules! defaults {
    ($($name:literal),* $(,)?) => {
        /// The built-in templates as (name, text): the notice frames, their
        /// shared parts, and one answer body per outcome under `answer/`.
        pub const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
            $(($name, include_str!(concat!("../../templates/", $name))),)*
        ];
    };
}

defaults![
    "acknowledgement.txt.j2",
    "correction.txt.j2",
    "extension.txt.j2",
    "delayed.txt.j2",
    "consultation.txt.j2",
    "fee.txt.j2",
    "answer.txt.j2",
    "transfer.txt.j2",
    "remedy.txt.j2",
    "signature.txt.j2",
    "answer/denied_administrative_query.txt.j2",
    "answer/denied_enforcement_file.txt.j2",
    "answer/denied_internal_affairs.txt.j2",
    "answer/denied_process_info.txt.j2",
    "answer/denied_prohibited_by_law.txt.j2",
    "answer/denied_security_stability.txt.j2",
    "answer/denied_state_secret.txt.j2",
    "answer/denied_third_party.txt.j2",
    "answer/granted.txt.j2",
    "answer/other_other.txt.j2",
    "answer/other_overdue_correction.txt.j2",
    "answer/other_unpaid_fee.txt.j2",
    "answer/partially_granted.txt.j2",
    "answer/rejected_confirmation.txt.j2",
    "answer/rejected_duplicate.txt.j2",
    "answer/rejected_mass_repeated.txt.j2",
    "answer/rejected_petition.txt.j2",
    "answer/rejected_publication.txt.j2",
    "answer/unavailable_needs_creation.txt.j2",
    "answer/unavailable_not_held.txt.j2",
    "answer/unavailable_unclear.txt.j2",
];
