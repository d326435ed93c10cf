//! Adds a large number of realistic published catalog items on top of the demo
//! data, for the portal load benchmark (`scripts/loadbench`).
//!
//! ```text
//! cargo run --release -p gongkai-store --example seed_items [COUNT] [SQLITE_FILE] [PATHS_FILE]
//! ```
//!
//! Defaults: 1,000,000 items into `gongkai.db`. With `PATHS_FILE`, the portal
//! paths (`/items/…`) of 20,000 generated items picked at random are written
//! there, one a line, for the load generator. The file is created, migrated and
//! seeded with the demo dataset (idempotent) first. Items are spread evenly over
//! the demo agencies and the years 2019–2025, with titles, 文号, 主题分类 and
//! bodies assembled from phrase lists, so that search queries have realistic hit
//! counts. Every generated item has a deterministic 索引号 under the default rule
//! with a sequence number from 10001 on (`330424000/2023-10042`), which keeps
//! them apart from the demo items and makes the run resumable: batches whose
//! last 索引号 already exists are skipped, so re-running tops up a partly loaded
//! database and a fully loaded one is left alone in a few seconds.
//!
//! Loading uses multi-row INSERTs (500 rows per statement) in transactions of
//! 20,000 rows, straight through sqlx: the store's per-item import path (with
//! its per-row 索引号 lookup and audit entry) is not what is being measured.

use std::time::Instant;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{QueryBuilder, Sqlite};

/// First and last year of generated items.
const FIRST_YEAR: u64 = 2019;
const YEARS: u64 = 7;
/// Generated sequence numbers start here, above any demo item's.
const FIRST_SEQ: u64 = 10_001;
/// Rows per INSERT statement (15 binds each, below SQLite's 32,766 limit).
const ROWS_PER_STATEMENT: usize = 500;
/// Rows per transaction.
const ROWS_PER_TRANSACTION: u64 = 20_000;

/// SplitMix64, so that every run generates the same data.
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

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// (category key, 主题分类, subjects, title patterns; `{s}` = subject, `{y}` = year).
type CategoryText = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

const CATEGORIES: &[CategoryText] = &[
    (
        "art20_01",
        "综合政务",
        &[
            "城乡居民最低生活保障",
            "农村宅基地管理",
            "政府投资项目管理",
            "行政规范性文件管理",
            "公共资源交易",
            "住房公积金提取",
            "养老服务补贴",
            "城市道路占用挖掘管理",
        ],
        &[
            "关于印发《{s}实施办法》的通知",
            "关于进一步加强{s}工作的意见",
            "关于{s}的暂行规定",
            "《{s}实施办法》政策解读",
        ],
    ),
    (
        "art20_03",
        "国民经济管理、国有资产监管",
        &[
            "国民经济和社会发展",
            "综合交通",
            "国土空间",
            "乡村振兴",
            "生态环境保护",
            "文化旅游融合发展",
        ],
        &[
            "{y}年{s}规划",
            "{s}“十四五”专项规划",
            "关于{s}规划中期评估情况的报告",
        ],
    ),
    (
        "art20_04",
        "统计",
        &[
            "国民经济运行",
            "规模以上工业",
            "固定资产投资",
            "社会消费品零售",
            "城乡居民收支",
        ],
        &[
            "{y}年1-{m}月{s}情况",
            "{y}年{s}统计公报",
            "{y}年第{q}季度{s}主要指标",
        ],
    ),
    (
        "art20_05",
        "公安、安全、司法",
        &[
            "建设工程规划许可",
            "食品经营许可",
            "排污许可",
            "取水许可",
            "道路运输经营许可",
            "建筑工程施工许可",
        ],
        &[
            "{y}年{m}月{s}办理结果公示",
            "{s}办事指南",
            "关于{s}事项调整的公告",
        ],
    ),
    (
        "art20_06",
        "市场监管、安全生产监管",
        &[
            "环境违法",
            "食品安全",
            "道路交通安全",
            "特种设备安全",
            "价格违法",
            "建筑施工安全",
        ],
        &[
            "{y}年{s}行政处罚决定书（第{n}号）",
            "{s}行政处罚结果公示（{y}年第{n}期）",
            "{s}行政强制措施实施情况",
        ],
    ),
    (
        "art20_07",
        "财政、金融、审计",
        &[
            "部门预算",
            "部门决算",
            "一般公共预算",
            "政府性基金预算",
            "三公经费",
            "政府债务",
        ],
        &[
            "{y}年{s}公开",
            "关于{y}年{s}执行情况的报告",
            "{y}年{s}及说明",
        ],
    ),
    (
        "art20_09",
        "财政、金融、审计",
        &[
            "办公设备",
            "道路养护服务",
            "物业管理服务",
            "学校食堂食材",
            "信息化运维服务",
            "公务用车",
        ],
        &[
            "{s}政府采购项目中标公告",
            "{y}年{s}集中采购目录",
            "{s}采购意向公开（{y}年{m}月）",
        ],
    ),
    (
        "art20_10",
        "城乡建设、环境保护",
        &[
            "沿海防护林带",
            "城区污水处理厂扩建",
            "县道改造提升",
            "中心医院迁建",
            "综合客运枢纽",
            "海塘安澜",
        ],
        &[
            "{s}工程批准信息",
            "{s}项目实施进展情况（{y}年第{q}季度）",
            "{s}项目环境影响评价公示",
        ],
    ),
    (
        "art20_11",
        "民政、扶贫、救灾",
        &[
            "困难群众基本生活救助",
            "城乡居民基本医疗保险",
            "义务教育招生",
            "高校毕业生就业",
            "残疾人两项补贴",
            "低保边缘家庭认定",
        ],
        &[
            "关于做好{y}年{s}工作的通知",
            "{y}年{s}资金分配结果公示",
            "{s}政策问答",
        ],
    ),
    (
        "art20_12",
        "公安、安全、司法",
        &[
            "台风防御",
            "防汛抗旱",
            "森林防灭火",
            "突发公共卫生事件",
            "地质灾害防治",
        ],
        &[
            "{y}年{s}应急预案",
            "关于做好{s}工作的紧急通知",
            "{s}应对工作情况通报",
        ],
    ),
    (
        "art20_13",
        "市场监管、安全生产监管",
        &[
            "食品安全",
            "餐饮服务",
            "燃气安全",
            "产品质量",
            "生态环境",
            "校园周边",
        ],
        &[
            "{y}年第{q}季度{s}监督抽检结果",
            "{s}专项检查情况通报",
            "{y}年{s}“双随机”抽查结果公示",
        ],
    ),
    (
        "art20_14",
        "劳动、人事、监察",
        &[
            "公务员",
            "事业单位工作人员",
            "社区工作者",
            "专职消防员",
            "教师",
        ],
        &[
            "{y}年公开招录{s}拟录用人员名单公示",
            "{y}年公开招聘{s}公告",
            "{y}年{s}招考职位表",
        ],
    ),
    (
        "art21_local",
        "城乡建设、环境保护",
        &[
            "老旧小区改造",
            "国有土地上房屋征收",
            "背街小巷整治",
            "农贸市场改造",
            "城市公园建设",
        ],
        &["{s}补偿方案", "{y}年{s}项目计划", "关于{s}的公告"],
    ),
];

