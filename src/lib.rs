//! liseuse: a terminal reader for news articles.
//!
//! The application's crate, on top of the workspace's layers (see `docs/ARCHITECTURE.md`):
//! liseuse-entity and liseuse-document at the bottom, liseuse-library above them, and this
//! crate over all three. Here, only `ui` (drawing) and `runtime` (the loop, generic over
//! ratatui's backend, with `runtime::term`, the terminal's set-up and event translation, and
//! `runtime::signals`) know about the terminal: `app`, `event`, `keys`, `config` and `commands`
//! never import ratatui or crossterm, so all state and logic can be built and tested without
//! one.
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod app;
pub mod commands;
pub mod config;
pub mod event;
pub mod keys;
pub mod runtime;
pub mod ui;
