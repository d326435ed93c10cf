//! Loads a million applications into SQLite and times the annual-report tables.
//!
//! ```text
//! cargo run --release -p gongkai-store --example bench_million [COUNT] [DB_FILE]
//! ```
//!
//! 60 agencies (a county government, 39 departments, 20 towns), receipts
//! spread over 2019–2025, 85 % answered within 1–40 days. Loads through
//! `Store::import_applications` (multi-row INSERTs, one transaction per
//! 10,000 applications), then times `build_report` for one agency-year and
//! `build_aggregate_report` for the government, and prints the database size.

use std::time::Instant;

use chrono::{Days, NaiveDate};
use gongkai_domain::casework::ApplicantType;
use gongkai_domain::deadline::{Outcome, ReceiptChannel};
use gongkai_domain::validate::validate;
use gongkai_store::{
    AgencyKind, DeliveryForm, IdDocumentType, ImportedApplication, NewAgency, NewApplicant,
    NewApplication, Store,
};

/// SplitMix64, so that every run loads the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn agency(code: String, kind: AgencyKind, parent: Option<&str>) -> NewAgency {
    NewAgency {
        name: format!("基准测试机构{code}"),
        code,
        kind,
        parent_code: parent.map(Into::into),
        address: String::new(),
        phone: String::new(),
        office_hours: String::new(),
        sort_order: 0,
    }
}

fn applicant(rng: &mut Rng) -> NewApplicant {
    let t = match rng.below(100) {
        0..=79 => ApplicantType::NaturalPerson,
        80..=89 => ApplicantType::Commercial,
        90..=92 => ApplicantType::Research,
        93..=94 => ApplicantType::SocialWelfare,
        95..=97 => ApplicantType::LegalServices,
        _ => ApplicantType::OtherOrg,
    };
    let org = t.is_organisation();
    NewApplicant {
        applicant_type: t,
        name: "张三".into(),
        id_document_type: if org {
            IdDocumentType::BusinessLicense
        } else {
            IdDocumentType::ResidentId
        },
        id_document_number: if org {
            "91350100M000100Y43".into()
        } else {
            "11010519491231002X".into()
        },
        phone: "13812345678".into(),
        address: "某县某路1号".into(),
        email: String::new(),
        organisation_name: org.then(|| "某某有限公司".into()),
        credit_code: None,
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let count: u64 = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir()?;
    let path = args
        .next()
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("bench.db"));
    let _ = std::fs::remove_file(&path);
    let url = format!("sqlite://{}?mode=rwc", path.display());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let today = NaiveDate::from_ymd_opt(2026, 6, 30).ok_or("date")?;
        let store = Store::open(&url).await?.with_today(today);
        let mut codes = vec!["bench-gov".to_owned()];
        store.put_agency("bench", &agency(codes[0].clone(), AgencyKind::Government, None)).await?;
        for i in 0..59 {
            let (code, kind) = if i < 39 {
                (format!("dept-{i:02}"), AgencyKind::Department)
            } else {
                (format!("town-{i:02}"), AgencyKind::Town)
            };
            store.put_agency("bench", &agency(code.clone(), kind, Some("bench-gov"))).await?;
            codes.push(code);
        }
        let first_day = NaiveDate::from_ymd_opt(2019, 1, 1).ok_or("date")?;
        let days = 7 * 365;
        let mut rng = Rng(2024);
        let started = Instant::now();
        let mut loaded = 0u64;
        while loaded < count {
            let batch = (count - loaded).min(10_000);
            let items: Vec<ImportedApplication> = (0..batch)
                .map(|_| {
                    let agency = codes[rng.below(codes.len() as u64) as usize].clone();
                    let received = first_day + Days::new(rng.below(days));
                    let answered = (rng.below(100) < 85).then(|| {
                        let date = received + Days::new(1 + rng.below(40));
                        let outcome = Outcome::ALL[rng.below(Outcome::ALL.len() as u64) as usize];
                        (date.min(today), outcome)
                    });
                    ImportedApplication {
                        application: NewApplication {
                            agency_code: agency,
                            applicant: applicant(&mut rng),
                            channel: ReceiptChannel::OnlineConfirmed,
                            received_on: received,
                            description: "申请公开某项目的审批文件及预算执行情况".into(),
                            delivery_form: DeliveryForm::ElectronicEmail,
                        },
                        answered,
                    }
                })
                .collect();
            loaded += store.import_applications("bench", &items).await?;
            if loaded.is_multiple_of(100_000) {
                eprintln!("{loaded} loaded, {:.1} s", started.elapsed().as_secs_f64());
            }
        }
        let load = started.elapsed();
        println!("loaded {loaded} applications across {} agencies in {:.1} s ({:.0}/s)",
            codes.len(), load.as_secs_f64(), loaded as f64 / load.as_secs_f64());
        for (label, code) in [("one department", "dept-07"), ("the government itself", "bench-gov")] {
            let t = Instant::now();
            let report = store.build_report(code, 2024).await?;
            let elapsed = t.elapsed();
            let errors = validate(&report).iter().filter(|f| f.is_error()).count();
            println!(
                "build_report({label}, 2024): {:.1} ms, {} applications counted, {errors} validation errors",
                elapsed.as_secs_f64() * 1000.0,
                report.application_count(
                    gongkai_domain::report::ApplicationRow::NewReceived,
                    gongkai_domain::report::ApplicantColumn::Total
                ) + report.application_count(
                    gongkai_domain::report::ApplicationRow::CarriedOver,
                    gongkai_domain::report::ApplicantColumn::Total
                ),
            );
        }
        let t = Instant::now();
        let total = store.build_aggregate_report("bench-gov", 2024).await?;
        let elapsed = t.elapsed();
        let errors = validate(&total).iter().filter(|f| f.is_error()).count();
        println!(
            "build_aggregate_report(government + 59 subordinates, 2024): {:.1} ms, new_received {} , {errors} validation errors",
            elapsed.as_secs_f64() * 1000.0,
            total.application_count(
                gongkai_domain::report::ApplicationRow::NewReceived,
                gongkai_domain::report::ApplicantColumn::Total
            ),
        );
        let t = Instant::now();
        let due = store.due_applications(Some("dept-07"), today, 3).await?;
        println!("due_applications(one department): {:.1} ms, {} listed", t.elapsed().as_secs_f64() * 1000.0, due.len());
        store.close().await;
        let size = |p: &std::path::Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        let wal = path.with_extension("db-wal");
        println!(
            "database size: {:.1} MB ({} bytes; WAL {} bytes)",
            (size(&path) + size(&wal)) as f64 / 1_048_576.0,
            size(&path),
            size(&wal)
        );
        Ok::<(), Box<dyn std::error::Error>>(())
    })?;
    drop(dir);
    Ok(())
}
