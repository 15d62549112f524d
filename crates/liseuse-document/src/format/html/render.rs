//! An HTML tree (a page's article, a book's chapter) rendered into blocks: paragraphs,
//! headings, quotes, lists with their bullets and numbers, preformatted code, data tables as
//! aligned rows, and emphasis, strong, code and links as styles. Scripts, forms, images and
//! other things a reader does not read are left out.
//!
//! The walk is iterative (first child, next sibling, parent), so no depth of nesting can
//! overflow the stack.

use super::data_table::{Table, is_data_table};
use crate::build::Builder;
use crate::{Inline, ParaKind};
use dom_query::NodeRef;
use std::collections::{HashMap, HashSet};

/// Elements whose content is never text to read.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object", "embed",
    "canvas", "form", "button", "select", "input", "textarea", "video", "audio", "picture", "img",
    "map", "dialog", "menu",
];

/// Elements that start and end a block of their own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "dl",
    "dt",
    "dd",
    "center",
    "caption",
    "nav",
    "body",
    "html",
    "fieldset",
    "legend",
    "hgroup",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "table",
];

/// Walks an HTML tree into blocks, styles and links, the way liseuse shows a page (and a book's chapters).
pub struct Renderer<'b> {
    /// Where the blocks go.
    pub b: &'b mut Builder,
    quote: u8,
    lists: Vec<Option<u64>>,
    pre: u32,
    in_link: u32,
    table: Option<Table>,
    /// How deep inside a data table's element the walk is (its nested elements' ends).
    table_depth: u32,
    /// Ids whose place is wanted (a book's table of contents points to them), and the
    /// paragraph where each was found.
    wanted: HashSet<String>,
    anchors: HashMap<String, usize>,
    /// A drop cap (« T » in an element of its own, « urkey, Poland… » in the paragraph after)
    /// held open until the next text says whether it starts the paragraph's first word.
    drop_cap: bool,
}

impl<'b> Renderer<'b> {
    /// A renderer writing into `b`.
    pub fn new(b: &'b mut Builder) -> Renderer<'b> {
        Renderer {
            b,
            quote: 0,
            lists: Vec::new(),
            pre: 0,
            in_link: 0,
            table: None,
            table_depth: 0,
            wanted: HashSet::new(),
            anchors: HashMap::new(),
            drop_cap: false,
        }
    }

    /// Also finds where the elements with these ids are (see [`Renderer::anchors`]).
    pub fn with_anchors(mut self, wanted: HashSet<String>) -> Renderer<'b> {
        self.wanted = wanted;
        self
    }

    /// The paragraph each wanted id starts (the one it is in, or the next one made).
    pub fn anchors(self) -> HashMap<String, usize> {
        self.anchors
    }

    /// Renders the children of `root`.
    pub fn render(&mut self, root: &NodeRef<'_>) {
        let mut node = root.first_child();
        while let Some(n) = node {
            if self.enter(&n)
                && let Some(c) = n.first_child()
            {
                node = Some(c);
                continue;
            }
            self.exit(&n);
            let mut cur = n;
            node = loop {
                if let Some(s) = cur.next_sibling() {
                    break Some(s);
                }
                match cur.parent() {
                    Some(p) if p.id != root.id => {
                        self.exit(&p);
                        cur = p;
                    }
                    _ => break None,
                }
            };
        }
        self.b.end_block();
    }

    /// A block boundary: the open block ends, unless it is still empty (a list item's marker
    /// waiting for the item's first paragraph).
    fn boundary(&mut self) {
        self.drop_cap = false;
        if !self.b.open_is_empty() {
            self.b.end_block();
        }
    }

    /// A block element starts or ends: the open block ends, unless it is a drop cap — one
    /// capital letter alone in a body paragraph (in an element of its own, or put in a
    /// paragraph of its own by the article's extraction), which [`Renderer::text`] joins to
    /// the word it begins.
    fn block_starts(&mut self) {
        if self.table.is_none() && self.open_is_drop_cap() {
            self.drop_cap = true;
            return;
        }
        self.boundary();
    }

    /// The open block is one capital letter alone in a body paragraph.
    fn open_is_drop_cap(&self) -> bool {
        let mut chars = self.b.open_text().chars();
        self.b.open_kind() == Some(ParaKind::Body)
            && chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_none()
    }

    fn text(&mut self, s: &str) {
        if let Some(t) = &mut self.table {
            t.text(s);
            return;
        }
        if self.pre > 0 {
            if self.b.open_kind() != Some(ParaKind::Code) {
                self.b.block(ParaKind::Code, 0);
            }
            self.b.raw(s, None);
            return;
        }
        if self.drop_cap {
            // Layout's whitespace between the letter and its paragraph is no text; the
            // paragraph's first text continues the word when it starts with a small letter
            // (« urkey »), a space inside the paragraph keeps a one-letter word (« A » « new »).
            if !self.open_is_drop_cap() {
                self.drop_cap = false;
            } else {
                let Some(first) = s.chars().next().filter(|_| !s.trim().is_empty()) else {
                    return;
                };
                self.drop_cap = false;
                let continues = first.is_lowercase()
                    || first.is_whitespace() && s.trim_start().starts_with(char::is_lowercase);
                if !continues {
                    self.b.end_block();
                } else if !first.is_whitespace() {
                    self.b.forget_space();
                }
            }
        }
        if self.b.open_kind().is_none() {
            if s.trim().is_empty() {
                return;
            }
            let depth = u8::try_from(self.lists.len()).unwrap_or(u8::MAX);
            if depth > 0 {
                self.b.block(ParaKind::ListItem, depth - 1);
            } else if self.quote > 0 {
                self.b.block(ParaKind::Quote, self.quote);
            } else {
                self.b.block(ParaKind::Body, 0);
            }
        }
        self.b.push(s, None);
    }

