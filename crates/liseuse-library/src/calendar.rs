//! Dates as calendar values: what a `DATE` mention or an article's date line means as a day, a
//! month or a year. « 15 novembre 2023 », « le 7 octobre » (its year from the article's date),
//! `2023-12`, « November 15, 2023 », « mardi » (the Tuesday nearest the article's date), `5/12/2023`
//! (day first, as French and British write it).
// A file can make any text: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// A date as precise as the text says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum When {
    /// A year alone: « en 2023 ».
    Year(i32),
    /// A month of a year: « novembre 2023 », `2023-12`.
    Month(i32, u32),
    /// A day.
    Day(NaiveDate),
}

impl When {
    /// Its year.
    pub fn year(self) -> i32 {
        match self {
            When::Year(y) | When::Month(y, _) => y,
            When::Day(d) => d.year(),
        }
    }

    /// The month, when the text gives one.
    pub fn month(self) -> Option<(i32, u32)> {
        match self {
            When::Year(_) => None,
            When::Month(y, m) => Some((y, m)),
            When::Day(d) => Some((d.year(), d.month())),
        }
    }

    /// The day, when the text gives one.
    pub fn day(self) -> Option<NaiveDate> {
        match self {
            When::Day(d) => Some(d),
            _ => None,
        }
    }

    /// A number that orders dates in time, a month or a year before its own days:
    /// `20231115`, `20231100`, `20230000`.
    pub fn key(self) -> i32 {
        let (month, day) = match self {
            When::Year(_) => (0, 0),
            When::Month(_, m) => (m, 0),
            When::Day(d) => (d.month(), d.day()),
        };
        self.year()
            .saturating_mul(10_000)
            .saturating_add(i32::try_from(month * 100 + day).unwrap_or(0))
    }

