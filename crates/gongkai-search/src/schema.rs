//! The tantivy schema of the catalog index and its analyzers.
//!
//! Titles are indexed twice:
//!
//! - as jieba words (`title`, [`ZH_ANALYZER`]; search mode, so a long word
//!   such as 中华人民共和国 also yields 中华, 人民, 共和国 …) — the words rank
//!   hits and form the vocabulary of "did you mean";
//! - as overlapping character bigrams with positions (`title_grams`,
//!   [`GRAM_ANALYZER`]) — what matching is decided on, so that any run of
//!   characters that stands in a title is found whatever jieba made of it
//!   (中小学校车 is cut 中小学校|车, yet 校车 is the bigram 校车).
//!
//! Bodies are indexed as bigrams only (`body_grams`) and stored in `body`.
//! Keys (索引号, agency code, category, validity, 文号) are indexed verbatim
//! with the `raw` tokenizer, so filters are exact term matches.
//!
//! jieba's general dictionary is extended with the disclosure vocabulary of
//! `disclosure_words.txt` and, at run time, with the words administrators
//! add ([`Dictionary::set_user_words`]).

use std::sync::{Arc, LazyLock, RwLock};

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
    TokenizerManager,
};
use tantivy_jieba::jieba_rs::{Jieba, TokenizeMode};

/// Name under which the jieba analyzer is registered with tantivy.
pub(crate) const ZH_ANALYZER: &str = "gongkai_zh";
/// Name under which the character-bigram analyzer is registered.
pub(crate) const GRAM_ANALYZER: &str = "gongkai_grams";

/// Tokens longer than this many bytes (e.g. base64 blobs pasted into a body)
/// are not indexed.
const MAX_TOKEN_BYTES: usize = 80;

/// Longest word an administrator may add, in characters.
pub const MAX_USER_WORD_CHARS: usize = 20;

/// The built-in disclosure vocabulary.
const DISCLOSURE_WORDS: &str = include_str!("disclosure_words.txt");

/// The words of a word list: one per line, `#` starts a comment line.
pub(crate) fn word_list(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// jieba with its general dictionary and the disclosure vocabulary, loaded
/// once per process (≈ 0.2 s).
static BASE_JIEBA: LazyLock<Arc<Jieba>> = LazyLock::new(|| {
    let mut jieba = Jieba::new();
    for word in word_list(DISCLOSURE_WORDS) {
        jieba.add_word(word, None, None);
    }
    Arc::new(jieba)
});

/// The segmentation dictionary of one index, shared by its analyzers (index
/// and query side), replaceable while the index is in use.
#[derive(Clone)]
pub(crate) struct Dictionary(Arc<RwLock<Arc<Jieba>>>);

impl Dictionary {
    /// The general dictionary and the disclosure vocabulary.
    pub fn new() -> Self {
        Dictionary(Arc::new(RwLock::new(BASE_JIEBA.clone())))
    }

    /// The jieba instance in force.
    pub fn current(&self) -> Arc<Jieba> {
        match self.0.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Replaces the administrators' words (those added before are dropped).
    pub fn set_user_words(&self, words: &[String]) {
        let jieba = if words.is_empty() {
            BASE_JIEBA.clone()
        } else {
            let mut jieba = Jieba::clone(&BASE_JIEBA);
            for word in words {
                jieba.add_word(word, None, None);
            }
            Arc::new(jieba)
        };
        match self.0.write() {
            Ok(mut guard) => *guard = jieba,
            Err(poisoned) => *poisoned.into_inner() = jieba,
        }
    }
}

/// Checks a word an administrator wants to add; the error says why not.
pub fn check_user_word(word: &str) -> Result<(), String> {
    let chars = word.chars().count();
    if chars < 2 {
        return Err("词语至少应有 2 个字".to_owned());
    }
    if chars > MAX_USER_WORD_CHARS {
        return Err(format!("词语不能超过 {MAX_USER_WORD_CHARS} 个字"));
    }
    if let Some(c) = word.chars().find(|c| !c.is_alphanumeric()) {
        return Err(format!(
            "词语只能由汉字、字母和数字组成，不能含“{}”",
            if c.is_whitespace() { '␣' } else { c }
        ));
    }
    Ok(())
}

/// Handles to every field of the schema.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// 索引号, the unique key (raw, stored).
    pub index_no: Field,
    /// Title as jieba words (frequencies, no positions), stored.
    pub title: Field,
    /// Title as character bigrams with positions.
    pub title_grams: Field,
    /// Body, stored only (for snippets).
    pub body: Field,
    /// Body as character bigrams with positions.
    pub body_grams: Field,
    /// Agency code (raw).
    pub agency_code: Field,
    /// Agency display name (stored only).
    pub agency_name: Field,
    /// Art. 20 category key (raw, stored).
    pub category: Field,
    /// Normalised 文号 (raw, stored).
    pub doc_number: Field,
    /// Publication date as days since 0001-01-01 (indexed, fast, stored).
    pub published_days: Field,
    /// Validity key (raw, stored).
    pub validity: Field,
    /// Edge n-grams of the title starting at word boundaries, for suggestions.
    pub suggest: Field,
}

/// Builds the schema and returns it with its field handles.
pub(crate) fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let words = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ZH_ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqs),
        )
        .set_stored();
    let grams = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(GRAM_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let suggest_opts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        index_no: b.add_text_field("index_no", STRING | STORED),
        title: b.add_text_field("title", words),
        title_grams: b.add_text_field("title_grams", grams.clone()),
        body: b.add_text_field("body", STORED),
        body_grams: b.add_text_field("body_grams", grams),
        agency_code: b.add_text_field("agency_code", STRING | STORED),
        agency_name: b.add_text_field("agency_name", STORED),
        category: b.add_text_field("category", STRING | STORED),
        doc_number: b.add_text_field("doc_number", STRING | STORED),
        published_days: b.add_i64_field("published_days", INDEXED | FAST | STORED),
        validity: b.add_text_field("validity", STRING | STORED),
        suggest: b.add_text_field("suggest", suggest_opts),
    };
    (b.build(), fields)
}

