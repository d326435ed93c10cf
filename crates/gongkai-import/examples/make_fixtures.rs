//! Writes the crate's generated test fixtures (run once; the outputs are committed):
//! `cargo run -p gongkai-import --example make_fixtures [DIR]` (default `tests/fixtures`).
//!
//! Each fixture is a report whose values are chosen here (consistent arithmetic,
//! some blank cells), written out in a real-world layout, next to its
//! `NAME.expected.json` written from the same values — so the expected cells
//! never come from the parser under test:
//!
//! - `county-market-regulation-2022.gbk.txt`: gb2021 text in GB18030, with a
//!   title over two lines, tab rows, `|` rows with a label broken over two
//!   lines and a page number between rows, and one cell per line (Word's text
//!   export) in table 四;
//! - `county-education-2023.docx`: gb2021, written by `gongkai-render`;
//! - `city-natural-resources-2020.docx`: gb2019, written by `gongkai-render`;
//! - `city-natural-resources-2019.html`: gb2019 page whose tables are split
//!   into several `<table>`s, with `<th>`, spans, `&nbsp;` and signed changes.
//!
//! The PDFs are made from the DOCX files with LibreOffice afterwards (see
//! `tests/fixtures/README.md`).

use std::path::{Path, PathBuf};

use gongkai_domain::report::{
    ApplicantColumn, ApplicationRow, OutcomeGroup, ProactiveField, ProactiveRow, ReviewColumn,
    ReviewGroup, proactive_blocks,
};
use gongkai_domain::{Cell, CellKey, Report, Section};
use gongkai_render::OutputFormat;
use rust_decimal::Decimal;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"));
    std::fs::create_dir_all(&dir)?;

    let gbk = filled("某县市场监督管理局", 2022, 11);
    let text = gbk_text(&gbk);
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
    if unmappable {
        return Err("text not representable in GB18030".into());
    }
    write(&dir, "county-market-regulation-2022.gbk.txt", &bytes)?;
    write_expected(&dir, "county-market-regulation-2022.gbk", &gbk)?;

    for (name, agency, year, seed) in [
        ("county-education-2023", "某县教育体育局", 2023, 23),
        (
            "city-natural-resources-2020",
            "某市自然资源和规划局",
            2020,
            20,
        ),
    ] {
        let report = filled(agency, year, seed);
        let docx = gongkai_render::render(&report, OutputFormat::Docx)?;
        write(&dir, &format!("{name}.docx"), &docx)?;
        write_expected(&dir, name, &report)?;
    }

    let html_report = filled("某市自然资源和规划局", 2019, 19);
    write(
        &dir,
        "city-natural-resources-2019.html",
        split_tables_html(&html_report).as_bytes(),
    )?;
    write_expected(&dir, "city-natural-resources-2019", &html_report)?;
    Ok(())
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(dir.join(name), bytes)
}

fn write_expected(dir: &Path, name: &str, report: &Report) -> std::io::Result<()> {
    write(
        dir,
        &format!("{name}.expected.json"),
        report.to_json_string().as_bytes(),
    )
}

/// A tiny deterministic generator (no dependency, same values every run).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

/// A report with every cell of its format filled consistently: row totals are
/// the sums of the applicant columns, （七）总计 the sum of the outcomes, 结转
/// = 新收 + 上年结转 − 总计, review totals the sums of their group. A few
/// zero cells are printed blank, as agencies do.
fn filled(agency: &str, year: i32, seed: u64) -> Report {
    let mut rng = Lcg(seed);
    let mut report = Report::empty(Some(agency.to_owned()), year);
    let format = report.format;
    for row in ProactiveRow::ALL {
        for &field in row.fields(format) {
            let value = match field {
                ProactiveField::AmountWanYuan => Decimal::new(rng.below(90_000) as i64, 2),
                ProactiveField::AmountYuan => Decimal::from(rng.below(900) * 1_000),
                ProactiveField::Change => Decimal::from(rng.below(9) as i64 - 4),
                _ if row == ProactiveRow::Rules => Decimal::ZERO,
                ProactiveField::Decisions => Decimal::from(rng.below(2_000)),
                _ => Decimal::from(rng.below(30)),
            };
            let blank = row == ProactiveRow::Coercion && field == ProactiveField::Decisions;
            report.set(CellKey::Proactive(row, field), (!blank).then_some(value));
        }
    }
    fill_applications(&mut report, &mut rng);
    for group in ReviewGroup::ALL {
        let parts: Vec<u64> = (0..4).map(|_| rng.below(3)).collect();
        for (col, value) in ReviewColumn::ALL.into_iter().zip(&parts) {
            report.set(CellKey::Review(group, col), Some(Decimal::from(*value)));
        }
        let total = Decimal::from(parts.iter().sum::<u64>());
        report.set(CellKey::Review(group, ReviewColumn::Total), Some(total));
    }
    for section in Section::ALL {
        report.set_narrative(section, narrative(&report, section));
    }
    report
}

