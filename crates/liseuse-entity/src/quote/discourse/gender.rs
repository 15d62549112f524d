//! The gender a person's name says (« Oksana Kovrijnaïa » is « elle », "John Key" is "he"): from the first name
//! (`assets/given_names_gender.txt`, by language: « Jean » is a man in French, "Jean" a woman in English) or a title
//! before it (« M. », « Mme », "Mrs"). A name the lists give both genders, or none, says nothing.

use std::sync::LazyLock;

use super::super::lexicon::Lang;
use super::super::para::Para;
use crate::LocalEntity;
use crate::text::fold::FxMap;

static NAMES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/given_names_gender.txt"
));

/// A name's [`key`] → its French gender in the low two bits, its English one in the next two (1 male, 2 female).
static GENDERS: LazyLock<FxMap<u128, u8>> = LazyLock::new(|| {
    // sized once for every line; each line « NAME F E » read from its end as bytes (its two codes are one byte
    // each): once a process, but it was a tenth of the stage's cost over a megabyte when read word by word
    let mut map = FxMap::with_capacity_and_hasher(NAMES.lines().count(), Default::default());
    let code = |g: u8| match g {
        b'm' => 1u8,
        b'f' => 2,
        _ => 0,
    };
    for line in NAMES.as_bytes().split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let [name @ .., b' ', fr, b' ', en] = line else {
            continue;
        };
        if line.first() == Some(&b'#') || name.is_empty() || name.len() > 15 {
            continue;
        }
        map.insert(key_of_bytes(name), code(*fr) | (code(*en) << 2));
    }
    map
});

/// [`key`] of a word of any length up to 15 bytes, computed at run time.
fn key_of(w: &str) -> u128 {
    key_of_bytes(w.as_bytes())
}

/// [`key_of`] of a word's bytes.
fn key_of_bytes(b: &[u8]) -> u128 {
    let mut k = (b.len() as u128) << 120;
    for (i, c) in b.iter().take(15).enumerate() {
        k |= u128::from(c.to_ascii_lowercase()) << (8 * i);
    }
    k
}

/// The gender a title before token `first` gives (« Mme Fatou Bensouda », « M. Goudet », "Mrs Smith").
pub fn of_title(p: &Para, first: usize) -> Option<bool> {
    let t = first.checked_sub(1)?;
    let t = if p.punct(t) == '.' {
        t.checked_sub(1)?
    } else {
        t
    };
    // every title opens on « m », « s » or « l »: most words before a name are ruled out before the lists
    if !p
        .tok(t)
        .is_some_and(|x| matches!(x.key as u8, b'm' | b's' | b'l' | b'M' | b'S' | b'L'))
    {
        return None;
    }
    if p.any(
        t,
        words![
            "mme",
            "mmes",
            "madame",
            "mlle",
            "mademoiselle",
            "mrs",
            "ms",
            "miss",
            "lady"
        ],
    ) {
        return Some(true);
    }
    if p.any(t, words!["m", "monsieur", "mr", "sir", "lord"]) {
        return Some(false);
    }
    None
}

/// The gender of a first name (of a hyphenated one, its first part: « Jean-Pierre »), in the text's language.
pub fn of_first_name(word: &str, lang: Lang) -> Option<bool> {
    let head = word.split('-').next().unwrap_or(word);
    if head.len() > 15 {
        return None;
    }
    let code = GENDERS.get(&key_of(head)).copied().unwrap_or(0);
    let code = match lang {
        Lang::Fr => code & 3,
        Lang::En => code >> 2,
    };
    match code {
        1 => Some(false),
        2 => Some(true),
        _ => None,
    }
}

/// The gender of a person the document names in full somewhere (« Oksana Kovrijnaïa », then « Kovrijnaïa »): the
/// first name of its variants of two words or more.
pub fn of_entity(e: &LocalEntity, lang: Lang) -> Option<bool> {
    e.variants().find_map(|v| {
        let mut words = v.split_whitespace();
        let first = words.next()?;
        words.next()?;
        of_first_name(first.trim_end_matches('.'), lang)
    })
}

/// The gender of a name the entities do not hold (« Rodrigue Martin »), written at tokens `first..end`.
pub fn of_text_name(p: &Para, first: usize, end: usize) -> Option<bool> {
    of_title(p, first).or_else(|| {
        (end > first + 1)
            .then(|| of_first_name(p.s(first), p.lang()))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::word::key;

    #[test]
    fn first_names_say_a_gender_by_language() {
        let g = |n: &str| GENDERS.get(&key_of(n)).copied().unwrap_or(0);
        assert_eq!(g("Jean") & 3, 1, "Jean is a man in French");
        assert_eq!(g("Jean") >> 2, 2, "and a woman in English");
        assert_eq!(g("Hélène") & 3, 2);
        assert_eq!(g("John") >> 2, 1);
        assert_eq!(g("Dominique") & 3, 0, "either");
        assert_eq!(key_of("Marie"), key("marie"));
    }
}
