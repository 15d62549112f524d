//! The embedded lists parsed into the [`Lexicon`], once (on first use of [`super::LEX`]): each word's
//! flags, the places' ids, the demonyms' stems. Apart from the lexicon's lookups, which run for every
//! word of every article, because this runs once a process.

use super::*;

static PLACES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/places.txt"
));
static GIVEN: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/given_names.txt"
));
static SURNAMES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/surnames.txt"
));
static LEXICON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/lexicon.txt"
));

fn section_flag(name: &str) -> u32 {
    match name {
        "stop" => STOP,
        "title" => TITLE,
        "org_head" => ORG_HEAD,
        "org_head_lower" => ORG_HEAD_LOWER,
        "org_before" => ORG_BEFORE,
        "org_after" => ORG_AFTER,
        "org_suffix" => ORG_SUFFIX,
        "loc_before" => LOC_BEFORE,
        "loc_prep" => LOC_PREP,
        "geo_head" => GEO_HEAD,
        "site_head" => SITE_HEAD,
        "loc_suffix" => LOC_SUFFIX,
        "particle" => PARTICLE,
        "not_org" => NOT_ORG,
        "speech" => SPEECH,
        "month" => MONTH,
        "weekday" => WEEKDAY,
        "org_of" => ORG_OF,
        "not_name" => NOT_NAME,
        "demonym" => DEMONYM,
        "per_of" => PER_OF,
        _ => 0,
    }
}

pub(super) fn build() -> Lexicon {
    let mut lex = Lexicon {
        words: FxMap::default(),
        short: FxMap::default(),
        lower_short: FxMap::default(),
        exact: FxMap::default(),
        lower: FxMap::default(),
        multi: FxMap::default(),
        place_id: FxMap::default(),
        place_fold: FxMap::default(),
        stems: FxMap::default(),
        demonym_suffixes: Vec::new(),
        demonym_suffix_set: FxMap::default(),
    };
    let mut section = "";
    let mut caps_names: Vec<&str> = Vec::new();
    for line in LEXICON.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            continue;
        }
        for word in line.split_whitespace() {
            if section == "demonym_suffix" {
                lex.demonym_suffixes.push(word.into());
            } else if section == "caps_name" {
                caps_names.push(word);
            } else {
                *lex.lower.entry(word.into()).or_insert(0) |= section_flag(section);
            }
        }
    }
    lex.demonym_suffixes
        .sort_by_key(|s| std::cmp::Reverse(s.len()));
    lex.demonym_suffixes.dedup();
    lex.demonym_suffix_set = lex
        .demonym_suffixes
        .iter()
        .map(|s| (s.clone(), ()))
        .collect();
    for (list, flag) in [(GIVEN, GIVEN_NAME), (SURNAMES, SURNAME)] {
        for line in list.lines() {
            let name = line.trim();
            if name.is_empty() || name.starts_with('#') {
                continue;
            }
            *lex.exact.entry(name.into()).or_insert(0) |= flag;
        }
    }
    for line in PLACES.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut parts = line.splitn(3, '\t');
        let (Some(kind), Some(id), Some(name)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let flag = match kind {
            "country" => COUNTRY,
            "city" => CITY,
            _ => REGION,
        };
        let words: Vec<&str> = {
            let toks = crate::text::token::tokenize(name);
            toks.iter()
                .map(|t| name.get(t.range()).unwrap_or(""))
                .collect()
        };
        let folded = fold(name);
        let id: Box<str> = if id.is_empty() {
            folded.as_str().into()
        } else {
            id.into()
        };
        lex.place_id.entry(folded.as_str().into()).or_insert(id);
        if flag & (COUNTRY | REGION) != 0 && words.len() == 1 {
            add_stems(&mut lex.stems, &folded);
        }
        match words.as_slice() {
            [] => {}
            [one] => {
                *lex.exact.entry((*one).into()).or_insert(0) |= flag;
                if let Some(k) = pack(&folded) {
                    *lex.place_fold.entry(k).or_insert(0) |= flag;
                }
            }
            [first, rest @ ..] => {
                *lex.exact.entry((*first).into()).or_insert(0) |= PLACE_PREFIX;
                lex.multi
                    .entry((*first).into())
                    .or_default()
                    .push(MultiPlace {
                        rest: rest.iter().map(|w| (*w).into()).collect(),
                    });
            }
        }
    }
    let mut words: FxMap<Box<str>, [u32; 2]> = FxMap::default();
    for (w, &f) in &lex.lower {
        let mut cap = String::with_capacity(w.len());
        let mut chars = w.chars();
        if let Some(c) = chars.next() {
            cap.extend(c.to_uppercase());
            cap.push_str(chars.as_str());
        }
        let upper = w.to_uppercase();
        // « US », « WHO »: in capitals a name, not the function word
        let upper = (!caps_names.contains(&&**w)).then_some(upper);
        for form in [Some(w.to_string()), Some(cap), upper]
            .into_iter()
            .flatten()
        {
            words.entry(form.into()).or_insert([0, 0])[1] |= f;
        }
    }
    for (w, &f) in &lex.exact {
        words.entry(w.clone()).or_insert([0, 0])[0] |= f;
    }
    lex.short = words
        .iter()
        .filter_map(|(w, &f)| pack(w).map(|k| (k, f)))
        .collect();
    lex.lower_short = lex
        .lower
        .iter()
        .filter_map(|(w, &f)| pack(w).map(|k| (k, f)))
        .collect();
    lex.words = words;
    for v in lex.multi.values_mut() {
        v.sort_by_key(|m| std::cmp::Reverse(m.rest.len()));
    }
    lex
}

/// Stems a demonym may be built on: "palestine" gives "palestine" and "palestin", "amérique" gives "améric".
fn add_stems(stems: &mut FxMap<Box<str>, ()>, folded: &str) {
    if folded.chars().count() < 4 {
        return;
    }
    stems.insert(folded.into(), ());
    for (end, with) in [
        ("que", "c"),
        ("ie", ""),
        ("e", ""),
        ("a", ""),
        ("o", ""),
        ("y", ""),
    ] {
        if let Some(s) = folded.strip_suffix(end)
            && s.chars().count() >= 3
        {
            stems.insert(format!("{s}{with}").into(), ());
        }
    }
}
