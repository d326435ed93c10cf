//! Audits a temporary folder of the test's own fixtures (and, when present,
//! copies of the shared corpus) and checks every output file.

use std::cell::RefCell;
use std::fs;
use std::path::{Path, PathBuf};

use calamine::{Data, DataType, Reader, Xlsx, open_workbook};
use gongkai_audit::{AuditError, AuditOptions, AuditSummary, NoProgress, Progress, audit};
use gongkai_domain::Report;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

/// An agency name that must be escaped everywhere it is shown.
const TRICKY_AGENCY: &str = "示例县<b>&政务</b>服务管理局";
const TRICKY_ESCAPED: &str = "示例县&lt;b&gt;&amp;政务&lt;/b&gt;服务管理局";

/// A plain-text report in the 2021 layout, tab-separated as copied from a web page.
/// `reconsideration_total` is the printed 行政复议 total (correct: 1).
fn gb2021_report(agency: &str, reconsideration_total: u32) -> String {
    let rows = [
        ("一、本年新收政府信息公开申请数量", [10, 2, 0, 0, 1, 0, 13]),
        ("二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 0, 0, 1]),
        ("三、本年度办理结果\t（一）予以公开", [6, 1, 0, 0, 1, 0, 8]),
        (
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            [1, 0, 0, 0, 0, 0, 1],
        ),
        ("（三）不予公开\t1.属于国家秘密", [0; 7]),
        ("2.其他法律行政法规禁止公开", [0; 7]),
        ("3.危及“三安全一稳定”", [0; 7]),
        ("4.保护第三方合法权益", [1, 0, 0, 0, 0, 0, 1]),
        ("5.属于三类内部事务信息", [0; 7]),
        ("6.属于四类过程性信息", [0; 7]),
        ("7.属于行政执法案卷", [0; 7]),
        ("8.属于行政查询事项", [0; 7]),
        (
            "（四）无法提供\t1.本机关不掌握相关政府信息",
            [2, 0, 0, 0, 0, 0, 2],
        ),
        ("2.没有现成信息需要另行制作", [0; 7]),
        ("3.补正后申请内容仍不明确", [0; 7]),
        ("（五）不予处理\t1.信访举报投诉类申请", [0; 7]),
        ("2.重复申请", [0; 7]),
        ("3.要求提供公开出版物", [0; 7]),
        ("4.无正当理由大量反复申请", [0; 7]),
        ("5.要求行政机关确认或重新出具已获取信息", [0; 7]),
        (
            "（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            [0; 7],
        ),
        (
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            [0; 7],
        ),
        ("3.其他", [0; 7]),
        ("（七）总计", [10, 1, 0, 0, 1, 0, 12]),
        ("四、结转下年度继续办理", [1, 1, 0, 0, 0, 0, 2]),
    ];
    let mut table3 = String::new();
    for (label, values) in rows {
        let cells: Vec<String> = values.iter().map(ToString::to_string).collect();
        table3.push_str(&format!("{label}\t{}\n", cells.join("\t")));
    }
    format!(
        "{agency}2023年政府信息公开工作年度报告

本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。

一、总体情况

2023年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，做好政府信息公开工作。

二、主动公开政府信息情况

第二十条第（一）项
信息内容\t本年制发件数\t本年废止件数\t现行有效件数
规章\t0\t0\t0
行政规范性文件\t2\t1\t10
第二十条第（五）项
信息内容\t本年处理决定数量
行政许可\t120
第二十条第（六）项
信息内容\t本年处理决定数量
行政处罚\t35
行政强制\t3
第二十条第（八）项
信息内容\t本年收费金额（单位：万元）
行政事业性收费\t0

三、收到和处理政府信息公开申请情况

（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况
\t自然人\t法人或其他组织\t\t\t\t\t总计
\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他
{table3}
四、政府信息公开行政复议、行政诉讼情况

行政复议\t\t\t\t\t行政诉讼
结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉
\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计
1\t0\t0\t0\t{reconsideration_total}\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0

五、存在的主要问题及改进情况

政策解读的形式还不够丰富，下一步将加强图文解读。

六、其他需要报告的事项

本年度未收取信息处理费。
"
    )
}

/// Builds the input folder; returns how many corpus files were copied in.
fn build_input(input: &Path) -> usize {
    let dir = input.join("gb2021");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("good.txt"), gb2021_report(TRICKY_AGENCY, 1)).unwrap();
    fs::write(
        dir.join("wrong-total.txt"),
        gb2021_report("示例市交通运输局", 2),
    )
    .unwrap();
    let garbage: Vec<u8> = (0u32..4096)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    fs::write(input.join("garbage.pdf"), &garbage).unwrap();
    fs::write(input.join("empty.txt"), b"").unwrap();
    fs::write(
        input.join("notes.md"),
        "# 会议纪要\n\n今天讨论了办公室搬迁的安排，没有其他事项。\n".repeat(5),
    )
    .unwrap();
    fs::write(input.join("picture.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    let mut copied = 0;
    if let Ok(entries) = fs::read_dir(CORPUS) {
        let corpus = input.join("corpus");
        fs::create_dir_all(&corpus).unwrap();
        for entry in entries {
            let path = entry.unwrap().path();
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default();
            if ext == "txt" || ext == "pdf" {
                fs::copy(&path, corpus.join(path.file_name().unwrap())).unwrap();
                copied += 1;
            }
        }
    }
    copied
}

fn run(input: &Path, output: &Path, jobs: usize) -> AuditSummary {
    let options = AuditOptions {
        input: input.to_path_buf(),
        output: output.to_path_buf(),
        jobs,
    };
    audit(&options, &NoProgress).unwrap()
}

/// Reads a CSV written by the audit: checks the BOM, returns header and rows.
fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = fs::read(path).unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "{} lacks the UTF-8 BOM",
        path.display()
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..]);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

