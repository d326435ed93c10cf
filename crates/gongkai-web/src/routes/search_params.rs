//! The query parameters of `/search`, validated, and the links built from them.

use std::collections::HashMap;

use chrono::NaiveDate;
use gongkai_search::SearchQuery;
use gongkai_store::{Category, Validity};

use crate::PageError;
use crate::text::{query_string, truncate};

/// Longest accepted query text, in characters.
pub const MAX_QUERY_CHARS: usize = 100;

/// Longest accepted 文号 filter, in characters.
pub const MAX_DOC_NUMBER_CHARS: usize = 50;

/// Results per page.
pub const PER_PAGE: u32 = 10;

/// Deepest page reachable (the index's result window).
pub const MAX_PAGE: u32 = (gongkai_search::MAX_RESULT_WINDOW as u32) / PER_PAGE;

/// The validated parameters of a search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchParams {
    /// `q`: the text, trimmed (may be empty).
    pub q: String,
    /// `agency`: an agency code (checked against the store by the handler).
    pub agency: Option<String>,
    /// `category`.
    pub category: Option<Category>,
    /// `from`: first publication date.
    pub from: Option<NaiveDate>,
    /// `to`: last publication date.
    pub to: Option<NaiveDate>,
    /// `validity`.
    pub validity: Option<Validity>,
    /// `doc_number`: 文号 or its beginning.
    pub doc_number: Option<String>,
    /// `page`, from 1.
    pub page: u32,
}

/// A 400 naming the parameter, with the Chinese name first in the message.
fn bad(param: &'static str, message: String) -> PageError {
    PageError::BadRequest { param, message }
}

/// The trimmed value of `key`, `None` when absent or blank.
fn value<'a>(raw: &'a HashMap<String, String>, key: &str) -> Option<&'a str> {
    raw.get(key).map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// Text without control characters, at most `max` characters or a 400.
fn text(
    raw: &HashMap<String, String>,
    key: &'static str,
    label: &str,
    max: usize,
) -> Result<Option<String>, PageError> {
    let Some(v) = value(raw, key) else {
        return Ok(None);
    };
    let cleaned: String = v
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if cleaned.chars().count() > max {
        return Err(bad(
            key,
            format!("{label}不能超过 {max} 个字，收到“{}”", truncate(&cleaned)),
        ));
    }
    Ok(Some(cleaned.trim().to_owned()).filter(|s| !s.is_empty()))
}

fn date(
    raw: &HashMap<String, String>,
    key: &'static str,
    label: &str,
) -> Result<Option<NaiveDate>, PageError> {
    value(raw, key)
        .map(|v| {
            NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
                bad(
                    key,
                    format!(
                        "{label}应为“年-月-日”格式的有效日期（如 2024-03-01），收到“{}”",
                        truncate(v)
                    ),
                )
            })
        })
        .transpose()
}

