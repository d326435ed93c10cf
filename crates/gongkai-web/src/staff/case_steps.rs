//! The procedural steps an officer records on the case page: which forms are
//! offered, and the event each submitted form becomes. Field checks are the
//! domain's ([`check_new_event`], [`parse_date`]), the same the command line
//! and the API use; this module only reads the form.

use gongkai_domain::deadline::{
    CaseState, CaseStatus, ConsultationKind, DeadlineStatus, MAX_CORRECTION_WORKDAYS, Outcome,
    ProcedureEvent, ServiceMethod, check_new_event, parse_date,
};
use gongkai_domain::fee;
use gongkai_notices::NoticeKind;
use gongkai_store::ApplicationEvent;
use serde::Deserialize;
use serde_json::json;

use super::views::{Actions, Choice};

/// The steps an officer can record, by the path segment of their form.
const ACTIONS: [(&str, &str); 12] = [
    ("correction", "告知补正"),
    ("correction-received", "收到补正"),
    ("consultation", "征求意见"),
    ("consultation-replied", "收到征求意见答复"),
    ("served", "登记送达日期"),
    ("extension", "延期答复"),
    ("deadline", "确定延迟答复期限"),
    ("fee", "收费通知"),
    ("payment", "缴纳费用"),
    ("answer", "作出答复"),
    ("close", "办结"),
    ("withdraw", "申请人撤回"),
];

/// The label of a step form (also of the transfer and reopening forms).
pub(crate) fn action_label(action: &str) -> Option<&'static str> {
    ACTIONS
        .iter()
        .chain(&[("reopen", "重新办理"), ("transfer", "转送其他机关")])
        .find(|(k, _)| *k == action)
        .map(|(_, l)| *l)
}

/// The service methods, for the 送达方式 selects.
pub(crate) fn service_choices() -> Vec<Choice> {
    ServiceMethod::ALL
        .iter()
        .map(|m| Choice {
            value: m.key().to_owned(),
            label: match m {
                ServiceMethod::InPerson => "直接送达（当面交付，当日送达）".to_owned(),
                ServiceMethod::Electronic => {
                    "电子送达（网上平台、电子邮件、短信、传真，发出当日送达）".to_owned()
                }
                ServiceMethod::Post => "邮寄送达（签收后登记送达日期）".to_owned(),
            },
            selected: false,
        })
        .collect()
}

/// The notices awaiting a service date, and the open consultations, as
/// choices labelled with their record number.
pub(crate) fn pending_choices(
    events: &[ApplicationEvent],
    status: Option<&CaseStatus>,
) -> (Vec<Choice>, Vec<Choice>) {
    let label = |seq: u32| {
        events
            .iter()
            .find(|e| e.seq == i64::from(seq))
            .map(|e| format!("第{seq}条 {} {}", e.event.date(), e.event.label()))
            .unwrap_or_else(|| format!("第{seq}条"))
    };
    let Some(status) = status else {
        return (Vec::new(), Vec::new());
    };
    let choice = |seq: u32| Choice {
        value: seq.to_string(),
        label: label(seq),
        selected: false,
    };
    let unserved = status
        .deadlines
        .iter()
        .filter(|d| d.status == DeadlineStatus::AwaitingService)
        .filter_map(|d| d.notice)
        .map(choice)
        .collect();
    let open = status
        .deadlines
        .iter()
        .filter(|d| {
            d.kind == gongkai_domain::deadline::DeadlineKind::ConsultationReply
                && !matches!(d.status, DeadlineStatus::Met { .. })
        })
        .filter_map(|d| d.notice)
        .map(choice)
        .collect();
    (unserved, open)
}

/// The forms offered for the current handling.
pub(crate) fn possible_actions(
    events: &[ApplicationEvent],
    state: CaseState,
    unserved: bool,
    open_consultations: bool,
) -> Actions {
    if state.is_closed() {
        return Actions::default();
    }
    // Only the current handling counts (after the last reopening).
    let start = events
        .iter()
        .rposition(|e| matches!(e.event, ProcedureEvent::Reopened { .. }))
        .unwrap_or(0);
    let current = &events[start..];
    let has = |f: fn(&ProcedureEvent) -> bool| current.iter().any(|e| f(&e.event));
    let corrected = has(|e| matches!(e, ProcedureEvent::CorrectionRequested { .. }));
    let extended = has(|e| matches!(e, ProcedureEvent::ExtensionGranted { .. }));
    let deferred = has(|e| matches!(e, ProcedureEvent::ReasonableDeadlineSet { .. }));
    let fee_issued = has(|e| matches!(e, ProcedureEvent::FeeNoticeIssued { .. }));
    let waiting_correction = state == CaseState::AwaitingCorrection;
    Actions {
        correction: !corrected,
        correction_received: waiting_correction,
        // Consultations may run in parallel (a third party and an agency).
        consultation: !waiting_correction,
        // Under the 2008 text no reply period exists to list them by; the
        // form then records the reply without naming the consultation.
        consultation_replied: open_consultations || state == CaseState::InConsultation,
        served: unserved,
        extension: !extended && !deferred && !waiting_correction,
        deadline: !deferred && !waiting_correction,
        fee: !fee_issued && !waiting_correction,
        payment: matches!(state, CaseState::AwaitingFeePayment | CaseState::FeeLapsed),
        answer: true,
        close: true,
        withdraw: true,
    }
}

