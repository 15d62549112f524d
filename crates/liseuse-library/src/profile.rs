//! An entity's profile, for `liseuse entity NAME`: its name, label and variants, its mentions
//! and articles, the entities named beside it, its timeline, each article naming it, and what
//! it said (the quotations whose speaker it is).
//! NAME matches any variant, case and accents aside. Entities under the threshold the sidebar
//! hides them at (`min_confidence`) are neither found nor named beside another.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::calendar::When;
use crate::company;
use crate::quotes::{self, ArticleQuote};
use crate::timeline::{self, Source};
use liseuse_document::plural::counted;
use liseuse_document::search::fold_str;
use liseuse_entity::quote::QuoteKind;
use liseuse_entity::{EntityId, EntityIndex};
use serde::Serialize;
use std::ops::Range;

/// What the profile needs of each article.
pub struct ProfileDoc<'a> {
    /// The path printed for it.
    pub path: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its text (the paragraphs are ranges of it).
    pub text: &'a str,
    /// Paragraph byte ranges, in text order.
    pub paragraphs: &'a [Range<usize>],
    /// Its date and where it comes from, if it has one.
    pub date: Option<(When, Source)>,
    /// Its quotations ([`quotes::find`]), in text order.
    pub quotes: &'a [ArticleQuote],
}

/// An entity's profile, as `liseuse entity` prints it (text or JSON).
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Profile {
    /// Its name.
    pub name: String,
    /// Its label (`PER`, `ORG`, `LOC`, `DATE`).
    pub label: String,
    /// Every way it is written.
    pub variants: Vec<String>,
    /// Its mentions in all the articles.
    pub mentions: usize,
    /// How many articles name it.
    pub articles: usize,
    /// How sure the engine is of its surest mention, 0–100.
    pub confidence: u8,
    /// The entities named in the same paragraphs, the most shared first.
    pub with: Vec<WithRow>,
    /// Period (`2023-11`) and mentions, oldest first.
    pub timeline: Vec<(String, usize)>,
    /// The timeline's period: `day`, `month` or `year`.
    pub per: String,
    /// Each article naming it, in library order.
    pub in_articles: Vec<ArticleRow>,
    /// What it said: each quotation whose speaker it is, in library then text order.
    pub quotations: Vec<QuoteRow>,
}

/// A quotation of the profiled entity.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct QuoteRow {
    /// Its article's path.
    pub path: String,
    /// Its article's title.
    pub title: String,
    /// Its article's date, if it has one.
    pub date: Option<String>,
    /// `direct` or `indirect`.
    pub kind: String,
    /// Byte offsets of the quoted words in the article's rendered text.
    pub start: u32,
    /// See `start`.
    pub end: u32,
    /// The quoted words.
    pub text: String,
    /// The words that attribute it (« a déclaré », "said"), if there are.
    pub cue: Option<String>,
}

/// An entity named beside the profiled one.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct WithRow {
    /// Its name.
    pub name: String,
    /// Its label.
    pub label: String,
    /// Paragraphs naming both.
    pub passages: usize,
    /// Articles with at least one of those paragraphs.
    pub articles: usize,
}

/// An article naming the profiled entity.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct ArticleRow {
    /// Its path.
    pub path: String,
    /// Its title.
    pub title: String,
    /// The entity's mentions in it.
    pub mentions: usize,
    /// Its date (`2023-11-15`, `2023-11`, `2023`), if it has one.
    pub date: Option<String>,
    /// Where the date comes from (`date line`, `date in the text`, `file modified`).
    pub date_source: Option<String>,
}

/// The entities shown at `min_confidence` ([`liseuse_entity::Entity::shown`]: 0 for all) whose name or a
/// variant is `name`, case and accents aside (of several, the one whose own name it is, if one
/// is); failing that, those one of whose names contains it.
pub fn find(index: &EntityIndex, name: &str, min_confidence: u8) -> Vec<EntityId> {
    let needle = fold_str(name.trim());
    if needle.is_empty() {
        return Vec::new();
    }
    let names = |e: &liseuse_entity::Entity| {
        std::iter::once(e.name())
            .chain(e.variants())
            .map(fold_str)
            .collect::<Vec<_>>()
    };
    let exact: Vec<EntityId> = index
        .entities()
        .iter()
        .filter(|e| e.shown(min_confidence) && names(e).contains(&needle))
        .map(|e| e.id)
        .collect();
    // Several answer to it: the one whose own name it is, if one is.
    let named: Vec<EntityId> = exact
        .iter()
        .copied()
        .filter(|&id| {
            index
                .entity(id)
                .is_some_and(|e| fold_str(e.name()) == needle)
        })
        .collect();
    if named.len() == 1 {
        return named;
    }
    if !exact.is_empty() {
        return exact;
    }
    index
        .entities()
        .iter()
        .filter(|e| e.shown(min_confidence) && names(e).iter().any(|n| n.contains(&needle)))
        .map(|e| e.id)
        .collect()
}

/// Most companions listed.
const TOP_WITH: usize = 15;

