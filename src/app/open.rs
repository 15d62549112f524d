//! Opening articles: at once when read, else as soon as they are (a long one's preview first),
//! and the text replaced in place when the file changes or its preview is done.

use super::{App, Effect, Event, Focus, Reader};
use crate::document::Document;
use std::sync::Arc;

impl App {
    /// Opens article `index`, at `offset` if given, else where the reader last was in it.
    /// Returns the effect that remembers the position in the article being left.
    pub(super) fn open_article(&mut self, index: usize, offset: Option<usize>) -> Vec<Effect> {
        let leaving = self.position_effect();
        let Some(article) = self.library.articles.get(index) else {
            return Vec::new();
        };
        if let Some(err) = &article.error {
            self.message = Some(format!("{}: {err}", article.entry.path));
            return Vec::new();
        }
        let Some(doc) = article.doc.clone() else {
            self.pending_open = Some((index, offset));
            self.message = Some(format!("reading {}…", article.entry.name));
            return Vec::new();
        };
        if let Some(Effect::SavePosition { path, offset, .. }) = &leaving {
            self.positions.insert(path.clone(), *offset);
        }
        let (w, h) = self.text_size();
        let mut reader = Reader::new(doc, w, h);
        match offset {
            Some(o) => reader.goto_offset(o),
            None => {
                if let Some(&o) = self.positions.get(&article.entry.path) {
                    reader.scroll_to_offset(o);
                }
            }
        }
        self.reader = Some(reader);
        self.set_open(index);
        self.pending_open = None;
        self.focus = Focus::Reader;
        self.refresh_marks();
        self.refresh_search();
        self.entities.rebuild_rows(self.open);
        leaving.into_iter().collect()
    }

    /// Opens an article at an offset, now or as soon as it is read.
    pub(super) fn open_at(&mut self, index: usize, offset: Option<usize>) {
        if self.open == Some(index) {
            if let (Some(r), Some(o)) = (&mut self.reader, offset) {
                r.goto_offset(o);
            }
            self.focus = Focus::Reader;
            return;
        }
        // The effect of leaving is only a position; keeping it in `positions` is enough here.
        let _ = self.open_article(index, offset);
    }

    /// Whether the user waits on this event: what they typed, or the article they are about to
    /// read. The event loop draws those at once and gathers the rest for a frame's time.
    pub fn awaits(&self, ev: &Event) -> bool {
        match ev {
            Event::Key(_) | Event::Mouse(_) | Event::Resize(..) | Event::Action(_) => true,
            Event::Preview { index, .. } | Event::Loaded { index, .. } => {
                self.pending_open.is_some_and(|(p, _)| p == *index)
            }
            _ => false,
        }
    }

    /// Shows a long article's beginning, unless the article is already read.
    pub(super) fn on_preview(&mut self, index: usize, doc: Arc<Document>) {
        let Some(article) = self.library.articles.get_mut(index) else {
            return;
        };
        if article.doc.is_some() || article.error.is_some() {
            return;
        }
        let len = doc.text.len();
        article.doc = Some(doc);
        let path = &article.entry.path;
        if let Some((pending, offset)) = self.pending_open
            && pending == index
            // A place beyond the preview waits for the whole text.
            && offset.or_else(|| self.positions.get(path).copied()).is_none_or(|o| o < len)
        {
            let focus = self.focus;
            let _ = self.open_article(index, offset);
            self.focus = focus;
        }
    }

    pub(super) fn on_loaded(&mut self, index: usize, result: Result<Arc<Document>, String>) {
        self.library.mark_loaded(index);
        let Some(article) = self.library.articles.get_mut(index) else {
            return;
        };
        match result {
            Ok(doc) => {
                self.entities.check_article(index, &doc);
                article.doc = Some(doc);
                article.error = None;
                // A re-read article is folded again when next searched.
                if let Some(f) = self.folded.get_mut(index) {
                    *f = None;
                }
            }
            Err(e) => {
                self.message = Some(format!("{}: {e}", article.entry.path));
                article.error = Some(e);
            }
        }
        if self.open == Some(index) {
            // The open article changed on disk, or its preview is done: show the new text at
            // the same place (at its end if `G` was pressed in the preview).
            let at = self.reader.as_ref().map(|r| r.offset_of(r.top));
            let to_end = self
                .reader
                .as_ref()
                .is_some_and(|r| r.doc.preview.is_some() && r.at_bottom());
            let focus = self.focus;
            self.open = None;
            let _ = self.open_article(index, None);
            if let (Some(r), Some(at)) = (&mut self.reader, at) {
                r.scroll_to_offset(at);
                if to_end {
                    r.to_bottom();
                }
            }
            self.focus = focus;
            return;
        }
        if let Some((pending, offset)) = self.pending_open
            && pending == index
        {
            let focus = self.focus;
            let _ = self.open_article(index, offset);
            self.focus = focus;
            // That article could not be read: open the next one in the list instead.
            if self.reader.is_none() {
                self.pending_open = self.library.next_shown(index).map(|n| (n, None));
            }
        }
    }
}
