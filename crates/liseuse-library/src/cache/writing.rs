//! Writing the articles' log: records added as articles are analysed, a frame at a time, each
//! frame encoded without the cache's lock when the caller can ([`ArticleCache::put`]).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::{ArticleCache, FRAME_ARTICLES, Known, Located};
use crate::cache::frame::Packed;
use crate::cache::path_key::PathKey;
use crate::cache::pending::{Batch, Ready, Sealed};
use crate::cache::record::{ArticleMeta, Body, Head, Stamp};
use crate::cache::text_hash::TextHash;

impl ArticleCache {
    /// Records an article just analysed; written at the next [`ArticleCache::flush`], or at
    /// once when it fills a frame.
    pub fn add(&mut self, path: String, stamp: Stamp, hash: String, meta: ArticleMeta, body: Body) {
        let Some(packed) = Packed::of(&body.entities, &body.sections) else {
            return;
        };
        if let Some(sealed) = self.put(path, stamp, hash, meta, packed) {
            self.write(sealed.encode());
        }
    }

    /// Records an article just analysed, its body packed ([`Packed::of`], without the cache's
    /// lock). When it fills a frame, the frame is sealed and returned: to encode without the
    /// lock ([`Sealed::encode`]) and hand back ([`ArticleCache::write`]).
    pub fn put(
        &mut self,
        path: String,
        stamp: Stamp,
        hash: String,
        meta: ArticleMeta,
        body: Packed,
    ) -> Option<Sealed> {
        if !self.writes() {
            return None;
        }
        let head = Head {
            path,
            stamp,
            hash,
            meta,
            body: (0, 0),
        };
        let key = TextHash::of(&head.hash);
        let path = PathKey::of(&head.path);
        let at = Located::Pending(self.pending.push((head, body)));
        self.by_hash.insert(key.clone(), at);
        self.known.insert(
            path,
            Known {
                stamp,
                hash: key,
                meta: None,
                body: at,
            },
        );
        if self.pending.open_len() >= FRAME_ARTICLES {
            return self.pending.seal();
        }
        None
    }

    /// Seals the records added since the last frame (none if there are none): to encode
    /// without the lock and hand back ([`ArticleCache::write`]).
    pub fn seal(&mut self) -> Option<Sealed> {
        self.pending.seal()
    }

    /// Writes a frame sealed and encoded, after the frames sealed before it (those waiting
    /// for it with it); nothing if it was written meanwhile ([`ArticleCache::flush`]).
    pub fn write(&mut self, frame: Ready) {
        self.pending.deliver(frame);
        self.write_ready(true);
    }

    /// [`ArticleCache::write`] for a frame [`ArticleCache::seal`] gave a flush: what it writes
    /// counts as flushed, not as a frame filled ([`ArticleCache::take_written`]).
    pub fn write_flushed(&mut self, frame: Ready) {
        self.pending.deliver(frame);
        self.write_ready(false);
    }

    /// Whether records were written since last asked, apart from [`ArticleCache::flush`]
    /// (a frame full): what was analysed up to then is on disk.
    pub fn take_written(&mut self) -> bool {
        std::mem::take(&mut self.written)
    }

    /// Records not written yet.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// Writes every record added, in frames: those sealed and the ones since, as one more
    /// (encoded here when they are not yet). A failure only costs them being analysed again
    /// at the next start.
    pub fn flush(&mut self) {
        self.pending.seal();
        self.pending.encode_all();
        self.write_ready(false);
    }

    /// Writes the frames encoded, in order, up to the first one that is not.
    fn write_ready(&mut self, filled: bool) {
        while let Some((batch, encoded)) = self.pending.next_ready() {
            let written = encoded.and_then(|e| {
                let at = self.log.as_mut()?.append(&e.head, &e.body).ok()?;
                Some((at, e.spans))
            });
            let Some((at, spans)) = written else {
                self.forget_pending(&batch);
                continue;
            };
            self.written |= filled;
            if self.reader.is_none() {
                self.reader = self
                    .path
                    .as_deref()
                    .and_then(|p| crate::readfile::open_regular(p).ok());
            }
            let frame = self.frame_number(at);
            for (i, ((h, _), span)) in batch.records.iter().zip(spans).enumerate() {
                self.records += 1;
                let was = Located::Pending(batch.first + i);
                let now = Located::Written(frame, span);
                if let Some(k) = self.known.get_mut(&PathKey::of(&h.path))
                    && k.body == was
                {
                    k.body = now;
                }
                if let Some(b) = self.by_hash.get_mut(&TextHash::of(&h.hash))
                    && *b == was
                {
                    *b = now;
                }
            }
        }
    }

    /// A frame that could not be written: its records are not known any more (analysed again
    /// when next asked for).
    fn forget_pending(&mut self, batch: &Batch) {
        for (i, (h, _)) in batch.records.iter().enumerate() {
            let was = Located::Pending(batch.first + i);
            let key = PathKey::of(&h.path);
            if self.known.get(&key).is_some_and(|k| k.body == was) {
                self.known.remove(&key);
            }
            let hash = TextHash::of(&h.hash);
            if self.by_hash.get(&hash) == Some(&was) {
                self.by_hash.remove(&hash);
            }
        }
    }
}
