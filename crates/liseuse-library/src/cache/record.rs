//! What the cache keeps of one article: a head (its path and stamp, the hash of its text, and
//! what the list, the sidebar, `w` and `T` need of it without its text) read at every start,
//! and a body (its entities, and sections later stages add) read only when the corpus must be
//! merged again. Many articles go in one log frame: their heads in the frame's head, their
//! bodies one after the other in its body.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use liseuse_entity::DocEntities;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::path::Path;
use std::time::UNIX_EPOCH;

/// A file's size and modification time: when both are as recorded, the article is taken as
/// unchanged without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Stamp {
    /// Its size in bytes.
    pub size: u64,
    /// Its modification time, nanoseconds since 1970 (0 when the system does not say).
    pub modified: i128,
}

impl Stamp {
    /// The stamp of the file at `path`, following no link (a link's target is what is read).
    pub fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::metadata(path).ok()?;
        if !m.is_file() {
            return None;
        }
        Some(Stamp::from_metadata(&m))
    }

    /// The stamp of a file whose metadata is known.
    pub fn from_metadata(m: &std::fs::Metadata) -> Stamp {
        let modified = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        Stamp {
            size: m.len(),
            modified,
        }
    }

    /// Seconds since 1970 of its modification: an undated article's date.
    pub fn seconds(&self) -> Option<i64> {
        (self.modified != 0).then(|| i64::try_from(self.modified / 1_000_000_000).ok())?
    }
}

/// What the list, the sidebar, `w` and `T` need of an article, kept so that its text need not be.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// Its title.
    pub title: String,
    /// Its `date` line, as written.
    pub date: Option<String>,
    /// Where it comes from, when it says (a site's name).
    pub source: Option<String>,
    /// The first full date written near its start (what dates it when it has no date line).
    pub near_date: Option<String>,
    /// When its file was last modified (seconds since 1970).
    pub modified: Option<i64>,
    /// Its paragraphs' byte ranges, start and end one after the other.
    pub paragraphs: Vec<u32>,
    /// The length of its text in bytes.
    pub len: u64,
    /// The hash of its text (what a bookmark is anchored to).
    pub text_hash: String,
    /// Whether the document has notices (a ⚠ in the list).
    pub notices: bool,
    /// Why it cannot be read, if it cannot.
    pub error: Option<String>,
}

impl ArticleMeta {
    /// The paragraph holding byte `offset` (or the nearest one after it), as
    /// `Document::paragraph_at` finds it.
    pub fn paragraph_at(&self, offset: usize) -> Option<Range<usize>> {
        let n = self.paragraphs.len() / 2;
        if n == 0 {
            return None;
        }
        let end = |i: usize| {
            self.paragraphs
                .get(2 * i + 1)
                .map_or(usize::MAX, |&e| e as usize)
        };
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if end(mid) <= offset {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let i = lo.min(n - 1);
        let start = *self.paragraphs.get(2 * i)? as usize;
        Some(start..end(i))
    }

    /// What a document says of itself, kept.
    pub fn of_document(doc: &liseuse_document::Document, near_date: Option<String>) -> ArticleMeta {
        let mut paragraphs = Vec::with_capacity(doc.paragraphs.len() * 2);
        for p in &doc.paragraphs {
            paragraphs.push(u32::try_from(p.range.start).unwrap_or(u32::MAX));
            paragraphs.push(u32::try_from(p.range.end).unwrap_or(u32::MAX));
        }
        ArticleMeta {
            title: doc.title.clone(),
            date: doc.date.clone(),
            source: doc.source.clone(),
            near_date,
            modified: None,
            paragraphs,
            len: doc.text.len() as u64,
            text_hash: crate::bookmark::content_hash(&doc.text),
            notices: !doc.notices.is_empty(),
            error: None,
        }
    }
}

/// An article's head: read at every start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    /// Its path as given (`Entry::path`).
    pub path: String,
    /// Its file's stamp when it was read.
    pub stamp: Stamp,
    /// The hash of the text entities are found in (the merged index's key).
    pub hash: String,
    /// What is kept of it.
    pub meta: ArticleMeta,
    /// Its body's bytes in its frame's body.
    pub body: (u32, u32),
}

/// An article's body: read when the corpus is merged again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Body {
    /// Its entities.
    pub entities: DocEntities,
    /// What later stages keep per article (a quotation stage's results), by name: a reader
    /// that does not know a name leaves it, so adding one needs no new cache format.
    pub sections: Vec<(String, Vec<u8>)>,
}

/// The most a frame's body may claim to hold once decompressed: a damaged length never
/// allocates more (a frame holds a few thousand articles of a few KB each).
const MAX_FRAME_BODY: usize = 512 << 20;

