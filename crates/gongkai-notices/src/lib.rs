//! The formal notices of a government information disclosure application
//! (依申请公开), rendered from editable templates.
//!
//! Each procedural step has its document ([`NoticeKind`]): 受理回执,
//! 补正告知书, 延期答复告知书, 第三方意见征询函, 收费通知书 and the
//! 政府信息公开申请答复书, whose body depends on the [`Outcome`] and cites the
//! article of the Regulation it rests on.
//!
//! The texts live in MiniJinja templates ([`NoticeTemplates`]): built-in
//! defaults under `templates/`, each replaceable by an administrator's file.
//! A template renders to a small line markup ([`Block`]) from which both the
//! printable HTML page ([`render_html`]) and the DOCX file ([`render_docx`])
//! are built, so the two never differ in wording.
//!
//! ```
//! use chrono::NaiveDate;
//! use gongkai_domain::deadline::Outcome;
//! use gongkai_notices::*;
//!
//! let day = |d| NaiveDate::from_ymd_opt(2024, 10, d).unwrap();
//! let mut ctx = NoticeContext::new(
//!     Agency::new("盐城市人民政府办公室"),
//!     "盐政公开〔2024〕第15号",
//!     Party::person("张三"),
//!     "YC-2024-0015",
//!     day(8),
//!     "2023年度本市城市道路维修资金使用情况",
//!     day(21),
//!     Remedies {
//!         reconsideration_body: "盐城市人民政府".into(),
//!         court: "盐城市亭湖区人民法院".into(),
//!     },
//! );
//! ctx.outcome = Some(Outcome::Granted);
//! let html = render_html(NoticeKind::Answer, &ctx, &NoticeTemplates::builtin())?;
//! assert!(html.contains("第三十六条第（二）项"));
//! # Ok::<(), NoticeError>(())
//! ```
//!
//! [`Outcome`]: gongkai_domain::deadline::Outcome

#![deny(missing_docs)]

mod chinese;
mod context;
mod docx;
mod error;
mod html;
mod kind;
mod markup;
mod templates;

pub use chinese::{date_cn, number_cn, yuan_in_words};
pub use context::{
    Agency, AnswerDetails, ConsultationDetails, CorrectionDetails, DelayedAnswerDetails,
    ExtensionDetails, FeeDetails, NoticeContext, Party, Remedies, TransferDetails, periods,
};
pub use error::NoticeError;
pub use kind::NoticeKind;
pub use markup::Block;
pub use templates::{DEFAULT_TEMPLATES, NoticeTemplates};

/// Renders the notice of `kind` for the case in `ctx` into its blocks (the
/// parsed line markup), the common source of the HTML and DOCX outputs.
pub fn render_blocks(
    kind: NoticeKind,
    ctx: &NoticeContext,
    templates: &NoticeTemplates,
) -> Result<Vec<Block>, NoticeError> {
    ctx.check_for(kind)?;
    let text = templates.render(kind, ctx)?;
    let blocks = markup::parse(&text);
    if !blocks.iter().any(|b| matches!(b, Block::Title(_))) {
        return Err(NoticeError::NoTitle { kind });
    }
    Ok(blocks)
}

/// Renders the notice as a complete, printable HTML page (A4, 仿宋). Every
/// value from the case is escaped.
pub fn render_html(
    kind: NoticeKind,
    ctx: &NoticeContext,
    templates: &NoticeTemplates,
) -> Result<String, NoticeError> {
    Ok(html::page(&render_blocks(kind, ctx, templates)?))
}

/// Renders the notice as the bytes of a DOCX file with the same text as
/// [`render_html`].
pub fn render_docx(
    kind: NoticeKind,
    ctx: &NoticeContext,
    templates: &NoticeTemplates,
) -> Result<Vec<u8>, NoticeError> {
    docx::document(&render_blocks(kind, ctx, templates)?)
}
