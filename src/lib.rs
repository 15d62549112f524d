//! liseuse: a terminal reader for news articles.
//!
//! The rule of this crate: the core modules (`document`, `wrap`, `library`, `entity`, `bookmark`,
//! `store`, `action`, `app`, `keymap`) never import ratatui or crossterm, so all state and logic can
//! be built and tested without a terminal. Only `ui` (drawing) and `term` (terminal set-up and
//! event translation) know about the terminal.
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod action;
pub mod app;
pub mod bookmark;
pub mod cache;
pub mod cat;
pub mod cli;
pub mod config;
pub mod crash;
pub mod discover;
pub mod document;
pub mod entity;
pub mod keymap;
pub mod library;
pub mod loader;
pub mod readfile;
pub mod sanitize;
pub mod search;
pub mod store;
pub mod term;
pub mod ui;
pub mod watch;
pub mod wrap;