    /// `2023-11-15`, `2023-11`, `2023`.
    pub fn iso(self) -> String {
        match self {
            When::Year(y) => format!("{y:04}"),
            When::Month(y, m) => format!("{y:04}-{m:02}"),
            When::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }
}

const MONTHS: &[(&str, u32)] = &[
    ("janvier", 1),
    ("janv", 1),
    ("january", 1),
    ("jan", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("february", 2),
    ("feb", 2),
    ("mars", 3),
    ("march", 3),
    ("mar", 3),
    ("avril", 4),
    ("avr", 4),
    ("april", 4),
    ("apr", 4),
    ("mai", 5),
    ("may", 5),
    ("juin", 6),
    ("june", 6),
    ("jun", 6),
    ("juillet", 7),
    ("juil", 7),
    ("july", 7),
    ("jul", 7),
    ("août", 8),
    ("aout", 8),
    ("august", 8),
    ("aug", 8),
    ("septembre", 9),
    ("sept", 9),
    ("september", 9),
    ("sep", 9),
    ("octobre", 10),
    ("oct", 10),
    ("october", 10),
    ("novembre", 11),
    ("nov", 11),
    ("november", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("dec", 12),
    ("december", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("lundi", Weekday::Mon),
    ("mardi", Weekday::Tue),
    ("mercredi", Weekday::Wed),
    ("jeudi", Weekday::Thu),
    ("vendredi", Weekday::Fri),
    ("samedi", Weekday::Sat),
    ("dimanche", Weekday::Sun),
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == w).map(|(_, m)| *m)
}

fn weekday_of(word: &str) -> Option<Weekday> {
    let w = word.to_lowercase();
    WEEKDAYS.iter().find(|(n, _)| *n == w).map(|(_, d)| *d)
}

/// A day of the month: `7`, `1er`, `1st`, `24th`.
fn day_of(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = word.get(digits.len()..).unwrap_or("");
    if !matches!(suffix, "" | "er" | "st" | "nd" | "rd" | "th") || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1000..=2999).contains(y))
}

/// `2023-12`, `2023-12-05`, `5/12/2023`, `05.12.2023`.
fn numeric(word: &str) -> Option<When> {
    let parts: Vec<&str> = word.split(['-', '/', '.']).collect();
    let num = |s: &str| s.parse::<u32>().ok();
    match parts.as_slice() {
        [y, m] if y.len() == 4 => {
            let (y, m) = (year_of(y)?, num(m)?);
            (1..=12).contains(&m).then_some(When::Month(y, m))
        }
        [y, m, d] if y.len() == 4 => {
            NaiveDate::from_ymd_opt(year_of(y)?, num(m)?, num(d)?).map(When::Day)
        }
        [d, m, y] if y.len() == 4 => {
            NaiveDate::from_ymd_opt(year_of(y)?, num(m)?, num(d)?).map(When::Day)
        }
        _ => None,
    }
}

/// The day of an ISO 8601 date and time, the way most pages and blog engines date an article
/// (`2020-04-10T17:58:15+01:00`, `2022-05-05 22:12:00 UTC`): its time and zone are left out,
/// as a date line's are.
fn iso_date_time(text: &str) -> Option<NaiveDate> {
    let (day, time) = (text.get(..10)?, text.get(10..)?);
    let mut t = time.chars();
    let hours = matches!(t.next(), Some('T' | 't' | ' '))
        && t.next().is_some_and(|c| c.is_ascii_digit())
        && t.next().is_some_and(|c| c.is_ascii_digit())
        && t.next() == Some(':');
    if !hours || day.as_bytes().get(4) != Some(&b'-') {
        return None;
    }
    match numeric(day)? {
        When::Day(d) => Some(d),
        _ => None,
    }
}

/// What a date's text means, `reference` (the article's date) giving a year left out and the
/// week a weekday is in. `None` when the text is no date this reads.
pub fn parse(text: &str, reference: Option<NaiveDate>) -> Option<When> {
    if let Some(day) = iso_date_time(text.trim()) {
        return Some(When::Day(day));
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "le" | "la" | "du" | "au" | "the" | "of" | "on" | "en" | "in" | "depuis"
            )
        })
        .collect();
    if let [one] = words.as_slice() {
        if let Some(w) = numeric(one) {
            return Some(w);
        }
        if let Some(y) = year_of(one) {
            return Some(When::Year(y));
        }
        if let Some(wd) = weekday_of(one) {
            return Some(When::Day(nearest_weekday(reference?, wd)));
        }
    }
    // A weekday in front says nothing more once the day is known: « mardi 7 octobre ».
    let words: Vec<&str> = words
        .into_iter()
        .filter(|w| weekday_of(w).is_none())
        .collect();
    let mut day = None;
    let mut month = None;
    let mut year = None;
    for w in &words {
        if let Some(m) = month_of(w) {
            month = month.or(Some(m));
        } else if let Some(y) = year_of(w) {
            year = year.or(Some(y));
        } else if let Some(d) = day_of(w) {
            day = day.or(Some(d));
        } else {
            return None;
        }
    }
    let month = month?;
    let year = match year {
        Some(y) => y,
        None => guess_year(reference?, month),
    };
    match day {
        Some(d) => NaiveDate::from_ymd_opt(year, month, d).map(When::Day),
        None => Some(When::Month(year, month)),
    }
}

/// The year of a month named without one: the article's, unless that puts it more than six
/// months after the article (« en décembre » written in January is last December).
fn guess_year(reference: NaiveDate, month: u32) -> i32 {
    let (y, m) = (reference.year(), reference.month());
    if month > m + 6 {
        y - 1
    } else if month + 6 < m {
        y + 1
    } else {
        y
    }
}

/// The `weekday` nearest `reference`, within three days either way (« mardi » in a Thursday's
/// paper is two days before; in a Sunday's, two days after).
fn nearest_weekday(reference: NaiveDate, weekday: Weekday) -> NaiveDate {
    let from = reference.weekday().num_days_from_monday() as i64;
    let to = weekday.num_days_from_monday() as i64;
    let mut diff = to - from;
    if diff > 3 {
        diff -= 7;
    } else if diff < -3 {
        diff += 7;
    }
    if diff >= 0 {
        reference.checked_add_days(Days::new(diff as u64))
    } else {
        reference.checked_sub_days(Days::new((-diff) as u64))
    }
    .unwrap_or(reference)
}

