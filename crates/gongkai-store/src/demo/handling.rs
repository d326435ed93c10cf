//! Demo transfers, reconsideration and litigation records.
