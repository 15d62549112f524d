//! A view of a text with every run of whitespace collapsed to one space, which can map its byte
//! offsets back to the original text. This is how a passage is found again after the article was
//! re-saved with other line breaks (CRLF instead of LF) or with its lines wrapped differently.
//!
//! The map costs one entry per whitespace run that changed length (not one per byte), so it stays
//! small on large texts.

/// `text` with whitespace runs collapsed, plus the map back to `text`.
pub(crate) struct Normalized {
    /// The collapsed text.
    pub(crate) text: String,
    /// `(position in `text`, original - normalized)` from that position on; increasing positions.
    shifts: Vec<(usize, usize)>,
    /// Length of the original text.
    original_len: usize,
}

impl Normalized {
    pub(crate) fn new(original: &str) -> Normalized {
        let bytes = original.as_bytes();
        let mut text = String::with_capacity(original.len());
        let mut shifts = Vec::new();
        let mut copied = 0; // original bytes before this are handled
        let mut i = 0;
        while i < bytes.len() {
            let ws = whitespace_len(original, i);
            if ws == 0 {
                i += 1;
                continue;
            }
            text.push_str(&original[copied..i]);
            let mut run_end = i + ws;
            loop {
                let more = whitespace_len(original, run_end);
                if more == 0 {
                    break;
                }
                run_end += more;
            }
            text.push(' ');
            let run = run_end - i;
            if run != 1 {
                let delta = shifts.last().map_or(0, |&(_, d)| d) + run - 1;
                shifts.push((text.len(), delta));
            }
            copied = run_end;
            i = run_end;
        }
        text.push_str(&original[copied..]);
        Normalized {
            text,
            shifts,
            original_len: original.len(),
        }
    }

    /// The original offset of normalized offset `p` (a character boundary of `self.text`).
    ///
    /// A collapsed space maps to the start of its whitespace run; `text.len()` maps to the end of
    /// the original text. Character boundaries map to character boundaries.
    pub(crate) fn original(&self, p: usize) -> usize {
        if p >= self.text.len() {
            return self.original_len;
        }
        let i = self.shifts.partition_point(|&(at, _)| at <= p);
        let delta = if i == 0 { 0 } else { self.shifts[i - 1].1 };
        p + delta
    }
}

/// Collapses whitespace runs of a short string (an anchor's quote or context) to one space.
pub(crate) fn collapse(s: &str) -> String {
    Normalized::new(s).text
}

/// The byte length of the whitespace character at `i`, or 0 if there is none there.
fn whitespace_len(s: &str, i: usize) -> usize {
    let bytes = s.as_bytes();
    let Some(&b) = bytes.get(i) else { return 0 };
    if b < 0x80 {
        return usize::from(matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c));
    }
    // Only these lead bytes start non-ASCII whitespace (U+0085, U+00A0, U+1680, U+2000..U+3000).
    if !matches!(b, 0xc2 | 0xe1 | 0xe2 | 0xe3) {
        return 0;
    }
    match s.get(i..).and_then(|rest| rest.chars().next()) {
        Some(c) if c.is_whitespace() => c.len_utf8(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_runs_and_maps_back() {
        let original = "a \r\n  b\tc\u{a0}\u{a0}d\n";
        let n = Normalized::new(original);
        assert_eq!(n.text, "a b c d ");
        for (p, c) in n.text.char_indices() {
            let o = n.original(p);
            assert!(original.is_char_boundary(o));
            if c != ' ' {
                assert_eq!(original[o..].chars().next(), Some(c));
            }
        }
        assert_eq!(n.original(n.text.find('b').unwrap_or(0) - 1), 1);
        assert_eq!(n.original(n.text.len()), original.len());
    }

    #[test]
    fn text_without_whitespace_is_unchanged() {
        let n = Normalized::new("héllo");
        assert_eq!(n.text, "héllo");
        assert_eq!(n.original(3), 3);
    }
}
