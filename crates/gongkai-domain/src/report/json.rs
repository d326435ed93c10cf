//! The canonical JSON form (`gongkai.annual-report/1`): strict reading with errors
//! that name the key and the problem, and writing in canonical key order.

use std::str::FromStr;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Map, Number, Value};

use super::applications::{ApplicantColumn, ApplicationRow};
use super::cell_key::CellKey;
use super::format::Format;
use super::model::{Cell, Report, SCHEMA_ID};
use super::proactive::{ProactiveField, ProactiveRow, ValueKind};
use super::reviews::{ReviewColumn, ReviewGroup};

/// Why a JSON text is not a usable report: the JSON path and the problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{problem}", if path.is_empty() { String::new() } else { format!("{path}: ") })]
pub struct ReportJsonError {
    /// Dotted path of the offending key (`applications.granted.total`); empty for the whole document.
    pub path: String,
    /// What is wrong, in Chinese.
    pub problem: String,
}

impl ReportJsonError {
    fn at(path: impl Into<String>, problem: impl Into<String>) -> ReportJsonError {
        ReportJsonError {
            path: path.into(),
            problem: problem.into(),
        }
    }
}

const TOP_LEVEL_KEYS: [&str; 10] = [
    "schema",
    "agency",
    "year",
    "format",
    "proactive",
    "applications",
    "reviews",
    "source",
    "findings",
    "extra",
];

impl Report {
    /// Reads a report from canonical JSON text, rejecting unknown keys, wrong types
    /// and impossible values with an error that names the key.
    pub fn from_json_str(text: &str) -> Result<Report, ReportJsonError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: Value = serde_json::from_str(text).map_err(|e| {
            ReportJsonError::at(
                "",
                format!(
                    "不是有效的 JSON（第 {} 行第 {} 列）：{e}",
                    e.line(),
                    e.column()
                ),
            )
        })?;
        Report::from_json_value(&value)
    }

    /// Reads a report from an already parsed JSON value.
    pub fn from_json_value(value: &Value) -> Result<Report, ReportJsonError> {
        let top = value
            .as_object()
            .ok_or_else(|| ReportJsonError::at("", "顶层应为 JSON 对象"))?;
        if let Some(key) = top.keys().find(|k| !TOP_LEVEL_KEYS.contains(&k.as_str())) {
            return Err(unknown_key(key, &TOP_LEVEL_KEYS));
        }
        match top.get("schema") {
            Some(Value::String(s)) if s == SCHEMA_ID => {}
            Some(other) => {
                return Err(ReportJsonError::at(
                    "schema",
                    format!("应为 \"{SCHEMA_ID}\"，实际为 {other}"),
                ));
            }
            None => {
                return Err(ReportJsonError::at(
                    "schema",
                    format!("缺少此键，应为 \"{SCHEMA_ID}\""),
                ));
            }
        }
        let year = read_year(top.get("year"))?;
        let agency = match top.get("agency") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                return Err(ReportJsonError::at(
                    "agency",
                    format!("应为字符串或 null，实际为 {other}"),
                ));
            }
        };
        let mut report = Report::empty(agency, year);
        if let Some(format) = top.get("format") {
            report.format = format.as_str().and_then(Format::from_key).ok_or_else(|| {
                ReportJsonError::at(
                    "format",
                    format!("应为 \"gb2019\" 或 \"gb2021\"，实际为 {format}"),
                )
            })?;
        }
        read_proactive(top.get("proactive"), &mut report)?;
        read_applications(top.get("applications"), &mut report)?;
        read_reviews(top.get("reviews"), &mut report)?;
        report.source = top.get("source").cloned();
        report.findings = top.get("findings").cloned();
        match top.get("extra") {
            None | Some(Value::Null) => {}
            Some(Value::Object(map)) => report.extra = map.clone(),
            Some(other) => {
                return Err(ReportJsonError::at(
                    "extra",
                    format!("应为对象，实际为 {other}"),
                ));
            }
        }
        Ok(report)
    }

    /// The canonical JSON value, keys in the canonical order, blank cells as `null`.
    pub fn to_json_value(&self) -> Value {
        let mut top = Map::new();
        top.insert("schema".into(), Value::from(SCHEMA_ID));
        top.insert(
            "agency".into(),
            self.agency.clone().map_or(Value::Null, Value::String),
        );
        top.insert("year".into(), Value::from(self.year));
        top.insert("format".into(), Value::from(self.format.key()));
        top.insert("proactive".into(), Value::Object(self.proactive_json()));
        top.insert(
            "applications".into(),
            Value::Object(self.applications_json()),
        );
        top.insert("reviews".into(), Value::Object(self.reviews_json()));
        if let Some(source) = &self.source {
            top.insert("source".into(), source.clone());
        }
        if let Some(findings) = &self.findings {
            top.insert("findings".into(), findings.clone());
        }
        if !self.extra.is_empty() {
            top.insert("extra".into(), Value::Object(self.extra.clone()));
        }
        Value::Object(top)
    }

    /// The canonical JSON text, pretty-printed.
    pub fn to_json_string(&self) -> String {
        // Serialising a `Value` cannot fail: all keys are strings.
        serde_json::to_string_pretty(&self.to_json_value()).unwrap_or_default() + "\n"
    }

    fn proactive_json(&self) -> Map<String, Value> {
        let mut table = Map::new();
        for row in ProactiveRow::ALL {
            let fields: Map<String, Value> = ProactiveField::ALL
                .into_iter()
                .filter_map(|f| {
                    self.cell(CellKey::Proactive(row, f))
                        .map(|c| (f.key().to_owned(), cell_json(c)))
                })
                .collect();
            if !fields.is_empty() {
                table.insert(row.key().to_owned(), Value::Object(fields));
            }
        }
        table
    }

    fn applications_json(&self) -> Map<String, Value> {
        let mut table = Map::new();
        for &row in ApplicationRow::ALL {
            let cols: Map<String, Value> = ApplicantColumn::ALL
                .into_iter()
                .filter_map(|c| {
                    self.cell(CellKey::Application(row, c))
                        .map(|v| (c.key().to_owned(), cell_json(v)))
                })
                .collect();
            if !cols.is_empty() {
                table.insert(row.key().to_owned(), Value::Object(cols));
            }
        }
        table
    }

    fn reviews_json(&self) -> Map<String, Value> {
        let mut table = Map::new();
        for group in ReviewGroup::ALL {
            let cols: Map<String, Value> = ReviewColumn::ALL
                .into_iter()
                .filter_map(|c| {
                    self.cell(CellKey::Review(group, c))
                        .map(|v| (c.key().to_owned(), cell_json(v)))
                })
                .collect();
            if !cols.is_empty() {
                table.insert(group.key().to_owned(), Value::Object(cols));
            }
        }
        table
    }
}

