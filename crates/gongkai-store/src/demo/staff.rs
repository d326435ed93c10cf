//! The back office of the demo: staff logins of every role, and a few hundred
//! applications across the agencies in every state and with every outcome.
//!
//! Applications are dated relative to the store's today on the first run, so
//! that the inbox shows cases due soon, overdue and paused; later runs find
//! the marker in the audit log and add nothing. Everything goes through the
//! store's own API (registration, [`Store::add_event`]), so the demo cases
//! pass the same checks as real ones.

use chrono::{Datelike, Duration, NaiveDate};
use gongkai_domain::calendar::WorkCalendar;
use gongkai_domain::casework::ApplicantType;
use gongkai_domain::deadline::{
    ConsultationKind, Outcome, ProcedureEvent, ReceiptChannel, ServiceMethod,
};
use gongkai_domain::fee;
use serde_json::json;

use super::DEMO_ACTOR;
use super::agencies::AGENCIES;
use super::rng::Rng;
use crate::{
    ApplicationFilter, DeliveryForm, IdDocumentType, NewApplicant, NewApplication, NewAttachment,
    NewAuditEntry, NewStaffUser, StaffRole, Store, StoreError, hash_password,
};

/// The demo logins printed by `gongkai serve --demo`: username, password
/// and who it is.
pub const DEMO_LOGINS: &[(&str, &str, &str)] = &[
    ("admin", "admin-demo-2026", "系统管理员（用户管理）"),
    (
        "zhengwu",
        "zhengwu-demo-2026",
        "政务公开监督：海盐县人民政府及所属部门、乡镇（只读、汇总）",
    ),
    ("jiaoyu", "jiaoyu-demo-2026", "经办人：海盐县教育局"),
    (
        "zhujian",
        "zhujian-demo-2026",
        "经办人：海盐县住房和城乡建设局",
    ),
    ("ziran", "ziran-demo-2026", "经办人：海盐县自然资源和规划局"),
    ("wuyuan", "wuyuan-demo-2026", "经办人：武原街道"),
    (
        "shenyue",
        "shenyue-demo-2026",
        "发布审核：保密审查与发布审核（无办件权限）",
    ),
];

/// Agency, role and display name of each demo login, in [`DEMO_LOGINS`] order.
const USERS: &[(&str, StaffRole, &str)] = &[
    ("330424000", StaffRole::Administrator, "系统管理员"),
    ("330424000", StaffRole::Supervisor, "周政务"),
    ("330424102", StaffRole::Officer, "陈晓燕"),
    ("330424107", StaffRole::Officer, "沈建明"),
    ("330424106", StaffRole::Officer, "徐海峰"),
    ("330424201", StaffRole::Officer, "朱丽华"),
    ("330424000", StaffRole::Reviewer, "钱审阅"),
];

/// Agencies whose officers sign in get more cases.
const BUSY: &[&str] = &["330424102", "330424107", "330424106", "330424201"];

/// Creates the demo logins that do not exist yet.
pub(crate) async fn seed_users(store: &Store) -> Result<(), StoreError> {
    for ((username, password, _), (agency, role, name)) in DEMO_LOGINS.iter().zip(USERS) {
        if store.staff_user_by_username(username).await?.is_some() {
            continue;
        }
        store
            .create_staff_user(
                DEMO_ACTOR,
                &NewStaffUser {
                    agency_code: (*agency).to_owned(),
                    username: (*username).to_owned(),
                    display_name: (*name).to_owned(),
                    role: *role,
                    password_hash: Some(hash_password(password)?),
                },
            )
            .await?;
    }
    Ok(())
}

/// Seeds the logins and, on the first run, the applications.
pub(crate) async fn seed(store: &Store) -> Result<(), StoreError> {
    seed_users(store).await?;
    if !store
        .audit_entries("demo", "applications")
        .await?
        .is_empty()
    {
        return Ok(());
    }
    let cal = WorkCalendar::operational().map_err(|e| StoreError::Procedure(e.into()))?;
    let today = store.today();
    let mut created = 0u32;
    for agency in AGENCIES {
        let count = if BUSY.contains(&agency.code) {
            40
        } else if agency.code == super::GOVERNMENT_CODE {
            30
        } else {
            6
        };
        let mut rng = Rng::for_key(agency.code, 0x5eed_ca5e);
        for n in 0..count {
            let plan = plan(&mut rng, cal, today, n)?;
            if seed_one(store, &mut rng, agency.code, agency.name, &plan, today).await? {
                created += 1;
            }
        }
    }
    let before = store
        .list_applications(&ApplicationFilter {
            per_page: 1,
            ..ApplicationFilter::default()
        })
        .await?
        .total;
    store
        .append_audit(&NewAuditEntry {
            actor: DEMO_ACTOR.into(),
            action: "demo.applications_seeded".into(),
            entity_type: "demo".into(),
            entity_key: "applications".into(),
            before: None,
            after: Some(
                json!({ "created": created, "applications": before, "today": today.to_string() }),
            ),
        })
        .await?;
    Ok(())
}

