//! Who said what across the library: each article's quotations as the loader keeps them (found
//! right after its entities, saved in its cache body as the section [`SECTION`], so a warm start
//! reads no text for them), and the library's quotations by speaker ([`LibraryQuotes`]), built
//! with each merged index and sent to the app with it.
//!
//! An article's quotation keeps offsets, not words: its text is read when it is shown. Its
//! speaker is the article's own entity, and the offsets of that entity's first mention, which
//! find its corpus entity in any index of the library (corrected or not) as mentions are found:
//! by offset among the article's mentions.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use liseuse_document::{Document, ParaKind};
use liseuse_entity::DocEntities;
use liseuse_entity::quote::{self, Quote, QuoteKind};
use liseuse_entity::text::token::Token;
use std::ops::Range;

mod chunks;
mod library;
mod packed;
mod wire;

pub use library::{LibraryQuotes, speaker_in};
pub use packed::Quotations;

/// The name of the cache body's section that holds an article's quotations (`wire`; 2: dense,
/// offsets relative, the speaker's first mention not written).
pub const SECTION: &str = "quotes-v2";

/// One quotation of an article, compactly: byte offsets into its rendered text. 40 bytes,
/// not 64 (a library keeps every article's for the whole session: at 100,000 articles,
/// millions of them): what is absent is a sentinel, not an `Option` with its tag, and the
/// rare description of a speaker who is no entity is behind one pointer. The cache keeps it
/// densely (`wire`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleQuote {
    /// The quoted words' first byte.
    pub start: u32,
    /// Just past them.
    pub end: u32,
    /// Direct (the words themselves) or reported.
    pub kind: QuoteKind,
    /// The cue's bytes, [`NONE`] when there is none.
    cue: (u32, u32),
    /// The speaker's own entity, [`NONE`] when there is none.
    local: u32,
    /// Its first mention's bytes, [`NONE`] when there is none.
    mention: (u32, u32),
    // One pointer, not a `Box<str>`'s two words: most quotations have none (what the lint
    // says of a boxed `String` is the point here).
    #[allow(clippy::box_collection)]
    described: Option<Box<String>>,
    /// How sure the quotation stage is, 0–100.
    pub confidence: u8,
}

/// What stands for an absent offset or entity: no article is 4 GB.
const NONE: u32 = u32::MAX;

fn pair(p: Option<(u32, u32)>) -> (u32, u32) {
    p.unwrap_or((NONE, NONE))
}

fn unpair(p: (u32, u32)) -> Option<(u32, u32)> {
    (p.0 != NONE).then_some(p)
}

impl ArticleQuote {
    /// A quotation of the words at `range`; `cue`: the words that attribute it; `local`: the
    /// speaker as one of the article's own entities (its index in the article's
    /// `DocEntities`) and `mention` that entity's first mention (what finds its corpus
    /// entity); `described`: the words that describe a speaker who is no entity.
    pub fn new(
        range: Range<u32>,
        kind: QuoteKind,
        cue: Option<(u32, u32)>,
        local: Option<u32>,
        mention: Option<(u32, u32)>,
        described: Option<String>,
        confidence: u8,
    ) -> ArticleQuote {
        ArticleQuote {
            start: range.start,
            end: range.end,
            kind,
            cue: pair(cue),
            local: local.unwrap_or(NONE),
            mention: pair(mention),
            described: described.map(Box::new),
            confidence,
        }
    }

    /// The quoted words' bytes.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The words that attribute it (« a déclaré », "said"), when there are.
    pub fn cue(&self) -> Option<(u32, u32)> {
        unpair(self.cue)
    }

    /// The speaker as one of the article's own entities (its index in the article's
    /// `DocEntities`), when it is one.
    pub fn local(&self) -> Option<u32> {
        (self.local != NONE).then_some(self.local)
    }

    /// That entity's first mention in the article: what finds its corpus entity.
    pub fn mention(&self) -> Option<(u32, u32)> {
        unpair(self.mention)
    }

    /// The words that describe a speaker who is no entity (« de nombreux habitants »).
    pub fn described(&self) -> Option<&str> {
        self.described.as_deref().map(String::as_str)
    }

    fn of(q: Quote, firsts: &[Option<(u32, u32)>]) -> ArticleQuote {
        let local = q.speaker.as_ref().and_then(|s| s.entity);
        let mention = local.and_then(|l| firsts.get(l as usize).copied().flatten());
        let described = q.speaker.filter(|s| s.entity.is_none()).map(|s| s.name);
        ArticleQuote::new(
            q.start..q.end,
            q.kind,
            q.cue.map(|c| (c.start, c.end)),
            local,
            mention,
            described,
            q.confidence,
        )
    }
}

/// The paragraphs quotations are looked for in: what entities are (code, tables and rules left
/// out), as `liseuse quotes` reads them.
pub fn paragraphs(doc: &Document) -> Vec<Range<usize>> {
    doc.paragraphs
        .iter()
        .filter(|p| {
            !matches!(
                p.kind,
                ParaKind::Code | ParaKind::Table | ParaKind::Separator
            )
        })
        .map(|p| p.range.clone())
        .collect()
}

