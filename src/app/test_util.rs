//! What the app's unit tests share: events fed as the runtime feeds them, the seeds described,
//! read and indexed as the loader does (`Event::Described`, `Event::Loaded` for their texts, then
//! `Event::Indexed` with the merged index).

use super::{App, Effect, Event, IndexUpdate};
use crate::keys::keymap::{Key, KeyCode, Keymap};
use liseuse_library::{self as library, Library};
use std::sync::Arc;

/// One event through `update`; the effects it asked for.
pub fn up(app: &mut App, ev: Event) -> Vec<Effect> {
    let mut fx = Vec::new();
    app.update(ev, &mut fx);
    fx
}

pub fn key(c: char) -> Event {
    Event::Key(Key::plain(KeyCode::Char(c)))
}

/// The two seeds, described and their texts read (not yet indexed).
pub fn seeded_app() -> App {
    let entries = library::seeds();
    let mut app = App::new(Library::new(entries.clone()), Keymap::default(), (120, 40));
    for (index, e) in entries.iter().enumerate() {
        let result = library::load(e).map(Arc::new);
        if let Ok(doc) = &result {
            let meta = liseuse_library::cache::ArticleMeta::of_document(doc, None);
            let hash = liseuse_library::bookmark::content_hash(&doc.entity_text());
            up(
                &mut app,
                Event::Described {
                    index,
                    meta: Box::new(meta),
                    hash,
                },
            );
        }
        up(
            &mut app,
            Event::Loaded {
                index,
                result,
                modified: None,
            },
        );
    }
    app
}

/// Every read article analysed and merged, as the loader's indexer sends it.
pub fn index_all(app: &mut App) {
    let docs: Vec<_> = app
        .library
        .articles
        .iter()
        .map(|a| match &a.doc {
            Some(d) => liseuse_entity::analyse_meta(&d.entity_text(), &d.meta),
            None => Default::default(),
        })
        .collect();
    up(app, Event::Indexed(Box::new(IndexUpdate::of_docs(&docs))));
}

/// The articles the effects ask to read.
pub fn loads(fx: &[Effect]) -> Vec<usize> {
    fx.iter()
        .flat_map(|e| match e {
            Effect::Load(entries) => entries.iter().map(|(i, _)| *i).collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// The message on the status line.
pub fn message(app: &App) -> Option<&str> {
    app.status.current().map(|(m, _)| m)
}
