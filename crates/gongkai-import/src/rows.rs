//! Matching printed row labels against the official labels of the domain.
//!
//! Printed labels differ from the official ones in brackets and punctuation
//! (full/half width), spaces, line breaks in the middle of words, typos
//! (上年转结, 重新出具已取信息, 其他法律行政止公开) and the group labels of a
//! vertically merged cell landing in the middle of a row label. Labels are
//! therefore compared by how much of the official label (without its
//! enumerator) appears, in order, in the printed text: the longest common
//! subsequence divided by the label's length.

use crate::lcs::Pattern;

/// Normalises printed text for comparison: removes whitespace, Markdown
/// emphasis and quotes; maps half-width brackets and punctuation to full width
/// and full-width digits and letters to ASCII.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() || matches!(c, '*' | '#' | '“' | '”' | '"' | '‘' | '’' | '\'' | '|')
        {
            continue;
        }
        let mapped = match c {
            '(' => '（',
            ')' => '）',
            ',' => '，',
            ':' => '：',
            ';' => '；',
            // “1、” and “1.” are the same enumerator.
            '、' if out.ends_with(|p: char| p.is_ascii_digit()) => '.',
            '\u{ff01}'..='\u{ff5e}' if !matches!(c, '（' | '）' | '，' | '：' | '；') => {
                char::from_u32(c as u32 - 0xfee0).unwrap_or(c)
            }
            _ => c,
        };
        out.push(mapped);
    }
    out
}

/// The label without its enumerator (“一、”, “（三）”, “1.”, “2、”) and without
/// a trailing parenthetical note, normalised: the part every printing shares.
/// Very short labels (“3.其他”, “（七）总计”) keep their enumerator, without
/// which they would be found in almost any text.
pub fn core(label: &str) -> String {
    let norm = normalize(label);
    let bare = strip_note(strip_enumerators(&norm));
    if bare.chars().count() <= 3 {
        strip_note(&norm).to_owned()
    } else {
        bare.to_owned()
    }
}

fn strip_enumerators(norm: &str) -> &str {
    let mut rest = norm;
    loop {
        let stripped = strip_enumerator(rest);
        if stripped.len() == rest.len() {
            break;
        }
        rest = stripped;
    }
    rest
}

fn strip_note(text: &str) -> &str {
    match text.rfind('（') {
        Some(i) if i > 0 && text.ends_with('）') && !text[..i].ends_with('）') => &text[..i],
        _ => text,
    }
}

fn strip_enumerator(text: &str) -> &str {
    const NUMERALS: &str = "一二三四五六七八九十";
    let mut chars = text.char_indices();
    match chars.next() {
        Some((_, '（')) => {
            let close = text.find('）');
            match close {
                Some(end)
                    if end > 3
                        && text[3..end]
                            .chars()
                            .all(|c| NUMERALS.contains(c) || c.is_ascii_digit()) =>
                {
                    &text[end + 3..]
                }
                _ => text,
            }
        }
        Some((_, c)) if NUMERALS.contains(c) || c.is_ascii_digit() => {
            let end = text
                .find(|ch: char| !(NUMERALS.contains(ch) || ch.is_ascii_digit()))
                .unwrap_or(text.len());
            let after = &text[end..];
            match after.chars().next() {
                Some(sep @ ('、' | '.' | '，')) => &after[sep.len_utf8()..],
                _ => text,
            }
        }
        _ => text,
    }
}

/// The share (0.0–1.0) of `core` found in order in `printed` (both normalised).
#[cfg(test)]
fn coverage(core: &str, printed: &str) -> f32 {
    let pattern = Pattern::new(core);
    let printed: Vec<char> = printed.chars().collect();
    let length = pattern.char_count();
    if length == 0 {
        0.0
    } else {
        pattern.common_length(&printed) as f32 / length as f32
    }
}

/// A row the matcher may assign a run of values to, with the label forms it answers to.
#[derive(Debug, Clone)]
pub struct Candidate<R> {
    /// The row.
    pub row: R,
    /// Normalised cores of the official label and its known variants,
    /// prepared for matching.
    pub cores: Vec<Pattern>,
    /// A row of the other format: the report may print it, but it is not
    /// expected, so it is accepted on a clear match only and skipping it is free.
    pub foreign: bool,
}

impl<R: Copy> Candidate<R> {
    /// A candidate for `row` printed as `label` or any of `variants`.
    pub fn new(row: R, label: &str, variants: &[&str]) -> Candidate<R> {
        let mut cores = vec![Pattern::new(&core(label))];
        cores.extend(variants.iter().map(|v| Pattern::new(&core(v))));
        Candidate {
            row,
            cores,
            foreign: false,
        }
    }

