//! The user's corrections, applied to every index the loader sends (merged, saved in the
//! cache, or the last one again when the corrections change); the cache keeps the index as
//! merged, uncorrected, so a correction undone needs no new merge. A split goes by how each
//! mention is written: the texts of the articles where it may apply are read for it.

use super::Shared;
use crate::IndexUpdate;
use crate::corrections::{self, Correction};
use crate::event::LibraryEvent;
use liseuse_document::Document;
use liseuse_entity::EntityIndex;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// The corrections.
#[derive(Default)]
pub(super) struct Corrections {
    pub list: Vec<Correction>,
}

/// `index` as the user corrected it.
pub(super) fn corrected(shared: &Shared, index: &Arc<EntityIndex>) -> Arc<EntityIndex> {
    let list = match shared.corrections.lock() {
        Ok(c) if !c.list.is_empty() => c.list.clone(),
        _ => return index.clone(),
    };
    let texts: RefCell<HashMap<usize, Option<Document>>> = RefCell::default();
    let surface = |d: usize, r: std::ops::Range<usize>| {
        let mut texts = texts.borrow_mut();
        let doc = texts.entry(d).or_insert_with(|| {
            let entry = shared.entries.lock().ok()?.get(d)?.clone()?;
            crate::library::load(&entry).ok()
        });
        doc.as_ref()?.text.get(r).map(str::to_string)
    };
    Arc::new(corrections::apply(index, &list, surface))
}

/// The corrections changed: the last index sent goes again, corrected anew.
pub(super) fn resend(shared: &Shared) {
    let (last, found, analysed, docs) = {
        let Ok(c) = shared.corpus.lock() else { return };
        (
            c.last.clone(),
            c.last_quotes.clone(),
            c.analysed,
            c.per_doc.len(),
        )
    };
    let Some((_, index)) = last else { return };
    let index = corrected(shared, &index);
    // Quotations follow their speakers into the corrected entities.
    let said = Arc::new(crate::quotes::LibraryQuotes::build(&index, found));
    let update = IndexUpdate::new(index, analysed, docs).with_quotes(said);
    let _ = shared.events.send(LibraryEvent::Indexed(Box::new(update)));
}
