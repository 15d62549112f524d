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
pub mod cat;
pub mod cli;
pub mod commands;
pub mod config;
pub mod event;
pub mod keymap;
pub mod runtime;
pub mod signals;
pub mod term;
pub mod ui;
