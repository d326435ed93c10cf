//! `gongkai case show`: one application with its timeline and deadlines.

use std::fmt::Write as _;

use clap::Args;
use gongkai_domain::deadline::{CaseStatus, DeadlineStatus, ProcedureEvent};
use gongkai_store::{Application, ApplicationEvent, Attachment, ReviewCase};

use super::{DatabaseArgs, block_on, open_store, parse_date, resolve, store_failure};
use crate::exit::{Failure, Outcome};
use crate::output::write_stdout;

/// Arguments of `gongkai case show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The application: AGENCY/NUMBER (gov/2024-0001), internal id, or 查询码.
    pub app: String,
    /// Compute deadlines as of this day (YYYY-MM-DD) instead of today.
    #[arg(long)]
    pub today: Option<String>,
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
    /// Database and actor.
    #[command(flatten)]
    pub db: DatabaseArgs,
}

/// Everything shown about one application.
struct Shown {
    application: Application,
    events: Vec<ApplicationEvent>,
    status: CaseStatus,
    attachments: Vec<Attachment>,
    reviews: Vec<ReviewCase>,
}

/// The step with its particulars, for the timeline.
pub(crate) fn describe(event: &ProcedureEvent) -> String {
    let label = event.label();
    match event {
        ProcedureEvent::Received { channel, .. } => format!("{label}（{}）", channel.label()),
        ProcedureEvent::CorrectionRequested {
            period_workdays,
            service,
            ..
        } => format!(
            "{label}，补正期限{period_workdays}个工作日，{}",
            service_label(*service)
        ),
        ProcedureEvent::ConsultationStarted { kind, service, .. } => format!(
            "{label}（{}，{}），{}",
            kind.label(),
            kind.article(),
            service_label(*service)
        ),
        ProcedureEvent::ConsultationReplied {
            consultation: Some(n),
            ..
        } => format!("{label}（第{n}条记录的征求意见）"),
        ProcedureEvent::NoticeServed { notice, .. } => {
            format!("{label}：第{notice}条记录的文书签收")
        }
        ProcedureEvent::ReasonableDeadlineSet { due, reason, .. } => {
            format!("{label}：答复期限确定为{due}（条例第三十五条），理由：{reason}")
        }
        ProcedureEvent::ExtensionGranted {
            workdays, approver, ..
        } => {
            format!("{label}{workdays}个工作日，批准人：{approver}")
        }
        ProcedureEvent::FeeNoticeIssued {
            amount_yuan,
            service,
            ..
        } => format!("{label}，金额{amount_yuan}元，{}", service_label(*service)),
        ProcedureEvent::Answered { outcome, .. } => {
            format!("{label}：{}（{}）", outcome.full_label(), outcome.article())
        }
        ProcedureEvent::Reopened { reason, .. } => format!("{label}：{reason}"),
        ProcedureEvent::Transferred {
            to_agency, reason, ..
        } => format!("{label}：{to_agency}（{reason}）"),
        _ => label.to_owned(),
    }
}

fn service_label(service: Option<gongkai_domain::deadline::ServiceMethod>) -> &'static str {
    service.map_or("送达方式未登记", |m| m.label())
}

fn deadline_line(d: &gongkai_domain::deadline::Deadline) -> String {
    let state = match (d.status, d.days_left) {
        (DeadlineStatus::AwaitingService, _) => "送达日期待登记，送达前不会届满".to_owned(),
        (DeadlineStatus::Met { on }, _) => {
            format!("{on}已完成{}", if d.overdue { "（逾期）" } else { "" })
        }
        (DeadlineStatus::Lapsed, _) => "已届满".to_owned(),
        (DeadlineStatus::Suspended, Some(left)) => format!("计时中止，剩余{left}个工作日"),
        (_, Some(left)) if left < 0 => format!("已逾期{}个工作日", -left),
        (_, Some(left)) => format!("剩余{left}个工作日"),
        (_, None) => String::new(),
    };
    let provisional = if d.provisional { "（暂定）" } else { "" };
    format!(
        "  {} {}{provisional} {state}\n    {}\n",
        d.kind.label(),
        d.due,
        d.reason
    )
}

