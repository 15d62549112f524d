//! A feed's bytes to its items: RSS 2.0, RSS 1.0, Atom and JSON Feed by feed-rs. Each item gets
//! a key (its GUID, else its link, else a hash of its title and text) by which it is never
//! fetched twice; links are resolved against the feed's address and only http and https pass.

use chrono::{DateTime, Datelike, Timelike, Utc};
use url::Url;

use super::address::{normalize, resolve};
use super::error::Failure;

/// A feed read.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The feed's title.
    pub title: Option<String>,
    /// The items kept (at most the cap, duplicates of a key left out), in the feed's order.
    pub items: Vec<Item>,
    /// How many the feed holds.
    pub total: usize,
}

/// One item of a feed.
#[derive(Debug, Clone)]
pub struct Item {
    /// The key it is known by: `guid:…`, `link:…` or `hash:…`.
    pub key: String,
    /// Its GUID (`id` in Atom and JSON Feed), when given.
    pub guid: Option<String>,
    /// Its page, or why there is none to fetch (a `file:` link, no link at all).
    pub link: Result<Url, Failure>,
    /// Its title (one safe line).
    pub title: Option<String>,
    /// Its author (one safe line).
    pub author: Option<String>,
    /// RFC 3339, UTC.
    pub published: Option<String>,
    /// The feed's own text of the item, as HTML (plain text escaped).
    pub content: Option<String>,
}

/// The items of the feed in `body`, fetched from `base`; at most `max_items`.
pub fn parse(body: &[u8], base: &Url, max_items: usize) -> Result<Parsed, Failure> {
    let parser = feed_rs::parser::Builder::new()
        .base_uri(Some(base.as_str()))
        // No invented ids: an item without one is keyed by its link here.
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = parser.parse(body).map_err(|e| why_not(body, e))?;
    let total = feed.entries.len();
    let mut seen = std::collections::HashSet::new();
    let mut items = Vec::new();
    for entry in feed.entries.into_iter().take(max_items) {
        let item = item(entry, base);
        if seen.insert(item.key.clone()) {
            items.push(item);
        }
    }
    Ok(Parsed {
        title: feed.title.map(|t| plain(&t)).filter(|t| !t.is_empty()),
        items,
        total,
    })
}

fn item(entry: feed_rs::model::Entry, base: &Url) -> Item {
    let href = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| entry.links.first())
        .map(|l| l.href.clone());
    let link = match &href {
        Some(h) => resolve(base, h),
        None => Err(Failure::BadAddress(String::from("(the item has no link)"))),
    };
    let content = entry
        .content
        .as_ref()
        .and_then(|c| {
            let body = c.body.as_ref()?;
            Some(as_html(body, c.content_type.essence().to_string().as_str()))
        })
        .or_else(|| {
            entry
                .summary
                .as_ref()
                .map(|t| as_html(&t.content, t.content_type.essence().to_string().as_str()))
        })
        .filter(|c| !c.trim().is_empty());
    let title = entry.title.as_ref().map(plain).filter(|t| !t.is_empty());
    let guid = Some(entry.id.trim().to_string()).filter(|g| !g.is_empty());
    let key = match (&guid, &link) {
        (Some(g), _) => format!("guid:{g}"),
        (None, Ok(u)) => format!("link:{}", normalize(u)),
        (None, Err(_)) => format!(
            "hash:{}",
            super::address::key(
                &format!(
                    "{}\u{0}{}",
                    title.as_deref().unwrap_or_default(),
                    content.as_deref().unwrap_or_default()
                ),
                0
            )
        ),
    };
    Item {
        key,
        guid,
        link,
        title,
        author: entry
            .authors
            .iter()
            .find_map(|p| p.name.clone().filter(|n| !n.trim().is_empty())),
        published: entry.published.or(entry.updated).map(rfc3339),
        content,
    }
}

/// A feed's text as HTML: plain text is escaped, HTML kept as it is.
fn as_html(text: &str, media: &str) -> String {
    if media.contains("html") || media.contains("xml") {
        text.to_string()
    } else {
        format!("<p>{}</p>", escape(text).replace("\n\n", "</p><p>"))
    }
}

