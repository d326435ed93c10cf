//! Demo annual reports: the 2020 figures of two real reports (embedded as
//! canonical JSON fixtures, numbers only) and generated 2021–2025 reports whose
//! tables add up (rules R1–R4) and continue from year to year (R6, R7).

use gongkai_domain::report::{
    ApplicantColumn, ApplicationRow, ProactiveField, ProactiveRow, ReviewColumn, ReviewGroup,
};
use gongkai_domain::{CellKey, Report, Section};
use rust_decimal::Decimal;

use super::agencies::{GOVERNMENT_CODE, TOBACCO_CODE};
use super::rng::Rng;
use crate::StoreError;

/// 2020 figures of 海盐县人民政府 (corpus report 002).
const GOVERNMENT_2020: &str = include_str!("fixtures/haiyan-government-2020.json");
/// 2020 figures of 海盐县烟草专卖局 (corpus report 000).
const TOBACCO_2020: &str = include_str!("fixtures/haiyan-tobacco-2020.json");

/// The agencies with generated reports for 2021–2025 and their size (scales the numbers).
const GENERATED: &[(&str, &str, i64)] = &[
    (GOVERNMENT_CODE, "海盐县人民政府", 10),
    (TOBACCO_CODE, "海盐县烟草专卖局", 1),
    ("330424103", "海盐县财政局", 2),
    ("330424106", "海盐县自然资源和规划局", 4),
    ("330424201", "武原街道", 2),
    ("330424205", "沈荡镇", 1),
];

/// Years of the generated reports.
pub(crate) const GENERATED_YEARS: std::ops::RangeInclusive<i32> = 2021..=2025;

/// Every demo report with its agency's code, oldest first per agency.
pub(crate) fn all_reports() -> Result<Vec<(String, Report)>, StoreError> {
    let mut out = Vec::new();
    for (code, fixture) in [
        (GOVERNMENT_CODE, GOVERNMENT_2020),
        (TOBACCO_CODE, TOBACCO_2020),
    ] {
        let mut report = Report::from_json_str(fixture)?;
        add_narratives(&mut report);
        out.push((code.to_owned(), report));
    }
    for &(code, name, size) in GENERATED {
        let previous = out
            .iter()
            .find(|(c, r)| c == code && r.year == 2020)
            .map(|(_, r)| r.clone());
        let mut rng = Rng::for_key(code, 2021);
        let mut in_force = Decimal::from(match previous.as_ref() {
            Some(p) => p
                .value(CellKey::Proactive(
                    ProactiveRow::NormativeDocuments,
                    ProactiveField::TotalPublished,
                ))
                .map_or(30, |v| v.try_into().unwrap_or(30i64).min(200)),
            None => rng.range(3, 12 * size),
        });
        let mut carried: Vec<i64> = ApplicantColumn::APPLICANTS
            .iter()
            .map(|&c| {
                previous.as_ref().map_or_else(
                    || {
                        if c == ApplicantColumn::NaturalPerson {
                            rng.range(0, size)
                        } else {
                            0
                        }
                    },
                    |p| {
                        p.application_count(ApplicationRow::CarriedForward, c)
                            .try_into()
                            .unwrap_or(0)
                    },
                )
            })
            .collect();
        for year in GENERATED_YEARS {
            let (report, next_carried, next_in_force) =
                generate(name, year, size, &carried, in_force, &mut rng);
            carried = next_carried;
            in_force = next_in_force;
            out.push((code.to_owned(), report));
        }
    }
    Ok(out)
}

