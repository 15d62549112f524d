//! Who appears with whom: the selected entity's companions by type, with the passages and
//! articles they share; or, once one is chosen, those passages, a line of context each.

use super::corpus::kwic_line;
use super::{Theme, fit};
use crate::app::App;
use crate::app::entities::EntityState;
use crate::app::overlay::CompanyView;
use liseuse_document::plural::counted;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, v: &CompanyView, theme: &Theme) {
    let index = &app.entities.index;
    let name = |id| {
        index
            .entity(id)
            .map_or(String::new(), |e| e.name().to_string())
    };
    if let Some(s) = &v.shared {
        let title = format!(
            " {} & {} · {} ",
            name(v.of),
            name(s.with),
            counted(s.passages.len(), "passage", "passages")
        );
        let inner = super::overlay_list(
            frame,
            area,
            &title,
            "Enter go there, then n/N · Esc back",
            theme,
        );
        let rows = usize::from(inner.height);
        let first = s.selected.saturating_sub(rows.saturating_sub(1));
        let lines: Vec<Line> = s
            .passages
            .iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .filter_map(|(i, p)| {
                let doc = app.library.articles.get(p.doc)?.doc.as_ref()?;
                let base = if i == s.selected {
                    theme.list_selected
                } else {
                    theme.body
                };
                // The other entity's first mention in the passage is what the line shows.
                let hit = app
                    .entities
                    .doc_mentions(p.doc)
                    .iter()
                    .find(|m| m.entity() == s.with && p.range.contains(&m.range().start))
                    .map_or(p.range.start..p.range.start, |m| m.range());
                Some(kwic_line(
                    &doc.title,
                    &doc.text,
                    hit,
                    usize::from(inner.width),
                    base,
                    base.patch(theme.selected_entity),
                    theme,
                ))
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let title = format!(" Who appears with {} ", name(v.of));
    let hint = match v.rows.iter().any(|c| c.said_of + c.said_by > 0) {
        // Who speaks of whom, where the text says so: what « said of » and « by » count.
        true => format!(
            "→ {} speaking of them · ← them speaking of {0} · passages · articles",
            name(v.of)
        ),
        false => "passages · articles · Enter the passages naming both · Esc close".to_string(),
    };
    let inner = super::overlay_list(frame, area, &title, &hint, theme);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let mut lines: Vec<Line> = Vec::new();
    if v.rows.is_empty() {
        lines.push(Line::styled(
            "Nobody else is named in the same paragraphs.",
            theme.meta,
        ));
    }
    // Headings between the types; the selection scrolls into view.
    let mut items: Vec<(Option<usize>, Line)> = Vec::new();
    let mut last = None;
    for (i, c) in v.rows.iter().enumerate() {
        if last != Some(c.label) {
            let n = v.rows.iter().filter(|r| r.label == c.label).count();
            items.push((
                None,
                Line::styled(
                    format!("{} {n}", EntityState::heading(c.label)),
                    theme.label(c.label).patch(theme.heading),
                ),
            ));
            last = Some(c.label);
        }
        let said = match (c.said_of, c.said_by) {
            (0, 0) => String::new(),
            (of, 0) => format!(" →{of} ·"),
            (0, by) => format!(" ←{by} ·"),
            (of, by) => format!(" →{of} ←{by} ·"),
        };
        let counts = format!("{said} {} · {} ", c.passages, c.articles);
        let name_w = width.saturating_sub(counts.chars().count() + 2);
        let shown = fit(&liseuse_document::collapse_spaces(&name(c.id)), name_w);
        let pad = name_w.saturating_sub(unicode_width::UnicodeWidthStr::width(shown.as_str()));
        let base = if i == v.selected {
            theme.list_selected
        } else {
            theme.body
        };
        items.push((
            Some(i),
            Line::from(vec![
                Span::styled("  ", base),
                Span::styled(shown, base.patch(theme.label(c.label))),
                Span::styled(" ".repeat(pad), base),
                Span::styled(counts, base.patch(theme.meta)),
            ]),
        ));
    }
    let at = items
        .iter()
        .position(|(i, _)| *i == Some(v.selected))
        .unwrap_or(0);
    let first = at.saturating_sub(rows.saturating_sub(1));
    lines.extend(items.into_iter().skip(first).take(rows).map(|(_, l)| l));
    frame.render_widget(Paragraph::new(lines), inner);
}
