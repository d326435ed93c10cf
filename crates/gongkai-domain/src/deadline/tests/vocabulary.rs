//! Labels and the serialised form other crates persist.

use super::*;

#[test]
fn status_and_events_serialise_in_snake_case() {
    let e = ProcedureEvent::Answered {
        date: d("2024-10-30"),
        outcome: Outcome::OtherUnpaidFee,
    };
    let json = serde_json::to_value(&e).expect("serialises");
    assert_eq!(
        json,
        serde_json::json!({"event": "answered", "date": "2024-10-30", "outcome": "other_unpaid_fee"})
    );
    let back: ProcedureEvent = serde_json::from_value(json).expect("deserialises");
    assert_eq!(back, e);
    let events = [
        received("2025-03-03"),
        ProcedureEvent::ConsultationStarted {
            date: d("2025-03-10"),
            kind: ConsultationKind::ThirdParty,
            service: Some(ServiceMethod::InPerson),
        },
    ];
    let s = eval(&events, "2025-03-14");
    let json = serde_json::to_value(&s).expect("serialises");
    assert_eq!(json["state"], "in_consultation");
    assert_eq!(json["deadlines"][0]["status"]["status"], "suspended");
    assert_eq!(json["pauses"][0]["kind"]["consultation"], "third_party");
}

#[test]
fn labels() {
    assert_eq!(ReceiptChannel::PostSigned.label(), "邮寄（签收）");
    assert!(
        ReceiptChannel::OrdinaryLetterConfirmed
            .receipt_rule()
            .contains("第三十一条第（二）项")
    );
    assert_eq!(CaseState::AwaitingCorrection.label(), "待补正");
    assert_eq!(DeadlineKind::FeePayment.label(), "缴费期限");
    assert_eq!(
        PauseKind::Consultation(ConsultationKind::OtherAgency).label(),
        "征求其他机关意见"
    );
}