/// The tokenizer manager with the default tokenizers plus [`ZH_ANALYZER`]
/// (over `dictionary`) and [`GRAM_ANALYZER`].
pub(crate) fn tokenizers(dictionary: &Dictionary) -> TokenizerManager {
    let manager = TokenizerManager::default();
    manager.register(ZH_ANALYZER, zh_analyzer(dictionary, true));
    manager.register(GRAM_ANALYZER, gram_analyzer());
    manager
}

/// The jieba analyzer. `search_mode` also emits the shorter dictionary
/// words inside long words (used for indexing); without it jieba emits one
/// non-overlapping segmentation (used to cut a query into words and for
/// suggestion word boundaries).
pub(crate) fn zh_analyzer(dictionary: &Dictionary, search_mode: bool) -> TextAnalyzer {
    TextAnalyzer::builder(JiebaWords {
        dictionary: dictionary.clone(),
        search_mode,
    })
    .filter(WordOnlyFilter)
    .filter(LowerCaser)
    .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
    .build()
}

/// The character-bigram analyzer ([`CharGrams`]).
pub(crate) fn gram_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(CharGrams).build()
}

/// jieba over a replaceable [`Dictionary`] (tantivy-jieba's tokenizer owns
/// its dictionary, so every clone of it would copy 350,000 words).
#[derive(Clone)]
struct JiebaWords {
    dictionary: Dictionary,
    search_mode: bool,
}

impl Tokenizer for JiebaWords {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        let jieba = self.dictionary.current();
        let mode = if self.search_mode {
            TokenizeMode::Search
        } else {
            TokenizeMode::Default
        };
        let tokens = jieba
            .tokenize(text, mode, true)
            .into_iter()
            .map(|t| {
                let offset_from = t.word.as_ptr() as usize - text.as_ptr() as usize;
                Token {
                    offset_from,
                    offset_to: offset_from + t.word.len(),
                    position: t.start,
                    text: t.word.to_owned(),
                    position_length: t.end - t.start,
                }
            })
            .collect();
        VecTokenStream::new(tokens)
    }
}

/// Overlapping character bigrams of every run of letters, digits and
/// Chinese characters, plus the last character of each run on its own.
///
/// `中小学校车。` gives 中小@0 小学@1 学校@2 校车@3 车@4: any run of two or
/// more characters of the text is a phrase of bigrams, and any single
/// character is either the start of a bigram or a run's last character, so
/// a one-character query is a prefix of terms. Letters are lowercased and
/// full-width letters and digits read as ASCII; runs are separated by a gap
/// in positions, so a phrase never spans punctuation.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CharGrams;

/// Normalised form of a character for [`CharGrams`]: full-width ASCII as
/// ASCII, letters lowercased; `None` for anything but letters and digits.
pub(crate) fn gram_char(c: char) -> Option<char> {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    if !c.is_alphanumeric() {
        return None;
    }
    Some(c.to_lowercase().next().unwrap_or(c))
}

impl Tokenizer for CharGrams {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        let mut tokens = Vec::with_capacity(text.len() / 2);
        let mut run: Vec<(usize, usize, char)> = Vec::new();
        let mut position = 0;
        let mut flush = |run: &mut Vec<(usize, usize, char)>, position: &mut usize| {
            for (i, &(from, to, c)) in run.iter().enumerate() {
                let (offset_to, text) = match run.get(i + 1) {
                    Some(&(_, next_to, next)) => (next_to, [c, next].iter().collect()),
                    None => (to, c.to_string()),
                };
                tokens.push(Token {
                    offset_from: from,
                    offset_to,
                    position: *position + i,
                    text,
                    position_length: 1,
                });
            }
            if !run.is_empty() {
                *position += run.len() + 1;
            }
            run.clear();
        };
        for (from, c) in text.char_indices() {
            match gram_char(c) {
                Some(n) => run.push((from, from + c.len_utf8(), n)),
                None => flush(&mut run, &mut position),
            }
        }
        flush(&mut run, &mut position);
        VecTokenStream::new(tokens)
    }
}

