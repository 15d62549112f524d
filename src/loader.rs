//! Background reading: articles are read and decoded off the drawing thread and reported to the
//! event loop through its channel, so the first frame never waits for the disk.

use crate::app::Event;
use crate::library::{self, Entry};
use std::sync::Arc;
use std::sync::mpsc::Sender;

pub fn spawn(entries: Vec<Entry>, tx: Sender<Event>) {
    std::thread::spawn(move || {
        for (index, entry) in entries.iter().enumerate() {
            let result = library::load(entry).map(Arc::new);
            if tx.send(Event::Loaded { index, result }).is_err() {
                break;
            }
        }
    });
}
