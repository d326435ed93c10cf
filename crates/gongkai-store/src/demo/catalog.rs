//! The demo catalog: deterministic, realistic items for every demo agency.

use chrono::{Datelike, Duration, NaiveDate};

use super::agencies::DemoAgency;
use super::rng::Rng;
use super::text::{Fill, PLACES, PROJECTS, ROADS, SECTIONS, TYPHOONS, fill, opening, titles};
use crate::{
    AgencyKind, Category, DisclosureMode, IndexRule, ItemStatus, NewCatalogItem, Validity,
};

/// The first and last year of demo items.
const FIRST_YEAR: i32 = 2019;
const LAST_YEAR: i32 = 2025;

/// The Chinese date as printed under a signature: 2024年3月12日.
pub(crate) fn chinese_date(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

fn topic_for(agency: &DemoAgency, category: Category) -> &'static str {
    match category {
        Category::Budget | Category::Procurement => "财政、金融、审计",
        Category::CivilService => "劳动、人事、监察",
        Category::Emergencies | Category::Inspections if agency.kind != AgencyKind::Department => {
            "市场监管、安全生产监管"
        }
        Category::PublicWelfare if agency.kind != AgencyKind::Department => "民政、扶贫、救灾",
        Category::RuralAffairs => "农业、林业、水利",
        Category::LocalAffairs => "城乡建设、环境保护",
        _ => agency.topic,
    }
}

fn random_date(rng: &mut Rng) -> NaiveDate {
    // Recent years weigh more, as on real portals.
    let year = FIRST_YEAR + i32::try_from(rng.below(7).max(rng.below(7))).unwrap_or(0);
    let day_of_year = u32::try_from(rng.range(1, 360)).unwrap_or(1);
    NaiveDate::from_yo_opt(year, day_of_year).unwrap_or(NaiveDate::MIN)
}

/// Builds the body: opening, numbered sections, signature.
fn body(
    agency: &DemoAgency,
    category: Category,
    f: &Fill<'_>,
    written: NaiveDate,
    rng: &mut Rng,
) -> String {
    let mut paragraphs = Vec::new();
    if category == Category::Regulations {
        paragraphs.push(match agency.kind {
            AgencyKind::Government => {
                "各镇人民政府、街道办事处，县政府各部门、各直属单位：".to_owned()
            }
            AgencyKind::Town => "各村（社区），街道（镇）各办、站、所：".to_owned(),
            AgencyKind::Department => "各科室、各直属单位，各镇（街道）有关单位：".to_owned(),
        });
    }
    paragraphs.push(fill(opening(category), f));
    let count = 3 + usize::try_from(rng.below(3)).unwrap_or(0);
    let numbers = ["一", "二", "三", "四", "五", "六"];
    let start = usize::try_from(rng.below(2)).unwrap_or(0);
    for (i, (heading, text)) in SECTIONS.iter().skip(start).take(count).enumerate() {
        paragraphs.push(format!("{}、{heading}", numbers[i.min(numbers.len() - 1)]));
        paragraphs.push(fill(text, f));
    }
    if category == Category::Organisation {
        paragraphs.push(format!("办公地址：{}", agency.address));
        paragraphs.push(format!("办公时间：{}", super::agencies::OFFICE_HOURS));
        paragraphs.push(format!("联系电话：{}", agency.phone));
    }
    paragraphs.push(agency.display_name());
    paragraphs.push(chinese_date(written));
    paragraphs.join("\n\n")
}

/// The demo items of `agency`, with 索引号 by `rule`, in publication order.
pub(crate) fn items_for(agency: &DemoAgency, rule: &IndexRule) -> Vec<NewCatalogItem> {
    let mut rng = Rng::for_key(agency.code, 20);
    let agency_name = agency.display_name();
    let mut drafts: Vec<(NaiveDate, NewCatalogItem)> = Vec::new();
    let mut doc_seq = 0u32;
    for i in 0..agency.items {
        // Every agency opens with its organisation page; the rest are spread over its categories.
        let category = if i == 0 {
            Category::Organisation
        } else {
            rng.pick(agency.categories)
        };
        let written = random_date(&mut rng);
        let published = (written + Duration::days(rng.range(0, 12)))
            .min(NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or(written));
        let mut f = Fill {
            agency: &agency_name,
            field: rng.pick(agency.fields),
            year: written.year(),
            month: written.month(),
            quarter: (written.month() - 1) / 3,
            n: u32::try_from(rng.range(1, 60)).unwrap_or(1),
            prefix: agency.doc_prefix,
            project: rng.pick(PROJECTS),
            place: rng.pick(PLACES),
            road: rng.pick(ROADS),
            typhoon: rng.pick(TYPHOONS),
            phone: agency.phone,
        };
        let title_template = if i == 0 {
            "{agency}机构职能"
        } else {
            rng.pick(titles(category))
        };
        let title = fill(title_template, &f);
        let has_number = match category {
            Category::Regulations => !title.contains("政策解读"),
            Category::Planning | Category::Emergencies | Category::PublicWelfare => rng.chance(50),
            Category::Organisation | Category::Statistics | Category::Procurement => false,
            _ => rng.chance(15),
        };
        let doc_number = has_number.then(|| {
            doc_seq += 1;
            let prefix = match (agency.kind, category) {
                (AgencyKind::Government, Category::Regulations) if rng.chance(40) => "盐政办发",
                (AgencyKind::Government, _) => "盐政发",
                _ => agency.doc_prefix,
            };
            f.n = u32::try_from(rng.range(1, 90)).unwrap_or(1);
            format!("{prefix}〔{}〕{}号", written.year(), f.n)
        });
        let (validity, validity_changed_on) =
            if category == Category::Regulations && written.year() <= 2021 {
                match rng.below(100) {
                    0..=14 => (Validity::Expired, Some(written + Duration::days(365 * 3))),
                    15..=21 => (
                        Validity::Repealed,
                        Some(written + Duration::days(rng.range(400, 1200))),
                    ),
                    _ => (Validity::Valid, None),
                }
            } else {
                (Validity::Valid, None)
            };
        let body = body(agency, category, &f, written, &mut rng);
        drafts.push((
            published,
            NewCatalogItem {
                index_no: None,
                agency_code: agency.code.to_owned(),
                title,
                doc_number,
                written_on: Some(written),
                published_on: Some(published),
                category,
                topic: topic_for(agency, category).to_owned(),
                validity,
                validity_changed_on,
                disclosure_mode: DisclosureMode::Proactive,
                body,
                status: ItemStatus::Published,
            },
        ));
    }
    // 索引号 are numbered per year in order of publication.
    drafts.sort_by_key(|d| d.0);
    let mut seq_year = (0, 0u32);
    drafts
        .into_iter()
        .map(|(published, mut item)| {
            let year = published.year();
            seq_year = if seq_year.0 == year {
                (year, seq_year.1 + 1)
            } else {
                (year, 1)
            };
            item.index_no = Some(rule.format(agency.code, year, seq_year.1));
            item
        })
        .collect()
}
