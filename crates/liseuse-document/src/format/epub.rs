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
use std::collections::{HashMap, HashSet};
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
    /// The table of contents, in its order, nested as the book has it.
    toc: Vec<package::TocEntry>,
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
            toc: Vec::new(),
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
            book.toc = if is_nav {
                nav_toc(&toc, &text)
            } else {
                package::ncx_toc(&toc, &text)
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
            let entries: Vec<&package::TocEntry> =
                self.toc.iter().filter(|e| &e.path == path).collect();
            let wanted: HashSet<String> =
                entries.iter().filter_map(|e| e.fragment.clone()).collect();
            let anchors = chapter(&mut b, &bytes, wanted);
            if entries.is_empty() {
                // Not in the table of contents: a chapter all the same, titled by its text.
                b.section_at(first, None, 0);
            }
            // Each entry where its place in the chapter is (its start when that is not found),
            // as deep as the table of contents nests it.
            let mut at: Vec<(usize, &package::TocEntry)> = entries
                .into_iter()
                .map(|e| {
                    let para = e.fragment.as_ref().and_then(|f| anchors.get(f)).copied();
                    (para.unwrap_or(first).max(first), e)
                })
                .collect();
            at.sort_by_key(|(para, _)| *para);
            for (para, e) in at {
                b.section_at(para, Some(e.title.clone()), e.depth);
            }
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

/// One chapter's XHTML rendered into `b`: its whole body. Returns where the elements whose
/// id is `wanted` (the table of contents' `#fragment`s) are: the paragraph each starts.
fn chapter(b: &mut Builder, bytes: &[u8], wanted: HashSet<String>) -> HashMap<String, usize> {
    let Ok((html, _)) = super::html::decode_page(bytes) else {
        return HashMap::new();
    };
    let capped = super::html::cap_depth(&html);
    let page = Page::from(capped.as_ref());
    let root = page.body().unwrap_or_else(|| page.root());
    b.end_block();
    let mut r = Renderer::new(b).with_anchors(wanted);
    r.render(&root);
    r.anchors()
}

/// The table of contents of an EPUB 3 navigation document (its `toc` nav, else its first),
/// nested as its lists are.
fn nav_toc(toc_path: &str, text: &str) -> Vec<package::TocEntry> {
    let dir = toc_path.rsplit_once('/').map_or("", |(d, _)| d);
    let page = Page::from(text);
    let navs = page.select("nav");
    let nav = navs
        .nodes()
        .iter()
        .find(|n| {
            n.attr("epub:type")
                .is_some_and(|t| t.split_whitespace().any(|x| x == "toc"))
        })
        .or(navs.nodes().first())
        .cloned();
    let Some(nav) = nav else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for a in nav
        .descendants_it()
        .filter(|n| n.node_name().as_deref() == Some("a"))
    {
        let title = crate::collapse_spaces(&a.text());
        let Some(href) = a.attr("href") else { continue };
        let Some(path) = package::resolve(dir, &href) else {
            continue;
        };
        if title.is_empty() {
            continue;
        }
        // Each list item around it below the nav is a level deeper.
        let mut depth = 0usize;
        let mut up = a.parent();
        while let Some(p) = up {
            if p.id == nav.id {
                break;
            }
            if p.node_name().as_deref() == Some("li") {
                depth += 1;
            }
            up = p.parent();
        }
        out.push(package::TocEntry {
            title,
            path,
            fragment: package::fragment(&href),
            depth: u8::try_from(depth.saturating_sub(1)).unwrap_or(u8::MAX),
        });
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
        hard_breaks: true,
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
