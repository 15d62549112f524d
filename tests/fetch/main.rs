//! Fetching news (issue 26) through the real binary (the commands, and the reader in a
//! pseudo-terminal), against servers on 127.0.0.1 that serve
//! fixtures and misbehave on purpose; no test touches the network. The library's own tests of
//! fetching are in `crates/liseuse-library/tests/fetch/`, whose server these share.

mod cli;
#[path = "../common/mod.rs"]
mod common;
mod reader;
#[path = "../../crates/liseuse-library/tests/fetch/server/mod.rs"]
mod server;
