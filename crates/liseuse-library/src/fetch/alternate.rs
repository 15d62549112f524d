//! A web page that names its feed: `<link rel="alternate" type="application/rss+xml"
//! href="…">` (or Atom, or JSON Feed). `feed add` given such a page subscribes to the feed.

use dom_query::Document as Page;
use url::Url;

use super::address::resolve;

/// The feeds `page` (fetched from `base`) links to, best first (RSS and Atom before JSON);
/// only http and https addresses.
pub fn feed_links(page: &[u8], base: &Url) -> Vec<Url> {
    // The link tags are ASCII; a page's charset does not change them.
    let html = String::from_utf8_lossy(page.get(..2 * 1024 * 1024).unwrap_or(page));
    let doc = Page::from(html.as_ref());
    let mut found: Vec<(u8, Url)> = Vec::new();
    for link in doc.select("link[href]").iter() {
        let rel = link
            .attr("rel")
            .map(|r| r.to_ascii_lowercase())
            .unwrap_or_default();
        if !rel.split_whitespace().any(|r| r == "alternate") {
            continue;
        }
        let kind = link
            .attr("type")
            .map(|t| t.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let rank = match kind.as_str() {
            "application/rss+xml" | "application/atom+xml" => 0,
            "application/rdf+xml" | "application/feed+json" => 1,
            "application/json" => 2,
            _ => continue,
        };
        let href = link.attr("href").unwrap_or_default();
        if let Ok(url) = resolve(base, &href)
            && !found.iter().any(|(_, u)| *u == url)
        {
            found.push((rank, url));
        }
    }
    found.sort_by_key(|(rank, _)| *rank);
    found.into_iter().map(|(_, u)| u).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_names_its_feeds() {
        let page = br#"<html><head>
            <link rel="stylesheet" href="/s.css">
            <link rel="alternate" type="application/feed+json" href="/feed.json">
            <link rel="alternate" type="application/rss+xml" title="RSS" href="rss.xml">
            <link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">
            <link rel="alternate" hreflang="en" href="/en/">
            </head><body></body></html>"#;
        let base = Url::parse("http://example.org/news/").unwrap();
        let links: Vec<String> = feed_links(page, &base)
            .iter()
            .map(|u| u.to_string())
            .collect();
        assert_eq!(
            links,
            [
                "http://example.org/news/rss.xml",
                "http://example.org/feed.json"
            ]
        );
        assert!(feed_links(b"<html></html>", &base).is_empty());
    }
}