/// What happens to one demo application: its receipt and later events.
struct Plan {
    channel: ReceiptChannel,
    received: NaiveDate,
    events: Vec<ProcedureEvent>,
}

fn cal_err(e: gongkai_domain::calendar::CalendarError) -> StoreError {
    StoreError::Procedure(e.into())
}

/// The working day `n` working days before `day` (approximately: calendar
/// days scaled by 7/5, then moved to a working day and corrected).
fn workdays_before(cal: &WorkCalendar, day: NaiveDate, n: u32) -> Result<NaiveDate, StoreError> {
    let mut start = day - Duration::days(i64::from(n) * 7 / 5 + 1);
    for _ in 0..30 {
        start = cal
            .next_workday(start - Duration::days(1))
            .map_err(cal_err)?;
        let between = cal.workdays_between(start, day).map_err(cal_err)?;
        match between.cmp(&i64::from(n)) {
            std::cmp::Ordering::Equal => return Ok(start),
            std::cmp::Ordering::Less => start -= Duration::days(2),
            std::cmp::Ordering::Greater => start += Duration::days(1),
        }
    }
    Ok(start)
}

fn plan(rng: &mut Rng, cal: &WorkCalendar, today: NaiveDate, n: u32) -> Result<Plan, StoreError> {
    use ProcedureEvent as E;
    let add = |d: NaiveDate, w: u32| cal.add_workdays(d, w).map_err(cal_err);
    let channel = rng.pick(&[
        ReceiptChannel::InPerson,
        ReceiptChannel::OnlineConfirmed,
        ReceiptChannel::OnlineConfirmed,
        ReceiptChannel::PostSigned,
        ReceiptChannel::OrdinaryLetterConfirmed,
        ReceiptChannel::Email,
    ]);
    let outcome = Outcome::ALL[usize::try_from(n).unwrap_or(0) % Outcome::ALL.len()];
    // Scenario by position, so that every agency has a mix.
    let scenario = n % 14;
    let (received, events) = match scenario {
        // Open, answer period running: fresh, due soon and overdue.
        0 => (
            workdays_before(cal, today, rng.range(0, 12) as u32)?,
            vec![],
        ),
        1 => (
            workdays_before(cal, today, rng.range(17, 19) as u32)?,
            vec![],
        ),
        2 => (
            workdays_before(cal, today, rng.range(21, 26) as u32)?,
            vec![],
        ),
        // Waiting for the applicant's correction.
        3 => {
            let r = workdays_before(cal, today, rng.range(4, 8) as u32)?;
            (
                r,
                vec![E::CorrectionRequested {
                    date: add(r, 2)?,
                    period_workdays: 15,
                    service: Some(ServiceMethod::Electronic),
                }],
            )
        }
        // Correction period lapsed.
        4 => {
            let r = workdays_before(cal, today, rng.range(30, 40) as u32)?;
            (
                r,
                vec![E::CorrectionRequested {
                    date: add(r, 3)?,
                    period_workdays: 10,
                    service: Some(ServiceMethod::Electronic),
                }],
            )
        }
        // Consulting a third party.
        5 => {
            let r = workdays_before(cal, today, rng.range(8, 14) as u32)?;
            (
                r,
                vec![E::ConsultationStarted {
                    date: add(r, 6)?,
                    kind: ConsultationKind::ThirdParty,
                    service: Some(ServiceMethod::Electronic),
                }],
            )
        }
        // Waiting for the fee.
        6 => {
            let r = workdays_before(cal, today, rng.range(10, 16) as u32)?;
            (r, vec![fee_event(rng, add(r, 8)?)?])
        }
        // Extended, answer still due.
        7 => {
            let r = workdays_before(cal, today, rng.range(20, 28) as u32)?;
            (
                r,
                vec![E::ExtensionGranted {
                    date: add(r, 17)?,
                    workdays: 20,
                    approver: "县政府办公室主任 张卫东".into(),
                }],
            )
        }
        // Fee never paid, then closed (（六）2).
        8 => {
            let r = workdays_before(cal, today, rng.range(60, 200) as u32)?;
            let notice = add(r, 10)?;
            (
                r,
                vec![
                    fee_event(rng, notice)?,
                    E::Closed {
                        date: add(notice, 21)?,
                    },
                ],
            )
        }
        // Correction never came, then closed (（六）1).
        9 => {
            let r = workdays_before(cal, today, rng.range(60, 250) as u32)?;
            let asked = add(r, 4)?;
            (
                r,
                vec![
                    E::CorrectionRequested {
                        date: asked,
                        period_workdays: 15,
                        service: Some(ServiceMethod::Electronic),
                    },
                    E::Closed {
                        date: add(asked, 16)?,
                    },
                ],
            )
        }
        // Withdrawn.
        10 => {
            let r = workdays_before(cal, today, rng.range(30, 250) as u32)?;
            (
                r,
                vec![E::Withdrawn {
                    date: add(r, rng.range(2, 9) as u32)?,
                }],
            )
        }
        // Answered after correction and extension.
        11 => {
            let r = workdays_before(cal, today, rng.range(70, 280) as u32)?;
            let asked = add(r, 3)?;
            let corrected = add(asked, 5)?;
            let ext = add(corrected, 18)?;
            (
                r,
                vec![
                    E::CorrectionRequested {
                        date: asked,
                        period_workdays: 15,
                        service: Some(ServiceMethod::Electronic),
                    },
                    E::CorrectionReceived { date: corrected },
                    E::ExtensionGranted {
                        date: ext,
                        workdays: 15,
                        approver: "办公室主任 张卫东".into(),
                    },
                    E::Answered {
                        date: add(ext, 10)?,
                        outcome,
                    },
                ],
            )
        }
        // Answered after consultation, or after paying the fee.
        12 => {
            let r = workdays_before(cal, today, rng.range(50, 280) as u32)?;
            if rng.chance(50) {
                let start = add(r, 5)?;
                let reply = add(start, 10)?;
                (
                    r,
                    vec![
                        E::ConsultationStarted {
                            date: start,
                            kind: ConsultationKind::OtherAgency,
                            service: Some(ServiceMethod::Electronic),
                        },
                        E::ConsultationReplied {
                            date: reply,
                            consultation: None,
                        },
                        E::Answered {
                            date: add(reply, 6)?,
                            outcome,
                        },
                    ],
                )
            } else {
                let notice = add(r, 7)?;
                let paid = add(notice, 6)?;
                (
                    r,
                    vec![
                        fee_event(rng, notice)?,
                        E::FeePaid { date: paid },
                        E::Answered {
                            date: add(paid, 8)?,
                            outcome,
                        },
                    ],
                )
            }
        }
        // Answered in time (a few late).
        _ => {
            let r = workdays_before(cal, today, rng.range(25, 290) as u32)?;
            let took = if rng.chance(8) {
                rng.range(21, 25)
            } else {
                rng.range(3, 19)
            };
            (
                r,
                vec![E::Answered {
                    date: add(r, took as u32)?,
                    outcome,
                }],
            )
        }
    };
    // Nothing may lie in the future of the store's today.
    let events = events
        .into_iter()
        .take_while(|e| e.date() <= today)
        .collect();
    Ok(Plan {
        channel,
        received: received.min(today),
        events,
    })
}

