//! Issue 24.13: an article that cannot be read (`/proc/self/mem`, whose first page cannot be
//! read; a link to it) left the reader on "Reading…" for good. It says why instead.

use crate::common::headless::Headless;
use std::path::PathBuf;

#[test]
fn an_article_that_cannot_be_read_says_why_in_the_reader() {
    let mut s = Headless::start(&[PathBuf::from("/proc/self/mem")], 100, 30);
    let screen = s.wait_for("the reason in the reader", |t| {
        t.lines()
            .any(|l| l.contains("cannot be read") && l.contains("Input/output error"))
    });
    assert!(!screen.contains("Reading…"), "{screen}");
}
