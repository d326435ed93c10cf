//! Text and Markdown: any bytes (any encoding) through `parse_bytes`.
//! A panic aborts (libfuzzer-sys' panic hook runs before `parse_bytes`'
//! `catch_unwind`), and an `Internal` error is a crash too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // PDFs go to pdftotext, an external program: not this target's business.
    if data.windows(5).any(|w| w == b"%PDF-") {
        return;
    }
    for name in ["fuzz.txt", "fuzz.md"] {
        let result = gongkai_import::parse_bytes(data, Some(name));
        assert!(
            !matches!(result, Err(gongkai_import::ImportError::Internal { .. })),
            "internal error (a caught panic)"
        );
    }
});
