//! The word lists of the quotation stage (`assets/quotes_fr.txt`, `assets/quotes_en.txt`), embedded and parsed
//! once: every form of a speech verb, the nouns of roles, bodies and descriptions, and the function words the
//! stage reads a clause by. A word's entry is a set of bits ([`W`]), looked up by its folded form (lower case,
//! no accents), so that « Déclare » and « déclaré » are one lookup each.

mod detect;
mod forms;

use std::sync::LazyLock;

pub use detect::detect;
use forms::{add_regular, listed_form, reflexive};

use crate::text::fold::{FxMap, fold, pack};

static FR: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/quotes_fr.txt"
));
static EN: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/quotes_en.txt"
));

/// What a word is to the quotation stage: bits, so that a word may be several things (« juge »: a verb and a
/// role).
pub struct W;

impl W {
    /// A speech or opinion verb that reports a clause or a quotation.
    pub const SAY: u32 = 1;
    /// Its infinitive complement is a report (« ont déclaré avoir abattu »).
    pub const SAY_INF: u32 = 1 << 1;
    /// Introduces a quotation only (« a poursuivi : « … » »).
    pub const QUOTE_ONLY: u32 = 1 << 2;
    /// Its quoted object is the subject's words (« a qualifié X de « … » »).
    pub const NAME: u32 = 1 << 3;
    /// A statement (« déclaration », « communiqué », « statement »).
    pub const NOUN: u32 = 1 << 4;
    /// A preposition that gives a source (« selon », « d'après », « according »).
    pub const ACCORDING: u32 = 1 << 5;
    pub const PRON_SING: u32 = 1 << 6;
    pub const PRON_PLUR: u32 = 1 << 7;
    pub const ROLE_PER: u32 = 1 << 8;
    pub const ROLE_ORG: u32 = 1 << 9;
    pub const DESC: u32 = 1 << 10;
    /// A statement whose author follows with « de » / « of ».
    pub const STATEMENT_OF: u32 = 1 << 11;
    pub const DET: u32 = 1 << 12;
    pub const PREP: u32 = 1 << 13;
    pub const CONJ: u32 = 1 << 14;
    pub const SUB: u32 = 1 << 15;
    pub const AUX: u32 = 1 << 16;
    pub const CLITIC: u32 = 1 << 17;
    pub const ADVERB: u32 = 1 << 18;
    pub const CONNECTIVE: u32 = 1 << 19;
    pub const STOP_CLAUSE: u32 = 1 << 20;
    /// A verb listed reflexive (« s'exclamer »): a cue after « se ».
    pub const REFLEXIVE: u32 = 1 << 21;
    /// Set on a token, not in the lists: an inverted verb with its subject pronoun (« a-t-il », « dit-elle »).
    pub const INVERTED: u32 = 1 << 22;
    /// The inverted pronoun is plural (« ont-ils »).
    pub const INV_PLUR: u32 = 1 << 23;
    /// A finite form (« déclare », « a » of « a déclaré » is AUX).
    pub const FIN: u32 = 1 << 24;
    /// A past participle (« déclaré »).
    pub const PP: u32 = 1 << 25;
    /// A present participle (« déclarant », « saying »).
    pub const PRESP: u32 = 1 << 26;
    /// An infinitive (« déclarer », « say »).
    pub const INF: u32 = 1 << 27;
    /// A noun that announces a title or a term (« la sculpture « … » », « the text "…" »).
    pub const TITLE: u32 = 1 << 28;

    /// A verb that may introduce speech.
    pub const CUE_VERB: u32 = W::SAY | W::QUOTE_ONLY | W::NAME;
    pub const FORMS: u32 = W::FIN | W::PP | W::PRESP | W::INF;
    /// Words that are never part of a noun phrase's head.
    pub const FUNCTION: u32 = W::DET
        | W::PREP
        | W::CONJ
        | W::SUB
        | W::AUX
        | W::CLITIC
        | W::PRON_SING
        | W::PRON_PLUR
        | W::ACCORDING;
}

/// The language a text is read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

pub struct Lexicon {
    pub lang: Lang,
    /// By lower case, accents kept: « déclaré » (a participle) is not « déclare » (a finite verb); and by
    /// folded form where no word is written so, for a text written without accents (« declare »).
    words: FxMap<Box<str>, u32>,
    /// The same for keys of 15 bytes or less, packed in an integer (`fold::pack`): no string to hash or compare.
    short: Packed,
    /// The longest key, in bytes: a longer word is none of the lists' (no lookup).
    pub longest: usize,
    /// While parsing: the folded forms, merged into `words` at the end.
    folded: FxMap<Box<str>, u32>,
}