impl SearchParams {
    /// Reads the parameters; a malformed value is a 400 that names it.
    pub fn parse(raw: &HashMap<String, String>) -> Result<SearchParams, PageError> {
        let category = value(raw, "category")
            .map(|key| {
                Category::from_key(key)
                    .ok_or_else(|| bad("category", format!("信息分类“{}”不存在", truncate(key))))
            })
            .transpose()?;
        let validity = value(raw, "validity")
            .map(|key| {
                Validity::from_key(key).ok_or_else(|| {
                    bad(
                        "validity",
                        format!(
                            "有效性应为 valid、expired 或 repealed，收到“{}”",
                            truncate(key)
                        ),
                    )
                })
            })
            .transpose()?;
        let from = date(raw, "from", "发布日期（起）")?;
        let to = date(raw, "to", "发布日期（止）")?;
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            return Err(bad(
                "to",
                format!("发布日期（止）{to} 早于发布日期（起）{from}"),
            ));
        }
        let page = match value(raw, "page") {
            None => 1,
            Some(v) => match v.parse::<u32>() {
                Ok(n) if (1..=MAX_PAGE).contains(&n) => n,
                _ => {
                    return Err(bad(
                        "page",
                        format!("页码应为 1 至 {MAX_PAGE} 之间的整数，收到“{}”", truncate(v)),
                    ));
                }
            },
        };
        Ok(SearchParams {
            q: text(raw, "q", "检索词", MAX_QUERY_CHARS)?.unwrap_or_default(),
            agency: value(raw, "agency").map(str::to_owned),
            category,
            from,
            to,
            validity,
            doc_number: text(raw, "doc_number", "文号", MAX_DOC_NUMBER_CHARS)?,
            page,
        })
    }

    /// Whether any filter is set.
    pub fn has_filters(&self) -> bool {
        self.agency.is_some()
            || self.category.is_some()
            || self.from.is_some()
            || self.to.is_some()
            || self.validity.is_some()
            || self.doc_number.is_some()
    }

    /// Whether there is anything to search for.
    pub fn is_search(&self) -> bool {
        !self.q.is_empty() || self.has_filters()
    }

    /// The request for the index.
    pub fn to_query(&self) -> SearchQuery {
        SearchQuery {
            text: self.q.clone(),
            agency_code: self.agency.clone(),
            category: self.category.map(|c| c.key().to_owned()),
            published_from: self.from,
            published_to: self.to,
            validity: self.validity.map(|v| v.key().to_owned()),
            doc_number: self.doc_number.clone(),
            page: self.page,
            per_page: PER_PAGE,
        }
    }

    /// `/search?…` for `page` of the same search.
    pub fn href(&self, page: u32) -> String {
        let from = self.from.map(|d| d.to_string()).unwrap_or_default();
        let to = self.to.map(|d| d.to_string()).unwrap_or_default();
        let page = if page > 1 {
            page.to_string()
        } else {
            String::new()
        };
        let pairs = [
            ("q", self.q.as_str()),
            ("agency", self.agency.as_deref().unwrap_or_default()),
            ("category", self.category.map_or("", Category::key)),
            ("from", from.as_str()),
            ("to", to.as_str()),
            ("validity", self.validity.map_or("", Validity::key)),
            ("doc_number", self.doc_number.as_deref().unwrap_or_default()),
            ("page", page.as_str()),
        ];
        format!("/search{}", query_string(pairs))
    }

    /// The same text without filters.
    pub fn without_filters(&self) -> SearchParams {
        SearchParams {
            q: self.q.clone(),
            page: 1,
            ..SearchParams::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn parses_and_links_back() {
        let params = SearchParams::parse(&raw(&[
            ("q", "  预算 "),
            ("category", "art20_07"),
            ("from", "2024-01-01"),
            ("to", ""),
            ("validity", "valid"),
            ("page", "2"),
        ]))
        .expect("valid");
        assert_eq!(params.q, "预算");
        assert_eq!(params.category, Some(Category::Budget));
        assert!(params.has_filters() && params.is_search());
        assert_eq!(
            params.href(3),
            "/search?q=%E9%A2%84%E7%AE%97&category=art20_07&from=2024-01-01&validity=valid&page=3"
        );
        assert_eq!(
            params.without_filters().href(1),
            "/search?q=%E9%A2%84%E7%AE%97"
        );
        assert!(!SearchParams::parse(&raw(&[])).expect("empty").is_search());
    }

    #[test]
    fn rejects_malformed_values_naming_them() {
        let long = "长".repeat(MAX_QUERY_CHARS + 1);
        for (key, value, chinese) in [
            ("page", "abc", "页码"),
            ("page", "0", "页码"),
            ("page", "99999", "页码"),
            ("from", "2024-13-01", "发布日期（起）"),
            ("to", "yesterday", "发布日期（止）"),
            ("category", "art99", "信息分类"),
            ("validity", "maybe", "有效性"),
            ("q", long.as_str(), "检索词"),
        ] {
            match SearchParams::parse(&raw(&[(key, value)])) {
                Err(PageError::BadRequest { param, message }) => {
                    assert_eq!(param, key);
                    assert!(message.contains(chinese), "{message}");
                }
                other => panic!("{key}={value}: {other:?}"),
            }
        }
        let reversed = SearchParams::parse(&raw(&[("from", "2024-02-01"), ("to", "2024-01-01")]));
        assert!(matches!(
            reversed,
            Err(PageError::BadRequest { param: "to", .. })
        ));
    }
}
