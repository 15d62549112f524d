//! EPUB books: a zip holding XHTML chapters, read in the order of the package's spine, each
//! chapter rendered like a web page's article (the whole chapter is content: no Readability
//! inside it). The book's title is the document's, its chapters are its sections.
//!
//! A zip can claim anything: entries are counted and every read is capped, so a zip bomb is
//! refused with a message rather than filling memory; a spine item that points outside the
//! archive or is missing is skipped with a notice.

use super::html::render::Renderer;
use crate::build::{Builder, Built};
use crate::{DocError, Document, ParaKind, file_stem};
use dom_query::Document as Page;
use std::collections::HashMap;
use std::io::{Cursor, Read};

mod package;

/// A book with more entries than this is not read.
const MAX_ENTRIES: usize = 20_000;
/// The most one entry may unpack to.
const MAX_ENTRY_BYTES: u64 = 32 * 1024 * 1024;
/// The most a whole book may unpack to.
const MAX_BOOK_BYTES: u64 = 256 * 1024 * 1024;
/// Notices about skipped spine items, at most.
const MAX_SKIP_NOTICES: usize = 3;

/// The zip signature followed by the `mimetype` entry an EPUB must start with.
pub fn looks_like_epub(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && bytes
            .get(30..58)
            .is_some_and(|m| m == b"mimetypeapplication/epub+zip")
}

fn unreadable(why: impl std::fmt::Display) -> DocError {
    DocError::Unreadable(format!("not a readable EPUB book: {why}"))
}

struct Book<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    pkg: package::Package,
    titles: HashMap<String, String>,
    /// Bytes the book may still unpack to.
    budget: u64,
}

impl<'a> Book<'a> {
    fn open(bytes: &'a [u8]) -> Result<Book<'a>, DocError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
        if zip.len() > MAX_ENTRIES {
            return Err(unreadable(format!(
                "{} files in it (at most {MAX_ENTRIES})",
                zip.len()
            )));
        }
        let mut book = Book {
            zip,
            pkg: package::Package::default(),
            titles: HashMap::new(),
            budget: MAX_BOOK_BYTES,
        };
        let container = book.read_text("META-INF/container.xml")?;
        let opf_path = package::rootfile(&container).map_err(unreadable)?;
        let opf = book.read_text(&opf_path)?;
        let names: std::collections::HashSet<String> = book
            .zip
            .file_names()
            .filter_map(Result::ok)
            .map(|n| n.into_owned())
            .collect();
        book.pkg = package::package(&opf_path, &opf, &|p| names.contains(p)).map_err(unreadable)?;
        if let Some((toc, is_nav)) = book.pkg.toc.clone()
            && let Ok(text) = book.read_text(&toc)
        {
            book.titles = if is_nav {
                nav_titles(&toc, &text)
            } else {
                package::ncx_titles(&toc, &text)
            };
        }
        Ok(book)
    }

    /// One entry's bytes, within the entry's and the book's caps.
    fn read(&mut self, path: &str) -> Result<Vec<u8>, DocError> {
        let entry = self
            .zip
            .by_name(path)
            .map_err(|e| unreadable(format!("{path}: {e}")))?;
        let cap = MAX_ENTRY_BYTES.min(self.budget);
        let mut out = Vec::new();
        entry
            .take(cap + 1)
            .read_to_end(&mut out)
            .map_err(|e| unreadable(format!("{path}: {e}")))?;
        let n = u64::try_from(out.len()).unwrap_or(u64::MAX);
        if n > cap {
            return Err(unreadable(format!(
                "it unpacks to more than {} MB (a zip bomb?)",
                cap / (1024 * 1024)
            )));
        }
        self.budget -= n;
        Ok(out)
    }

