//! The one check of an event's own fields, used by every adapter (command
//! line, API, web forms) and by the store before anything is written, so
//! that they all accept and refuse the same things. Whether the event fits
//! the record (order, timing, one extension…) is the engine's business.

use chrono::NaiveDate;
use thiserror::Error;

use super::ProcedureEvent;

/// The longest 补正 period an agency may give, in working days. Art. 30 asks
/// for a 合理的补正期限; three months of working days is beyond any period
/// seen in practice (10–15 days) and stops typing slips such as 366.
pub const MAX_CORRECTION_WORKDAYS: u32 = 60;
/// The largest fee in yuan; far above any amount 109号's tiers give for a
/// single application, it stops slips of the keyboard.
pub const MAX_FEE_YUAN: u64 = 100_000_000;
/// The longest approver name.
pub const MAX_APPROVER_CHARS: usize = 100;
/// The longest reason (reopening, Art. 35).
pub const MAX_REASON_CHARS: usize = 500;

/// A field of an event that is wrong on its own: `field` is the event's
/// field name as serialised (`approver`, `period_workdays`…).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{label}：{message}")]
pub struct FieldError {
    /// The serialised field name.
    pub field: &'static str,
    /// The field's name in Chinese.
    pub label: &'static str,
    /// What is wrong.
    pub message: String,
}

fn field_error(field: &'static str, label: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        label,
        message: message.into(),
    }
}

/// Checks a required one-line text: not blank, at most `max` characters, no
/// control characters.
fn text(
    field: &'static str,
    label: &'static str,
    value: &str,
    max: usize,
) -> Result<(), FieldError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(field_error(field, label, "不能为空"));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(field_error(field, label, "不能包含控制字符"));
    }
    let chars = trimmed.chars().count();
    if chars > max {
        return Err(field_error(
            field,
            label,
            format!("不能超过{max}个字符（现有{chars}个）"),
        ));
    }
    Ok(())
}

/// Checks the fields of an event about to be recorded. Notices must say how
/// they are served (送达方式); records made before that was tracked are read
/// without it, but nothing new is written without it.
pub fn check_new_event(event: &ProcedureEvent) -> Result<(), FieldError> {
    if event.is_served_notice() && event.service().is_none() {
        return Err(field_error(
            "service",
            "送达方式",
            "须写明送达方式（直接送达、电子送达或邮寄送达）：相对人的期限自送达之日起计算",
        ));
    }
    match event {
        ProcedureEvent::CorrectionRequested {
            period_workdays, ..
        } if *period_workdays == 0 || *period_workdays > MAX_CORRECTION_WORKDAYS => {
            return Err(field_error(
                "period_workdays",
                "补正期限",
                format!("应为1至{MAX_CORRECTION_WORKDAYS}个工作日（现为{period_workdays}）"),
            ));
        }
        ProcedureEvent::ExtensionGranted {
            workdays, approver, ..
        } => {
            if *workdays == 0 || *workdays > 20 {
                return Err(field_error(
                    "workdays",
                    "延长期限",
                    format!("应为1至20个工作日（现为{workdays}；条例第三十三条第二款）"),
                ));
            }
            text("approver", "批准人", approver, MAX_APPROVER_CHARS).map_err(|mut e| {
                if e.message == "不能为空" {
                    e.message =
                        "不能为空：延期须经政府信息公开工作机构负责人同意（条例第三十三条第二款）"
                            .into();
                }
                e
            })?;
        }
        ProcedureEvent::FeeNoticeIssued { amount_yuan, .. } => {
            if *amount_yuan == 0 {
                return Err(field_error(
                    "amount_yuan",
                    "收费金额",
                    "为0元：未超出免费额度的申请不收费，无需发出收费通知（国办函〔2020〕109号）",
                ));
            }
            if *amount_yuan > MAX_FEE_YUAN {
                return Err(field_error(
                    "amount_yuan",
                    "收费金额",
                    format!("不能超过{MAX_FEE_YUAN}元"),
                ));
            }
        }
        ProcedureEvent::Reopened { reason, .. } => {
            text("reason", "重新办理原因", reason, MAX_REASON_CHARS)?;
        }
        ProcedureEvent::ReasonableDeadlineSet { reason, .. } => {
            text("reason", "延迟答复理由", reason, MAX_REASON_CHARS)?;
        }
        ProcedureEvent::NoticeServed { notice: 0, .. } => {
            return Err(field_error(
                "notice",
                "送达的文书",
                "应为该文书的记录序号（从1开始）",
            ));
        }
        ProcedureEvent::ConsultationReplied {
            consultation: Some(0),
            ..
        } => {
            return Err(field_error(
                "consultation",
                "答复的征求意见",
                "应为该次征求意见的记录序号（从1开始）",
            ));
        }
        ProcedureEvent::Transferred { to_agency, .. } => {
            text("to_agency", "接收机关", to_agency, 200)?;
        }
        _ => {}
    }
    Ok(())
}

/// Parses a date written exactly `YYYY-MM-DD` (`2025-2-3`, `20250203` and
/// impossible dates are refused), naming what is wrong.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    shaped
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| {
            format!("“{text}”不是有效日期：应为 YYYY-MM-DD 格式的真实日期（如 2024-09-27）")
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deadline::ServiceMethod;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn dates_are_strict() {
        assert_eq!(parse_date("2025-02-03"), Ok(d("2025-02-03")));
        assert_eq!(parse_date(" 2025-02-03 "), Ok(d("2025-02-03")));
        for bad in ["2025-2-3", "2025-02-30", "20250203", "2025-02-03T00", ""] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_limits_every_adapter_shares() {
        let extension = |approver: &str, workdays| ProcedureEvent::ExtensionGranted {
            date: d("2025-06-03"),
            workdays,
            approver: approver.to_owned(),
        };
        assert!(check_new_event(&extension("王主任", 20)).is_ok());
        assert_eq!(
            check_new_event(&extension("  ", 20)).unwrap_err().field,
            "approver"
        );
        assert_eq!(
            check_new_event(&extension("王主任", 21)).unwrap_err().field,
            "workdays"
        );
        let correction = |period| ProcedureEvent::CorrectionRequested {
            date: d("2025-06-03"),
            period_workdays: period,
            service: Some(ServiceMethod::Post),
        };
        assert!(check_new_event(&correction(60)).is_ok());
        assert_eq!(
            check_new_event(&correction(366)).unwrap_err().field,
            "period_workdays"
        );
        let fee = |amount| ProcedureEvent::FeeNoticeIssued {
            date: d("2025-06-03"),
            amount_yuan: amount,
            service: Some(ServiceMethod::InPerson),
        };
        assert_eq!(check_new_event(&fee(0)).unwrap_err().field, "amount_yuan");
        assert!(check_new_event(&fee(100)).is_ok());
        let unserved = ProcedureEvent::FeeNoticeIssued {
            date: d("2025-06-03"),
            amount_yuan: 100,
            service: None,
        };
        assert_eq!(check_new_event(&unserved).unwrap_err().field, "service");
    }
}
