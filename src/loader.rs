//! Background work: articles are read and decoded, then their entities extracted, off the
//! drawing thread, and reported to the event loop through its channel, so the first frame never
//! waits for the disk or the extractor. Every title comes first (all files read), then the
//! entities, so the file list fills in quickly.

use crate::app::Event;
use crate::entity;
use crate::library::{self, Entry};
use std::sync::Arc;
use std::sync::mpsc::Sender;

pub fn spawn(entries: Vec<Entry>, tx: Sender<Event>) {
    std::thread::spawn(move || {
        if std::env::var_os(crate::crash::PANIC_FOR_TEST).is_some_and(|v| v == "loader") {
            panic!("panic asked for by {}", crate::crash::PANIC_FOR_TEST);
        }
        let mut docs = Vec::with_capacity(entries.len());
        for (index, entry) in entries.iter().enumerate() {
            let result = library::load(entry).map(Arc::new);
            docs.push(result.as_ref().ok().cloned());
            if tx.send(Event::Loaded { index, result }).is_err() {
                return;
            }
        }
        for (index, doc) in docs.into_iter().enumerate() {
            let entities = doc.map(|d| entity::analyse(&d.text)).unwrap_or_default();
            if tx.send(Event::Analysed { index, entities }).is_err() {
                return;
            }
        }
    });
}
