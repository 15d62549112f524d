//! Finding the structure of a plain-text article: headline, leading date, paragraphs, closing
//! source line and trailing blurb. Heuristics that hold for saved news articles in general.

use super::pieces::{MAX_PARAGRAPH_BYTES, pieces, trim};
use super::{ParaKind, Paragraph, turns};
use std::ops::Range;

pub struct Parts {
    pub title: Option<Range<usize>>,
    pub date: Option<Range<usize>>,
    pub source: Option<Range<usize>>,
    pub paragraphs: Vec<Paragraph>,
    /// True when a paragraph longer than [`MAX_PARAGRAPH_BYTES`] was cut into pieces.
    pub split: bool,
}

/// A headline longer than this is a paragraph that happens to come first.
const MAX_HEADLINE_CHARS: usize = 200;
/// A trailing blurb longer than this is more likely the article's last paragraph.
const MAX_BLURB_CHARS: usize = 300;
pub fn analyse(text: &str) -> Parts {
    let lines = trimmed_lines(text);
    let mut paras = group_paragraphs(text, &lines);

    let mut date = None;
    if let Some(first) = paras.first_mut()
        && let Some((d, rest)) = leading_date(text, first.clone())
    {
        date = Some(d);
        *first = rest;
    }
    paras.retain(|r| !r.is_empty());
    let split = paras.iter().any(|r| r.len() > MAX_PARAGRAPH_BYTES);
    if split {
        paras = paras
            .into_iter()
            .flat_map(|r| pieces(text, r, MAX_PARAGRAPH_BYTES))
            .collect();
    }

    let mut source = None;
    if let Some(last) = paras.last()
        && let Some(s) = source_line(text, last.clone())
    {
        source = Some(s);
        paras.pop();
    }

    let mut paragraphs: Vec<Paragraph> = paras
        .into_iter()
        .map(|range| Paragraph::new(range, ParaKind::Body))
        .collect();

    let mut title = None;
    if paragraphs.len() >= 2
        && let Some(first) = paragraphs.first_mut()
        && reads_as_headline(text.get(first.range.clone()).unwrap_or_default())
    {
        first.kind = ParaKind::Title;
        title = Some(first.range.clone());
    }
    let n = paragraphs.len();
    for (i, p) in paragraphs.iter_mut().enumerate() {
        if p.kind == ParaKind::Body
            && i > 0
            && i + 1 < n
            && reads_as_heading(text.get(p.range.clone()).unwrap_or_default())
        {
            p.kind = ParaKind::Heading;
        }
    }
    let body_count = paragraphs
        .iter()
        .filter(|p| p.kind == ParaKind::Body)
        .count();
    if body_count >= 3
        && let Some(last) = paragraphs.last_mut()
        && reads_as_blurb(text.get(last.range.clone()).unwrap_or_default())
    {
        last.kind = ParaKind::Blurb;
    }
    Parts {
        title,
        date,
        source,
        paragraphs,
        split,
    }
}

/// Every line's range with surrounding whitespace trimmed; `\n`, `\r\n` and a lone `\r` end lines.
fn trimmed_lines(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    // memchr finds line ends many bytes at a time: a 50 MB article is scanned in milliseconds.
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if i < start {
            // The `\n` of a `\r\n` already taken.
            continue;
        }
        lines.push(trim(text, start..i));
        start = i + 1;
        if bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) == Some(&b'\n') {
            start = i + 2;
        }
    }
    if start < bytes.len() {
        lines.push(trim(text, start..bytes.len()));
    }
    lines
}

/// Articles come either one paragraph per line, or hard-wrapped with blank lines between
/// paragraphs. Only when blank-separated runs average one and a half lines or more are the runs
/// paragraphs; otherwise every line is one. Inside a run, a line is joined to the one before only
/// where the break is soft (see `turns.rs`): a transcript's turns and a list's items stay lines.
fn group_paragraphs(text: &str, lines: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut runs: Vec<Vec<Range<usize>>> = Vec::new();
    let mut non_blank = 0usize;
    let mut in_run = false;
    for l in lines {
        if l.is_empty() {
            in_run = false;
            continue;
        }
        non_blank += 1;
        match runs.last_mut() {
            Some(r) if in_run => r.push(l.clone()),
            _ => runs.push(vec![l.clone()]),
        }
        in_run = true;
    }
    if runs.len() <= 1 || non_blank * 2 < runs.len() * 3 {
        return lines.iter().filter(|l| !l.is_empty()).cloned().collect();
    }
    let line = |r: &Range<usize>| text.get(r.clone()).unwrap_or_default();
    let mut out: Vec<Range<usize>> = Vec::with_capacity(runs.len());
    for (k, run) in runs.iter().enumerate() {
        let width = run
            .iter()
            .map(|r| line(r).chars().count())
            .max()
            .unwrap_or(0);
        for (i, l) in run.iter().enumerate() {
            let prev = i.checked_sub(1).and_then(|j| run.get(j));
            // the headline stands alone above a byline or standfirst (« Propos recueillis par … »)
            let after_headline =
                k == 0 && i == 1 && line(l).chars().next().is_some_and(char::is_uppercase);
            match (prev, out.last_mut()) {
                (Some(p), Some(b))
                    if !after_headline && turns::soft_break(line(p), line(l), width) =>
                {
                    b.end = l.end;
                }
                _ => out.push(l.clone()),
            }
        }
    }
    out
}