impl serde::Serialize for Report {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json_value().serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Report {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Report::from_json_value(&value).map_err(serde::de::Error::custom)
    }
}

fn read_year(value: Option<&Value>) -> Result<i32, ReportJsonError> {
    let value = value.ok_or_else(|| ReportJsonError::at("year", "缺少报告年度"))?;
    value
        .as_i64()
        .filter(|y| (2008..=2100).contains(y))
        .and_then(|y| i32::try_from(y).ok())
        .ok_or_else(|| {
            ReportJsonError::at(
                "year",
                format!("应为 2008 至 2100 之间的整数年份，实际为 {value}"),
            )
        })
}

/// A table's printed rows: `(row key, row object)`.
type TableRows<'a> = Vec<(&'a String, &'a Map<String, Value>)>;

/// Iterates the rows of a table object: `(row key, row object)`; a `null` row is skipped
/// (not printed).
fn table_rows<'a>(
    name: &'static str,
    value: Option<&'a Value>,
) -> Result<TableRows<'a>, ReportJsonError> {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Ok(Vec::new());
    };
    let table = value
        .as_object()
        .ok_or_else(|| ReportJsonError::at(name, format!("应为对象，实际为 {value}")))?;
    let mut rows = Vec::new();
    for (key, row) in table {
        match row {
            Value::Null => {}
            Value::Object(map) => rows.push((key, map)),
            other => {
                return Err(ReportJsonError::at(
                    format!("{name}.{key}"),
                    format!("应为对象，实际为 {other}"),
                ));
            }
        }
    }
    Ok(rows)
}

