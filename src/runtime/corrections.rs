//! The corrections file, read at start and changed off the event loop (a lock another
//! liseuse holds must not freeze the screen); each change comes back as `Event::Corrections`.

use crate::event::Event;
use liseuse_library::corrections::Correction;
use liseuse_library::store::{self, CorrectionStore};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

pub struct Corrections {
    dir: Option<PathBuf>,
    events: Sender<Event>,
}

impl Corrections {
    /// Reads the corrections of the data dir; says why when they are read-only.
    pub fn open(dir: Option<&Path>, events: Sender<Event>) -> (Corrections, Event) {
        let dir = store::data_dir(dir).ok();
        let (list, message) = match &dir {
            Some(d) => {
                let s = CorrectionStore::open(d);
                let why = s
                    .read_only()
                    .map(|w| format!("corrections are read-only: {w}"));
                (s.corrections(), why)
            }
            None => (Vec::new(), None),
        };
        (
            Corrections { dir, events },
            Event::Corrections { list, message },
        )
    }

    /// Keeps `c` (or, with `None`, takes back the newest), on a thread of its own.
    pub fn change(&self, c: Option<Correction>) {
        let Some(dir) = self.dir.clone() else {
            let _ = self.events.send(Event::Corrections {
                list: Vec::new(),
                message: Some("no data directory: corrections are not kept".into()),
            });
            return;
        };
        let events = self.events.clone();
        std::thread::spawn(move || {
            let mut s = CorrectionStore::open(&dir);
            let said = match c {
                Some(c) => {
                    let line = c.describe();
                    s.add(c)
                        .map(|()| format!("corrected: {line} (x then u undoes)"))
                }
                None => s.undo().map(|u| match u {
                    Some(c) => format!("correction undone: {}", c.describe()),
                    None => "no correction to undo".to_string(),
                }),
            };
            let message = Some(said.unwrap_or_else(|e| format!("correction not kept: {e}")));
            let _ = events.send(Event::Corrections {
                list: s.corrections(),
                message,
            });
        });
    }
}