    /// The same candidate, marked as a row of the other format when `foreign`.
    pub fn foreign(self, foreign: bool) -> Candidate<R> {
        Candidate { foreign, ..self }
    }

    /// The best (coverage, matched characters) over the label's forms, for
    /// the characters of a printed label.
    fn coverage(&self, printed: &[char]) -> (f32, usize) {
        self.cores
            .iter()
            .map(|c| {
                let matched = c.common_length(printed);
                (matched as f32 / c.char_count().max(1) as f32, matched)
            })
            .fold((0.0, 0), |best, x| if x.0 > best.0 { x } else { best })
    }
}

/// How sure a match must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// The run has values: the next expected row is accepted on a partial label.
    Values,
    /// The run is all blank: only a clear label match of one of the next rows counts
    /// (header cells are blank too).
    BlankRun,
}

/// Picks the candidate (from `candidates`, in printed order, starting at the
/// next expected row) that `printed` names. Skipping expected rows costs a
/// little, so that a label that fits two rows goes to the earlier one; a
/// longer label found whole wins over a shorter one (the sub-row
/// “1.申请人无正当理由…” printed after its group label “（六）其他处理”).
pub fn best_match<R: Copy>(
    candidates: &[Candidate<R>],
    printed: &str,
    strictness: Strictness,
) -> Option<usize> {
    let printed: Vec<char> = printed.chars().collect();
    let mut best: Option<(usize, f32)> = None;
    // Expected rows of the report's own format skipped so far: rows of the
    // other format are not expected, so passing them costs nothing.
    let mut skip = 0;
    for (index, candidate) in candidates.iter().enumerate() {
        if strictness == Strictness::BlankRun && skip > 2 {
            break; // never acceptable: see below
        }
        let (cov, matched) = candidate.coverage(&printed);
        let acceptable = match strictness {
            Strictness::Values => cov >= 0.75 || (skip == 0 && !candidate.foreign && cov >= 0.5),
            Strictness::BlankRun => cov >= 0.8 && skip <= 2,
        };
        if acceptable {
            let score = cov - 0.1 * skip as f32 + 0.01 * matched as f32;
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((index, score));
            }
        }
        if !candidate.foreign {
            skip += 1;
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_brackets_and_spaces() {
        assert_eq!(
            normalize("(二) 部分公开 (区分处理的,只计这一情形)"),
            "（二）部分公开（区分处理的，只计这一情形）"
        );
        assert_eq!(normalize("3.危及“三安全一稳定”"), "3.危及三安全一稳定");
        assert_eq!(normalize("１２３"), "123");
    }

    #[test]
    fn cores_drop_enumerators_and_notes() {
        assert_eq!(
            core("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            "部分公开"
        );
        assert_eq!(
            core("一、本年新收政府信息公开申请数量"),
            "本年新收政府信息公开申请数量"
        );
        assert_eq!(core("3.其他"), "3.其他");
        assert_eq!(core("3、其他"), "3.其他");
        assert_eq!(core("（七）总计"), "（七）总计");
        assert_eq!(
            core("2、申请人逾期未按收费通知要求缴纳费用"),
            "申请人逾期未按收费通知要求缴纳费用"
        );
        assert_eq!(core("（六）其他处理"), "其他处理");
        assert_eq!(core("三、本年度办理结果"), "本年度办理结果");
    }

    #[test]
    fn coverage_tolerates_typos_and_interleaving() {
        assert!(
            coverage(
                &core("2.其他法律行政法规禁止公开"),
                &normalize("2.其他法律行政止公开")
            ) > 0.7
        );
        assert_eq!(coverage("上年结转", "上年转结"), 0.75);
        assert_eq!(coverage("其他处理", "（六）其他处理"), 1.0);
    }

    #[test]
    fn prefers_the_expected_row() {
        let candidates = vec![
            Candidate::new(1, "（六）其他处理", &[]),
            Candidate::new(
                2,
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                &[],
            ),
        ];
        let printed =
            normalize("具已获取信息1、申请人无正当理由逾期不补正、行政机关不再处理其政府信");
        assert_eq!(
            best_match(&candidates, &printed, Strictness::Values),
            Some(1)
        );
        assert_eq!(
            best_match(&candidates, "（六）其他处理", Strictness::Values),
            Some(0)
        );
        assert_eq!(
            best_match(&candidates, "无关文字", Strictness::Values),
            None
        );
    }
}