/// Outcome rows of the 2021 format with their relative weights.
const OUTCOME_WEIGHTS: &[(ApplicationRow, u64)] = &[
    (ApplicationRow::Granted, 44),
    (ApplicationRow::PartiallyGranted, 10),
    (ApplicationRow::DeniedThirdParty, 2),
    (ApplicationRow::DeniedInternalAffairs, 2),
    (ApplicationRow::DeniedProcessInfo, 2),
    (ApplicationRow::DeniedEnforcementFile, 1),
    (ApplicationRow::DeniedAdministrativeQuery, 1),
    (ApplicationRow::UnavailableNotHeld, 24),
    (ApplicationRow::UnavailableNeedsCreation, 3),
    (ApplicationRow::UnavailableUnclear, 2),
    (ApplicationRow::RejectedPetition, 2),
    (ApplicationRow::RejectedDuplicate, 2),
    (ApplicationRow::RejectedPublication, 1),
    (ApplicationRow::RejectedConfirmation, 1),
    (ApplicationRow::OtherOverdueCorrection, 2),
    (ApplicationRow::OtherUnpaidFee, 1),
];

fn weighted_row(rng: &mut Rng) -> ApplicationRow {
    let total: u64 = OUTCOME_WEIGHTS.iter().map(|(_, w)| w).sum();
    let mut roll = rng.below(total);
    for &(row, weight) in OUTCOME_WEIGHTS {
        if roll < weight {
            return row;
        }
        roll -= weight;
    }
    ApplicationRow::Granted
}

fn set(report: &mut Report, key: CellKey, value: i64) {
    report.set(key, Some(Decimal::from(value)));
}

/// One generated 2021-format report; returns it with the carried-forward counts
/// and the 现行有效件数 that the next year continues from.
fn generate(
    agency: &str,
    year: i32,
    size: i64,
    carried_over: &[i64],
    in_force: Decimal,
    rng: &mut Rng,
) -> (Report, Vec<i64>, Decimal) {
    let mut report = Report::skeleton(Some(agency.to_owned()), year);
    // Table 二.
    let issued = rng.range(0, 4 * size);
    let repealed = rng.range(0, issued.min(3 * size) / 2 + 1);
    let repealed = repealed.min(i64::try_from(in_force).unwrap_or(0) + issued);
    let next_in_force = in_force + Decimal::from(issued - repealed);
    let normative = |f| CellKey::Proactive(ProactiveRow::NormativeDocuments, f);
    set(&mut report, normative(ProactiveField::Issued), issued);
    set(&mut report, normative(ProactiveField::Repealed), repealed);
    report.set(normative(ProactiveField::InForce), Some(next_in_force));
    let decisions = |row| CellKey::Proactive(row, ProactiveField::Decisions);
    set(
        &mut report,
        decisions(ProactiveRow::Licensing),
        rng.range(20, 1500) * size,
    );
    set(
        &mut report,
        decisions(ProactiveRow::Penalty),
        rng.range(0, 300) * size,
    );
    set(
        &mut report,
        decisions(ProactiveRow::Coercion),
        rng.range(0, 12) * size,
    );
    let fee_cents = rng.range(0, 250_000) * size;
    report.set(
        CellKey::Proactive(ProactiveRow::Fees, ProactiveField::AmountWanYuan),
        Some(Decimal::new(fee_cents, 2)),
    );

    // Table 三: per applicant column, new + carried = processed + carried forward.
    let new_received: Vec<i64> = vec![
        rng.range(0, 18 * size) + size,
        rng.range(0, size),
        rng.range(0, 1),
        0,
        rng.range(0, size),
        rng.range(0, 2),
    ];
    let mut next_carried = Vec::new();
    for (i, &col) in ApplicantColumn::APPLICANTS.iter().enumerate() {
        let new = new_received[i];
        let carried = carried_over.get(i).copied().unwrap_or(0);
        let forward = if col == ApplicantColumn::NaturalPerson {
            rng.range(0, (new + carried).min(size + 2))
        } else {
            0
        };
        let processed = new + carried - forward;
        set(
            &mut report,
            CellKey::Application(ApplicationRow::NewReceived, col),
            new,
        );
        set(
            &mut report,
            CellKey::Application(ApplicationRow::CarriedOver, col),
            carried,
        );
        set(
            &mut report,
            CellKey::Application(ApplicationRow::CarriedForward, col),
            forward,
        );
        set(
            &mut report,
            CellKey::Application(ApplicationRow::TotalProcessed, col),
            processed,
        );
        for _ in 0..processed {
            let row = weighted_row(rng);
            let now = report.application_count(row, col);
            report.set(CellKey::Application(row, col), Some(now + Decimal::ONE));
        }
        next_carried.push(forward);
    }
    let format = report.format;
    for &row in ApplicationRow::ALL.iter().filter(|r| r.in_format(format)) {
        let total: Decimal = ApplicantColumn::APPLICANTS
            .iter()
            .map(|&c| report.application_count(row, c))
            .sum();
        report.set(
            CellKey::Application(row, ApplicantColumn::Total),
            Some(total),
        );
    }

    // Table 四.
    for group in ReviewGroup::ALL {
        let cases = match group {
            ReviewGroup::Reconsideration => rng.range(0, 1 + size / 2),
            _ => rng.range(0, 1 + size / 5),
        };
        let mut total = 0;
        for _ in 0..cases {
            let col = match rng.below(10) {
                0..=5 => ReviewColumn::Upheld,
                6 => ReviewColumn::Corrected,
                7..=8 => ReviewColumn::Other,
                _ => ReviewColumn::Pending,
            };
            let now = report.review_count(group, col);
            report.set(CellKey::Review(group, col), Some(now + Decimal::ONE));
            total += 1;
        }
        set(
            &mut report,
            CellKey::Review(group, ReviewColumn::Total),
            total,
        );
    }
    add_narratives(&mut report);
    (report, next_carried, next_in_force)
}