/// The day of a file's modification time (seconds since 1970, UTC).
pub fn day_of_timestamp(secs: i64) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(secs, 0).map(|t| t.date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> When {
        When::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn keys_order_dates_in_time() {
        let keys = [
            When::Year(2022),
            When::Month(2023, 1),
            ymd(2023, 1, 31),
            When::Month(2023, 11),
            ymd(2023, 11, 15),
        ]
        .map(When::key);
        assert!(keys.is_sorted(), "{keys:?}");
        assert_eq!(keys[4], 20231115);
    }

    #[test]
    fn an_iso_date_and_time_is_its_day() {
        for t in [
            "2020-04-10T17:58:15+01:00",
            "2020-04-10T17:58:15.000Z",
            "2020-04-10 17:58:15 UTC",
        ] {
            assert_eq!(parse(t, None), Some(ymd(2020, 4, 10)), "{t}");
        }
        assert_eq!(parse("2020-13-10T17:58", None), None);
        assert_eq!(parse("2020-04-10Tea", None), None);
    }

    #[test]
    fn full_dates_in_french_and_english() {
        assert_eq!(parse("15 novembre 2023", None), Some(ymd(2023, 11, 15)));
        assert_eq!(parse("1er janvier 2024", None), Some(ymd(2024, 1, 1)));
        assert_eq!(parse("mardi 7 octobre 2025", None), Some(ymd(2025, 10, 7)));
        assert_eq!(parse("November 15, 2023", None), Some(ymd(2023, 11, 15)));
        assert_eq!(
            parse("Tuesday, January 17, 2012", None),
            Some(ymd(2012, 1, 17))
        );
        assert_eq!(parse("15 Nov. 2023", None), Some(ymd(2023, 11, 15)));
    }

    #[test]
    fn numbers_months_and_years() {
        assert_eq!(parse("2023-12", None), Some(When::Month(2023, 12)));
        assert_eq!(parse("2023-12-05", None), Some(ymd(2023, 12, 5)));
        assert_eq!(parse("5/12/2023", None), Some(ymd(2023, 12, 5)));
        assert_eq!(parse("mars 2024", None), Some(When::Month(2024, 3)));
        assert_eq!(parse("2018", None), Some(When::Year(2018)));
        assert_eq!(parse("31 février 2023", None), None);
        assert_eq!(parse("le président", None), None);
    }

    #[test]
    fn the_article_gives_what_the_text_leaves_out() {
        let r = NaiveDate::from_ymd_opt(2023, 12, 20).unwrap();
        assert_eq!(parse("le 7 octobre", Some(r)), Some(ymd(2023, 10, 7)));
        let january = NaiveDate::from_ymd_opt(2024, 1, 5).unwrap();
        assert_eq!(
            parse("le 7 décembre", Some(january)),
            Some(ymd(2023, 12, 7))
        );
        assert_eq!(parse("le 7 octobre", None), None, "no year to give");
        // 2023-12-20 is a Wednesday: « mardi » the day before, « vendredi » two days after.
        assert_eq!(parse("mardi", Some(r)), Some(ymd(2023, 12, 19)));
        assert_eq!(parse("vendredi", Some(r)), Some(ymd(2023, 12, 22)));
        assert_eq!(parse("Sunday", Some(r)), Some(ymd(2023, 12, 17)));
        assert_eq!(
            parse("lundi", None),
            None,
            "a weekday alone needs the article's date"
        );
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in [
            "",
            "   ",
            "99/99/9999",
            "2023-",
            "-12",
            "1er",
            "octobre octobre 2023 2024",
            "٣ مارس",
        ] {
            let _ = parse(t, NaiveDate::from_ymd_opt(2020, 2, 29));
        }
        assert_eq!(day_of_timestamp(0), NaiveDate::from_ymd_opt(1970, 1, 1));
    }
}