/// The profile of entity `id` of `index` over `docs` (in the index's document order), naming
/// beside it the entities shown at `min_confidence`; `None` for an unknown id.
pub fn profile(
    index: &EntityIndex,
    docs: &[ProfileDoc],
    id: EntityId,
    min_confidence: u8,
) -> Option<Profile> {
    let e = index.entity(id)?;
    let paras = |d: usize, offset: usize| -> Option<Range<usize>> {
        let ps = docs.get(d)?.paragraphs;
        let i = ps.partition_point(|p| p.end <= offset);
        ps.get(i).cloned()
    };
    let with = company::companions(index, &paras, id)
        .into_iter()
        .filter_map(|c| {
            let other = index.entity(c.id).filter(|o| o.shown(min_confidence))?;
            Some(WithRow {
                name: other.name().to_string(),
                label: other.label.as_str().to_string(),
                passages: c.passages,
                articles: c.articles,
            })
        })
        .take(TOP_WITH)
        .collect();
    let t = timeline::timeline(index, id, |d| docs.get(d).and_then(|x| x.date));
    let per = match t.period {
        timeline::Period::Day => "day",
        timeline::Period::Month => "month",
        timeline::Period::Year => "year",
    };
    let mut in_articles: Vec<ArticleRow> = Vec::new();
    let occ = index.occurrences(id);
    let mut at = 0;
    while let Some((d, _)) = occ.get(at) {
        let run = occ.from(at).partition_point(|(x, _)| x == d).max(1);
        at += run;
        let Some(doc) = docs.get(d as usize) else {
            continue;
        };
        in_articles.push(ArticleRow {
            path: doc.path.to_string(),
            title: doc.title.to_string(),
            mentions: run,
            date: doc.date.map(|(w, _)| w.iso()),
            date_source: doc.date.map(|(_, s)| s.as_str().to_string()),
        });
    }
    let mut quotations = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for q in doc.quotes {
            if quotes::speaker_in(index, d, q) != Some(id) {
                continue;
            }
            let words = |a: u32, b: u32| doc.text.get(a as usize..b as usize).map(one_line);
            quotations.push(QuoteRow {
                path: doc.path.to_string(),
                title: doc.title.to_string(),
                date: doc.date.map(|(w, _)| w.iso()),
                kind: q.kind.as_str().to_string(),
                start: q.start,
                end: q.end,
                text: words(q.start, q.end).unwrap_or_default(),
                cue: q.cue().and_then(|(a, b)| words(a, b)),
            });
        }
    }
    Some(Profile {
        name: e.name().to_string(),
        label: e.label.as_str().to_string(),
        variants: e.variants().map(str::to_string).collect(),
        mentions: e.mentions as usize,
        articles: e.documents as usize,
        confidence: e.confidence,
        with,
        timeline: t
            .bins
            .iter()
            .map(|b| (b.label.clone(), b.mentions))
            .collect(),
        per: per.to_string(),
        in_articles,
        quotations,
    })
}

/// A text on one line, its runs of white space one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Longest excerpt of a quotation the text profile prints, in characters.
const EXCERPT: usize = 160;

/// A quotation's first [`EXCERPT`] characters, cut at a word.
fn excerpt(s: &str) -> String {
    if s.chars().count() <= EXCERPT {
        return s.to_string();
    }
    let cut: String = s.chars().take(EXCERPT).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut} …")
}

/// The profile as text, for a terminal or a pipe (the caller sanitises what it prints).
pub fn to_text(p: &Profile) -> String {
    let mut out = format!(
        "{} ({})\n{} in {}\n",
        p.name,
        p.label,
        counted(p.mentions, "mention", "mentions"),
        counted(p.articles, "article", "articles")
    );
    if p.variants.len() > 1 {
        out.push_str(&format!("also written: {}\n", p.variants.join(", ")));
    }
    if !p.with.is_empty() {
        out.push_str("\nnamed with (passages · articles):\n");
        for w in &p.with {
            out.push_str(&format!(
                "  {:<40} {:>4} · {:<4} {}\n",
                w.name, w.passages, w.articles, w.label
            ));
        }
    }
    if !p.timeline.is_empty() {
        let most = p.timeline.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
        out.push_str(&format!("\nmentions per {}:\n", p.per));
        for (label, n) in &p.timeline {
            let bar = "█".repeat((n * 40).div_ceil(most).min(40));
            out.push_str(&format!("  {label:<10} {n:>5} {bar}\n"));
        }
    }
    out.push_str("\narticles:\n");
    for a in &p.in_articles {
        let date = a.date.as_deref().unwrap_or("—");
        // A file's time is a weak date: said as such.
        let weak = match a.date_source.as_deref() {
            Some(s) if s == timeline::Source::Modified.as_str() => format!(" · date: {s}"),
            _ => String::new(),
        };
        out.push_str(&format!(
            "  {date:<10} {:>4}×  {}  ({}){weak}\n",
            a.mentions, a.title, a.path
        ));
    }
    if !p.quotations.is_empty() {
        out.push_str(&format!(
            "\nsaid ({}):\n",
            counted(p.quotations.len(), "quotation", "quotations")
        ));
        for q in &p.quotations {
            let date = q.date.as_deref().unwrap_or("—");
            // A cue that is only punctuation (the colon before the words) says nothing here.
            let cue = q
                .cue
                .as_deref()
                .filter(|c| c.chars().any(char::is_alphanumeric))
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            out.push_str(&format!("  {date:<10} {}{cue}  ({})\n", q.title, q.path));
            // Reported speech is the writer's wording: in quotation marks it would pass for
            // the speaker's own words (as the reader's `"` list marks it).
            let words = excerpt(&q.text);
            if q.kind == QuoteKind::Indirect.as_str() {
                out.push_str(&format!("    reported: {words}\n"));
            } else {
                out.push_str(&format!("    « {words} »\n"));
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "profile_tests.rs"]
mod tests;
