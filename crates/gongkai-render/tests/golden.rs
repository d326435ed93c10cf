//! Golden tests: every corpus report rendered as HTML body and Markdown, compared
//! with `tests/golden/<name>.html` / `.md`. Run with `UPDATE_GOLDEN=1` to rewrite
//! the golden files after an intended change, then review the diff.

mod common;

use std::path::Path;

fn check(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::write(path, actual).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!("missing golden file {} ({e}); create it with UPDATE_GOLDEN=1 cargo test -p gongkai-render", path.display())
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the rendering, first at line {}:\n  golden: {:?}\n  actual: {:?}\n\
             If the change is intended, rerun with UPDATE_GOLDEN=1 and review `git diff`.",
            path.display(),
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line),
        );
    }
}

#[test]
fn corpus_renders_as_the_golden_files() {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for (name, report) in common::corpus() {
        check(
            &golden.join(format!("{name}.html")),
            &gongkai_render::html_body(&report),
        );
        check(
            &golden.join(format!("{name}.md")),
            &gongkai_render::markdown(&report),
        );
    }
}
