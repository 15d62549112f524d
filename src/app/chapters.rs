//! A book's chapters from the keyboard: `}` the next one, `{` back to this one's start (the
//! previous one's from there), where the reader is among them for the status bar and `=`.
//! A book's chapters are its table of contents' top entries (sections of level 0); in an
//! article with headings, `{` and `}` go by its top headings the same way. Also the text's
//! width (`+`, `-`), kept for the next start.

use super::{App, Focus};
use liseuse_document::Document;

/// How many columns `+` and `-` change the text's width by.
pub const WIDTH_STEP: usize = 4;
/// The text is never made narrower than this.
pub const MIN_TEXT_WIDTH: usize = 20;

/// The sections of the outline's top level, by index into `doc.sections`: a book's chapters, an
/// article's top headings.
pub fn chapters(doc: &Document) -> Vec<usize> {
    let Some(top) = doc.sections.iter().map(|s| s.level).min() else {
        return Vec::new();
    };
    (0..doc.sections.len())
        .filter(|&i| doc.sections.get(i).is_some_and(|s| s.level == top))
        .collect()
}

/// Whether `doc` is a book: its sections are chapters (level 0), not headings.
pub fn is_book(doc: &Document) -> bool {
    doc.sections.iter().any(|s| s.level == 0)
}

impl App {
    /// `}` / `{`, `count` times.
    pub(super) fn step_chapter(&mut self, forward: bool, count: usize) {
        let Some(r) = &mut self.reading.reader else {
            self.status.say("no article open");
            return;
        };
        let doc = r.doc.clone();
        let starts: Vec<usize> = chapters(&doc)
            .into_iter()
            .filter_map(|i| doc.sections.get(i).map(|s| s.offset))
            .collect();
        if starts.is_empty() {
            self.status.say("this article has no chapters or headings");
            return;
        }
        let was = r.offset_of(r.cursor);
        let mut at = was;
        for _ in 0..count.clamp(1, 10_000) {
            let next = if forward {
                starts.iter().copied().find(|&o| o > at)
            } else {
                starts.iter().copied().rev().find(|&o| o < at)
            };
            match next {
                Some(o) => at = o,
                None => break,
            }
        }
        if at == was {
            self.status.say(if forward {
                "this is the last chapter"
            } else {
                "this is the first chapter"
            });
            return;
        }
        // The chapter's first line at the top (as near as the end allows), the cursor on it.
        r.scroll_to_offset(at);
        r.put_cursor_at(at);
        self.focus = Focus::Reader;
    }

    /// The chapter the cursor is in, as `chapter n/m` and its title (and the section inside
    /// it, if in one): for `=` and the status bar. Books only.
    pub fn chapter_status(&self) -> Option<(String, String)> {
        let r = self.reader()?;
        let doc = &r.doc;
        if !is_book(doc) {
            return None;
        }
        let at = r.offset_of(r.cursor);
        let chapters = chapters(doc);
        let here = doc.section_at(at);
        let k = chapters
            .iter()
            .rposition(|&i| here.is_some_and(|h| i <= h))?;
        let chapter = doc.sections.get(*chapters.get(k)?)?;
        let mut title = chapter.title.clone();
        if let Some(inner) = here.and_then(|h| doc.sections.get(h))
            && inner.level > chapter.level
        {
            title = format!("{title} › {}", inner.title);
        }
        Some((format!("chapter {}/{}", k + 1, chapters.len()), title))
    }

    /// `+` / `-`: the text `count` steps wider or narrower, centred in the pane; as wide as the
    /// pane, it follows the pane's width again.
    pub(super) fn change_text_width(&mut self, wider: bool, count: usize) {
        let Some(g) = self.geometry() else { return };
        let full = g.text_width();
        let now = match self.layout.max_text_width {
            0 => full,
            m => m.min(full),
        };
        let by = WIDTH_STEP.saturating_mul(count.clamp(1, 1000));
        let new = if wider {
            now.saturating_add(by)
        } else {
            now.saturating_sub(by).max(MIN_TEXT_WIDTH.min(full))
        };
        self.layout.max_text_width = if new >= full { 0 } else { new };
        self.relayout();
        self.status.say(match self.layout.max_text_width {
            0 => "text as wide as the pane (- narrows it; kept for the next start)".to_string(),
            w => format!("text {w} columns wide (+ and - change it; kept for the next start)"),
        });
    }
}
