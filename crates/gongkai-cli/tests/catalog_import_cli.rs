//! `gongkai catalog import` through the real binary, on a temporary SQLite file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use gongkai_store::{AgencyKind, CatalogQuery, NewAgency, Store};

struct Db {
    dir: PathBuf,
    url: String,
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

impl Db {
    fn new(name: &str) -> Db {
        let dir =
            std::env::temp_dir().join(format!("gongkai-catalog-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", dir.join("gongkai.db").display());
        runtime().block_on(async {
            let store = Store::open(&url).await.expect("open");
            for (code, name) in [("czj", "某县财政局"), ("jyj", "某县教育局")] {
                let agency = NewAgency {
                    code: code.into(),
                    name: name.into(),
                    kind: AgencyKind::Department,
                    parent_code: None,
                    address: String::new(),
                    phone: String::new(),
                    office_hours: String::new(),
                    sort_order: 0,
                };
                store.put_agency("test", &agency).await.expect("agency");
            }
            store.close().await;
        });
        Db { dir, url }
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.join(name);
        std::fs::write(&path, bytes).expect("write");
        path
    }

    fn import(&self, file: &Path, extra: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_gongkai"))
            .args(["catalog", "import"])
            .arg(file)
            .args(["--agency", "czj"])
            .args(extra)
            .env("GONGKAI_DATABASE_URL", &self.url)
            .env("GONGKAI_ACTOR", "officer-wang")
            .output()
            .expect("the binary runs")
    }

    fn count(&self, agency: &str) -> u64 {
        runtime().block_on(async {
            let store = Store::open(&self.url).await.expect("open");
            let n = store
                .list_catalog(&CatalogQuery {
                    per_page: 1,
                    ..CatalogQuery::published(agency)
                })
                .await
                .expect("list")
                .total;
            store.close().await;
            n
        })
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `rows` rows, every fourth without 索引号, the given bad rows broken.
fn catalog(rows: usize, bad: &[usize]) -> String {
    let mut csv = String::from("索引号,标题,文号,成文日期,发布日期,类别,有效性,正文\n");
    for i in 0..rows {
        let index_no = if i % 4 == 3 {
            String::new()
        } else {
            format!("CLI/2023-{i:05}")
        };
        let published = if bad.contains(&i) {
            "2023-02-29"
        } else {
            "2023年6月1日"
        };
        csv.push_str(&format!(
            "{index_no},某县财政局关于第{i}号事项的通知,某财〔2023〕{i}号,2023/5/{},{published},财政预算决算,有效,正文第{i}段\n",
            1 + i % 28
        ));
    }
    csv
}

#[test]
fn five_thousand_rows_import_and_bad_rows_stop_the_import() {
    let db = Db::new("five-thousand");
    let bad = db.file("bad.csv", catalog(5_000, &[41, 4_000]).as_bytes());
    let output = db.import(&bad, &[]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(
            "bad.csv: 第 43 行“发布日期”：“2023-02-29”日期不存在（2023年2月只有 28 天，没有 29 日）"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("第 4002 行“发布日期”"));
    assert!(stderr.contains("2 行有错误，未导入任何数据"));
    assert_eq!(db.count("czj"), 0, "nothing written");

    let dry = db.import(&bad, &["--dry-run", "--skip-invalid"]);
    assert_eq!(dry.status.code(), Some(0), "{dry:?}");
    assert!(text(&dry.stdout).contains("5000 行数据，4998 行有效，2 行有错误"));
    assert!(text(&dry.stdout).contains("试运行：未写入数据库"));
    assert_eq!(db.count("czj"), 0);

    let good = db.file("good.csv", catalog(5_000, &[]).as_bytes());
    let started = std::time::Instant::now();
    let output = db.import(&good, &[]);
    let took = started.elapsed().as_secs_f64();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    eprintln!(
        "5,000 rows via the CLI: {took:.2} s ({:.0} rows/s, debug build)",
        5000.0 / took
    );
    assert!(text(&output.stdout).contains("已导入 5000 条（0 条索引号已存在而跳过）"));
    assert_eq!(db.count("czj"), 5_000);

    // Again: every given 索引号 now exists, which is an error of its row.
    let again = db.import(&good, &["--skip-invalid"]);
    assert_eq!(again.status.code(), Some(0));
    assert!(text(&again.stderr).contains("第 2 行“索引号”：“CLI/2023-00000”已存在于系统中"));
    // The 1,250 rows without 索引号 are new items each time (numbers generated).
    assert_eq!(db.count("czj"), 6_250);
}

#[test]
fn gbk_files_and_agency_by_name() {
    let db = Db::new("gbk");
    let csv = "标题,发布日期,类别,发布机构\n教育经费公告,2024-01-02,统计信息,某县教育局\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(csv);
    let file = db.file("gbk.csv", &gbk);
    let output = db.import(&file, &[]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(db.count("jyj"), 1);
}

#[test]
fn unusable_input_exits_2_with_the_reason() {
    let db = Db::new("unusable");
    let missing = db.import(&db.dir.join("no-such.csv"), &[]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("无法读取"));
    let pdf = db.file("a.pdf", b"%PDF-1.4");
    let output = db.import(&pdf, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("不是 CSV 或 XLSX 文件"));
    let csv = db.file(
        "a.csv",
        "标题,发布日期,类别\n一,2024-01-01,统计信息\n".as_bytes(),
    );
    let output = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(["catalog", "import"])
        .arg(&csv)
        .args(["--agency", "nope"])
        .env("GONGKAI_DATABASE_URL", &db.url)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("找不到代码为“nope”的机构"));
}