fn fill_applications(report: &mut Report, rng: &mut Lcg) {
    let format = report.format;
    let columns = &ApplicantColumn::ALL[..6];
    let mut processed = [0u64; 6];
    for row in ApplicationRow::of_format(format) {
        let values: Vec<u64> = match row {
            ApplicationRow::TotalProcessed => processed.to_vec(),
            // Both are set by `fix_new_received` once the outcomes are known.
            ApplicationRow::NewReceived | ApplicationRow::CarriedForward => vec![0; 6],
            _ => {
                let scale = match row.group() {
                    None => 3,
                    Some(OutcomeGroup::Granted | OutcomeGroup::Unavailable) => 4,
                    _ => 2,
                };
                (0..6)
                    .map(|c| if c < 2 { rng.below(scale) } else { 0 })
                    .collect()
            }
        };
        if row.is_outcome() && row != ApplicationRow::TotalProcessed {
            for (p, v) in processed.iter_mut().zip(&values) {
                *p += v;
            }
        }
        for (c, &col) in columns.iter().enumerate() {
            let value = values[c];
            // Zero cells of the research column are printed blank in a few rows.
            let blank = value == 0 && c == 2 && matches!(row.group(), Some(OutcomeGroup::Denied));
            report.set(
                CellKey::Application(row, col),
                (!blank).then_some(Decimal::from(value)),
            );
        }
        let total: u64 = values.iter().sum();
        report.set(
            CellKey::Application(row, ApplicantColumn::Total),
            Some(Decimal::from(total)),
        );
    }
    // New applications are whatever makes 结转 come out non-negative: set them last.
    fix_new_received(report);
}

/// Raises 本年新收 so that every column satisfies 新收 + 结转 ≥ 总计 with some left over.
fn fix_new_received(report: &mut Report) {
    let mut carried_total = Decimal::ZERO;
    let mut new_total = Decimal::ZERO;
    for col in &ApplicantColumn::ALL[..6] {
        let get = |r| {
            report
                .value(CellKey::Application(r, *col))
                .unwrap_or_default()
        };
        let processed = get(ApplicationRow::TotalProcessed);
        let carried_over = get(ApplicationRow::CarriedOver);
        let new =
            (processed - carried_over).max(Decimal::ZERO) + Decimal::from(col.key().len() % 2);
        let forward = new + carried_over - processed;
        report.set(
            CellKey::Application(ApplicationRow::NewReceived, *col),
            Some(new),
        );
        report.set(
            CellKey::Application(ApplicationRow::CarriedForward, *col),
            Some(forward),
        );
        carried_total += forward;
        new_total += new;
    }
    report.set(
        CellKey::Application(ApplicationRow::NewReceived, ApplicantColumn::Total),
        Some(new_total),
    );
    report.set(
        CellKey::Application(ApplicationRow::CarriedForward, ApplicantColumn::Total),
        Some(carried_total),
    );
}

fn total(report: &Report, row: ApplicationRow) -> Decimal {
    report
        .value(CellKey::Application(row, ApplicantColumn::Total))
        .unwrap_or_default()
}

fn narrative(report: &Report, section: Section) -> String {
    let year = report.year;
    match section {
        Section::Overview => format!(
            "{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年共受理依申请公开{}件，办结{}件，{}件结转下一年度继续办理。",
            total(report, ApplicationRow::NewReceived) + total(report, ApplicationRow::CarriedOver),
            total(report, ApplicationRow::TotalProcessed),
            total(report, ApplicationRow::CarriedForward),
        ),
        Section::Proactive => "本年度主动公开政府信息情况如下表。".to_owned(),
        Section::Applications => "本年度收到和处理政府信息公开申请情况如下表。".to_owned(),
        Section::Reviews => "本年度因政府信息公开引起的行政复议、行政诉讼情况如下表。".to_owned(),
        Section::Problems => {
            "一是公开内容不够全面；二是解读形式较为单一。下一步将加强培训。".to_owned()
        }
        Section::OtherMatters => "本年度未收取信息处理费。".to_owned(),
    }
}

fn show(cell: Option<Cell>) -> String {
    match cell.flatten() {
        Some(value) => value.normalize().to_string(),
        None => String::new(),
    }
}

fn app_cells(report: &Report, row: ApplicationRow) -> Vec<String> {
    ApplicantColumn::ALL
        .into_iter()
        .map(|col| show(report.cell(CellKey::Application(row, col))))
        .collect()
}