/// The quotations of a document whose entity text is `text` and entities `ents`, with the
/// entity stage's tokens when it kept them (the text is not tokenised again).
pub fn find(
    doc: &Document,
    text: &str,
    ents: &DocEntities,
    tokens: Option<&[Token]>,
) -> Vec<ArticleQuote> {
    let paragraphs = paragraphs(doc);
    let found = match tokens {
        Some(t) => quote::find_in_tokens(text, ents, &paragraphs, t),
        None => quote::find_in(text, ents, &paragraphs),
    };
    let mut firsts = vec![None; ents.entities.len()];
    for m in &ents.mentions {
        if let Some(f) = firsts.get_mut(m.local() as usize)
            && f.is_none()
        {
            *f = Some((m.start, m.end));
        }
    }
    found
        .into_iter()
        .map(|q| ArticleQuote::of(q, &firsts))
        .collect()
}

/// The section a cache body keeps them in, for an article whose entities are `ents`.
pub fn encode(quotes: &[ArticleQuote], ents: &DocEntities) -> (String, Vec<u8>) {
    (SECTION.to_string(), wire::put(quotes, ents))
}

/// An article's quotations from its cache body's sections, with its entities (`None` when it
/// holds none or they cannot be read: the article was cached before quotations were).
pub fn decode(sections: &[(String, Vec<u8>)], ents: &DocEntities) -> Option<Vec<ArticleQuote>> {
    let (_, bytes) = sections.iter().find(|(name, _)| name == SECTION)?;
    wire::take(bytes, ents)
}

#[cfg(test)]
mod tests {
    use super::*;
    use liseuse_entity::{EntityId, EntityIndex};

    /// Hossein Salami, as an index of the seed article names him.
    fn salami_in(index: &EntityIndex) -> EntityId {
        index
            .entities()
            .iter()
            .position(|e| e.name().contains("Salami"))
            .map(|i| EntityId(i as u32))
            .unwrap()
    }

    #[test]
    fn an_articles_quotations_go_through_its_cache_section_and_find_their_speaker() {
        let text = "Titre\n\nHossein Salami a déclaré : « Nous répondrons fermement à toute attaque. »\n\n\
                    « Ce n'est pas fini », a ajouté de nombreux habitants.\n";
        let doc = Document::from_text("a.txt", text.into());
        let et = doc.entity_text();
        let (ents, tokens) = liseuse_entity::analyse_meta_tokens(&et, &doc.meta);
        let quotes = find(&doc, &et, &ents, Some(&tokens));
        assert!(!quotes.is_empty(), "no quotation found");
        // the tokens change nothing
        assert_eq!(find(&doc, &et, &ents, None), quotes);
        let (name, bytes) = encode(&quotes, &ents);
        let sections = vec![("other".to_string(), vec![9]), (name, bytes)];
        assert_eq!(decode(&sections, &ents), Some(quotes.clone()));
        assert_eq!(decode(&sections[..1], &ents), None);
        // through a whole cache body too
        let body = crate::cache::Body {
            entities: ents.clone(),
            sections,
        };
        let head = crate::cache::record::Head {
            path: "a.txt".into(),
            stamp: crate::cache::Stamp::default(),
            hash: "h".into(),
            meta: crate::cache::ArticleMeta::default(),
            body: (0, 0),
        };
        let (h, b) = crate::cache::record::encode(&[(head, body)]).unwrap();
        let b = crate::cache::record::unpack(&b).unwrap();
        let at = crate::cache::record::decode_heads(&h).unwrap()[0].body;
        let back = crate::cache::record::decode_body(&b, at).unwrap();
        assert_eq!(decode(&back.sections, &back.entities), Some(quotes.clone()));

        let index = EntityIndex::build(std::slice::from_ref(&ents));
        let lq = LibraryQuotes::build(&index, vec![quotes.clone().into()]);
        let salami = salami_in(&index);
        let said = lq.of_entity(salami);
        assert!(!said.is_empty(), "{quotes:?}");
        let in_one: Vec<(u32, u32)> = said.to_vec();
        let (d, k) = said.get(0).unwrap();
        let q = lq.get(d as usize, k as usize).unwrap();
        assert!(text[q.range()].starts_with("Nous répondrons"), "{q:?}");
        assert_eq!(lq.len(), quotes.len());

        // Among articles without quotations: each found in its own article, at its own place.
        let none = liseuse_entity::DocEntities::default();
        let docs = [none.clone(), ents.clone(), none, ents];
        let index = EntityIndex::build(&docs);
        let packed = |q: &[ArticleQuote]| Quotations::from(q.to_vec());
        let lq = LibraryQuotes::build(
            &index,
            vec![packed(&[]), packed(&quotes), packed(&[]), packed(&quotes)],
        );
        let salami = salami_in(&index);
        let want: Vec<(u32, u32)> = [1, 3]
            .iter()
            .flat_map(|&d| in_one.iter().map(move |&(_, k)| (d, k)))
            .collect();
        assert_eq!(lq.of_entity(salami).to_vec(), want);
    }

    #[test]
    fn a_quotation_is_kept_in_forty_bytes() {
        assert_eq!(std::mem::size_of::<ArticleQuote>(), 40);
        let q = ArticleQuote::new(
            3..9,
            QuoteKind::Direct,
            Some((10, 12)),
            None,
            None,
            Some("des habitants".into()),
            70,
        );
        assert_eq!(
            (q.cue(), q.local(), q.mention(), q.described()),
            (Some((10, 12)), None, None, Some("des habitants"))
        );
    }
}