#[derive(Debug, Deserialize, Default)]
pub(crate) struct ActionForm {
    #[serde(default)]
    date: String,
    #[serde(default)]
    period: String,
    #[serde(default)]
    items: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    notice: String,
    #[serde(default)]
    consultation: String,
    #[serde(default)]
    due: String,
    #[serde(default)]
    third_party: String,
    #[serde(default)]
    information: String,
    #[serde(default)]
    workdays: String,
    #[serde(default)]
    approver: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    method: String,
    #[serde(default)]
    quantity: String,
    #[serde(default)]
    prior: String,
    #[serde(default)]
    payment_method: String,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    reasons: String,
    #[serde(default)]
    provision: String,
}

fn field_date(value: &str, label: &str) -> Result<chrono::NaiveDate, String> {
    parse_date(value).map_err(|e| format!("{label}无效：{e}"))
}

fn field_number(value: &str, label: &str, min: u64, max: u64) -> Result<u64, String> {
    let n: u64 = value
        .trim()
        .parse()
        .map_err(|_| format!("{label}无效：请填写整数"))?;
    if n < min || n > max {
        return Err(format!("{label}无效：应在{min}到{max}之间"));
    }
    Ok(n)
}

fn limited(value: &str, max: usize) -> String {
    value.trim().chars().take(max).collect()
}

fn service(form: &ActionForm) -> Result<Option<ServiceMethod>, String> {
    ServiceMethod::from_key(form.service.trim())
        .map(Some)
        .ok_or_else(|| "请选择送达方式：相对人的期限自送达之日起计算".to_owned())
}

fn record_number(value: &str, label: &str) -> Result<u32, String> {
    value
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("请选择{label}"))
}

/// The event of a submitted form, and the details its notice needs; the
/// event's own fields are checked by the domain, as for every adapter.
pub(crate) fn event_of(
    action: &str,
    form: &ActionForm,
) -> Result<(ProcedureEvent, Option<(NoticeKind, serde_json::Value)>), String> {
    let (event, details) = parse(action, form)?;
    check_new_event(&event).map_err(|e| e.to_string())?;
    Ok((event, details))
}

