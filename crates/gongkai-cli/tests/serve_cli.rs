//! `gongkai serve` refuses to start on broken configuration, naming the problem.

use std::process::Command;

#[test]
fn a_broken_notice_template_stops_the_start_and_names_the_file() {
    let dir = std::env::temp_dir().join(format!("gongkai-serve-templates-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("acknowledgement.txt.j2"), "# 受理回执\n{% if %}\n").expect("write");
    let database = format!("sqlite://{}?mode=rwc", dir.join("serve.db").display());
    let output = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--database",
            &database,
            "--index-dir",
        ])
        .arg(dir.join("index"))
        .env("GONGKAI_NOTICE_TEMPLATES", &dir)
        .output()
        .expect("the binary runs");
    assert_ne!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("文书模板目录") && stderr.contains("acknowledgement.txt.j2"),
        "{stderr}"
    );
}

#[test]
fn a_broken_calendar_file_stops_the_start_and_names_the_file() {
    let dir = std::env::temp_dir().join(format!("gongkai-serve-calendar-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("2027.json");
    std::fs::write(&file, r#"{"year":2027,"days":[{"date":"2027-02-30"}]}"#).expect("write");
    let database = format!("sqlite://{}?mode=rwc", dir.join("serve.db").display());
    let output = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--database",
            &database,
            "--index-dir",
        ])
        .arg(dir.join("index"))
        .env("GONGKAI_CALENDAR_FILES", &file)
        .output()
        .expect("the binary runs");
    assert_ne!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("2027.json"), "{stderr}");
}
