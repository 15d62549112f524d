//! The word lists of the quotation stage (`assets/quotes_fr.txt`, `assets/quotes_en.txt`), embedded and parsed
//! once: every form of a speech verb, the nouns of roles, bodies and descriptions, and the function words the
//! stage reads a clause by. A word's entry is a set of bits ([`W`]), looked up by its folded form (lower case,
//! no accents), so that « Déclare » and « déclaré » are one lookup each.

use std::sync::LazyLock;

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
    short: FxMap<u128, u32>,
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
        self.short.get(&key).copied().unwrap_or(0)
    }

    fn add(&mut self, word: &str, bits: u32) {
        let lower = word.to_lowercase().replace('’', "'");
        if lower.is_empty() {
            return;
        }
        *self
            .folded
            .entry(fold(&lower).into_boxed_str())
            .or_insert(0) |= bits;
        *self.words.entry(lower.into_boxed_str()).or_insert(0) |= bits;
    }

    /// Adds the folded forms that are no word of their own (« declare » for « déclare » and « déclaré »; not
    /// « a » for « à »).
    fn finish(&mut self) {
        for (k, v) in std::mem::take(&mut self.folded) {
            self.words.entry(k).or_insert(v);
        }
        self.short = self
            .words
            .iter()
            .filter_map(|(k, &v)| pack(k).map(|p| (p, v)))
            .collect();
        self.longest = self.words.keys().map(|k| k.len()).max().unwrap_or(0);
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
        short: FxMap::default(),
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
        if let Some((inf, forms)) = line.split_once(':') {
            let (inf, refl) = reflexive(inf.trim());
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
        let mut words = line.split_whitespace().peekable();
        while let Some(w) = words.next() {
            // « se féliciter », « s'exclamer »: the verb is the word after the pronoun
            let (verb, refl) = if w == "se" {
                (words.next().unwrap_or(""), true)
            } else {
                reflexive(w)
            };
            let extra = if refl { W::REFLEXIVE } else { 0 };
            for (form, f) in forms_of(verb, lang) {
                lex.add(&form, bits | extra | f);
            }
        }
    }
    lex.finish();
    lex
}

/// « s'exclamer » → (« exclamer », true).
fn reflexive(w: &str) -> (&str, bool) {
    match w.strip_prefix("s'").or_else(|| w.strip_prefix("s’")) {
        Some(v) => (v, true),
        None => (w, false),
    }
}

/// The kind of a listed form of an irregular verb.
fn listed_form(f: &str, lang: Lang) -> u32 {
    let f = fold(f);
    match lang {
        Lang::Fr if f.ends_with("ant") => W::PRESP,
        Lang::En if f.ends_with("ing") => W::PRESP,
        _ => W::FIN | W::PP,
    }
}

/// Every form of a regular verb with its kind.
fn forms_of(inf: &str, lang: Lang) -> Vec<(String, u32)> {
    let mut out = vec![(inf.to_string(), W::INF)];
    match lang {
        Lang::Fr => french_forms(inf, &mut out),
        Lang::En => english_forms(inf, &mut out),
    }
    out
}

fn french_forms(inf: &str, out: &mut Vec<(String, u32)>) {
    let fin = W::FIN;
    let pp = W::PP;
    if let Some(stem) = inf.strip_suffix("er") {
        // before a or o: « jugeant », « annonçait »
        let soft = if let Some(s) = stem.strip_suffix('g') {
            format!("{s}ge")
        } else if let Some(s) = stem.strip_suffix('c') {
            format!("{s}ç")
        } else {
            stem.to_string()
        };
        // « répéter » → « répète »: the last é becomes è before a silent ending
        let grave = stem
            .char_indices()
            .rev()
            .find(|&(_, c)| matches!(c, 'a' | 'e' | 'é' | 'i' | 'o' | 'u'))
            .filter(|&(_, c)| c == 'é')
            .and_then(|(i, _)| {
                Some(format!(
                    "{}è{}",
                    stem.get(..i)?,
                    stem.get(i + 'é'.len_utf8()..)?
                ))
            });
        for s in [Some(stem.to_string()), grave].into_iter().flatten() {
            for e in ["e", "ent", "era", "eront", "erait", "eraient"] {
                out.push((format!("{s}{e}"), fin));
            }
        }
        for e in ["ait", "aient", "a", "ant"] {
            let f = if e == "ant" { W::PRESP } else { fin };
            out.push((format!("{soft}{e}"), f));
        }
        out.push((format!("{stem}èrent"), fin));
        for e in ["é", "ée", "és", "ées"] {
            out.push((format!("{stem}{e}"), pp));
        }
    } else if let Some(stem) = inf.strip_suffix("ir") {
        for e in [
            "it", "issent", "issait", "issaient", "irent", "ira", "irait",
        ] {
            out.push((format!("{stem}{e}"), fin));
        }
        for e in ["i", "ie", "ies"] {
            out.push((format!("{stem}{e}"), pp));
        }
        out.push((format!("{stem}issant"), W::PRESP));
    }
}

