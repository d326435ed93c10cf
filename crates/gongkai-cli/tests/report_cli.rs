//! End-to-end tests of `gongkai report check|new` through the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn corpus(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(name);
    assert!(
        path.exists(),
        "the shared corpus is required at {} (CI has it beside the project)",
        path.display()
    );
    path.to_string_lossy().into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gongkai-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn check_exit_codes_follow_the_findings() {
    let clean = gongkai(&[
        "report",
        "check",
        &corpus("002_21925bfca89cb37b.expected.json"),
    ]);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
    assert!(stdout(&clean).contains("未发现问题"));

    let warnings_only = gongkai(&[
        "report",
        "check",
        &corpus("hongze-district-2024.expected.json"),
    ]);
    assert_eq!(warnings_only.status.code(), Some(0));
    assert!(stdout(&warnings_only).contains("L1-layout-deviation"));

    let errors = gongkai(&[
        "report",
        "check",
        &corpus("hongze-district-2023.expected.json"),
    ]);
    assert_eq!(errors.status.code(), Some(1));
    let text = stdout(&errors);
    assert!(
        text.contains("行政复议：结果维持(10)+结果纠正(1)+其他结果(0)+尚未审结(0)=11，但总计为0"),
        "{text}"
    );
    assert!(text.contains("共 2 个错误"), "{text}");
}

