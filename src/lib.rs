//! liseuse: a terminal reader for news articles.
//!
//! The rule of this crate: the core modules (`document`, `wrap`, `library`, `entity`, `bookmark`,
//! `store`, `action`, `event`, `app`, `keymap`) never import ratatui or crossterm, so all state and
//! logic can be built and tested without a terminal. Only `ui` (drawing), `runtime` (the loop,
//! generic over ratatui's backend) and `term` (terminal set-up and event translation) know about
//! the terminal.
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod action;
pub mod app;
pub mod bookmark;
pub mod cache;
pub mod calendar;
pub mod cat;
pub mod cli;
pub mod commands;
pub mod company;
pub mod config;
pub mod corrections;
pub mod crash;
pub mod discover;
pub mod document;
pub mod entity;
pub mod event;
pub mod fetch;
pub mod keymap;
pub mod library;
pub mod loader;
pub mod plural;
pub mod profile;
pub mod readfile;
pub mod runtime;
pub mod sanitize;
pub mod search;
pub mod signals;
pub mod store;
pub mod term;
pub mod timeline;
pub mod ui;
pub mod watch;
pub mod wrap;
