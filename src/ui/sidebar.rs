//! The entity sidebar. Until the entity engine lands it says so honestly.

use super::{Theme, pane};
use crate::app::{App, Focus};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = pane(" Entities ", app.focus == Focus::Sidebar, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(
        Paragraph::new(
            "People, organisations, places and dates of the article will be listed here.",
        )
        .style(theme.meta)
        .wrap(Wrap { trim: true }),
        inner,
    );
}
