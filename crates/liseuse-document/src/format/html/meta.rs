//! A page's metadata from its `<meta>` tags and markup: the title (`og:title`, a lone `<h1>`,
//! `<title>`, without the site's name), the publication date (`article:published_time`,
//! `<time>`), the author and the site.

use crate::collapse_spaces;
use dom_query::Document as Page;
use std::collections::HashMap;

#[derive(Debug, Default, Clone)]
pub struct Meta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
}

/// Separators between a page's title and its site's name.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / ", " ~ ",
];

pub fn read(page: &Page) -> Meta {
    let mut tags: HashMap<String, String> = HashMap::new();
    for m in page.select("meta").nodes() {
        let key = m
            .attr("property")
            .or_else(|| m.attr("name"))
            .or_else(|| m.attr("itemprop"));
        let (Some(key), Some(value)) = (key, m.attr("content")) else {
            continue;
        };
        let value = collapse_spaces(&value);
        if !value.is_empty() {
            tags.entry(key.trim().to_ascii_lowercase()).or_insert(value);
        }
    }
    let get = |keys: &[&str]| keys.iter().find_map(|k| tags.get(*k).cloned());
    let source = get(&[
        "og:site_name",
        "application-name",
        "dc.publisher",
        "publisher",
    ])
    .or_else(|| host(&get(&["og:url"]).or_else(|| canonical(page))?));
    let title = get(&["og:title", "twitter:title", "dc.title", "sailthru.title"])
        .or_else(|| lone_h1(page))
        .or_else(|| {
            let t = collapse_spaces(&page.select("title").first().text());
            (!t.is_empty()).then_some(t)
        })
        .map(|t| strip_site(&t, source.as_deref()));
    let date = get(&[
        "article:published_time",
        "datepublished",
        "og:published_time",
        "publishdate",
        "pubdate",
        "date",
        "dc.date.issued",
        "dc.date",
        "sailthru.date",
        "parsely-pub-date",
    ])
    .or_else(|| {
        let t = page.select("time").first();
        t.attr("datetime").map(|d| d.to_string()).or_else(|| {
            let s = collapse_spaces(&t.text());
            (!s.is_empty()).then_some(s)
        })
    })
    .map(|d| short_date(&d));
    let author = get(&[
        "author",
        "article:author",
        "dc.creator",
        "parsely-author",
        "sailthru.author",
        "byl",
    ])
    .filter(|a| !a.contains("://"))
    .map(|a| strip_by(&a));
    Meta {
        title: title.filter(|t| !t.is_empty()),
        date: date.filter(|d| !d.is_empty()),
        author: author.filter(|a| !a.is_empty()),
        source,
    }
}

fn canonical(page: &Page) -> Option<String> {
    page.select("link[rel=canonical]")
        .attr("href")
        .map(|h| h.to_string())
}

/// The host of a URL, without `www.`.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| collapse_spaces(host))
}

/// The page's only `<h1>`, when it reads as a headline (more than a logo's word or two).
fn lone_h1(page: &Page) -> Option<String> {
    let h1 = page.select("h1");
    if h1.length() != 1 {
        return None;
    }
    let t = collapse_spaces(&h1.text());
    (t.split(' ').count() >= 3).then_some(t)
}

/// `Title | Site` (or `Site - Title`) without the site's name.
pub fn strip_site(title: &str, site: Option<&str>) -> String {
    let title = title.trim();
    let norm = |s: &str| s.to_lowercase().replace(char::is_whitespace, "");
    if let Some(site) = site.map(norm).filter(|s| !s.is_empty()) {
        for sep in SEPARATORS {
            if let Some((head, tail)) = title.rsplit_once(sep)
                && norm(tail) == site
                && !head.trim().is_empty()
            {
                return head.trim().to_string();
            }
            if let Some((head, tail)) = title.split_once(sep)
                && norm(head) == site
                && !tail.trim().is_empty()
            {
                return tail.trim().to_string();
            }
        }
    }
    // No site name known: a short last part after a separator is most likely it.
    for sep in SEPARATORS.iter().take(4) {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && tail.split_whitespace().count() <= 3
            && tail.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && head.split_whitespace().count() >= 3
        {
            return head.trim().to_string();
        }
    }
    title.to_string()
}

/// An ISO date-time as its date (`2024-03-05T10:00:00+01:00` → `2024-03-05`).
fn short_date(d: &str) -> String {
    let d = d.trim();
    let b = d.as_bytes();
    let iso = b.len() >= 10
        && b.iter().take(4).all(u8::is_ascii_digit)
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-');
    match d.get(..10) {
        Some(day) if iso => day.to_string(),
        _ => d.chars().take(40).collect(),
    }
}

fn strip_by(a: &str) -> String {
    let a = a.trim();
    for p in ["By ", "by ", "Par ", "par "] {
        if let Some(rest) = a.strip_prefix(p) {
            return rest.trim().to_string();
        }
    }
    a.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_date_author_and_site() {
        let page = Page::from(
            r#"<html><head><title>Le budget voté | Le Quotidien</title>
            <meta property="og:site_name" content="Le Quotidien">
            <meta name="author" content="Par Jeanne Martin">
            <meta property="article:published_time" content="2024-03-05T10:00:00+01:00">
            </head><body><h1>Logo</h1></body></html>"#,
        );
        let m = read(&page);
        assert_eq!(m.title.as_deref(), Some("Le budget voté"));
        assert_eq!(m.date.as_deref(), Some("2024-03-05"));
        assert_eq!(m.author.as_deref(), Some("Jeanne Martin"));
        assert_eq!(m.source.as_deref(), Some("Le Quotidien"));
    }

    #[test]
    fn og_title_first_then_time_and_host() {
        let page = Page::from(
            r#"<head><meta property="og:title" content="Un titre propre">
            <link rel="canonical" href="https://www.exemple.fr/a/b"><title>x</title></head>
            <body><time datetime="2023-12-01">1er décembre</time></body>"#,
        );
        let m = read(&page);
        assert_eq!(m.title.as_deref(), Some("Un titre propre"));
        assert_eq!(m.date.as_deref(), Some("2023-12-01"));
        assert_eq!(m.source.as_deref(), Some("exemple.fr"));
    }

    #[test]
    fn site_names_come_off_either_end() {
        assert_eq!(
            strip_site("Site — Un long titre ici", Some("site")),
            "Un long titre ici"
        );
        assert_eq!(
            strip_site("Un long titre ici - Inconnu", None),
            "Un long titre ici"
        );
        assert_eq!(
            strip_site("Guerre et paix - un roman", None),
            "Guerre et paix - un roman"
        );
    }
}
