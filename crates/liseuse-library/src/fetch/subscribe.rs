//! Subscribing and unsubscribing: `feed add` checks the address is a feed (or a page naming
//! one, which is followed) before keeping it; `feed remove` takes one out by address, number or
//! name; OPML in and out.

use std::sync::atomic::AtomicBool;
use std::time::SystemTime;

use url::Url;

use super::address::parse_web;
use super::alternate::feed_links;
use super::client::Want;
use super::error::Failure;
use super::feed::{self, Parsed};
use super::feeds::{Feed, FeedStore};
use super::names;
use super::run::Context;

/// What `feed add` did.
#[derive(Debug, Clone)]
pub enum Added {
    /// Subscribed: the feed, how many items it holds, and the page it was found on, if the
    /// address given was a page.
    New {
        /// The subscription made.
        feed: Feed,
        /// How many items the feed holds.
        items: usize,
        /// The page the feed was found on, when the address given was a page's.
        via_page: Option<String>,
    },
    /// That feed was subscribed already.
    Already(Feed),
}

/// Subscribes to the feed at `address` (or the one the page there names). The feed is fetched
/// once to check it; its articles come with the next update.
pub fn subscribe(ctx: &Context, address: &str) -> Result<Added, String> {
    let url = parse_web(address).map_err(|e| e.to_string())?;
    let (url, parsed, via_page) = find_feed(ctx, &url).map_err(|e| format!("{url}: {e}"))?;
    let mut store = FeedStore::open(&ctx.data_dir);
    let title = parsed.title.clone().unwrap_or_default();
    let host = url.host_str().unwrap_or_default().to_string();
    store.save(|feeds| {
        if let Some(f) = feeds.iter().find(|f| f.url == url.as_str()) {
            return (false, Added::Already(f.clone()));
        }
        let taken: Vec<&str> = feeds.iter().map(|f| f.folder.as_str()).collect();
        let feed = Feed {
            url: url.to_string(),
            title: title.clone(),
            folder: names::folder(if title.is_empty() { &host } else { &title }, &taken),
            added: crate::bookmark::rfc3339_utc(SystemTime::now()),
            items: parsed.total,
            ..Feed::default()
        };
        feeds.push(feed.clone());
        (
            true,
            Added::New {
                feed,
                items: parsed.total,
                via_page: via_page.clone(),
            },
        )
    })
}

/// The feed at `url`: the address to subscribe to (where a permanent redirect led), the feed,
/// and the page it was named on when `url` is a page.
fn find_feed(ctx: &Context, url: &Url) -> Result<(Url, Parsed, Option<String>), Failure> {
    let cancel = AtomicBool::new(false);
    let max = ctx.client.limits().max_items;
    let reply = ctx.client.get(url, Want::Feed, (None, None), &cancel)?;
    let at = reply.moved.clone().unwrap_or_else(|| url.clone());
    match feed::parse(&reply.body, &reply.url, max) {
        Ok(parsed) => Ok((at, parsed, None)),
        Err(Failure::NotAFeed(what)) if what == "a web page" => {
            let links = feed_links(&reply.body, &reply.url);
            if links.is_empty() {
                return Err(Failure::NotAFeed(String::from(
                    "a web page that names no feed",
                )));
            }
            let mut last = Failure::NotAFeed(what);
            for link in links {
                match ctx.client.get(&link, Want::Feed, (None, None), &cancel) {
                    Ok(r) => match feed::parse(&r.body, &r.url, max) {
                        Ok(parsed) => {
                            let at = r.moved.unwrap_or(link);
                            return Ok((at, parsed, Some(reply.url.to_string())));
                        }
                        Err(e) => last = e,
                    },
                    Err(e) => last = e,
                }
            }
            Err(last)
        }
        Err(e) => Err(e),
    }
}

/// Takes out the subscription named by `which`: its address, its number in `feed list`
/// (from 1), or its title. Its articles stay in the library.
pub fn unsubscribe(store: &mut FeedStore, which: &str) -> Result<Feed, String> {
    let which = which.trim();
    let by_url = parse_web(which).ok().map(|u| u.to_string());
    store
        .save(|feeds| {
            let at = which
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .filter(|i| *i < feeds.len())
                .or_else(|| {
                    feeds.iter().position(|f| {
                        f.url == which
                            || by_url.as_deref() == Some(f.url.as_str())
                            || f.title.trim().eq_ignore_ascii_case(which)
                    })
                });
            match at {
                Some(i) => (true, Some(feeds.remove(i))),
                None => (false, None),
            }
        })?
        .ok_or_else(|| format!("no subscription is {which} (see `liseuse feed list`)"))
}

