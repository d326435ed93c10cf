//! Annual-report drafts.