/// A fee notice priced page by page (按量计收) for 40–260 pages.
fn fee_event(rng: &mut Rng, date: NaiveDate) -> Result<ProcedureEvent, StoreError> {
    let pages = u64::try_from(rng.range(40, 260)).unwrap_or(60);
    let quote = fee::per_volume(pages).map_err(|e| StoreError::Invalid(e.to_string()))?;
    Ok(ProcedureEvent::FeeNoticeIssued {
        date,
        amount_yuan: quote.amount_yuan,
        service: Some(ServiceMethod::Electronic),
    })
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "沈",
    "顾", "陆", "钱", "褚",
];
const GIVEN: &[&str] = &[
    "建华", "秀英", "伟", "芳", "敏", "静", "丽娟", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
    "涛", "明", "超", "秀兰", "霞", "海燕", "志强", "晓东", "雪梅", "国平",
];
const COMPANIES: &[(&str, ApplicantType)] = &[
    ("海盐县宏达紧固件有限公司", ApplicantType::Commercial),
    ("嘉兴市秦山建材贸易有限公司", ApplicantType::Commercial),
    ("浙江海滨物流股份有限公司", ApplicantType::Commercial),
    ("浙江大学公共管理学院课题组", ApplicantType::Research),
    ("海盐县绿色家园环保志愿者协会", ApplicantType::SocialWelfare),
    ("浙江盐官律师事务所", ApplicantType::LegalServices),
    ("海盐县武原街道城东社区居民委员会", ApplicantType::OtherOrg),
];
const ROADS: &[&str] = &[
    "盐北路",
    "枣园路",
    "海滨路",
    "长安路",
    "城北路",
    "华丰路",
    "勤俭路",
];
const REQUESTS: &[&str] = &[
    "申请公开{agency}{year}年度部门预算、决算及“三公”经费支出明细。",
    "请提供{road}沿线地块国有土地上房屋征收补偿方案及社会稳定风险评估报告。",
    "申请公开{road}改造提升工程的立项批复、初步设计批复及施工合同。",
    "申请获取{agency}{year}年对本人所在小区（{road}{n}号）作出的行政处罚决定书。",
    "请公开{year}年{agency}政府采购项目的中标公告及合同金额。",
    "申请公开{agency}关于{road}片区控制性详细规划调整的公示材料及专家论证意见。",
    "申请公开{year}年度{agency}办理的人大代表建议和政协提案答复全文。",
    "请提供{agency}{year}年发放各类专项补助资金的名单及金额。",
    "申请公开{road}{n}号地块建设工程规划许可证及附图。",
    "申请公开{agency}制定的关于学区划分的规范性文件及其起草说明。",
    "请提供{year}年{agency}组织的安全生产检查记录及整改情况。",
    "申请公开{agency}{year}年信访件办理情况统计。",
];

