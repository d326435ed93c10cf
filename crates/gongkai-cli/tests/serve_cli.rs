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

#[test]
fn notice_templates_export_and_check() {
    let dir = std::env::temp_dir().join(format!("gongkai-notices-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_gongkai"))
            .args(args)
            .output()
            .expect("runs")
    };
    let dir_text = dir.to_str().expect("utf-8 path");
    assert_eq!(
        run(&["notices", "export-templates", dir_text])
            .status
            .code(),
        Some(0)
    );
    assert!(dir.join("acknowledgement.txt.j2").exists());
    assert_eq!(
        run(&["notices", "check-templates", dir_text]).status.code(),
        Some(0)
    );
    std::fs::write(dir.join("fee.txt.j2"), "# 收费通知书\n{{ unclosed\n").expect("write");
    let broken = run(&["notices", "check-templates", dir_text]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&broken.stderr).contains("fee.txt.j2"));
}
