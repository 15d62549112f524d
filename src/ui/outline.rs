//! The article's table of contents (headings indented by level, the current one marked) or its
//! links (the linked text, then the address).

use super::{Theme, fit};
use crate::app::App;
use crate::app::overlay::outline::{Outline, OutlineView};
use crate::keys::action::Action;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, v: &OutlineView, theme: &Theme) {
    let Some(doc) = app.reader().map(|r| &r.doc) else {
        return;
    };
    let (title, n) = match v.kind {
        Outline::Contents => (
            format!(" Contents · {} ", doc.sections.len()),
            doc.sections.len(),
        ),
        Outline::Links => (format!(" Links · {} ", doc.links.len()), doc.links.len()),
    };
    let hints = match v.kind {
        Outline::Contents => "Enter go there · Esc close".to_string(),
        Outline::Links => {
            let key = |a: Action| {
                app.keymap
                    .keys_for(a)
                    .first()
                    .map_or_else(String::new, |k| format!(" · {k} "))
            };
            format!(
                "Enter go there{}read here{}browser{}copy · Esc close",
                key(Action::FetchLink),
                key(Action::BrowseLink),
                key(Action::CopyLink)
            )
        }
    };
    let inner = super::overlay_list(frame, area, &title, &hints, theme);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let first = v.selected.saturating_sub(rows.saturating_sub(1));
    let top = doc.sections.iter().map(|s| s.level).min().unwrap_or(0);
    let lines: Vec<Line> = (first..n.min(first + rows))
        .filter_map(|i| {
            let base = if i == v.selected {
                theme.list_selected
            } else {
                theme.body
            };
            Some(match v.kind {
                Outline::Contents => {
                    let s = doc.sections.get(i)?;
                    // Nested as the article's outline is (a book's sections in its chapters).
                    let indent = "  ".repeat(usize::from(s.level.saturating_sub(top)));
                    Line::styled(fit(&format!(" {indent}{}", s.title), width), base)
                }
                Outline::Links => {
                    let l = doc.links.get(i)?;
                    let text = liseuse_document::collapse_spaces(
                        doc.text.get(l.range.clone()).unwrap_or(""),
                    );
                    let text_w = (width / 2).max(10);
                    let text = fit(&text, text_w);
                    let pad =
                        text_w.saturating_sub(unicode_width::UnicodeWidthStr::width(text.as_str()));
                    Line::from(vec![
                        Span::styled(format!(" {text}{} ", " ".repeat(pad)), base),
                        Span::styled(
                            fit(&l.url, width.saturating_sub(text_w + 3)),
                            base.patch(theme.meta),
                        ),
                    ])
                }
            })
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
