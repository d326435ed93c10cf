//! The publishing workflow of catalog items.
