//! A page's nesting and its tags' attributes capped before it is parsed.
//!
//! html5ever builds any depth without recursion, but the tree builder looks through the stack
//! of open elements at each tag, and Readability climbs every node's ancestors: a page of
//! 100,000 nested `<div>` took 51 s to parse alone. No real page nests more than a few dozen
//! levels; past [`MAX_DEPTH`] the extra tags (not their text) are dropped, in one linear scan
//! that tracks open elements the way HTML closes them (void elements, `<p>` and `<li>` closed
//! by their siblings, raw text in `<script>` and `<style>`).

use std::borrow::Cow;

/// Elements nested deeper than this are flattened before parsing.
pub const MAX_DEPTH: usize = 256;

/// Attributes of one tag past this many are dropped before parsing: html5ever compares each
/// attribute with those before it (to drop duplicates), so a tag of 100,000 attributes took 5 s
/// and one of 200,000 took 22 s (issue 24.8). Real tags have a few dozen at most; attributes
/// hold no article text.
pub const MAX_ATTRIBUTES: usize = 128;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];
/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// `html` with the tags nested deeper than `MAX_DEPTH` taken out (borrowed when none are).
pub fn cap(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut stack: Vec<String> = Vec::new();
    let mut dropped = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut i = 0usize;
    while let Some(lt) = memchr::memchr(b'<', bytes.get(i..).unwrap_or_default()) {
        let at = i + lt;
        let rest = bytes.get(at..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            i = find(bytes, at + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = find(bytes, at, b">").map_or(bytes.len(), |e| e + 1);
            continue;
        }
        let end_tag = rest.get(1) == Some(&b'/');
        let name_at = at + 1 + usize::from(end_tag);
        let name = tag_name(bytes, name_at);
        if name.is_empty() {
            i = at + 1;
            continue;
        }
        let tag_end = tag_end(bytes, name_at + name.len());
        let mut drop = false;
        if end_tag {
            if dropped > 0 {
                dropped -= 1;
                drop = true;
            } else if let Some(k) = stack.iter().rposition(|t| *t == name) {
                stack.truncate(k);
            }
        } else {
            let self_closing = bytes.get(tag_end.saturating_sub(2)) == Some(&b'/');
            close_implied(&mut stack, &name);
            if !VOID.contains(&name.as_str()) && !self_closing {
                if stack.len() >= MAX_DEPTH {
                    dropped += 1;
                    drop = true;
                } else {
                    stack.push(name.clone());
                }
            }
        }
        if drop {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(html.get(copied..at).unwrap_or_default());
            copied = tag_end;
        } else if !end_tag && let Some(cut) = attributes_cut(bytes, name_at + name.len(), tag_end) {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(html.get(copied..cut).unwrap_or_default());
            let self_closing = bytes.get(tag_end.saturating_sub(2)) == Some(&b'/');
            o.push_str(if self_closing { "/>" } else { ">" });
            copied = tag_end;
        }
        i = tag_end;
        if !end_tag && RAW_TEXT.contains(&name.as_str()) {
            // Raw text runs to the matching end tag: no tags inside it.
            let close = format!("</{name}");
            i = find_ascii_ci(bytes, i, close.as_bytes()).unwrap_or(bytes.len());
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(html.get(copied..).unwrap_or_default());
            Cow::Owned(o)
        }
    }
}

/// The elements a start tag closes, as a browser closes them.
fn close_implied(stack: &mut Vec<String>, name: &str) {
    let top = stack.last().map(String::as_str);
    let closes = match name {
        "li" => top == Some("li"),
        "dt" | "dd" => matches!(top, Some("dt" | "dd")),
        "td" | "th" => matches!(top, Some("td" | "th")),
        "tr" => {
            while matches!(stack.last().map(String::as_str), Some("td" | "th")) {
                stack.pop();
            }
            stack.last().map(String::as_str) == Some("tr")
        }
        "option" => top == Some("option"),
        _ => top == Some("p") && CLOSES_P.contains(&name),
    };
    if closes {
        stack.pop();
    }
}

/// The lower-cased tag name at `at` (letters, digits, `-`), empty when none starts there.
fn tag_name(bytes: &[u8], at: usize) -> String {
    let rest = bytes.get(at..).unwrap_or_default();
    if !rest.first().is_some_and(u8::is_ascii_alphabetic) {
        return String::new();
    }
    rest.iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .take(32)
        .map(|b| char::from(b.to_ascii_lowercase()))
        .collect()
}

/// Where a start tag's attributes past [`MAX_ATTRIBUTES`] begin (the whitespace before them
/// included), if it has more; `from` is just past its name, `tag_end` just past its `>`. Reads
/// attributes as the HTML tokenizer does: a name up to a space, `/`, `>` or `=`, then maybe
/// `=` and a value, quoted or not.
fn attributes_cut(bytes: &[u8], from: usize, tag_end: usize) -> Option<usize> {
    let end = match bytes.get(tag_end.wrapping_sub(1)) {
        Some(b'>') => tag_end - 1,
        _ => tag_end,
    };
    let at = |i: usize| bytes.get(i).copied().filter(|_| i < end);
    let space = |b: u8| b.is_ascii_whitespace();
    let mut i = from;
    let mut count = 0usize;
    loop {
        let before = i;
        while at(i).is_some_and(|b| space(b) || b == b'/') {
            i += 1;
        }
        at(i)?;
        if count == MAX_ATTRIBUTES {
            return Some(before);
        }
        count += 1;
        i += 1;
        while at(i).is_some_and(|b| !space(b) && b != b'/' && b != b'=') {
            i += 1;
        }
        let mut j = i;
        while at(j).is_some_and(space) {
            j += 1;
        }
        if at(j) != Some(b'=') {
            continue;
        }
        i = j + 1;
        while at(i).is_some_and(space) {
            i += 1;
        }
        match at(i) {
            Some(q @ (b'"' | b'\'')) => {
                i = memchr::memchr(q, bytes.get(i + 1..end).unwrap_or_default())
                    .map_or(end, |e| i + 1 + e + 1);
            }
            _ => {
                while at(i).is_some_and(|b| !space(b)) {
                    i += 1;
                }
            }
        }
    }
}

/// Just past the `>` that ends a tag, skipping quoted attribute values.
fn tag_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        match b {
            b'>' => return i + 1,
            b'"' | b'\'' => {
                i = memchr::memchr(b, bytes.get(i + 1..).unwrap_or_default())
                    .map_or(bytes.len(), |e| i + 1 + e + 1);
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|i| from + i)
}

fn find_ascii_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut i = from;
    loop {
        let lt = memchr::memchr(b'<', bytes.get(i..)?)? + i;
        if bytes
            .get(lt..lt + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(lt);
        }
        i = lt + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_untouched() {
        let page = "<html><body><div><p>un<p>deux<ul><li>a<li>b</ul></div><script>if (a<b) {}</script><br><img src=x></body></html>";
        assert!(matches!(cap(page), Cow::Borrowed(_)));
        let many_paragraphs = "<div>".to_string() + &"<p>texte".repeat(10_000) + "</div>";
        assert!(matches!(cap(&many_paragraphs), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_cut_and_text_kept() {
        let n = 100_000;
        let page = "<div>".repeat(n) + "<p>au fond</p>" + &"</div>".repeat(n) + "<p>après</p>";
        let capped = cap(&page);
        assert!(capped.len() < 20_000, "{}", capped.len());
        assert!(capped.contains("au fond") && capped.ends_with("<p>après</p>"));
    }

    /// Issue 24.8: html5ever looks for a duplicate among the attributes before it at each
    /// one, so 100,000 attributes on one tag took 5 s, 200,000 took 22 s.
    #[test]
    fn attributes_past_the_cap_are_dropped_and_the_rest_kept() {
        let attrs: String = (0..10_000).map(|i| format!(" a{i}=\"v > {i}\"")).collect();
        let page = format!("<p id=x{attrs}>texte</p><br{attrs}/><p class=y>fin</p>");
        let capped = cap(&page);
        // `id` and 127 on the `<p>`, 128 on the `<br>`.
        assert_eq!(
            capped.matches(" a").count(),
            2 * MAX_ATTRIBUTES - 1,
            "{}",
            capped.len()
        );
        assert!(
            capped.starts_with("<p id=x a0=\"v > 0\""),
            "{}",
            &capped[..40]
        );
        assert!(capped.contains(&format!(
            " a{}=\"v > {0}\">texte</p><br",
            MAX_ATTRIBUTES - 2
        )));
        assert!(capped.ends_with("<p class=y>fin</p>"));
        // Few attributes, unquoted values, a valueless one: untouched.
        let page = "<input type=checkbox checked name='a b' value=\"c\"><p>x</p>";
        assert!(matches!(cap(page), Cow::Borrowed(_)));
    }

    #[test]
    fn quoted_brackets_do_not_end_a_tag() {
        let page = "<div title=\"a > b\">".repeat(300) + "x";
        let capped = cap(&page);
        assert_eq!(capped.matches("<div").count(), MAX_DEPTH);
        assert!(capped.ends_with('x'));
    }
}
