//! Every notice kind renders to HTML and DOCX with the case's data, and every
//! outcome's answer cites its article and states the remedies.

mod common;

use common::{context, document_xml, docx_text};
use gongkai_domain::deadline::Outcome;
use gongkai_notices::{
    Block, NoticeError, NoticeKind, NoticeTemplates, render_blocks, render_docx, render_html,
};

const REMEDY: &str = "如对本答复不服，可以在收到本答复之日起60日内向盐城市人民政府申请行政复议，或者在6个月内向盐城市亭湖区人民法院提起行政诉讼。";

fn answer(outcome: Outcome) -> String {
    let mut ctx = context();
    ctx.outcome = Some(outcome);
    let blocks = render_blocks(NoticeKind::Answer, &ctx, &NoticeTemplates::builtin())
        .unwrap_or_else(|e| panic!("{outcome:?}: {e}"));
    blocks
        .iter()
        .map(Block::text)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_kind_renders_in_both_outputs() {
    let templates = NoticeTemplates::builtin();
    let mut ctx = context();
    ctx.outcome = Some(Outcome::Granted);
    for kind in NoticeKind::ALL {
        let html = render_html(kind, &ctx, &templates).unwrap_or_else(|e| panic!("{kind}: {e}"));
        let docx = render_docx(kind, &ctx, &templates).unwrap_or_else(|e| panic!("{kind}: {e}"));
        let text = docx_text(&docx);
        let page = html.split("<div class=\"page\">").nth(1).expect("page div");
        for (output, body) in [("html", page), ("docx", text.as_str())] {
            for expected in [
                kind.document_title(),
                "盐城市人民政府办公室",
                "盐政公开〔2024〕第15号",
                "2024年10月24日",
            ] {
                assert!(
                    body.contains(expected),
                    "{kind} {output}: missing {expected}"
                );
            }
            assert!(!body.contains("none"), "{kind} {output}: printed none");
        }
        // The third party is not told who asked.
        let addressee = if kind == NoticeKind::ThirdPartyConsultation {
            "江苏盐城路桥建设有限公司："
        } else {
            "张三："
        };
        assert!(html.contains(addressee), "{kind}: addressee");
        assert!(text.contains(addressee), "{kind}: addressee in DOCX");
    }
}

#[test]
fn notices_carry_their_step_data() {
    let templates = NoticeTemplates::builtin();
    let ctx = context();
    let text = |kind| {
        render_blocks(kind, &ctx, &templates)
            .unwrap_or_else(|e| panic!("{kind}: {e}"))
            .iter()
            .map(Block::text)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let ack = text(NoticeKind::Acknowledgement);
    assert!(
        ack.contains("本机关于2024年9月27日收到您提出的政府信息公开申请（提交方式：当面提交）")
    );
    assert!(ack.contains("20个工作日内（即2024年11月1日前）"));

    let correction = text(NoticeKind::CorrectionRequest);
    assert!(correction.contains("一、请明确所需信息的年度范围和具体路段"));
    assert!(correction.contains("二、请提供申请人有效身份证明复印件"));
    assert!(correction.contains("15个工作日内（即2024年10月31日前）"));
    assert!(correction.contains("第三十条"));

    let extension = text(NoticeKind::ExtensionNotice);
    assert!(extension.contains("第三十三条第二款"));
    assert!(extension.contains("市政府办公室政务公开科科长李华"));
    assert!(extension.contains("答复期限延长20个工作日。本机关将于2024年11月29日前作出答复"));

    let letter = text(NoticeKind::ThirdPartyConsultation);
    assert!(letter.contains("第三十二条"));
    assert!(letter.contains("15个工作日内（即2024年11月5日前）"));
    assert!(letter.contains("贵单位的商业秘密"));
    assert!(
        !letter.contains("张三"),
        "the applicant's name is not disclosed to the third party"
    );

    let fee = text(NoticeKind::FeeNotice);
    for expected in [
        "国办函〔2020〕109号",
        "按件计收",
        "本次计费共45件",
        "第1–10件：10件，免费",
        "第11–30件：20件 × 100元/件 = 2000元",
        "第31–40件：10件 × 200元/件 = 2000元",
        "第41–45件：5件 × 300元/件 = 1500元",
        "人民币5500元（大写：伍仟伍佰元整）",
        "20个工作日内（即2024年11月22日前）",
        "视为放弃申请",
    ] {
        assert!(
            fee.contains(expected),
            "fee notice: missing {expected}\n{fee}"
        );
    }
}

#[test]
fn fee_notice_by_volume_states_the_page_bands() {
    let mut ctx = context();
    if let Some(fee) = ctx.fee.as_mut() {
        fee.quote = gongkai_domain::fee::per_volume(120).expect("in range");
    }
    let html =
        render_html(NoticeKind::FeeNotice, &ctx, &NoticeTemplates::builtin()).expect("renders");
    assert!(html.contains("按量计收"));
    assert!(html.contains("第101–120页：20页 × 20元/页 = 400元"));
    assert!(html.contains("人民币1100元（大写：壹仟壹佰元整）"));
}

/// The citation each answer must carry, written out by hand from the
/// Regulation (domain.md §3.3), independently of `Outcome::article`.
fn expected_citation(outcome: Outcome) -> Option<&'static str> {
    Some(match outcome {
        Outcome::Granted => "第三十六条第（二）项",
        Outcome::PartiallyGranted => "第三十七条",
        Outcome::DeniedStateSecret
        | Outcome::DeniedProhibitedByLaw
        | Outcome::DeniedSecurityStability => "第十四条",
        Outcome::DeniedThirdParty => "第十五条",
        Outcome::DeniedInternalAffairs => "第十六条第一款",
        Outcome::DeniedProcessInfo | Outcome::DeniedEnforcementFile => "第十六条第二款",
        Outcome::DeniedAdministrativeQuery => "第三十六条第（七）项",
        Outcome::UnavailableNotHeld => "第三十六条第（四）项",
        Outcome::UnavailableNeedsCreation => "第三十八条",
        Outcome::UnavailableUnclear | Outcome::OtherOverdueCorrection => "第三十条",
        Outcome::RejectedPetition => "第三十九条第一款",
        Outcome::RejectedDuplicate => "第三十六条第（六）项",
        Outcome::RejectedPublication => "第三十九条第二款",
        Outcome::RejectedMassRepeated => "第三十五条",
        Outcome::OtherUnpaidFee => {
            "第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
        }
        Outcome::RejectedConfirmation | Outcome::OtherOther => return None,
    })
}

#[test]
fn every_outcome_answer_cites_its_article_and_states_remedies() {
    for outcome in Outcome::ALL {
        let text = answer(outcome);
        assert!(
            text.contains(REMEDY),
            "{outcome:?}: remedy sentence\n{text}"
        );
        assert!(
            text.contains("政府信息公开申请答复书"),
            "{outcome:?}: title"
        );
        assert!(text.contains("申请获取“2023年度盐城市城市道路维修养护资金的预算及使用情况”"));
        let article = outcome.article();
        match expected_citation(outcome) {
            Some(citation) => {
                let cited = format!("《中华人民共和国政府信息公开条例》{citation}");
                assert!(text.contains(&cited), "{outcome:?}: {cited}\n{text}");
                // The domain's article agrees with the letter: its "第…条"
                // reference appears in the text.
                let head = article.split('（').next().unwrap_or(article);
                let head = head.split('第').take(2).collect::<Vec<_>>().join("第");
                assert!(text.contains(&head), "{outcome:?}: {head} of {article}");
            }
            None => {
                assert_eq!(article, "条例未明确规定");
                // No article is invented where the Regulation names none.
                assert!(
                    !text.contains("条例》第"),
                    "{outcome:?} cites an article\n{text}"
                );
            }
        }
    }
}

#[test]
fn answers_have_the_layout_of_a_real_answer() {
    for outcome in Outcome::ALL {
        let mut ctx = context();
        ctx.outcome = Some(outcome);
        ctx.answer.reasons = vec!["经查，有关情况如下。".into()];
        ctx.answer.attachments = vec!["道路维修养护资金使用情况表".into(), "预算批复".into()];
        let blocks =
            render_blocks(NoticeKind::Answer, &ctx, &NoticeTemplates::builtin()).expect("renders");
        let kinds: Vec<_> = blocks
            .iter()
            .map(|b| match b {
                Block::Title(_) => "title",
                Block::Right(_) => "right",
                Block::Left(_) => "left",
                Block::Sign(_) => "sign",
                Block::Body(_) => "body",
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "title", "title", "right", "left", "body", "body", "body", "body", "left", "sign",
                "sign", "left"
            ],
            "{outcome:?}: {blocks:#?}"
        );
        assert_eq!(blocks[0], Block::Title("盐城市人民政府办公室".into()));
        assert_eq!(blocks[1], Block::Title("政府信息公开申请答复书".into()));
        assert_eq!(blocks[2], Block::Right("盐政公开〔2024〕第15号".into()));
        assert_eq!(blocks[3], Block::Left("张三：".into()));
        assert_eq!(blocks[5], Block::Body("经查，有关情况如下。".into()));
        assert_eq!(blocks[7], Block::Body(REMEDY.into()), "{outcome:?}");
        assert_eq!(
            blocks[8],
            Block::Left("附件：1. 道路维修养护资金使用情况表；2. 预算批复".into())
        );
        assert_eq!(blocks[9], Block::Sign("盐城市人民政府办公室".into()));
        assert_eq!(blocks[10], Block::Sign("2024年10月24日".into()));
    }
}

#[test]
fn answers_follow_the_case_specifics() {
    let templates = NoticeTemplates::builtin();
    let mut ctx = context();
    ctx.outcome = Some(Outcome::Granted);
    ctx.answer.published_at = Some("盐城市人民政府门户网站“政府信息公开—财政预决算”栏目".into());
    let html = render_html(NoticeKind::Answer, &ctx, &templates).expect("renders");
    assert!(html.contains("第三十六条第（一）项"));
    assert!(html.contains("财政预决算"));

    ctx.outcome = Some(Outcome::UnavailableNotHeld);
    ctx.answer.not_this_agency = true;
    ctx.answer.competent_agency = Some("盐城市住房和城乡建设局（电话：0515-88886666）".into());
    let html = render_html(NoticeKind::Answer, &ctx, &templates).expect("renders");
    assert!(html.contains("第三十六条第（五）项"));
    assert!(html.contains("负责公开该政府信息的行政机关为盐城市住房和城乡建设局"));

    ctx.outcome = Some(Outcome::DeniedThirdParty);
    ctx.answer.reasons = vec!["经查，您申请获取的合同结算明细含有第三方的商业秘密。".into()];
    let html = render_html(NoticeKind::Answer, &ctx, &templates).expect("renders");
    assert!(html.contains("经查，您申请获取的合同结算明细含有第三方的商业秘密。"));
    assert!(
        html.contains("已依照《中华人民共和国政府信息公开条例》第三十二条的规定书面征求第三方意见")
    );

    ctx.outcome = Some(Outcome::OtherUnpaidFee);
    let html = render_html(NoticeKind::Answer, &ctx, &templates).expect("renders");
    assert!(html.contains(
        "2024年10月24日向您发出《政府信息公开信息处理费收费通知书》（盐政公开收〔2024〕第3号）"
    ));

    // An organisation is addressed as 贵单位.
    ctx.applicant = gongkai_notices::Party::organisation(
        "盐城市某某律师事务所",
        gongkai_domain::report::ApplicantColumn::LegalServices,
    );
    ctx.outcome = Some(Outcome::RejectedDuplicate);
    ctx.answer.reasons.clear();
    let html = render_html(NoticeKind::Answer, &ctx, &templates).expect("renders");
    assert!(html.contains("贵单位"));
    assert!(!html.contains("您"));
}

#[test]
fn missing_step_data_is_named() {
    let templates = NoticeTemplates::builtin();
    let mut ctx = context();
    ctx.fee = None;
    let err = render_html(NoticeKind::FeeNotice, &ctx, &templates).expect_err("no fee");
    assert!(
        matches!(err, NoticeError::MissingData { field: "fee", .. }),
        "{err}"
    );
    let err = render_docx(NoticeKind::Answer, &ctx, &templates).expect_err("no outcome");
    assert!(err.to_string().contains("outcome"), "{err}");
}

#[test]
fn untrusted_values_are_escaped_in_html() {
    let mut ctx = context();
    ctx.applicant.name = "<script>alert('x')</script>张三".into();
    ctx.request = "a & b <img src=x onerror=alert(1)>\n# 伪造标题\n@sign 伪造印章".into();
    ctx.outcome = Some(Outcome::Granted);
    let html = render_html(NoticeKind::Answer, &ctx, &NoticeTemplates::builtin()).expect("renders");
    assert!(!html.contains("<script>"));
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;张三："));
    assert!(html.contains("a &amp; b &lt;img src=x onerror=alert(1)&gt;"));
    // Line breaks in a value give body paragraphs, never markup.
    assert!(html.contains("<p class=\"body\"># 伪造标题</p>"));
    assert!(html.contains("<p class=\"body\">@sign 伪造印章"));
    assert_eq!(html.matches("<h1>").count(), 1);

    let docx = render_docx(NoticeKind::Answer, &ctx, &NoticeTemplates::builtin()).expect("renders");
    let xml = document_xml(&docx);
    assert!(!xml.contains("<script>"));
    assert!(docx_text(&docx).contains("<script>alert('x')</script>张三："));
}

#[test]
fn docx_opens_and_holds_the_applicant() {
    let mut ctx = context();
    ctx.outcome = Some(Outcome::PartiallyGranted);
    ctx.applicant.name = "李四 & 王五".into();
    let docx = render_docx(NoticeKind::Answer, &ctx, &NoticeTemplates::builtin()).expect("renders");
    assert_eq!(&docx[..2], b"PK");
    let xml = document_xml(&docx);
    assert!(
        xml.contains("李四 &amp; 王五："),
        "applicant name in document.xml"
    );
    // East-Asian fonts, centred title, two-character first-line indent.
    assert!(xml.contains("w:eastAsia=\"仿宋_GB2312\""));
    assert!(xml.contains("w:eastAsia=\"方正小标宋简体\""));
    assert!(xml.contains("<w:jc w:val=\"center\" />") || xml.contains("<w:jc w:val=\"center\"/>"));
    assert!(xml.contains("w:firstLine=\"640\""));
}

#[test]
fn transfer_notice_names_the_receiving_agency_and_its_period() {
    let ctx = context();
    let html = render_html(
        NoticeKind::TransferNotice,
        &ctx,
        &NoticeTemplates::builtin(),
    )
    .expect("renders");
    for expected in [
        "政府信息公开申请转送告知书",
        "因所申请信息由该局负责制作和保存",
        "第三十六条第（五）项",
        "该政府信息的公开机关为盐城市住房和城乡建设局",
        "本机关已于2024年10月9日将您的申请转送盐城市住房和城乡建设局",
        "至2024年11月6日止",
        "向盐城市人民政府申请行政复议",
    ] {
        assert!(html.contains(expected), "missing {expected}");
    }
    let mut without = context();
    without.transfer = None;
    let err = render_docx(
        NoticeKind::TransferNotice,
        &without,
        &NoticeTemplates::builtin(),
    )
    .expect_err("no transfer");
    assert!(err.to_string().contains("transfer"), "{err}");
}
