//! The word lists of the quotation stage (`assets/quotes_fr.txt`, `assets/quotes_en.txt`), embedded and parsed
//! once: every form of a speech verb, the nouns of roles, bodies and descriptions, and the function words the
//! stage reads a clause by. A word's entry is a set of bits ([`W`]), looked up by its folded form (lower case,
//! no accents), so that « Déclare » and « déclaré » are one lookup each.

use std::sync::LazyLock;

use crate::entity::text::fold::{FxMap, fold, fold_into};

static FR: &str = include_str!("../../../assets/quotes_fr.txt");
static EN: &str = include_str!("../../../assets/quotes_en.txt");

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
    /// By lower case, accents kept: « déclaré » (a participle) is not « déclare » (a finite verb).
    words: FxMap<Box<str>, u32>,
    /// By folded form, for a text written without accents or in capitals.
    folded: FxMap<Box<str>, u32>,
}

impl Lexicon {
    /// The bits of a lower-case word (0 when it is none of the lists').
    #[inline]
    pub fn get(&self, lower: &str) -> u32 {
        self.words.get(lower).copied().unwrap_or(0)
    }

    /// The bits of a folded word.
    #[inline]
    pub fn get_folded(&self, folded: &str) -> u32 {
        self.folded.get(folded).copied().unwrap_or(0)
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
            lex.add(inf, bits | extra | W::INF);
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

/// The language of a text, from its commonest function words (the first 64 KB are enough).
pub fn detect(text: &str) -> Lang {
    let mut head = text.len().min(64 * 1024);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let (mut fr, mut en) = (0u32, 0u32);
    let mut buf = String::new();
    for w in text
        .get(..head)
        .unwrap_or_default()
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && w.len() <= 5)
    {
        buf.clear();
        fold_into(w, &mut buf);
        match buf.as_str() {
            "le" | "la" | "les" | "des" | "du" | "et" | "une" | "est" | "dans" | "que" | "qui"
            | "pour" | "sur" | "au" | "aux" | "il" | "elle" | "ont" | "pas" => fr += 1,
            "the" | "and" | "of" | "to" | "is" | "was" | "that" | "with" | "for" | "on" | "he"
            | "she" | "it" | "are" | "by" | "has" | "his" | "her" | "from" => en += 1,
            _ => {}
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
        assert_eq!(l.get_folded("declare") & W::FORMS, W::FIN | W::PP);
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