    fn read_text(&mut self, path: &str) -> Result<String, DocError> {
        let bytes = self.read(path)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// The book rendered, all of it or (`first_only`) up to its first chapter with text.
    /// Returns the parts and whether every chapter was read.
    fn render(
        &mut self,
        name: &str,
        first_only: bool,
    ) -> Result<(Built, Vec<String>, bool), DocError> {
        let mut b = Builder::new();
        b.chapters_only();
        b.block(ParaKind::Title, 1);
        let title = self
            .pkg
            .title
            .clone()
            .unwrap_or_else(|| file_stem(name).to_string());
        b.push(&title, None);
        b.end_block();
        let mut notices = Vec::new();
        let mut skipped = 0usize;
        let spine = self.pkg.spine.clone();
        let mut complete = true;
        for (i, item) in spine.iter().enumerate() {
            let path = match item {
                Ok(p) => p,
                Err(why) => {
                    skipped += 1;
                    if skipped <= MAX_SKIP_NOTICES {
                        notices.push(format!("{why}: skipped"));
                    }
                    continue;
                }
            };
            let bytes = self.read(path)?;
            let first = b.paragraph_count();
            chapter(&mut b, &bytes);
            b.section_at(first, self.titles.get(path).cloned(), 0);
            if first_only && b.paragraph_count() > first && i + 1 < spine.len() {
                complete = false;
                break;
            }
        }
        if skipped > MAX_SKIP_NOTICES {
            notices.push(format!(
                "{} more spine items skipped",
                skipped - MAX_SKIP_NOTICES
            ));
        }
        Ok((b.finish(), notices, complete))
    }
}

/// One chapter's XHTML rendered into `b`: its whole body.
fn chapter(b: &mut Builder, bytes: &[u8]) {
    let Ok((html, _)) = super::html::decode_page(bytes) else {
        return;
    };
    let capped = super::html::cap_depth(&html);
    let page = Page::from(capped.as_ref());
    let root = page.body().unwrap_or_else(|| page.root());
    b.end_block();
    Renderer::new(b).render(&root);
}

/// Chapter titles by path from an EPUB 3 navigation document.
fn nav_titles(toc_path: &str, text: &str) -> HashMap<String, String> {
    let dir = toc_path.rsplit_once('/').map_or("", |(d, _)| d);
    let page = Page::from(text);
    let mut out = HashMap::new();
    for a in page.select("nav a").nodes() {
        let label = crate::collapse_spaces(&a.text());
        if let Some(path) = a.attr("href").and_then(|h| package::resolve(dir, &h))
            && !label.is_empty()
        {
            out.entry(path).or_insert(label);
        }
    }
    out
}

fn document(name: &str, pkg: &package::Package, built: Built, notices: Vec<String>) -> Document {
    let mut notices = notices;
    if built.split {
        notices.push("paragraphs longer than 16 KB are shown in pieces".to_string());
    }
    Document {
        name: name.to_string(),
        // no metadata line stays in a rendered page's or book's text
        meta: Vec::new(),
        title: pkg
            .title
            .clone()
            .unwrap_or_else(|| file_stem(name).to_string()),
        title_from_name: pkg.title.is_none(),
        date: pkg.date.clone(),
        source: pkg.publisher.clone(),
        author: pkg.author.clone(),
        text: built.text,
        paragraphs: built.paragraphs,
        styles: built.styles,
        links: built.links,
        sections: built.sections,
        source_map: built.source_map,
        notices,
        preview: None,
    }
}

/// Reads a book: its chapters in spine order, each a section titled from its table of contents.
pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Document, DocError> {
    let mut book = Book::open(bytes)?;
    let (built, notices, _) = book.render(name, false)?;
    if built.paragraphs.len() <= 1 && book.pkg.spine.iter().all(Result::is_err) {
        return Err(unreadable("its spine names no chapter that can be read"));
    }
    Ok(document(name, &book.pkg, built, notices))
}

/// The book up to its first chapter with text, to show while the rest is read; `None` when
/// that is the whole book or it cannot be read. Its text is the start of the whole book's.
pub fn first_chapter(name: &str, bytes: &[u8]) -> Option<Document> {
    let mut book = Book::open(bytes).ok()?;
    let (built, notices, complete) = book.render(name, true).ok()?;
    if complete {
        return None;
    }
    let mut doc = document(name, &book.pkg, built, notices);
    doc.notices
        .push("reading the rest of this book…".to_string());
    // The whole book's length, guessed from how its chapters unpack: for the position shown.
    let unpacked: u64 = book
        .pkg
        .spine
        .iter()
        .flatten()
        .filter_map(|p| book.zip.by_name(p).ok().map(|e| e.size()))
        .sum();
    doc.preview = Some(unpacked.max(doc.text.len() as u64));
    Some(doc)
}

#[cfg(test)]
#[path = "epub_tests.rs"]
mod tests;
