//! The help overlay, generated from the keymap so it cannot drift from it.

use super::Theme;
use crate::action::Action;
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let rows: Vec<(String, &str)> = Action::ALL
        .iter()
        .map(|&a| {
            let keys: Vec<String> = app
                .keymap
                .keys_for(a)
                .iter()
                .map(|k| k.to_string())
                .collect();
            (keys.join(", "), a.help())
        })
        .collect();
    let key_w = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|(k, h)| {
            Line::from(vec![
                Span::styled(format!(" {k:<key_w$}  "), theme.help_key),
                Span::raw(*h),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        " Any key closes this help.",
        theme.meta,
    )));

    let want_w = lines.iter().map(Line::width).max().unwrap_or(20) as u16 + 3;
    let (block, rect) = super::popup(frame, area, want_w, lines.len() as u16 + 2, " Keys ", theme);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
