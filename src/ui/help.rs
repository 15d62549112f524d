//! The help overlay, generated from the keymap so it cannot drift from it, with the legend of
//! the entity colours. When the terminal is too short for one column, the keys go in two.

use super::{Theme, fit};
use crate::action::Action;
use crate::app::App;
use crate::entity::Label;
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
    let row_w = rows
        .iter()
        .map(|(_, h)| key_w + 4 + h.chars().count())
        .max()
        .unwrap_or(20);

    // Room inside the frame, after the legend and the closing line.
    let inner_h = usize::from(area.height.saturating_sub(2))
        .saturating_sub(3)
        .max(1);
    let columns = if rows.len() <= inner_h { 1 } else { 2 };
    let per_col = rows.len().div_ceil(columns);
    let col_w = if columns == 1 {
        row_w.min(usize::from(area.width.saturating_sub(4)))
    } else {
        (usize::from(area.width.saturating_sub(4)) / 2).min(row_w)
    };
    let cell = |(k, h): &(String, &str)| -> Vec<Span<'static>> {
        let key = format!(" {k:<key_w$}  ");
        let room = col_w.saturating_sub(key.chars().count());
        vec![
            Span::styled(fit(&key, col_w), theme.help_key),
            Span::raw(format!("{:<room$}", fit(h, room))),
        ]
    };
    let mut lines: Vec<Line> = (0..per_col)
        .map(|r| {
            let mut spans = Vec::new();
            for c in 0..columns {
                if let Some(row) = rows.get(c * per_col + r) {
                    spans.extend(cell(row));
                }
            }
            Line::from(spans)
        })
        .collect();
    let mut legend = vec![Span::styled(" Mentions: ", theme.meta)];
    for (label, name) in [
        (Label::Per, "person"),
        (Label::Org, "organisation"),
        (Label::Loc, "place"),
        (Label::Date, "date"),
    ] {
        legend.push(Span::styled(name, theme.label(label)));
        legend.push(Span::raw("  "));
    }
    legend.push(Span::styled("selected", theme.selected_entity));
    lines.push(Line::from(""));
    lines.push(Line::from(legend));
    lines.push(Line::styled(" Any key closes this help.", theme.meta));

    let want_w = lines.iter().map(Line::width).max().unwrap_or(20) as u16 + 3;
    let (block, rect) = super::popup(frame, area, want_w, lines.len() as u16 + 2, " Keys ", theme);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
