//! The user's corrections, applied to every index the loader sends (merged, saved in the
//! cache, or the last one again when the corrections change); the cache keeps the index as
//! merged, uncorrected, so a correction undone needs no new merge.

use super::Shared;
use crate::IndexUpdate;
use crate::corrections::{self, Correction};
use crate::event::LibraryEvent;
use liseuse_document::Document;
use liseuse_entity::EntityIndex;
use std::sync::Arc;

/// The corrections and the texts their splits are read in.
#[derive(Default)]
pub(super) struct Corrections {
    pub list: Vec<Correction>,
    /// Each article's text once read (shared with the app: no copy).
    pub texts: Vec<Option<Arc<Document>>>,
}

impl Corrections {
    pub fn keep_text(&mut self, index: usize, doc: Option<Arc<Document>>) {
        if self.texts.len() <= index {
            self.texts.resize(index + 1, None);
        }
        if let Some(slot) = self.texts.get_mut(index) {
            *slot = doc;
        }
    }
}

/// `index` as the user corrected it.
pub(super) fn corrected(shared: &Shared, index: &Arc<EntityIndex>) -> Arc<EntityIndex> {
    let Ok(c) = shared.corrections.lock() else {
        return index.clone();
    };
    if c.list.is_empty() {
        return index.clone();
    }
    let surface = |d: usize, r: std::ops::Range<usize>| {
        let doc = c.texts.get(d)?.as_ref()?;
        doc.text.get(r).map(str::to_string)
    };
    Arc::new(corrections::apply(index, &c.list, surface))
}

/// The corrections changed: the last index sent goes again, corrected anew.
pub(super) fn resend(shared: &Shared) {
    let (last, analysed, docs) = {
        let Ok(c) = shared.corpus.lock() else { return };
        (c.last.clone(), c.analysed, c.per_doc.len())
    };
    let Some((_, index)) = last else { return };
    let update = IndexUpdate::new(corrected(shared, &index), analysed, docs);
    let _ = shared.events.send(LibraryEvent::Indexed(Box::new(update)));
}