impl Lexicon {
    /// The bits of a lower-case word (0 when it is none of the lists'). One lookup.
    #[inline]
    pub fn get(&self, lower: &str) -> u32 {
        if lower.len() > self.longest {
            return 0;
        }
        match pack(lower) {
            Some(k) => self.get_packed(k),
            None => self.words.get(lower).copied().unwrap_or(0),
        }
    }

    /// [`Lexicon::get`] of a word packed by `fold::pack` or `fold::pack_in`.
    #[inline]
    pub fn get_packed(&self, key: u128) -> u32 {
        self.short.get(key)
    }

    fn add(&mut self, word: &str, bits: u32) {
        // the lists are written in lower case: a word is copied only to be lowered; an ASCII word is its own
        // folded form, a word already (`finish` would not add it again), so only the others are folded (the
        // parse runs once a process, inside the first article's stage)
        let lower = if word.chars().any(|c| c.is_uppercase() || c == '’') {
            std::borrow::Cow::Owned(word.to_lowercase().replace('’', "'"))
        } else {
            std::borrow::Cow::Borrowed(word)
        };
        if lower.is_empty() {
            return;
        }
        if !lower.is_ascii() {
            *self
                .folded
                .entry(fold(&lower).into_boxed_str())
                .or_insert(0) |= bits;
        }
        match self.words.get_mut(&*lower) {
            Some(b) => *b |= bits,
            None => {
                self.words.insert(lower.into_owned().into_boxed_str(), bits);
            }
        }
    }

    /// Adds the folded forms that are no word of their own (« declare » for « déclare » and « déclaré »; not
    /// « a » for « à »).
    fn finish(&mut self) {
        for (k, v) in std::mem::take(&mut self.folded) {
            self.words.entry(k).or_insert(v);
        }
        self.short = Packed::new(
            self.words
                .iter()
                .filter_map(|(k, &v)| pack(k).map(|p| (p, v))),
        );
        self.longest = self.words.keys().map(|k| k.len()).max().unwrap_or(0);
    }
}

/// Every word of the text is looked up: an open-addressing table of packed keys, a quarter full, so that a
/// lookup is one multiplication and most often one comparison (a word of no list meets an empty slot at once).
#[derive(Default)]
struct Packed {
    /// `keys.len() - 1` (a power of two minus one).
    mask: usize,
    shift: u32,
    /// Each slot's key and bits side by side (one bounds check, one cache line); a key of 0: an empty slot (a
    /// packed word is never 0: its length is in its last byte).
    slots: Vec<(u128, u32)>,
}

impl Packed {
    fn new(entries: impl Iterator<Item = (u128, u32)>) -> Packed {
        let entries: Vec<(u128, u32)> = entries.collect();
        let size = (entries.len() * 4).next_power_of_two().max(16);
        let mut t = Packed {
            mask: size - 1,
            shift: 64 - size.trailing_zeros(),
            slots: vec![(0, 0); size],
        };
        for (k, v) in entries {
            let mut i = t.slot(k);
            while t.slots.get(i).is_some_and(|&(x, _)| x != 0 && x != k) {
                i = (i + 1) & t.mask;
            }
            if let Some((key, b)) = t.slots.get_mut(i) {
                *key = k;
                *b |= v;
            }
        }
        t
    }

