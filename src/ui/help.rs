//! The help overlay: the rows made by `app::overlay::help` (every action and its keys, in one
//! column wrapped to the window, scrolled), the legend of the entity colours and what the
//! sidebar's counts mean.

use super::Theme;
use crate::app::App;
use crate::app::overlay::HelpView;
use crate::app::overlay::help::{EXTRA_LINES, rows, window};
use liseuse_entity::Label;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, view: &HelpView, theme: &Theme) {
    let (inner_w, shown) = window(area.width, area.height);
    let all = rows(&app.keymap, inner_w);
    let key_w = all
        .iter()
        .map(|r| r.keys.chars().count())
        .max()
        .unwrap_or(0)
        .min(inner_w / 3);
    let top = view.top.min(all.len().saturating_sub(shown));
    let mut lines: Vec<Line> = all
        .iter()
        .skip(top)
        .take(shown)
        .map(|r| {
            let keys: String = r.keys.chars().take(key_w).collect();
            Line::from(vec![
                Span::styled(format!(" {keys:<key_w$}  "), theme.help_key),
                Span::raw(liseuse_document::sanitize::display(&r.text).into_owned()),
            ])
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
        legend.push(Span::raw(" "));
    }
    legend.push(Span::styled("selected", theme.selected_entity));
    lines.push(Line::from(""));
    lines.push(Line::from(legend));
    lines.push(Line::styled(
        " Sidebar counts: 3·6 = 3 mentions in this article, 6 in all.",
        theme.meta,
    ));
    let more = if all.len() > shown {
        format!(
            " Lines {}–{} of {}: j/k, Space scroll · any other key closes.",
            top + 1,
            (top + shown).min(all.len()),
            all.len()
        )
    } else {
        " Any key closes this help.".to_string()
    };
    lines.push(Line::styled(more, theme.meta));
    debug_assert!(lines.len() <= shown + EXTRA_LINES);
    let want_w = lines.iter().map(Line::width).max().unwrap_or(20) as u16 + 3;
    let (block, rect) = super::popup(frame, area, want_w, lines.len() as u16 + 2, " Keys ", theme);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
