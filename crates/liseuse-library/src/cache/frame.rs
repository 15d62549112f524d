//! A log frame's bytes: its articles' bodies, each encoded on the thread that analysed it
//! ([`Packed`], before the cache's lock is taken), put one after the other and compressed
//! with zstd; their heads, each with its body's place, with LZ4. What [`super::record`]
//! decodes.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::pack::{self, Out};
use super::record::{ArticleMeta, Body, Head, Stamp};
use liseuse_entity::DocEntities;
use serde::Serialize;

/// zstd's level for frame bodies: 3 (its default) packs them a third smaller than LZ4 for
/// about a second of a cold start's 70 at 100,000 articles; higher levels cost more than
/// they gain.
const ZSTD_LEVEL: i32 = 3;

/// An article's body as a frame's body holds it: made where the article was analysed, so that
/// the cache holds a few kilobytes of bytes until the frame is written rather than a copy of
/// its entities, and writing a frame only puts them together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packed(Box<[u8]>);

impl Packed {
    /// The body of these entities and sections: its entities (postcard), its mentions
    /// ([`pack::put_mentions`], which reads the entities), its sections.
    pub fn of(entities: &DocEntities, sections: &[(String, Vec<u8>)]) -> Option<Packed> {
        let mut out = Out::default();
        out.0 = postcard::to_extend(&entities.entities, out.0).ok()?;
        pack::put_mentions(&mut out, &entities.mentions, &entities.entities);
        out.u(sections.len() as u64);
        for (name, bytes) in sections {
            out.bytes(name.as_bytes());
            out.bytes(bytes);
        }
        Some(Packed(out.0.into_boxed_slice()))
    }

    /// The body back.
    pub fn body(&self) -> Option<Body> {
        super::record::decode_body(&self.0, (0, u32::try_from(self.0.len()).ok()?))
    }

    /// Its bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }
}

/// A head as [`Head`] is written, borrowed (postcard writes a reference as what it refers to):
/// a frame's heads are written without a copy of each.
#[derive(Serialize)]
struct HeadOut<'a> {
    path: &'a str,
    stamp: &'a Stamp,
    hash: &'a str,
    meta: &'a ArticleMeta,
    body: (u32, u32),
}

/// A frame's bytes, and where each of its articles' bodies is in its body (before compression).
#[derive(Debug)]
pub struct Encoded {
    /// Its heads, LZ4.
    pub head: Vec<u8>,
    /// Its bodies, zstd.
    pub body: Vec<u8>,
    /// Each article's body's bytes, in order.
    pub spans: Vec<(u32, u32)>,
}

/// A frame of these articles. The heads (read at every start) are compressed with LZ4, read
/// back at gigabytes a second; the bodies (read when the corpus is merged again) with zstd.
pub fn encode_packed(articles: &[(Head, Packed)]) -> Option<Encoded> {
    let total = articles.iter().map(|(_, p)| p.0.len()).sum();
    let mut body = Vec::with_capacity(total);
    let mut spans = Vec::with_capacity(articles.len());
    for (_, p) in articles {
        let start = u32::try_from(body.len()).ok()?;
        body.extend_from_slice(&p.0);
        spans.push((start, u32::try_from(p.0.len()).ok()?));
    }
    let heads: Vec<HeadOut> = articles
        .iter()
        .zip(&spans)
        .map(|((h, _), &body)| HeadOut {
            path: &h.path,
            stamp: &h.stamp,
            hash: &h.hash,
            meta: &h.meta,
            body,
        })
        .collect();
    let heads = postcard::to_stdvec(&heads).ok()?;
    Some(Encoded {
        head: lz4_flex::block::compress_prepend_size(&heads),
        body: zstd::bulk::compress(&body, ZSTD_LEVEL).ok()?,
        spans,
    })
}

/// A frame's head and body bytes for these articles (their bodies packed here).
pub fn encode(articles: &[(Head, Body)]) -> Option<(Vec<u8>, Vec<u8>)> {
    let packed = articles
        .iter()
        .map(|(h, b)| Some((h.clone(), Packed::of(&b.entities, &b.sections)?)))
        .collect::<Option<Vec<_>>>()?;
    let e = encode_packed(&packed)?;
    Some((e.head, e.body))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Borrowed heads are written as owned ones are: what `decode_heads` reads.
    #[test]
    fn a_borrowed_head_is_written_as_a_head() {
        let head = Head {
            path: "dossier/a.txt".into(),
            stamp: Stamp {
                size: 12,
                modified: -7,
            },
            hash: "0123abcd".into(),
            meta: ArticleMeta {
                title: "Titre".into(),
                date: Some("2024-01-02".into()),
                paragraphs: vec![0, 5, 7, 12],
                error: Some("non".into()),
                ..ArticleMeta::default()
            },
            body: (3, 4),
        };
        let out = HeadOut {
            path: &head.path,
            stamp: &head.stamp,
            hash: &head.hash,
            meta: &head.meta,
            body: head.body,
        };
        assert_eq!(
            postcard::to_stdvec(&[out]).unwrap(),
            postcard::to_stdvec(&[head]).unwrap()
        );
    }
}
