//! Every corpus report renders to every output format.

mod common;

use gongkai_render::{OutputFormat, render};

#[test]
fn every_corpus_report_renders_to_every_format() {
    let reports = common::corpus();
    assert!(reports.len() >= 6);
    for (name, report) in reports {
        for format in OutputFormat::ALL {
            let bytes =
                render(&report, format).unwrap_or_else(|e| panic!("{name} → {format}: {e}"));
            match format {
                OutputFormat::Docx | OutputFormat::Xlsx => {
                    assert!(bytes.starts_with(b"PK\x03\x04"), "{name} {format}")
                }
                OutputFormat::Html | OutputFormat::Markdown => {
                    let text = String::from_utf8(bytes).expect("UTF-8 text");
                    assert!(
                        text.contains("三、收到和处理政府信息公开申请情况"),
                        "{name} {format}"
                    );
                    if let Some(agency) = &report.agency {
                        assert!(text.contains(agency.as_str()), "{name} {format}");
                    }
                }
            }
        }
    }
}
