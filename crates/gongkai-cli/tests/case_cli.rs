//! `gongkai case …` and `gongkai report build` through the real binary, on a
//! temporary SQLite file.

use std::path::PathBuf;
use std::process::{Command, Output};

use gongkai_store::{AgencyKind, NewAgency, Store};

/// A fresh database with a county government and one department.
struct Db {
    dir: PathBuf,
    url: String,
}

impl Db {
    fn new(name: &str) -> Db {
        let dir =
            std::env::temp_dir().join(format!("gongkai-case-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", dir.join("gongkai.db").display());
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async {
            let store = Store::open(&url).await.expect("open");
            for (code, name, kind, parent) in [
                ("gov", "某县人民政府", AgencyKind::Government, None),
                ("czj", "某县财政局", AgencyKind::Department, Some("gov")),
            ] {
                let agency = NewAgency {
                    code: code.into(),
                    name: name.into(),
                    kind,
                    parent_code: parent.map(Into::into),
                    address: String::new(),
                    phone: String::new(),
                    office_hours: String::new(),
                    sort_order: 0,
                };
                store.put_agency("test", &agency).await.expect("agency");
            }
            store.close().await;
        });
        Db { dir, url }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_gongkai"))
            .args(args)
            .env("GONGKAI_DATABASE_URL", &self.url)
            .env("GONGKAI_ACTOR", "officer-li")
            .output()
            .expect("the binary runs")
    }

    fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8")
    }

    /// Runs a command that must fail with exit 2; returns its message.
    fn bad(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {output:?}");
        String::from_utf8(output.stderr).expect("utf-8")
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

const NEW: &[&str] = &[
    "case",
    "new",
    "--agency",
    "gov",
    "--applicant-type",
    "natural_person",
    "--name",
    "张三",
    "--id-number",
    "11010519491231002X",
    "--phone",
    "13812345678",
    "--channel",
    "in_person",
    "--received",
    "2024-09-27",
    "--description",
    "请公开2023年某项目的预算执行情况",
];

/// `NEW` with one option's value replaced.
fn new_with(option: &str, value: &str) -> Vec<String> {
    let mut args: Vec<String> = NEW.iter().map(|s| (*s).to_owned()).collect();
    let i = args
        .iter()
        .position(|a| a == option)
        .expect("option present");
    args[i + 1] = value.to_owned();
    args
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

#[test]
fn a_case_from_registration_to_the_annual_report() {
    let db = Db::new("lifecycle");
    let out = db.ok(NEW);
    assert!(out.contains("申请编号：2024-0001"), "{out}");
    let code = out
        .lines()
        .find_map(|l| l.strip_prefix("查询码："))
        .expect("query code printed")
        .to_owned();
    assert_eq!(code.len(), 12);
    let org = db.ok(&[
        "case",
        "new",
        "--agency",
        "gov",
        "--applicant-type",
        "commercial",
        "--name",
        "李四",
        "--id-number",
        "91350100M000100Y43",
        "--organisation",
        "某某有限公司",
        "--phone",
        "0573-86012345",
        "--channel",
        "post_signed",
        "--received",
        "2024-12-27",
        "--description",
        "请公开某许可的批准文件",
        "--json",
    ]);
    let org: serde_json::Value = serde_json::from_str(&org).expect("json");
    assert_eq!(org["number"], "2024-0002");

    db.ok(&[
        "case",
        "event",
        "gov/2024-0001",
        "--kind",
        "correction_requested",
        "--date",
        "2024-09-30",
        "--period",
        "10",
        "--service",
        "in_person",
    ]);
    db.ok(&[
        "case",
        "event",
        &code,
        "--kind",
        "correction-received",
        "--date",
        "2024-10-08",
    ]);
    let shown = db.ok(&["case", "show", "gov/2024-0001", "--today", "2024-10-10"]);
    for expected in [
        "张三",
        "自然人",
        "110105********002X",
        "告知补正，补正期限10个工作日",
        "答复期限",
        "第三十条",
        "officer-li",
    ] {
        assert!(shown.contains(expected), "{expected} missing in:\n{shown}");
    }
    let json: serde_json::Value = serde_json::from_str(&db.ok(&[
        "case",
        "show",
        &code.to_lowercase(),
        "--json",
        "--today",
        "2024-10-10",
    ]))
    .expect("json");
    assert_eq!(json["application"]["number"], "2024-0001");
    assert_eq!(json["events"].as_array().map(Vec::len), Some(3));
    assert_eq!(json["status"]["deadlines"][0]["kind"], "answer");

    let due = db.ok(&["case", "due", "--within", "3", "--today", "2024-10-31"]);
    assert!(
        due.contains("gov/2024-0001") && due.starts_with("gov/2024-0001"),
        "{due}"
    );
    assert!(due.contains("1件申请"), "{due}");
    let listed = db.ok(&["case", "list", "--agency", "gov"]);
    assert!(listed.contains("共2件"), "{listed}");
    assert!(
        listed.find("gov/2024-0002") < listed.find("gov/2024-0001"),
        "{listed}"
    );
    let by_text = db.ok(&["case", "list", "--text", "有限公司"]);
    assert!(
        by_text.contains("gov/2024-0002") && by_text.contains("共1件"),
        "{by_text}"
    );

    let answered = db.ok(&[
        "case",
        "event",
        "gov/2024-0001",
        "--kind",
        "answered",
        "--date",
        "2024-11-01",
        "--outcome",
        "granted",
    ]);
    assert!(
        answered.contains("已答复") && answered.contains("（一）予以公开"),
        "{answered}"
    );
    let again = db.bad(&[
        "case",
        "event",
        "gov/2024-0001",
        "--kind",
        "answered",
        "--date",
        "2024-11-02",
        "--outcome",
        "granted",
    ]);
    assert!(again.contains("办结"), "{again}");
    let answered_list = db.ok(&["case", "list", "--state", "answered"]);
    assert!(answered_list.contains("共1件"), "{answered_list}");

    let file = db.dir.join("report-2024.json");
    db.ok(&[
        "report",
        "build",
        "--agency",
        "gov",
        "--year",
        "2024",
        "-o",
        file.to_str().expect("utf-8"),
    ]);
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("written")).expect("json");
    assert_eq!(report["agency"], "某县人民政府");
    assert_eq!(report["applications"]["new_received"]["total"], 2);
    assert_eq!(report["applications"]["granted"]["natural_person"], 1);
    assert_eq!(report["applications"]["carried_forward"]["commercial"], 1);
    // The computed report passes every rule.
    let check = db.run(&["report", "check", file.to_str().expect("utf-8")]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let aggregate = db.ok(&[
        "report",
        "build",
        "--agency",
        "gov",
        "--year",
        "2024",
        "--aggregate",
    ]);
    assert!(aggregate.contains("含所属部门及乡镇"), "{aggregate}");
}

#[test]
fn bad_input_exits_2_naming_the_field() {
    let db = Db::new("bad-input");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (new_with("--phone", "12345"), "联系电话"),
        (
            new_with("--id-number", "110105194912310021"),
            "居民身份证号码",
        ),
        (new_with("--received", "2024-02-30"), "--received"),
        (new_with("--received", "2999-01-01"), "收到申请日期"),
        (new_with("--description", " "), "申请内容描述"),
        (new_with("--channel", "pigeon"), "--channel"),
        (new_with("--applicant-type", "alien"), "--applicant-type"),
        (new_with("--agency", "nobody"), "机构"),
    ];
    for (args, field) in cases {
        let message = db.bad(&strs(&args));
        assert!(message.contains(field), "{field}: {message}");
    }
    db.ok(NEW);
    for (args, field) in [
        (
            vec![
                "case",
                "event",
                "gov/2024-0001",
                "--kind",
                "correction_requested",
                "--date",
                "2024-09-30",
            ],
            "--period",
        ),
        (
            vec![
                "case",
                "event",
                "gov/2024-0001",
                "--kind",
                "teleport",
                "--date",
                "2024-09-30",
            ],
            "--kind",
        ),
        (
            vec![
                "case",
                "event",
                "gov/2024-0001",
                "--kind",
                "closed",
                "--date",
                "yesterday",
            ],
            "--date",
        ),
        (
            vec![
                "case",
                "event",
                "gov/2024-0001",
                "--kind",
                "answered",
                "--date",
                "2024-10-09",
                "--outcome",
                "maybe",
            ],
            "--outcome",
        ),
        (
            vec![
                "case",
                "event",
                "gov/2024-0001",
                "--kind",
                "closed",
                "--date",
                "2024-09-01",
            ],
            "日期早于",
        ),
        (
            vec![
                "case",
                "event",
                "gov/2024-0999",
                "--kind",
                "closed",
                "--date",
                "2024-10-01",
            ],
            "找不到申请",
        ),
        (vec!["case", "show", "NOSUCHCODE00"], "找不到申请"),
        (vec!["case", "list", "--state", "dreaming"], "--state"),
        (
            vec!["report", "build", "--agency", "nobody", "--year", "2024"],
            "机构",
        ),
    ] {
        let message = db.bad(&args);
        assert!(message.contains(field), "{field}: {message}");
    }
    // Nothing but the one good application was written.
    let listed = db.ok(&["case", "list"]);
    assert!(listed.contains("共1件"), "{listed}");
}

#[test]
fn calendar_files_from_the_environment_move_the_deadlines() {
    let db = Db::new("calendar-files");
    db.ok(NEW);
    let due_of = |output: &str| -> String {
        let json: serde_json::Value = serde_json::from_str(output).expect("json");
        json["status"]["deadlines"][0]["due"]
            .as_str()
            .expect("due date")
            .to_owned()
    };
    let show = [
        "case",
        "show",
        "gov/2024-0001",
        "--json",
        "--today",
        "2024-10-10",
    ];
    // Received 2024-09-27 (Fri): 20 working days end on 2024-10-30 nationally.
    assert_eq!(due_of(&db.ok(&show)), "2024-10-30");
    // A local day off on 2024-10-30 moves the due date to the next working day.
    let file = db.dir.join("local-2024.json");
    std::fs::write(&file, r#"{"year":2024,"papers":[],"days":[{"name":"地方假日","date":"2024-10-30","isOffDay":true}]}"#)
        .expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(show)
        .env("GONGKAI_DATABASE_URL", &db.url)
        .env("GONGKAI_CALENDAR_FILES", &file)
        .output()
        .expect("the binary runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        due_of(&String::from_utf8_lossy(&output.stdout)),
        "2024-10-31"
    );
}

/// Every legal date is Beijing time: “today” must not follow the host's
/// zone. UTC+14 and UTC−12 are 26 hours apart, so their local dates always
/// differ; both runs must print the Beijing date.
#[test]
fn today_is_the_date_in_beijing_whatever_the_host_zone() {
    let db = Db::new("timezone");
    let beijing = || gongkai_domain::calendar::beijing_date(chrono::Utc::now()).to_string();
    let before = beijing();
    let mut dates = Vec::new();
    for zone in ["Pacific/Kiritimati", "Etc/GMT+12", "UTC", "Asia/Shanghai"] {
        let output = Command::new(env!("CARGO_BIN_EXE_gongkai"))
            .args(["case", "due"])
            .env("GONGKAI_DATABASE_URL", &db.url)
            .env_remove("GONGKAI_TODAY")
            .env("TZ", zone)
            .output()
            .expect("the binary runs");
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        let text = String::from_utf8(output.stdout).expect("utf-8");
        let date = text
            .trim_end()
            .rsplit_once('（')
            .map(|(_, d)| d.trim_end_matches('）').to_owned())
            .expect("the day is printed");
        dates.push((zone, date));
    }
    let after = beijing();
    for (zone, date) in &dates {
        assert!(
            *date == before || *date == after,
            "TZ={zone} printed {date}, Beijing is {before}"
        );
    }
}

/// One validation for every adapter: what the API refuses, the command line
/// refuses too (a lenient date, an empty approver, a 366-day correction
/// period, a notice without 送达方式, a 0-yuan fee).
#[test]
fn the_command_line_refuses_what_the_api_refuses() {
    let db = Db::new("validation");
    db.ok(NEW);
    let app = "gov/2024-0001";
    for (args, says) in [
        (
            vec!["--kind", "closed", "--date", "2024-9-30"],
            "YYYY-MM-DD",
        ),
        (
            vec![
                "--kind",
                "extension_granted",
                "--date",
                "2024-09-30",
                "--workdays",
                "5",
                "--approver",
                " ",
            ],
            "批准人",
        ),
        (
            vec![
                "--kind",
                "correction_requested",
                "--date",
                "2024-09-30",
                "--period",
                "366",
                "--service",
                "post",
            ],
            "补正期限",
        ),
        (
            vec![
                "--kind",
                "correction_requested",
                "--date",
                "2024-09-30",
                "--period",
                "10",
            ],
            "--service",
        ),
        (
            vec![
                "--kind",
                "fee_notice_issued",
                "--date",
                "2024-09-30",
                "--amount",
                "0",
                "--service",
                "in_person",
            ],
            "0元",
        ),
    ] {
        let mut full = vec!["case", "event", app];
        full.extend(args.iter().copied());
        let message = db.bad(&full);
        assert!(message.contains(says), "{args:?}: {message}");
    }
    let events = db.ok(&["case", "show", app, "--json"]);
    let json: serde_json::Value = serde_json::from_str(&events).expect("json");
    assert_eq!(
        json["events"].as_array().map(Vec::len),
        Some(1),
        "nothing written"
    );
}
