//! A book's package: where `META-INF/container.xml` says the OPF file is, the OPF's metadata,
//! manifest and spine, and the chapter titles of its table of contents (EPUB 3's `nav`
//! document or EPUB 2's NCX). Paths are resolved inside the archive; one that climbs out of
//! it is refused.

use std::collections::HashMap;

/// More nodes than this in one XML file of the package: not a book.
const MAX_XML_NODES: u32 = 200_000;

#[derive(Debug, Default)]
pub struct Package {
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub publisher: Option<String>,
    /// The spine's documents, in reading order, as paths in the archive; `Err` for an
    /// item that cannot be followed, with the reason.
    pub spine: Vec<Result<String, String>>,
    /// The table of contents' file, if any: (path, is it EPUB 3's `nav`).
    pub toc: Option<(String, bool)>,
}

fn parse(xml: &str) -> Result<roxmltree::Document<'_>, String> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        nodes_limit: MAX_XML_NODES,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(xml, opts).map_err(|e| e.to_string())
}

/// The OPF file's path, from `container.xml`.
pub fn rootfile(container: &str) -> Result<String, String> {
    let doc = parse(container).map_err(|e| format!("its container.xml is not valid XML ({e})"))?;
    doc.descendants()
        .find(|n| n.tag_name().name() == "rootfile")
        .and_then(|n| n.attribute("full-path"))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .ok_or_else(|| "its container.xml names no package file".to_string())
}

/// The package at `opf_path` (text `opf`); `exists` says whether the archive holds a path.
pub fn package(
    opf_path: &str,
    opf: &str,
    exists: &dyn Fn(&str) -> bool,
) -> Result<Package, String> {
    let doc = parse(opf).map_err(|e| format!("its package file is not valid XML ({e})"))?;
    let dir = opf_path.rsplit_once('/').map_or("", |(d, _)| d);
    let mut p = Package::default();
    let text = |name: &str| {
        doc.descendants()
            .find(|n| n.tag_name().name() == name)
            .and_then(|n| n.text())
            .map(crate::collapse_spaces)
            .filter(|s| !s.is_empty())
    };
    p.title = text("title");
    p.author = text("creator");
    p.date = text("date").map(|d| d.chars().take(10).collect());
    p.publisher = text("publisher");
    // id -> (href, media type, properties)
    let mut manifest: HashMap<&str, (&str, &str, &str)> = HashMap::new();
    for item in doc.descendants().filter(|n| n.tag_name().name() == "item") {
        if let (Some(id), Some(href)) = (item.attribute("id"), item.attribute("href")) {
            let media = item.attribute("media-type").unwrap_or("");
            let props = item.attribute("properties").unwrap_or("");
            manifest.insert(id, (href, media, props));
        }
    }
    let spine = doc
        .descendants()
        .find(|n| n.tag_name().name() == "spine")
        .ok_or("its package file has no spine")?;
    for itemref in spine
        .children()
        .filter(|n| n.tag_name().name() == "itemref")
    {
        let Some(idref) = itemref.attribute("idref") else {
            continue;
        };
        let entry = match manifest.get(idref) {
            None => Err(format!("spine item {idref:?} is not in the manifest")),
            Some((href, _, _)) => match resolve(dir, href) {
                None => Err(format!("spine item {href:?} points outside the book")),
                Some(path) if !exists(&path) => Err(format!("spine item {href:?} is missing")),
                Some(path) => Ok(path),
            },
        };
        p.spine.push(entry);
    }
    let nav = manifest
        .values()
        .find(|(_, _, props)| props.split_whitespace().any(|x| x == "nav"))
        .map(|(href, _, _)| (*href, true));
    let ncx = spine
        .attribute("toc")
        .and_then(|id| manifest.get(id))
        .or_else(|| {
            manifest
                .values()
                .find(|(_, m, _)| *m == "application/x-dtbncx+xml")
        })
        .map(|(href, _, _)| (*href, false));
    p.toc = nav
        .or(ncx)
        .and_then(|(href, is_nav)| Some((resolve(dir, href)?, is_nav)));
    Ok(p)
}

/// One entry of a book's table of contents: its title, the chapter file it points to (a path
/// in the archive), the place in that file (`#fragment`), and how deep it is nested (0 for a
/// chapter, 1 for a section inside one…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    pub title: String,
    pub path: String,
    pub fragment: Option<String>,
    pub depth: u8,
}

/// The fragment of `href` (`ch1.xhtml#s2` → `s2`), decoded.
pub fn fragment(href: &str) -> Option<String> {
    let (_, f) = href.split_once('#')?;
    let f = percent_decode(f.trim());
    (!f.is_empty()).then_some(f)
}

/// The table of contents of an NCX file, nested as its `navPoint`s are, in their order.
pub fn ncx_toc(toc_path: &str, ncx: &str) -> Vec<TocEntry> {
    let dir = toc_path.rsplit_once('/').map_or("", |(d, _)| d);
    let mut out = Vec::new();
    let Ok(doc) = parse(ncx) else { return out };
    for point in doc
        .descendants()
        .filter(|n| n.tag_name().name() == "navPoint")
    {
        let label = point
            .children()
            .find(|n| n.tag_name().name() == "navLabel")
            .and_then(|l| l.descendants().find(|n| n.tag_name().name() == "text"))
            .and_then(|t| t.text())
            .map(crate::collapse_spaces);
        let src = point
            .children()
            .find(|n| n.tag_name().name() == "content")
            .and_then(|c| c.attribute("src"));
        let depth = point
            .ancestors()
            .skip(1)
            .filter(|n| n.tag_name().name() == "navPoint")
            .count();
        if let (Some(title), Some(src)) = (label, src)
            && let Some(path) = resolve(dir, src)
            && !title.is_empty()
        {
            out.push(TocEntry {
                title,
                path,
                fragment: fragment(src),
                depth: u8::try_from(depth).unwrap_or(u8::MAX),
            });
        }
    }
    out
}

/// `href` (relative to `dir`, percent-encoded, maybe with a `#fragment`) as a path in the
/// archive; `None` when it is absolute, a URL, or climbs above the archive's root.
pub fn resolve(dir: &str, href: &str) -> Option<String> {
    let href = href.split('#').next()?.trim();
    if href.is_empty() || href.starts_with('/') || href.contains("://") || href.contains('\\') {
        return None;
    }
    let href = percent_decode(href);
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in href.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (c, hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_inside_the_archive_only() {
        assert_eq!(
            resolve("OEBPS", "text/ch%201.xhtml#p3").as_deref(),
            Some("OEBPS/text/ch 1.xhtml")
        );
        assert_eq!(
            resolve("OEBPS/a", "../b.xhtml").as_deref(),
            Some("OEBPS/b.xhtml")
        );
        assert_eq!(resolve("", "ch.xhtml").as_deref(), Some("ch.xhtml"));
        assert_eq!(resolve("OEBPS", "../../etc/passwd"), None);
        assert_eq!(resolve("OEBPS", "/etc/passwd"), None);
        assert_eq!(resolve("OEBPS", "http://x.org/a.html"), None);
    }

    #[test]
    fn malformed_xml_is_a_clear_error() {
        let e = rootfile("<container><rootfiles><rootfile full-path=").unwrap_err();
        assert!(e.starts_with("its container.xml is not valid XML"), "{e}");
        let e = package("x.opf", "<package><manifest/></package>", &|_| true).unwrap_err();
        assert_eq!(e, "its package file has no spine");
    }
}