/// `date 2023-12` (or `Date: 2023-12-05`) at the start of the first paragraph.
fn leading_date(text: &str, para: Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
    let s = text.get(para.clone())?;
    let head = s.get(..4)?;
    if !head.eq_ignore_ascii_case("date") {
        return None;
    }
    let after = s.get(4..)?.trim_start_matches(':');
    let gap = after.len() - after.trim_start().len();
    if gap == 0 && after.len() == s.len() - 4 {
        return None;
    }
    let value = after.trim_start();
    let len = value
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'-' || *b == b'/')
        .count();
    let token = value.get(..len)?;
    let digits = token.bytes().filter(u8::is_ascii_digit).count();
    if digits < 4 || !token.bytes().take(4).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let date_start = para.start + (s.len() - value.len());
    let date = date_start..date_start + len;
    let rest = trim(text, date.end..para.end);
    Some((date, rest))
}

/// A closing `Source: …` / `Sources : …` line: returns the range of what follows the colon.
fn source_line(text: &str, para: Range<usize>) -> Option<Range<usize>> {
    let s = text.get(para.clone())?;
    let lower: String = s.chars().take(8).collect::<String>().to_lowercase();
    let word_len = if lower.starts_with("sources") {
        7
    } else if lower.starts_with("source") {
        6
    } else {
        return None;
    };
    let rest = s.get(word_len..)?;
    let colon = rest.trim_start();
    let value = colon.strip_prefix(':')?.trim_start();
    if value.is_empty() || value.chars().count() > 200 {
        return None;
    }
    let start = para.start + (s.len() - value.len());
    Some(start..para.end)
}

fn reads_as_headline(s: &str) -> bool {
    let n = s.chars().count();
    if n == 0 || n > MAX_HEADLINE_CHARS {
        return false;
    }
    let last = s.chars().next_back().unwrap_or('.');
    !matches!(last, '.' | ',' | ';' | ':')
}

/// A short line without closing punctuation between paragraphs is a section heading.
fn reads_as_heading(s: &str) -> bool {
    // Longer than 80 characters in any encoding: not a heading, without counting.
    if s.len() > 4 * 80 {
        return false;
    }
    let last = s.chars().next_back().unwrap_or('.');
    !matches!(last, '.' | ',' | ';' | ':' | '»' | '"' | '”' | ')')
        && (3..=80).contains(&s.chars().count())
}

fn reads_as_blurb(s: &str) -> bool {
    if s.len() > 4 * MAX_BLURB_CHARS || s.chars().count() > MAX_BLURB_CHARS {
        return false;
    }
    let first = s.chars().next().unwrap_or(' ');
    let last = s.chars().next_back().unwrap_or(' ');
    let quoted = matches!(first, '“' | '"' | '«' | '„') && matches!(last, '”' | '"' | '»' | '“');
    let byline = ["Par ", "By ", "Propos recueillis", "Avec AFP", "With "]
        .iter()
        .any(|p| s.starts_with(p))
        && s.chars().count() <= 80;
    quoted || byline
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, p: &Parts) -> Vec<String> {
        p.paragraphs
            .iter()
            .map(|x| text[x.range.clone()].to_string())
            .collect()
    }

    #[test]
    fn one_paragraph_per_line() {
        let t = "Titre\nPremier.\nSecond.\n";
        let p = analyse(t);
        assert_eq!(texts(t, &p), ["Titre", "Premier.", "Second."]);
        assert_eq!(p.title, Some(0..5));
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let t = "Un titre\n\nligne un\nligne deux.\n\nautre para\nsuite.\n";
        let p = analyse(t);
        assert_eq!(
            texts(t, &p),
            ["Un titre", "ligne un\nligne deux.", "autre para\nsuite."]
        );
    }

    #[test]
    fn crlf_and_cr_only_line_ends() {
        let t = "Titre\r\nUn.\rDeux.\r\n";
        assert_eq!(texts(t, &analyse(t)), ["Titre", "Un.", "Deux."]);
    }

    #[test]
    fn date_prefix_and_source() {
        let t = " date 2023-12 Le texte commence ici.\n\nSuite.\n\nSource: Médias";
        let p = analyse(t);
        assert_eq!(&t[p.date.clone().unwrap()], "2023-12");
        assert_eq!(&t[p.source.clone().unwrap()], "Médias");
        assert_eq!(texts(t, &p), ["Le texte commence ici.", "Suite."]);
        assert!(p.title.is_none());
    }

    #[test]
    fn a_word_starting_with_date_is_not_metadata() {
        let t = "dates 2023 sont là\nSuite.\n";
        assert!(analyse(t).date.is_none());
    }

    #[test]
    fn a_huge_paragraph_is_cut_into_pieces_without_losing_text() {
        let t = format!("{}\n{}", "x".repeat(40_000), "mot ".repeat(10_000));
        let p = analyse(&t);
        assert!(p.split);
        let mut kept = String::new();
        for para in &p.paragraphs {
            assert!(para.range.len() <= MAX_PARAGRAPH_BYTES);
            kept.push_str(&t[para.range.clone()]);
        }
        let strip = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(strip(&kept), strip(&t));
        // Cut at spaces where there are spaces.
        assert!(
            p.paragraphs[3..]
                .iter()
                .all(|x| t[x.range.clone()].ends_with("mot"))
        );
    }

    #[test]
    fn a_huge_paragraph_keeps_accents_with_their_letters() {
        let t = "e\u{301}".repeat(10_000);
        for para in analyse(&t).paragraphs {
            assert!(t[para.range.clone()].starts_with('e'), "{:?}", para.range);
        }
    }

    #[test]
    fn empty_and_blank_files() {
        assert!(analyse("").paragraphs.is_empty());
        assert!(analyse("   \n \n").paragraphs.is_empty());
    }
}
