//! The bookmark list overlay: every bookmark, newest first.

use super::{Theme, fit};
use crate::app::App;
use crate::app::overlay::BookmarkList;
use liseuse_document::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Rows per bookmark: article and date, the quote, the note.
const ROWS: usize = 3;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, list: &BookmarkList, theme: &Theme) {
    let title = format!(" Bookmarks {} ", list.rows.len());
    let inner = super::overlay_list(
        frame,
        area,
        &title,
        "Enter jump · e note · d delete · u undo · / filter · Esc close",
        theme,
    );
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(why) = &app.bookmarks.read_only {
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
    let room = usize::from(inner.height).saturating_sub(lines.len()) / ROWS;
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
        // A passage that is a quotation has its own marks: a second pair read « ““Il… ».
        let passage = sanitize::display(&row.quote);
        let quote = match passage.starts_with(['“', '«', '"']) {
            true => format!("    {passage}"),
            false => format!("    “{passage}”"),
        };
        lines.push(Line::styled(fit(&quote, width), base));
        let note = if row.note.is_empty() {
            "    (no note)".to_string()
        } else {
            format!("    ✎ {}", sanitize::display(&row.note))
        };
        lines.push(Line::styled(fit(&note, width), base.patch(theme.meta)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
