//! A speech verb's forms from its infinitive (French regular verbs in -er and -ir) or base form (English), and
//! the kind of each form listed for an irregular verb.

use super::{Lang, Lexicon, W};
use crate::text::fold::fold;

/// « s'exclamer » → (« exclamer », true).
pub(super) fn reflexive(w: &str) -> (&str, bool) {
    match w.strip_prefix("s'").or_else(|| w.strip_prefix("s’")) {
        Some(v) => (v, true),
        None => (w, false),
    }
}

/// The kind of a listed form of an irregular verb.
pub(super) fn listed_form(f: &str, lang: Lang) -> u32 {
    let folded = fold(f);
    match lang {
        Lang::Fr if folded.ends_with("ant") => W::PRESP,
        // « jugé », « jugée », « reconnues », « admise », « écrite »: a participle's forms are no finite verb
        // (« dit », « écrit », « dites » are both)
        Lang::Fr
            if [
                "é", "ée", "és", "ées", "ie", "ies", "ue", "ues", "ise", "ises", "ite",
            ]
            .iter()
            .any(|e| f.ends_with(e)) =>
        {
            W::PP
        }
        Lang::En if folded.ends_with("ing") => W::PRESP,
        _ => W::FIN | W::PP,
    }
}

/// Every form of a regular verb with its kind.
pub(super) fn forms_of(inf: &str, lang: Lang) -> Vec<(String, u32)> {
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

/// Regular verbs given by their infinitives (`words`, separated by spaces), their forms generated.
pub(super) fn add_regular(lex: &mut Lexicon, words: &str, bits: u32, lang: Lang) {
    let mut words = words.split_whitespace().peekable();
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
