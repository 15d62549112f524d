//! When a person is named: each article's date (its `date` line, else a date in its first
//! lines, else the file's modification time, in that order, said which), and an entity's
//! mentions per day, month or year, whichever fits the span of its articles.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::calendar::{self, When};
use chrono::{Datelike, NaiveDate};
use liseuse_entity::{EntityId, EntityIndex, Label};

/// How far into an article a date still dates it (a dateline, a first sentence).
const NEAR_START: usize = 600;

/// Where an article's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A `date` line.
    Line,
    /// A date in its first lines.
    Text,
    /// The file's modification time.
    Modified,
}

impl Source {
    /// How the list says it: `date line`, `date in the text`, `file modified`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Line => "date line",
            Source::Text => "date in the text",
            Source::Modified => "file modified",
        }
    }
}

/// What an article's date is read from.
pub struct DateClues<'a> {
    /// Its `date` line, as written.
    pub line: Option<&'a str>,
    /// Its text (a date near its start dates it).
    pub text: &'a str,
    /// Seconds since 1970 of its file's modification.
    pub modified: Option<i64>,
}

/// An article's date: from its `date` line, else the first full date near its start (a DATE
/// mention of `index`), else its file's modification time.
pub fn article_date(index: &EntityIndex, doc: usize, clues: &DateClues) -> Option<(When, Source)> {
    let near = near_date(
        index
            .doc_mentions(doc)
            .iter()
            .map(|m| (m.label(), m.range())),
        clues.text,
    );
    dated(clues.line, near.as_deref(), clues.modified)
}

/// The first full date written near an article's start, among its mentions (label and bytes,
/// in text order): what dates an article with no date line. Kept with the article, so that its
/// date is known without its text.
pub fn near_date(
    mentions: impl IntoIterator<Item = (Label, std::ops::Range<usize>)>,
    text: &str,
) -> Option<String> {
    mentions
        .into_iter()
        .take_while(|(_, r)| r.start < NEAR_START)
        .filter(|(l, _)| *l == Label::Date)
        .filter_map(|(_, r)| text.get(r))
        .find(|t| calendar::parse(t, None).is_some_and(|w| !matches!(w, When::Year(_))))
        .map(str::to_string)
}

/// An article's date from what is kept of it: its date line, else the date near its start
/// ([`near_date`]), else its file's modification time (seconds since 1970).
pub fn dated(
    line: Option<&str>,
    near: Option<&str>,
    modified: Option<i64>,
) -> Option<(When, Source)> {
    if let Some(w) = line.and_then(|l| calendar::parse(l, None)) {
        return Some((w, Source::Line));
    }
    if let Some(w) = near
        .and_then(|t| calendar::parse(t, None))
        .filter(|w| !matches!(w, When::Year(_)))
    {
        return Some((w, Source::Text));
    }
    let day = calendar::day_of_timestamp(modified?)?;
    Some((When::Day(day), Source::Modified))
}

/// The day an article is dated by in the full-text index: its date line's or the date near its
/// start (never its file's time: that is when it was saved, not written), in days since 1970.
pub fn day_number(line: Option<&str>, near: Option<&str>) -> Option<i64> {
    let (w, _) = dated(line, near, None)?;
    let d = anchor(w)?;
    Some(d.signed_duration_since(NaiveDate::default()).num_days())
}

/// The width of a timeline's bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// A bar a day.
    Day,
    /// A bar a month.
    Month,
    /// A bar a year.
    Year,
}

/// One article naming the entity, with no date to place it by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Undated {
    /// The article's index.
    pub doc: usize,
    /// The entity's mentions in it.
    pub mentions: usize,
}

/// One article naming the entity, dated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    /// The article's index.
    pub doc: usize,
    /// Its date.
    pub when: When,
    /// Where the date comes from.
    pub source: Source,
    /// The entity's mentions in it.
    pub mentions: usize,
}

/// One bar: its label (`2023-11`), the mentions in it, the articles in it (indices into
/// `Timeline::dated`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bin {
    /// The period it covers: `2023-11`.
    pub label: String,
    /// The mentions in it.
    pub mentions: usize,
    /// The articles in it, indices into [`Timeline::dated`].
    pub articles: Vec<usize>,
}

/// An entity's mentions over time: bars, its dated articles, its undated ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// The width of a bar, chosen to fit the span of its articles.
    pub period: Period,
    /// Oldest first, every period of the span (empty ones too: gaps are information).
    pub bins: Vec<Bin>,
    /// Articles naming the entity, oldest first.
    pub dated: Vec<Dated>,
    /// Articles naming it that have no date at all, in library order: listed after the
    /// dated ones, so that every article naming it can be opened from the timeline.
    pub undated: Vec<Undated>,
}

/// A day that stands for `w` when sorting and binning (a month's first day, a year's).
fn anchor(w: When) -> Option<NaiveDate> {
    match w {
        When::Day(d) => Some(d),
        When::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
        When::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
    }
}

/// Most bars drawn: past it, the period grows.
const MAX_BINS: i64 = 120;

