//! Merge keys of places and dates: a place by its gazetteer id, else by its folded name after a site's head
//! word (« château de Montretout » is `montretout`); a date by its calendar value (« 5 juillet 2012 » and
//! « July 5, 2012 » are `2012-07-05`), a weekday alone by the day it names in the article.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::date::{self, DateValue};
use crate::text::fold::{fold, fold_into};
use crate::text::lexicon::{LEX, SITE_HEAD};
use crate::text::token::{Token, tokenize, tokenize_into};
use crate::{Label, Span};

/// Where the article's own date is looked for: its dateline, near the top.
const DATELINE_BYTES: usize = 600;

/// Merge key of a place: its gazetteer id, else the name after its site word (« château de Montretout »).
fn loc_key(s: &str) -> String {
    if let Some(id) = LEX.place_id(s) {
        return id.to_string();
    }
    let mut f = s.to_lowercase();
    if f.contains('’') {
        f = f.replace('’', "'");
    }
    for sep in [" de la ", " de l'", " du ", " des ", " de ", " d'"] {
        if let Some((head, core)) = f.split_once(sep) {
            let site = LEX.lower_flags(head) & SITE_HEAD != 0;
            if site && !head.contains(' ') {
                let core = fold(core);
                return LEX
                    .place_id(&core)
                    .map_or_else(|| core.clone(), str::to_string);
            }
        }
    }
    fold(&f)
}

/// The calendar value of a date mention's text.
pub fn date_value(s: &str) -> Option<DateValue> {
    // tokenised in the thread's buffer: a date mention is a few tokens
    thread_local! {
        static TOKENS: std::cell::RefCell<Vec<Token>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let value = |toks: &[Token]| date::find(s, toks).first().map(|d| d.value);
    TOKENS
        .try_with(|b| {
            b.try_borrow_mut().ok().map(|mut b| {
                tokenize_into(s, &mut b);
                value(&b)
            })
        })
        .ok()
        .flatten()
        .unwrap_or_else(|| value(&tokenize(s)))
}

/// The article's date: the first full date of its first lines.
pub fn article_date(text: &str, spans: &[Span]) -> Option<(u16, u8, u8)> {
    spans
        .iter()
        .take_while(|s| s.start < DATELINE_BYTES)
        .filter(|s| s.label == Label::Date)
        .find_map(|s| {
            let v = date_value(text.get(s.start..s.end)?)?;
            Some((v.year?, v.month?, v.day?))
        })
}

/// `n` in decimal, at least `width` digits (zeros before), as `{n:0width$}` writes it, without the formatting
/// machinery: a key is made for every distinct place and date of every article.
fn push_number(out: &mut String, n: u16, width: usize) {
    let mut digits = [b'0'; 5];
    let mut v = n;
    let mut at = digits.len();
    while v > 0 || at == digits.len() {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            *d = b'0' + (v % 10) as u8;
        }
        v /= 10;
    }
    at = at.min(digits.len().saturating_sub(width));
    for &d in digits.get(at..).unwrap_or_default() {
        out.push(char::from(d));
    }
}

/// `date:` and the day, month or year given (`date:2012-07-05`, `date:2012-07`, `date:--07-05`), written into
/// `k`.
fn date_key_into(y: Option<u16>, m: u8, d: Option<u8>, k: &mut String) {
    k.push_str("date:");
    match y {
        Some(y) => push_number(k, y, 4),
        None => k.push('-'),
    }
    k.push('-');
    push_number(k, u16::from(m), 2);
    if let Some(d) = d {
        k.push('-');
        push_number(k, u16::from(d), 2);
    }
}

#[cfg(test)]
fn date_key(y: Option<u16>, m: u8, d: Option<u8>) -> String {
    let mut k = String::new();
    date_key_into(y, m, d, &mut k);
    k
}

/// The merge key of a place or a date mention; empty for a weekday alone in an article with no date.
#[cfg(test)]
pub fn key(label: Label, s: &str, article: Option<(u16, u8, u8)>) -> String {
    let mut k = String::new();
    key_into(label, s, article, &mut k);
    k
}

/// [`key`], appended to `k` (nothing for a weekday alone in an article with no date).
pub fn key_into(label: Label, s: &str, article: Option<(u16, u8, u8)>, k: &mut String) {
    match label {
        Label::Loc => {
            k.push_str("loc:");
            k.push_str(&loc_key(s));
        }
        _ => match date_value(s) {
            Some(DateValue {
                year: Some(y),
                month: Some(m),
                day,
                ..
            }) => date_key_into(Some(y), m, day, k),
            Some(DateValue {
                year: None,
                month: None,
                day: None,
                weekday: Some(w),
            }) => {
                if let Some(a) = article {
                    let (y, m, d) = date::resolve_weekday(a, w);
                    date_key_into(Some(y), m, Some(d), k);
                }
            }
            // a day and a month: the article's year when it has one
            Some(DateValue {
                year: None,
                month: Some(m),
                day: Some(d),
                ..
            }) => date_key_into(article.map(|(y, _, _)| y), m, Some(d), k),
            _ => {
                k.push_str("date:");
                fold_into(s, k);
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_by_value() {
        let a = Some((2012, 7, 5));
        assert_eq!(key(Label::Date, "5 juillet 2012", None), "date:2012-07-05");
        assert_eq!(key(Label::Date, "July 5, 2012", None), "date:2012-07-05");
        assert_eq!(key(Label::Date, "mardi", a), "date:2012-07-03");
        assert_eq!(key(Label::Date, "mardi", None), "");
        assert_eq!(key(Label::Date, "3 juillet", a), "date:2012-07-03");
        assert_eq!(key(Label::Date, "mars 2013", a), "date:2013-03");
        assert_eq!(key(Label::Date, "3 juillet", None), "date:--07-03");
        for (y, m, d) in [(0u16, 1u8, 9u8), (7, 10, 31), (999, 12, 1), (12345, 2, 28)] {
            assert_eq!(
                date_key(Some(y), m, Some(d)),
                format!("date:{y:04}-{m:02}-{d:02}")
            );
            assert_eq!(date_key(None, m, Some(d)), format!("date:--{m:02}-{d:02}"));
            assert_eq!(date_key(Some(y), m, None), format!("date:{y:04}-{m:02}"));
        }
    }

    #[test]
    fn places_by_id() {
        assert_eq!(
            key(Label::Loc, "États-Unis", None),
            key(Label::Loc, "United States", None)
        );
        assert_eq!(
            key(Label::Loc, "château de Montretout", None),
            "loc:montretout"
        );
    }
}
