//! The notice as a DOCX file, built from the same blocks as the HTML page:
//! A4 with GB/T 9704 margins, 方正小标宋简体 title, 仿宋_GB2312 body with a
//! two-character first-line indent, signature block at the bottom right.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, LineSpacing, LineSpacingType, PageMargin, Paragraph, Run, RunFonts,
    SpecialIndentType,
};

use crate::{Block, NoticeError, markup};

/// A4 in twentieths of a point.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
/// GB/T 9704 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm).
const MARGIN_TOP: i32 = 2098;
const MARGIN_BOTTOM: i32 = 1984;
const MARGIN_LEFT: i32 = 1587;
const MARGIN_RIGHT: i32 = 1474;
/// Font sizes in half-points: 二号 title, 三号 body.
const TITLE_SIZE: usize = 44;
const BODY_SIZE: usize = 32;
const TITLE_FONT: &str = "方正小标宋简体";
const BODY_FONT: &str = "仿宋_GB2312";
const LATIN_FONT: &str = "Times New Roman";
/// Line pitch in twips: 28 pt body, 36 pt title.
const BODY_LINE: i32 = 560;
const TITLE_LINE: i32 = 720;
/// One character of 三号 (16 pt) text, in twips.
const CHAR: i32 = 320;
/// Two characters: the first-line indent of body paragraphs.
const TWO_CHARS: i32 = 2 * CHAR;
/// Space above the signature block, room for the seal (two lines).
const SIGN_SPACE_BEFORE: u32 = 2 * BODY_LINE as u32;

/// Builds the DOCX bytes of a notice.
pub(crate) fn document(blocks: &[Block]) -> Result<Vec<u8>, NoticeError> {
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP)
                .bottom(MARGIN_BOTTOM)
                .left(MARGIN_LEFT)
                .right(MARGIN_RIGHT)
                .header(851)
                .footer(992),
        )
        .default_fonts(fonts(BODY_FONT))
        .default_size(BODY_SIZE);
    let indents = signature_indents(blocks);
    let mut previous: Option<&Block> = None;
    for (index, block) in blocks.iter().enumerate() {
        let next = blocks.get(index + 1);
        let mut paragraph = paragraph(block, previous, next);
        if let Some(&chars) = indents.get(&index) {
            paragraph = paragraph.indent(None, None, Some((chars * CHAR as f32) as i32), None);
        }
        docx = docx.add_paragraph(paragraph);
        previous = Some(block);
    }
    let mut bytes = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .map_err(|e| NoticeError::Docx(e.to_string()))?;
    deflate(&bytes.into_inner())
        .map_err(|e| NoticeError::Docx(format!("compressing the package: {e}")))
}

fn paragraph(block: &Block, previous: Option<&Block>, next: Option<&Block>) -> Paragraph {
    let paragraph = layout(block, previous, next);
    // The signature never stands alone on a page: the paragraph before it
    // moves along (GB/T 9704 7.3.5: no seal page without body text).
    if matches!(next, Some(Block::Sign(_))) && !matches!(block, Block::Sign(_)) {
        paragraph.keep_next(true).keep_lines(true)
    } else {
        paragraph
    }
}

fn layout(block: &Block, previous: Option<&Block>, next: Option<&Block>) -> Paragraph {
    let body_spacing = || {
        LineSpacing::new()
            .line(BODY_LINE)
            .line_rule(LineSpacingType::Exact)
    };
    match block {
        Block::Title(text) => {
            let last_title_line = !matches!(next, Some(Block::Title(_)));
            let spacing = LineSpacing::new()
                .line(TITLE_LINE)
                .line_rule(LineSpacingType::Exact)
                .after(if last_title_line { 280 } else { 0 });
            Paragraph::new()
                .align(AlignmentType::Center)
                .keep_next(true)
                .line_spacing(spacing)
                .add_run(run(text, TITLE_FONT, TITLE_SIZE))
        }
        Block::Right(text) => Paragraph::new()
            .align(AlignmentType::Right)
            .line_spacing(body_spacing().after(280))
            .add_run(run(text, BODY_FONT, BODY_SIZE)),
        Block::Left(text) => Paragraph::new()
            .align(AlignmentType::Both)
            .line_spacing(body_spacing())
            .add_run(run(text, BODY_FONT, BODY_SIZE)),
        Block::Sign(text) => {
            let first = !matches!(previous, Some(Block::Sign(_)));
            let spacing = if first {
                body_spacing().before(SIGN_SPACE_BEFORE)
            } else {
                body_spacing()
            };
            Paragraph::new()
                .align(AlignmentType::Right)
                .keep_next(matches!(next, Some(Block::Sign(_))))
                .keep_lines(true)
                .line_spacing(spacing)
                .add_run(run(text, BODY_FONT, BODY_SIZE))
        }
        Block::Body(text) => Paragraph::new()
            .align(AlignmentType::Both)
            .indent(
                None,
                Some(SpecialIndentType::FirstLine(TWO_CHARS)),
                None,
                None,
            )
            .line_spacing(body_spacing())
            .add_run(run(text, BODY_FONT, BODY_SIZE)),
    }
}

/// The right indent, in characters, of every signature line, by block index.
fn signature_indents(blocks: &[Block]) -> std::collections::HashMap<usize, f32> {
    let mut indents = std::collections::HashMap::new();
    let mut index = 0;
    while index < blocks.len() {
        let lines: Vec<&str> = blocks[index..]
            .iter()
            .take_while(|b| matches!(b, Block::Sign(_)))
            .map(Block::text)
            .collect();
        if lines.is_empty() {
            index += 1;
            continue;
        }
        for (offset, chars) in markup::signature_indents(&lines).into_iter().enumerate() {
            indents.insert(index + offset, chars);
        }
        index += lines.len();
    }
    indents
}

fn run(text: &str, east_asia: &str, size: usize) -> Run {
    Run::new().add_text(text).fonts(fonts(east_asia)).size(size)
}

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT)
        .cs(LATIN_FONT)
}

/// docx-rs stores its parts uncompressed; deflating them makes the file
/// several times smaller. Part order and names are kept.
fn deflate(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(stored))?;
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for index in 0..archive.len() {
        let mut part = archive.by_index(index)?;
        if part.is_dir() {
            writer.add_directory(part.name(), options)?;
        } else {
            writer.start_file(part.name(), options)?;
            std::io::copy(&mut part, &mut writer)?;
        }
    }
    Ok(writer.finish()?.into_inner())
}