fn read_proactive(value: Option<&Value>, report: &mut Report) -> Result<(), ReportJsonError> {
    let row_keys: Vec<&str> = ProactiveRow::ALL.iter().map(|r| r.key()).collect();
    for (row_key, fields) in table_rows("proactive", value)? {
        let row = ProactiveRow::from_key(row_key)
            .ok_or_else(|| unknown_key(&format!("proactive.{row_key}"), &row_keys))?;
        for (field_key, cell) in fields {
            let path = format!("proactive.{row_key}.{field_key}");
            let field = ProactiveField::from_key(field_key)
                .filter(|&f| row.accepts_field(f))
                .ok_or_else(|| {
                    let allowed: Vec<&str> = ProactiveField::ALL
                        .iter()
                        .filter(|f| row.accepts_field(**f))
                        .map(|f| f.key())
                        .collect();
                    unknown_key(&path, &allowed)
                })?;
            report.set(
                CellKey::Proactive(row, field),
                read_cell(&path, cell, field.kind())?,
            );
        }
    }
    Ok(())
}

fn read_applications(value: Option<&Value>, report: &mut Report) -> Result<(), ReportJsonError> {
    let row_keys: Vec<&str> = ApplicationRow::ALL.iter().map(|r| r.key()).collect();
    let col_keys: Vec<&str> = ApplicantColumn::ALL.iter().map(|c| c.key()).collect();
    for (row_key, cols) in table_rows("applications", value)? {
        let row = ApplicationRow::from_key(row_key)
            .ok_or_else(|| unknown_key(&format!("applications.{row_key}"), &row_keys))?;
        for (col_key, cell) in cols {
            let path = format!("applications.{row_key}.{col_key}");
            let col =
                ApplicantColumn::from_key(col_key).ok_or_else(|| unknown_key(&path, &col_keys))?;
            report.set(
                CellKey::Application(row, col),
                read_cell(&path, cell, ValueKind::Count)?,
            );
        }
    }
    Ok(())
}

fn read_reviews(value: Option<&Value>, report: &mut Report) -> Result<(), ReportJsonError> {
    let group_keys: Vec<&str> = ReviewGroup::ALL.iter().map(|g| g.key()).collect();
    let col_keys: Vec<&str> = ReviewColumn::ALL.iter().map(|c| c.key()).collect();
    for (group_key, cols) in table_rows("reviews", value)? {
        let group = ReviewGroup::from_key(group_key)
            .ok_or_else(|| unknown_key(&format!("reviews.{group_key}"), &group_keys))?;
        for (col_key, cell) in cols {
            let path = format!("reviews.{group_key}.{col_key}");
            let col =
                ReviewColumn::from_key(col_key).ok_or_else(|| unknown_key(&path, &col_keys))?;
            report.set(
                CellKey::Review(group, col),
                read_cell(&path, cell, ValueKind::Count)?,
            );
        }
    }
    Ok(())
}

fn unknown_key(path: &str, allowed: &[&str]) -> ReportJsonError {
    ReportJsonError::at(
        path,
        format!("未知的键；此处允许的键为：{}", allowed.join("、")),
    )
}

/// Reads one cell: `null` (blank) or a number of the kind the key requires.
fn read_cell(path: &str, value: &Value, kind: ValueKind) -> Result<Cell, ReportJsonError> {
    let number = match value {
        Value::Null => return Ok(None),
        Value::Number(n) => n,
        other => {
            return Err(ReportJsonError::at(
                path,
                format!("应为数字或 null（空白单元格），实际为 {other}"),
            ));
        }
    };
    let text = number.to_string();
    let decimal = Decimal::from_str(&text)
        .or_else(|_| Decimal::from_scientific(&text))
        .map_err(|_| ReportJsonError::at(path, format!("数值 {text} 超出可表示范围")))?
        .normalize();
    match kind {
        ValueKind::Count if !decimal.fract().is_zero() || decimal.is_sign_negative() => Err(
            ReportJsonError::at(path, format!("应为非负整数（件数），实际为 {text}")),
        ),
        ValueKind::SignedCount if !decimal.fract().is_zero() => Err(ReportJsonError::at(
            path,
            format!("应为整数（本年增/减，可为负），实际为 {text}"),
        )),
        ValueKind::Money if decimal.is_sign_negative() && !decimal.is_zero() => Err(
            ReportJsonError::at(path, format!("金额不能为负数，实际为 {text}")),
        ),
        _ => Ok(Some(decimal)),
    }
}

