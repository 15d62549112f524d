//! What the cache keeps of one article: a head (its path and stamp, the hash of its text, and
//! what the list, the sidebar, `w` and `T` need of it without its text) read at every start,
//! and a body (its entities, and sections later stages add) read only when the corpus must be
//! merged again. Many articles go in one log frame: their heads in the frame's head, their
//! bodies one after the other in its body.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::pack::{self, In};
use liseuse_entity::{DocEntities, LocalEntity};
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
        let text_hash = crate::bookmark::content_hash(&doc.text);
        ArticleMeta::of_document_hashed(doc, near_date, text_hash)
    }

    /// [`ArticleMeta::of_document`] with the hash of its text known (`content_hash` of
    /// `doc.text`): the loader has it already when no code was blanked for the entities.
    pub fn of_document_hashed(
        doc: &liseuse_document::Document,
        near_date: Option<String>,
        text_hash: String,
    ) -> ArticleMeta {
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
            text_hash,
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
/// Nor its heads.
const MAX_FRAME_HEADS: usize = 64 << 20;
/// A frame body as written, decompressed: what [`decode_body`] reads. `None` when it is
/// damaged (the checksum held, yet it does not decompress) or claims too much. A size up to
/// [`PLAUSIBLE_RATIO`] times the compressed one is allocated at once (our frames shrink about
/// four times); beyond, memory grows with what is decompressed, never to what a damaged size
/// claims.
pub fn unpack(frame_body: &[u8]) -> Option<Vec<u8>> {
    use std::io::Read;
    let claimed = zstd::zstd_safe::get_frame_content_size(frame_body).ok()??;
    let claimed = usize::try_from(claimed).ok()?;
    if claimed > MAX_FRAME_BODY {
        return None;
    }
    if claimed <= frame_body.len().saturating_mul(PLAUSIBLE_RATIO) {
        let out = zstd::bulk::decompress(frame_body, claimed).ok()?;
        return (out.len() == claimed).then_some(out);
    }
    let mut out = Vec::new();
    let mut decoder = zstd::stream::read::Decoder::with_buffer(frame_body).ok()?;
    // Nor a window larger than ours (level 3 uses 2 MB at most).
    decoder.window_log_max(23).ok()?;
    decoder
        .by_ref()
        .take(claimed as u64 + 1)
        .read_to_end(&mut out)
        .ok()?;
    (out.len() == claimed).then_some(out)
}

/// How many times larger than its compressed bytes a frame body may say it is and be
/// decompressed in one allocation (see [`unpack`]).
const PLAUSIBLE_RATIO: usize = 16;

pub use super::frame::{Packed, encode};

/// The heads of a frame.
pub fn decode_heads(bytes: &[u8]) -> Option<Vec<Head>> {
    let (claimed, _) = lz4_flex::block::uncompressed_size(bytes).ok()?;
    // LZ4 cannot expand more than 255 times.
    if claimed > MAX_FRAME_HEADS || claimed > bytes.len().saturating_mul(255) {
        return None;
    }
    let plain = lz4_flex::block::decompress_size_prepended(bytes).ok()?;
    postcard::from_bytes(&plain).ok()
}

/// One article's body from its frame's body bytes.
pub fn decode_body(frame_body: &[u8], at: (u32, u32)) -> Option<Body> {
    let bytes = frame_body.get(at.0 as usize..(at.0 as usize).checked_add(at.1 as usize)?)?;
    let (entities, rest): (Vec<LocalEntity>, _) = postcard::take_from_bytes(bytes).ok()?;
    let mut input = In(rest);
    let mentions = pack::take_mentions(&mut input, &entities)?;
    let n = input.count()?;
    let mut sections = Vec::with_capacity(n);
    for _ in 0..n {
        let name = std::str::from_utf8(input.bytes()?).ok()?.to_string();
        sections.push((name, input.bytes()?.to_vec()));
    }
    input.0.is_empty().then_some(Body {
        entities: DocEntities { mentions, entities },
        sections,
    })
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

    /// zstd's frame header says how large the body is: a size that is not the body's is
    /// refused, whether it is plausible (allocated at once) or not (read as it comes).
    #[test]
    fn a_frame_body_claiming_another_size_is_refused() {
        let small = zstd::bulk::compress(&[7u8; 100], 3).unwrap();
        assert_eq!(unpack(&small).as_deref(), Some(&[7u8; 100][..]));
        // Single segment, a one-byte size: after the magic and the descriptor.
        assert_eq!(small[4] & 0xc0, 0);
        for size in [0u8, 99, 101, 255] {
            let mut lying = small.clone();
            lying[5] = size;
            assert_eq!(unpack(&lying), None, "{size}");
        }
        // A megabyte of zeroes packs hundreds of times smaller: read as it comes, not at once.
        let zeroes = zstd::bulk::compress(&vec![0u8; 1 << 20], 3).unwrap();
        assert!(zeroes.len() * PLAUSIBLE_RATIO < 1 << 20);
        assert_eq!(unpack(&zeroes).map(|b| b.len()), Some(1 << 20));
        // Four bytes of size: it claims 400 MB, or more than any frame holds.
        assert_eq!(zeroes[4] >> 6, 2);
        for claimed in [400u32 << 20, u32::MAX, (1 << 20) - 1] {
            let mut lying = zeroes.clone();
            lying[5..9].copy_from_slice(&claimed.to_le_bytes());
            assert_eq!(unpack(&lying), None, "{claimed}");
        }
        // Cut short, or not zstd at all.
        assert_eq!(unpack(&zeroes[..zeroes.len() - 1]), None);
        assert_eq!(unpack(b"liseuse"), None);
    }

    /// A body that does not end where its head says, or whose parts do not read, is refused.
    #[test]
    fn a_damaged_body_is_refused_without_a_panic() {
        let e = liseuse_entity::analyse("Le président Emmanuel Macron à Paris. Macron est parti.");
        let body = Body {
            entities: e,
            sections: vec![("quotes-v2".into(), vec![0])],
        };
        let good = Packed::of(&body.entities, &body.sections)
            .unwrap()
            .bytes()
            .to_vec();
        let all = (0, good.len() as u32);
        assert_eq!(decode_body(&good, all), Some(body));
        let mut longer = good.clone();
        longer.push(0);
        assert_eq!(
            decode_body(&longer, (0, longer.len() as u32)),
            None,
            "trailing"
        );
        for cut in 0..good.len() {
            assert_eq!(
                decode_body(&good[..cut], (0, cut as u32)),
                None,
                "cut at {cut}"
            );
        }
        for i in 0..good.len() {
            for bit in 0..8 {
                let mut bad = good.clone();
                bad[i] ^= 1 << bit;
                let _ = decode_body(&bad, all);
            }
        }
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