/// gb2021 text as copied from a Word file and a web page, mixed.
fn gbk_text(report: &Report) -> String {
    let format = report.format;
    let mut t = String::new();
    let agency = report.agency.as_deref().unwrap_or_default();
    t.push_str(&format!(
        "{agency}\n{}年政府信息公开工作年度报告\n\n",
        report.year
    ));
    t.push_str(&format!(
        "　　本报告由{agency}依据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。\n\n",
        y = report.year
    ));
    t.push_str("一、总体情况\n");
    t.push_str(&format!(
        "　　{}\n",
        report.narrative(Section::Overview).unwrap_or_default()
    ));
    t.push_str("二、主动公开政府信息情况\n");
    // Tab-separated rows, as copied from a Word table.
    for block in proactive_blocks(format) {
        t.push_str(block.caption);
        t.push('\n');
        let header: Vec<&str> = block
            .fields(format)
            .iter()
            .map(|f| f.label(format))
            .collect();
        t.push_str(&format!("信息内容\t{}\n", header.join("\t")));
        for &row in block.rows {
            let cells: Vec<String> = row
                .fields(format)
                .iter()
                .map(|&f| show(report.cell(CellKey::Proactive(row, f))))
                .collect();
            t.push_str(&format!("{}\t{}\n", row.label(format), cells.join("\t")));
        }
    }
    t.push_str("三、收到和处理政府信息公开申请情况\n");
    // `|` rows as copied from a web page, the header broken over lines.
    t.push_str("|（本列数据的勾稽关系为：第一项加第二项之和，|申请人情况|\n");
    t.push_str("|等于第三项加第四项之和）| |\n");
    t.push_str("| |自然人|法人或其他组织| | | | |总计|\n");
    t.push_str("| | |商业企业|科研机构|社会公益组织|法律服务机构|其他| |\n");
    for row in ApplicationRow::of_format(format) {
        let label = match row {
            // A variant seen in real reports.
            ApplicationRow::CarriedOver => "二、上年转结政府信息公开申请数量".to_owned(),
            _ => match row.group() {
                Some(group) if group.label() != row.label() && row.label().starts_with("1.") => {
                    format!("{}|{}", group.label(), row.label())
                }
                _ => row.label().to_owned(),
            },
        };
        let cells = app_cells(report, row).join("|");
        match row {
            ApplicationRow::DeniedSecurityStability => {
                // The label broken over two lines.
                t.push_str("|3.危及“三安全|\n");
                t.push_str(&format!("|一稳定”|{cells}|\n"));
            }
            ApplicationRow::UnavailableNotHeld => {
                // A page break: the page number and the next page's first row.
                t.push_str("\n- 4 -\n\u{c}\n");
                t.push_str(&format!("|{label}|{cells}|\n"));
            }
            _ => t.push_str(&format!("|{label}|{cells}|\n")),
        }
    }
    t.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
    // One cell per line after a tab: Word's plain-text export.
    for cell in ["行政复议", "行政诉讼"] {
        t.push_str(&format!("\t{cell}\n"));
    }
    for cell in [
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
        "未经复议直接起诉",
        "复议后起诉",
    ] {
        t.push_str(&format!("\t{cell}\n"));
    }
    for group in ReviewGroup::ALL {
        for col in ReviewColumn::ALL {
            t.push_str(&format!(
                "\t{}\n",
                show(report.cell(CellKey::Review(group, col)))
            ));
        }
    }
    t.push_str("五、存在的主要问题及改进情况\n");
    t.push_str(&format!(
        "　　{}\n",
        report.narrative(Section::Problems).unwrap_or_default()
    ));
    t.push_str("六、其他需要报告的事项\n");
    t.push_str(&format!(
        "　　{}\n",
        report.narrative(Section::OtherMatters).unwrap_or_default()
    ));
    t.replace('\n', "\r\n")
}

fn td(text: &str) -> String {
    let text = if text.is_empty() { "&nbsp;" } else { text };
    format!("<td>{text}</td>")
}

