//! The reader's right edge: a scrollbar whose thumb is the part of the article on screen, with
//! ticks where the selected entity is named (`•`), where the search matches (`◆`) and where
//! bookmarks are (`▪`): a glyph each, so they read apart without colours too.

use super::Theme;
use crate::app::App;
use crate::app::scrollbar::Tick;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the bar in the last column of `inner` (the reader's inside).
pub fn draw(frame: &mut Frame, inner: Rect, app: &App, theme: &Theme) {
    if inner.width < 2 || inner.height == 0 {
        return;
    }
    let entity_style = app
        .entities
        .selected
        .and_then(|id| app.entities.index.entity(id))
        .map_or(theme.meta, |e| theme.label(e.label));
    let lines: Vec<Line> = app
        .scrollbar(usize::from(inner.height))
        .into_iter()
        .map(|row| {
            let (glyph, style) = match row.tick {
                Some(Tick::Match) => ("◆", theme.match_current),
                Some(Tick::Mention) => ("•", entity_style),
                Some(Tick::Bookmark) => ("▪", theme.gutter),
                None if row.thumb => ("┃", theme.border_focus),
                None => ("│", theme.border),
            };
            Line::from(Span::styled(glyph, style))
        })
        .collect();
    let column = Rect::new(inner.x + inner.width - 1, inner.y, 1, inner.height);
    frame.render_widget(Paragraph::new(lines), column);
}
