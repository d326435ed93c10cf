//! Demo items in every stage of the publishing workflow.