/// A cell as JSON: whole numbers as integers, others as the shortest decimal.
pub(crate) fn cell_json(cell: Cell) -> Value {
    match cell {
        None => Value::Null,
        Some(value) => decimal_json(value),
    }
}

/// A decimal as a JSON number: integral values as integers (`0`, not `0.0`).
pub fn decimal_json(value: Decimal) -> Value {
    if let Some(int) = value.fract().is_zero().then(|| value.to_i64()).flatten() {
        return Value::Number(Number::from(int));
    }
    value
        .to_f64()
        .and_then(Number::from_f64)
        .map_or(Value::Null, Value::Number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal(extra: &str) -> String {
        format!(
            r#"{{"schema":"{SCHEMA_ID}","agency":"某县某局","year":2023,"format":"gb2021"{extra}}}"#
        )
    }

    #[test]
    fn skeleton_round_trips() {
        for year in [2020, 2025] {
            let report = Report::skeleton(Some("某县某局".into()), year);
            let again = Report::from_json_str(&report.to_json_string()).expect("skeleton parses");
            assert_eq!(report, again);
        }
    }

    #[test]
    fn blank_is_distinct_from_zero() {
        let text = minimal(r#","applications":{"granted":{"natural_person":null,"total":0}}"#);
        let report = Report::from_json_str(&text).expect("parses");
        let blank = CellKey::Application(ApplicationRow::Granted, ApplicantColumn::NaturalPerson);
        let zero = CellKey::Application(ApplicationRow::Granted, ApplicantColumn::Total);
        assert_eq!(report.cell(blank), Some(None));
        assert_eq!(report.cell(zero), Some(Some(Decimal::ZERO)));
        let json = report.to_json_value();
        assert_eq!(
            json["applications"]["granted"]["natural_person"],
            Value::Null
        );
        assert_eq!(json["applications"]["granted"]["total"], Value::from(0));
    }

    #[test]
    fn money_keeps_its_decimals() {
        let text = minimal(r#","proactive":{"fees":{"amount_wan_yuan":7730.28}}"#);
        let report = Report::from_json_str(&text).expect("parses");
        assert_eq!(
            report.to_json_value()["proactive"]["fees"]["amount_wan_yuan"].to_string(),
            "7730.28"
        );
    }

    #[test]
    fn errors_name_the_key_and_the_problem() {
        let cases = [
            (
                minimal(r#","applications":{"granted":{"total":-3}}"#),
                "applications.granted.total",
                "非负整数",
            ),
            (
                minimal(r#","applications":{"granted":{"total":"5"}}"#),
                "applications.granted.total",
                "应为数字",
            ),
            (
                minimal(r#","applications":{"granted":{"nobody":1}}"#),
                "applications.granted.nobody",
                "未知的键",
            ),
            (
                minimal(r#","applications":{"grant":{}}"#),
                "applications.grant",
                "未知的键",
            ),
            (
                minimal(r#","proactive":{"fees":{"decisions":1}}"#),
                "proactive.fees.decisions",
                "未知的键",
            ),
            (
                minimal(r#","proactive":{"licensing":{"change":1.5}}"#),
                "proactive.licensing.change",
                "整数",
            ),
            (minimal(r#","colour":"red""#), "colour", "未知的键"),
            (minimal(r#","format":"gb2030""#), "format", "gb2019"),
            (
                format!(r#"{{"schema":"{SCHEMA_ID}","year":"2023"}}"#),
                "year",
                "整数年份",
            ),
            (r#"{"year":2023}"#.to_owned(), "schema", "缺少"),
        ];
        for (text, path, words) in cases {
            let err = Report::from_json_str(&text).expect_err(&text);
            assert_eq!(err.path, path, "{text}");
            assert!(err.problem.contains(words), "{err} should mention {words}");
        }
        let err = Report::from_json_str("{\"schema\": ").expect_err("truncated");
        assert!(err.problem.contains("第 1 行"), "{err}");
    }

    #[test]
    fn format_defaults_to_the_years_format() {
        let text = format!(r#"{{"schema":"{SCHEMA_ID}","year":2020}}"#);
        assert_eq!(
            Report::from_json_str(&text).expect("parses").format,
            Format::Gb2019
        );
    }
}
