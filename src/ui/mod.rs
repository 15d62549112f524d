//! Drawing: reads `&App`, never changes it. One file per pane and per overlay.

mod bookmarks;
mod company;
mod corpus;
mod correct;
mod help;
mod highlight;
mod list;
mod mentions;
mod outline;
mod reader;
mod said;
mod scrollbar;
mod sidebar;
mod status;
pub mod theme;
mod timeline;

use crate::app::geometry::{Area, MIN_HEIGHT, MIN_WIDTH};
use crate::app::{App, Overlay};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};
pub use theme::Theme;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    let Some(g) = app.geometry() else {
        too_small(frame, area, theme);
        return;
    };
    if let Some(l) = g.list {
        list::draw(frame, rect(l), app, theme);
    }
    reader::draw(frame, rect(g.reader), app, theme);
    if let Some(s) = g.sidebar {
        sidebar::draw(frame, rect(s), app, theme);
    }
    status::draw(frame, rect(g.status), app, theme);
    match &app.overlay {
        Some(Overlay::Help(h)) => help::draw(frame, area, app, h, theme),
        Some(Overlay::Bookmarks(list)) => bookmarks::draw(frame, area, app, list, theme),
        Some(Overlay::Corpus(c)) => corpus::draw(frame, area, app, c, theme),
        Some(Overlay::Mentions(m)) => mentions::draw(frame, area, app, m, theme),
        Some(Overlay::Company(c)) => company::draw(frame, area, app, c, theme),
        Some(Overlay::Timeline(t)) => timeline::draw(frame, area, app, t, theme),
        Some(Overlay::Outline(o)) => outline::draw(frame, area, app, o, theme),
        Some(Overlay::Correct(c)) => correct::draw(frame, area, app, c, theme),
        Some(Overlay::Said(s)) => said::draw(frame, area, app, s, theme),
        None => {}
    }
}

/// The core's area as ratatui's, clipped to the frame.
fn rect(a: Area) -> Rect {
    Rect::new(a.x, a.y, a.width, a.height)
}

/// A pane's frame: rounded borders, brighter when focused.
fn pane<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
        .title(title)
}

/// A centred window of at most `w`×`h` cells, cleared, with a frame and a title.
fn popup<'a>(
    frame: &mut Frame,
    area: Rect,
    w: u16,
    h: u16,
    title: &'a str,
    theme: &Theme,
) -> (Block<'a>, Rect) {
    let w = w.min(area.width);
    let h = h.min(area.height);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    frame.render_widget(ratatui::widgets::Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focus)
        .title(title);
    (block, rect)
}

/// A list overlay: a centred window with a title and a footer line of key hints; returns the
/// area left for the rows.
fn overlay_list(frame: &mut Frame, area: Rect, title: &str, hint: &str, theme: &Theme) -> Rect {
    let w = area.width.saturating_sub(6).max(20);
    let h = area.height.saturating_sub(4).max(5);
    let (block, rect) = popup(frame, area, w, h, title, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let rows = inner.height.saturating_sub(1);
    let foot = Rect::new(inner.x, inner.y + rows, inner.width, 1);
    frame.render_widget(
        Paragraph::new(Line::styled(
            fit(hint, usize::from(inner.width)),
            theme.meta,
        )),
        foot,
    );
    Rect::new(inner.x, inner.y, inner.width, rows)
}

fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let text = format!(
        "Terminal too small ({}×{}): liseuse needs at least {MIN_WIDTH}×{MIN_HEIGHT}.",
        area.width, area.height
    );
    let y = area.height / 2;
    let line_area = Rect::new(area.x, area.y + y, area.width, area.height - y);
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.notice)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        line_area,
    );
}

/// Cuts `s` to at most `width` cells, with an ellipsis when cut. Made safe first: titles, file
/// names and messages (which quote paths) all come from outside, and all pass through here.
pub(crate) fn fit(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let s = liseuse_document::sanitize::display(s);
    let s = s.as_ref();
    if unicode_width::UnicodeWidthStr::width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}