#[test]
fn audits_a_folder_of_good_bad_and_unsupported_files() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("reports");
    let output = tmp.path().join("audit");
    let corpus = build_input(&input);
    if Path::new(CORPUS).is_dir() {
        assert_eq!(corpus, 6, "the shared corpus has 3 .txt and 3 .pdf reports");
    }
    let summary = run(&input, &output, 2);

    // Counts: 2 reports of ours + corpus files audited; garbage, empty and non-report failed; .png skipped.
    assert_eq!(summary.files, 5 + corpus);
    assert_eq!(summary.failed, 3, "{:?}", summary.failures);
    assert_eq!(summary.ok + summary.partial, 2 + corpus);
    assert_eq!(summary.skipped, 1);
    let failed: Vec<&str> = summary.failures.iter().map(|f| f.file.as_str()).collect();
    assert_eq!(failed, ["empty.txt", "garbage.pdf", "notes.md"]);
    assert!(summary.failures.iter().all(|f| !f.message.is_empty()));
    assert!(
        summary.failures[0].message.starts_with("empty.txt: "),
        "{}",
        summary.failures[0].message
    );

    // One JSON per report read, none for failed or skipped files.
    for name in [
        "summary.csv",
        "summary.xlsx",
        "findings.csv",
        "index.html",
        "gb2021__good.txt.json",
    ] {
        assert!(output.join(name).is_file(), "{name} missing");
    }
    let jsons = fs::read_dir(&output)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().unwrap() == "json");
    assert_eq!(jsons.count(), 2 + corpus);
    assert!(!output.join("garbage.pdf.json").exists());
    let leftovers: Vec<_> = fs::read_dir(&output)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");

    // The JSON is canonical and carries the findings.
    let text = fs::read_to_string(output.join("gb2021__wrong-total.txt.json")).unwrap();
    let report = Report::from_json_str(&text).unwrap();
    assert_eq!(
        (report.agency.as_deref(), report.year),
        (Some("示例市交通运输局"), 2023)
    );
    let findings = report.findings.as_ref().and_then(|f| f.as_array()).unwrap();
    assert!(
        findings.iter().any(|f| f["code"] == "R4-review-sum"),
        "{findings:?}"
    );

    // summary.csv: one row per audited file, in input order.
    let rows = read_csv(&output.join("summary.csv"));
    assert_eq!(rows.len(), 1 + 5 + corpus);
    let header = &rows[0];
    let (file, status, errors, received) = (
        column(header, "文件"),
        column(header, "解析状态"),
        column(header, "错误数"),
        column(header, "本年新收申请总计"),
    );
    let good = rows.iter().find(|r| r[file] == "gb2021/good.txt").unwrap();
    assert_eq!(
        (
            good[status].as_str(),
            good[errors].as_str(),
            good[received].as_str()
        ),
        ("正常", "0", "13")
    );
    let wrong = rows
        .iter()
        .find(|r| r[file] == "gb2021/wrong-total.txt")
        .unwrap();
    assert_eq!(wrong[errors], "1");
    assert_eq!(rows.iter().filter(|r| r[status] == "解析失败").count(), 3);
    let files: Vec<&str> = rows[1..].iter().map(|r| r[file].as_str()).collect();
    assert!(files.is_sorted(), "{files:?}");

    // findings.csv: one row per finding.
    let findings = read_csv(&output.join("findings.csv"));
    let header = &findings[0];
    let (f_file, f_code, f_sev) = (
        column(header, "文件"),
        column(header, "代码"),
        column(header, "严重程度"),
    );
    let r4 = |name: &str| {
        findings
            .iter()
            .filter(|r| r[f_file] == name && r[f_code] == "R4-review-sum")
            .count()
    };
    assert_eq!(r4("gb2021/wrong-total.txt"), 1);
    assert_eq!(r4("gb2021/good.txt"), 0);
    if corpus > 0 {
        assert_eq!(r4("corpus/hongze-district-2023.pdf"), 2, "{findings:?}");
        let row = findings.iter().find(|r| {
            r[f_file] == "corpus/hongze-district-2023.pdf" && r[f_code] == "R4-review-sum"
        });
        assert_eq!(row.unwrap()[f_sev], "错误");
    }
    let total_findings = summary.errors + summary.warnings + summary.notices;
    assert_eq!(findings.len(), 1 + total_findings);

    // summary.xlsx reads back with the same rows.
    let mut workbook: Xlsx<_> = open_workbook(output.join("summary.xlsx")).unwrap();
    let sheet = workbook.worksheet_range("报告汇总").unwrap();
    assert_eq!(sheet.height(), 1 + 5 + corpus);
    assert_eq!(sheet.get_value((0, 0)), Some(&Data::String("文件".into())));
    let xlsx_files: Vec<String> = sheet.rows().skip(1).map(|r| r[0].to_string()).collect();
    assert_eq!(xlsx_files, files);
    let good_row = sheet.rows().find(|r| r[0] == "gb2021/good.txt").unwrap();
    assert_eq!(good_row[1].to_string(), TRICKY_AGENCY);
    assert_eq!(good_row[2].as_f64(), Some(2023.0));
    assert_eq!(good_row[received].as_f64(), Some(13.0));

    // index.html: self-contained, agency names escaped.
    let html = fs::read_to_string(output.join("index.html")).unwrap();
    for (at, _) in html.match_indices("<script") {
        let tag = &html[at..at + html[at..].find('>').unwrap()];
        assert!(
            !tag.contains("src"),
            "the page must not load scripts: {tag}"
        );
    }
    for remote in [
        "src=\"http://",
        "src=\"https://",
        "href=\"http://",
        "href=\"https://",
        "url(http",
    ] {
        assert!(
            !html.contains(remote),
            "the page refers to the network: {remote}"
        );
    }
    assert!(html.contains(TRICKY_ESCAPED), "escaped agency missing");
    assert!(!html.contains(TRICKY_AGENCY), "raw agency in the page");
    assert!(html.contains("echarts"));
    assert!(html.contains("<details>"));
    assert_eq!(html.matches("<tr class=\"st-").count(), 5 + corpus);
    // In the chart data the name is JSON-escaped instead.
    assert!(html.contains("示例县\\u003cb\\u003e\\u0026政务\\u003c/b\\u003e服务管理局"));
    if corpus > 0 {
        assert!(html.contains("洪泽区人民政府"));
    }
}

