//! Canonical cell keys (`applications.granted.total`) that name every number of a report.

use std::fmt;
use std::str::FromStr;

use super::applications::{ApplicantColumn, ApplicationRow};
use super::format::Format;
use super::proactive::{ProactiveField, ProactiveRow, ValueKind};
use super::reviews::{ReviewColumn, ReviewGroup};

/// One numeric cell of the three tables. Its `Display` form is the canonical
/// dotted key used in findings, provenance and the JSON paths of errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CellKey {
    /// A cell of table 二 (主动公开).
    Proactive(ProactiveRow, ProactiveField),
    /// A cell of table 三 (依申请公开).
    Application(ApplicationRow, ApplicantColumn),
    /// A cell of table 四 (复议诉讼).
    Review(ReviewGroup, ReviewColumn),
}

impl CellKey {
    /// The values this cell accepts.
    pub fn kind(self) -> ValueKind {
        match self {
            CellKey::Proactive(_, field) => field.kind(),
            CellKey::Application(..) | CellKey::Review(..) => ValueKind::Count,
        }
    }

    /// A label a person recognises in the printed table, for messages:
    /// “三（三）不予公开 1.属于国家秘密·自然人”.
    pub fn label(self, format: Format) -> String {
        match self {
            CellKey::Proactive(row, field) => {
                format!("{}·{}", row.label(format), field.label(format))
            }
            CellKey::Application(row, col) => format!("{}·{}", row.full_label(), col.label()),
            CellKey::Review(group, col) => format!("{}·{}", group.full_label(), col.label()),
        }
    }

    /// Every key that the official layout of `format` prints, in printed order.
    pub fn of_format(format: Format) -> Vec<CellKey> {
        let proactive = ProactiveRow::ALL.into_iter().flat_map(|row| {
            row.fields(format)
                .iter()
                .map(move |&field| CellKey::Proactive(row, field))
        });
        let applications = ApplicationRow::of_format(format).flat_map(|row| {
            ApplicantColumn::ALL
                .into_iter()
                .map(move |col| CellKey::Application(row, col))
        });
        let reviews = ReviewGroup::ALL.into_iter().flat_map(|group| {
            ReviewColumn::ALL
                .into_iter()
                .map(move |col| CellKey::Review(group, col))
        });
        proactive.chain(applications).chain(reviews).collect()
    }
}

impl fmt::Display for CellKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CellKey::Proactive(row, field) => write!(f, "proactive.{}.{}", row.key(), field.key()),
            CellKey::Application(row, col) => write!(f, "applications.{}.{}", row.key(), col.key()),
            CellKey::Review(group, col) => write!(f, "reviews.{}.{}", group.key(), col.key()),
        }
    }
}

/// Why a dotted key does not name a cell.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{0}”不是年报表格中的单元格")]
pub struct UnknownCellKey(pub String);

impl FromStr for CellKey {
    type Err = UnknownCellKey;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let unknown = || UnknownCellKey(s.to_owned());
        let mut parts = s.split('.');
        let (Some(table), Some(row), Some(col), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(unknown());
        };
        match table {
            "proactive" => {
                let row = ProactiveRow::from_key(row).ok_or_else(unknown)?;
                let field = ProactiveField::from_key(col)
                    .filter(|&f| row.accepts_field(f))
                    .ok_or_else(unknown)?;
                Ok(CellKey::Proactive(row, field))
            }
            "applications" => Ok(CellKey::Application(
                ApplicationRow::from_key(row).ok_or_else(unknown)?,
                ApplicantColumn::from_key(col).ok_or_else(unknown)?,
            )),
            "reviews" => Ok(CellKey::Review(
                ReviewGroup::from_key(row).ok_or_else(unknown)?,
                ReviewColumn::from_key(col).ok_or_else(unknown)?,
            )),
            _ => Err(unknown()),
        }
    }
}

impl serde::Serialize for CellKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for CellKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_both_formats_round_trips_through_text() {
        for format in Format::ALL {
            for key in CellKey::of_format(format) {
                assert_eq!(key.to_string().parse::<CellKey>(), Ok(key));
            }
        }
    }

    #[test]
    fn official_cell_counts() {
        // domain.md: A = 22 + 161 + 15 cells, B = 10 + 175 + 15.
        assert_eq!(CellKey::of_format(Format::Gb2019).len(), 22 + 161 + 15);
        assert_eq!(CellKey::of_format(Format::Gb2021).len(), 10 + 175 + 15);
    }

    #[test]
    fn rejects_unknown_keys() {
        assert!("applications.granted.nobody".parse::<CellKey>().is_err());
        assert!("proactive.fees.decisions".parse::<CellKey>().is_err());
        assert!("reviews.reconsideration".parse::<CellKey>().is_err());
    }
}
