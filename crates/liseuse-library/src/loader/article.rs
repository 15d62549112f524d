//! Each article in the background: checked against the cache by its stamp (an unchanged one
//! is not read), or read, analysed (entities, then quotations on the same tokens), described to
//! the app and put in the cache and the full-text index; an article read to be shown.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::*;

/// Reads an article to show it; false once no one listens.
pub(super) fn open_article(shared: &Shared, index: usize, entry: &Entry) -> bool {
    let result = library::load_with(entry, |doc| {
        let doc = Arc::new(doc);
        let _ = shared.events.send(LibraryEvent::Preview { index, doc });
    })
    .map(Arc::new);
    let modified = modified_of(entry);
    let loaded = LibraryEvent::Loaded {
        index,
        result,
        modified,
    };
    shared.events.send(loaded).is_ok()
}

/// A file's stamp; for an embedded article, its length and a hash of its bytes (it changes
/// only with the program).
pub(super) fn stamp_of(entry: &Entry) -> Option<Stamp> {
    match &entry.origin {
        Origin::File(p) => Stamp::of(p),
        Origin::Embedded(b) => Some(Stamp {
            size: b.len() as u64,
            modified: i128::from(xxhash_rust::xxh3::xxh3_64(b)),
        }),
    }
}

/// When a file was last modified (seconds since 1970): none for an embedded article.
pub(super) fn modified_of(entry: &Entry) -> Option<i64> {
    match &entry.origin {
        Origin::File(p) => Stamp::of(p)?.seconds(),
        Origin::Embedded(_) => None,
    }
}

/// The full-text index's short form of a text hash.
pub(super) fn hash64(hash: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(hash.as_bytes())
}

pub(super) fn day_of(meta: &ArticleMeta) -> Option<i64> {
    crate::timeline::day_number(meta.date.as_deref(), meta.near_date.as_deref())
}

/// Whether the cache answered for an article, or its text must be read and analysed.
pub(super) enum Checked {
    /// Described and stored from the cache (or found unreadable): nothing more to do.
    Done,
    /// Not in the cache as it is now: [`analyse_article`], with the file's stamp as it was
    /// before its text is read.
    Analyse(Option<Stamp>),
}

/// Checks an article against the cache: all a warm start does for each; what is left, the
/// reading and the analysis, is [`analyse_article`]'s.
pub(super) fn check_article(shared: &Shared, index: usize, entry: &Arc<Entry>) -> Checked {
    // Known to the search since `Loader::read`.
    let id = fulltext::id_of(&entry.path);
    if let Ok(mut e) = shared.entries.lock() {
        if e.len() <= index {
            e.resize(index + 1, None);
        }
        if let Some(slot) = e.get_mut(index) {
            *slot = Some(entry.clone());
        }
    }
    let stamp = stamp_of(entry);
    // Kept in the full-text index for a search that finds it before the walk lists it.
    let path = match entry.origin {
        Origin::File(_) => entry.path.as_str(),
        Origin::Embedded(_) => "",
    };
    let hit = stamp.and_then(|s| shared.with_cache(|c| c.lookup(&entry.path, s)).flatten());
    let ft = shared.fulltext();
    if let Some(hit) = hit {
        // The full-text index may have missed it (an interrupted first start): its text is
        // read for that alone.
        let h = hash64(&hit.hash);
        if ft.writes() && !ft.has(id, h) && hit.meta.error.is_none() {
            shared.reads.fetch_add(1, Ordering::SeqCst);
            if let Ok(doc) = library::load(entry) {
                ft.put(id, h, day_of(&hit.meta), path, &doc.title, &doc.text);
            }
        }
        let hash = hit.hash.clone();
        describe(shared, index, hit.meta, hash.clone());
        // Its quotations come with its entities when a merge reads its body.
        store(shared, index, None, None, hash);
        return Checked::Done;
    }
    Checked::Analyse(stamp)
}

