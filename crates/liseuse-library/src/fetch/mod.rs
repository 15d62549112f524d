//! News from the web: feeds and pages fetched into the user's library (issue 26).
//!
//! Self-contained: it uses the store's atomic writes and locks, `readfile`, `sanitize` and the
//! reader's own HTML extraction (`document::format`), never the app or the terminal.
//!
//! - [`Client`]: ureq with rustls, polite ([`Limits`]: two requests at a time per server, eight
//!   in all, timeouts, caps, redirects checked one by one, `Retry-After`), proxies of the
//!   environment; only http and https, whoever names the address ([`address`]).
//! - [`Library`]: the fetched articles, one file each with its metadata ([`ArticleMeta`]).
//! - [`FeedStore`]: `feeds.json`, the subscriptions with what was seen of each.
//! - [`update_feeds`] / [`fetch_pages`]: runs on threads of their own, reporting
//!   [`FetchEvent`]s to a [`Sink`], cancellable through their [`FetchHandle`].
//! - [`subscribe`], [`unsubscribe`], [`import_opml`], [`export_opml`]: the subscriptions.
//!
//! Everything a server supplies that an event carries is already one safe line (`sanitize`).
// A server can send any bytes: no indexing that could panic on them (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

pub mod address;
mod alternate;
mod annotate;
mod articles;
mod body;
mod client;
mod error;
mod event;
mod feed;
mod feeds;
mod names;
mod page;
mod proxy;
mod queue;
mod run;
mod slots;
mod subscribe;

pub use annotate::annotate;
pub use articles::{
    ArticleMeta, FeedRef, ItemRef, LIBRARY_DIR, Library, NewArticle, Put, has_articles,
    library_dir, meta_beside,
};
pub use client::{Client, Limits, Reply, USER_AGENT};
pub use error::Failure;
pub use event::{FetchEvent, Sink, Summary, channel_sink};
pub use feed::{Item, Parsed, parse as parse_feed};
pub use feeds::{FEEDS_FILE, Feed, FeedStore, LastFetch};
pub use run::{Context, FetchHandle, PAGES_FOLDER, fetch_pages, update_feeds};
pub use subscribe::{Added, Imported, export_opml, import_opml, subscribe, unsubscribe};
