//! The public API on small inputs written here: encodings, kinds, errors,
//! repairs, and inputs that are not reports.

use std::io::Write;

use gongkai_domain::report::{
    ApplicantColumn, ApplicationRow, ProactiveField, ProactiveRow, ReviewColumn, ReviewGroup,
};
use gongkai_domain::{CellKey, Format, Section};
use gongkai_import::{ImportError, InputKind, ParsedReport, parse_bytes};
use rust_decimal::Decimal;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// A small gb2021 report as one-cell-per-line text (Word's text export).
fn small_report() -> String {
    let mut t = String::from(
        "某某县某某局2021年度政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息 30 条。\n二、主动公开政府信息情况\n",
    );
    for line in [
        "第二十条第（一）项",
        "信息内容",
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "规章",
        "0",
        "0",
        "0",
        "行政规范性文件",
        "22（其中修订 16 件）",
        "1",
        "40",
        "第二十条第（五）项",
        "信息内容",
        "本年处理决定数量",
        "行政许可",
        "5",
        "第二十条第（六）项",
        "信息内容",
        "本年处理决定数量",
        "行政处罚",
        "3",
        "行政强制",
        "",
        "第二十条第（八）项",
        "信息内容",
        "本年收费金额（单位：万元）",
        "行政事业性收费",
        "0.5",
    ] {
        t.push('\t');
        t.push_str(line);
        t.push('\n');
    }
    t.push_str("三、收到和处理政府信息公开申请情况\n");
    for row in ApplicationRow::of_format(Format::Gb2021) {
        let values = match row {
            ApplicationRow::NewReceived
            | ApplicationRow::Granted
            | ApplicationRow::TotalProcessed => "2\t0\t0\t0\t0\t1\t3",
            // The extra empty cell of a PDF copy, read as an extra 0.
            ApplicationRow::OtherOther => "0\t0\t0\t0\t0\t0\t0\t0",
            _ => "0\t0\t0\t0\t0\t0\t0",
        };
        t.push_str(&format!("{}\t{values}\n", row.label()));
    }
    t.push_str(
        "四、政府信息公开行政复议、行政诉讼情况\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n",
    );
    t.push_str("1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n五、存在的主要问题及改进情况\n公开不够及时。\n六、其他需要报告的事项\n无。\n");
    t
}

fn parse(text: &str) -> ParsedReport {
    match parse_bytes(text.as_bytes(), Some("small.txt")) {
        Ok(parsed) => parsed,
        Err(e) => panic!("parse failed: {e}"),
    }
}

fn dec(text: &str) -> Option<Decimal> {
    text.parse().ok()
}

#[test]
fn reads_a_small_report_with_annotations_blanks_and_an_extra_cell() {
    let parsed = parse(&small_report());
    let r = &parsed.report;
    assert_eq!(
        (r.agency.as_deref(), r.year, r.format),
        (Some("某某县某某局"), 2021, Format::Gb2021)
    );
    assert_eq!(parsed.kind, InputKind::Text);
    let key = CellKey::Proactive(ProactiveRow::NormativeDocuments, ProactiveField::Issued);
    assert_eq!(r.cell(key), Some(dec("22")));
    assert_eq!(
        r.extra["annotations"][key.to_string()],
        "（其中修订 16 件）"
    );
    assert_eq!(
        r.cell(CellKey::Proactive(
            ProactiveRow::Coercion,
            ProactiveField::Decisions
        )),
        Some(None)
    );
    assert_eq!(
        r.cell(CellKey::Proactive(
            ProactiveRow::Fees,
            ProactiveField::AmountWanYuan
        )),
        Some(dec("0.5"))
    );
    assert_eq!(
        r.cell(CellKey::Application(
            ApplicationRow::Granted,
            ApplicantColumn::Total
        )),
        Some(dec("3"))
    );
    assert_eq!(
        r.cell(CellKey::Application(
            ApplicationRow::OtherOther,
            ApplicantColumn::Total
        )),
        Some(dec("0"))
    );
    assert_eq!(
        r.cell(CellKey::Review(
            ReviewGroup::Reconsideration,
            ReviewColumn::Total
        )),
        Some(dec("1"))
    );
    assert_eq!(r.cell_count(), 10 + 175 + 15);
    assert!(
        parsed.notes.iter().any(
            |n| n.message.contains("（六）其他处理 3.其他") && n.message.contains("arithmetic")
        )
    );
    assert_eq!(r.narrative(Section::OtherMatters), Some("无。"));
    assert_eq!(
        r.narrative(Section::Overview),
        Some("全年主动公开信息 30 条。")
    );
    let source = r
        .source
        .as_ref()
        .map(|s| s["applications.granted.total"].clone());
    assert!(source.is_some_and(|s| {
        s["line"].as_u64().is_some()
            && s["text"]
                .as_str()
                .is_some_and(|t| t.starts_with("（一）予以公开"))
    }));
}

#[test]
fn gbk_and_utf16_inputs_read_like_utf8() {
    let text = small_report();
    let expected = parse(&text).report;
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    let from_gbk = parse_bytes(&gbk, Some("gbk.txt")).map(|p| p.report);
    assert_eq!(from_gbk.as_ref().ok(), Some(&expected));
    for big_endian in [false, true] {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        let report = parse_bytes(&bytes, Some("utf16.txt")).map(|p| p.report);
        assert_eq!(report.as_ref().ok(), Some(&expected));
    }
    let bom: Vec<u8> = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
    assert_eq!(
        parse_bytes(&bom, None).map(|p| p.report).ok(),
        Some(expected)
    );
}

