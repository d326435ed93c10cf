//! Indexing throughput and query latency on synthetic but realistic catalog
//! items (titles and bodies built from 公文 templates with a seeded RNG).
//!
//! `cargo bench -p gongkai-search --bench search`. The corpus size defaults
//! to 100,000 items; set `GONGKAI_BENCH_DOCS` to change it. Building the big
//! index happens once, outside criterion, and prints docs/s and the size of
//! the index on disk; criterion then measures indexing of a 2,000-item batch
//! in RAM and the latency of typical queries against the big on-disk index.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gongkai_search::{SearchDocument, SearchIndex, SearchQuery, SortOrder};

/// SplitMix64: tiny, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const COUNTY: &str = "海盐县";
/// (code, name, 文号 abbreviation)
const AGENCIES: &[(&str, &str, &str)] = &[
    ("zfb", "人民政府办公室", "盐政办"),
    ("czj", "财政局", "盐财"),
    ("jyj", "教育局", "盐教"),
    ("wjj", "卫生健康局", "盐卫健"),
    ("zrj", "自然资源和规划局", "盐自然资规"),
    ("hbj", "生态环境分局", "嘉环盐"),
    ("jsj", "住房和城乡建设局", "盐建"),
    ("jtj", "交通运输局", "盐交"),
    ("nyj", "农业农村局", "盐农"),
    ("mzj", "民政局", "盐民"),
    ("rsj", "人力资源和社会保障局", "盐人社"),
    ("scj", "市场监督管理局", "盐市监"),
    ("sjj", "审计局", "盐审"),
    ("tjj", "统计局", "盐统"),
    ("yjj", "应急管理局", "盐应急"),
    ("wyjd", "武原街道办事处", "武街"),
    ("sdz", "沈荡镇人民政府", "沈政"),
    ("bbz", "百步镇人民政府", "百政"),
    ("ycz", "于城镇人民政府", "于政"),
    ("gpz", "澉浦镇人民政府", "澉政"),
];
const TOPICS: &[&str] = &[
    "县级预算执行",
    "财政收支",
    "城乡居民基本医疗保险",
    "义务教育招生",
    "最低生活保障",
    "农村人居环境整治",
    "安全生产",
    "集体土地征收",
    "生态环境保护",
    "老旧小区改造",
    "重大行政决策",
    "行政执法",
    "政府采购",
    "就业补助资金",
    "耕地保护",
    "防汛防台",
    "食品安全",
    "消防安全",
    "优化营商环境",
    "数字化改革",
    "垃圾分类",
    "养老服务",
    "残疾人两项补贴",
    "困难群众救助",
    "高标准农田建设",
    "河湖长制",
    "政务公开",
    "公共文化服务",
    "学前教育",
    "公共卫生",
    "住房保障",
    "乡村振兴",
];
const CATEGORIES: &[&str] = &[
    "regulation",
    "plan",
    "budget",
    "statistics",
    "permit",
    "procurement",
    "personnel",
    "emergency",
    "social_assistance",
    "annual_report",
];
const SENTENCES: &[&str] = &[
    "为深入贯彻落实党中央、国务院决策部署，进一步做好{t}工作，结合本县实际，制定本方案。",
    "{y}年，{a}坚持以人民为中心的发展思想，{t}工作取得明显成效。",
    "各乡镇（街道）、县级有关部门要高度重视，明确责任分工，确保各项任务按期完成。",
    "截至{y}年底，全县累计投入资金{n}万元，惠及群众{m}人。",
    "本办法自印发之日起施行，有效期五年，由{a}负责解释。",
    "对{t}过程中发现的问题，要建立台账，限期整改，整改情况及时向社会公开。",
    "请各单位于{y}年{mo}月{d}日前将有关材料报送{a}，逾期不再受理。",
    "根据《中华人民共和国政府信息公开条例》规定，现将有关情况公开如下。",
    "{a}将加强监督检查，对工作不力、造成不良影响的，依法依规追究责任。",
    "下一步，我们将持续深化{t}，不断提升群众的获得感、幸福感和安全感。",
    "一般公共预算收入完成{n}万元，同比增长{p}%，预算执行情况总体良好。",
    "联系人：{a}办公室，联系电话：0573-86{n}。",
];

fn fill(template: &str, rng: &mut Rng, agency: &str, topic: &str, year: u32) -> String {
    template
        .replace("{t}", topic)
        .replace("{a}", &format!("{COUNTY}{agency}"))
        .replace("{y}", &year.to_string())
        .replace("{n}", &(1000 + rng.below(90000)).to_string())
        .replace("{m}", &(100 + rng.below(50000)).to_string())
        .replace("{p}", &(1 + rng.below(15)).to_string())
        .replace("{mo}", &(1 + rng.below(12)).to_string())
        .replace("{d}", &(1 + rng.below(28)).to_string())
}

