//! The rule that generates 索引号 (index numbers) of catalog items, e.g.
//! `{agency_code}/{year}-{seq:05}` → `330424101/2024-00012`.

use std::fmt::Write;

use crate::StoreError;

/// A parsed 索引号 rule.
///
/// Placeholders: `{agency_code}`, `{year}`, and exactly one `{seq}` or
/// `{seq:0N}` (zero-padded to N digits), the per-agency, per-year sequence number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexRule {
    pattern: String,
    parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Literal(String),
    AgencyCode,
    Year,
    Seq { width: usize },
}

/// The rule used when none is configured.
pub const DEFAULT_INDEX_RULE: &str = "{agency_code}/{year}-{seq:05}";

impl Default for IndexRule {
    fn default() -> IndexRule {
        // The default pattern is known to parse.
        IndexRule::parse(DEFAULT_INDEX_RULE).unwrap_or(IndexRule {
            pattern: DEFAULT_INDEX_RULE.to_owned(),
            parts: vec![
                Part::AgencyCode,
                Part::Literal("/".into()),
                Part::Year,
                Part::Literal("-".into()),
                Part::Seq { width: 5 },
            ],
        })
    }
}

impl IndexRule {
    /// Parses a pattern, rejecting unknown placeholders and patterns without exactly one `{seq}`.
    pub fn parse(pattern: &str) -> Result<IndexRule, StoreError> {
        let mut parts = Vec::new();
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                parts.push(Part::Literal(rest[..open].to_owned()));
            }
            let close = rest[open..].find('}').map(|c| open + c).ok_or_else(|| {
                StoreError::IndexRule(format!("“{pattern}”中的“{{”没有对应的“}}”"))
            })?;
            let name = &rest[open + 1..close];
            parts.push(match name {
                "agency_code" => Part::AgencyCode,
                "year" => Part::Year,
                "seq" => Part::Seq { width: 0 },
                _ => match name.strip_prefix("seq:0").and_then(|w| w.parse::<usize>().ok()) {
                    Some(width) if (1..=12).contains(&width) => Part::Seq { width },
                    _ => {
                        return Err(StoreError::IndexRule(format!(
                            "未知的占位符“{{{name}}}”；可用 {{agency_code}}、{{year}}、{{seq}} 或 {{seq:05}}"
                        )));
                    }
                },
            });
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            parts.push(Part::Literal(rest.to_owned()));
        }
        if parts
            .iter()
            .filter(|p| matches!(p, Part::Seq { .. }))
            .count()
            != 1
        {
            return Err(StoreError::IndexRule(format!(
                "“{pattern}”必须恰好包含一个 {{seq}} 序号"
            )));
        }
        Ok(IndexRule {
            pattern: pattern.to_owned(),
            parts,
        })
    }

    /// The pattern as written.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// The 索引号 for the `seq`-th item of `agency_code` in `year`.
    pub fn format(&self, agency_code: &str, year: i32, seq: u32) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Literal(text) => out.push_str(text),
                Part::AgencyCode => out.push_str(agency_code),
                Part::Year => {
                    let _ = write!(out, "{year}");
                }
                Part::Seq { width } => {
                    let _ = write!(out, "{seq:0width$}");
                }
            }
        }
        out
    }

    /// Everything before the sequence number for `agency_code` and `year`: all
    /// index numbers of that agency and year start with it.
    pub fn prefix(&self, agency_code: &str, year: i32) -> String {
        let before: Vec<Part> = self
            .parts
            .iter()
            .take_while(|p| !matches!(p, Part::Seq { .. }))
            .cloned()
            .collect();
        IndexRule {
            pattern: String::new(),
            parts: before,
        }
        .format(agency_code, year, 0)
    }

    /// The sequence number of `index_no` if it was made by this rule for `agency_code` and `year`.
    pub fn seq_of(&self, index_no: &str, agency_code: &str, year: i32) -> Option<u32> {
        let prefix = self.prefix(agency_code, year);
        let after: Vec<Part> = self
            .parts
            .iter()
            .skip_while(|p| !matches!(p, Part::Seq { .. }))
            .skip(1)
            .cloned()
            .collect();
        let suffix = IndexRule {
            pattern: String::new(),
            parts: after,
        }
        .format(agency_code, year, 0);
        let digits = index_no.strip_prefix(&prefix)?.strip_suffix(&suffix)?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_rule_formats_and_reads_back() {
        let rule = IndexRule::default();
        assert_eq!(rule.format("330424101", 2024, 12), "330424101/2024-00012");
        assert_eq!(rule.prefix("330424101", 2024), "330424101/2024-");
        assert_eq!(
            rule.seq_of("330424101/2024-00012", "330424101", 2024),
            Some(12)
        );
        assert_eq!(rule.seq_of("330424101/2023-00012", "330424101", 2024), None);
    }

    #[test]
    fn custom_rules_and_errors() {
        let rule = IndexRule::parse("HY-{year}-{agency_code}-{seq}号").expect("parses");
        assert_eq!(rule.format("czj", 2025, 7), "HY-2025-czj-7号");
        assert_eq!(rule.seq_of("HY-2025-czj-7号", "czj", 2025), Some(7));
        for bad in [
            "{agency_code}/{year}",
            "{seq}{seq}",
            "{foo}-{seq}",
            "{seq",
            "{seq:013}",
        ] {
            assert!(IndexRule::parse(bad).is_err(), "{bad}");
        }
    }
}
