//! Calendar dates and weekday names, by rule and with our convention: « 7 octobre », « 1er novembre 2012 »,
//! « 9 et 10 juillet », `2023-12`, « Tuesday, January 17, 2012 », « August 24 », « mars 2013 », « jeudi ». Not
//! years alone, nor clock times. Each date is read to a calendar value, so that « 5 juillet 2012 » and
//! « July 5, 2012 » are one date, and a weekday alone is read against the article's date.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::sync::LazyLock;

use super::text::fold::FxMap;
use super::text::token::{CAP, DIGIT, NUMBER, PUNCT, Token};

/// What a date span says: any of year, month, day, and the weekday it names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateValue {
    pub year: Option<u16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// 0 Monday … 6 Sunday.
    pub weekday: Option<u8>,
}

/// A date found: tokens `[a, e)` and its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateSpan {
    pub a: usize,
    pub e: usize,
    pub value: DateValue,
}

const MONTHS: &[(&str, u8)] = &[
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("janv", 1),
    ("févr", 2),
    ("fév", 2),
    ("avr", 4),
    ("juil", 7),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("déc", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
];

const WEEKDAYS: &[(&str, u8)] = &[
    ("lundi", 0),
    ("mardi", 1),
    ("mercredi", 2),
    ("jeudi", 3),
    ("vendredi", 4),
    ("samedi", 5),
    ("dimanche", 6),
    ("monday", 0),
    ("tuesday", 1),
    ("wednesday", 2),
    ("thursday", 3),
    ("friday", 4),
    ("saturday", 5),
    ("sunday", 6),
];

/// Month and weekday names by their ASCII-lower-cased bytes, packed (see [`calendar`]).
static CALENDAR: LazyLock<FxMap<u128, (u8, u8)>> = LazyLock::new(|| {
    let mut m: FxMap<u128, (u8, u8)> = FxMap::default();
    for &(name, n) in MONTHS {
        if let Some(k) = pack_lower(name.as_bytes()) {
            m.entry(k).or_insert((0, 0)).0 = n;
        }
    }
    for &(name, n) in WEEKDAYS {
        if let Some(k) = pack_lower(name.as_bytes()) {
            m.entry(k).or_insert((0, 0)).1 = n + 1;
        }
    }
    m
});

/// A word of 3 to 15 bytes, its ASCII letters in lower case (« Février » and « février » pack alike).
fn pack_lower(b: &[u8]) -> Option<u128> {
    if !(3..=15).contains(&b.len()) {
        return None;
    }
    let mut k = [0u8; 16];
    for (d, s) in k.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    if let Some(last) = k.last_mut() {
        *last = b.len() as u8;
    }
    Some(u128::from_le_bytes(k))
}

/// For each first byte (ASCII letters lower-cased), a bit for each length of a month or weekday name that starts
/// with it: almost every word of a text is told apart from the calendar by two loads, not a hash lookup.
// Evaluated when building: an index out of range is a build error, not a panic.
#[allow(clippy::indexing_slicing)]
const FIRST_LEN: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut k = 0;
    while k < MONTHS.len() + WEEKDAYS.len() {
        let name = if k < MONTHS.len() {
            MONTHS[k].0
        } else {
            WEEKDAYS[k - MONTHS.len()].0
        };
        let b = name.as_bytes()[0].to_ascii_lowercase() as usize;
        t[b] |= 1 << name.len();
        k += 1;
    }
    t
};

/// (month 1–12 or 0, weekday 1–7 or 0) of a word.
#[inline]
#[allow(clippy::indexing_slicing)] // a u8 indexes 256 entries
fn calendar(w: &[u8]) -> (u8, u8) {
    if !(3..=10).contains(&w.len()) {
        return (0, 0);
    }
    let first = w.first().map_or(0, u8::to_ascii_lowercase);
    if FIRST_LEN[usize::from(first)] & (1 << w.len()) == 0 {
        return (0, 0);
    }
    pack_lower(w)
        .and_then(|k| CALENDAR.get(&k).copied())
        .unwrap_or((0, 0))
}

/// The month a word names (1–12).
pub fn month(w: &str) -> Option<u8> {
    Some(calendar(w.as_bytes()).0).filter(|&m| m > 0)
}

