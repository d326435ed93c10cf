//! XLSX read-back with calamine: numbers at the right coordinates, merged
//! regions as in the official layout, blanks left empty.

mod common;

use std::io::Cursor;

use calamine::{Data, DataType, Dimensions, Reader, Xlsx, open_workbook_from_rs};
use gongkai_render::{OutputFormat, render};

/// Every table starts on worksheet row 2 (row 0 holds the section heading).
const FIRST: u32 = 2;

fn workbook(name: &str) -> Xlsx<Cursor<Vec<u8>>> {
    let bytes = render(&common::corpus_report(name), OutputFormat::Xlsx).expect("XLSX renders");
    open_workbook_from_rs(Cursor::new(bytes)).expect("calamine opens the XLSX")
}

fn merged(workbook: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> Vec<Dimensions> {
    workbook
        .merge_cells_by_sheet_name(sheet)
        .expect("merged regions")
}

fn region(start: (u32, u32), end: (u32, u32)) -> Dimensions {
    Dimensions { start, end }
}

#[test]
fn xlsx_has_the_sheets_numbers_and_merges() {
    let mut workbook = workbook("huaian-city-gov-2024");
    assert_eq!(
        workbook.sheet_names(),
        ["报告信息", "主动公开", "依申请公开", "复议诉讼"]
    );

    let info = workbook.worksheet_range("报告信息").expect("info sheet");
    assert_eq!(
        info.get_value((1, 1)),
        Some(&Data::String("淮安市人民政府".into()))
    );
    assert_eq!(info.get_value((4, 1)), Some(&Data::Float(2024.0)));

    let applications = workbook.worksheet_range("依申请公开").expect("table 三");
    assert_eq!(
        applications.get_value((FIRST, 3)),
        Some(&Data::String("申请人情况".into()))
    );
    assert_eq!(
        applications.get_value((FIRST + 3, 0)),
        Some(&Data::String("一、本年新收政府信息公开申请数量".into()))
    );
    // （六）1. row (grid row 3 + 2 + 1 + 1 + 8 + 3 + 5 = 23), 自然人 and 总计.
    assert_eq!(
        applications
            .get_value((FIRST + 23, 2))
            .map(|d| d.to_string())
            .as_deref()
            .map(|s| s.starts_with("1.申请人")),
        Some(true)
    );
    assert_eq!(
        applications.get_value((FIRST + 23, 3)),
        Some(&Data::Float(67.0))
    );
    assert_eq!(
        applications.get_value((FIRST + 23, 9)),
        Some(&Data::Float(71.0))
    );

    let regions = merged(&mut workbook, "依申请公开");
    for expected in [
        region((FIRST, 0), (FIRST + 2, 2)), // the note over 3 rows × 3 label columns
        region((FIRST, 3), (FIRST, 9)),     // 申请人情况 over 7 columns
        region((FIRST + 1, 3), (FIRST + 2, 3)), // 自然人 over 2 rows
        region((FIRST + 1, 4), (FIRST + 1, 8)), // 法人或其他组织 over 5 columns
        region((FIRST + 5, 0), (FIRST + 26, 0)), // 三、本年度办理结果 over 22 rows
        region((FIRST + 7, 1), (FIRST + 14, 1)), // （三）不予公开 over 8 rows
        region((FIRST + 3, 0), (FIRST + 3, 2)), // 一、本年新收 over the label columns
    ] {
        assert!(
            regions.contains(&expected),
            "missing merged region {expected:?} in {regions:?}"
        );
    }

    let proactive = workbook.worksheet_range("主动公开").expect("table 二");
    // 第（八）项: caption row 11, header 12, 行政事业性收费 row 13; money spans 3 columns.
    assert_eq!(
        proactive.get_value((FIRST + 13, 0)),
        Some(&Data::String("行政事业性收费".into()))
    );
    assert_eq!(
        proactive.get_value((FIRST + 13, 1)),
        Some(&Data::Float(96171.6))
    );
    assert!(merged(&mut workbook, "主动公开").contains(&region((FIRST + 13, 1), (FIRST + 13, 3))));

    let reviews = workbook.worksheet_range("复议诉讼").expect("table 四");
    let row: Vec<f64> = (0..15)
        .filter_map(|c| reviews.get_value((FIRST + 3, c))?.as_f64())
        .collect();
    assert_eq!(row.len(), 15);
    assert_eq!(&row[..5], [72.0, 64.0, 178.0, 37.0, 351.0]);
    let review_regions = merged(&mut workbook, "复议诉讼");
    assert!(review_regions.contains(&region((FIRST, 0), (FIRST, 4))));
    assert!(review_regions.contains(&region((FIRST, 5), (FIRST, 14))));
    assert!(review_regions.contains(&region((FIRST + 1, 0), (FIRST + 2, 0))));
}

#[test]
fn xlsx_leaves_blank_cells_empty() {
    // 海盐县烟草专卖局 2020 printed （六）其他处理 with every cell blank.
    let mut workbook = workbook("000_b90a6f37d363d5b9");
    let applications = workbook.worksheet_range("依申请公开").expect("table 三");
    let other_row = FIRST + 23;
    assert_eq!(
        applications.get_value((other_row, 1)),
        Some(&Data::String("（六）其他处理".into()))
    );
    for col in 3..10 {
        let value = applications.get_value((other_row, col));
        assert!(
            matches!(value, None | Some(Data::Empty)),
            "blank cell ({other_row}, {col}) holds {value:?}"
        );
    }
    // A 0 stays a 0.
    assert_eq!(
        applications.get_value((FIRST + 4, 3)),
        Some(&Data::Float(0.0))
    );
}
