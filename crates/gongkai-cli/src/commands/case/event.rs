//! `gongkai case event`: record a procedural step.

use chrono::NaiveDate;
use clap::Args;
use gongkai_domain::deadline::{
    ConsultationKind, Outcome as CaseOutcome, ProcedureEvent, ServiceMethod, check_new_event,
};

use super::new::{one_of, serde_key};
use super::{DatabaseArgs, block_on, open_store, parse_date, resolve, store_failure};
use crate::exit::{Failure, Outcome};
use crate::output::write_stdout;

/// Arguments of `gongkai case event`.
#[derive(Debug, Args)]
pub struct EventArgs {
    /// The application: AGENCY/NUMBER (gov/2024-0001), internal id, or 查询码.
    pub app: String,
    /// correction_requested (--period, --service), correction_received,
    /// consultation_started (--with, --service), consultation_replied
    /// ([--consultation]), notice_served (--notice), extension_granted
    /// (--workdays, --approver), reasonable_deadline_set (--due, --reason),
    /// fee_notice_issued (--amount, --service), fee_paid, answered (--outcome),
    /// closed, withdrawn, reopened (--reason).
    #[arg(long)]
    pub kind: String,
    /// The date of the step (YYYY-MM-DD).
    #[arg(long)]
    pub date: String,
    /// 补正期限: working days given to the applicant.
    #[arg(long)]
    pub period: Option<u32>,
    /// Whom the agency consulted: third_party (Art. 32) or other_agency (Art. 34).
    #[arg(long = "with")]
    pub consulted: Option<String>,
    /// How a notice is served (送达方式): in_person, electronic (served the
    /// day sent) or post (served the day signed for: record it later with
    /// --kind notice_served).
    #[arg(long)]
    pub service: Option<String>,
    /// notice_served: the record number (as in `case show`) of the posted notice.
    #[arg(long)]
    pub notice: Option<u32>,
    /// consultation_replied: the record number of the consultation answered
    /// (required while several are open).
    #[arg(long)]
    pub consultation: Option<u32>,
    /// reasonable_deadline_set: the new answer deadline (YYYY-MM-DD, Art. 35).
    #[arg(long)]
    pub due: Option<String>,
    /// Working days of the extension (at most 20).
    #[arg(long)]
    pub workdays: Option<u32>,
    /// Who approved the extension.
    #[arg(long)]
    pub approver: Option<String>,
    /// The fee in whole yuan.
    #[arg(long)]
    pub amount: Option<u64>,
    /// The outcome row key of the answer (granted, partially_granted, denied_state_secret, …).
    #[arg(long)]
    pub outcome: Option<String>,
    /// Why the case is handled again (reopened), or why the deadline is set
    /// later (reasonable_deadline_set).
    #[arg(long)]
    pub reason: Option<String>,
    /// Database and actor.
    #[command(flatten)]
    pub db: DatabaseArgs,
}

const KINDS: &[&str] = &[
    "correction_requested",
    "correction_received",
    "consultation_started",
    "consultation_replied",
    "notice_served",
    "extension_granted",
    "reasonable_deadline_set",
    "fee_notice_issued",
    "fee_paid",
    "answered",
    "closed",
    "withdrawn",
    "reopened",
];

fn required<T>(value: Option<T>, option: &str, kind: &str) -> Result<T, Failure> {
    value.ok_or_else(|| Failure::BadInput(format!("--kind {kind} 需要 {option}")))
}

const SERVICES: &[&str] = &["in_person", "electronic", "post"];

fn service(args: &EventArgs, kind: &str) -> Result<Option<ServiceMethod>, Failure> {
    let value = required(args.service.as_deref(), "--service", kind)?;
    one_of("--service", value, serde_key!(ServiceMethod), SERVICES).map(Some)
}