/// What an OPML import did: feeds added, feeds there already, outlines left out and why.
#[derive(Debug, Default)]
pub struct Imported {
    /// Feeds subscribed.
    pub added: usize,
    /// Feeds subscribed already.
    pub already: usize,
    /// Outlines left out, each with why.
    pub skipped: Vec<String>,
}

/// Subscribes to every feed of the OPML document `text` (without fetching them).
pub fn import_opml(store: &mut FeedStore, text: &str) -> Result<Imported, String> {
    let doc = roxmltree::Document::parse(text).map_err(|e| format!("not valid OPML: {e}"))?;
    let mut found = Vec::new();
    let mut imported = Imported::default();
    for node in doc.descendants().filter(|n| n.has_tag_name("outline")) {
        let Some(xml_url) = node
            .attribute("xmlUrl")
            .or_else(|| node.attribute("xmlurl"))
        else {
            continue;
        };
        let title = node
            .attribute("title")
            .or_else(|| node.attribute("text"))
            .unwrap_or_default()
            .trim()
            .to_string();
        match parse_web(xml_url) {
            Ok(u) => found.push((u, title)),
            Err(e) => imported.skipped.push(format!("{xml_url}: {e}")),
        }
    }
    let now = crate::bookmark::rfc3339_utc(SystemTime::now());
    store.save(|feeds| {
        for (url, title) in found {
            if feeds.iter().any(|f| f.url == url.as_str()) {
                imported.already += 1;
                continue;
            }
            let taken: Vec<&str> = feeds.iter().map(|f| f.folder.as_str()).collect();
            let named = if title.is_empty() {
                url.host_str().unwrap_or_default()
            } else {
                &title
            };
            let folder = names::folder(named, &taken);
            feeds.push(Feed {
                url: url.to_string(),
                title,
                folder,
                added: now.clone(),
                ..Feed::default()
            });
            imported.added += 1;
        }
        (imported.added > 0, ())
    })?;
    Ok(imported)
}

/// The subscriptions as OPML 2.0.
pub fn export_opml(feeds: &[Feed]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  \
         <head><title>liseuse feeds</title></head>\n  <body>\n",
    );
    for f in feeds {
        let title = attr(&f.title);
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{title}\" title=\"{title}\" xmlUrl=\"{}\"/>\n",
            attr(&f.url)
        ));
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

/// An attribute's value: escaped, on one line, without the characters XML refuses or a
/// terminal would obey.
fn attr(s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control() && !liseuse_document::sanitize::is_unsafe(*c))
        .collect();
    super::feed::escape(clean.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opml_goes_in_and_out() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = FeedStore::open(dir.path());
        let opml = r#"<?xml version="1.0"?><opml version="1.0"><body>
            <outline text="News"><outline text="Le Fil" xmlUrl="http://example.org/rss"/>
            <outline title="Local" xmlUrl="file:///etc/passwd"/></outline>
            <outline text="Atom" type="rss" xmlUrl="https://example.org/atom.xml"/></body></opml>"#;
        let done = import_opml(&mut store, opml).unwrap();
        assert_eq!((done.added, done.already, done.skipped.len()), (2, 0, 1));
        let again = import_opml(&mut store, opml).unwrap();
        assert_eq!((again.added, again.already), (0, 2));
        store
            .save(|f| {
                f[0].title = "Le \"Fil\" \u{1b}[31m & co".into();
                (true, ())
            })
            .unwrap();
        let out = export_opml(store.feeds());
        assert!(
            out.contains("text=\"Le &quot;Fil&quot; [31m &amp; co\""),
            "{out}"
        );
        assert!(!out.contains('\u{1b}'));
        roxmltree::Document::parse(&out).unwrap();
        let removed = unsubscribe(&mut store, "2").unwrap();
        assert_eq!(removed.url, "https://example.org/atom.xml");
        assert!(unsubscribe(&mut store, "nothing").is_err());
        assert_eq!(
            unsubscribe(&mut store, "http://example.org/rss")
                .unwrap()
                .folder,
            "le-fil"
        );
    }
}
