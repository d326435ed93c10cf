//! The publishing workflow of catalog items: drafts, review steps, history.
