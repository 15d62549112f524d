//! Compaction of the articles' log: rewritten with only the latest record of each article of
//! the library open now, when most of its records are of no use any more.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::{ArticleCache, FORMAT, Located};
use crate::cache::ENGINE_VERSION;
use crate::cache::log::{self, Log};
use crate::cache::path_key::PathKey;
use crate::cache::record::{self, Body, Head};
use crate::cache::text_hash::TextHash;
use std::collections::HashSet;

impl ArticleCache {
    /// Rewrites the log with only the latest record of each of `live` (the library open now),
    /// when most of its records are of no use any more. Returns whether it did.
    pub fn compact_if_worth_it(&mut self, live: &HashSet<String>) -> bool {
        self.flush();
        // The articles of the log still in the library (paths are keyed by their hash).
        let used = live
            .iter()
            .filter(|p| self.known.contains_key(&PathKey::of(p)))
            .count();
        if self.log.is_none() || self.records < 64 || self.records <= 2 * used {
            return false;
        }
        self.compact(live).is_ok()
    }

    /// Rewrites the log with only the latest record of each of `live`.
    pub fn compact(&mut self, live: &HashSet<String>) -> std::io::Result<()> {
        self.flush();
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        if self.log.is_none() {
            return Ok(());
        }
        let (frames, _) = log::scan(&path, ENGINE_VERSION, FORMAT);
        let reader = crate::readfile::open_regular(&path)?;
        // Whole frames are read one at a time and the live records of each written as one
        // frame: memory holds one frame, not the log.
        let mut out: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
        for frame in frames {
            let Some(heads) = record::decode_heads(&frame.head) else {
                continue;
            };
            let keep: Vec<Head> = heads
                .into_iter()
                .filter(|h| {
                    live.contains(&h.path)
                        && self.known.get(&PathKey::of(&h.path)).is_some_and(|k| {
                            k.hash == TextHash::of(&h.hash)
                                && matches!(k.body, Located::Written(n, within)
                                    if within == h.body && self.frame_at(n) == Some(frame.body))
                        })
                })
                .collect();
            if keep.is_empty() {
                continue;
            }
            let Some(bytes) = log::read_body(&reader, frame.body).and_then(|b| record::unpack(&b))
            else {
                continue;
            };
            let articles: Vec<(Head, Body)> = keep
                .into_iter()
                .filter_map(|h| {
                    let b = record::decode_body(&bytes, h.body)?;
                    Some((h, b))
                })
                .collect();
            if let Some(encoded) = record::encode(&articles) {
                out.push(encoded);
            }
        }
        let (log, bodies) = Log::rewrite(
            &path,
            ENGINE_VERSION,
            FORMAT,
            out.iter().map(|(h, b)| (h.as_slice(), b.as_slice())),
        )?;
        self.log = Some(log);
        self.reader = crate::readfile::open_regular(&path).ok();
        self.last_frame = None;
        self.known.clear();
        self.by_hash.clear();
        self.frames.clear();
        self.records = 0;
        for ((head, _), at) in out.iter().zip(bodies) {
            let frame = self.frame_number(at);
            for h in record::decode_heads(head).unwrap_or_default() {
                let located = Located::Written(frame, h.body);
                self.know_written(h.into(), located, false);
            }
        }
        Ok(())
    }
}
