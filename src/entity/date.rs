//! Calendar dates and weekday names: « 7 octobre », « 1er novembre 2012 », « 9 et 10 juillet », `2023-12`,
//! « Tuesday, January 17, 2012 », « August 24 », « mars 2013 », « jeudi ». Not years alone, nor clock times.

use super::gazetteer::{MONTH, WEEKDAY};
use super::token::{NUMBER, Token};

/// Day of month of a token: "7", "1er", "1st", "24th".
fn day(text: &str, t: &Token) -> Option<u32> {
    let w = &text[t.range()];
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !matches!(suffix, "" | "er" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year(text: &str, t: &Token) -> bool {
    let w = &text[t.range()];
    t.is(NUMBER) && w.len() == 4 && matches!(w.as_bytes()[0], b'1' | b'2')
}

/// `2023-12` or `2023-12-05`.
fn iso(text: &str, t: &Token) -> bool {
    let w = text[t.range()].as_bytes();
    let ok2 = |a: u8, b: u8, max: u32| {
        a.is_ascii_digit() && b.is_ascii_digit() && {
            let v = u32::from(a - b'0') * 10 + u32::from(b - b'0');
            (1..=max).contains(&v)
        }
    };
    let head = w.len() >= 7
        && w[..4].iter().all(u8::is_ascii_digit)
        && w[4] == b'-'
        && ok2(w[5], w[6], 12);
    head && (w.len() == 7 || (w.len() == 10 && w[7] == b'-' && ok2(w[8], w[9], 31)))
}

/// Finds date spans as token ranges `[a, b)`. `low` holds each token's lower-case lexicon flags.
pub fn find(text: &str, toks: &[Token], low: &[u32]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let n = toks.len();
    let punct = |i: usize, c: char| i < n && toks[i].punct == c;
    let is_month = |i: usize| i < n && low[i] & MONTH != 0 && toks[i].is_word();
    let is_day = |i: usize| i < n && toks[i].is_word() && day(text, &toks[i]).is_some();
    let is_year = |i: usize| i < n && year(text, &toks[i]);
    let word_is = |i: usize, w: &str| i < n && text[toks[i].range()].eq_ignore_ascii_case(w);
    let mut i = 0;
    while i < n {
        let t = &toks[i];
        if !t.is_word() || (!t.is(super::token::DIGIT) && low[i] & (WEEKDAY | MONTH) == 0) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        // an optional weekday before the date: "Tuesday, January 17, 2012", "jeudi 7 octobre"
        let weekday = low[i] & WEEKDAY != 0;
        if weekday {
            j = i + 1;
            if punct(j, ',') {
                j += 1;
            }
        }
        let mut end = None;
        if is_day(j) && !punct(j + 1, '/') {
            // 7 octobre [2023]; 9 et 10 juillet
            let mut k = j + 1;
            if (word_is(k, "et") || word_is(k, "au") || word_is(k, "and") || punct(k, '-'))
                && is_day(k + 1)
            {
                k += 2;
            }
            if is_month(k) {
                end = Some(if is_year(k + 1) { k + 2 } else { k + 1 });
            }
        } else if is_month(j) {
            // October 6, 2011; August 24; mars 2013
            let cap = toks[j].is(super::token::CAP);
            if cap && is_day(j + 1) && !punct(j + 2, ':') {
                end = Some(if punct(j + 2, ',') && is_year(j + 3) {
                    j + 4
                } else if is_year(j + 2) {
                    j + 3
                } else {
                    j + 2
                });
            } else if is_year(j + 1) {
                end = Some(j + 2);
            }
        } else if j == i && t.is(super::token::DIGIT) && iso(text, t) {
            end = Some(i + 1);
        } else if j == i && t.is(NUMBER) && punct(i + 1, '/') && i + 4 < n && punct(i + 3, '/') {
            // 17/01/2012
            let ok = day(text, t).is_some()
                && toks[i + 2].is(NUMBER)
                && text[toks[i + 2].range()]
                    .parse::<u32>()
                    .is_ok_and(|m| (1..=12).contains(&m))
                && is_year(i + 4);
            if ok {
                end = Some(i + 5);
            }
        }
        match end {
            Some(e) => {
                out.push((start, e));
                i = e;
            }
            None if weekday => {
                out.push((i, i + 1));
                i += 1;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::gazetteer::{LEX, lower_into};
    use super::super::token::tokenize;
    use super::*;

    fn dates(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        let mut buf = String::new();
        let low: Vec<u32> = toks
            .iter()
            .map(|t| LEX.lower_flags(lower_into(&text[t.range()], &mut buf)))
            .collect();
        find(text, &toks, &low)
            .into_iter()
            .map(|(a, b)| &text[toks[a].start as usize..toks[b - 1].end as usize])
            .collect()
    }

    #[test]
    fn french_dates() {
        assert_eq!(
            dates(
                "le 7 octobre, le 1er novembre 2012, les 9 et 10 juillet, jeudi, en mars 2013 et en 2012"
            ),
            [
                "7 octobre",
                "1er novembre 2012",
                "9 et 10 juillet",
                "jeudi",
                "mars 2013"
            ]
        );
        assert_eq!(dates(" date 2023-12 Le"), ["2023-12"]);
        assert_eq!(dates("à 16:50 le 17/01/2012"), ["17/01/2012"]);
    }

    #[test]
    fn english_dates() {
        assert_eq!(
            dates(
                "Tuesday, January 17, 2012. On August 24, Jobs, born on February 24, 1955; on Monday; June 2011"
            ),
            [
                "Tuesday, January 17, 2012",
                "August 24",
                "February 24, 1955",
                "Monday",
                "June 2011"
            ]
        );
        assert_eq!(dates("may 5 and in 2004"), Vec::<&str>::new());
    }
}
