//! HTML pages: text outside tables becomes lines of prose, every data table
//! (a table without tables inside it) becomes tab-separated rows. Tables that
//! hold other tables are page layout and are read as blocks.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};

use crate::grid::{MarkupCell, to_lines};

/// Elements whose content starts and ends a line.
const BLOCKS: [&str; 24] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "body",
    "center",
    "dd",
    "dt",
    "form",
    "tr",
];
/// Elements whose content is never text of the report.
const SKIPPED: [&str; 6] = ["script", "style", "head", "noscript", "template", "iframe"];

/// The page as text lines.
pub fn to_text(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut out = Lines::default();
    walk(*document.root_element(), &mut out);
    out.flush();
    out.lines.join("\n")
}

#[derive(Default)]
struct Lines {
    lines: Vec<String>,
    current: String,
}

impl Lines {
    fn flush(&mut self) {
        let text = self
            .current
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !text.is_empty() {
            self.lines.push(text);
        }
        self.current.clear();
    }
}

fn walk(node: NodeRef<'_, Node>, out: &mut Lines) {
    match node.value() {
        Node::Text(text) => out.current.push_str(text),
        Node::Element(element) => {
            let name = element.name();
            if SKIPPED.contains(&name) {
                return;
            }
            if name == "br" {
                return out.flush();
            }
            if name == "table"
                && let Some(table) = ElementRef::wrap(node)
                && !has_inner_table(table)
            {
                out.flush();
                out.lines.extend(to_lines(&table_rows(table)));
                return;
            }
            let block = BLOCKS.contains(&name) || matches!(name, "table" | "td" | "th");
            if block {
                out.flush();
            }
            node.children().for_each(|child| walk(child, out));
            if block {
                out.flush();
            }
        }
        _ => node.children().for_each(|child| walk(child, out)),
    }
}

fn has_inner_table(table: ElementRef<'_>) -> bool {
    table
        .descendants()
        .skip(1)
        .filter_map(ElementRef::wrap)
        .any(|e| e.value().name() == "table")
}

fn table_rows(table: ElementRef<'_>) -> Vec<Vec<MarkupCell>> {
    table
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "tr")
        .map(|tr| {
            tr.children()
                .filter_map(ElementRef::wrap)
                .filter(|c| matches!(c.value().name(), "td" | "th"))
                .map(|c| MarkupCell {
                    text: cell_text(c),
                    rowspan: span(c, "rowspan"),
                    colspan: span(c, "colspan"),
                    continues: false,
                })
                .collect()
        })
        .collect()
}

fn cell_text(cell: ElementRef<'_>) -> String {
    let mut text = String::new();
    for node in cell.descendants() {
        if let Node::Text(t) = node.value() {
            text.push_str(t);
        } else if let Node::Element(e) = node.value()
            && matches!(e.name(), "br" | "p" | "div")
        {
            text.push(' ');
        }
    }
    text
}

fn span(cell: ElementRef<'_>, attribute: &str) -> usize {
    cell.value()
        .attr(attribute)
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_become_tab_rows_and_layout_tables_blocks() {
        let html = r#"<html><head><title>x</title><style>p{}</style></head><body>
            <h1>某某局2022年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>正文<br>第二行</p>
            <table><tr><td><table border="1">
              <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td></tr>
              <tr><td>2.其他法律行政法规禁止公开</td><td></td></tr>
            </table></td></tr></table></body></html>"#;
        let text = to_text(html);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "某某局2022年政府信息公开工作年度报告",
                "一、总体情况",
                "正文",
                "第二行",
                "（三）不予公开\t1.属于国家秘密\t0",
                "2.其他法律行政法规禁止公开\t"
            ]
        );
    }
}