#[test]
fn a_single_file_and_an_output_inside_the_input() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    fs::write(input.join("report.txt"), gb2021_report("示例县民政局", 1)).unwrap();

    // A single file.
    let out = tmp.path().join("single");
    let summary = run(&input.join("report.txt"), &out, 0);
    assert_eq!((summary.files, summary.ok, summary.failed), (1, 1, 0));
    assert!(out.join("report.txt.json").is_file());

    // The output folder inside the input is not audited, even on a second run.
    let nested = input.join("audit");
    run(&input, &nested, 1);
    let again = run(&input, &nested, 1);
    assert_eq!((again.files, again.skipped), (1, 0));
}

#[test]
fn reports_progress_and_rejects_a_missing_input() {
    #[derive(Default)]
    struct Recorder(RefCell<Vec<String>>);
    impl Progress for Recorder {
        fn start(&self, total: usize) {
            self.0.borrow_mut().push(format!("start {total}"));
        }
        fn advance(&self, file: &str) {
            self.0.borrow_mut().push(file.to_owned());
        }
        fn finish(&self) {
            self.0.borrow_mut().push("finish".into());
        }
    }
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(input.join("b")).unwrap();
    fs::write(input.join("b/x.txt"), gb2021_report("示例县财政局", 1)).unwrap();
    fs::write(input.join("a.htm"), "<html><body>不是报告</body></html>").unwrap();
    let recorder = Recorder::default();
    let options = AuditOptions {
        input: input.clone(),
        output: tmp.path().join("out"),
        jobs: 4,
    };
    let summary = audit(&options, &recorder).unwrap();
    assert_eq!((summary.ok, summary.failed), (1, 1));
    assert_eq!(
        *recorder.0.borrow(),
        ["start 2", "a.htm", "b/x.txt", "finish"]
    );

    let missing = AuditOptions {
        input: PathBuf::from("/nonexistent/gongkai"),
        output: tmp.path().join("o"),
        jobs: 1,
    };
    assert!(matches!(
        audit(&missing, &NoProgress),
        Err(AuditError::Input { .. })
    ));
}

#[test]
fn an_empty_folder_still_gets_every_summary_file() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("empty");
    fs::create_dir_all(&input).unwrap();
    let output = tmp.path().join("out");
    let summary = run(&input, &output, 0);
    assert_eq!(summary.files, 0);
    assert_eq!(read_csv(&output.join("summary.csv")).len(), 1);
    assert_eq!(read_csv(&output.join("findings.csv")).len(), 1);
    assert!(
        fs::read_to_string(output.join("index.html"))
            .unwrap()
            .contains("没有找到可审核的文件")
    );
}
