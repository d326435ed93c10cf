//! DOCX: inputs starting with `PK` are read as the package itself; any other
//! input is packed as `word/document.xml` of a fresh package, so that the
//! fuzzer reaches the XML reader past the ZIP checksums. A panic aborts, and
//! an `Internal` error (a caught panic) is a crash too.
#![no_main]

use std::io::{Cursor, Write};

use libfuzzer_sys::fuzz_target;

fn package(xml: &[u8]) -> Option<Vec<u8>> {
    let mut out = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("word/document.xml", options).ok()?;
    zip.write_all(xml).ok()?;
    zip.finish().ok()?;
    Some(out.into_inner())
}

fuzz_target!(|data: &[u8]| {
    let bytes = if data.starts_with(b"PK") {
        data.to_vec()
    } else {
        match package(data) {
            Some(bytes) => bytes,
            None => return,
        }
    };
    if bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return;
    }
    let result = gongkai_import::parse_bytes(&bytes, Some("fuzz.docx"));
    assert!(
        !matches!(result, Err(gongkai_import::ImportError::Internal { .. })),
        "internal error (a caught panic)"
    );
});
