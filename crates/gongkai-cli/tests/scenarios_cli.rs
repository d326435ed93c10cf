//! The deadline scenario suite through the real binary: every case is
//! registered with `gongkai case new`, its steps recorded one by one with
//! `gongkai case event` (a refused step exits 2 with the engine's reason),
//! and `case show --json` must give exactly the status the domain computes,
//! `case due` must list it exactly when the domain says it falls due.
//! “Today” is fixed per case with `GONGKAI_TODAY`.

#[path = "../../gongkai-domain/tests/scenarios/cases.rs"]
mod cases;

use std::path::PathBuf;
use std::process::{Command, Output};

use cases::{Scenario, all, verify};
use gongkai_domain::calendar::WorkCalendar;
use gongkai_domain::deadline::{
    CaseStatus, DeadlineKind, DeadlineStatus, ProcedureEvent, evaluate,
};
use gongkai_store::{AgencyKind, NewAgency, Store};

/// Steps the command line cannot record (a transfer goes through the back
/// office, which also moves the application).
const NOT_BY_COMMAND: &[&str] = &["transfer_starts_a_new_period"];

struct Db {
    dir: PathBuf,
    url: String,
}

impl Db {
    fn new(agencies: &[String]) -> Db {
        let dir =
            std::env::temp_dir().join(format!("gongkai-scenarios-cli-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", dir.join("gongkai.db").display());
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async {
            let store = Store::open(&url).await.expect("open");
            for code in agencies {
                let agency = NewAgency {
                    code: code.clone(),
                    name: format!("某县{code}局"),
                    kind: AgencyKind::Department,
                    parent_code: None,
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

    fn run(&self, today: &str, args: &[String]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_gongkai"))
            .args(args)
            .env("GONGKAI_DATABASE_URL", &self.url)
            .env("GONGKAI_TODAY", today)
            .env("GONGKAI_ACTOR", "officer")
            .output()
            .expect("the binary runs")
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn key(value: serde_json::Value) -> String {
    value.as_str().map(str::to_owned).unwrap_or_default()
}

/// The `case event` arguments of a step.
fn event_args(app: &str, event: &ProcedureEvent) -> Vec<String> {
    let mut a: Vec<String> = vec!["case".into(), "event".into(), app.into()];
    let mut opt = |name: &str, value: String| {
        a.push(format!("--{name}"));
        a.push(value);
    };
    let tag = serde_json::to_value(event).expect("event")["event"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    opt("kind", tag);
    opt("date", event.date().to_string());
    match event {
        ProcedureEvent::CorrectionRequested {
            period_workdays,
            service,
            ..
        } => {
            opt("period", period_workdays.to_string());
            if let Some(s) = service {
                opt("service", key(serde_json::json!(s)));
            }
        }
        ProcedureEvent::ConsultationStarted { kind, service, .. } => {
            opt("with", key(serde_json::json!(kind)));
            if let Some(s) = service {
                opt("service", key(serde_json::json!(s)));
            }
        }
        ProcedureEvent::ConsultationReplied {
            consultation: Some(n),
            ..
        } => opt("consultation", n.to_string()),
        ProcedureEvent::NoticeServed { notice, .. } => opt("notice", notice.to_string()),
        ProcedureEvent::ExtensionGranted {
            workdays, approver, ..
        } => {
            opt("workdays", workdays.to_string());
            opt("approver", approver.clone());
        }
        ProcedureEvent::ReasonableDeadlineSet { due, reason, .. } => {
            opt("due", due.to_string());
            opt("reason", reason.clone());
        }
        ProcedureEvent::FeeNoticeIssued {
            amount_yuan,
            service,
            ..
        } => {
            opt("amount", amount_yuan.to_string());
            if let Some(s) = service {
                opt("service", key(serde_json::json!(s)));
            }
        }
        ProcedureEvent::Answered { outcome, .. } => opt("outcome", outcome.key().to_owned()),
        ProcedureEvent::Reopened { reason, .. } => opt("reason", reason.clone()),
        _ => {}
    }
    a
}

/// Registers and records one case; returns its `AGENCY/NUMBER`, or the
/// refusal message of the last step.
fn record(db: &Db, agency: &str, s: &Scenario) -> Result<String, String> {
    let ProcedureEvent::Received { channel, date } = &s.events[0] else {
        panic!("{}: first event is not the receipt", s.name);
    };
    let new: Vec<String> = [
        "case",
        "new",
        "--agency",
        agency,
        "--applicant-type",
        "natural_person",
        "--name",
        "张三",
        "--id-number",
        "11010519491231002X",
        "--phone",
        "13812345678",
        "--channel",
    ]
    .iter()
    .map(|x| (*x).to_owned())
    .chain([
        key(serde_json::json!(channel)),
        "--received".into(),
        date.to_string(),
    ])
    .chain([
        "--description".into(),
        "请公开某项目的预算执行情况".into(),
        "--json".into(),
    ])
    .collect();
    let out = db.run(s.today, &new);
    assert_eq!(out.status.code(), Some(0), "{}: {out:?}", s.name);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let app = format!("{agency}/{}", json["number"].as_str().expect("number"));
    for (i, event) in s.events.iter().enumerate().skip(1) {
        let out = db.run(s.today, &event_args(&app, event));
        if out.status.code() != Some(0) {
            assert_eq!(out.status.code(), Some(2), "{}: {out:?}", s.name);
            assert_eq!(
                i + 1,
                s.events.len(),
                "{}: step {} refused: {out:?}",
                s.name,
                i + 1
            );
            return Err(String::from_utf8_lossy(&out.stderr).into_owned());
        }
    }
    Ok(app)
}

#[test]
fn every_case_through_the_command_line_agrees_with_the_domain() {
    let cases: Vec<Scenario> = all()
        .into_iter()
        .filter(|s| !NOT_BY_COMMAND.contains(&s.name))
        .collect();
    let agencies: Vec<String> = (0..cases.len()).map(|i| format!("s{i:02}")).collect();
    let db = Db::new(&agencies);
    let cal = WorkCalendar::operational().expect("calendar");
    let mut failures = Vec::new();
    for (s, agency) in cases.iter().zip(&agencies) {
        match (record(&db, agency, s), s.refused()) {
            (Err(message), Some(want)) => {
                if !message.contains(want) {
                    failures.push(format!(
                        "{}: refused with “{message}”, expected “{want}”",
                        s.name
                    ));
                }
                continue;
            }
            (Err(message), None) => {
                failures.push(format!("{}: refused: {message}", s.name));
                continue;
            }
            (Ok(_), Some(want)) => {
                failures.push(format!("{}: accepted, expected refusal “{want}”", s.name));
                continue;
            }
            (Ok(app), None) => {
                let domain = evaluate(cal, &s.events, s.today()).expect("domain evaluates");
                let out = db.run(
                    s.today,
                    &["case".into(), "show".into(), app.clone(), "--json".into()],
                );
                assert_eq!(out.status.code(), Some(0), "{}: {out:?}", s.name);
                let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
                let shown: CaseStatus =
                    serde_json::from_value(json["status"].clone()).expect("status parses");
                if shown != domain {
                    failures.push(format!(
                        "{}: case show differs from the domain:\n{shown:#?}\nvs\n{domain:#?}",
                        s.name
                    ));
                    continue;
                }
                if let Err(e) = verify(s, &shown) {
                    failures.push(e);
                }
                // `case due` lists it iff its answer deadline runs and falls
                // within 3 working days (or has passed), with the same date.
                let due = db.run(
                    s.today,
                    &[
                        "case".into(),
                        "due".into(),
                        "--agency".into(),
                        agency.clone(),
                    ],
                );
                let text = String::from_utf8_lossy(&due.stdout).into_owned();
                let listed = text.lines().find(|l| l.starts_with(&app));
                let expected = domain.deadline(DeadlineKind::Answer).filter(|d| {
                    matches!(
                        d.status,
                        DeadlineStatus::Running | DeadlineStatus::Suspended
                    ) && d.days_left.is_some_and(|left| left <= 3)
                });
                match (listed, expected) {
                    (None, None) => {}
                    (Some(line), Some(d)) if line.contains(&format!("{}到期", d.due)) => {
                        if d.provisional != line.contains("（暂定）") {
                            failures.push(format!(
                                "{}: provisional flag missing in `case due`: {line}",
                                s.name
                            ));
                        }
                    }
                    (listed, expected) => failures.push(format!(
                        "{}: `case due` shows {listed:?}, the domain {:?}",
                        s.name,
                        expected.map(|d| d.due)
                    )),
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
