//! Every mention of the selected entity as one line of context, the mention aligned.

use super::Theme;
use super::corpus::kwic_line;
use crate::app::App;
use crate::app::overlay::MentionList;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, list: &MentionList, theme: &Theme) {
    let selected = list.selected;
    let e = &app.entities;
    let Some(ent) = e.selected.and_then(|id| e.index.entity(id)) else {
        return;
    };
    let occ = e.index.occurrences(ent.id);
    let title = format!(
        " {} · {} ",
        ent.name(),
        liseuse_document::plural::counted(occ.len(), "mention", "mentions")
    );
    let inner = super::overlay_list(frame, area, &title, "Enter jump · Esc close", theme);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let first = selected.saturating_sub(rows.saturating_sub(1));
    let mut lines = Vec::new();
    let rows_shown = list.rows.iter().enumerate().skip(first).take(rows);
    for (k, (d, i)) in rows_shown.filter_map(|(k, &o)| Some((k, occ.get(o)?))) {
        let Some(doc) = app
            .library
            .articles
            .get(d as usize)
            .and_then(|a| a.doc.as_ref())
        else {
            continue;
        };
        let Some(m) = e.doc_mentions(d as usize).get(i as usize).copied() else {
            continue;
        };
        let base = if k == selected {
            theme.list_selected
        } else {
            theme.body
        };
        let hit_style = base
            .patch(theme.label(m.label()))
            .patch(theme.selected_entity);
        lines.push(kwic_line(
            &doc.title,
            &doc.text,
            m.range(),
            width,
            base,
            hit_style,
            theme,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
