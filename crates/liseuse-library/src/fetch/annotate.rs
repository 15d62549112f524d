//! A fetched article as the reader shows it: what its metadata knows and its page may not say.
//! Applied whenever an article of the library is read (`library::load_with`), so the list, the
//! reader and the commands all see the same: its source (the feed it came from, else the
//! site), its date when the page gives none, its links made absolute against the page's
//! address (so that they can be followed), and, for the feed's own text kept in place of the
//! page, a notice saying so and why.

use std::path::Path;

use liseuse_document::Document;
use liseuse_document::sanitize::one_line;
use url::Url;

use super::articles::{ArticleMeta, meta_beside};

/// The notice the HTML reader gives a page in which it found no article: for the feed's own
/// text, ours says better why the text is short.
const NO_ARTICLE: &str = "no article found";

/// Adds to `doc` what the metadata of the library article at `path` says; nothing for a file
/// that is not one (no file is read unless its name ends with a library key).
pub fn annotate(doc: &mut Document, path: &Path) {
    if let Some(meta) = meta_beside(path) {
        apply(doc, &meta);
    }
}

fn apply(doc: &mut Document, meta: &ArticleMeta) {
    let base = Url::parse(&meta.url).ok();
    match meta.feed.as_ref().filter(|f| !f.title.trim().is_empty()) {
        Some(feed) => doc.source = Some(one_line(feed.title.trim())),
        None if doc.source.is_none() => {
            doc.source = base
                .as_ref()
                .and_then(Url::host_str)
                .map(|h| one_line(h.trim_start_matches("www.")));
        }
        None => {}
    }
    if doc.date.is_none() {
        doc.date = meta
            .item
            .as_ref()
            .and_then(|i| i.published.as_deref())
            .and_then(|d| d.get(..10))
            .map(one_line);
    }
    if let Some(why) = &meta.from_feed {
        doc.notices.retain(|n| !n.starts_with(NO_ARTICLE));
        doc.notices.push(format!(
            "the feed's own text, not the page's: {}",
            one_line(why)
        ));
    }
    if let Some(base) = &base {
        for link in &mut doc.links {
            if Url::parse(&link.url).is_err()
                && let Ok(u) = base.join(&link.url)
            {
                link.url = u.to_string();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::{FeedRef, ItemRef};

    fn page() -> Document {
        let html = "<html><head><title>T</title></head><body><article><p>Un texte assez \
                    long pour un article, avec <a href=\"/autre.html\">un lien</a> et \
                    <a href=\"https://ailleurs.org/x\">un autre</a>.</p></article></body></html>";
        Document::from_bytes("a.html", html.as_bytes()).unwrap()
    }

    #[test]
    fn the_feed_is_the_source_links_are_absolute_and_feed_text_says_so() {
        let mut doc = page();
        let meta = ArticleMeta {
            url: "https://www.journal.fr/2026/article.html".into(),
            feed: Some(FeedRef {
                url: "https://www.journal.fr/rss".into(),
                title: "Le Journal \u{1b}[31m".into(),
            }),
            item: Some(ItemRef {
                published: Some("2026-05-05T10:00:00Z".into()),
                ..ItemRef::default()
            }),
            from_feed: Some("the page could not be fetched: 404".into()),
            ..ArticleMeta::default()
        };
        apply(&mut doc, &meta);
        assert_eq!(doc.source.as_deref(), Some("Le Journal ␛[31m"));
        assert_eq!(doc.date.as_deref(), Some("2026-05-05"));
        let urls: Vec<&str> = doc.links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://www.journal.fr/autre.html",
                "https://ailleurs.org/x"
            ]
        );
        assert!(
            doc.notices
                .iter()
                .any(|n| n.starts_with("the feed's own text") && n.contains("404")),
            "{:?}",
            doc.notices
        );
        assert!(!doc.notices.iter().any(|n| n.starts_with(NO_ARTICLE)));
    }

    #[test]
    fn a_page_asked_for_is_from_its_site() {
        let mut doc = page();
        let meta = ArticleMeta {
            url: "https://www.journal.fr/a.html".into(),
            ..ArticleMeta::default()
        };
        apply(&mut doc, &meta);
        assert_eq!(doc.source.as_deref(), Some("journal.fr"));
        assert!(!doc.notices.iter().any(|n| n.contains("feed's own text")));
    }
}