#[test]
fn check_json_lists_findings_with_codes_cells_and_values() {
    let output = gongkai(&[
        "report",
        "check",
        "--json",
        &corpus("hongze-district-2023.expected.json"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    assert_eq!(json["summary"]["errors"], 2);
    let errors: Vec<&serde_json::Value> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    assert_eq!(errors[0]["code"], "R4-review-sum");
    assert_eq!(errors[0]["expected"], 11);
    assert_eq!(errors[0]["actual"], 0);
    assert!(
        errors[0]["cells"]
            .as_array()
            .expect("cells")
            .contains(&"reviews.reconsideration.total".into())
    );
}

#[test]
fn check_with_previous_year_applies_cross_year_rules() {
    let dir = temp_dir("previous");
    let previous = dir.join("2023.json");
    let text = std::fs::read_to_string(corpus("hongze-district-2023.expected.json")).expect("read");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("json");
    json["applications"]["carried_forward"]["natural_person"] = 4.into();
    std::fs::write(&previous, json.to_string()).expect("write");
    let output = gongkai(&[
        "report",
        "check",
        &corpus("hongze-district-2024.expected.json"),
        "--previous",
        previous.to_str().expect("utf-8 path"),
    ]);
    assert!(
        stdout(&output).contains("R6-carry-over"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn bad_input_exits_2_and_names_the_key() {
    let dir = temp_dir("bad");
    let cases = [
        ("not-json.json", "{\"schema\": \"gongkai.annual-report/1\", ".to_owned(), "不是有效的 JSON"),
        (
            "negative.json",
            r#"{"schema":"gongkai.annual-report/1","year":2023,"applications":{"granted":{"total":-1}}}"#.to_owned(),
            "applications.granted.total",
        ),
        ("unknown.json", r#"{"schema":"gongkai.annual-report/1","year":2023,"colour":1}"#.to_owned(), "colour"),
        (
            "wrong-type.json",
            r#"{"schema":"gongkai.annual-report/1","year":2023,"reviews":{"reconsideration":{"total":"三"}}}"#.to_owned(),
            "reviews.reconsideration.total",
        ),
    ];
    for (name, content, expected) in cases {
        let path = dir.join(name);
        std::fs::write(&path, content).expect("write");
        let output = gongkai(&["report", "check", path.to_str().expect("utf-8 path")]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(expected) && stderr.contains(name),
            "{name}: {stderr}"
        );
    }
    std::fs::write(dir.join("gbk.json"), [0xd6u8, 0xd0, 0xce, 0xc4]).expect("write");
    let output = gongkai(&[
        "report",
        "check",
        dir.join("gbk.json").to_str().expect("utf-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let missing = gongkai(&[
        "report",
        "check",
        dir.join("missing.json").to_str().expect("utf-8 path"),
    ]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn new_writes_a_valid_skeleton_in_the_years_format() {
    let dir = temp_dir("new");
    for (year, format, row) in [
        (2025, "gb2021", "other_unpaid_fee"),
        (2020, "gb2019", "other"),
    ] {
        let path = dir.join(format!("{year}.json"));
        let output = gongkai(&[
            "report",
            "new",
            "--agency",
            "某县某局",
            "--year",
            &year.to_string(),
            "-o",
            path.to_str().expect("utf-8 path"),
        ]);
        assert_eq!(output.status.code(), Some(0));
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).expect("written")).expect("json");
        assert_eq!(json["format"], format);
        assert_eq!(json["agency"], "某县某局");
        assert_eq!(json["applications"][row]["total"], 0);
        let check = gongkai(&["report", "check", path.to_str().expect("utf-8 path")]);
        assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
        assert!(stdout(&check).contains("共 0 个错误，0 个警告"));
    }
    let bad_year = gongkai(&["report", "new", "--agency", "某局", "--year", "1900"]);
    assert_eq!(bad_year.status.code(), Some(2));
}

#[test]
fn render_writes_every_format_and_nothing_on_bad_input() {
    let dir = temp_dir("render");
    let report = corpus("huaian-city-gov-2024.expected.json");
    for (format, magic) in [
        ("html", &b"<!DOCTYPE html>"[..]),
        ("md", &b"# "[..]),
        ("docx", &b"PK"[..]),
        ("xlsx", &b"PK"[..]),
    ] {
        let out = dir.join(format!("report.{format}"));
        let output = gongkai(&[
            "report",
            "render",
            &report,
            "--to",
            format,
            "-o",
            out.to_str().expect("utf-8"),
        ]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let bytes = std::fs::read(&out).expect("written");
        assert!(bytes.starts_with(magic), "{format}");
    }
    let html = std::fs::read_to_string(dir.join("report.html")).expect("html");
    assert!(html.contains("淮安市人民政府") && html.contains("3119"));

    // The format may also come from the output file's extension.
    let by_extension = dir.join("by-extension.md");
    let output = gongkai(&[
        "report",
        "render",
        &report,
        "-o",
        by_extension.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(0));

    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"schema":"gongkai.annual-report/1","year":2023,"reviews":{"nope":{}}}"#,
    )
    .expect("write");
    let target = dir.join("never.docx");
    let output = gongkai(&[
        "report",
        "render",
        bad.to_str().expect("utf-8"),
        "-o",
        target.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("reviews.nope"));
    assert!(!target.exists(), "nothing is written for unusable input");
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("partial"))
        .collect();
    assert!(leftovers.is_empty());

    let unknown = gongkai(&["report", "render", &report, "--to", "pdfx"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn parse_reproduces_the_corpus_and_flags_the_wrong_totals() {
    let output = gongkai(&["report", "parse", &corpus("002_21925bfca89cb37b.txt")]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let parsed: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(corpus("002_21925bfca89cb37b.expected.json")).expect("read"),
    )
    .expect("JSON");
    for table in ["proactive", "applications", "reviews"] {
        assert_eq!(parsed[table], expected[table], "{table}");
    }
    assert!(
        parsed["source"]["applications.granted.total"]["line"].is_number(),
        "provenance per cell"
    );

    let pdf = gongkai(&[
        "report",
        "parse",
        "--findings",
        &corpus("hongze-district-2023.pdf"),
    ]);
    assert_eq!(pdf.status.code(), Some(1), "errors found → exit 1");
    let parsed: serde_json::Value = serde_json::from_slice(&pdf.stdout).expect("JSON");
    let errors: Vec<&serde_json::Value> = parsed["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 2);
    assert_eq!(
        parsed["reviews"]["reconsideration"]["total"], 0,
        "the printed value is kept"
    );
}

#[test]
fn parse_rejects_unusable_files_with_exit_2() {
    let dir = temp_dir("parse-bad");
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("binary.pdf", &b"%PDF-1.4\n\x00\x01garbage"[..]),
        ("prose.txt", "这是一段与年报无关的文字。".as_bytes()),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write");
        let output = gongkai(&["report", "parse", path.to_str().expect("utf-8")]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains(name),
            "{name}: error names the file"
        );
    }
}

#[test]
fn audit_writes_the_summary_and_counts_failures() {
    let input = temp_dir("audit-in");
    for name in ["002_21925bfca89cb37b.txt", "hongze-district-2023.pdf"] {
        std::fs::copy(corpus(name), input.join(name)).expect("copy corpus file into a temp folder");
    }
    std::fs::write(input.join("broken.pdf"), b"%PDF-1.7 truncated").expect("write");
    let out = temp_dir("audit-out");
    let output = gongkai(&[
        "report",
        "audit",
        input.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
        "--jobs",
        "2",
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = stdout(&output);
    assert!(
        text.contains("共 3 个文件") && text.contains("1 个解析失败"),
        "{text}"
    );
    for file in ["summary.csv", "summary.xlsx", "findings.csv", "index.html"] {
        assert!(out.join(file).exists(), "{file}");
    }
    let findings = std::fs::read_to_string(out.join("findings.csv")).expect("findings.csv");
    assert_eq!(findings.matches("R4-review-sum").count(), 2);
}
