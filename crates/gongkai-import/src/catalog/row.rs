//! One data row → one catalog item, or the problems of its cells.

use std::collections::HashMap;

use chrono::NaiveDate;
use gongkai_domain::catalog::{Category, DisclosureMode, ItemStatus, NewCatalogItem, Validity};

use super::columns::Column;
use super::date::{excel_serial, parse_date_text};
use super::error::{RowError, RowProblem};
use super::table::Cell;
use super::{AgencyChoice, ImportTarget};

/// The longest value accepted per column, in characters.
pub(crate) fn char_limit(column: Column) -> usize {
    match column {
        Column::IndexNo => 64,
        Column::Title => 300,
        Column::Agency | Column::DocNumber | Column::Topic => 100,
        Column::Body => 200_000,
        _ => 50,
    }
}

/// Reads the cells of one row, collecting every problem rather than the first.
pub(crate) struct RowReader<'a> {
    pub number: usize,
    pub cells: &'a [Cell],
    pub positions: &'a HashMap<Column, usize>,
    pub errors: Vec<RowError>,
}

impl RowReader<'_> {
    fn cell(&self, column: Column) -> Option<&Cell> {
        self.positions
            .get(&column)
            .and_then(|&i| self.cells.get(i))
            .filter(|c| !c.is_blank())
    }

    fn fail(&mut self, column: Column, problem: RowProblem) {
        self.errors.push(RowError {
            row: self.number,
            column,
            problem,
        });
    }

    /// The cell's text, `None` when blank; too long or error values are reported.
    fn text(&mut self, column: Column) -> Option<String> {
        let cell = self.cell(column)?;
        if let Cell::Error(code) = cell {
            let code = code.clone();
            self.fail(column, RowProblem::CellError(code));
            return None;
        }
        let text = cell.text();
        let chars = text.chars().count();
        let limit = char_limit(column);
        if chars > limit {
            self.fail(column, RowProblem::TooLong { chars, limit });
            return None;
        }
        Some(text)
    }

    fn required_text(&mut self, column: Column) -> Option<String> {
        let text = self.text(column);
        if text.is_none() && self.cell(column).is_none() {
            self.fail(column, RowProblem::Missing);
        }
        text
    }

    fn date(&mut self, column: Column) -> Option<NaiveDate> {
        let parsed = match self.cell(column)? {
            Cell::Date(date) => Ok(*date),
            Cell::Number(n) if (19_000_101.0..=29_991_231.0).contains(n) => {
                parse_date_text(&format!("{}", *n as i64))
            }
            Cell::Number(n) => excel_serial(*n),
            Cell::Text(text) => parse_date_text(text),
            Cell::Error(code) => {
                let code = code.clone();
                self.fail(column, RowProblem::CellError(code));
                return None;
            }
            Cell::Empty => return None,
        };
        match parsed {
            Ok(date) => Some(date),
            Err(problem) => {
                let text = self.cell(column).map(Cell::text).unwrap_or_default();
                self.fail(column, RowProblem::BadDate { text, problem });
                None
            }
        }
    }

    fn required_date(&mut self, column: Column) -> Option<NaiveDate> {
        if self.cell(column).is_none() {
            self.fail(column, RowProblem::Missing);
            return None;
        }
        self.date(column)
    }

    /// Reads the row into an item for `target`; `None` when anything is wrong
    /// (the problems are in `errors`).
    pub(crate) fn item(&mut self, target: &ImportTarget) -> Option<NewCatalogItem> {
        let index_no = self.text(Column::IndexNo);
        let title = self.required_text(Column::Title);
        let agency_code = match self.text(Column::Agency) {
            None => Some(target.default_agency.code.clone()),
            Some(text) => match target.agency(&text) {
                Some(agency) => Some(agency.code.clone()),
                None => {
                    self.fail(Column::Agency, RowProblem::UnknownAgency(text));
                    None
                }
            },
        };
        let doc_number = self.text(Column::DocNumber);
        let written_on = self.date(Column::WrittenOn);
        let published_on = self.required_date(Column::PublishedOn);
        let topic = self.text(Column::Topic).unwrap_or_default();
        let category = match self.required_text(Column::Category) {
            Some(text) => {
                let found = category(&text);
                if found.is_none() {
                    self.fail(Column::Category, RowProblem::UnknownCategory(text));
                }
                found
            }
            None => None,
        };
        let validity = match self.text(Column::Validity) {
            None => Some(Validity::Valid),
            Some(text) => {
                let found = validity(&text);
                if found.is_none() {
                    self.fail(Column::Validity, RowProblem::UnknownValidity(text));
                }
                found
            }
        };
        let validity_changed_on = self.date(Column::ValidityChangedOn);
        let disclosure_mode = match self.text(Column::DisclosureMode) {
            None => Some(DisclosureMode::Proactive),
            Some(text) => {
                let found = disclosure_mode(&text);
                if found.is_none() {
                    self.fail(
                        Column::DisclosureMode,
                        RowProblem::UnknownDisclosureMode(text),
                    );
                }
                found
            }
        };
        let body = self.text(Column::Body).unwrap_or_default();
        if let (Some(written), Some(published)) = (written_on, published_on)
            && published < written
        {
            self.fail(Column::PublishedOn, RowProblem::PublishedBeforeWritten);
        }
        if let Some(v) = validity
            && v != Validity::Valid
            && validity_changed_on.is_none()
            && self.cell(Column::ValidityChangedOn).is_none()
        {
            self.fail(
                Column::ValidityChangedOn,
                RowProblem::MissingValidityDate(v),
            );
        }
        if !self.errors.is_empty() {
            return None;
        }
        Some(NewCatalogItem {
            index_no,
            agency_code: agency_code?,
            title: title?,
            doc_number,
            written_on,
            published_on,
            category: category?,
            topic,
            validity: validity?,
            validity_changed_on,
            disclosure_mode: disclosure_mode?,
            body,
            status: ItemStatus::Published,
        })
    }
}

fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            other => other,
        })
        .collect()
}

/// The category a cell names: its key (`art20_07`), label (财政预算决算),
/// article (第二十条第（七）项) or the text of the Regulation.
pub(crate) fn category(text: &str) -> Option<Category> {
    let text = compact(text);
    Category::ALL.iter().copied().find(|c| {
        c.key().eq_ignore_ascii_case(&text)
            || compact(c.label()) == text
            || compact(c.article()) == text
            || compact(c.legal_text()) == text
    })
}

fn validity(text: &str) -> Option<Validity> {
    let text = compact(text);
    match text.as_str() {
        "有效" | "现行有效" | "是" => Some(Validity::Valid),
        "失效" | "已失效" => Some(Validity::Expired),
        "废止" | "已废止" => Some(Validity::Repealed),
        other => Validity::from_key(&other.to_ascii_lowercase()),
    }
}

fn disclosure_mode(text: &str) -> Option<DisclosureMode> {
    let text = compact(text);
    match text.as_str() {
        "主动公开" | "主动" => Some(DisclosureMode::Proactive),
        "依申请公开" | "依申请" => Some(DisclosureMode::OnRequest),
        other => DisclosureMode::from_key(&other.to_ascii_lowercase()),
    }
}

impl ImportTarget {
    /// The allowed agency a cell names, by full name or code.
    fn agency(&self, text: &str) -> Option<&AgencyChoice> {
        let text = compact(text);
        self.allowed
            .iter()
            .chain(std::iter::once(&self.default_agency))
            .find(|a| a.code == text || compact(&a.name) == text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_are_found_by_key_label_article_and_text() {
        assert_eq!(category("art20_07"), Some(Category::Budget));
        assert_eq!(category("ART20_07"), Some(Category::Budget));
        assert_eq!(category("财政预算决算"), Some(Category::Budget));
        assert_eq!(category("第二十条第(七)项"), Some(Category::Budget));
        assert_eq!(category("财政预算、决算信息"), Some(Category::Budget));
        assert_eq!(category("农业农村与乡镇事务"), Some(Category::RuralAffairs));
        assert_eq!(category("预算"), None);
    }

    #[test]
    fn validity_and_mode_words() {
        assert_eq!(validity("已废止"), Some(Validity::Repealed));
        assert_eq!(validity(" 失效 "), Some(Validity::Expired));
        assert_eq!(validity("作废"), None);
        assert_eq!(
            disclosure_mode("依申请公开"),
            Some(DisclosureMode::OnRequest)
        );
        assert_eq!(disclosure_mode("不公开"), None);
    }
}