fn parse(
    action: &str,
    form: &ActionForm,
) -> Result<(ProcedureEvent, Option<(NoticeKind, serde_json::Value)>), String> {
    let date = || field_date(&form.date, "日期");
    Ok(match action {
        "correction" => {
            let period = field_number(
                &form.period,
                "补正期限",
                1,
                u64::from(MAX_CORRECTION_WORKDAYS),
            )?;
            (
                ProcedureEvent::CorrectionRequested {
                    date: date()?,
                    period_workdays: u32::try_from(period).unwrap_or(MAX_CORRECTION_WORKDAYS),
                    service: service(form)?,
                },
                Some((
                    NoticeKind::CorrectionRequest,
                    json!({ "items": limited(&form.items, 2000) }),
                )),
            )
        }
        "correction-received" => (ProcedureEvent::CorrectionReceived { date: date()? }, None),
        "consultation" => {
            let kind = match form.kind.as_str() {
                "other_agency" => ConsultationKind::OtherAgency,
                _ => ConsultationKind::ThirdParty,
            };
            if kind == ConsultationKind::ThirdParty && form.third_party.trim().is_empty() {
                return Err("第三方名称不能为空".into());
            }
            (
                ProcedureEvent::ConsultationStarted {
                    date: date()?,
                    kind,
                    service: service(form)?,
                },
                Some((
                    NoticeKind::ThirdPartyConsultation,
                    json!({
                        "third_party": limited(&form.third_party, 200),
                        "information": limited(&form.information, 500),
                    }),
                )),
            )
        }
        "consultation-replied" => (
            ProcedureEvent::ConsultationReplied {
                date: date()?,
                consultation: match form.consultation.trim() {
                    "" => None,
                    n => Some(record_number(n, "答复的是哪一项征求意见")?),
                },
            },
            None,
        ),
        "served" => (
            ProcedureEvent::NoticeServed {
                date: field_date(&form.date, "送达日期")?,
                notice: record_number(&form.notice, "送达的文书")?,
            },
            None,
        ),
        "extension" => {
            let workdays = field_number(&form.workdays, "延长天数", 1, 20)?;
            (
                ProcedureEvent::ExtensionGranted {
                    date: date()?,
                    workdays: u32::try_from(workdays).unwrap_or(20),
                    approver: limited(&form.approver, 100),
                },
                Some((
                    NoticeKind::ExtensionNotice,
                    json!({ "reason": limited(&form.reason, 300) }),
                )),
            )
        }
        "deadline" => (
            ProcedureEvent::ReasonableDeadlineSet {
                date: date()?,
                due: field_date(&form.due, "延迟答复期限")?,
                reason: form.reason.trim().to_owned(),
            },
            None,
        ),
        "fee" => {
            let quantity = field_number(&form.quantity, "数量", 1, fee::MAX_PAGES)?;
            let (method, quote) = if form.method == "per_item" {
                let prior = if form.prior.trim().is_empty() {
                    0
                } else {
                    field_number(
                        &form.prior,
                        "本月此前已申请件数",
                        0,
                        fee::MAX_ITEMS_PER_MONTH,
                    )?
                };
                ("per_item", fee::per_item(prior, quantity))
            } else {
                ("per_volume", fee::per_volume(quantity))
            };
            let quote = quote.map_err(|e| e.to_string())?;
            if quote.amount_yuan == 0 {
                return Err(format!(
                    "按{}计算金额为0元（{}），未超出免费额度，无需发出收费通知",
                    quote.method.label(),
                    quote
                ));
            }
            (
                ProcedureEvent::FeeNoticeIssued {
                    date: date()?,
                    amount_yuan: quote.amount_yuan,
                    service: service(form)?,
                },
                Some((
                    NoticeKind::FeeNotice,
                    json!({
                        "method": method, "quantity": quantity,
                        "prior": form.prior.trim().parse::<u64>().unwrap_or(0),
                        "payment_method": limited(&form.payment_method, 300),
                    }),
                )),
            )
        }
        "payment" => (ProcedureEvent::FeePaid { date: date()? }, None),
        "answer" => {
            let outcome = Outcome::ALL
                .into_iter()
                .find(|o| o.key() == form.outcome)
                .ok_or_else(|| "请选择办理结果".to_owned())?;
            (
                ProcedureEvent::Answered {
                    date: date()?,
                    outcome,
                },
                Some((
                    NoticeKind::Answer,
                    json!({
                        "reasons": limited(&form.reasons, 5000),
                        "provision": limited(&form.provision, 300),
                    }),
                )),
            )
        }
        "close" => (ProcedureEvent::Closed { date: date()? }, None),
        "withdraw" => (ProcedureEvent::Withdrawn { date: date()? }, None),
        _ => return Err("未知的办理操作".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> ActionForm {
        let query: String = pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&");
        serde_urlencoded_like(&query)
    }

    /// A tiny stand-in for the form extractor: `key=value&…` with no escapes.
    fn serde_urlencoded_like(query: &str) -> ActionForm {
        let map: serde_json::Map<String, serde_json::Value> = query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_owned(), serde_json::Value::String(v.to_owned())))
            .collect();
        serde_json::from_value(serde_json::Value::Object(map)).expect("form")
    }

    #[test]
    fn the_web_forms_refuse_what_the_cli_and_api_refuse() {
        // Lenient dates, a missing approver or service: refused by the one check.
        let e = event_of(
            "extension",
            &form(&[("date", "2025-6-3"), ("workdays", "5"), ("approver", "王")]),
        )
        .unwrap_err();
        assert!(e.contains("YYYY-MM-DD"), "{e}");
        let e = event_of(
            "extension",
            &form(&[("date", "2025-06-03"), ("workdays", "5"), ("approver", " ")]),
        )
        .unwrap_err();
        assert!(e.contains("批准人"), "{e}");
        let e = event_of(
            "correction",
            &form(&[("date", "2025-06-03"), ("period", "10")]),
        )
        .unwrap_err();
        assert!(e.contains("送达方式"), "{e}");
        let e = event_of(
            "correction",
            &form(&[
                ("date", "2025-06-03"),
                ("period", "366"),
                ("service", "post"),
            ]),
        )
        .unwrap_err();
        assert!(e.contains("补正期限"), "{e}");
        let (event, _) =
            event_of("served", &form(&[("date", "2025-06-05"), ("notice", "2")])).expect("valid");
        assert_eq!(
            event,
            ProcedureEvent::NoticeServed {
                date: chrono::NaiveDate::from_ymd_opt(2025, 6, 5).expect("date"),
                notice: 2
            }
        );
    }
}