/// A token stream over tokens computed up front.
pub(crate) struct VecTokenStream {
    tokens: Vec<Token>,
    next: usize,
    current: Token,
}

impl VecTokenStream {
    fn new(tokens: Vec<Token>) -> Self {
        VecTokenStream {
            tokens,
            next: 0,
            current: Token::default(),
        }
    }
}

impl TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        match self.tokens.get_mut(self.next) {
            Some(token) => {
                self.current = std::mem::take(token);
                self.next += 1;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

/// Keeps only tokens containing at least one alphanumeric character (CJK
/// ideographs count), so punctuation such as `，《》〔〕` and spaces, which
/// jieba emits as tokens, are not indexed.
#[derive(Clone, Copy, Debug)]
struct WordOnlyFilter;

impl TokenFilter for WordOnlyFilter {
    type Tokenizer<T: Tokenizer> = WordOnlyWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> WordOnlyWrapper<T> {
        WordOnlyWrapper { inner: tokenizer }
    }
}

/// Tokenizer produced by [`WordOnlyFilter`].
#[derive(Clone)]
struct WordOnlyWrapper<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for WordOnlyWrapper<T> {
    type TokenStream<'a> = WordOnlyStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        WordOnlyStream {
            tail: self.inner.token_stream(text),
        }
    }
}

/// Token stream produced by [`WordOnlyWrapper`].
struct WordOnlyStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for WordOnlyStream<T> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            if self.tail.token().text.chars().any(char::is_alphanumeric) {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(search_mode: bool, text: &str) -> Vec<String> {
        let mut analyzer = zh_analyzer(&Dictionary::new(), search_mode);
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push(t.text.clone());
        }
        out
    }

    #[test]
    fn punctuation_is_dropped_and_latin_lowercased() {
        let t = tokens(true, "关于印发《海盐县PM2.5管理办法》的通知");
        assert!(
            t.iter().all(|t| t.chars().any(char::is_alphanumeric)),
            "{t:?}"
        );
        assert!(t.iter().any(|t| t == "通知"), "{t:?}");
        assert!(
            !t.iter().any(|t| t.chars().any(|c| c.is_ascii_uppercase())),
            "{t:?}"
        );
    }

    #[test]
    fn two_character_words_are_tokens() {
        let t = tokens(true, "海盐县政府信息公开工作年度报告");
        assert!(t.iter().any(|t| t == "公开"), "{t:?}");
        assert!(t.iter().any(|t| t == "信息"), "{t:?}");
    }

    fn grams(text: &str) -> Vec<(String, usize)> {
        let mut analyzer = gram_analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            assert_eq!(
                &text[t.offset_from..t.offset_to].chars().count(),
                &t.text.chars().count()
            );
            out.push((t.text.clone(), t.position));
        }
        out
    }

    #[test]
    fn bigrams_overlap_within_runs_and_never_span_punctuation() {
        let g = grams("中小学校车。ＰＭ2.5");
        let expected: Vec<(String, usize)> = [
            ("中小", 0),
            ("小学", 1),
            ("学校", 2),
            ("校车", 3),
            ("车", 4),
            ("pm", 6),
            ("m2", 7),
            ("2", 8),
            ("5", 10),
        ]
        .iter()
        .map(|(t, p)| ((*t).to_owned(), *p))
        .collect();
        assert_eq!(g, expected);
        assert!(grams("《》， ").is_empty());
    }

    #[test]
    fn disclosure_words_are_single_words_and_user_words_can_be_added() {
        let dictionary = Dictionary::new();
        let cut = |d: &Dictionary, text: &str| {
            let mut analyzer = zh_analyzer(d, false);
            let mut stream = analyzer.token_stream(text);
            let mut out = Vec::new();
            while let Some(t) = stream.next() {
                out.push(t.text.clone());
            }
            out
        };
        assert!(cut(&dictionary, "政府采购意向公开").contains(&"政府采购意向".to_owned()));
        assert!(!cut(&dictionary, "海塘安澜工程").contains(&"海塘安澜".to_owned()));
        dictionary.set_user_words(&["海塘安澜".to_owned()]);
        assert!(cut(&dictionary, "海塘安澜工程").contains(&"海塘安澜".to_owned()));
        dictionary.set_user_words(&[]);
        assert!(!cut(&dictionary, "海塘安澜工程").contains(&"海塘安澜".to_owned()));
    }

    #[test]
    fn user_words_are_checked() {
        assert!(check_user_word("海塘安澜").is_ok());
        for bad in [
            "海",
            "海 塘",
            "海塘<b>",
            &"长".repeat(MAX_USER_WORD_CHARS + 1),
        ] {
            assert!(check_user_word(bad).is_err(), "{bad}");
        }
    }
}