/// The entity's mentions over time. `date_of` gives each article's date.
pub fn timeline(
    index: &EntityIndex,
    id: EntityId,
    date_of: impl Fn(usize) -> Option<(When, Source)>,
) -> Timeline {
    let occ = index.occurrences(id);
    let mut dated = Vec::new();
    let mut undated = Vec::new();
    let mut at = 0;
    while let Some((d, _)) = occ.get(at) {
        let run = occ.from(at).partition_point(|(x, _)| x == d);
        at += run.max(1);
        let doc = d as usize;
        match date_of(doc) {
            Some((when, source)) => dated.push(Dated {
                doc,
                when,
                source,
                mentions: run,
            }),
            None => undated.push(Undated { doc, mentions: run }),
        }
    }
    dated.sort_by_key(|x| (anchor(x.when), x.doc));
    // A file's time is a weak date (a checkout, a copy, a download): it is binned when it
    // falls in the span the articles' own dates make, and never stretches that span. Only
    // when no article says its date do file times make the span.
    let strong = dated.iter().any(|x| x.source != Source::Modified);
    let days: Vec<NaiveDate> = dated
        .iter()
        .filter(|x| !strong || x.source != Source::Modified)
        .filter_map(|x| anchor(x.when))
        .collect();
    let (Some(first), Some(last)) = (days.first().copied(), days.last().copied()) else {
        return Timeline {
            period: Period::Month,
            bins: Vec::new(),
            dated,
            undated,
        };
    };
    let months = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    let any_coarse = dated.iter().any(|x| !matches!(x.when, When::Day(_)));
    let period = if !any_coarse && (last - first).num_days() < 62 {
        Period::Day
    } else if months(last) - months(first) < MAX_BINS {
        Period::Month
    } else {
        Period::Year
    };
    // Bin number of a day, from the first.
    let bin_of = |d: NaiveDate| -> i64 {
        match period {
            Period::Day => (d - first).num_days(),
            Period::Month => months(d) - months(first),
            Period::Year => i64::from(d.year() - first.year()),
        }
    };
    let count = usize::try_from(bin_of(last) + 1).unwrap_or(1).max(1);
    let mut bins: Vec<Bin> = (0..count)
        .map(|k| Bin {
            label: label(period, first, k),
            mentions: 0,
            articles: Vec::new(),
        })
        .collect();
    for (i, x) in dated.iter().enumerate() {
        let Some(d) = anchor(x.when) else { continue };
        if d < first || d > last {
            // A weak date outside the span: listed with its date, in no bar.
            continue;
        }
        let k = usize::try_from(bin_of(d)).unwrap_or(0);
        if let Some(b) = bins.get_mut(k) {
            b.mentions += x.mentions;
            b.articles.push(i);
        }
    }
    Timeline {
        period,
        bins,
        dated,
        undated,
    }
}

/// The label of bin `k` counted from `first`.
fn label(period: Period, first: NaiveDate, k: usize) -> String {
    match period {
        Period::Day => first
            .checked_add_days(chrono::Days::new(k as u64))
            .map_or(String::new(), |d| When::Day(d).iso()),
        Period::Month => {
            let m0 = i64::from(first.year()) * 12 + i64::from(first.month0()) + k as i64;
            let (y, m) = (m0.div_euclid(12), m0.rem_euclid(12) + 1);
            format!("{y:04}-{m:02}")
        }
        Period::Year => format!("{:04}", i64::from(first.year()) + k as i64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use liseuse_entity as entity;

    #[test]
    fn articles_dated_by_line_text_or_file_and_binned() {
        let texts = [
            "Un\n\ndate 2023-10\n\nEmmanuel Macron parle. Macron répète.\n",
            "Deux\n\nLe 15 décembre 2023, Emmanuel Macron était à Lyon.\n",
            "Trois\n\nEmmanuel Macron encore.\n",
            "Quatre\n\nEmmanuel Macron, sans date.\n",
        ];
        let docs: Vec<_> = texts.iter().map(|t| entity::analyse(t)).collect();
        let index = EntityIndex::build(&docs);
        let id = index
            .entities()
            .iter()
            .find(|e| e.name().contains("Macron"))
            .unwrap()
            .id;
        let lines = [Some("2023-10"), None, None, None];
        let modified = [None, None, Some(1_704_067_200), None]; // 2024-01-01
        let date_of = |d: usize| {
            let clues = DateClues {
                line: lines[d],
                text: texts[d],
                modified: modified[d],
            };
            article_date(&index, d, &clues)
        };
        assert_eq!(date_of(0).map(|x| x.1), Some(Source::Line));
        assert_eq!(date_of(1).map(|x| x.1), Some(Source::Text));
        assert_eq!(date_of(2).map(|x| x.1), Some(Source::Modified));
        assert_eq!(date_of(3), None);
        let t = timeline(&index, id, date_of);
        assert_eq!(t.period, Period::Month);
        // The file's time (2024-01) is listed, but stretches nothing: the bars are the span
        // of the dates the articles give.
        let labels: Vec<&str> = t.bins.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["2023-10", "2023-11", "2023-12"]);
        let counts: Vec<usize> = t.bins.iter().map(|b| b.mentions).collect();
        assert_eq!(counts, [2, 0, 1]);
        assert!(
            t.dated
                .iter()
                .any(|x| x.doc == 2 && x.source == Source::Modified)
        );
        // With file times alone, they make the span.
        let only_files = timeline(&index, id, |d| {
            date_of(d).filter(|x| x.1 == Source::Modified)
        });
        assert_eq!(only_files.bins.len(), 1);
        assert_eq!(
            only_files.bins[0].label, "2024-01-01",
            "a day alone: by day"
        );
        assert_eq!(
            t.undated,
            [Undated {
                doc: 3,
                mentions: 1
            }]
        );
        assert_eq!(t.dated.first().map(|x| x.doc), Some(0), "oldest first");
    }
}
