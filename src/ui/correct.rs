//! Correcting the entity engine: the choices for the entity at hand, the entities to merge it
//! with as its name is typed, its ways of writing to split, or the corrections made.

use super::{Theme, fit};
use crate::app::App;
use crate::app::entities::EntityState;
use crate::app::overlay::correct::{CorrectView, Mode};
use liseuse_document::plural::counted;
use liseuse_document::search::fold_str;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, v: &CorrectView, theme: &Theme) {
    let kind = EntityState::heading(v.label).to_lowercase();
    let (title, hint) = match &v.mode {
        Mode::Menu => (
            format!(" Correct “{}” ({kind}) ", v.name),
            "a letter chooses · Esc close",
        ),
        Mode::Merge { .. } => (
            format!(" “{}” is the same as… ", v.name),
            "type a name · ↑↓ choose · Enter merge · Esc back",
        ),
        Mode::Split { .. } => (
            format!(" Which way of writing “{}” stands apart? ", v.name),
            "j/k choose · Enter split · Esc back",
        ),
        Mode::List { .. } => (
            format!(" Corrections · {} ", app.entities.corrections.len()),
            "u undo the newest · Esc close",
        ),
    };
    let inner = super::overlay_list(frame, area, &title, hint, theme);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let row = |text: String, selected: bool| {
        let style = if selected {
            theme.list_selected
        } else {
            theme.body
        };
        Line::styled(fit(&text, width), style)
    };
    let window = |selected: usize| selected.saturating_sub(rows.saturating_sub(1));
    let lines: Vec<Line> = match &v.mode {
        Mode::Menu => [
            "d  not an entity",
            "p  a person",
            "o  an organisation",
            "l  a place",
            "t  a date",
            "r  its name…",
            "m  the same as another entity…",
            "s  two entities: one way of writing it stands apart…",
            "c  the corrections made",
            "u  undo the newest correction",
        ]
        .into_iter()
        .map(|s| row(format!(" {s}"), false))
        .collect(),
        Mode::Merge {
            filter,
            rows: ids,
            selected,
        } => {
            let mut out = vec![Line::styled(
                fit(&format!(" name: {filter}█"), width),
                theme.status_key,
            )];
            out.extend(
                ids.iter()
                    .enumerate()
                    .skip(window(*selected))
                    .take(rows.saturating_sub(1))
                    .filter_map(|(i, id)| {
                        let e = app.entities.index.entity(*id)?;
                        // Found by another of its names: say which.
                        let needle = fold_str(filter);
                        let by = (!fold_str(e.name()).contains(&needle))
                            .then(|| e.variants().find(|v| fold_str(v).contains(&needle)))
                            .flatten()
                            .map(|v| format!(" (“{v}”)"))
                            .unwrap_or_default();
                        Some(row(
                            format!(
                                " {}{by} · {} · {}",
                                e.name(),
                                EntityState::heading(e.label).to_lowercase(),
                                counted(e.mentions as usize, "mention", "mentions")
                            ),
                            i == *selected,
                        ))
                    }),
            );
            out
        }
        Mode::Split { selected } => v
            .variants
            .iter()
            .enumerate()
            .skip(window(*selected))
            .take(rows)
            .map(|(i, w)| row(format!(" {w}"), i == *selected))
            .collect(),
        Mode::List { selected } => {
            if app.entities.corrections.is_empty() {
                vec![Line::styled(
                    " No correction yet: x on an entity makes one.",
                    theme.meta,
                )]
            } else {
                app.entities
                    .corrections
                    .iter()
                    .enumerate()
                    .skip(window(*selected))
                    .take(rows)
                    .map(|(i, c)| row(format!(" {:>3}  {}", i + 1, c.describe()), i == *selected))
                    .collect()
            }
        }
    };
    frame.render_widget(Paragraph::new(lines), inner);
}
