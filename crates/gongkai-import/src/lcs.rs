//! Longest common subsequence lengths against a fixed pattern, computed
//! bit-parallel (Allison–Dix / Hyyrö): one word operation per character of
//! the text instead of one per pair of characters.
//!
//! A [`Pattern`] is prepared once per official label (in a `LazyLock`), so
//! matching a printed label costs a lookup and four word operations per
//! printed character.

/// A pattern prepared for LCS lengths: for each distinct character, the bit
/// mask of its positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The pattern's characters (kept for patterns longer than one word).
    chars: Vec<char>,
    /// `(character, positions)`, sorted by character, for patterns of at most 64 characters.
    masks: Vec<(char, u64)>,
    /// Bit `c % 64` is set for every character `c` of the pattern: a quick
    /// test that spares most lookups of characters the pattern lacks.
    filter: u64,
}

/// Longest pattern handled by the one-word algorithm.
const WORD: usize = 64;

impl Pattern {
    /// Prepares `text` as a pattern.
    pub fn new(text: &str) -> Pattern {
        let chars: Vec<char> = text.chars().collect();
        let mut masks: Vec<(char, u64)> = Vec::new();
        if chars.len() <= WORD {
            for (i, &c) in chars.iter().enumerate() {
                match masks.iter_mut().find(|(m, _)| *m == c) {
                    Some((_, bits)) => *bits |= 1 << i,
                    None => masks.push((c, 1 << i)),
                }
            }
            masks.sort_unstable_by_key(|&(c, _)| c);
        }
        let filter = chars.iter().fold(0, |f, &c| f | 1 << (c as u32 % 64));
        Pattern {
            chars,
            masks,
            filter,
        }
    }

    /// The pattern's length in characters.
    pub fn char_count(&self) -> usize {
        self.chars.len()
    }

    /// The length of the longest common subsequence of the pattern and `text`.
    pub fn common_length(&self, text: &[char]) -> usize {
        if self.chars.is_empty() {
            return 0;
        }
        if self.chars.len() > WORD {
            return dynamic(&self.chars, text);
        }
        // Bit i of `v` is 0 where row i of the DP table steps up.
        let mut v: u64 = !0;
        for c in text {
            let m = self.mask(*c);
            if m != 0 {
                let u = v & m;
                v = v.wrapping_add(u) | (v & !m);
            }
        }
        let used = if self.chars.len() == WORD {
            !0
        } else {
            (1u64 << self.chars.len()) - 1
        };
        (!v & used).count_ones() as usize
    }

    fn mask(&self, c: char) -> u64 {
        if self.filter & 1 << (c as u32 % 64) == 0 {
            return 0;
        }
        match self.masks.binary_search_by_key(&c, |&(m, _)| m) {
            Ok(i) => self.masks[i].1,
            Err(_) => 0,
        }
    }
}

/// The textbook O(|a|·|b|) LCS length, for patterns longer than a word.
fn dynamic(a: &[char], b: &[char]) -> usize {
    let mut prev = vec![0usize; a.len() + 1];
    let mut cur = vec![0usize; a.len() + 1];
    for &cb in b {
        for (i, &ca) in a.iter().enumerate() {
            cur[i + 1] = if ca == cb {
                prev[i] + 1
            } else {
                prev[i + 1].max(cur[i])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[a.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lcs(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        Pattern::new(a).common_length(&b)
    }

    #[test]
    fn agrees_with_the_dynamic_programme() {
        let texts = [
            "",
            "上年结转",
            "上年转结",
            "其他法律行政法规禁止公开",
            "2.其他法律行政止公开",
            "申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",
            "abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "bacbacbacbacbacbacbacbacbacbacbacbacbacbacbacbacbacbacbacbacbacb",
        ];
        for a in texts {
            for b in texts {
                let ac: Vec<char> = a.chars().collect();
                let bc: Vec<char> = b.chars().collect();
                assert_eq!(lcs(a, b), dynamic(&ac, &bc), "{a} / {b}");
            }
        }
        assert_eq!(lcs("上年结转", "上年转结"), 3);
    }

    #[test]
    fn pseudo_random_strings_agree() {
        let mut seed: u32 = 12345;
        let mut next = || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            seed >> 16
        };
        for _ in 0..300 {
            let la = (next() % 70) as usize;
            let lb = (next() % 90) as usize;
            let a: String = (0..la)
                .map(|_| char::from(b'a' + (next() % 4) as u8))
                .collect();
            let b: Vec<char> = (0..lb)
                .map(|_| char::from(b'a' + (next() % 4) as u8))
                .collect();
            let ac: Vec<char> = a.chars().collect();
            assert_eq!(Pattern::new(&a).common_length(&b), dynamic(&ac, &b));
        }
    }
}
