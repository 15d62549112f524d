//! The beginning of a long file, shown while the whole is read.
//!
//! Reading, decoding and laying out a 50 MB file takes a few hundred milliseconds; its first
//! screen needs only its first paragraphs. The loader reads those first and the reader shows
//! them at once, then swaps in the whole document at the same place (see `App::on_loaded`).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use liseuse_document::Document;
use liseuse_entity::text::bounds::last_paragraph_end;

/// Files longer than this show their beginning first: shorter ones are read whole about as fast.
pub const PREVIEW_ABOVE: u64 = 2 * 1024 * 1024;

/// How much of a long file is shown first: a few hundred screens.
pub(super) const PREVIEW_BYTES: u64 = 256 * 1024;

/// The beginning `head` of a file of `len` bytes as a document, ending with a whole paragraph.
/// `None` when it might not decode the way the whole file does (UTF-16, or bytes that are not
/// UTF-8): then the offsets of the two would not agree.
pub(super) fn preview(name: &str, head: &[u8], len: u64) -> Option<Document> {
    if encoding_rs::Encoding::for_bom(head).is_some_and(|(e, _)| e != encoding_rs::UTF_8) {
        return None;
    }
    let head = head.get(..last_paragraph_end(head)?)?;
    std::str::from_utf8(head).ok()?;
    let mut doc = Document::from_bytes(name, head).ok()?;
    doc.preview = Some(len);
    doc.notices.push(format!(
        "reading the rest of this file ({} MB)…",
        len.div_ceil(1024 * 1024)
    ));
    Some(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Entry, Origin, load_with};
    use std::path::Path;

    /// The preview the loader would show for `e`, if any.
    fn preview(e: &Entry) -> Option<Document> {
        let mut got = None;
        let _ = load_with(e, |d| got = Some(d));
        got
    }

    fn entry(p: &Path) -> Entry {
        Entry {
            path: p.display().to_string(),
            name: "long.txt".to_string(),
            origin: Origin::File(p.to_path_buf()),
        }
    }

    #[test]
    fn a_long_file_previews_whole_paragraphs_that_start_the_whole_document() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("long.txt");
        let para = "Le maire de Toulouse a présenté le budget. ".repeat(30) + "\n\n";
        let text = format!("Le très long rapport\n\n{}", para.repeat(4000));
        std::fs::write(&p, &text).unwrap();
        let doc = preview(&entry(&p)).expect("a preview");
        assert_eq!(doc.preview, Some(text.len() as u64));
        assert_eq!(doc.title, "Le très long rapport");
        assert!(doc.text.len() <= 256 * 1024 && doc.text.ends_with("\n\n"));
        assert!(text.starts_with(&doc.text));
        let whole = Document::from_bytes("long.txt", text.as_bytes()).unwrap();
        assert_eq!(
            doc.paragraphs.get(1).map(|p| p.range.clone()),
            whole.paragraphs.get(1).map(|p| p.range.clone())
        );
    }

    #[test]
    fn short_and_utf16_files_have_no_preview() {
        let dir = tempfile::tempdir().unwrap();
        let short = dir.path().join("short.txt");
        std::fs::write(&short, "Un titre\n\nUn paragraphe.\n").unwrap();
        assert!(preview(&entry(&short)).is_none());
        let utf16 = dir.path().join("utf16.txt");
        let mut bytes = vec![0xFF, 0xFE];
        for _ in 0..(1 << 20) {
            bytes.extend_from_slice(&[b'a', 0, b'\n', 0]);
        }
        std::fs::write(&utf16, bytes).unwrap();
        assert!(preview(&entry(&utf16)).is_none());
    }
}
