//! Case handling beyond the procedural events.
