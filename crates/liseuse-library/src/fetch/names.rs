//! File and folder names made from what a server chose (a title, an address): letters and
//! digits only, joined by `-`, bounded in length, never empty, never `.` or `..`, never a
//! separator. A name ends with the article's key, so two titles alike are two files.

/// The longest slug, in bytes (a file name stays well under the usual 255).
pub const MAX_SLUG: usize = 60;

/// `text` as a slug: lower-case letters and digits of any script, every other run of
/// characters one `-`, at most `max` bytes (cut at a character), `fallback` when nothing is
/// left.
pub fn slug(text: &str, max: usize, fallback: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                if out.len() + 1 + c.len_utf8() > max {
                    break;
                }
                out.push('-');
            }
            dash = false;
            if out.len() + c.len_utf8() > max {
                break;
            }
            out.push(c);
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// `DATE-title-KEY.EXT`: the date first (`YYYY-MM-DD`, when known) so that a folder lists its
/// articles in the order they were published.
pub fn file_name(date: Option<&str>, title: &str, key: &str, ext: &str) -> String {
    let date = date
        .and_then(|d| d.get(..10))
        .filter(|d| is_day(d))
        .map(|d| format!("{d}-"))
        .unwrap_or_default();
    format!("{date}{}-{key}.{ext}", slug(title, MAX_SLUG, "article"))
}

fn is_day(d: &str) -> bool {
    d.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    })
}

/// The key at the end of a file name made by [`file_name`].
pub fn key_of(file_name: &str) -> Option<&str> {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
    let key = stem.rsplit_once('-')?.1;
    (key.len() == 12 && key.bytes().all(|b| b.is_ascii_hexdigit())).then_some(key)
}

/// A folder name for a feed titled `title`, unlike every name of `taken`.
pub fn folder(title: &str, taken: &[&str]) -> String {
    let base = slug(title, 40, "feed");
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{base}-{n}");
        n += 1;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_from_any_title() {
        assert_eq!(
            slug("Le Président : « Non ! »", 60, "x"),
            "le-président-non"
        );
        assert_eq!(slug("../../etc/passwd", 60, "x"), "etc-passwd");
        assert_eq!(slug("..", 60, "x"), "x");
        assert_eq!(slug("\u{1b}[2J\u{1b}]0;pwned\u{7}", 60, "x"), "2j-0-pwned");
        assert_eq!(slug("a/b\\c\0d", 60, "x"), "a-b-c-d");
        let long = slug(&"été ".repeat(100), 60, "x");
        assert!(long.len() <= 60 && !long.ends_with('-'), "{long}");
        let n = file_name(
            Some("2026-05-05T10:00:00Z"),
            "../../x",
            "0123456789ab",
            "html",
        );
        assert_eq!(n, "2026-05-05-x-0123456789ab.html");
        assert_eq!(
            file_name(Some("May 5"), "", "0123456789ab", "html"),
            "article-0123456789ab.html"
        );
        assert_eq!(key_of(&n), Some("0123456789ab"));
        assert_eq!(key_of("notes.txt"), None);
        assert_eq!(
            folder("Le Monde", &["le-monde", "le-monde-2"]),
            "le-monde-3"
        );
        assert_eq!(folder("", &[]), "feed");
    }
}
