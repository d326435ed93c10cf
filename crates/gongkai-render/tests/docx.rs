//! DOCX read-back: render corpus reports, unzip `word/document.xml` and check
//! that values and merges sit where the official template has them.

mod common;

use std::io::{Cursor, Read};

use gongkai_render::{OutputFormat, render};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// One `w:tc` as written: its text, `gridSpan` and `vMerge`.
#[derive(Debug, Clone, Default)]
struct Cell {
    text: String,
    grid_span: usize,
    /// `Some("restart")`, `Some("continue")` or `None`.
    v_merge: Option<String>,
}

type Table = Vec<Vec<Cell>>;

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn document_xml(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("DOCX is a ZIP archive");
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    xml
}

fn tables(xml: &str) -> Vec<Table> {
    let mut reader = Reader::from_str(xml);
    let (mut tables, mut in_text, mut in_cell): (Vec<Table>, bool, bool) =
        (Vec::new(), false, false);
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:tbl" => tables.push(Vec::new()),
                b"w:tr" => tables.last_mut().expect("row in table").push(Vec::new()),
                b"w:tc" => {
                    in_cell = true;
                    tables
                        .last_mut()
                        .and_then(|t| t.last_mut())
                        .expect("cell in row")
                        .push(Cell {
                            grid_span: 1,
                            ..Cell::default()
                        })
                }
                b"w:gridSpan" | b"w:vMerge" | b"w:t" => {
                    let cell = tables
                        .last_mut()
                        .and_then(|t| t.last_mut())
                        .and_then(|r| r.last_mut());
                    if let Some(cell) = cell {
                        match e.name().as_ref() {
                            b"w:gridSpan" => {
                                cell.grid_span =
                                    attr(&e, b"w:val").and_then(|v| v.parse().ok()).unwrap_or(1)
                            }
                            b"w:vMerge" => {
                                cell.v_merge =
                                    Some(attr(&e, b"w:val").unwrap_or_else(|| "continue".into()))
                            }
                            _ => in_text = in_cell,
                        }
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text && in_cell => {
                let text = t.decode().expect("text");
                if let Some(cell) = tables
                    .last_mut()
                    .and_then(|t| t.last_mut())
                    .and_then(|r| r.last_mut())
                {
                    cell.text.push_str(&text);
                }
            }
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::End(e) if e.name().as_ref() == b"w:tc" => in_cell = false,
            Event::Eof => break,
            _ => {}
        }
    }
    tables
}

fn row_starting<'a>(table: &'a Table, label: &str) -> &'a Vec<Cell> {
    table
        .iter()
        .find(|r| r.first().is_some_and(|c| c.text == label))
        .unwrap_or_else(|| panic!("row {label}"))
}

#[test]
fn docx_has_values_and_merges_of_the_official_layout() {
    let report = common::corpus_report("huaian-city-gov-2024");
    let bytes = render(&report, OutputFormat::Docx).expect("DOCX renders");
    let tables = tables(&document_xml(&bytes));
    assert_eq!(tables.len(), 3);
    let applications = &tables[1];

    // Header: the note spans three label columns and three rows; 申请人情况 spans 7.
    assert_eq!(applications[0][0].grid_span, 3);
    assert_eq!(applications[0][0].v_merge.as_deref(), Some("restart"));
    assert_eq!(applications[1][0].v_merge.as_deref(), Some("continue"));
    assert_eq!(applications[0][1].text, "申请人情况");
    assert_eq!(applications[0][1].grid_span, 7);
    assert_eq!(applications[1][2].text, "法人或其他组织");
    assert_eq!(applications[1][2].grid_span, 5);

    // 一、本年新收: label over the three label columns, then 自然人 … 总计.
    let new_received = row_starting(applications, "一、本年新收政府信息公开申请数量");
    assert_eq!(new_received[0].grid_span, 3);
    let expected_natural = report
        .value(gongkai_domain::CellKey::Application(
            gongkai_domain::report::ApplicationRow::NewReceived,
            gongkai_domain::report::ApplicantColumn::NaturalPerson,
        ))
        .expect("corpus value")
        .to_string();
    assert_eq!(new_received[1].text, expected_natural);
    assert_eq!(new_received.len(), 8);

    // 三、本年度办理结果: vMerge restart, then continue on each of its 22 rows.
    let start = applications
        .iter()
        .position(|r| r[0].text == "三、本年度办理结果")
        .expect("results row");
    assert_eq!(applications[start][0].v_merge.as_deref(), Some("restart"));
    assert_eq!(applications[start][1].text, "（一）予以公开");
    assert_eq!(applications[start][1].grid_span, 2);
    for row in &applications[start + 1..start + 22] {
        assert_eq!(row[0].v_merge.as_deref(), Some("continue"));
    }
    assert_eq!(applications[start + 22][0].text, "四、结转下年度继续办理");
    // （三）不予公开 over its 8 sub-rows.
    let denied = &applications[start + 2];
    assert_eq!(
        (denied[1].text.as_str(), denied[1].v_merge.as_deref()),
        ("（三）不予公开", Some("restart"))
    );
    assert_eq!(denied[2].text, "1.属于国家秘密");
    assert_eq!(
        applications[start + 9][1].v_merge.as_deref(),
        Some("continue")
    );
    assert_eq!(applications[start + 10][1].text, "（四）无法提供");

    // Table 四: 行政复议 over 5, 行政诉讼 over 10, then 15 values.
    let reviews = &tables[2];
    assert_eq!(
        (reviews[0][0].text.as_str(), reviews[0][0].grid_span),
        ("行政复议", 5)
    );
    assert_eq!(
        (reviews[0][1].text.as_str(), reviews[0][1].grid_span),
        ("行政诉讼", 10)
    );
    let values: Vec<&str> = reviews[3].iter().map(|c| c.text.as_str()).collect();
    assert_eq!(&values[..5], ["72", "64", "178", "37", "351"]);
    assert_eq!(values.len(), 15);

    // Table 二: caption rows span all four columns; money as printed.
    let proactive = &tables[0];
    assert_eq!(
        (proactive[0][0].text.as_str(), proactive[0][0].grid_span),
        ("第二十条第（一）项", 4)
    );
    let fees = row_starting(proactive, "行政事业性收费");
    assert_eq!((fees[1].text.as_str(), fees[1].grid_span), ("96171.6", 3));
}

#[test]
fn docx_of_a_2021_report_printing_the_single_other_row() {
    let report = common::corpus_report("hongze-district-2023");
    let bytes = render(&report, OutputFormat::Docx).expect("DOCX renders");
    let tables = tables(&document_xml(&bytes));
    let applications = &tables[1];
    let other = applications
        .iter()
        .find(|r| r.iter().any(|c| c.text == "（六）其他处理"))
        .expect("（六） row");
    assert_eq!(
        other[1].grid_span, 2,
        "the single （六）其他处理 row spans both inner label columns"
    );
    assert!(!applications.iter().flatten().any(|c| c.text == "3.其他"));
}
