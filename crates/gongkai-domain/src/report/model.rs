//! The annual report: identity, the cells of its three tables, and extras.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::applications::{ApplicantColumn, ApplicationRow};
use super::cell_key::CellKey;
use super::format::{Format, Section};
use super::proactive::ProactiveRow;
use super::reviews::{ReviewColumn, ReviewGroup};

/// The identifier of the canonical JSON schema.
pub const SCHEMA_ID: &str = "gongkai.annual-report/1";

/// A printed cell: `None` is a cell the report left blank, which is not the same as 0.
pub type Cell = Option<Decimal>;

/// One agency's annual report (政府信息公开工作年度报告) for one year.
///
/// Cells are stored by [`CellKey`]; a key that is absent was not printed at all
/// (e.g. a row of the other format), a key mapped to `None` was printed blank.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The agency as the report names itself; `None` when it does not.
    pub agency: Option<String>,
    /// The reporting year.
    pub year: i32,
    /// The official layout. Follows from the year; kept explicitly because
    /// published reports are stored as they declare themselves.
    pub format: Format,
    cells: BTreeMap<CellKey, Cell>,
    /// Provenance of cells (`source` key), kept as given.
    pub source: Option<Value>,
    /// Findings attached by whoever produced the JSON (`findings` key), kept as given.
    pub findings: Option<Value>,
    /// Everything else (`extra` key): narrative sections, annotations, legacy tables.
    pub extra: Map<String, Value>,
}

impl Report {
    /// An empty report (no cell printed) for `agency` and `year` in the year's format.
    pub fn empty(agency: Option<String>, year: i32) -> Report {
        Report {
            agency,
            year,
            format: Format::for_year(year),
            cells: BTreeMap::new(),
            source: None,
            findings: None,
            extra: Map::new(),
        }
    }

    /// A skeleton in the official layout of the year's format with every cell 0:
    /// a valid starting point that an officer fills in.
    pub fn skeleton(agency: Option<String>, year: i32) -> Report {
        let mut report = Report::empty(agency, year);
        for key in CellKey::of_format(report.format) {
            report.cells.insert(key, Some(Decimal::ZERO));
        }
        report
    }

    /// The cell under `key`: `None` when the report does not print it,
    /// `Some(None)` when it is printed blank.
    pub fn cell(&self, key: CellKey) -> Option<Cell> {
        self.cells.get(&key).copied()
    }

    /// The value under `key`, or `None` when blank or not printed.
    pub fn value(&self, key: CellKey) -> Option<Decimal> {
        self.cells.get(&key).copied().flatten()
    }

    /// Sets a printed cell (`None` = printed blank).
    pub fn set(&mut self, key: CellKey, cell: Cell) {
        self.cells.insert(key, cell.map(|v| v.normalize()));
    }

    /// Removes a cell so that it counts as not printed.
    pub fn remove(&mut self, key: CellKey) -> Option<Cell> {
        self.cells.remove(&key)
    }

    /// Every printed cell in canonical order.
    pub fn cells(&self) -> impl Iterator<Item = (CellKey, Cell)> + '_ {
        self.cells.iter().map(|(&k, &v)| (k, v))
    }

    /// Number of printed cells.
    pub fn cell_count(&self) -> usize {
        self.cells.len()
    }

    /// Whether any cell of the table-三 row is printed.
    pub fn has_application_row(&self, row: ApplicationRow) -> bool {
        ApplicantColumn::ALL
            .into_iter()
            .any(|c| self.cells.contains_key(&CellKey::Application(row, c)))
    }

    /// Whether any cell of the table-二 row is printed.
    pub fn has_proactive_row(&self, row: ProactiveRow) -> bool {
        self.cells
            .keys()
            .any(|k| matches!(k, CellKey::Proactive(r, _) if *r == row))
    }

    /// Whether every printed cell of the table-三 row is blank (true also when not printed).
    pub fn application_row_is_blank(&self, row: ApplicationRow) -> bool {
        ApplicantColumn::ALL
            .into_iter()
            .all(|c| self.value(CellKey::Application(row, c)).is_none())
    }

    /// A table-三 value, blank and unprinted read as 0 (for sums; blanks are flagged elsewhere).
    pub fn application_count(&self, row: ApplicationRow, col: ApplicantColumn) -> Decimal {
        self.value(CellKey::Application(row, col))
            .unwrap_or_default()
    }

    /// A table-四 value, blank and unprinted read as 0.
    pub fn review_count(&self, group: ReviewGroup, col: ReviewColumn) -> Decimal {
        self.value(CellKey::Review(group, col)).unwrap_or_default()
    }

    /// The narrative text of `section` (`extra.narrative.<key>`), when present.
    pub fn narrative(&self, section: Section) -> Option<&str> {
        self.extra.get("narrative")?.get(section.key())?.as_str()
    }

    /// Sets the narrative text of `section`.
    pub fn set_narrative(&mut self, section: Section, text: String) {
        let narrative = self
            .extra
            .entry("narrative")
            .or_insert_with(|| Value::Object(Map::new()));
        if !narrative.is_object() {
            *narrative = Value::Object(Map::new());
        }
        if let Value::Object(map) = narrative {
            map.insert(section.key().to_owned(), Value::String(text));
        }
    }
}