    #[inline]
    fn slot(&self, k: u128) -> usize {
        let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
        (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    #[inline]
    fn get(&self, k: u128) -> u32 {
        let mut i = self.slot(k);
        loop {
            match self.slots.get(i) {
                Some(&(x, b)) if x == k => return b,
                Some(&(0, _)) | None => return 0,
                Some(_) => i = (i + 1) & self.mask,
            }
        }
    }
}

static LEX_FR: LazyLock<Lexicon> = LazyLock::new(|| parse(FR, Lang::Fr));
static LEX_EN: LazyLock<Lexicon> = LazyLock::new(|| parse(EN, Lang::En));

pub fn lexicon(lang: Lang) -> &'static Lexicon {
    match lang {
        Lang::Fr => &LEX_FR,
        Lang::En => &LEX_EN,
    }
}

fn section_bits(name: &str) -> u32 {
    match name {
        "say" => W::SAY,
        "say_inf" => W::SAY_INF,
        "quote_only" => W::QUOTE_ONLY,
        "name" => W::NAME,
        "noun" => W::NOUN,
        "according" => W::ACCORDING,
        "pronoun_sing" => W::PRON_SING,
        "pronoun_plur" => W::PRON_PLUR,
        "role_per" => W::ROLE_PER,
        "role_org" => W::ROLE_ORG,
        "desc" => W::DESC,
        "statement_of" => W::STATEMENT_OF,
        "det" => W::DET,
        "prep" => W::PREP,
        "conj" => W::CONJ,
        "sub" => W::SUB,
        "aux" => W::AUX,
        "clitic" => W::CLITIC,
        "adverb" => W::ADVERB,
        "connective" => W::CONNECTIVE,
        "stop_clause" => W::STOP_CLAUSE,
        "title" => W::TITLE,
        _ => 0,
    }
}

/// Sections whose entries are verbs: their forms are generated or listed.
fn is_verb_section(bits: u32) -> bool {
    bits & (W::SAY | W::SAY_INF | W::QUOTE_ONLY | W::NAME) != 0
}

fn parse(src: &str, lang: Lang) -> Lexicon {
    let mut lex = Lexicon {
        lang,
        words: FxMap::default(),
        short: Packed::default(),
        longest: 0,
        folded: FxMap::default(),
    };
    let mut bits = 0;
    for line in src.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            bits = section_bits(name);
            continue;
        }
        if !is_verb_section(bits) {
            for w in line.split_whitespace() {
                lex.add(w, bits);
            }
            continue;
        }
        // A verb line: `infinitive: forms…` (one verb), or several regular infinitives.
        if let Some((head, forms)) = line.split_once(':') {
            // regular infinitives written before the irregular one on its line (« qualifier … dépeindre:
            // dépeint … »): each is a verb of its own, not a part of the irregular one's name
            // (« se plaindre: »: a reflexive verb, whose forms are read after « se »)
            let (inf, refl) = match head.trim().rsplit_once(char::is_whitespace) {
                Some((lead, last)) if lead.trim() == "se" => (last, true),
                Some((lead, last)) => {
                    add_regular(&mut lex, lead, bits, lang);
                    reflexive(last)
                }
                None => reflexive(head.trim()),
            };
            let extra = if refl { W::REFLEXIVE } else { 0 };
            // an English base form is also the present (« they say »)
            let base = if lang == Lang::En {
                W::INF | W::FIN
            } else {
                W::INF
            };
            lex.add(inf, bits | extra | base);
            for f in forms.split_whitespace() {
                lex.add(f, bits | extra | listed_form(f, lang));
            }
            continue;
        }
        add_regular(&mut lex, line, bits, lang);
    }
    lex.finish();
    lex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_forms_are_generated_and_listed() {
        let l = lexicon(Lang::Fr);
        for w in [
            "déclare",
            "déclarent",
            "déclarée",
            "déclarait",
            "déclara",
            "déclarant",
            "annonçait",
            "jugeant",
        ] {
            assert!(l.get(w) & W::SAY != 0, "{w}");
        }
        assert!(l.get("répète") & W::FIN != 0);
        assert!(l.get("déclarant") & W::PRESP != 0);
        assert_eq!(l.get("déclaré") & W::FORMS, W::PP);
        assert_eq!(l.get("déclare") & W::FORMS, W::FIN);
        assert_eq!(l.get("declare") & W::FORMS, W::FIN | W::PP);
        assert_eq!(l.get("a"), W::AUX);
        assert_eq!(l.get("dit") & (W::FIN | W::PP), W::FIN | W::PP);
        assert!(l.get("écrivit") & W::SAY != 0);
        assert!(l.get("renchérit") & W::SAY != 0);
        assert!(l.get("exclame") & W::REFLEXIVE != 0);
        // regular verbs written before an irregular one on its line are verbs of their own, and « se X: » is X
        assert!(l.get("qualifié") & W::NAME != 0);
        assert!(l.get("traitait") & W::NAME != 0);
        assert!(l.get("dépeint") & W::NAME != 0);
        assert!(l.get("plaint") & (W::SAY | W::REFLEXIVE) == W::SAY | W::REFLEXIVE);
        assert!(l.get("selon") & W::ACCORDING != 0);
        assert!(l.get("ministère") & W::ROLE_ORG != 0);
        assert_eq!(l.get("maison"), 0);
    }

    #[test]
    fn english_forms_are_generated() {
        let l = lexicon(Lang::En);
        for w in [
            "said", "says", "claimed", "denies", "denied", "stating", "told", "wrote", "argues",
        ] {
            assert!(l.get(w) & W::SAY != 0, "{w}");
        }
        assert!(l.get("according") & W::ACCORDING != 0);
        assert!(l.get("say") & W::FIN != 0, "they say");
        assert!(l.get("officials") & W::DESC != 0);
    }

    #[test]
    fn languages_are_told_apart() {
        assert_eq!(
            detect("Le président a déclaré que la guerre est finie."),
            Lang::Fr
        );
        assert_eq!(
            detect("The president said that the war is over and he was right."),
            Lang::En
        );
    }
}