/// Writes the six narrative sections from the report's own figures, so text and tables agree.
pub(crate) fn add_narratives(report: &mut Report) {
    let agency = report.agency.clone().unwrap_or_else(|| "本机关".to_owned());
    let year = report.year;
    let total = |r: &Report, row| r.application_count(row, ApplicantColumn::Total);
    let new = total(report, ApplicationRow::NewReceived);
    let carried = total(report, ApplicationRow::CarriedOver);
    let processed = total(report, ApplicationRow::TotalProcessed);
    let forward = total(report, ApplicationRow::CarriedForward);
    let granted =
        total(report, ApplicationRow::Granted) + total(report, ApplicationRow::PartiallyGranted);
    let reconsideration = report.review_count(ReviewGroup::Reconsideration, ReviewColumn::Total);
    let litigation = report.review_count(ReviewGroup::LitigationDirect, ReviewColumn::Total)
        + report.review_count(
            ReviewGroup::LitigationAfterReconsideration,
            ReviewColumn::Total,
        );
    let texts = [
        (
            Section::Overview,
            format!(
                "{year}年，{agency}深入贯彻落实《中华人民共和国政府信息公开条例》，坚持“以公开为常态、不公开为例外”，\
                 围绕主动公开、依申请公开、政府信息管理、政府信息公开平台建设和监督保障五个方面扎实开展政府信息公开工作。\
                 全年共收到政府信息公开申请{new}件，上年结转{carried}件，办结{processed}件，结转下年度继续办理{forward}件。"
            ),
        ),
        (
            Section::Proactive,
            format!("{agency}通过政府信息公开平台主动公开法定主动公开内容，主要数据见下表。"),
        ),
        (
            Section::Applications,
            format!(
                "本年度办结的{processed}件申请中，予以公开和部分公开共{granted}件，其余按照条例规定依法作出答复。详见下表。"
            ),
        ),
        (
            Section::Reviews,
            format!("本年度因政府信息公开工作被申请行政复议{reconsideration}件，被提起行政诉讼{litigation}件。"),
        ),
        (
            Section::Problems,
            "政府信息公开工作仍存在部分栏目更新不够及时、政策解读形式较为单一等问题。下一步，将进一步健全信息发布审查机制，\
             丰富图表、音视频等解读形式，持续提升公开质量。"
                .to_owned(),
        ),
        (
            Section::OtherMatters,
            "本年度未收取信息处理费。无其他需要报告的事项。".to_owned(),
        ),
    ];
    for (section, text) in texts {
        report.set_narrative(section, text);
    }
}
