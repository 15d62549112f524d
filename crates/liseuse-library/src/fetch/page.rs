//! A page fetched, made an article: its kind from its content type (a web page, plain text,
//! Markdown; anything else is no article), its article found by the reader's own extraction
//! (the same code that will show it), and its metadata. When the page cannot be had or holds no
//! article, an item's own text from its feed is kept instead, in a small web page, and the
//! metadata says why.

use url::Url;

use super::articles::{ArticleMeta, FeedRef, ItemRef, NewArticle};
use super::client::Reply;
use super::error::Failure;
use super::feed::{Item, escape};
use liseuse_document::format::{self, Format};

/// The notice the HTML reader gives a page in which it found no article.
const NO_ARTICLE: &str = "no article found";

/// A page read as the reader will read it.
pub(crate) struct Read {
    pub ext: &'static str,
    pub title: Option<String>,
    pub date: Option<String>,
    /// An article was found (not just the page's text).
    pub article: bool,
}

/// What `reply` holds, by its content type (or its first bytes when it names none).
pub(crate) fn read(reply: &Reply) -> Result<Read, Failure> {
    let kind = reply
        .content_type
        .as_deref()
        .and_then(|c| c.split(';').next())
        .map(|c| c.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let (ext, format) = match kind.as_str() {
        "text/html" | "application/xhtml+xml" => ("html", Format::Html),
        "text/plain" if format::html::looks_like_html(&reply.body) => ("html", Format::Html),
        "text/plain" => ("txt", Format::Plain),
        "text/markdown" | "text/x-markdown" => ("md", Format::Markdown),
        "" if format::html::looks_like_html(&reply.body) => ("html", Format::Html),
        "" => ("txt", Format::Plain),
        other => {
            return Err(Failure::NotAnArticle(
                other.chars().take(60).collect::<String>(),
            ));
        }
    };
    let doc = format::read(format, &format!("page.{ext}"), &reply.body)
        .map_err(|e| Failure::NotAnArticle(e.to_string()))?;
    let article =
        !doc.notices.iter().any(|n| n.starts_with(NO_ARTICLE)) && !doc.text.trim().is_empty();
    Ok(Read {
        ext,
        title: Some(doc.title.clone()).filter(|t| !t.is_empty() && !doc.title_from_name),
        date: doc.date.clone(),
        article,
    })
}

/// Where an article came from: its feed and item, if any.
#[derive(Clone, Copy)]
pub(crate) struct Origin<'a> {
    pub feed: Option<(&'a str, &'a str)>,
    pub item: Option<&'a Item>,
}

impl Origin<'_> {
    fn meta(&self, requested: &str, url: &str, title: String) -> ArticleMeta {
        ArticleMeta {
            requested: requested.to_string(),
            url: url.to_string(),
            title,
            fetched: crate::bookmark::rfc3339_utc(std::time::SystemTime::now()),
            feed: self.feed.map(|(url, title)| FeedRef {
                url: url.to_string(),
                title: title.to_string(),
            }),
            item: self.item.map(|i| ItemRef {
                key: i.key.clone(),
                guid: i.guid.clone(),
                title: i.title.clone(),
                author: i.author.clone(),
                published: i.published.clone(),
            }),
            ..ArticleMeta::default()
        }
    }
}

/// The page of `reply` (asked for at `requested`) as an article of `folder`.
pub(crate) fn page_article(
    reply: Reply,
    read: &Read,
    requested: &Url,
    origin: Origin<'_>,
    folder: &str,
) -> NewArticle {
    let title = read
        .title
        .clone()
        .or_else(|| origin.item.and_then(|i| i.title.clone()))
        .unwrap_or_else(|| reply.url.to_string());
    let mut meta = origin.meta(requested.as_str(), reply.url.as_str(), title);
    meta.server_date = reply.date;
    meta.etag = reply.etag;
    meta.last_modified = reply.last_modified;
    meta.content_type = reply.content_type;
    NewArticle {
        folder: folder.to_string(),
        date: origin
            .item
            .and_then(|i| i.published.clone())
            .or_else(|| read.date.clone())
            .or_else(|| Some(meta.fetched.clone())),
        ext: read.ext,
        bytes: reply.body,
        meta,
    }
}

/// The feed's own text of `item` as an article, kept because of `why`. Its address is the
/// item's link, or (with none fetchable) the feed's address and the item's key.
pub(crate) fn feed_article(
    item: &Item,
    content: &str,
    why: &str,
    origin: Origin<'_>,
    folder: &str,
) -> NewArticle {
    let address = match &item.link {
        Ok(u) => u.to_string(),
        Err(_) => format!(
            "{}#{}",
            origin.feed.map_or("", |f| f.0),
            super::address::key(&item.key, 0)
        ),
    };
    let title = item.title.clone().unwrap_or_else(|| address.clone());
    let mut meta = origin.meta(&address, &address, title.clone());
    meta.from_feed = Some(why.to_string());
    meta.content_type = Some("text/html; charset=utf-8".into());
    let mut head = format!("<title>{}</title>", escape(&title));
    if let Some(a) = &item.author {
        head.push_str(&format!("<meta name=\"author\" content=\"{}\">", escape(a)));
    }
    if let Some(d) = &item.published {
        head.push_str(&format!(
            "<meta property=\"article:published_time\" content=\"{}\">",
            escape(d)
        ));
    }
    if let Some((_, name)) = origin.feed {
        head.push_str(&format!(
            "<meta property=\"og:site_name\" content=\"{}\">",
            escape(name)
        ));
    }
    let html = format!(
        "<!doctype html>\n<html><head><meta charset=\"utf-8\">{head}</head>\n\
         <body><article>\n{content}\n</article></body></html>\n"
    );
    NewArticle {
        folder: folder.to_string(),
        date: item
            .published
            .clone()
            .or_else(|| Some(meta.fetched.clone())),
        ext: "html",
        bytes: html.into_bytes(),
        meta,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(ct: Option<&str>, body: &str) -> Reply {
        Reply {
            url: Url::parse("http://example.org/a").unwrap(),
            moved: None,
            status: 200,
            etag: None,
            last_modified: None,
            date: None,
            content_type: ct.map(str::to_string),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn pages_are_read_by_their_kind() {
        let para = "Le ministre a annoncé mardi une réforme profonde du système, qui sera débattue au parlement dès la rentrée prochaine selon plusieurs sources. ";
        let page = format!(
            "<!doctype html><html><head><title>Un titre</title></head><body><nav>Menu</nav><article><p>{}</p><p>{}</p></article></body></html>",
            para.repeat(3),
            para.repeat(2)
        );
        let r = read(&reply(Some("text/html; charset=utf-8"), &page)).unwrap();
        assert_eq!((r.ext, r.article), ("html", true));
        assert_eq!(r.title.as_deref(), Some("Un titre"));
        let r = read(&reply(
            Some("text/html"),
            "<html><body><p>Court.</p></body></html>",
        ))
        .unwrap();
        assert!(!r.article, "a page with no article");
        assert_eq!(
            read(&reply(Some("text/plain"), "Titre\n\nTexte."))
                .unwrap()
                .ext,
            "txt"
        );
        assert_eq!(read(&reply(None, &page)).unwrap().ext, "html");
        assert!(matches!(
            read(&reply(Some("image/png"), "\u{89}PNG")),
            Err(Failure::NotAnArticle(_))
        ));
    }
}
