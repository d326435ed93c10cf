//! Escaping of untrusted text and blank-versus-zero in every text format.

use gongkai_domain::report::{ApplicantColumn, ApplicationRow, ProactiveField, ProactiveRow};
use gongkai_domain::{CellKey, Report, Section};
use gongkai_render::{OutputFormat, html_body, html_document, html_tables, markdown, render};
use rust_decimal::Decimal;

const SCRIPT: &str = "<script>alert(\"x\")</script>";

fn hostile_report() -> Report {
    let mut report = Report::skeleton(Some(format!("{SCRIPT}局")), 2023);
    report.set_narrative(
        Section::Overview,
        format!("（一）主动公开\n全年公开{SCRIPT} & 更多 | *粗*"),
    );
    report.set_narrative(Section::Problems, "<img src=x onerror=alert(1)>".to_owned());
    report
}

#[test]
fn html_escapes_agency_and_narratives() {
    let report = hostile_report();
    for html in [html_document(&report), html_body(&report)] {
        assert!(!html.contains("<script>"), "unescaped script in {html}");
        assert!(!html.contains("<img"), "unescaped img");
        assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
        assert!(html.contains("&amp; 更多"));
    }
    let page = html_document(&report);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<html lang=\"zh-CN\">"));
    assert!(page.contains("<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;局2023年政府信息公开工作年度报告</title>"));
    assert!(page.contains("@media print"));
    assert!(
        html_body(&report).contains("<h3>（一）主动公开</h3>"),
        "overview sub-heads become h3"
    );
}

#[test]
fn markdown_escapes_agency_and_narratives() {
    let md = markdown(&hostile_report());
    assert!(!md.contains("<script>") && !md.contains("<img"));
    assert!(md.contains("&lt;script&gt;"));
    assert!(
        md.contains("\\| \\*粗\\*"),
        "table and emphasis syntax is escaped: {md}"
    );
}

#[test]
fn docx_and_xlsx_carry_hostile_text_as_text() {
    let report = hostile_report();
    let docx = render(&report, OutputFormat::Docx).expect("docx");
    let xlsx = render(&report, OutputFormat::Xlsx).expect("xlsx");
    assert!(docx.starts_with(b"PK") && xlsx.starts_with(b"PK"));
}

#[test]
fn blank_cells_render_empty_and_zero_renders_zero() {
    let mut report = Report::skeleton(Some("测试局".into()), 2023);
    let blank = CellKey::Application(ApplicationRow::Granted, ApplicantColumn::Research);
    report.set(blank, None);
    report.set(
        CellKey::Application(ApplicationRow::Granted, ApplicantColumn::NaturalPerson),
        Some(Decimal::new(7, 0)),
    );
    report.remove(CellKey::Proactive(
        ProactiveRow::Fees,
        ProactiveField::AmountWanYuan,
    ));

    let tables = html_tables(&report);
    let granted = tables
        .lines()
        .find(|l| l.contains("（一）予以公开"))
        .expect("granted row");
    assert!(
        granted.contains(
            "<td class=\"gk-num\">7</td><td class=\"gk-num\">0</td><td class=\"gk-num\"></td>"
        ),
        "{granted}"
    );
    let fees = tables
        .lines()
        .find(|l| l.contains("行政事业性收费"))
        .expect("fees row");
    assert!(
        fees.contains("<td colspan=\"3\" class=\"gk-num\"></td>"),
        "unprinted cell renders empty: {fees}"
    );

    let md = markdown(&report);
    let granted = md
        .lines()
        .find(|l| l.contains("（一）予以公开"))
        .expect("granted row");
    assert!(
        granted.ends_with("| 7 | 0 |  | 0 | 0 | 0 | 0 |"),
        "{granted}"
    );
}

#[test]
fn money_keeps_its_decimals_and_counts_have_none() {
    let mut report = Report::skeleton(None, 2023);
    report.set(
        CellKey::Proactive(ProactiveRow::Fees, ProactiveField::AmountWanYuan),
        Some(Decimal::new(773028, 2)),
    );
    report.set(
        CellKey::Proactive(ProactiveRow::Licensing, ProactiveField::Decisions),
        Some(Decimal::new(550, 0)),
    );
    let md = markdown(&report);
    assert!(md.contains("| 行政事业性收费 | 7730.28 |"), "{md}");
    assert!(md.contains("| 行政许可 | 550 |"), "{md}");
}

#[test]
fn title_without_agency() {
    let report = Report::skeleton(None, 2021);
    assert!(html_document(&report).contains("<title>2021年政府信息公开工作年度报告</title>"));
}
