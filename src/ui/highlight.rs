//! Cutting a line of article text into styled spans: entity mentions, the selected entity,
//! search matches. Each layer is a list of sorted, non-overlapping ranges; only the ranges that
//! touch the line are looked at (binary search), so a long article costs what is on screen.

use liseuse_document::sanitize;
use ratatui::style::Style;
use ratatui::text::Span;
use std::ops::Range;

/// The indices of the items of `sorted` (sorted by start, non-overlapping) that overlap `line`.
pub fn overlapping<T>(
    sorted: &[T],
    line: &Range<usize>,
    range_of: impl Fn(&T) -> Range<usize>,
) -> Range<usize> {
    let first = sorted.partition_point(|x| range_of(x).end <= line.start);
    let n = sorted[first..].partition_point(|x| range_of(x).start < line.end);
    first..first + n
}

/// Spans for `text[line]` in `base` style, with each `(range, style)` patched on top, later
/// entries over earlier ones.
pub fn spans(
    text: &str,
    line: Range<usize>,
    base: Style,
    marks: &[(Range<usize>, Style)],
) -> Vec<Span<'static>> {
    let mut cuts: Vec<usize> = vec![line.start, line.end];
    for (r, _) in marks {
        for p in [r.start, r.end] {
            if p > line.start && p < line.end && text.is_char_boundary(p) {
                cuts.push(p);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter_map(|w| {
            let (a, b) = (w[0], w[1]);
            let piece = text.get(a..b)?;
            let style = marks
                .iter()
                .filter(|(r, _)| r.start < b && r.end > a)
                .fold(base, |s, (_, m)| s.patch(*m));
            Some(Span::styled(sanitize::display(piece).into_owned(), style))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn marks_cut_the_line() {
        let text = "le Hamas et Gaza";
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let s = spans(text, 0..text.len(), Style::default(), &[(3..8, bold)]);
        let parts: Vec<&str> = s.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(parts, ["le ", "Hamas", " et Gaza"]);
        assert_eq!(s[1].style, bold);
    }

    #[test]
    fn overlapping_finds_only_what_touches() {
        let rs = vec![0..2, 5..9, 12..14, 20..30];
        let got = overlapping(&rs, &(8..13), |r| r.clone());
        assert_eq!(&rs[got], &[5..9, 12..14]);
    }
}
