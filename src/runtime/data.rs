//! The user's data as the runtime holds it: bookmarks and reading positions. A missing data
//! directory is not fatal: the session runs, and says that nothing will be kept.

use crate::app::{Effect, Event, Place};
use crate::store::{self, BookmarkStore, PositionStore, StoreError};
use std::collections::HashMap;
use std::path::Path;

pub struct Data {
    bookmarks: Option<BookmarkStore>,
    positions: Option<PositionStore>,
}

impl Data {
    pub fn open(dir: Option<&Path>) -> (Data, Option<String>) {
        match store::data_dir(dir) {
            Ok(d) => {
                let positions = PositionStore::open(&d);
                // A damaged positions file is never written: said once, at start.
                let notice = positions
                    .read_only()
                    .map(|w| format!("reading positions: {w}"));
                let bookmarks = Some(BookmarkStore::open(&d));
                (
                    Data {
                        bookmarks,
                        positions: Some(positions),
                    },
                    notice,
                )
            }
            Err(e) => (
                Data {
                    bookmarks: None,
                    positions: None,
                },
                Some(format!("{e}: bookmarks will not be kept")),
            ),
        }
    }

    /// Why bookmarks are read-only this session, if they are.
    pub fn bookmarks_read_only(&self) -> Option<String> {
        self.bookmarks.as_ref().and_then(|b| {
            b.read_only()
                .map(|w| format!("bookmarks are read-only: {w}"))
        })
    }

    /// The saved places of these articles, and the article open last.
    pub fn places<'a>(
        &self,
        paths: impl Iterator<Item = &'a str>,
    ) -> (HashMap<String, Place>, Option<String>) {
        let Some(p) = &self.positions else {
            return (HashMap::new(), None);
        };
        let places = paths
            .filter_map(|path| {
                let pos = p.get(path)?;
                let place = Place {
                    top: pos.offset,
                    cursor: pos.cursor.unwrap_or(pos.offset),
                };
                Some((path.to_string(), place))
            })
            .collect();
        (places, p.last_article().map(str::to_string))
    }

    pub fn bookmarks_event(&self, message: Option<String>) -> Event {
        let (list, read_only) = match &self.bookmarks {
            Some(s) => (s.bookmarks().to_vec(), s.read_only().map(str::to_string)),
            None => (Vec::new(), Some("no data directory".to_string())),
        };
        Event::Bookmarks {
            list,
            read_only,
            message,
        }
    }

    /// Carries out one effect on the stores; returns what the app should hear back.
    pub fn apply(&mut self, effect: Effect, replies: &mut Vec<Event>) {
        let result: Result<Option<String>, StoreError> = match (effect, &mut self.bookmarks) {
            (Effect::AddBookmark(b), Some(s)) => s.add(b).map(|()| Some("bookmarked".into())),
            (Effect::DeleteBookmark(id), Some(s)) => match s.delete(&id) {
                Ok(Some(b)) => {
                    replies.push(Event::Deleted(b));
                    Ok(Some("bookmark deleted (u undoes)".into()))
                }
                Ok(None) => Ok(None),
                Err(e) => Err(e),
            },
            (Effect::SetNote(id, note), Some(s)) => s.set_note(&id, &note).map(|_| None),
            (
                Effect::SavePosition {
                    path,
                    top,
                    cursor,
                    hash,
                },
                _,
            ) => {
                if let Some(p) = &mut self.positions {
                    p.set_place(&path, top, cursor, &hash);
                    p.set_last_article(&path);
                }
                return;
            }
            (Effect::AddBookmark(_) | Effect::DeleteBookmark(_) | Effect::SetNote(..), None) => {
                Ok(Some("no data directory: bookmarks are not kept".into()))
            }
            _ => return,
        };
        let message = match result {
            Ok(m) => m,
            Err(e) => {
                if let StoreError::Unsaved {
                    removed: Some(b), ..
                } = &e
                {
                    replies.push(Event::Deleted((**b).clone()));
                }
                Some(e.to_string())
            }
        };
        replies.push(self.bookmarks_event(message));
    }

    /// Writes the reading positions now (before the process is suspended).
    pub fn save_positions(&mut self) {
        if let Some(p) = &mut self.positions
            && p.read_only().is_none()
        {
            // A failure is said at quit, when the save is tried again.
            let _ = p.save();
        }
    }

    /// On the way out: positions saved, and anything still unsaved said plainly. The second
    /// value says whether bookmark changes were lost.
    pub fn close(&mut self) -> (Vec<String>, bool) {
        let mut said = Vec::new();
        let mut lost = false;
        if let Some(p) = &mut self.positions
            && p.read_only().is_none()
            && let Err(e) = p.save()
        {
            said.push(format!("reading position not saved: {}", e.cause()));
        }
        if let Some(b) = &mut self.bookmarks
            && b.unsaved() > 0
            && let Err(e) = b.flush()
        {
            lost = true;
            said.push(format!(
                "{} bookmark change(s) could not be saved ({}): they are lost when liseuse exits",
                b.unsaved(),
                e.cause()
            ));
        }
        (said, lost)
    }
}
