//! HTML pages through `parse_bytes`. A panic aborts, and an `Internal` error
//! (a caught panic) is a crash too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.windows(5).any(|w| w == b"%PDF-") {
        return;
    }
    let result = gongkai_import::parse_bytes(data, Some("fuzz.html"));
    assert!(
        !matches!(result, Err(gongkai_import::ImportError::Internal { .. })),
        "internal error (a caught panic)"
    );
});