fn generate(n: usize, seed: u64) -> Vec<SearchDocument> {
    let mut rng = Rng(seed);
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    (0..n)
        .map(|i| {
            let (code, agency, abbr) = AGENCIES[rng.below(AGENCIES.len())];
            let topic = rng.pick(TOPICS);
            let published_on = start + chrono::Days::new(rng.below(11 * 365) as u64);
            let year = chrono::Datelike::year(&published_on) as u32;
            let title = match rng.below(9) {
                0 => format!("{COUNTY}{agency}关于{year}年{topic}情况的报告"),
                1 => format!("关于印发《{COUNTY}{topic}管理办法》的通知"),
                2 => format!("{COUNTY}{agency}关于做好{year}年度{topic}工作的通知"),
                3 => format!("{COUNTY}{agency}{year}年政府信息公开工作年度报告"),
                4 => format!("关于{year}年{topic}项目资金分配情况的公示"),
                5 => format!(
                    "{COUNTY}{agency}{year}年部门{}",
                    if rng.below(2) == 0 {
                        "预算"
                    } else {
                        "决算"
                    }
                ),
                6 => format!("关于进一步加强{topic}工作的实施意见"),
                7 => format!("{COUNTY}{agency}{year}年公开招聘编外工作人员公告"),
                _ => format!("《{COUNTY}{topic}实施方案》政策解读"),
            };
            let body: String = (0..4 + rng.below(5))
                .map(|_| {
                    let s = rng.pick(SENTENCES);
                    fill(s, &mut rng, agency, topic, year)
                })
                .collect();
            let doc_number =
                (rng.below(2) == 0).then(|| format!("{abbr}发〔{year}〕{}号", 1 + rng.below(80)));
            let validity = match rng.below(10) {
                0 => "repealed",
                1 | 2 => "expired",
                _ => "valid",
            };
            SearchDocument {
                index_no: format!("0025411{:02}/{year}-{i:06}", rng.below(99)),
                title,
                body,
                agency_code: code.into(),
                agency_name: format!("{COUNTY}{agency}"),
                category: rng.pick(CATEGORIES).into(),
                doc_number,
                published_on,
                validity: validity.into(),
            }
        })
        .collect()
}

fn dir_size(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

fn benches(c: &mut Criterion) {
    let n: usize = std::env::var("GONGKAI_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        // `cargo test --all-targets` runs benches once as smoke tests (without
        // `--bench`): keep that quick with a small corpus.
        .unwrap_or(if std::env::args().any(|a| a == "--bench") {
            100_000
        } else {
            1_000
        });
    let docs = generate(n, 2024);
    let bytes: usize = docs.iter().map(|d| d.title.len() + d.body.len()).sum();
    let dir = tempfile::tempdir().expect("temporary directory");
    let index = SearchIndex::open_or_create(dir.path()).expect("open index");
    let started = Instant::now();
    let count = index.rebuild(docs).expect("rebuild");
    let elapsed = started.elapsed().as_secs_f64();
    eprintln!(
        "indexed {count} items ({:.1} MB of title+body text) into an on-disk index in {elapsed:.1} s: {:.0} docs/s, {:.2} MB/s; index size {:.1} MB",
        bytes as f64 / 1e6,
        count as f64 / elapsed,
        bytes as f64 / 1e6 / elapsed,
        dir_size(dir.path()) as f64 / 1e6,
    );

    let batch = generate(2_000, 7);
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.throughput(Throughput::Elements(batch.len() as u64));
    group.bench_function("upsert_2000_items_in_ram", |b| {
        b.iter(|| {
            let index = SearchIndex::in_memory().expect("in-memory index");
            index.upsert(black_box(&batch)).expect("upsert");
        })
    });
    group.finish();

    let queries = [
        ("two_chars_公开", SearchQuery::text("公开")),
        ("phrase_预算执行", SearchQuery::text("预算执行")),
        (
            "sentence_预算执行情况的报告",
            SearchQuery::text("县级预算执行情况的报告"),
        ),
        (
            "filtered_预算_agency_category_dates",
            SearchQuery {
                agency_code: Some("czj".into()),
                category: Some("budget".into()),
                published_from: NaiveDate::from_ymd_opt(2020, 1, 1),
                published_to: NaiveDate::from_ymd_opt(2024, 12, 31),
                validity: Some("valid".into()),
                ..SearchQuery::text("预算")
            },
        ),
        (
            "filters_only_newest_first",
            SearchQuery {
                category: Some("budget".into()),
                ..SearchQuery::default()
            },
        ),
        (
            "page_50_of_公开",
            SearchQuery {
                page: 50,
                ..SearchQuery::text("公开")
            },
        ),
        // Added with the bigram index (no "before" figure).
        (
            "newest_first_公开",
            SearchQuery {
                sort: SortOrder::Newest,
                ..SearchQuery::text("公开")
            },
        ),
        ("cut_through_words_府信息公", SearchQuery::text("府信息公")),
        ("typo_部门预箅_dropped_word", SearchQuery::text("部门预箅")),
        ("pinyin_yusuan_no_hits", SearchQuery::text("yusuan")),
    ];
    let mut group = c.benchmark_group("query_100k");
    for (name, query) in &queries {
        let total = index.search(query).map(|r| r.total).unwrap_or(0);
        eprintln!("{name}: {total} hits");
        group.bench_function(*name, |b| {
            b.iter(|| index.search(black_box(query)).expect("search"))
        });
    }
    for prefix in ["政府信", "关于"] {
        group.bench_function(format!("suggest_{prefix}"), |b| {
            b.iter(|| index.suggest(black_box(prefix), 8).expect("suggest"))
        });
    }
    group.finish();
}

criterion_group!(search_benches, benches);
criterion_main!(search_benches);