/// Day of month of a word: "7", "1er", "1st", "24th".
fn day(w: &str) -> Option<u8> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = w.get(digits.len()..).unwrap_or("");
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !matches!(suffix, "" | "er" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year(w: &str, t: &Token) -> Option<u16> {
    let ok = t.flags & NUMBER != 0 && w.len() == 4 && matches!(w.bytes().next(), Some(b'1' | b'2'));
    ok.then(|| w.parse().ok()).flatten()
}

fn two(a: u8, b: u8) -> Option<u8> {
    (a.is_ascii_digit() && b.is_ascii_digit()).then(|| (a - b'0') * 10 + (b - b'0'))
}

/// `2023-12` or `2023-12-05`.
fn iso(w: &str) -> Option<DateValue> {
    let b = w.as_bytes();
    let y: u16 = w.get(..4)?.parse().ok()?;
    if b.get(4) != Some(&b'-') {
        return None;
    }
    let m = two(*b.get(5)?, *b.get(6)?).filter(|m| (1..=12).contains(m))?;
    let day = match b.len() {
        7 => None,
        10 if b.get(7) == Some(&b'-') => {
            Some(two(*b.get(8)?, *b.get(9)?).filter(|d| (1..=31).contains(d))?)
        }
        _ => return None,
    };
    Some(DateValue {
        year: Some(y),
        month: Some(m),
        day,
        weekday: None,
    })
}

/// Finds the dates of a text, as token ranges with their values.
pub fn find(text: &str, toks: &[Token]) -> Vec<DateSpan> {
    let mut out = Vec::new();
    let n = toks.len();
    let w = |i: usize| toks.get(i).and_then(|t| text.get(t.range())).unwrap_or("");
    let tok = |i: usize| toks.get(i).copied();
    let word = |i: usize| tok(i).is_some_and(|t| t.flags & PUNCT == 0);
    let punct = |i: usize, c: char| tok(i).is_some_and(|t| t.punct == c);
    let month_at = |i: usize| word(i).then(|| month(w(i))).flatten();
    let day_at = |i: usize| word(i).then(|| day(w(i))).flatten();
    let year_at = |i: usize| tok(i).and_then(|t| year(w(i), &t));
    let mut i = 0;
    while i < n {
        let Some(t) = tok(i) else { break };
        // the word's bytes: no char boundary to check, a token's range is one
        let (m0, wd0) = if t.flags & PUNCT == 0 {
            calendar(text.as_bytes().get(t.range()).unwrap_or_default())
        } else {
            (0, 0)
        };
        let wd = wd0.checked_sub(1);
        if t.flags & PUNCT != 0 || (t.flags & DIGIT == 0 && wd0 == 0 && m0 == 0) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        // an optional weekday before the date: "Tuesday, January 17, 2012", "jeudi 7 octobre"
        if wd.is_some() {
            j = i + 1;
            if punct(j, ',') {
                j += 1;
            }
        }
        let mut v = DateValue {
            weekday: wd,
            ..DateValue::default()
        };
        let mut end = None;
        if let Some(d) = day_at(j).filter(|_| !punct(j + 1, '/')) {
            // 7 octobre [2023]; 9 et 10 juillet
            let mut k = j + 1;
            let mut last_day = d;
            let joined =
                matches!(w(k).to_ascii_lowercase().as_str(), "et" | "au" | "and") || punct(k, '-');
            if joined && let Some(d2) = day_at(k + 1) {
                k += 2;
                last_day = d2;
            }
            if let Some(m) = month_at(k) {
                v.month = Some(m);
                v.day = Some(if k == j + 1 { d } else { last_day });
                v.year = year_at(k + 1);
                end = Some(if v.year.is_some() { k + 2 } else { k + 1 });
            }
        } else if let Some(m) = month_at(j) {
            // October 6, 2011; August 24; mars 2013
            let cap = tok(j).is_some_and(|t| t.flags & CAP != 0);
            if let Some(d) = day_at(j + 1).filter(|_| cap && !punct(j + 2, ':')) {
                v.month = Some(m);
                v.day = Some(d);
                end = Some(if punct(j + 2, ',') && year_at(j + 3).is_some() {
                    v.year = year_at(j + 3);
                    j + 4
                } else if let Some(y) = year_at(j + 2) {
                    v.year = Some(y);
                    j + 3
                } else {
                    j + 2
                });
            } else if let Some(y) = year_at(j + 1) {
                v.month = Some(m);
                v.year = Some(y);
                end = Some(j + 2);
            }
        } else if j == i && t.flags & DIGIT != 0 {
            if let Some(iso) = iso(w(i)) {
                v = iso;
                end = Some(i + 1);
            } else if t.flags & NUMBER != 0 && punct(i + 1, '/') && punct(i + 3, '/') {
                // 17/01/2012
                let m = w(i + 2).parse::<u8>().ok().filter(|m| (1..=12).contains(m));
                if let (Some(d), Some(m), Some(y)) = (day(w(i)), m, year_at(i + 4)) {
                    v = DateValue {
                        year: Some(y),
                        month: Some(m),
                        day: Some(d),
                        weekday: None,
                    };
                    end = Some(i + 5);
                }
            }
        }
        match end {
            Some(e) => {
                out.push(DateSpan {
                    a: start,
                    e,
                    value: v,
                });
                i = e;
            }
            None if wd.is_some() => {
                out.push(DateSpan {
                    a: i,
                    e: i + 1,
                    value: DateValue {
                        weekday: wd,
                        ..DateValue::default()
                    },
                });
                i += 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Days since 1970-01-01 of a date of the proleptic Gregorian calendar.
fn days(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The day a weekday alone names in an article of date `article` (year, month, day): the last such day on or
/// before it (news tells what happened), « mardi » in an article of Thursday 5 July 2012 is 3 July.
pub fn resolve_weekday(article: (u16, u8, u8), weekday: u8) -> (u16, u8, u8) {
    let z = days(
        i64::from(article.0),
        i64::from(article.1),
        i64::from(article.2),
    );
    // 1970-01-01 was a Thursday (3)
    let today = (z + 3).rem_euclid(7);
    let back = (today - i64::from(weekday)).rem_euclid(7);
    let (y, m, d) = civil(z - back);
    (
        u16::try_from(y).unwrap_or(article.0),
        u8::try_from(m).unwrap_or(1),
        u8::try_from(d).unwrap_or(1),
    )
}

#[cfg(test)]
#[path = "date_tests.rs"]
mod tests;
