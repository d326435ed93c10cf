//! The vendored Apache ECharts library and its licence texts, kept once in
//! the repository for every crate that draws charts in a browser: the
//! audit's self-contained `index.html` inlines [`ECHARTS_MIN_JS`], the staff
//! dashboards serve it from the application's own static files (no CDN).
//!
//! A crate of its own (rather than a path into another crate's folder) so
//! that each user depends on it explicitly, packaging keeps the file
//! with its licence, and the web server does not depend on the audit.

#![warn(missing_docs)]

/// The ECharts version vendored (`vendor/README.md` says where it came from).
pub const ECHARTS_VERSION: &str = "6.1.0";

/// `dist/echarts.min.js` of the npm package `echarts@6.1.0`, unchanged
/// (Apache-2.0; it begins with the Apache licence header).
pub const ECHARTS_MIN_JS: &str = include_str!("../vendor/echarts.min.js");

/// The package's `NOTICE` file, which Apache-2.0 requires to travel with it.
pub const NOTICE: &str = include_str!("../vendor/NOTICE");

/// The package's `LICENSE` file (Apache License 2.0).
pub const LICENSE: &str = include_str!("../vendor/LICENSE");

/// The BSD-3-Clause licence of the parts of d3 that ECharts embeds.
pub const LICENSE_D3: &str = include_str!("../vendor/LICENSE-d3");

/// Every licence text in one plain-text document, for serving next to
/// the library: the notice, the Apache licence and the d3 licence.
pub fn licence_texts() -> String {
    format!(
        "Apache ECharts {ECHARTS_VERSION}\n\n{NOTICE}\n\n{LICENSE}\n\n\
         ---- Parts of d3 embedded in ECharts ----\n\n{LICENSE_D3}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_and_its_licences_are_bundled() {
        assert!(ECHARTS_MIN_JS.len() > 1_000_000, "the full build");
        assert!(ECHARTS_MIN_JS.contains("Licensed to the Apache Software Foundation"));
        assert!(NOTICE.starts_with("Apache ECharts"));
        assert!(LICENSE.contains("Apache License"));
        assert!(LICENSE_D3.contains("Redistribution and use"));
        let all = licence_texts();
        assert!(all.contains(NOTICE) && all.contains(LICENSE) && all.contains(LICENSE_D3));
    }
}
