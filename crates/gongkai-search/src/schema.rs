//! The tantivy schema of the catalog index and the Chinese analyzers.
//!
//! Free text (`title`, `body`) goes through jieba in *search mode* (a long
//! word such as 中华人民共和国 also yields 中华, 人民, 共和国 …), then a filter
//! that drops punctuation and whitespace tokens, a lowercaser (for Latin
//! letters in titles, e.g. "PM2.5") and a length guard. Keys (索引号, agency
//! code, category, validity, 文号) are indexed verbatim with the `raw`
//! tokenizer, so filters are exact term matches.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
    TokenizerManager,
};
use tantivy_jieba::JiebaTokenizer;

/// Name under which the Chinese analyzer is registered with tantivy.
pub(crate) const ZH_ANALYZER: &str = "gongkai_zh";

/// Tokens longer than this many bytes (e.g. base64 blobs pasted into a body)
/// are not indexed.
const MAX_TOKEN_BYTES: usize = 80;

/// Handles to every field of the schema.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// 索引号, the unique key (raw, stored).
    pub index_no: Field,
    /// Title, jieba-analysed with positions, stored.
    pub title: Field,
    /// Body, jieba-analysed with positions, stored (for snippets).
    pub body: Field,
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
    let zh_indexing = TextFieldIndexing::default()
        .set_tokenizer(ZH_ANALYZER)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let zh_stored = TextOptions::default()
        .set_indexing_options(zh_indexing)
        .set_stored();
    let suggest_opts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        index_no: b.add_text_field("index_no", STRING | STORED),
        title: b.add_text_field("title", zh_stored.clone()),
        body: b.add_text_field("body", zh_stored),
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

/// The tokenizer manager with the default tokenizers plus [`ZH_ANALYZER`].
pub(crate) fn tokenizers() -> TokenizerManager {
    let manager = TokenizerManager::default();
    manager.register(ZH_ANALYZER, zh_analyzer(true));
    manager
}

/// The Chinese analyzer. `search_mode` also emits the shorter dictionary
/// words inside long words (used for indexing); without it jieba emits one
/// non-overlapping segmentation (used for the words a query requires and
/// suggestion word boundaries).
pub(crate) fn zh_analyzer(search_mode: bool) -> TextAnalyzer {
    TextAnalyzer::builder(JiebaTokenizer::with_search_mode(search_mode))
        .filter(WordOnlyFilter)
        .filter(LowerCaser)
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .build()
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
        let mut analyzer = zh_analyzer(search_mode);
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
}
