//! Figures for the dashboards, read from applications and their events.