/// A valid 18-digit resident ID (GB 11643) for a demo person born in 1955–2002.
fn resident_id(rng: &mut Rng) -> String {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    let body = format!(
        "330424{:04}{:02}{:02}{:03}",
        rng.range(1955, 2002),
        rng.range(1, 12),
        rng.range(1, 28),
        rng.range(1, 999)
    );
    let sum: u32 = body
        .chars()
        .zip(WEIGHTS)
        .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
        .sum();
    format!("{body}{}", CHECK[(sum % 11) as usize])
}

fn applicant(rng: &mut Rng) -> NewApplicant {
    let name = format!("{}{}", rng.pick(SURNAMES), rng.pick(GIVEN));
    let organisation = rng.chance(25).then(|| rng.pick(COMPANIES));
    let phone = format!("1{}{:09}", rng.range(35, 89), rng.range(0, 999_999_999));
    let phone = phone.chars().take(11).collect();
    let road = rng.pick(ROADS);
    NewApplicant {
        applicant_type: organisation.map_or(ApplicantType::NaturalPerson, |(_, t)| t),
        name,
        id_document_type: IdDocumentType::ResidentId,
        id_document_number: resident_id(rng),
        phone,
        address: format!("浙江省嘉兴市海盐县{road}{}号", rng.range(1, 480)),
        email: if rng.chance(40) {
            format!("applicant{}@example.com", rng.range(100, 9999))
        } else {
            String::new()
        },
        organisation_name: organisation.map(|(o, _)| o.to_owned()),
        credit_code: None,
    }
}

/// Registers one application and records its events; false when the
/// deadline engine refused the receipt (nothing is registered then).
async fn seed_one(
    store: &Store,
    rng: &mut Rng,
    code: &str,
    agency_name: &str,
    plan: &Plan,
    today: NaiveDate,
) -> Result<bool, StoreError> {
    let template = rng.pick(REQUESTS);
    let year = (plan.received.year() - i32::from(rng.chance(60))).max(2020);
    let description = template
        .replace("{agency}", agency_name)
        .replace("{year}", &year.to_string())
        .replace("{road}", rng.pick(ROADS))
        .replace("{n}", &rng.range(1, 300).to_string());
    let new = NewApplication {
        agency_code: code.to_owned(),
        applicant: applicant(rng),
        channel: plan.channel,
        received_on: plan.received,
        description,
        delivery_form: rng.pick(&[
            DeliveryForm::ElectronicEmail,
            DeliveryForm::ElectronicOnline,
            DeliveryForm::PaperPost,
            DeliveryForm::PaperPickup,
        ]),
    };
    let application = match store.create_application(DEMO_ACTOR, &new).await {
        Ok(a) => a,
        Err(StoreError::Procedure(_) | StoreError::InvalidField { .. }) => return Ok(false),
        Err(e) => return Err(e),
    };
    if rng.chance(20) {
        let body = format!(
            "政府信息公开申请表（扫描件说明）\n申请人：{}\n收到日期：{}\n",
            application.applicant.details.name, application.received_on
        );
        store
            .add_attachment(
                DEMO_ACTOR,
                application.id,
                &NewAttachment {
                    file_name: "申请表.txt".into(),
                    media_type: "text/plain; charset=utf-8".into(),
                    bytes: body.into_bytes(),
                },
            )
            .await?;
    }
    for event in &plan.events {
        if event.date() > today {
            break;
        }
        match store
            .add_event(DEMO_ACTOR, application.id, event.clone())
            .await
        {
            Ok(_) => {}
            // A plan the engine refuses (e.g. a period that ends in an
            // unpublished year) stops where it is.
            Err(StoreError::Procedure(_) | StoreError::Invalid(_)) => break,
            Err(e) => return Err(e),
        }
    }
    Ok(true)
}