/// Reads an article's text and finds its entities, quotations and words; keeps them in the
/// cache and the full-text index. `stamp`: its file's, taken before reading it.
pub(super) fn analyse_article(shared: &Shared, index: usize, entry: &Entry, stamp: Option<Stamp>) {
    let id = fulltext::id_of(&entry.path);
    let path = match entry.origin {
        Origin::File(_) => entry.path.as_str(),
        Origin::Embedded(_) => "",
    };
    let ft = shared.fulltext();
    shared.reads.fetch_add(1, Ordering::SeqCst);
    let doc = match library::load(entry) {
        Ok(doc) => doc,
        Err(e) => {
            let meta = ArticleMeta {
                title: entry.name.clone(),
                error: Some(e),
                ..ArticleMeta::default()
            };
            ft.remove(id);
            describe(shared, index, meta, String::new());
            store(
                shared,
                index,
                Some(Arc::default()),
                Some(Quotations::default()),
                String::new(),
            );
            return;
        }
    };
    // Code is blanked for entities: a document's entities depend on it as well as its text.
    let entity_text = doc.entity_text();
    let hash = crate::bookmark::content_hash(&entity_text);
    // The same text under another name or time (a file touched, copied, moved).
    let known = shared.with_cache(|c| c.body(&hash)).flatten();
    let (entities, found) = match known {
        Some(b) => {
            let found = quotes::decode(&b.sections, &b.entities);
            (b.entities, found)
        }
        None => {
            mark_fresh(shared);
            // The quotation stage right after the entities, on the tokens they were found in.
            let (entities, tokens) =
                analyse_saying_progress(shared, index, &entity_text, &doc.meta);
            let found = quotes::find(&doc, &entity_text, &entities, tokens.as_deref());
            (entities, Some(found))
        }
    };
    let found = found.unwrap_or_else(|| quotes::find(&doc, &entity_text, &entities, None));
    let near = crate::timeline::near_date(
        entities.mentions.iter().map(|m| (m.label(), m.range())),
        &doc.text,
    );
    // The same text when no code was blanked: hashed once.
    let text_hash = match &entity_text {
        std::borrow::Cow::Borrowed(_) => hash.clone(),
        std::borrow::Cow::Owned(_) => crate::bookmark::content_hash(&doc.text),
    };
    let mut meta = ArticleMeta::of_document_hashed(&doc, near, text_hash);
    if matches!(entry.origin, Origin::File(_)) {
        meta.modified = stamp.and_then(|s| s.seconds());
    }
    ft.put(
        id,
        hash64(&hash),
        day_of(&meta),
        path,
        &doc.title,
        &doc.text,
    );
    drop(entity_text);
    drop(doc);
    // Once written, a merge reads its entities back from there (`write_out`). Packed here,
    // and a full frame encoded here, without the cache's lock: under it, the other loader
    // threads' lookups waited.
    let packed = stamp.and_then(|s| {
        let sections = [quotes::encode(&found, &entities)];
        Some((s, cache::Packed::of(&entities, &sections)?))
    });
    let entities = Arc::new(entities);
    if let Some((s, body)) = packed {
        let sealed = shared
            .with_cache(|c| c.put(entry.path.clone(), s, hash.clone(), meta.clone(), body))
            .flatten();
        if let Some(sealed) = sealed {
            let frame = sealed.encode();
            shared.with_cache(|c| c.write(frame));
        }
    }
    describe(shared, index, meta, hash.clone());
    store(
        shared,
        index,
        Some(entities),
        Some(Quotations::pack(&found)),
        hash,
    );
}

pub(super) fn describe(shared: &Shared, index: usize, meta: ArticleMeta, hash: String) {
    let _ = shared.events.send(LibraryEvent::Described {
        index,
        meta: Box::new(meta),
        hash,
    });
}

pub(super) fn forget(shared: &Shared, index: usize) {
    if let Ok(mut e) = shared.entries.lock()
        && let Some(slot) = e.get_mut(index)
        && let Some(entry) = slot.take()
    {
        let id = fulltext::id_of(&entry.path);
        if let Ok(mut a) = shared.articles.write() {
            a.remove(&id);
        }
        shared.fulltext().remove(id);
    }
    store(
        shared,
        index,
        Some(Arc::default()),
        Some(Quotations::default()),
        String::new(),
    );
    mark_fresh(shared);
}

/// A long text's analysis takes seconds: how far it is goes to the status bar, a few times a
/// second. A text of one piece keeps its tokens for the quotation stage; a longer one's are not
/// kept (three bytes a byte of text), and that stage reads it again.
pub(super) fn analyse_saying_progress(
    shared: &Shared,
    index: usize,
    text: &str,
    meta: &[std::ops::Range<usize>],
) -> (DocEntities, Option<Vec<entity::text::token::Token>>) {
    if text.len() <= entity::chunks::PIECE_BYTES {
        let (entities, tokens) = entity::analyse_meta_tokens(text, meta);
        return (entities, Some(tokens));
    }
    let of = text.len() as u64;
    let mut last = Instant::now();
    let mut done = |bytes: usize| {
        if last.elapsed() >= Duration::from_millis(200) {
            last = Instant::now();
            let _ = shared.events.send(LibraryEvent::Analysing {
                index,
                done: bytes as u64,
                of,
            });
        }
    };
    let entities = entity::analyse_reporting(text, meta, &mut done);
    let _ = shared.events.send(LibraryEvent::Analysing {
        index,
        done: of,
        of,
    });
    (entities, None)
}

pub(super) fn store(
    shared: &Shared,
    index: usize,
    entities: Option<Arc<DocEntities>>,
    found: Option<Quotations>,
    hash: String,
) {
    let Ok(mut c) = shared.corpus.lock() else {
        return;
    };
    if c.per_doc.len() <= index {
        c.per_doc.resize(index + 1, None);
        c.quotes.resize(index + 1, None);
        c.hashes.resize(index + 1, String::new());
        c.done.resize(index + 1, false);
    }
    let c = &mut *c;
    if let (Some(d), Some(q), Some(h), Some(done)) = (
        c.per_doc.get_mut(index),
        c.quotes.get_mut(index),
        c.hashes.get_mut(index),
        c.done.get_mut(index),
    ) {
        *d = entities;
        *q = found;
        *h = hash;
        if !*done {
            *done = true;
            c.analysed += 1;
        }
    }
    // The index loop waits for the first article since it last looked, not for each one:
    // at 100,000 articles, a wake-up for each cost a second of the processors' time.
    if !std::mem::replace(&mut c.dirty, true) {
        shared.changed.notify_one();
    }
}
