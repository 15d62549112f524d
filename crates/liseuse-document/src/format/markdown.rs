//! Markdown (CommonMark with tables, footnotes, task lists and front matter), read with
//! pulldown-cmark: rendered as a reader shows it, without a markup character on screen.
//! Headings, quotes, lists (with their bullets and numbers), code blocks kept verbatim, tables
//! as aligned rows, emphasis and links as styles (a link's URL in the link list), images as
//! their alt text. The first heading, or the front matter's `title:`, is the title.

use crate::build::{Builder, Built};
use crate::format::plain::TITLE_CHARS;
use crate::{
    DocError, Document, Inline, ParaKind, collapse_spaces, decode, file_stem, first_words, table,
};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Reads a Markdown file: decoded as plain text is, then rendered.
pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Document, DocError> {
    let decoded = decode(bytes)?;
    let mut doc = render(name, &decoded.text);
    if let Some(n) = decoded.notice {
        doc.notices.insert(0, n);
    }
    Ok(doc)
}

/// A table being gathered: its rows of cells as plain text.
#[derive(Debug, Default)]
struct Table {
    rows: Vec<Vec<String>>,
    header_rows: usize,
    in_head: bool,
}

#[derive(Debug, Default)]
struct State {
    b: Builder,
    quote_depth: u8,
    /// Open lists: the next item's number, `None` for bullets.
    lists: Vec<Option<u64>>,
    /// An item just started: its first paragraph continues its block.
    item_fresh: bool,
    in_code: bool,
    in_metadata: bool,
    metadata: String,
    table: Option<Table>,
    first_heading: Option<String>,
    /// Whether any block came before the first heading (then it is not the headline).
    heading_first: bool,
    /// The front matter's title, put at the start of the text as its headline.
    front_title: Option<String>,
}

/// Renders Markdown text: no markup character left, styles and links kept apart, code verbatim.
pub fn render(name: &str, text: &str) -> Document {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut s = State::default();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        s.event(event, range.start);
    }
    let front = parse_front(&s.metadata);
    let first_heading = s.first_heading.clone();
    let heading_first = s.heading_first;
    let mut built = s.b.finish();
    // The first heading, when it opens the text, is the headline.
    let title_block = heading_first
        && built
            .paragraphs
            .first()
            .is_some_and(|p| p.kind == ParaKind::Heading)
        && (front.title.is_none() || front.title == first_heading);
    if title_block && let Some(p) = built.paragraphs.first_mut() {
        p.kind = ParaKind::Title;
        built.sections.retain(|sec| sec.offset != p.range.start);
    }
    finish(name, built, front, first_heading)
}

fn finish(name: &str, built: Built, front: Front, heading: Option<String>) -> Document {
    let title_from_name = front.title.is_none() && heading.is_none();
    let title = front
        .title
        .clone()
        .or(heading)
        .unwrap_or_else(|| match built.paragraphs.first() {
            Some(p) => first_words(built.text.get(p.range.clone()).unwrap_or(""), TITLE_CHARS),
            None => file_stem(name).to_string(),
        });
    let mut notices = Vec::new();
    if built.split {
        notices.push("paragraphs longer than 16 KB are shown in pieces".to_string());
    }
    Document {
        name: name.to_string(),
        // no metadata line stays in a rendered page's or book's text
        meta: Vec::new(),
        text: built.text,
        title,
        title_from_name,
        date: front.date,
        source: front.source,
        author: front.author,
        paragraphs: built.paragraphs,
        styles: built.styles,
        links: built.links,
        sections: built.sections,
        source_map: built.source_map,
        notices,
        preview: None,
        hard_breaks: true,
    }
}

