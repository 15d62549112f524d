//! Training articles made over, deterministically, into text the tagger would not otherwise see: transcripts
//! and lists of candidates write names in capitals (« Jean-Luc MÉLENCHON », « M. DUPONT : … », « EMMANUEL
//! MACRON. – … »), which WiNER's Wikinews articles never do. A copy of an article either has the surname of each
//! person named in full in capitals, or speaker lines: a person of the article, in capitals, opening some of
//! its lines. The copy keeps its gold rows (moved where text was inserted).

use liseuse_entity::score::Gold;

use crate::Doc;

/// `s` in capitals when each of its characters has a one-character capital (so that character offsets stay).
fn upper_same(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mut u = c.to_uppercase();
        let first = u.next()?;
        if u.next().is_some() {
            return None;
        }
        out.push(first);
    }
    Some(out)
}

/// The people named in full (two words or more) of an article, by their gold rows.
fn full_names(d: &Doc) -> impl Iterator<Item = &Gold> {
    d.gold
        .iter()
        .filter(|g| g.label == "PER" && !g.optional && g.text.split_whitespace().count() >= 2)
}

/// The article with the surname (last word) of each person named in full in capitals; `None` when it names
/// none.
pub fn surnames_in_capitals(d: &Doc) -> Option<Doc> {
    let mut chars: Vec<char> = d.text.chars().collect();
    let mut changed = false;
    for g in full_names(d) {
        let Some(span) = chars.get(g.start..g.end) else {
            continue;
        };
        let last = span
            .iter()
            .rposition(|c| c.is_whitespace())
            .map_or(0, |p| p + 1);
        let word: String = span.get(last..).unwrap_or_default().iter().collect();
        let Some(up) = upper_same(&word) else {
            continue;
        };
        for (slot, c) in chars.iter_mut().skip(g.start + last).zip(up.chars()) {
            *slot = c;
        }
        changed = true;
    }
    if !changed {
        return None;
    }
    let text: String = chars.iter().collect();
    let gold = d
        .gold
        .iter()
        .map(|g| Gold {
            text: chars
                .get(g.start..g.end)
                .unwrap_or_default()
                .iter()
                .collect(),
            ..g.clone()
        })
        .collect();
    Some(Doc {
        name: format!("{} (surnames in capitals)", d.name),
        text,
        gold,
        ours: d.ours,
    })
}

/// The article with one line in three, after the title, opened by a speaker of the article in capitals:
/// « PRÉNOM NOM. – » and « M. NOM : » in turn. `None` when it names no one in full.
pub fn speaker_lines(d: &Doc) -> Option<Doc> {
    let mut names: Vec<&str> = Vec::new();
    for g in full_names(d) {
        if !names.contains(&g.text.as_str()) {
            names.push(&g.text);
        }
    }
    if names.is_empty() {
        return None;
    }
    let mut text = String::with_capacity(d.text.len() + 256);
    // (character offset in the original, characters inserted there), and the speakers' gold rows
    let mut inserted: Vec<(usize, usize)> = Vec::new();
    let mut speakers: Vec<Gold> = Vec::new();
    let mut at = 0; // characters of the original read
    let mut out_at = 0; // characters written
    let mut k = 0;
    for (li, line) in d.text.split_inclusive('\n').enumerate() {
        let speaker = names.get(k % names.len()).and_then(|n| upper_same(n));
        if li % 3 == 1
            && !line.trim().is_empty()
            && let Some(name) = speaker
        {
            let surname = name.split_whitespace().last().unwrap_or(&name).to_string();
            let (prefix, start, who) = if k % 2 == 0 {
                (format!("{name}. – "), 0, name)
            } else {
                (format!("M. {surname} : "), 3, surname)
            };
            let who_chars = who.chars().count();
            speakers.push(Gold {
                doc: d.name.clone(),
                start: out_at + start,
                end: out_at + start + who_chars,
                text: who,
                label: "PER".into(),
                id: String::new(),
                optional: false,
                alt: Vec::new(),
            });
            let n = prefix.chars().count();
            text.push_str(&prefix);
            inserted.push((at, n));
            out_at += n;
            k += 1;
        }
        text.push_str(line);
        let n = line.chars().count();
        at += n;
        out_at += n;
    }
    let shift = |c: usize| -> usize {
        c + inserted
            .iter()
            .filter(|&&(p, _)| p <= c)
            .map(|&(_, n)| n)
            .sum::<usize>()
    };
    let mut gold: Vec<Gold> = d
        .gold
        .iter()
        .filter(|g| !inserted.iter().any(|&(p, _)| g.start < p && p < g.end))
        .map(|g| Gold {
            start: shift(g.start),
            end: shift(g.end),
            alt: g.alt.iter().map(|&(s, e)| (shift(s), shift(e))).collect(),
            ..g.clone()
        })
        .collect();
    gold.extend(speakers);
    gold.sort_by_key(|g| (g.start, g.end));
    Some(Doc {
        name: format!("{} (speaker lines)", d.name),
        text,
        gold,
        ours: d.ours,
    })
}

/// The made-over copies of `docs` (the articles trained on): every `every`-th has its surnames in capitals,
/// the next one speaker lines; `every` 0 makes none.
pub fn copies(docs: &[&Doc], every: usize) -> Vec<Doc> {
    if every == 0 {
        return Vec::new();
    }
    docs.iter()
        .enumerate()
        .filter_map(|(i, d)| match i % every {
            0 => surnames_in_capitals(d),
            1 => speaker_lines(d),
            _ => None,
        })
        .collect()
}
