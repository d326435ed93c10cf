//! The query parameters of `/search`, validated, and the links built from them.

use std::collections::HashMap;

use chrono::NaiveDate;
use gongkai_search::{SearchQuery, SortOrder};
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
    /// `sort`: `date` for newest first, otherwise by relevance.
    pub sort: SortOrder,
    /// `page`, from 1.
    pub page: u32,
    /// What was changed in the input to make it searchable (a query cut to
    /// length, dates swapped or ignored), shown above the results.
    pub notes: Vec<String>,
}

/// A 400 naming the parameter, with the Chinese name first in the message.
fn bad(param: &'static str, message: String) -> PageError {
    PageError::BadRequest { param, message }
}

/// The trimmed value of `key`, `None` when absent or blank.
fn value<'a>(raw: &'a HashMap<String, String>, key: &str) -> Option<&'a str> {
    raw.get(key).map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// Text without control characters, trimmed; text over `max` characters
/// is cut to `max` with a note.
fn text(
    raw: &HashMap<String, String>,
    key: &str,
    label: &str,
    max: usize,
    notes: &mut Vec<String>,
) -> Option<String> {
    let v = value(raw, key)?;
    let cleaned: String = v
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let cleaned = if cleaned.chars().count() > max {
        notes.push(format!("{label}超过 {max} 个字，已按前 {max} 个字检索。"));
        cleaned.chars().take(max).collect()
    } else {
        cleaned
    };
    Some(cleaned.trim().to_owned()).filter(|s| !s.is_empty())
}

/// A date in `YYYY-MM-DD`; anything else is ignored with a note.
fn date(
    raw: &HashMap<String, String>,
    key: &str,
    label: &str,
    notes: &mut Vec<String>,
) -> Option<NaiveDate> {
    let v = value(raw, key)?;
    match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        Ok(date) => Some(date),
        Err(_) => {
            notes.push(format!(
                "{label}“{}”不是有效日期（应为 2024-03-01 这样的格式），已忽略。",
                truncate(v)
            ));
            None
        }
    }
}

impl SearchParams {
    /// Reads the parameters. What a person types or picks in the form never
    /// fails: a query over [`MAX_QUERY_CHARS`] is cut, an unreadable date
    /// ignored, a reversed date range swapped, each with a note. A category,
    /// validity or page that no form or link produces is a 400 naming it.
    pub fn parse(raw: &HashMap<String, String>) -> Result<SearchParams, PageError> {
        let mut notes = Vec::new();
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
        let mut from = date(raw, "from", "发布日期（起）", &mut notes);
        let mut to = date(raw, "to", "发布日期（止）", &mut notes);
        if let (Some(start), Some(end)) = (from, to)
            && start > end
        {
            notes.push(format!(
                "发布日期（止）{end} 早于（起）{start}，已按 {end} 至 {start} 检索。"
            ));
            (from, to) = (Some(end), Some(start));
        }
        let sort = match value(raw, "sort") {
            Some("date") => SortOrder::Newest,
            _ => SortOrder::Relevance,
        };
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
        let q = text(raw, "q", "检索词", MAX_QUERY_CHARS, &mut notes).unwrap_or_default();
        let doc_number = text(raw, "doc_number", "文号", MAX_DOC_NUMBER_CHARS, &mut notes);
        Ok(SearchParams {
            q,
            agency: value(raw, "agency").map(str::to_owned),
            category,
            from,
            to,
            validity,
            doc_number,
            sort,
            page,
            notes,
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
            sort: self.sort,
            page: self.page,
            per_page: PER_PAGE,
        }
    }

    /// The same search sorted by `sort`, from page 1.
    pub fn sorted(&self, sort: SortOrder) -> SearchParams {
        SearchParams {
            sort,
            page: 1,
            notes: Vec::new(),
            ..self.clone()
        }
    }

    /// The same filters with text `q`, from page 1.
    pub fn with_text(&self, q: &str) -> SearchParams {
        SearchParams {
            q: q.to_owned(),
            page: 1,
            notes: Vec::new(),
            ..self.clone()
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
            (
                "sort",
                match self.sort {
                    SortOrder::Relevance => "",
                    SortOrder::Newest => "date",
                },
            ),
            ("page", page.as_str()),
        ];
        format!("/search{}", query_string(pairs))
    }

    /// The same text (and order) without filters.
    pub fn without_filters(&self) -> SearchParams {
        SearchParams {
            q: self.q.clone(),
            sort: self.sort,
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
        for (key, value, chinese) in [
            ("page", "abc", "页码"),
            ("page", "0", "页码"),
            ("page", "99999", "页码"),
            ("category", "art99", "信息分类"),
            ("validity", "maybe", "有效性"),
        ] {
            match SearchParams::parse(&raw(&[(key, value)])) {
                Err(PageError::BadRequest { param, message }) => {
                    assert_eq!(param, key);
                    assert!(message.contains(chinese), "{message}");
                }
                other => panic!("{key}={value}: {other:?}"),
            }
        }
    }

    #[test]
    fn typed_input_is_repaired_with_a_note() {
        let long = format!("{}尾巴", "长".repeat(MAX_QUERY_CHARS - 1));
        let params = SearchParams::parse(&raw(&[("q", long.as_str())])).expect("cut");
        assert_eq!(params.q.chars().count(), MAX_QUERY_CHARS);
        assert!(params.q.ends_with('尾'), "{}", params.q);
        assert!(params.notes[0].contains("100 个字"), "{:?}", params.notes);

        let params = SearchParams::parse(&raw(&[("from", "2024-02-01"), ("to", "2024-01-01")]))
            .expect("swapped");
        assert_eq!(params.from, NaiveDate::from_ymd_opt(2024, 1, 1));
        assert_eq!(params.to, NaiveDate::from_ymd_opt(2024, 2, 1));
        assert!(
            params.notes[0].contains("已按 2024-01-01 至 2024-02-01"),
            "{:?}",
            params.notes
        );

        let params = SearchParams::parse(&raw(&[
            ("q", "预算"),
            ("from", "2024-13-01"),
            ("to", "昨天"),
        ]))
        .expect("ignored");
        assert_eq!((params.from, params.to), (None, None));
        assert_eq!(params.notes.len(), 2, "{:?}", params.notes);
        assert!(
            params.notes[1].contains("发布日期（止）“昨天”"),
            "{:?}",
            params.notes
        );
    }

    #[test]
    fn sort_by_date_is_kept_in_links() {
        let params = SearchParams::parse(&raw(&[("q", "预算"), ("sort", "date"), ("page", "2")]))
            .expect("valid");
        assert_eq!(params.sort, SortOrder::Newest);
        assert!(
            params.href(3).ends_with("&sort=date&page=3"),
            "{}",
            params.href(3)
        );
        assert!(!params.sorted(SortOrder::Relevance).href(1).contains("sort"));
    }
}