/// A gb2019 page: table 二 split into one `<table>` per block, table 三 split
/// at a page break, table 四 with a two-row header.
fn split_tables_html(report: &Report) -> String {
    let format = report.format;
    let agency = report.agency.as_deref().unwrap_or_default();
    let mut h = String::from(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>政府信息公开年报</title></head><body>\n<div class=\"article\">\n",
    );
    h.push_str(&format!(
        "<h1 style=\"text-align:center\">{agency}{}年政府信息公开工作年度报告</h1>\n",
        report.year
    ));
    h.push_str(&format!(
        "<p>本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。</p>\n",
        y = report.year
    ));
    h.push_str("<p><strong>一、总体情况</strong></p>\n");
    h.push_str(&format!(
        "<p>{}</p>\n",
        report.narrative(Section::Overview).unwrap_or_default()
    ));
    h.push_str("<p><strong>二、主动公开政府信息情况</strong></p>\n");
    for block in proactive_blocks(format) {
        let fields = block.fields(format);
        h.push_str("<table border=\"1\" cellspacing=\"0\">\n<tbody>\n");
        h.push_str(&format!(
            "<tr><th colspan=\"{}\">{}</th></tr>\n",
            fields.len() + 1,
            block.caption
        ));
        h.push_str("<tr><th>信息内容</th>");
        for field in fields {
            let label = match field {
                ProactiveField::AmountYuan => "采购总金额（万元）",
                _ => field.label(format),
            };
            h.push_str(&format!("<th><p>{label}</p></th>"));
        }
        h.push_str("</tr>\n");
        for &row in block.rows {
            h.push_str(&format!("<tr><td><span>{}</span></td>", row.label(format)));
            for &field in row.fields(format) {
                let cell = report.cell(CellKey::Proactive(row, field)).flatten();
                let text = match (field, cell) {
                    (ProactiveField::Change, Some(v)) if v > Decimal::ZERO => format!("+{v}"),
                    (ProactiveField::AmountYuan, Some(v)) => {
                        (v / Decimal::from(10_000)).normalize().to_string()
                    }
                    (_, cell) => show(Some(cell)),
                };
                h.push_str(&td(&text));
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody></table>\n<p>&nbsp;</p>\n");
    }
    h.push_str("<p><strong>三、收到和处理政府信息公开申请情况</strong></p>\n");
    h.push_str("<table border=\"1\">\n");
    h.push_str("<tr><td colspan=\"3\" rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=\"7\">申请人情况</td></tr>\n");
    h.push_str("<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>\n");
    h.push_str("<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>\n");
    let rows: Vec<ApplicationRow> = ApplicationRow::of_format(format).collect();
    let outcomes = rows.iter().filter(|r| r.is_outcome()).count();
    let mut group_started: Option<OutcomeGroup> = None;
    for row in rows {
        if row == ApplicationRow::UnavailableNotHeld {
            // The page break of the printed page: the table goes on in a new one.
            h.push_str(
                "</table>\n<p style=\"page-break-after:always\"></p>\n<table border=\"1\">\n",
            );
        }
        let values: String = app_cells(report, row).iter().map(|c| td(c)).collect();
        let label_cells = match row.group() {
            None => format!("<td colspan=\"3\">{}</td>", row.label()),
            Some(group) => {
                let mut cells = String::new();
                if row == ApplicationRow::Granted {
                    cells.push_str(&format!(
                        "<td rowspan=\"{outcomes}\">三、本年度办理结果</td>"
                    ));
                }
                if group.label() == row.label() {
                    cells.push_str(&format!("<td colspan=\"2\">{}</td>", row.label()));
                } else {
                    if group_started != Some(group) {
                        let size = ApplicationRow::of_format(format)
                            .filter(|r| r.group() == Some(group))
                            .count();
                        cells.push_str(&format!("<td rowspan=\"{size}\">{}</td>", group.label()));
                        group_started = Some(group);
                    }
                    cells.push_str(&format!("<td>{}</td>", row.label()));
                }
                cells
            }
        };
        h.push_str(&format!("<tr>{label_cells}{values}</tr>\n"));
    }
    h.push_str("</table>\n");
    h.push_str(
        "<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>\n<table border=\"1\">\n",
    );
    h.push_str("<tr><th colspan=\"5\">行政复议</th><th colspan=\"10\">行政诉讼</th></tr>\n");
    h.push_str("<tr><th rowspan=\"2\">结果维持</th><th rowspan=\"2\">结果纠正</th><th rowspan=\"2\">其他结果</th><th rowspan=\"2\">尚未审结</th><th rowspan=\"2\">总计</th><th colspan=\"5\">未经复议直接起诉</th><th colspan=\"5\">复议后起诉</th></tr>\n<tr>");
    for _ in 0..2 {
        for col in ReviewColumn::ALL {
            h.push_str(&format!("<th>{}</th>", col.label()));
        }
    }
    h.push_str("</tr>\n<tr>");
    for group in ReviewGroup::ALL {
        for col in ReviewColumn::ALL {
            h.push_str(&td(&show(report.cell(CellKey::Review(group, col)))));
        }
    }
    h.push_str("</tr>\n</table>\n");
    h.push_str("<p><strong>五、存在的主要问题及改进情况</strong></p>\n");
    h.push_str(&format!(
        "<p>{}</p>\n",
        report.narrative(Section::Problems).unwrap_or_default()
    ));
    h.push_str("<p><strong>六、其他需要报告的事项</strong></p>\n");
    h.push_str(&format!(
        "<p>{}</p>\n</div></body></html>\n",
        report.narrative(Section::OtherMatters).unwrap_or_default()
    ));
    h
}
