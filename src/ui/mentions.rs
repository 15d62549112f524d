//! Every mention of the selected entity as one line of context, the mention aligned.

use super::corpus::kwic;
use super::{Theme, fit};
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, selected: usize, theme: &Theme) {
    let e = &app.entities;
    let Some(ent) = e.selected.and_then(|id| e.index.entity(id)) else {
        return;
    };
    let occ = e.index.occurrences(ent.id);
    let title = format!(" {} · {} mentions ", ent.name, occ.len());
    let w = area.width.saturating_sub(6).max(20);
    let h = area.height.saturating_sub(4).max(5);
    let (block, rect) = super::popup(frame, area, w, h, &title, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height).saturating_sub(1);
    let first = selected.saturating_sub(rows.saturating_sub(1));
    let title_w = (width / 4).clamp(8, 30);
    let mut lines = Vec::new();
    for (k, &(d, i)) in occ.iter().enumerate().skip(first).take(rows) {
        let Some(doc) = app
            .library
            .articles
            .get(d as usize)
            .and_then(|a| a.doc.as_ref())
        else {
            continue;
        };
        let Some(m) = e.index.doc_mentions(d as usize).get(i as usize) else {
            continue;
        };
        let base = if k == selected {
            theme.list_selected
        } else {
            theme.body
        };
        let (left, mid, right) = kwic(&doc.text, m.start..m.end, width.saturating_sub(title_w + 2));
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:<title_w$}", fit(&doc.title, title_w)),
                base.patch(theme.meta),
            ),
            Span::styled("  ", base),
            Span::styled(left, base),
            Span::styled(
                mid,
                base.patch(theme.label(m.label))
                    .patch(theme.selected_entity),
            ),
            Span::styled(right, base),
        ]));
    }
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
        Paragraph::new(Line::styled(
            fit("Enter jump · Esc close", width),
            theme.meta,
        )),
        foot,
    );
}
