//! Case handling beyond the procedural events: transfers, reopening, reminders.