const OPENINGS: &[&str] = &[
    "为深入贯彻落实党中央、国务院决策部署，进一步规范{s}工作，结合本县实际，现就有关事项通知如下。",
    "根据《中华人民共和国政府信息公开条例》和上级有关要求，现将{y}年{s}有关情况公开如下。",
    "为切实保障人民群众合法权益，提升{s}工作的规范化、制度化水平，制定本文件。",
    "经研究，决定在全县范围内组织开展{s}工作，请各单位认真抓好落实。",
];

const SECTIONS: &[&str] = &[
    "一、总体要求。坚持以人民为中心的发展思想，统筹推进{s}各项工作，确保政策落地见效。",
    "二、主要任务。各镇（街道）和县级有关部门要明确责任分工，细化工作措施，按时完成年度目标任务。",
    "三、保障措施。加强组织领导，落实经费保障，强化督促检查，对工作推进不力的单位予以通报。",
    "四、办理程序。申请人向所在镇（街道）便民服务中心提出申请，提交相关材料，经审核后予以办理。",
    "五、监督管理。建立健全信息公开和公众监督机制，接受社会监督，投诉电话0573-86012345。",
    "六、其他事项。本文件自发布之日起施行，由县有关部门负责解释，此前规定与本文件不一致的，以本文件为准。",
];

/// One generated item, ready to bind.
struct Row {
    index_no: String,
    agency_code: String,
    title: String,
    doc_number: Option<String>,
    written_on: String,
    published_on: String,
    category: &'static str,
    topic: &'static str,
    validity: &'static str,
    validity_changed_on: Option<String>,
    body: String,
}

fn fill(template: &str, subject: &str, year: u64, month: u64, n: u64) -> String {
    template
        .replace("{s}", subject)
        .replace("{y}", &year.to_string())
        .replace("{m}", &month.to_string())
        .replace("{q}", &(1 + (month - 1) / 3).to_string())
        .replace("{n}", &n.to_string())
}

