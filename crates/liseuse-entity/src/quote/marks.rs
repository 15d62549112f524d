//! Quotation marks read as writers use them, one paragraph at a time: « … » with or without inner spaces, “ ”,
//! ‹ ›, „ “ and straight "…"; quotes nested in a quote belong to it; a mark never closed runs to the end of its
//! paragraph, or to a comma before a speech verb when a new quote opens after it (« a déclaré que « …, ajoutant
//! « … » »); « … ” and » … » are pairs; a garbled « … « … » with a single closing mark is one quote. Only the
//! outermost quotes are kept. One pass over the paragraph's marks with a stack: linear.

use super::lexicon::W;
use super::para::Tok;

/// A quotation between marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    /// The opening mark's token.
    pub open: usize,
    /// The closing mark's token, if it was closed.
    pub close: Option<usize>,
    /// The quotation's first and last tokens (its words, without the marks); `first > last` when empty.
    pub first: usize,
    pub last: usize,
    /// The quoted words' bytes: no marks, no spaces at either end.
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight quote: which it is depends on its neighbours.
    Straight,
}

fn role(c: char) -> Option<Role> {
    match c {
        '«' | '“' | '‹' | '„' => Some(Role::Open),
        '»' | '”' | '›' => Some(Role::Close),
        '"' => Some(Role::Straight),
        _ => None,
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Whether a punctuation mark is a quotation mark (an apostrophe is not).
#[inline]
pub fn is_mark(c: char) -> bool {
    role(c).is_some()
}

/// The quotations of a paragraph whose tokens are `toks` (in `text`), ending at byte `para_end`, into `out`
/// (cleared first); `marks` are the indices of its quotation marks ([`is_mark`]) in order, gathered as its tokens
/// were read.
pub fn pair(text: &str, toks: &[Tok], para_end: usize, out: &mut Vec<Marked>, marks: &[usize]) {
    out.clear();
    if marks.is_empty() {
        return;
    }
    // open marks: (token, the last nested quote closed inside it)
    let mut stack: Vec<(usize, Option<usize>)> = Vec::new();
    // the last straight mark: whether another follows is one comparison
    let last_straight = marks
        .iter()
        .rposition(|&j| toks.get(j).is_some_and(|m| m.punct == '"'));
    for (k, &i) in marks.iter().enumerate() {
        let Some(t) = toks.get(i) else { continue };
        let r = match role(t.punct) {
            Some(Role::Straight) => {
                let r = straight_role(text, toks, i, &stack);
                // nothing straight to close: an opening mark, if another follows (« said," [Warhol] liked …" »)
                let open_straight = stack
                    .iter()
                    .any(|&(o, _)| toks.get(o).is_some_and(|m| m.punct == '"'));
                let another = last_straight.is_some_and(|l| l > k);
                if r == Role::Close && !open_straight && another {
                    Role::Open
                } else {
                    r
                }
            }
            Some(r) => r,
            None => continue,
        };
        match r {
            Role::Open => {
                if let Some(&(top, nested)) = stack.last()
                    && stack.len() == 1
                    && nested.is_none()
                    && let Some(cut) = cut_before_cue(toks, top, i)
                {
                    // « … , ajoutant « … »: the first quote ends before the comma
                    stack.pop();
                    push(out, text, toks, top, None, cut);
                }
                stack.push((i, None));
            }
            Role::Close => match stack.pop() {
                Some((open, _)) => {
                    if let Some(outer) = stack.last_mut() {
                        outer.1 = Some(i);
                    } else {
                        push(out, text, toks, open, Some(i), i);
                    }
                }
                None => {
                    // a closing » used to open: another » follows before any opening mark
                    let opens_later = marks
                        .get(k + 1..)
                        .unwrap_or_default()
                        .iter()
                        .find_map(|&j| toks.get(j).and_then(|m| role(m.punct)))
                        == Some(Role::Close);
                    let word_after = toks.get(i + 1).is_some_and(Tok::is_word);
                    if t.punct == '»' && opens_later && word_after {
                        stack.push((i, None));
                    }
                }
            },
            Role::Straight => {}
        }
    }
    // never closed: the outermost runs to the paragraph's end, unless a nested quote closed at its very end
    // (« … « … » at the end of the paragraph: one quote, closed by that mark)
    if let Some(&(open, nested)) = stack.first() {
        let last_word = toks.iter().rposition(Tok::is_word);
        match nested {
            Some(c) if last_word.is_none_or(|w| w < c) => push(out, text, toks, open, Some(c), c),
            _ => push(out, text, toks, open, None, toks.len()),
        }
        if let Some(m) = out.last_mut()
            && m.close.is_none()
        {
            m.end = m.end.min(para_end);
        }
    }
}

/// Whether a straight quote opens or closes, from the characters around it and what is open.
fn straight_role(text: &str, toks: &[Tok], i: usize, stack: &[(usize, Option<usize>)]) -> Role {
    let Some(t) = toks.get(i) else {
        return Role::Close;
    };
    let before = text
        .get(..t.start as usize)
        .and_then(|s| s.chars().next_back());
    let after = text.get(t.end as usize..).and_then(|s| s.chars().next());
    let open_side = before.is_none_or(|c| is_space(c) || "([{—–-/:".contains(c));
    let close_side = after.is_none_or(|c| is_space(c) || ".,;:!?)]}".contains(c));
    let top_straight = stack
        .last()
        .and_then(|&(o, _)| toks.get(o))
        .is_some_and(|o| o.punct == '"');
    match (open_side, close_side) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ if top_straight => Role::Close,
        _ => Role::Open,
    }
}

/// Where an unclosed quote opened at `open` ends when a new one opens at `next`: before the last comma that a
/// speech verb follows (« …, ajoutant « … »), if there is one.
fn cut_before_cue(toks: &[Tok], open: usize, next: usize) -> Option<usize> {
    let mut k = next;
    // the comma is near the new quotation (« …, ajoutant « »): a bounded look back
    let floor = (open + 1).max(next.saturating_sub(60));
    while k > floor {
        k -= 1;
        let t = toks.get(k)?;
        if t.punct == ',' {
            let cue = toks
                .get(k + 1)
                .is_some_and(|n| n.is(W::SAY | W::QUOTE_ONLY));
            return cue.then_some(k);
        }
    }
    None
}

/// Records the quote opened at `open`, closed at `close` (if it was), whose words end before token `until`.
fn push(
    out: &mut Vec<Marked>,
    text: &str,
    toks: &[Tok],
    open: usize,
    close: Option<usize>,
    until: usize,
) {
    let Some(o) = toks.get(open) else { return };
    let first = open + 1;
    let last = until.saturating_sub(1);
    let start = o.end as usize;
    let end = match toks.get(until) {
        Some(t) => t.start as usize,
        None => toks.last().map_or(start, |t| t.end as usize),
    };
    let (start, end) = trim(text, start, end.max(start));
    out.push(Marked {
        open,
        close,
        first,
        last,
        start,
        end,
    });
}

/// `start..end` without spaces at either end.
fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(s) = text.get(start..end) else {
        return (start, start);
    };
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let body = s.trim_matches(is_space);
    (start + lead, start + lead + body.len())
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::{Lang, lexicon};
    use super::super::para::Para;
    use crate::DocEntities;

    fn quotes(text: &str) -> Vec<&str> {
        let mut scratch = Default::default();
        let doc = DocEntities::default();
        let p = Para::new(
            text,
            0..text.len(),
            lexicon(Lang::Fr),
            &doc,
            &mut scratch,
            None,
        );
        p.quotes.iter().map(|q| &text[q.start..q.end]).collect()
    }

    #[test]
    fn french_marks_with_and_without_spaces() {
        assert_eq!(
            quotes("Il a dit : « Nous ferons tout » hier."),
            ["Nous ferons tout"]
        );
        assert_eq!(
            quotes("Il a dit :«Nous ferons tout»."),
            ["Nous ferons tout"]
        );
        assert_eq!(
            quotes("Il a dit\u{a0}: «\u{a0}Oui, tout\u{a0}»."),
            ["Oui, tout"]
        );
    }

    #[test]
    fn nested_quotes_belong_to_the_outer_one() {
        assert_eq!(
            quotes("Il a ajouté : « Les « États-Unis » augmentent l'intensité. » Fin."),
            ["Les « États-Unis » augmentent l'intensité."]
        );
        assert_eq!(quotes("He said “a ‹ b › c” then."), ["a ‹ b › c"]);
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_paragraph_end() {
        assert_eq!(
            quotes("Il a dit « feront n'importe quoi. Que faire ?"),
            ["feront n'importe quoi. Que faire ?"]
        );
    }

    #[test]
    fn an_unclosed_quote_ends_before_a_comma_and_a_speech_verb_when_another_opens() {
        assert_eq!(
            quotes("Il a déclaré que « l'Iran était un pionnier, ajoutant « nous devons lutter »."),
            ["l'Iran était un pionnier", "nous devons lutter"]
        );
    }

    #[test]
    fn mismatched_pairs_are_read_as_pairs() {
        assert_eq!(
            quotes("Il a dit : « Vos frères sont unis (… ).” Fin."),
            ["Vos frères sont unis (… )."]
        );
        assert_eq!(
            quotes("soulignant que » l'entité se dirige vers l'effondrement »."),
            ["l'entité se dirige vers l'effondrement"]
        );
        assert_eq!(
            quotes("que son pays « le meurtre de les femmes et « les enfants du monde entier »."),
            ["le meurtre de les femmes et « les enfants du monde entier"]
        );
    }

    #[test]
    fn straight_quotes_open_and_close_by_their_neighbours() {
        assert_eq!(
            quotes(r#"Obama said "Steve was great". Then "he left" too."#),
            ["Steve was great", "he left"]
        );
        assert_eq!(
            quotes(r#"was undergoing "intensive chemotherapy.""#),
            ["intensive chemotherapy."]
        );
    }
}
