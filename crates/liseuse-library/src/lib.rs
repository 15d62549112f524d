#![doc = include_str!("../README.md")]
#![warn(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod background;
pub mod bookmark;
pub mod cache;
pub mod calendar;
pub mod company;
pub mod corrections;
pub mod crash;
pub mod event;
pub mod fetch;
pub mod fulltext;
mod index_update;
mod library;
pub mod loader;
pub mod profile;
pub mod quotes;
pub mod readfile;
pub mod search_all;
pub mod store;
pub mod timeline;
pub mod watch;

pub use event::LibraryEvent;
pub use index_update::{IndexUpdate, People};
pub use library::{
    Article, Discovery, Entry, Library, MAX_FILE_BYTES, Origin, PREVIEW_ABOVE, discover, file_name,
    is_article_name, load, load_with, plain_io_error, seeds,
};
