//! The mouse: a click focuses a pane and picks what is under it (an article, a line, a mention,
//! an entity); the wheel scrolls the pane under the pointer.

use super::geometry::{Area, GUTTER};
use super::reader::LineText;
use super::{App, Effect, Focus, Mouse};
use crate::keys::action::Action;

fn inside(a: Area, x: u16, y: u16) -> bool {
    x >= a.x && x < a.x + a.width && y >= a.y && y < a.y + a.height
}

/// Row inside a bordered pane, if `y` is not on a border.
fn inner_row(a: Area, y: u16) -> Option<usize> {
    (y > a.y && y + 1 < a.y + a.height).then(|| usize::from(y - a.y - 1))
}

const WHEEL_LINES: usize = 3;

impl App {
    pub(super) fn on_mouse(&mut self, m: Mouse, fx: &mut Vec<Effect>) {
        if self.overlay.is_some() || self.input.is_some() {
            return;
        }
        let Some(g) = self.geometry() else { return };
        match m {
            Mouse::Scroll { x, y, down } => {
                let action = if down { Action::Down } else { Action::Up };
                if g.list.is_some_and(|l| inside(l, x, y)) {
                    self.focus = Focus::List;
                    self.move_list(action, 1);
                } else if inside(g.reader, x, y) {
                    if let Some(r) = &mut self.reading.reader {
                        r.scroll(if down {
                            WHEEL_LINES as isize
                        } else {
                            -(WHEEL_LINES as isize)
                        });
                    }
                } else if g.sidebar.is_some_and(|s| inside(s, x, y)) {
                    self.sidebar_action(action, WHEEL_LINES);
                }
            }
            Mouse::Click { x, y } => {
                if let Some(list) = g.list.filter(|l| inside(*l, x, y)) {
                    self.focus = Focus::List;
                    let Some(row) = inner_row(list, y) else {
                        return;
                    };
                    let at = self.list.top + row / Self::LIST_ITEM_ROWS;
                    if let Some(i) = self.list.at_row(&self.library, at) {
                        self.list.selected = i;
                        self.open_article(i, None, fx);
                    }
                } else if inside(g.reader, x, y) {
                    self.focus = Focus::Reader;
                    let Some(row) = inner_row(g.reader, y) else {
                        return;
                    };
                    // The last column inside the border is the scrollbar.
                    if x + 2 == g.reader.x + g.reader.width {
                        let rows = usize::from(g.reader.height.saturating_sub(2));
                        if let (Some(at), Some(r)) =
                            (self.scrollbar_target(row, rows), &mut self.reading.reader)
                        {
                            r.goto_offset(at);
                        }
                        return;
                    }
                    self.click_reader(row, x.saturating_sub(g.reader.x + 1));
                } else if let Some(s) = g.sidebar.filter(|s| inside(*s, x, y)) {
                    self.focus = Focus::Sidebar;
                    let Some(row) = inner_row(s, y) else { return };
                    let skip = self.entities.header_lines();
                    let Some(i) = (self.entities.top + row).checked_sub(skip) else {
                        return;
                    };
                    if i < self.entities.rows.len() {
                        self.entities.cursor = i;
                        if let Some(id) = self.entities.cursor_entity() {
                            self.select_entity(id);
                        }
                    }
                }
            }
        }
    }

    /// A click on reader row `row`, column `col` (inside the border): the cursor goes to that
    /// line; on a mention, its entity is selected.
    fn click_reader(&mut self, row: usize, col: u16) {
        let (_, _, indent) = self.text_layout();
        let Some(r) = &mut self.reading.reader else {
            return;
        };
        let Some(line) = r.visible().into_iter().nth(row) else {
            return;
        };
        r.cursor = line.pos;
        let Some(LineText::Doc(range)) = line.text else {
            return;
        };
        let Some(text_col) = usize::from(col).checked_sub(indent + usize::from(GUTTER)) else {
            return;
        };
        // The byte under the column: walk the line's characters by display width.
        let s = r.doc.text.get(range.clone()).unwrap_or("");
        let mut width = 0;
        let mut at = None;
        for (i, c) in s.char_indices() {
            let mut shown = String::new();
            liseuse_document::sanitize::push_display(c, &mut shown);
            width += unicode_width::UnicodeWidthStr::width(shown.as_str());
            if width > text_col {
                at = Some(range.start + i);
                break;
            }
        }
        let (Some(at), Some(doc)) = (at, self.reading.open) else {
            return;
        };
        let hit = self
            .entities
            .doc_mentions(doc)
            .iter()
            .enumerate()
            .find(|(_, m)| m.range().contains(&at) && self.entities.shows(m.label()))
            .map(|(i, m)| (i, m.entity()));
        if let Some((_, id)) = hit
            && !self.entities.is_shown(id)
        {
            let name = self.entities.index.entity(id).map(|e| e.name().to_string());
            let said = self.entities.unsure_message(&name.unwrap_or_default());
            self.status.say(said);
            return;
        }
        if let Some((i, id)) = hit {
            self.select_entity(id);
            let occ = self.entities.index.occurrences(id);
            self.entities.occurrence = occ
                .iter()
                .position(|(d, k)| d as usize == doc && k as usize == i);
        }
    }
}
