//! Opening articles: at once when read, else as soon as they are (a long one's preview first),
//! and the text replaced in place when the file changes or its preview is done. Leaving an
//! article, by whatever way, keeps its place (top and cursor line) for when it is opened again.

use super::reading::Reading;
use super::{App, Effect, Event, Focus, Reader};
use liseuse_document::Document;
use std::sync::Arc;

impl App {
    /// Opens article `index`, at `offset` if given, else where the reader last was in it.
    /// The place in the article being left is saved.
    pub(super) fn open_article(
        &mut self,
        index: usize,
        offset: Option<usize>,
        fx: &mut Vec<Effect>,
    ) {
        let Some(article) = self.library.articles.get(index) else {
            return;
        };
        if let Some(err) = &article.error {
            self.status.say(format!("{}: {err}", article.entry.path));
            return;
        }
        let Some(doc) = article.doc.clone() else {
            self.reading.pending = Some((index, offset));
            self.status.say(format!("reading {}…", article.entry.name));
            self.ask_texts([index], fx);
            // Texts are read when opened: the reader takes the keys now, as it would have
            // with the text held.
            self.focus = Focus::Reader;
            return;
        };
        let path = article.entry.path.clone();
        if self.reading.open != Some(index) {
            self.save_place(fx);
        }
        let (w, h) = self.text_size();
        let mut reader = Reader::new(doc, w, h);
        match offset {
            Some(o) => reader.goto_offset(o),
            None => {
                if let Some(place) = self.reading.saved_place(&path, &reader.doc.text) {
                    Reading::restore(&mut reader, place);
                }
            }
        }
        self.reading.reader = Some(reader);
        self.set_open(index);
        self.mark_read(index, fx);
        self.reading.pending = None;
        self.focus = Focus::Reader;
        self.refresh_marks();
        self.refresh_search();
        self.entities.rebuild_rows(self.reading.open);
    }

    /// Opens an article at an offset, now or as soon as it is read.
    pub(super) fn open_at(&mut self, index: usize, offset: Option<usize>, fx: &mut Vec<Effect>) {
        if self.reading.open == Some(index) {
            if let (Some(r), Some(o)) = (&mut self.reading.reader, offset) {
                r.goto_offset(o);
            }
            self.focus = Focus::Reader;
            return;
        }
        self.open_article(index, offset, fx);
    }

    /// What the reader pane says while no article is open: which one is being read, or why
    /// the one chosen cannot be shown (a lone binary file says so, as `cat` does, rather than
    /// "Reading…" for ever).
    pub fn reader_placeholder(&self) -> String {
        if self.library.is_empty() {
            return "No article.".to_string();
        }
        let chosen = self.reading.pending.map_or(self.list.selected, |(i, _)| i);
        match self.library.articles.get(chosen) {
            Some(a) if a.doc.is_none() && a.error.is_none() => format!("Reading {}…", a.entry.name),
            Some(a) => match &a.error {
                Some(e) => format!("{} cannot be read: {e}", a.entry.path),
                None => "Enter opens the article.".to_string(),
            },
            None => "Reading…".to_string(),
        }
    }

    /// Whether the user waits on this event: what they typed, or the article they are about to
    /// read. The event loop draws those at once and gathers the rest for a frame's time.
    pub fn awaits(&self, ev: &Event) -> bool {
        match ev {
            Event::Key(_)
            | Event::Mouse(_)
            | Event::Resize(..)
            | Event::Action(_)
            | Event::Paste(_)
            | Event::Redraw
            | Event::Signal(_)
            | Event::Hits(_) => true,
            Event::Preview { index, .. } | Event::Loaded { index, .. } => {
                self.reading.pending.is_some_and(|(p, _)| p == *index)
            }
            _ => false,
        }
    }

    /// Opens the article waiting to be, keeping the focus where the user put it meanwhile.
    fn open_pending(&mut self, index: usize, offset: Option<usize>, fx: &mut Vec<Effect>) {
        let focus = self.focus;
        self.open_article(index, offset, fx);
        self.focus = focus;
    }

    /// Shows a long article's beginning, unless the article is already read.
    pub(super) fn on_preview(&mut self, index: usize, doc: Arc<Document>, fx: &mut Vec<Effect>) {
        let Some(article) = self.library.articles.get_mut(index) else {
            return;
        };
        if article.doc.is_some() || article.error.is_some() {
            return;
        }
        let len = doc.text.len();
        let saved = self.reading.place_of(&article.entry.path);
        self.hold_text(index, doc);
        if let Some((pending, offset)) = self.reading.pending
            && pending == index
            // A place beyond the preview waits for the whole text.
            && offset.or(saved.as_ref().map(|p| p.top)).is_none_or(|o| o < len)
        {
            self.open_pending(index, offset, fx);
        }
    }

    /// What is kept of an article came in: checked against the cache, or read and indexed.
    pub(super) fn on_described(
        &mut self,
        index: usize,
        meta: Box<liseuse_library::cache::ArticleMeta>,
        hash: &str,
    ) {
        self.library.mark_loaded(index);
        self.entities.check_article(index, hash);
        let Some(article) = self.library.articles.get_mut(index) else {
            return;
        };
        if let Some(e) = &meta.error {
            self.status.say(format!("{}: {e}", article.entry.path));
        }
        article.error = meta.error.clone();
        article.modified = meta.modified;
        article.meta = Some(meta);
        // The title is known now: it may match the filter.
        self.list.article_changed(&self.library, index);
    }

    /// An article's text came in, read to show it.
    pub(super) fn on_loaded(
        &mut self,
        index: usize,
        result: Result<Arc<Document>, String>,
        fx: &mut Vec<Effect>,
    ) {
        let Some(article) = self.library.articles.get_mut(index) else {
            return;
        };
        match result {
            Ok(doc) => {
                article.error = None;
                self.hold_text(index, doc);
            }
            Err(e) => {
                self.texts.forget_ask(index);
                self.status.say(format!("{}: {e}", article.entry.path));
                article.error = Some(e);
            }
        }
        // Lists drawn from texts (bookmarks) find their passages now.
        self.refresh_bookmark_list();
        if self.reading.open == Some(index) {
            // The open article changed on disk, or its preview is done: show the new text at
            // the same place (at its end if `G` was pressed in the preview).
            let place = self.reading.place();
            let to_end = self
                .reading
                .reader
                .as_ref()
                .is_some_and(|r| r.doc.preview.is_some() && r.at_bottom());
            let focus = self.focus;
            self.reading.open = None;
            self.reading.reader = None;
            self.open_article(index, None, fx);
            if let (Some(r), Some(place)) = (&mut self.reading.reader, place) {
                Reading::restore(r, place);
                if to_end {
                    r.to_bottom();
                }
            }
            self.focus = focus;
            return;
        }
        if let Some((pending, offset)) = self.reading.pending
            && pending == index
        {
            self.open_pending(index, offset, fx);
            // That article could not be read: open the next one in the list instead.
            if self.reading.reader.is_none() {
                self.reading.pending = self.library.next_shown(index).map(|n| (n, None));
            }
        }
    }
}
