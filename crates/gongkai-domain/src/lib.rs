//! The domain of gongkai, the government information disclosure system.
//!
//! This crate holds every fact of the domain exactly once: the two official
//! annual-report layouts (国办公开办函〔2019〕60号 and 〔2021〕30号) with their
//! row and column labels, the canonical report JSON, the consistency rules
//! (勾稽关系), the national working-day calendar and the statutory deadlines of
//! the Regulation.
//!
//! Architecture invariant: no I/O, no async, no knowledge of files, databases
//! or HTTP. Every other crate depends on this one, never the reverse.

#[macro_use]
mod keyed_enum;

pub mod calendar;
pub mod casework;
pub mod catalog;
pub mod deadline;
pub mod fee;
pub mod report;
pub mod validate;

pub use report::{Cell, CellKey, Format, Report, Section};
