//! `gongkai case new`: register an application.

use clap::Args;
use gongkai_domain::casework::ApplicantType;
use gongkai_domain::deadline::ReceiptChannel;
use gongkai_store::{DeliveryForm, IdDocumentType, NewApplicant, NewApplication};

use super::{DatabaseArgs, block_on, open_store, parse_date, store_failure};
use crate::exit::{Failure, Outcome};
use crate::output::write_stdout;

/// Arguments of `gongkai case new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The receiving agency's code.
    #[arg(long)]
    pub agency: String,
    /// natural_person, commercial, research, social_welfare, legal_services or other_org.
    #[arg(long)]
    pub applicant_type: String,
    /// The applicant's name (for organisations: the contact person).
    #[arg(long)]
    pub name: String,
    /// resident_id (default for natural persons), business_license (default for
    /// organisations), passport, hk_macao_permit, taiwan_permit,
    /// foreign_permanent_resident or other.
    #[arg(long)]
    pub id_type: Option<String>,
    /// The ID document's number (居民身份证号码 is checked against GB 11643).
    #[arg(long)]
    pub id_number: String,
    /// Mobile or landline number with area code.
    #[arg(long)]
    pub phone: String,
    /// Postal address.
    #[arg(long, default_value = "")]
    pub address: String,
    /// E-mail address.
    #[arg(long, default_value = "")]
    pub email: String,
    /// The organisation's name (required for organisations).
    #[arg(long)]
    pub organisation: Option<String>,
    /// The organisation's 统一社会信用代码.
    #[arg(long)]
    pub credit_code: Option<String>,
    /// in_person, post_signed, ordinary_letter_confirmed, online_confirmed, fax_confirmed or email.
    #[arg(long)]
    pub channel: String,
    /// The receipt date (YYYY-MM-DD) under the channel's rule (Art. 31).
    #[arg(long)]
    pub received: String,
    /// The description of the information requested.
    #[arg(long)]
    pub description: String,
    /// paper_post, paper_pickup, electronic_email, electronic_online or inspection.
    #[arg(long, default_value = "electronic_email")]
    pub delivery: String,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
    /// Database and actor.
    #[command(flatten)]
    pub db: DatabaseArgs,
}

/// Parses an option's value with `parse`, or names the option and the accepted values.
pub(crate) fn one_of<T>(
    option: &str,
    value: &str,
    parse: impl Fn(&str) -> Option<T>,
    keys: &[&str],
) -> Result<T, Failure> {
    parse(value.trim()).ok_or_else(|| {
        Failure::BadInput(format!(
            "{option} 的值“{value}”无效：应为 {} 之一",
            keys.join("、")
        ))
    })
}

/// A domain enum from its serde key (`in_person`; `in-person` is accepted too).
macro_rules! serde_key {
    ($ty:ty) => {
        |key: &str| -> Option<$ty> {
            serde_json::from_value(serde_json::Value::String(key.replace('-', "_"))).ok()
        }
    };
}
pub(crate) use serde_key;

const CHANNELS: &[&str] = &[
    "in_person",
    "post_signed",
    "ordinary_letter_confirmed",
    "online_confirmed",
    "fax_confirmed",
    "email",
];

/// Registers the application and prints its number and 查询码.
pub fn run(args: NewArgs) -> Result<Outcome, Failure> {
    let type_keys: Vec<&str> = ApplicantType::ALL.iter().map(|t| t.key()).collect();
    let applicant_type = one_of(
        "--applicant-type",
        &args.applicant_type,
        ApplicantType::from_key,
        &type_keys,
    )?;
    let id_keys: Vec<&str> = IdDocumentType::ALL.iter().map(|t| t.key()).collect();
    let id_document_type = match &args.id_type {
        Some(t) => one_of("--id-type", t, IdDocumentType::from_key, &id_keys)?,
        None if applicant_type.is_organisation() => IdDocumentType::BusinessLicense,
        None => IdDocumentType::ResidentId,
    };
    let channel = one_of(
        "--channel",
        &args.channel,
        serde_key!(ReceiptChannel),
        CHANNELS,
    )?;
    let delivery_keys: Vec<&str> = DeliveryForm::ALL.iter().map(|t| t.key()).collect();
    let delivery_form = one_of(
        "--delivery",
        &args.delivery,
        DeliveryForm::from_key,
        &delivery_keys,
    )?;
    let received_on = parse_date("--received", &args.received)?;
    let new = NewApplication {
        agency_code: args.agency,
        applicant: NewApplicant {
            applicant_type,
            name: args.name,
            id_document_type,
            id_document_number: args.id_number,
            phone: args.phone,
            address: args.address,
            email: args.email,
            organisation_name: args.organisation,
            credit_code: args.credit_code,
        },
        channel,
        received_on,
        description: args.description,
        delivery_form,
    };
    let application = block_on(async {
        let store = open_store(args.db.database).await?;
        let created = store
            .create_application(&args.db.actor, &new)
            .await
            .map_err(store_failure);
        store.close().await;
        created
    })?;
    let text = if args.json {
        let json = serde_json::json!({
            "id": application.id,
            "agency": application.agency_code,
            "number": application.number,
            "query_code": application.query_code,
        });
        format!("{json:#}\n")
    } else {
        format!(
            "已登记申请 {}/{}\n申请编号：{}\n查询码：{}\n收到申请之日：{}（{}）\n",
            application.agency_code,
            application.number,
            application.number,
            application.query_code,
            application.received_on,
            channel.receipt_rule(),
        )
    };
    write_stdout(text.as_bytes())?;
    Ok(Outcome::Clean)
}