fn english_forms(base: &str, out: &mut Vec<(String, u32)>) {
    out.push((base.to_string(), W::FIN | W::INF));
    let consonant_y = base.ends_with('y')
        && !base
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'));
    let stem_y = base.strip_suffix('y').unwrap_or(base);
    let s = if consonant_y {
        format!("{stem_y}ies")
    } else if ["s", "sh", "ch", "x", "z"]
        .iter()
        .any(|e| base.ends_with(e))
    {
        format!("{base}es")
    } else {
        format!("{base}s")
    };
    out.push((s, W::FIN));
    let ed = if consonant_y {
        format!("{stem_y}ied")
    } else if base.ends_with('e') {
        format!("{base}d")
    } else {
        format!("{base}ed")
    };
    out.push((ed, W::FIN | W::PP));
    let ing = match base.strip_suffix('e') {
        Some(s) if !base.ends_with("ee") => format!("{s}ing"),
        _ => format!("{base}ing"),
    };
    out.push((ing, W::PRESP));
}

/// A word of five ASCII letters or less as an integer, its bytes in order.
const fn key(w: &str) -> u64 {
    let mut b = w.as_bytes();
    let mut k = 0u64;
    while let [first, rest @ ..] = b {
        k = (k << 8) | *first as u64;
        b = rest;
    }
    k
}

/// The language of a text, from its commonest function words: read until one language leads by eight of them,
/// in the first kilobyte at most; ASCII words only, each packed in an integer as it is read.
pub fn detect(text: &str) -> Lang {
    const LE: u64 = key("le");
    const LA: u64 = key("la");
    const LES: u64 = key("les");
    const DES: u64 = key("des");
    const DU: u64 = key("du");
    const ET: u64 = key("et");
    const UNE: u64 = key("une");
    const EST: u64 = key("est");
    const DANS: u64 = key("dans");
    const QUE: u64 = key("que");
    const QUI: u64 = key("qui");
    const POUR: u64 = key("pour");
    const SUR: u64 = key("sur");
    const AU: u64 = key("au");
    const AUX: u64 = key("aux");
    const IL: u64 = key("il");
    const ELLE: u64 = key("elle");
    const ONT: u64 = key("ont");
    const PAS: u64 = key("pas");
    const THE: u64 = key("the");
    const AND: u64 = key("and");
    const OF: u64 = key("of");
    const TO: u64 = key("to");
    const IS: u64 = key("is");
    const WAS: u64 = key("was");
    const THAT: u64 = key("that");
    const WITH: u64 = key("with");
    const FOR: u64 = key("for");
    const ON: u64 = key("on");
    const HE: u64 = key("he");
    const SHE: u64 = key("she");
    const IT: u64 = key("it");
    const ARE: u64 = key("are");
    const BY: u64 = key("by");
    const HAS: u64 = key("has");
    const HIS: u64 = key("his");
    const HER: u64 = key("her");
    const FROM: u64 = key("from");
    const SAID: u64 = key("said");
    const WILL: u64 = key("will");
    const WE: u64 = key("we");
    const THIS: u64 = key("this");
    const THEY: u64 = key("they");
    const WOULD: u64 = key("would");
    const PAR: u64 = key("par");
    const AVEC: u64 = key("avec");
    const SONT: u64 = key("sont");
    const NOUS: u64 = key("nous");
    const CETTE: u64 = key("cette");
    let head = text
        .as_bytes()
        .get(..text.len().min(1024))
        .unwrap_or_default();
    let (mut fr, mut en) = (0u32, 0u32);
    let (mut word, mut len) = (0u64, 0usize);
    // a word ends at any byte that is no ASCII letter; one longer than 5 letters counts for neither
    for &b in head.iter().chain(std::iter::once(&b' ')) {
        if b.is_ascii_alphabetic() {
            word = (word << 8) | u64::from(b.to_ascii_lowercase());
            len += 1;
            continue;
        }
        if len <= 5 {
            match word {
                LE | LA | LES | DES | DU | ET | UNE | EST | DANS | QUE | QUI | POUR | SUR | AU
                | AUX | IL | ELLE | ONT | PAS | PAR | AVEC | SONT | NOUS | CETTE => fr += 1,
                THE | AND | OF | TO | IS | WAS | THAT | WITH | FOR | ON | HE | SHE | IT | ARE
                | BY | HAS | HIS | HER | FROM | SAID | WILL | WE | THIS | THEY | WOULD => en += 1,
                _ => {}
            }
        }
        word = 0;
        len = 0;
        // decided: no need to read on
        if fr.abs_diff(en) >= 8 {
            break;
        }
    }
    if en > fr { Lang::En } else { Lang::Fr }
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