fn text(shown: &Shown) -> String {
    let a = &shown.application;
    let p = &a.applicant.details;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "申请 {}/{}（查询码 {}）",
        a.agency_code, a.number, a.query_code
    );
    let _ = writeln!(out, "状态：{}", shown.status.state.label());
    let organisation = p
        .organisation_name
        .as_deref()
        .map(|o| format!("，单位：{o}"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "申请人：{}（{}{organisation}），{} {}",
        p.name,
        p.applicant_type.label(),
        p.id_document_type.label(),
        gongkai_store::fields::masked(&p.id_document_number)
    );
    let _ = writeln!(
        out,
        "联系方式：电话 {}；地址 {}；邮箱 {}",
        p.phone, p.address, p.email
    );
    let _ = writeln!(
        out,
        "收到申请之日：{}（{}）",
        a.received_on,
        a.channel.label()
    );
    let _ = writeln!(out, "申请内容：{}", a.description);
    let _ = writeln!(out, "获取方式：{}", a.delivery_form.label());
    out.push_str("办理记录：\n");
    for e in &shown.events {
        let _ = writeln!(
            out,
            "  {}. {} {} —— {}",
            e.seq,
            e.event.date(),
            describe(&e.event),
            e.actor
        );
    }
    if !shown.status.deadlines.is_empty() {
        out.push_str("期限：\n");
        for d in &shown.status.deadlines {
            out.push_str(&deadline_line(d));
        }
    }
    for year in &shown.status.provisional_years {
        let _ = writeln!(
            out,
            "  注意：{year}年放假安排尚未公布，涉及该年的期限按放假办法规定的法定节假日推算（调休未知），通知发布后请加载并核对"
        );
    }
    for step in &shown.status.ineffective_steps {
        let _ = writeln!(
            out,
            "  不影响期限：第{}条 {} {}：{}",
            step.seq, step.date, step.label, step.reason
        );
    }
    for pause in &shown.status.pauses {
        let _ = writeln!(
            out,
            "  不计入期限：{} {}至{}（{}个工作日，{}）",
            pause.kind.label(),
            pause.from,
            pause.until,
            pause.workdays,
            pause.basis
        );
    }
    if let Some(outcome) = a.outcome {
        let _ = writeln!(
            out,
            "办理结果：{}（{}办结）",
            outcome.full_label(),
            a.closed_on.map(|d| d.to_string()).unwrap_or_default()
        );
    } else if let Some(implied) = shown.status.implied_outcome {
        let _ = writeln!(out, "依法应作处理：{}", implied.full_label());
    }
    for f in &shown.attachments {
        let _ = writeln!(
            out,
            "附件：{}（{}，{}字节，SHA-256 {}）",
            f.file_name, f.media_type, f.size, f.sha256
        );
    }
    for r in &shown.reviews {
        let d = &r.details;
        let _ = writeln!(
            out,
            "{}：{}立案，{}",
            d.kind.label(),
            d.filed_on,
            match d.decided_on {
                Some(on) => format!("{on}审结，{}", d.result.label()),
                None => d.result.label().to_owned(),
            }
        );
    }
    out
}

fn json(shown: &Shown) -> String {
    let events: Vec<serde_json::Value> = shown
        .events
        .iter()
        .map(|e| {
            serde_json::json!({
                "seq": e.seq,
                "event": e.event,
                "actor": e.actor,
                "recorded_at": e.recorded_at.to_rfc3339(),
            })
        })
        .collect();
    let value = serde_json::json!({
        "id": shown.application.id,
        "application": shown.application.audit_json(),
        "query_code": shown.application.query_code,
        "status": shown.status,
        "events": events,
        "attachments": shown.attachments.iter().map(|f| serde_json::json!({
            "id": f.id, "file_name": f.file_name, "media_type": f.media_type,
            "size": f.size, "sha256": f.sha256,
        })).collect::<Vec<_>>(),
        "review_cases": shown.reviews.iter().map(ReviewCase::audit_json).collect::<Vec<_>>(),
    });
    format!("{value:#}\n")
}

/// Prints the application.
pub fn run(args: ShowArgs) -> Result<Outcome, Failure> {
    let today = args
        .today
        .as_deref()
        .map(|t| parse_date("--today", t))
        .transpose()?;
    let shown = block_on(async {
        let mut store = open_store(args.db.database.clone()).await?;
        if let Some(today) = today {
            store = store.with_today(today);
        }
        let result = async {
            let application = resolve(&store, &args.app).await?;
            let id = application.id;
            Ok(Shown {
                events: store.application_events(id).await.map_err(store_failure)?,
                status: store.case_status(id).await.map_err(store_failure)?,
                attachments: store.attachments(id).await.map_err(store_failure)?,
                reviews: store.review_cases(id).await.map_err(store_failure)?,
                application,
            })
        }
        .await;
        store.close().await;
        result
    })?;
    let out = if args.json {
        json(&shown)
    } else {
        text(&shown)
    };
    write_stdout(out.as_bytes())?;
    Ok(Outcome::Clean)
}
