//! The open article's outline: its table of contents (`t`: headings, a book's chapters) and
//! its links (`l`: each link's text and address). Enter goes to the heading, or to the link in
//! the text with its address on the status bar. A link can also be fetched into the library and
//! read here (`a`), opened in the web browser (`o`) or copied (`c`).

use super::super::list::{OVERLAY_PAGE, move_selection};
use super::super::{App, Effect, Focus};
use super::Overlay;
use crate::keys::action::Action;

/// Which list of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outline {
    Contents,
    Links,
}

#[derive(Debug, Clone)]
pub struct OutlineView {
    pub kind: Outline,
    pub selected: usize,
}

impl App {
    /// `t` or `l`: the article's contents or links, on the one the reader is in.
    pub(crate) fn open_outline(&mut self, kind: Outline) {
        let Some(r) = self.reader() else {
            self.status.say("no article open");
            return;
        };
        let doc = &r.doc;
        let at = r.offset_of(r.cursor);
        let (n, selected) = match kind {
            Outline::Contents => (doc.sections.len(), doc.section_at(at).unwrap_or(0)),
            Outline::Links => (
                doc.links.len(),
                doc.links.partition_point(|l| l.range.start < at),
            ),
        };
        if n == 0 {
            self.status.say(match kind {
                Outline::Contents => "this article has no headings or chapters",
                Outline::Links => "this article has no links",
            });
            return;
        }
        self.overlay = Some(Overlay::Outline(OutlineView {
            kind,
            selected: selected.min(n - 1),
        }));
    }

    pub(super) fn outline_action(&mut self, action: Action, count: usize, fx: &mut Vec<Effect>) {
        let Some(doc) = self.reader().map(|r| r.doc.clone()) else {
            self.overlay = None;
            return;
        };
        let Some(Overlay::Outline(v)) = &mut self.overlay else {
            return;
        };
        let n = match v.kind {
            Outline::Contents => doc.sections.len(),
            Outline::Links => doc.links.len(),
        };
        if move_selection(&mut v.selected, n, OVERLAY_PAGE, action, count) {
            return;
        }
        match action {
            Action::Open => {
                let (kind, i) = (v.kind, v.selected);
                self.overlay = None;
                let target = match kind {
                    Outline::Contents => doc.sections.get(i).map(|s| (s.offset, None)),
                    Outline::Links => doc
                        .links
                        .get(i)
                        .map(|l| (l.range.start, Some(l.url.clone()))),
                };
                if let Some((offset, url)) = target {
                    if let Some(r) = &mut self.reading.reader {
                        r.goto_offset(offset);
                    }
                    self.focus = Focus::Reader;
                    if let Some(url) = url {
                        self.status.say(format!("link to {url}"));
                    }
                }
            }
            Action::FetchLink | Action::BrowseLink | Action::CopyLink
                if v.kind == Outline::Links =>
            {
                let Some(url) = doc.links.get(v.selected).map(|l| l.url.clone()) else {
                    return;
                };
                if action != Action::CopyLink {
                    self.overlay = None;
                }
                self.link_action(action, &url, fx);
            }
            Action::Cancel | Action::Contents | Action::Links => self.overlay = None,
            Action::Quit => self.quit(fx),
            Action::Redraw => fx.push(Effect::Redraw),
            _ => {}
        }
    }
}

impl App {
    /// A link chosen in the links: fetched and read here, given to the browser, or copied.
    /// Only web addresses (http, https) leave liseuse for a server or a browser.
    fn link_action(&mut self, action: Action, url: &str, fx: &mut Vec<Effect>) {
        let web = liseuse_library::fetch::address::parse_web(url);
        match (action, web) {
            (Action::FetchLink, Ok(u)) => {
                self.status.say(format!("fetching {u}…"));
                self.fetch_pages(&[u.to_string()], fx);
            }
            (Action::BrowseLink, Ok(u)) => {
                self.status.say(format!("opening {u} in the browser"));
                fx.push(Effect::Browse(u.to_string()));
            }
            (Action::FetchLink | Action::BrowseLink, Err(e)) => {
                self.status.say(format!("{url}: {e}"));
            }
            (_, _) => match &self.fetching.no_copy {
                None => {
                    self.status.say(format!("copied {url}"));
                    fx.push(Effect::Copy(url.to_string()));
                }
                Some(why) => self.status.say(format!("{why}; the address: {url}")),
            },
        }
    }
}