    /// Enters node `n`; true to walk its children. An element whose id is wanted is found in
    /// the paragraph it opens or is in: where the walk is once the element is entered.
    fn enter(&mut self, n: &NodeRef<'_>) -> bool {
        let walk = self.enter_node(n);
        if !self.wanted.is_empty()
            && n.is_element()
            && let Some(id) = n.attr("id")
            && self.wanted.contains(&*id)
            && !self.anchors.contains_key(&*id)
        {
            self.anchors
                .insert(id.to_string(), self.b.paragraph_count());
        }
        walk
    }

    fn enter_node(&mut self, n: &NodeRef<'_>) -> bool {
        if n.is_text() {
            self.text(&n.text());
            return false;
        }
        let Some(name) = n.node_name() else {
            return false;
        };
        let name: &str = &name;
        if SKIP.contains(&name) || hidden(n) {
            return false;
        }
        if self.table.is_some() {
            self.table_depth += 1;
            if let Some(t) = &mut self.table {
                match name {
                    "tr" => t.row(),
                    "td" | "th" => t.cell(),
                    "br" => t.text(" "),
                    _ => {}
                }
            }
            return true;
        }
        match name {
            "br" => self.b.line_break(),
            "hr" => {
                self.b.block(ParaKind::Separator, 0);
                self.b.raw("* * *", None);
                self.b.end_block();
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name.get(1..).and_then(|l| l.parse().ok()).unwrap_or(2);
                self.b.block(ParaKind::Heading, level);
            }
            "blockquote" => {
                self.boundary();
                self.quote = self.quote.saturating_add(1);
            }
            "ul" | "ol" | "dir" => {
                self.boundary();
                let start = (name == "ol").then(|| {
                    n.attr("start")
                        .and_then(|s| s.trim().parse::<u64>().ok())
                        .unwrap_or(1)
                });
                self.lists.push(start);
            }
            "li" => {
                let depth = u8::try_from(self.lists.len().saturating_sub(1)).unwrap_or(u8::MAX);
                let number = self.lists.last_mut().and_then(|n| {
                    let this = *n;
                    if let Some(k) = n {
                        *k = k.saturating_add(1);
                    }
                    this
                });
                self.b.list_item(depth, number);
            }
            "pre" => {
                self.b.block(ParaKind::Code, 0);
                self.pre += 1;
            }
            "code" | "kbd" | "samp" | "tt" if self.pre == 0 => self.b.style_on(Inline::CODE),
            "em" | "i" | "cite" | "dfn" | "var" => self.b.style_on(Inline::EMPHASIS),
            "strong" | "b" => self.b.style_on(Inline::STRONG),
            "a" => {
                self.in_link += 1;
                if self.in_link == 1
                    && let Some(href) = n.attr("href")
                    && is_followable(&href)
                {
                    self.b.link_start(&href);
                }
            }
            "table" if is_data_table(n) => {
                self.boundary();
                self.table = Some(Table::default());
                self.table_depth = 1;
            }
            _ if BLOCKS.contains(&name) => self.block_starts(),
            _ => {}
        }
        true
    }

    fn exit(&mut self, n: &NodeRef<'_>) {
        let Some(name) = n.node_name() else {
            return;
        };
        let name: &str = &name;
        if SKIP.contains(&name) || hidden(n) {
            return;
        }
        if self.table.is_some() {
            self.table_depth = self.table_depth.saturating_sub(1);
            if let Some(t) = &mut self.table
                && name == "tr"
            {
                t.row_ends(n);
            }
            if self.table_depth == 0
                && let Some(t) = self.table.take()
            {
                self.emit_table(t);
            }
            return;
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" => self.b.end_block(),
            "blockquote" => {
                self.boundary();
                self.quote = self.quote.saturating_sub(1);
            }
            "ul" | "ol" | "dir" => {
                self.boundary();
                self.lists.pop();
            }
            "pre" => {
                self.b.end_block();
                self.pre = self.pre.saturating_sub(1);
            }
            "code" | "kbd" | "samp" | "tt" if self.pre == 0 => self.b.style_off(Inline::CODE),
            "em" | "i" | "cite" | "dfn" | "var" => self.b.style_off(Inline::EMPHASIS),
            "strong" | "b" => self.b.style_off(Inline::STRONG),
            "a" => {
                if self.in_link == 1 {
                    self.b.link_end();
                }
                self.in_link = self.in_link.saturating_sub(1);
            }
            _ if BLOCKS.contains(&name) => self.block_starts(),
            _ => {}
        }
    }

    fn emit_table(&mut self, t: Table) {
        if let Some(rows) = t.laid_out() {
            self.b.block(ParaKind::Table, 0);
            self.b.raw(&rows, None);
            self.b.end_block();
        }
    }
}

/// `hidden`, `aria-hidden="true"` or `display:none`: not shown by a browser either.
fn hidden(n: &NodeRef<'_>) -> bool {
    n.has_attr("hidden")
        || n.attr("aria-hidden").is_some_and(|v| v.trim() == "true")
        || n.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
}

fn is_followable(href: &str) -> bool {
    let h = href.trim();
    !h.is_empty() && !h.starts_with('#') && !h.to_ascii_lowercase().starts_with("javascript:")
}
