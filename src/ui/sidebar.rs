//! The entity sidebar: the open article's (or every article's) people, organisations, places
//! and dates, with their counts here and in all articles.

use super::{Theme, fit, pane};
use crate::app::entities::{EntityState, SideRow};
use crate::app::{App, Focus};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let e = &app.entities;
    // The counts' meaning in the title: mentions here · in all articles.
    let scope = if e.corpus {
        "All articles"
    } else {
        "This article"
    };
    let title = fit(
        &format!(" {scope} (here·all) "),
        usize::from(area.width.saturating_sub(2)),
    );
    let block = pane(title, app.focus == Focus::Sidebar, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    let hidden: Vec<String> = liseuse_entity::Label::ALL
        .iter()
        .filter(|l| !e.shows(**l))
        .map(|l| EntityState::heading(*l).to_lowercase())
        .collect();
    if !hidden.is_empty() {
        lines.push(Line::styled(
            fit(&format!("hidden: {}", hidden.join(", ")), width),
            theme.meta,
        ));
    }
    if !e.filter.is_empty() {
        lines.push(Line::styled(
            fit(&format!("filter: {}", e.filter), width),
            theme.meta,
        ));
    }
    if e.rows.is_empty() {
        let msg = if e.analysed < app.library.len() {
            "Finding names…"
        } else if e.filter.is_empty() {
            "No named entity here."
        } else {
            "Nothing matches the filter."
        };
        lines.push(Line::styled(msg, theme.meta));
    }
    let room = usize::from(inner.height).saturating_sub(lines.len());
    for (i, row) in e.rows.iter().enumerate().skip(e.top).take(room) {
        lines.push(match *row {
            SideRow::Header(label, n) => Line::styled(
                fit(&format!("{} {n}", EntityState::heading(label)), width),
                theme.label(label).patch(theme.heading),
            ),
            SideRow::Entity { id, here, total } => {
                let Some(ent) = e.index.entity(id) else {
                    continue;
                };
                let counts = format!(" {here}·{total}");
                let name_w = width.saturating_sub(counts.chars().count() + 1);
                let name = fit(&liseuse_document::collapse_spaces(ent.name()), name_w);
                let pad = width.saturating_sub(
                    1 + unicode_width::UnicodeWidthStr::width(name.as_str())
                        + counts.chars().count(),
                );
                let mut style = theme.body;
                if e.selected == Some(id) {
                    style = style.patch(theme.selected_entity);
                }
                if i == e.cursor && app.focus == Focus::Sidebar {
                    style = style.patch(theme.list_selected);
                }
                Line::from(vec![
                    Span::styled(" ", style),
                    Span::styled(name, style.patch(theme.label(ent.label))),
                    Span::styled(" ".repeat(pad), style),
                    Span::styled(counts, style.patch(theme.meta)),
                ])
            }
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