/// A frame's head and body bytes for these articles; the body compressed (LZ4: the bodies of
/// a library are 2.5 times smaller, and read back at gigabytes a second).
pub fn encode(articles: &[(Head, Body)]) -> Option<(Vec<u8>, Vec<u8>)> {
    let (heads, body) = encode_plain(articles)?;
    Some((heads, lz4_flex::block::compress_prepend_size(&body)))
}

/// A frame body as written, decompressed: what [`decode_body`] reads. `None` when it is
/// damaged (the checksum held, yet it does not decompress) or claims too much.
pub fn unpack(frame_body: &[u8]) -> Option<Vec<u8>> {
    let (claimed, _) = lz4_flex::block::uncompressed_size(frame_body).ok()?;
    // LZ4 cannot expand more than 255 times.
    if claimed > MAX_FRAME_BODY || claimed > frame_body.len().saturating_mul(255) {
        return None;
    }
    lz4_flex::block::decompress_size_prepended(frame_body).ok()
}

/// [`encode`], the body left uncompressed.
fn encode_plain(articles: &[(Head, Body)]) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut heads = Vec::with_capacity(articles.len());
    let mut body = Vec::new();
    for (h, b) in articles {
        let start = u32::try_from(body.len()).ok()?;
        body = postcard::to_extend(b, body).ok()?;
        let len = u32::try_from(body.len()).ok()? - start;
        let mut h = h.clone();
        h.body = (start, len);
        heads.push(h);
    }
    Some((postcard::to_stdvec(&heads).ok()?, body))
}

/// The heads of a frame.
pub fn decode_heads(bytes: &[u8]) -> Option<Vec<Head>> {
    postcard::from_bytes(bytes).ok()
}

/// One article's body from its frame's body bytes.
pub fn decode_body(frame_body: &[u8], at: (u32, u32)) -> Option<Body> {
    let bytes = frame_body.get(at.0 as usize..(at.0 as usize).checked_add(at.1 as usize)?)?;
    postcard::from_bytes(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_and_bodies_read_back() {
        let e = liseuse_entity::analyse("Le président Emmanuel Macron à Paris.");
        let head = |p: &str| Head {
            path: p.into(),
            stamp: Stamp {
                size: 3,
                modified: 42,
            },
            hash: "h".into(),
            meta: ArticleMeta {
                title: "Titre".into(),
                paragraphs: vec![0, 5, 7, 12],
                ..ArticleMeta::default()
            },
            body: (0, 0),
        };
        let articles = vec![
            (
                head("a.txt"),
                Body {
                    entities: e.clone(),
                    sections: vec![("quotes-v1".into(), vec![1, 2, 3])],
                },
            ),
            (head("b.txt"), Body::default()),
        ];
        let (h, b) = encode(&articles).unwrap();
        let b = unpack(&b).unwrap();
        let heads = decode_heads(&h).unwrap();
        assert_eq!(heads.len(), 2);
        assert_eq!(heads[1].path, "b.txt");
        assert_eq!(decode_body(&b, heads[0].body).unwrap(), articles[0].1);
        assert_eq!(decode_body(&b, heads[1].body).unwrap(), Body::default());
        assert_eq!(decode_body(&b, (u32::MAX, 4)), None);
    }

    /// A damaged frame body is refused, never decoded into an allocation it claims.
    #[test]
    fn a_damaged_or_lying_frame_body_is_refused() {
        let head = Head {
            path: "a.txt".into(),
            stamp: Stamp::default(),
            hash: "h".into(),
            meta: ArticleMeta::default(),
            body: (0, 0),
        };
        let (_, b) = encode(&[(head, Body::default())]).unwrap();
        assert!(unpack(&b).is_some());
        // It claims 4 GB.
        let mut lying = b.clone();
        lying[..4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(unpack(&lying), None);
        assert_eq!(unpack(&[]), None);
        assert_eq!(unpack(&[200, 0, 0, 0, 0xff, 0xff]), None);
    }

    #[test]
    fn a_paragraph_is_found_as_the_document_finds_it() {
        let doc = liseuse_document::Document::from_text(
            "a.txt",
            "Titre\n\nUn premier paragraphe.\n\nUn second.\n".into(),
        );
        let meta = ArticleMeta::of_document(&doc, None);
        for offset in 0..doc.text.len() + 3 {
            let want = doc
                .paragraphs
                .get(doc.paragraph_at(offset))
                .map(|p| p.range.clone());
            assert_eq!(meta.paragraph_at(offset), want, "at {offset}");
        }
        assert_eq!(ArticleMeta::default().paragraph_at(0), None);
    }
}
