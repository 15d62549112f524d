//! The bookmark list overlay: every bookmark, newest first.

use super::{Theme, fit};
use crate::app::App;
use crate::app::bookmarks::BookmarkList;
use crate::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Rows per bookmark: article and date, the quote, the note.
const ROWS: usize = 3;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, list: &BookmarkList, theme: &Theme) {
    let title = format!(" Bookmarks {} ", list.rows.len());
    let w = area.width.saturating_sub(8).max(20);
    let h = area.height.saturating_sub(4).max(5);
    let (block, rect) = super::popup(frame, area, w, h, &title, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(why) = &app.bookmarks_read_only {
        lines.push(Line::styled(
            fit(&format!("read-only: {why}"), width),
            theme.notice,
        ));
    }
    if list.rows.is_empty() {
        let msg = if list.filter.is_empty() {
            "No bookmarks yet: in the reader, b keeps the paragraph at the cursor."
        } else {
            "No bookmark matches the filter."
        };
        lines.push(Line::styled(msg, theme.meta));
    }
    let room = (usize::from(inner.height).saturating_sub(lines.len() + 1)) / ROWS;
    let first = list.selected.saturating_sub(room.saturating_sub(1));
    for (i, row) in list.rows.iter().enumerate().skip(first).take(room.max(1)) {
        let sel = i == list.selected;
        let base = if sel { theme.list_selected } else { theme.body };
        let orphan = if row.orphaned(&app.library) {
            "  ⚠ orphaned"
        } else {
            ""
        };
        let head = format!(
            "{}{}  {}",
            if sel { "▸ " } else { "  " },
            row.date,
            row.title
        );
        lines.push(Line::from(vec![
            Span::styled(
                fit(&head, width.saturating_sub(orphan.len())),
                base.patch(theme.list_open),
            ),
            Span::styled(orphan, theme.notice),
        ]));
        let quote = format!("    “{}”", sanitize::display(&row.quote));
        lines.push(Line::styled(fit(&quote, width), base));
        let note = if row.note.is_empty() {
            "    (no note)".to_string()
        } else {
            format!("    ✎ {}", sanitize::display(&row.note))
        };
        lines.push(Line::styled(fit(&note, width), base.patch(theme.meta)));
    }
    let hint = "Enter jump · e note · d delete · u undo · / filter · Esc close";
    let body = Rect::new(
        inner.x,
        inner.y,
        inner.width,
        inner.height.saturating_sub(1),
    );
    frame.render_widget(Paragraph::new(lines), body);
    let foot = Rect::new(
        inner.x,
        inner.y + inner.height.saturating_sub(1),
        inner.width,
        1,
    );
    frame.render_widget(
        Paragraph::new(Line::styled(fit(hint, width), theme.meta)),
        foot,
    );
}