#[test]
fn inputs_that_are_not_reports_are_errors_not_panics() {
    assert!(matches!(
        parse_bytes(b"", Some("e.txt")),
        Err(ImportError::EmptyFile { .. })
    ));
    assert!(matches!(
        parse_bytes(b"  \n\t ", None),
        Err(ImportError::EmptyFile { .. })
    ));
    let binary: Vec<u8> = (0u32..20_000)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert!(parse_bytes(&binary, Some("x.bin")).is_err());
    let prose = "这是一篇普通文章，没有任何表格。\n第二段。";
    let err = parse_bytes(prose.as_bytes(), Some("prose.txt")).err();
    assert!(
        matches!(&err, Some(ImportError::NotAReport { file, .. }) if file == "prose.txt"),
        "{err:?}"
    );
    assert!(parse_bytes(b"PK\x03\x04\x14\x00garbage", Some("x.docx")).is_err());
    assert!(
        parse_bytes(
            b"<html><body><table><tr><td rowspan=99999999>1</td></tr></table>",
            None
        )
        .is_err()
    );
    // Every prefix of a real report either parses or fails cleanly.
    let text = small_report();
    for cut in (0..text.len()).step_by(97) {
        let Some(prefix) = text.get(..cut) else {
            continue;
        };
        let _ = parse_bytes(prefix.as_bytes(), Some("cut.txt"));
    }
}

#[test]
fn a_truncated_report_keeps_what_it_has_and_says_what_is_missing() {
    let text = small_report();
    let cut = text
        .find("（四）无法提供")
        .or_else(|| text.find("1.本机关不掌握"))
        .unwrap_or(text.len());
    let parsed = parse(&text[..cut]);
    assert!(
        parsed
            .report
            .cell(CellKey::Application(
                ApplicationRow::Granted,
                ApplicantColumn::Total
            ))
            .is_some()
    );
    assert!(parsed.notes.iter().any(|n| n.message.contains("not found")));
}

#[test]
fn a_report_without_a_year_is_an_error() {
    let text = small_report().replace("2021年度", "年度");
    assert!(matches!(
        parse_bytes(text.as_bytes(), None),
        Err(ImportError::NoYear { .. })
    ));
}

/// A PDF with one empty page, like a scan without OCR.
const EMPTY_PDF: &str = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

#[test]
fn pdfs_without_text_or_truncated_are_errors() {
    let err = parse_bytes(EMPTY_PDF.as_bytes(), Some("scan.pdf")).err();
    assert!(
        matches!(
            err,
            Some(ImportError::NoTextLayer { .. } | ImportError::Pdf { .. })
        ),
        "{err:?}"
    );
    if let Some(ImportError::NoTextLayer { .. }) = &err {
        assert!(
            err.map(|e| e.to_string())
                .is_some_and(|m| m.contains("没有文本层"))
        );
    }
    let path = format!("{CORPUS}/hongze-district-2024.pdf");
    if let Ok(bytes) = std::fs::read(&path) {
        assert!(
            parse_bytes(&bytes[..bytes.len() / 3], Some("cut.pdf")).is_err() || bytes.is_empty()
        );
    }
}

/// Builds a DOCX from the Markdown fixture: `|` lines become a Word table.
fn docx_from_markdown(markdown: &str) -> Vec<u8> {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let para = |s: &str| {
        format!(
            "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            escape(s)
        )
    };
    let mut body = String::new();
    let mut in_table = false;
    for line in markdown.lines() {
        let t = line.trim();
        if t.starts_with("|---") {
            continue;
        }
        if let Some(inner) = t.strip_prefix('|').and_then(|s| s.strip_suffix('|')) {
            if !in_table {
                body.push_str("<w:tbl>");
                in_table = true;
            }
            body.push_str("<w:tr>");
            for cell in inner.split('|') {
                body.push_str(&format!("<w:tc>{}</w:tc>", para(cell.trim())));
            }
            body.push_str("</w:tr>");
            continue;
        }
        if in_table {
            body.push_str("</w:tbl>");
            in_table = false;
        }
        body.push_str(&para(t.trim_start_matches('#').trim()));
    }
    if in_table {
        body.push_str("</w:tbl>");
    }
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default();
        let written = zip
            .start_file("word/document.xml", options)
            .and_then(|()| Ok(zip.write_all(xml.as_bytes())?));
        assert!(written.is_ok());
        assert!(zip.finish().is_ok());
    }
    out.into_inner()
}

#[test]
fn docx_tables_read_like_the_markdown_they_came_from() {
    let markdown =
        std::fs::read_to_string(format!("{FIXTURES}/township-2019.md")).unwrap_or_default();
    assert!(!markdown.is_empty(), "fixture township-2019.md missing");
    let from_md = parse_bytes(markdown.as_bytes(), Some("township-2019.md"));
    let docx = docx_from_markdown(&markdown);
    let from_docx = parse_bytes(&docx, Some("township-2019.docx"));
    let (Ok(md), Ok(docx)) = (from_md, from_docx) else {
        panic!("parse failed")
    };
    assert_eq!((md.kind, docx.kind), (InputKind::Markdown, InputKind::Docx));
    let cells = |p: &ParsedReport| p.report.cells().collect::<Vec<_>>();
    assert_eq!(cells(&docx), cells(&md));
    assert_eq!(docx.report.agency, md.report.agency);
}