/// The `i`-th generated item (deterministic in `i`).
fn item(i: u64, agencies: &[(String, String)]) -> Row {
    let a = agencies.len() as u64;
    let (code, name) = &agencies[(i % a) as usize];
    let year = FIRST_YEAR + (i / a) % YEARS;
    let seq = FIRST_SEQ + i / (a * YEARS);
    let mut rng = Rng(i.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x5eed);
    let (category, topic, subjects, titles) =
        CATEGORIES[rng.below(CATEGORIES.len() as u64) as usize];
    let subject = rng.pick(subjects);
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let n = 1 + rng.below(80);
    let title = format!("{name}{}", fill(rng.pick(titles), subject, year, month, n));
    let written_on = format!("{year}-{month:02}-{day:02}");
    let published_day = (day + rng.below(10)).min(28);
    let published_on = format!("{year}-{month:02}-{published_day:02}");
    let doc_number = (category == "art20_01" || rng.below(4) == 0)
        .then(|| format!("海政发〔{year}〕{}号", 1 + rng.below(120)));
    let (validity, validity_changed_on) = match rng.below(20) {
        0 => ("expired", Some(format!("{}-01-01", year + 1))),
        1 => ("repealed", Some(format!("{}-06-30", year + 1))),
        _ => ("valid", None),
    };
    let mut body = fill(rng.pick(OPENINGS), subject, year, month, n);
    let start = rng.below(3) as usize;
    for section in &SECTIONS[start..start + 3] {
        body.push_str("\n\n");
        body.push_str(&fill(section, subject, year, month, n));
    }
    body.push_str(&format!("\n\n{name}\n\n{year}年{month}月{day}日"));
    Row {
        index_no: format!("{code}/{year}-{seq:05}"),
        agency_code: code.clone(),
        title,
        doc_number,
        written_on,
        published_on,
        category,
        topic,
        validity,
        validity_changed_on,
        body,
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let count: u64 = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(1_000_000);
    let file = args.next().unwrap_or_else(|| "gongkai.db".to_owned());
    let paths_file = args.next();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let url = format!("sqlite://{file}?mode=rwc");
        let store = gongkai_store::Store::open(&url).await?;
        let summary = gongkai_store::demo::seed(&store).await?;
        println!("demo data: {} agencies, {} demo items", summary.agencies, summary.items_total);
        let agencies: Vec<(String, String)> =
            store.agencies().await?.into_iter().map(|a| (a.code, a.name)).collect();
        store.close().await;
        if agencies.is_empty() {
            return Err("no agencies in the database".into());
        }

        let options = SqliteConnectOptions::new()
            .filename(&file)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal);
        let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await?;
        let started = Instant::now();
        let (mut inserted, mut skipped) = (0u64, 0u64);
        let mut first = 0u64;
        while first < count {
            let last = (first + ROWS_PER_TRANSACTION).min(count);
            let probe = item(last - 1, &agencies).index_no;
            let present: Option<i64> = sqlx::query_scalar("SELECT id FROM catalog_items WHERE index_no = ?")
                .bind(&probe)
                .fetch_optional(&pool)
                .await?;
            if present.is_some() {
                skipped += last - first;
                first = last;
                continue;
            }
            let mut tx = pool.begin().await?;
            let rows: Vec<Row> = (first..last).map(|i| item(i, &agencies)).collect();
            for chunk in rows.chunks(ROWS_PER_STATEMENT) {
                let mut insert: QueryBuilder<Sqlite> = QueryBuilder::new(
                    "INSERT OR IGNORE INTO catalog_items (index_no, agency_code, title, doc_number, written_on, \
                     published_on, category, topic, validity, validity_changed_on, disclosure_mode, body, status, \
                     created_at, updated_at) ",
                );
                insert.push_values(chunk, |mut b, r| {
                    b.push_bind(&r.index_no)
                        .push_bind(&r.agency_code)
                        .push_bind(&r.title)
                        .push_bind(&r.doc_number)
                        .push_bind(&r.written_on)
                        .push_bind(&r.published_on)
                        .push_bind(r.category)
                        .push_bind(r.topic)
                        .push_bind(r.validity)
                        .push_bind(&r.validity_changed_on)
                        .push_bind("proactive")
                        .push_bind(&r.body)
                        .push_bind("published")
                        .push_bind("2026-01-01T00:00:00Z")
                        .push_bind("2026-01-01T00:00:00Z");
                });
                inserted += insert.build().execute(&mut *tx).await?.rows_affected();
            }
            tx.commit().await?;
            first = last;
            if first.is_multiple_of(100_000) {
                eprintln!("{first} done, {:.1} s", started.elapsed().as_secs_f64());
            }
        }
        sqlx::query("ANALYZE").execute(&pool).await?;
        pool.close().await;
        if let Some(paths_file) = &paths_file {
            let mut rng = Rng(0x10ad);
            let paths: Vec<String> = (0..20_000)
                .map(|_| format!("/items/{}", item(rng.below(count.max(1)), &agencies).index_no))
                .collect();
            std::fs::write(paths_file, paths.join("\n") + "\n")?;
        }
        let took = started.elapsed().as_secs_f64();
        println!(
            "{inserted} items inserted, {skipped} already present, in {took:.1} s ({:.0} items/s)",
            inserted as f64 / took.max(0.001)
        );
        Ok::<(), Box<dyn std::error::Error>>(())
    })?;
    Ok(())
}
