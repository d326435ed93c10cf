//! Demo annual-report drafts.
