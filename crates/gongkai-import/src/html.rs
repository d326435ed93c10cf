//! HTML pages: text outside tables becomes lines of prose, every data table
//! (a table without tables inside it) becomes tab-separated rows. Tables that
//! hold other tables are page layout and are read as blocks.

use std::collections::HashSet;

use ego_tree::{NodeId, NodeRef};
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
    let layout = layout_tables(&document);
    let mut out = Lines::default();
    walk(*document.root_element(), &layout, &mut out);
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
        if !self.current.trim().is_empty() {
            self.lines.push(collapse_whitespace(&self.current));
        }
        self.current.clear();
    }
}

/// `text` with every run of whitespace replaced by one space and no space
/// at either end.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A step of the document walk: an explicit stack instead of recursion, so
/// that no nesting depth overflows the stack.
enum Step<'a> {
    Enter(NodeRef<'a, Node>),
    /// Leaving an element; `true` when it is a block (ends a line).
    Leave(bool),
}

fn walk(root: NodeRef<'_, Node>, layout: &HashSet<NodeId>, out: &mut Lines) {
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave(block) => {
                if block {
                    out.flush();
                }
                continue;
            }
            Step::Enter(node) => node,
        };
        match node.value() {
            Node::Text(text) => {
                out.current.push_str(text);
                continue;
            }
            Node::Element(element) => {
                let name = element.name();
                if SKIPPED.contains(&name) {
                    continue;
                }
                if name == "br" {
                    out.flush();
                    continue;
                }
                if name == "table"
                    && !layout.contains(&node.id())
                    && let Some(table) = ElementRef::wrap(node)
                {
                    out.flush();
                    out.lines.extend(to_lines(&table_rows(table)));
                    continue;
                }
                let block = BLOCKS.contains(&name) || matches!(name, "table" | "td" | "th");
                if block {
                    out.flush();
                }
                stack.push(Step::Leave(block));
            }
            _ => {}
        }
        let first = stack.len();
        stack.extend(node.children().map(Step::Enter));
        stack[first..].reverse();
    }
}

/// The tables that hold other tables (page layout, read as blocks), found in
/// one pass: each table marks its table ancestors, stopping at one already
/// marked (whose own ancestors are marked too).
fn layout_tables(document: &Html) -> HashSet<NodeId> {
    let is_table =
        |node: &NodeRef<'_, Node>| matches!(node.value(), Node::Element(e) if e.name() == "table");
    let mut marked = HashSet::new();
    for node in document.tree.nodes().filter(is_table) {
        let mut ancestor = node.parent();
        while let Some(a) = ancestor {
            if is_table(&a) && !marked.insert(a.id()) {
                break;
            }
            ancestor = a.parent();
        }
    }
    marked
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
