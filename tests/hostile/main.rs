//! Issue 9, hostile input: no file, key or terminal size may crash liseuse, hang it, take over
//! the terminal or lose a bookmark. The corpus is in `fixtures.rs`; each module tests one side.

#[path = "../common/mod.rs"]
mod common;
mod corpus;
mod crash;
mod files;
mod fixtures;
mod formats;
mod outputs;
mod props;
mod pty;
mod saving;
