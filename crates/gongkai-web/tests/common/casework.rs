//! Applications registered straight in the store, for the back-office tests
//! that need cases of their own besides the demo data.

use chrono::Duration;
use gongkai_domain::casework::ApplicantType;
use gongkai_domain::deadline::ReceiptChannel;
use gongkai_store::{DeliveryForm, IdDocumentType, NewApplicant, NewApplication, Store};

/// A natural person called `name`, with a valid resident ID.
pub fn applicant(name: &str) -> NewApplicant {
    NewApplicant {
        applicant_type: ApplicantType::NaturalPerson,
        name: name.into(),
        id_document_type: IdDocumentType::ResidentId,
        // GB 11643 example number.
        id_document_number: "11010519491231002X".into(),
        phone: "13912345678".into(),
        address: "浙江省嘉兴市海盐县盐北路1号".into(),
        email: String::new(),
        organisation_name: None,
        credit_code: None,
    }
}

/// Registers an application of `name` to `agency`, received in person
/// `days_ago` days before the store's today; its id.
pub async fn register(store: &Store, agency: &str, name: &str, days_ago: i64) -> i64 {
    store
        .create_application(
            "test",
            &NewApplication {
                agency_code: agency.into(),
                applicant: applicant(name),
                channel: ReceiptChannel::InPerson,
                received_on: store.today() - Duration::days(days_ago),
                description: format!("申请公开{name}所在小区的旧改项目立项批复文件。"),
                delivery_form: DeliveryForm::ElectronicEmail,
            },
        )
        .await
        .expect("application")
        .id
}
