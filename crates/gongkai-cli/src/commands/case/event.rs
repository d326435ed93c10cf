//! `gongkai case event`: record a procedural step.

use chrono::NaiveDate;
use clap::Args;
use gongkai_domain::deadline::{ConsultationKind, Outcome as CaseOutcome, ProcedureEvent};

use super::new::{one_of, serde_key};
use super::{DatabaseArgs, block_on, open_store, parse_date, resolve, store_failure};
use crate::exit::{Failure, Outcome};
use crate::output::write_stdout;

/// Arguments of `gongkai case event`.
#[derive(Debug, Args)]
pub struct EventArgs {
    /// The application: AGENCY/NUMBER (gov/2024-0001), internal id, or 查询码.
    pub app: String,
    /// correction_requested (--period), correction_received, consultation_started
    /// (--with), consultation_replied, extension_granted (--workdays, --approver),
    /// fee_notice_issued (--amount), fee_paid, answered (--outcome), closed,
    /// withdrawn, reopened (--reason).
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
    /// Why the case is handled again.
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
    "extension_granted",
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

/// The event described by the options.
fn event(args: &EventArgs, date: NaiveDate) -> Result<ProcedureEvent, Failure> {
    let kind = args.kind.trim().replace('-', "_");
    let event = match kind.as_str() {
        "correction_requested" => ProcedureEvent::CorrectionRequested {
            date,
            period_workdays: required(args.period, "--period", &kind)?,
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
            }
        }
        "consultation_replied" => ProcedureEvent::ConsultationReplied { date },
        "extension_granted" => ProcedureEvent::ExtensionGranted {
            date,
            workdays: required(args.workdays, "--workdays", &kind)?,
            approver: required(args.approver.clone(), "--approver", &kind)?,
        },
        "fee_notice_issued" => ProcedureEvent::FeeNoticeIssued {
            date,
            amount_yuan: required(args.amount, "--amount", &kind)?,
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
