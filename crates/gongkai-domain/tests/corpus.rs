//! Golden tests over the real published reports in `../shared/corpus`: every expected
//! JSON loads, round-trips to equivalent JSON, and validates as the issue requires.

use std::path::{Path, PathBuf};

use gongkai_domain::report::{CellKey, ReviewColumn, ReviewGroup};
use gongkai_domain::validate::{FindingCode, Severity, validate};
use gongkai_domain::{Report, report::ApplicationRow};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

fn expected_files() -> Vec<PathBuf> {
    let dir = corpus_dir();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "the shared corpus is required at {} ({e}); CI always has it beside the project",
            dir.display()
        )
    });
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 6,
        "expected at least 6 corpus reports in {}",
        dir.display()
    );
    files
}

fn load(path: &Path) -> (serde_json::Value, Report) {
    let text = std::fs::read_to_string(path).expect("corpus file is readable");
    let json: serde_json::Value = serde_json::from_str(&text).expect("corpus file is JSON");
    let report = Report::from_json_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (json, report)
}

/// `"other": {all null}` rows and absent rows are both "not printed with values";
/// the comparison is on the exact JSON, so nothing is normalised here.
#[test]
fn every_expected_report_round_trips_to_equal_json() {
    for path in expected_files() {
        let (json, report) = load(&path);
        assert_eq!(report.to_json_value(), json, "{}", path.display());
        let again = Report::from_json_str(&report.to_json_string()).expect("re-reads");
        assert_eq!(again, report, "{}", path.display());
    }
}

#[test]
fn only_hongze_2023_has_errors_and_exactly_its_two_wrong_review_totals() {
    for path in expected_files() {
        let (_, report) = load(&path);
        let findings = validate(&report);
        let errors: Vec<_> = findings.iter().filter(|f| f.is_error()).collect();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with("hongze-district-2023") {
            let cells: Vec<CellKey> = errors
                .iter()
                .map(|f| *f.cells.last().expect("cells"))
                .collect();
            assert_eq!(
                cells,
                vec![
                    CellKey::Review(ReviewGroup::Reconsideration, ReviewColumn::Total),
                    CellKey::Review(
                        ReviewGroup::LitigationAfterReconsideration,
                        ReviewColumn::Total
                    ),
                ],
                "{errors:#?}"
            );
            assert!(errors.iter().all(|f| f.code == FindingCode::ReviewSum));
            assert_eq!(errors[0].expected.map(|d| d.to_string()), Some("11".into()));
            assert_eq!(errors[1].expected.map(|d| d.to_string()), Some("5".into()));
        } else {
            assert!(errors.is_empty(), "{name}: {errors:#?}");
        }
    }
}

#[test]
fn hongze_single_other_row_is_a_layout_warning() {
    for path in expected_files() {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if !name.starts_with("hongze-district") {
            continue;
        }
        let (_, report) = load(&path);
        let findings = validate(&report);
        let layout: Vec<_> = findings
            .iter()
            .filter(|f| f.code == FindingCode::LayoutDeviation)
            .collect();
        assert_eq!(layout.len(), 1, "{name}: {findings:#?}");
        assert_eq!(layout[0].severity, Severity::Warning);
        assert!(
            layout[0]
                .cells
                .iter()
                .all(|k| matches!(k, CellKey::Application(ApplicationRow::Other, _)))
        );
    }
}