/// A title as plain text: an HTML title's tags dropped, whitespace runs one space.
fn plain(t: &feed_rs::model::Text) -> String {
    let text = if t.content_type.essence().to_string().contains("html") {
        strip_tags(&t.content)
    } else {
        t.content.clone()
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut inside = false;
    for c in s.chars() {
        match c {
            '<' => inside = true,
            '>' if inside => inside = false,
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// Text made safe inside HTML (element text or a quoted attribute).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

pub(crate) fn rfc3339(t: DateTime<Utc>) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Why `body` is no feed, in a user's words.
fn why_not(body: &[u8], e: feed_rs::parser::ParseFeedError) -> Failure {
    use feed_rs::parser::{ParseErrorKind, ParseFeedError};
    let head = String::from_utf8_lossy(body.get(..512).unwrap_or(body)).to_ascii_lowercase();
    match e {
        _ if liseuse_document::format::html::looks_like_html(body) || head.contains("<html") => {
            Failure::NotAFeed("a web page".into())
        }
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) if body.is_empty() => {
            Failure::NotAFeed("an empty answer".into())
        }
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            Failure::NotAFeed("no RSS, Atom or JSON Feed in it".into())
        }
        ParseFeedError::JsonSerde(e) => Failure::InvalidFeed(format!("invalid JSON: {e}")),
        ParseFeedError::JsonUnsupportedVersion(v) => {
            Failure::InvalidFeed(format!("unknown JSON Feed version {v}"))
        }
        ParseFeedError::XmlReader(e) => Failure::InvalidFeed(format!("invalid XML: {e}")),
        other => Failure::InvalidFeed(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("http://example.org/news/feed.xml").unwrap()
    }

    #[test]
    fn rss_atom_and_json_feed_give_items_with_keys() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Le Fil</title>
            <item><title>Un</title><link>/a/1.html</link><guid>id-1</guid><description>Résumé &lt;b&gt;un&lt;/b&gt;</description><pubDate>Tue, 05 May 2026 10:00:00 GMT</pubDate></item>
            <item><title>Deux</title><link>http://example.org/a/2.html#top</link></item>
            <item><title>Dup</title><link>/a/3.html</link><guid>id-1</guid></item>
            <item><title>Local</title><link>file:///etc/passwd</link></item>
            </channel></rss>"#;
        let p = parse(rss.as_bytes(), &base(), 100).unwrap();
        assert_eq!(p.title.as_deref(), Some("Le Fil"));
        assert_eq!(p.total, 4);
        assert_eq!(p.items.len(), 3, "the duplicate GUID is one item");
        assert_eq!(p.items[0].key, "guid:id-1");
        assert_eq!(
            p.items[0].link.as_ref().unwrap().as_str(),
            "http://example.org/a/1.html"
        );
        assert_eq!(
            p.items[0].published.as_deref(),
            Some("2026-05-05T10:00:00Z")
        );
        assert!(p.items[0].content.as_deref().unwrap().contains("<b>un</b>"));
        assert_eq!(p.items[1].key, "link:http://example.org/a/2.html");
        assert!(matches!(p.items[2].link, Err(Failure::Scheme(_))));

        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">&lt;i&gt;Atom&lt;/i&gt; news</title>
            <entry><id>urn:1</id><title>E</title><link rel="alternate" href="e.html"/><content type="html">&lt;p&gt;Full&lt;/p&gt;</content><author><name>Ann</name></author></entry></feed>"#;
        let p = parse(atom.as_bytes(), &base(), 100).unwrap();
        assert_eq!(p.title.as_deref(), Some("Atom news"));
        assert_eq!(p.items[0].author.as_deref(), Some("Ann"));
        assert_eq!(
            p.items[0].link.as_ref().unwrap().as_str(),
            "http://example.org/news/e.html"
        );

        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"7","url":"https://example.org/7","content_text":"plain <text>"}]}"#;
        let p = parse(json.as_bytes(), &base(), 100).unwrap();
        assert_eq!(p.items[0].key, "guid:7");
        assert!(
            p.items[0]
                .content
                .as_deref()
                .unwrap()
                .contains("plain &lt;text&gt;")
        );

        let rdf = r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel><item rdf:about="http://example.org/r1"><title>R1</title><link>http://example.org/r1</link></item></rdf:RDF>"#;
        let p = parse(rdf.as_bytes(), &base(), 100).unwrap();
        assert_eq!(p.items.len(), 1);
    }

    #[test]
    fn not_feeds_say_what_they_are() {
        let page = b"<!doctype html><html><body>hi</body></html>";
        assert_eq!(
            parse(page, &base(), 10).unwrap_err(),
            Failure::NotAFeed("a web page".into())
        );
        assert!(matches!(parse(b"", &base(), 10), Err(Failure::NotAFeed(_))));
        assert!(matches!(
            parse(
                b"<rss version=\"2.0\"><channel><item><title>x</ti",
                &base(),
                10
            ),
            Err(Failure::InvalidFeed(_) | Failure::NotAFeed(_))
        ));
    }

    #[test]
    fn the_item_cap_holds() {
        let mut rss = String::from("<rss version=\"2.0\"><channel><title>Big</title>");
        for i in 0..1000 {
            rss.push_str(&format!("<item><guid>{i}</guid><link>/{i}</link></item>"));
        }
        rss.push_str("</channel></rss>");
        let p = parse(rss.as_bytes(), &base(), 50).unwrap();
        assert_eq!((p.items.len(), p.total), (50, 1000));
    }
}