/// The event described by the options, with its fields checked by the
/// domain (the same check the API and the web forms use).
fn event(args: &EventArgs, date: NaiveDate) -> Result<ProcedureEvent, Failure> {
    let event = parse_event(args, date)?;
    check_new_event(&event).map_err(|e| Failure::BadInput(format!("--kind {}：{e}", args.kind)))?;
    Ok(event)
}

fn parse_event(args: &EventArgs, date: NaiveDate) -> Result<ProcedureEvent, Failure> {
    let kind = args.kind.trim().replace('-', "_");
    let event = match kind.as_str() {
        "correction_requested" => ProcedureEvent::CorrectionRequested {
            date,
            period_workdays: required(args.period, "--period", &kind)?,
            service: service(args, &kind)?,
        },
        "correction_received" => ProcedureEvent::CorrectionReceived { date },
        "consultation_started" => {
            let with = required(args.consulted.as_deref(), "--with", &kind)?;
            ProcedureEvent::ConsultationStarted {
                date,
                kind: one_of(
                    "--with",
                    with,
                    serde_key!(ConsultationKind),
                    &["third_party", "other_agency"],
                )?,
                service: service(args, &kind)?,
            }
        }
        "consultation_replied" => ProcedureEvent::ConsultationReplied {
            date,
            consultation: args.consultation,
        },
        "notice_served" => ProcedureEvent::NoticeServed {
            date,
            notice: required(args.notice, "--notice", &kind)?,
        },
        "reasonable_deadline_set" => ProcedureEvent::ReasonableDeadlineSet {
            date,
            due: parse_date("--due", required(args.due.as_deref(), "--due", &kind)?)?,
            reason: required(args.reason.clone(), "--reason", &kind)?,
        },
        "extension_granted" => ProcedureEvent::ExtensionGranted {
            date,
            workdays: required(args.workdays, "--workdays", &kind)?,
            approver: required(args.approver.clone(), "--approver", &kind)?,
        },
        "fee_notice_issued" => ProcedureEvent::FeeNoticeIssued {
            date,
            amount_yuan: required(args.amount, "--amount", &kind)?,
            service: service(args, &kind)?,
        },
        "fee_paid" => ProcedureEvent::FeePaid { date },
        "answered" => {
            let outcome = required(args.outcome.as_deref(), "--outcome", &kind)?;
            let keys: Vec<&str> = CaseOutcome::ALL.iter().map(|o| o.key()).collect();
            ProcedureEvent::Answered {
                date,
                outcome: one_of("--outcome", outcome, serde_key!(CaseOutcome), &keys)?,
            }
        }
        "closed" => ProcedureEvent::Closed { date },
        "withdrawn" => ProcedureEvent::Withdrawn { date },
        "reopened" => ProcedureEvent::Reopened {
            date,
            reason: required(args.reason.clone(), "--reason", &kind)?,
        },
        _ => {
            return Err(Failure::BadInput(format!(
                "--kind 的值“{}”无效：应为 {} 之一",
                args.kind,
                KINDS.join("、")
            )));
        }
    };
    Ok(event)
}

/// Records the step; the deadline engine refuses steps that cannot be right (exit 2).
pub fn run(args: EventArgs) -> Result<Outcome, Failure> {
    let date = parse_date("--date", &args.date)?;
    let event = event(&args, date)?;
    let label = event.label();
    let application = block_on(async {
        let store = open_store(args.db.database.clone()).await?;
        let result = async {
            let application = resolve(&store, &args.app).await?;
            store
                .add_event(&args.db.actor, application.id, event)
                .await
                .map_err(store_failure)
        }
        .await;
        store.close().await;
        result
    })?;
    let mut text = format!(
        "已记录 {}/{}：{date} {label}\n状态：{}\n",
        application.agency_code,
        application.number,
        application.state.label()
    );
    if let Some(outcome) = application.outcome {
        text.push_str(&format!("办理结果：{}\n", outcome.full_label()));
    }
    write_stdout(text.as_bytes())?;
    Ok(Outcome::Clean)
}
