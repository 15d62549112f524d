//! The user's data as the runtime holds it: bookmarks and reading positions, saved by the
//! store's [`Saver`] beside the loop, so that a lock held by another liseuse or a slow disk
//! never freezes the screen. Its reports come back as `Event::Store`. A missing data
//! directory is not fatal: the session runs, and says that nothing will be kept.

use crate::app::{Effect, Event, Place};
use liseuse_library::bookmark::BookmarkSet;
use liseuse_library::store::{self, BookmarkStore, PositionStore, Saver, StoreCommand};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::time::Duration;

/// How long quitting waits for pending saves before saying what is lost.
const QUIT_WAIT: Duration = Duration::from_secs(2);
/// How long a suspend waits for the positions to be on disk (the process may never resume).
const SUSPEND_WAIT: Duration = Duration::from_millis(500);

pub struct Data {
    saver: Option<Saver>,
    /// What the stores held at start: the saved places (with the hash of the text each is
    /// in) and the article open last.
    places: HashMap<String, (Place, String)>,
    last: Option<String>,
    /// The articles read before (opened at least once), by path.
    pub read: HashSet<String>,
    /// Said at start: a damaged or read-only file, a data dir that cannot be.
    pub notices: Vec<String>,
    /// The bookmarks as the store found them, for the app's first state.
    pub first: Option<Event>,
}

fn no_bookmarks(why: &str) -> Event {
    Event::Bookmarks {
        list: Arc::default(),
        read_only: Some(why.to_string()),
        message: None,
    }
}

impl Data {
    /// Opens the stores of `dir` (or the default data dir) and starts their saver, whose
    /// reports go to `events`.
    pub fn open(dir: Option<&Path>, events: Sender<Event>) -> Data {
        let d = match store::data_dir(dir) {
            Ok(d) => d,
            Err(e) => {
                return Data {
                    saver: None,
                    places: HashMap::new(),
                    last: None,
                    read: HashSet::new(),
                    notices: vec![format!("{e}: bookmarks will not be kept")],
                    first: Some(no_bookmarks("no data directory")),
                };
            }
        };
        let bookmarks = BookmarkStore::open(&d);
        let positions = PositionStore::open(&d);
        let notices = store::startup_notices(&bookmarks, &positions);
        let places = positions
            .all()
            .map(|(path, pos)| {
                let place = Place {
                    top: pos.offset,
                    cursor: pos.cursor.unwrap_or(pos.offset),
                };
                (path.to_string(), (place, pos.content_hash.clone()))
            })
            .collect();
        let last = positions.last_article().map(str::to_string);
        let read = positions.read_articles().map(str::to_string).collect();
        let first = Some(Event::Bookmarks {
            list: Arc::new(BookmarkSet::new(bookmarks.bookmarks().to_vec())),
            read_only: bookmarks.read_only().map(str::to_string),
            message: None,
        });
        let saver = Saver::spawn(bookmarks, positions, move |report| {
            let _ = events.send(Event::Store(Box::new(report)));
        });
        match saver {
            Ok(saver) => Data {
                saver: Some(saver),
                places,
                last,
                read,
                notices,
                first,
            },
            Err(e) => Data {
                saver: None,
                places,
                last,
                read,
                notices: vec![format!(
                    "no thread to save with ({e}): nothing will be kept"
                )],
                first: Some(no_bookmarks("no thread to save with")),
            },
        }
    }

    /// The saved places, the hash of the text each is in, and the article open last.
    pub fn places(
        &self,
    ) -> (
        HashMap<String, Place>,
        HashMap<String, String>,
        Option<String>,
    ) {
        let places = self
            .places
            .iter()
            .map(|(p, (place, _))| (p.clone(), *place));
        let hashes = self.places.iter().map(|(p, (_, h))| (p.clone(), h.clone()));
        (places.collect(), hashes.collect(), self.last.clone())
    }

    /// Hands a change to the saver; returns at once. With no store, says so.
    pub fn apply(&mut self, effect: Effect, replies: &mut Vec<Event>) {
        let command = match effect {
            Effect::AddBookmark(b) => StoreCommand::AddBookmark(b),
            Effect::DeleteBookmark(id) => StoreCommand::DeleteBookmark(id),
            Effect::SetNote(id, note) => StoreCommand::SetNote { id, note },
            Effect::SavePosition {
                path,
                top,
                cursor,
                hash,
            } => StoreCommand::SavePosition {
                path,
                top,
                cursor,
                hash,
            },
            Effect::MarkRead(path) => StoreCommand::MarkRead(path),
            _ => return,
        };
        match &self.saver {
            Some(s) => s.send(command),
            None if !matches!(
                command,
                StoreCommand::SavePosition { .. } | StoreCommand::MarkRead(_)
            ) =>
            {
                replies.push(Event::Bookmarks {
                    list: Arc::default(),
                    read_only: Some("no data directory".into()),
                    message: Some("no data directory: bookmarks are not kept".into()),
                });
            }
            None => {}
        }
    }

    /// Writes what is pending now, waiting a little (before the process is suspended).
    pub fn save_positions(&mut self) {
        if let Some(s) = &self.saver {
            s.flush(SUSPEND_WAIT);
        }
    }

    /// On the way out: what is pending saved (waiting at most a couple of seconds), and
    /// what could not be said plainly. The second value says whether bookmark changes were
    /// lost.
    pub fn close(&mut self) -> (Vec<String>, bool) {
        match self.saver.take() {
            Some(s) => {
                let closed = s.close(QUIT_WAIT);
                let lost = closed.lost_bookmarks();
                (closed.lines, lost)
            }
            None => (Vec::new(), false),
        }
    }
}
