//! Saved web pages: the main article only, as a browser's reader mode shows it.
//!
//! The bytes are decoded by the page's charset, its nesting capped (`depth.rs`), parsed by
//! html5ever (through dom_query), cleared of what is plainly not the article (`clean.rs`) and
//! handed to dom_smoothie, a port of Mozilla's Readability, which picks the article's
//! container. That container is rendered into blocks (`render.rs`) under the title from the
//! page's metadata (`meta.rs`). A page with no article shows all of its text, with a notice.

use crate::build::{Builder, Built};
use crate::{DocError, Document, ParaKind, file_stem};
use dom_query::Document as Page;

mod candidate;
mod charset;
mod clean;
mod data_table;
mod depth;
mod meta;
pub mod render;

pub use depth::MAX_DEPTH;

/// An article shorter than this (in characters) is likely a wrong pick: the page is then
/// read whole.
const MIN_ARTICLE_CHARS: usize = 140;

/// Past this many elements a page is not read for an article (Readability's cost grows with
/// it); its text is shown as it is.
const MAX_ELEMENTS: usize = 300_000;

/// True when `bytes` start like a web page (`<!doctype html`, `<html`), after any byte-order
/// mark, blank space, XML declaration and comments.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let mut s = bytes.get(..2048).unwrap_or(bytes);
    s = s.strip_prefix(b"\xef\xbb\xbf").unwrap_or(s);
    loop {
        let start = s
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(s.len());
        s = s.get(start..).unwrap_or_default();
        let (open, close): (&[u8], &[u8]) = if s.starts_with(b"<!--") {
            (b"<!--", b"-->")
        } else if s.starts_with(b"<?") {
            (b"<?", b">")
        } else {
            break;
        };
        match memchr::memmem::find(s.get(open.len()..).unwrap_or_default(), close) {
            Some(i) => s = s.get(open.len() + i + close.len()..).unwrap_or_default(),
            None => return false,
        }
    }
    let head: Vec<u8> = s.iter().take(14).map(u8::to_ascii_lowercase).collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// A page's (or a book chapter's) bytes as text, by its charset; a notice when it had to be
/// guessed.
pub(crate) fn decode_page(bytes: &[u8]) -> Result<(String, Option<String>), DocError> {
    charset::decode(bytes)
}

/// `html` with its nesting capped at [`MAX_DEPTH`] (see `depth.rs`).
pub(crate) fn cap_depth(html: &str) -> std::borrow::Cow<'_, str> {
    depth::cap(html)
}

/// Reads a saved web page: its charset, then its article as a reader mode shows it (all its text, with a notice, when none is found).
pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Document, DocError> {
    let (html, notice) = charset::decode(bytes)?;
    let mut doc = from_str(name, &html);
    if let Some(n) = notice {
        doc.notices.insert(0, n);
    }
    Ok(doc)
}

/// What was read off the page.
struct Read {
    meta: meta::Meta,
    built: Built,
    notice: Option<String>,
}

fn from_str(name: &str, html: &str) -> Document {
    let capped = depth::cap(html);
    let page = Page::from(capped.as_ref());
    let meta = meta::read(&page);
    let read = match extract(page, &meta) {
        Some(read) => read,
        None => Read {
            built: whole_page(&Page::from(capped.as_ref()), meta.title.as_deref()),
            meta,
            notice: Some("no article found in this page: all of its text is shown".to_string()),
        },
    };
    finish(name, read, html)
}

/// The article Readability finds, rendered under the page's title.
fn extract(mut page: Page, meta: &meta::Meta) -> Option<Read> {
    if page.select("*").length() > MAX_ELEMENTS {
        return None;
    }
    clean::before_readability(&mut page);
    let named = candidate::find(&page);
    let cfg = dom_smoothie::Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..dom_smoothie::Config::default()
    };
    let mut r = dom_smoothie::Readability::with_document(page, None, Some(cfg)).ok()?;
    let article = r.parse().ok()?;
    if article.text_content.trim().chars().count() < MIN_ARTICLE_CHARS {
        return None;
    }
    let mut content = Page::from(article.content.as_ref());
    if let Some(named) = named {
        let named = Page::from(named);
        if candidate::better(&content, &named) {
            content = named;
        }
    }
    let mut meta = meta.clone();
    meta.title = meta
        .title
        .or_else(|| Some(article.title.to_string()).filter(|t| !t.is_empty()));
    meta.author = meta.author.or(article.byline);
    meta.source = meta.source.or(article.site_name);
    meta.date = meta.date.or(article.published_time);
    clean::after_readability(&content, meta.title.as_deref());
    let built = render_under_title(&content, meta.title.as_deref());
    Some(Read {
        meta,
        built,
        notice: None,
    })
}

/// Every text of the page's body, for a page with no article.
fn whole_page(page: &Page, title: Option<&str>) -> Built {
    clean::strip_chrome(page);
    render_under_title(page, title)
}

fn render_under_title(content: &Page, title: Option<&str>) -> Built {
    let mut b = Builder::new();
    if let Some(t) = title {
        b.block(ParaKind::Title, 1);
        b.push(t, None);
        b.end_block();
    }
    let root = content.body().unwrap_or_else(|| content.root());
    render::Renderer::new(&mut b).render(&root);
    b.finish()
}

fn finish(name: &str, read: Read, source: &str) -> Document {
    let Read {
        meta,
        mut built,
        notice,
    } = read;
    map_blocks(&mut built, source);
    let title_from_name = meta.title.is_none();
    let title = meta.title.unwrap_or_else(|| file_stem(name).to_string());
    let mut notices: Vec<String> = notice.into_iter().collect();
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
        date: meta.date,
        source: meta.source,
        author: meta.author,
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

/// Each block's start mapped to where its first words stand in the source: html5ever keeps
/// no offsets, so they are looked for, in order, from the last one found.
pub(crate) fn map_blocks(built: &mut Built, source: &str) {
    let mut from = 0usize;
    for p in &built.paragraphs {
        let text = built.text.get(p.range.clone()).unwrap_or("");
        let probe: String = text
            .char_indices()
            .take_while(|(i, c)| *i < 24 && !matches!(c, '&' | '<' | '\n' | '’' | '“' | '”'))
            .map(|(_, c)| c)
            .collect();
        if probe.len() < 4 {
            continue;
        }
        let hay = source.as_bytes().get(from..).unwrap_or_default();
        if let Some(i) = memchr::memmem::find(hay, probe.as_bytes()) {
            built.source_map.push(p.range.start, from + i);
            from += i + probe.len();
        }
    }
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;
