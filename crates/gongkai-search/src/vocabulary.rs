//! “您是不是要找”: corrections from the vocabulary of published titles.
//!
//! The vocabulary is the set of jieba words (two or more Chinese
//! characters) of the titles in the index, with the number of titles that
//! have each, read from the term dictionary of the `title` field. A word of
//! a query that matches nothing is corrected to
//!
//! - for Latin letters (pinyin typed without the IME, `yusuan`): the most
//!   common title word, or fewest words, whose toneless pinyin spells them;
//! - for Chinese characters: the most common title word with the same
//!   pinyin (a homophone picked by mistake: 预酸 → 预算), else the most
//!   common word within one edit (two for words of five or more
//!   characters) of the same or a neighbouring length (预箅 → 预算).

use std::collections::HashMap;

use pinyin::ToPinyin;
use tantivy::Searcher;
use tantivy::index::SegmentId;
use tantivy::schema::Field;

use crate::SearchError;

/// Longest pinyin word looked up, in letters (政府信息公开 is 21).
const MAX_PINYIN_WORD_LETTERS: usize = 30;

/// A word of the title vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    text: String,
    chars: usize,
    titles: u32,
}

/// The vocabulary of the titles of one state of the index.
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    words: Vec<Word>,
    /// Toneless pinyin → words, most common first.
    by_pinyin: HashMap<String, Vec<u32>>,
    /// Length in characters → words.
    by_chars: HashMap<usize, Vec<u32>>,
}

/// A cached vocabulary with the segments it was read from.
pub(crate) type CachedVocabulary = (Vec<SegmentId>, std::sync::Arc<Vocabulary>);

/// The segments of a searcher, which identify the vocabulary it has.
pub(crate) fn segment_ids(searcher: &Searcher) -> Vec<SegmentId> {
    searcher
        .segment_readers()
        .iter()
        .map(|s| s.segment_id())
        .collect()
}

/// Toneless pinyin of a word of Chinese characters; `None` when a
/// character has none.
pub(crate) fn pinyin_of(word: &str) -> Option<String> {
    let mut out = String::with_capacity(word.len() * 2);
    for reading in word.to_pinyin() {
        out.push_str(reading?.plain());
    }
    Some(out)
}

