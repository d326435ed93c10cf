//! A realistic case for the notice tests: a citizen's application to the
//! 盐城市人民政府办公室 received on 2024-09-27, just before National Day.
#![allow(dead_code)]

use std::io::Read;

use chrono::NaiveDate;
use gongkai_domain::deadline::ReceiptChannel;
use gongkai_domain::fee;
use gongkai_domain::report::ApplicantColumn;
use gongkai_notices::{
    Agency, ConsultationDetails, CorrectionDetails, DelayedAnswerDetails, ExtensionDetails,
    FeeDetails, NoticeContext, Party, Remedies, TransferDetails,
};

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A context with every step's data filled in.
pub fn context() -> NoticeContext {
    let mut agency = Agency::new("盐城市人民政府办公室");
    agency.seal_line = "盐城市人民政府办公室".into();
    agency.contact = Some("王明，0515-88881234".into());
    let mut ctx = NoticeContext::new(
        agency,
        "盐政公开〔2024〕第15号",
        Party::person("张三"),
        "YCZF-2024-0015",
        day(2024, 9, 27),
        "2023年度盐城市城市道路维修养护资金的预算及使用情况",
        day(2024, 10, 24),
        Remedies {
            reconsideration_body: "盐城市人民政府".into(),
            court: "盐城市亭湖区人民法院".into(),
        },
    );
    ctx.channel = Some(ReceiptChannel::InPerson);
    ctx.transfer = Some(TransferDetails {
        to_agency: "盐城市住房和城乡建设局".into(),
        reason: "所申请信息由该局负责制作和保存".into(),
        transferred_on: day(2024, 10, 9),
        answer_due: Some(day(2024, 11, 6)),
    });
    ctx.answer_due = Some(day(2024, 11, 1));
    ctx.correction = Some(CorrectionDetails {
        items: vec![
            "请明确所需信息的年度范围和具体路段".into(),
            "请提供申请人有效身份证明复印件".into(),
        ],
        period_workdays: 15,
        due: Some(day(2024, 10, 31)),
        requested_on: Some(day(2024, 10, 9)),
    });
    ctx.delayed = Some(DelayedAnswerDetails {
        reason: "所申请的140件信息分散在多个年度的档案中，需要逐件检索".into(),
        original_due: Some(day(2024, 11, 1)),
        new_due: day(2024, 12, 31),
    });
    ctx.extension = Some(ExtensionDetails {
        approver: "市政府办公室政务公开科科长李华".into(),
        workdays: 20,
        reason: "所申请信息涉及多个部门，需要检索、汇总的档案数量较多".into(),
        original_due: Some(day(2024, 11, 1)),
        new_due: day(2024, 11, 29),
    });
    ctx.consultation = Some(ConsultationDetails {
        third_party: Party::organisation("江苏盐城路桥建设有限公司", ApplicantColumn::Commercial),
        information: "道路维修养护工程合同中的单价和结算明细".into(),
        reply_due: Some(day(2024, 11, 5)),
        reply_to: Some("盐城市世纪大道18号市政府办公室政务公开科".into()),
    });
    let mut fee = FeeDetails::new(
        fee::per_item(0, 45).expect("in range"),
        "非税收入电子缴款平台（缴款码：320900-2024-0015）",
    );
    fee.payment_due = Some(day(2024, 11, 22));
    fee.notice_date = Some(day(2024, 10, 24));
    fee.notice_number = Some("盐政公开收〔2024〕第3号".into());
    ctx.fee = Some(fee);
    ctx
}

/// The text of `word/document.xml` in a DOCX.
pub fn document_xml(docx: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("DOCX is a zip");
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .expect("has word/document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    xml
}

/// The visible text of a DOCX: the contents of its `w:t` elements.
pub fn docx_text(docx: &[u8]) -> String {
    let xml = document_xml(docx);
    let mut text = String::new();
    let mut rest = xml.as_str();
    while let Some(start) = rest.find("<w:t") {
        rest = &rest[start..];
        let Some(open_end) = rest.find('>') else {
            break;
        };
        let Some(close) = rest.find("</w:t>") else {
            break;
        };
        if close > open_end {
            text.push_str(&rest[open_end + 1..close]);
        }
        rest = &rest[close + 6..];
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}