impl State {
    fn event(&mut self, event: Event<'_>, at: usize) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t, at),
            Event::Code(t) => {
                if let Some(table) = &mut self.table {
                    push_cell_text(table, &t);
                    return;
                }
                self.b.style_on(Inline::CODE);
                self.b.push(&t, Some(at + 1));
                self.b.style_off(Inline::CODE);
            }
            Event::SoftBreak => self.text(" ", at),
            Event::HardBreak => self.b.line_break(),
            Event::Rule => {
                self.b.block(ParaKind::Separator, 0);
                self.b.raw("* * *", None);
                self.b.end_block();
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                if h.trim_start().to_ascii_lowercase().starts_with("<br") {
                    self.b.line_break();
                } else {
                    let stripped = strip_tags(&h);
                    if !stripped.trim().is_empty() {
                        self.text(&stripped, at);
                    }
                }
            }
            Event::FootnoteReference(label) => self.text(&format!("[{label}]"), at),
            Event::TaskListMarker(done) => self.text(if done { "☑ " } else { "☐ " }, at),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t, at),
        }
    }

    fn text(&mut self, t: &str, at: usize) {
        if self.in_metadata {
            self.metadata.push_str(t);
        } else if let Some(table) = &mut self.table {
            push_cell_text(table, t);
        } else if self.in_code {
            self.b.raw(t, Some(at));
        } else {
            if self.b.open_kind().is_none() {
                self.prose_block();
            }
            self.b.push(t, Some(at));
        }
    }

    /// A paragraph: a list item's first, a quote's, or the text's own.
    fn prose_block(&mut self) {
        if self.item_fresh {
            self.item_fresh = false;
            return;
        }
        let depth = u8::try_from(self.lists.len()).unwrap_or(u8::MAX);
        if depth > 0 {
            self.b.block(ParaKind::ListItem, depth - 1);
        } else if self.quote_depth > 0 {
            self.b.block(ParaKind::Quote, self.quote_depth);
        } else {
            self.b.block(ParaKind::Body, 0);
        }
    }

    fn saw_block(&mut self) {
        if self.first_heading.is_none() {
            self.heading_first = false;
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.prose_block(),
            Tag::Heading { level, .. } => {
                if self.first_heading.is_none() && self.b.text().is_empty() {
                    self.heading_first = true;
                }
                self.b.block(ParaKind::Heading, heading_level(level));
            }
            Tag::BlockQuote(_) => {
                self.saw_block();
                self.quote_depth = self.quote_depth.saturating_add(1);
            }
            Tag::CodeBlock(_) => {
                self.saw_block();
                self.in_code = true;
                self.item_fresh = false;
                self.b.block(ParaKind::Code, 0);
            }
            Tag::HtmlBlock => self.saw_block(),
            Tag::List(first) => {
                self.saw_block();
                self.lists.push(first);
            }
            Tag::Item => {
                let depth = u8::try_from(self.lists.len().saturating_sub(1)).unwrap_or(u8::MAX);
                let number = self.lists.last_mut().and_then(|n| {
                    let this = *n;
                    if let Some(k) = n {
                        *k = k.saturating_add(1);
                    }
                    this
                });
                self.b.list_item(depth, number);
                self.item_fresh = true;
            }
            Tag::FootnoteDefinition(label) => {
                self.b.block(ParaKind::Body, 0);
                self.b.push(&format!("[{label}] "), None);
                self.item_fresh = true;
            }
            Tag::Table(_) => {
                self.saw_block();
                self.b.end_block();
                self.table = Some(Table::default());
            }
            Tag::TableHead => {
                if let Some(t) = &mut self.table {
                    t.in_head = true;
                    t.rows.push(Vec::new());
                }
            }
            Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.rows.push(Vec::new());
                }
            }
            Tag::TableCell => {
                if let Some(row) = self.table.as_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(String::new());
                }
            }
            Tag::Emphasis => self.b.style_on(Inline::EMPHASIS),
            Tag::Strong => self.b.style_on(Inline::STRONG),
            Tag::Link { dest_url, .. } => self.b.link_start(&dest_url),
            Tag::Image { .. } => self.b.style_on(Inline::EMPHASIS),
            Tag::MetadataBlock(_) => self.in_metadata = true,
            Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph if !self.item_fresh => self.b.end_block(),
            TagEnd::Heading(_) => {
                if self.first_heading.is_none() {
                    let s = self.b.text();
                    let start = s.rfind("\n\n").map_or(0, |i| i + 2);
                    let h = collapse_spaces(s.get(start..).unwrap_or(""));
                    self.first_heading = (!h.is_empty()).then_some(h);
                    // The front matter's title said it already, just above.
                    if self.front_title.is_some()
                        && self.first_heading == self.front_title
                        && self.b.paragraph_count() == 1
                    {
                        self.b.discard_block();
                        return;
                    }
                }
                self.b.end_block();
            }
            TagEnd::BlockQuote(_) => {
                self.b.end_block();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::CodeBlock => {
                self.in_code = false;
                self.b.end_block();
            }
            TagEnd::List(_) => {
                self.b.end_block();
                self.lists.pop();
            }
            TagEnd::Item | TagEnd::FootnoteDefinition => {
                self.item_fresh = false;
                self.b.end_block();
            }
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    t.in_head = false;
                    t.header_rows = t.rows.len();
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take()
                    && !t.rows.is_empty()
                {
                    self.b.block(ParaKind::Table, 0);
                    self.b.raw(&table::layout(&t.rows, t.header_rows), None);
                    self.b.end_block();
                }
            }
            TagEnd::Emphasis | TagEnd::Image => self.b.style_off(Inline::EMPHASIS),
            TagEnd::Strong => self.b.style_off(Inline::STRONG),
            TagEnd::Link => self.b.link_end(),
            TagEnd::MetadataBlock(_) => {
                self.in_metadata = false;
                // The front matter's title opens the text, as a page's title does: `liseuse
                // cat` prints it for every format, and the reader shows it as the headline.
                if let Some(title) = parse_front(&self.metadata).title
                    && self.b.text().is_empty()
                {
                    self.b.block(ParaKind::Title, 1);
                    self.b.push(&title, None);
                    self.b.end_block();
                    self.front_title = Some(title);
                }
            }
            _ => {}
        }
    }
}

fn push_cell_text(t: &mut Table, s: &str) {
    if let Some(cell) = t.rows.last_mut().and_then(|r| r.last_mut()) {
        if !cell.is_empty() && s.starts_with(char::is_whitespace) {
            cell.push(' ');
        }
        cell.push_str(&collapse_spaces(s));
    }
}

fn heading_level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The text of inline HTML with its tags and comments taken out.
fn strip_tags(h: &str) -> String {
    let mut out = String::new();
    let mut rest = h;
    while let Some(i) = rest.find('<') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i..).unwrap_or("");
        let close = if after.starts_with("<!--") {
            "-->"
        } else {
            ">"
        };
        match after.find(close) {
            Some(j) => rest = after.get(j + close.len()..).unwrap_or(""),
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[path = "markdown_front.rs"]
mod front;
use front::{Front, parse_front};

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
