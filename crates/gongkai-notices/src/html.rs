//! The notice as a printable HTML page: A4, 仿宋 body, centred title, 文号 on
//! the right, signature block at the bottom right. Every text is escaped.

use html_escape::encode_quoted_attribute as escape;
use std::fmt::Write as _;

use crate::{Block, markup};

/// The page style, after GB/T 9704 (党政机关公文格式): A4, margins 37/26/35/28
/// mm, 二号小标宋 title, 三号仿宋 body on a 28 pt line pitch.
const STYLE: &str = r#"
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
html { background: #e8e8e8; }
body { margin: 0; font-family: "仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "FangSong_GB2312", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif; font-size: 16pt; line-height: 28pt; color: #000; }
.page { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 0 3mm rgba(0,0,0,.25); }
h1 { margin: 0 0 14pt; font-family: "方正小标宋简体", "方正小标宋_GBK", "华文中宋", "STZhongsong", "Noto Serif CJK SC", "Source Han Serif SC", "宋体", "SimSun", serif; font-size: 22pt; font-weight: normal; line-height: 36pt; text-align: center; }
p { margin: 0; text-align: justify; }
p.body { text-indent: 2em; }
p.number { text-align: right; margin-bottom: 14pt; }
p.left { text-indent: 0; }
p.keep { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
div.sign { margin-top: 42pt; page-break-inside: avoid; }
div.sign > p { text-align: right; }
@media print {
  html { background: none; }
  .page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
}
"#;

/// The complete HTML page of a notice.
pub(crate) fn page(blocks: &[Block]) -> String {
    let title: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Title(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    let mut html = String::with_capacity(4096);
    html.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(html, "<title>{}</title>", escape(&title.join("")));
    let _ = writeln!(
        html,
        "<style>{STYLE}</style>\n</head>\n<body>\n<div class=\"page\">"
    );
    let mut index = 0;
    while index < blocks.len() {
        match &blocks[index] {
            Block::Title(_) => {
                let lines = run(blocks, index, |b| matches!(b, Block::Title(_)));
                let _ = writeln!(html, "<h1>{}</h1>", joined(&blocks[index..index + lines]));
                index += lines;
            }
            Block::Sign(_) => {
                let lines = run(blocks, index, |b| matches!(b, Block::Sign(_)));
                let texts: Vec<&str> = blocks[index..index + lines]
                    .iter()
                    .map(Block::text)
                    .collect();
                html.push_str("<div class=\"sign\">\n");
                for (text, indent) in texts.iter().zip(markup::signature_indents(&texts)) {
                    let _ = writeln!(
                        html,
                        "<p style=\"padding-right: {indent}em\">{}</p>",
                        escape(text)
                    );
                }
                html.push_str("</div>\n");
                index += lines;
            }
            Block::Right(t) | Block::Left(t) | Block::Body(t) => {
                let class = match &blocks[index] {
                    Block::Right(_) => "number",
                    Block::Left(_) => "left",
                    _ => "body",
                };
                // The signature never stands alone on a page.
                let keep = if matches!(blocks.get(index + 1), Some(Block::Sign(_))) {
                    " keep"
                } else {
                    ""
                };
                let _ = writeln!(html, "<p class=\"{class}{keep}\">{}</p>", escape(t));
                index += 1;
            }
        }
    }
    html.push_str("</div>\n</body>\n</html>\n");
    html
}

/// The number of consecutive blocks from `start` that satisfy `same`.
fn run(blocks: &[Block], start: usize, same: impl Fn(&Block) -> bool) -> usize {
    blocks[start..].iter().take_while(|b| same(b)).count()
}

fn joined(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| escape(b.text()))
        .collect::<Vec<_>>()
        .join("<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_is_escaped() {
        let page = page(&[
            Block::Title("<b>标题</b>".into()),
            Block::Body("a & \"b\" 'c'".into()),
        ]);
        assert!(page.contains("<h1>&lt;b&gt;标题&lt;/b&gt;</h1>"));
        assert!(page.contains("<title>&lt;b&gt;标题&lt;/b&gt;</title>"));
        assert!(page.contains("a &amp; &quot;b&quot; &#x27;c&#x27;"));
    }

    #[test]
    fn consecutive_titles_and_signatures_are_grouped() {
        let page = page(&[
            Block::Title("某某局".into()),
            Block::Title("答复书".into()),
            Block::Sign("某某局".into()),
            Block::Sign("2024年9月27日".into()),
        ]);
        assert!(page.contains("<h1>某某局<br>答复书</h1>"));
        assert!(page.contains(
            "<div class=\"sign\">\n<p style=\"padding-right: 5.75em\">某某局</p>\n<p style=\"padding-right: 4em\">2024年9月27日</p>\n</div>"
        ));
    }
}