impl Vocabulary {
    /// Reads the words of `field` (the jieba title field) in every segment.
    pub fn read(searcher: &Searcher, field: Field) -> Result<Vocabulary, SearchError> {
        let mut titles: HashMap<String, u32> = HashMap::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let mut stream = inverted
                .terms()
                .stream()
                .map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                let Ok(word) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if word.chars().count() >= 2 && word.chars().all(is_han) {
                    *titles.entry(word.to_owned()).or_default() += stream.value().doc_freq;
                }
            }
        }
        Ok(Vocabulary::from_counts(titles))
    }

    fn from_counts(titles: HashMap<String, u32>) -> Vocabulary {
        let mut words: Vec<Word> = titles
            .into_iter()
            .map(|(text, titles)| Word {
                chars: text.chars().count(),
                text,
                titles,
            })
            .collect();
        words.sort_by(|a, b| b.titles.cmp(&a.titles).then_with(|| a.text.cmp(&b.text)));
        let mut vocabulary = Vocabulary::default();
        for (i, word) in words.iter().enumerate() {
            let id = u32::try_from(i).unwrap_or(u32::MAX);
            if let Some(key) = pinyin_of(&word.text) {
                vocabulary.by_pinyin.entry(key).or_default().push(id);
            }
            vocabulary.by_chars.entry(word.chars).or_default().push(id);
        }
        vocabulary.words = words;
        vocabulary
    }

    /// Number of distinct words.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.words.len()
    }

    fn word(&self, id: u32) -> &Word {
        &self.words[id as usize]
    }

    /// The correction of a word that matched nothing, if any.
    pub fn correct(&self, word: &str) -> Option<String> {
        let lower = word.to_lowercase();
        let letters: String = lower
            .chars()
            .filter(|c| !matches!(c, '\'' | '’' | '-'))
            .collect();
        if letters.len() >= 2 && letters.chars().all(|c| c.is_ascii_lowercase()) {
            return self.spelled_by_pinyin(&letters);
        }
        if !lower.chars().any(is_han) {
            return None;
        }
        if let Some(key) = pinyin_of(&lower)
            && let Some(&id) = self
                .by_pinyin
                .get(&key)
                .and_then(|ids| ids.iter().find(|&&id| self.word(id).text != lower))
        {
            return Some(self.word(id).text.clone());
        }
        self.within_edits(&lower)
    }

    /// The fewest, then most common, title words whose pinyin spells `letters`.
    fn spelled_by_pinyin(&self, letters: &str) -> Option<String> {
        let n = letters.len();
        // best[i]: (words, rarest word's titles, the words) covering letters[..i].
        let mut best: Vec<Option<(usize, u32, Vec<u32>)>> = vec![None; n + 1];
        best[0] = Some((0, u32::MAX, Vec::new()));
        for start in 0..n {
            let Some((count, rarest, words)) = best[start].clone() else {
                continue;
            };
            for end in start + 2..=n.min(start + MAX_PINYIN_WORD_LETTERS) {
                let Some(&id) = self
                    .by_pinyin
                    .get(&letters[start..end])
                    .and_then(|v| v.first())
                else {
                    continue;
                };
                let candidate = (count + 1, rarest.min(self.word(id).titles));
                let better = match &best[end] {
                    None => true,
                    Some((c, r, _)) => candidate.0 < *c || (candidate.0 == *c && candidate.1 > *r),
                };
                if better {
                    let mut path = words.clone();
                    path.push(id);
                    best[end] = Some((candidate.0, candidate.1, path));
                }
            }
        }
        let (_, _, path) = best[n].clone()?;
        Some(path.iter().map(|&id| self.word(id).text.as_str()).collect())
    }

    /// The closest, then most common, word within the allowed edits.
    fn within_edits(&self, word: &str) -> Option<String> {
        let chars = word.chars().count();
        let allowed = if chars >= 5 { 2 } else { 1 };
        let mut best: Option<(usize, u32, u32)> = None;
        for len in chars.saturating_sub(1).max(2)..=chars + 1 {
            for &id in self.by_chars.get(&len).into_iter().flatten() {
                let candidate = self.word(id);
                if candidate.text == word {
                    continue;
                }
                let distance = strsim::levenshtein(word, &candidate.text);
                if distance == 0 || distance > allowed {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((d, titles, _)) => {
                        distance < d || (distance == d && candidate.titles > titles)
                    }
                };
                if better {
                    best = Some((distance, candidate.titles, id));
                }
            }
        }
        best.map(|(_, _, id)| self.word(id).text.clone())
    }
}

/// Whether `c` is a Chinese character (CJK Unified Ideographs and their
/// extension A).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        let counts = [
            ("预算", 120),
            ("预案", 30),
            ("预警", 5),
            ("部门", 200),
            ("公开", 500),
            ("公告", 80),
            ("政府", 300),
            ("采购", 90),
            ("意向", 12),
            ("招生", 20),
            ("行政处罚", 40),
        ];
        Vocabulary::from_counts(counts.iter().map(|(w, n)| ((*w).to_owned(), *n)).collect())
    }

    #[test]
    fn homophones_and_pinyin_find_the_title_word() {
        let v = vocabulary();
        assert_eq!(v.len(), 11);
        assert_eq!(v.correct("预酸").as_deref(), Some("预算"));
        assert_eq!(v.correct("yusuan").as_deref(), Some("预算"));
        assert_eq!(v.correct("YuSuan").as_deref(), Some("预算"));
        assert_eq!(v.correct("bumenyusuan").as_deref(), Some("部门预算"));
        assert_eq!(v.correct("zhengfucaigou").as_deref(), Some("政府采购"));
    }

    #[test]
    fn a_wrong_character_is_corrected_to_the_most_common_neighbour() {
        let v = vocabulary();
        assert_eq!(v.correct("预箅").as_deref(), Some("预算"));
        assert_eq!(v.correct("行政处法").as_deref(), Some("行政处罚"));
    }

    #[test]
    fn nothing_close_gives_no_correction() {
        let v = vocabulary();
        assert_eq!(v.correct("量子纠缠"), None);
        assert_eq!(v.correct("xyzzy"), None);
        assert_eq!(v.correct("2024"), None);
    }
}
