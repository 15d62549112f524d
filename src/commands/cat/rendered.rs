//! `liseuse cat FILE...`: each article's rendered text, as liseuse reads it (a web page's
//! article, a Markdown file without its markup, a book's chapters), so it can be piped.
//! Byte offsets printed by `liseuse entities` are offsets into exactly this text.
//!
//! The text goes through `sanitize` like everything liseuse prints (a file's escape sequences
//! never reach a terminal, even through `| head`); `--raw` writes it as it is, to a pipe or a
//! file.

use liseuse_library::{self as library, Entry};
use std::io::Write;

/// Writes the rendered text of each article to `out`, a blank line between articles.
/// `sanitise`: controls are made visible (line ends and tabs kept), else the text goes as it is. Returns the articles that
/// could not be read, each named with why (the others are still printed); a write error
/// stops it (the caller tells a closed pipe from a full disk).
pub fn run(entries: &[Entry], out: &mut dyn Write, sanitise: bool) -> std::io::Result<Vec<String>> {
    let mut failed = Vec::new();
    let mut printed = false;
    for e in entries {
        let doc = match library::load(e) {
            Ok(d) => d,
            Err(why) => {
                failed.push(format!("{}: {why}", e.path));
                continue;
            }
        };
        let text = if sanitise {
            liseuse_document::sanitize::text(&doc.text)
        } else {
            std::borrow::Cow::Borrowed(doc.text.as_str())
        };
        let sep = if printed { "\n" } else { "" };
        printed = true;
        // The text's own trailing blank lines are not printed: its offsets are unchanged.
        writeln!(out, "{sep}{}", text.trim_end())?;
    }
    out.flush()?;
    Ok(failed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use liseuse_library::Origin;

    fn entry(name: &'static str, bytes: &'static [u8]) -> Entry {
        Entry {
            path: name.to_string(),
            name: name.to_string(),
            origin: Origin::Embedded(bytes),
        }
    }

    #[test]
    fn prints_the_rendered_text_and_makes_escapes_visible_unless_raw() {
        let md = entry("a.md", b"# Titre\n\nDu **gras** \x1b[31m rouge.\n");
        let mut piped = Vec::new();
        run(std::slice::from_ref(&md), &mut piped, false).unwrap();
        assert_eq!(
            String::from_utf8(piped).unwrap(),
            "Titre\n\nDu gras \x1b[31m rouge.\n"
        );
        let mut shown = Vec::new();
        run(&[md], &mut shown, true).unwrap();
        let shown = String::from_utf8(shown).unwrap();
        assert!(
            !shown.contains('\x1b') && shown.contains("Titre\n\nDu gras"),
            "{shown:?}"
        );
    }

    #[test]
    fn a_bad_file_is_named_and_the_rest_printed() {
        let bad = entry("x.epub", b"PK\x03\x04junk");
        let good = entry("b.txt", b"Titre\nTexte.\n");
        let mut out = Vec::new();
        let failed = run(&[bad, good], &mut out, false).unwrap();
        assert!(
            failed[0].starts_with("x.epub: not a readable EPUB"),
            "{failed:?}"
        );
        assert_eq!(String::from_utf8(out).unwrap(), "Titre\nTexte.\n");
    }
}
