//! Corpus-wide search results: one line of context per hit, the match aligned.

use super::{Theme, fit};
use crate::app::App;
use crate::app::search::CorpusSearch;
use crate::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, c: &CorpusSearch, theme: &Theme) {
    let more = if c.truncated { "+" } else { "" };
    let title = format!(" Search all articles: {}{more} hits ", c.hits.len());
    let w = area.width.saturating_sub(6).max(20);
    let h = area.height.saturating_sub(4).max(5);
    let (block, rect) = super::popup(frame, area, w, h, &title, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height).saturating_sub(1);
    let first = c.selected.saturating_sub(rows.saturating_sub(1));
    let title_w = (width / 4).clamp(8, 30);
    let mut lines = Vec::new();
    if c.hits.is_empty() {
        let msg = if c.query.is_empty() {
            "Type to search every article."
        } else {
            "No match."
        };
        lines.push(Line::styled(msg, theme.meta));
    }
    for (i, hit) in c.hits.iter().enumerate().skip(first).take(rows) {
        let Some(article) = app.library.articles.get(hit.article) else {
            continue;
        };
        let Some(doc) = &article.doc else { continue };
        let sel = i == c.selected;
        let base = if sel { theme.list_selected } else { theme.body };
        let room = width.saturating_sub(title_w + 2);
        let (left, mid, right) = kwic(&doc.text, hit.range.clone(), room);
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:<title_w$}", fit(&doc.title, title_w)),
                base.patch(theme.meta),
            ),
            Span::styled("  ", base),
            Span::styled(left, base),
            Span::styled(mid, base.patch(theme.match_current)),
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
    let hint = "Enter jump · / edit the query · Esc close";
    frame.render_widget(
        Paragraph::new(Line::styled(fit(hint, width), theme.meta)),
        foot,
    );
}

/// Keyword in context: up to `width` cells with the match starting near the middle.
pub fn kwic(text: &str, r: std::ops::Range<usize>, width: usize) -> (String, String, String) {
    let flat = |s: &str| crate::document::collapse_spaces(&sanitize::display(s));
    let mid = flat(text.get(r.clone()).unwrap_or(""));
    let left_room = width / 3;
    let before: String = text
        .get(..r.start)
        .unwrap_or("")
        .chars()
        .rev()
        .take(left_room * 2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let mut left = flat(&before);
    if before.ends_with(char::is_whitespace) {
        left.push(' ');
    }
    let left: String = {
        let n = left.chars().count();
        left.chars().skip(n.saturating_sub(left_room)).collect()
    };
    let left = format!("{left:>left_room$}");
    let right_room = width.saturating_sub(left_room + mid.chars().count());
    let after: String = text
        .get(r.end..)
        .unwrap_or("")
        .chars()
        .take(right_room * 2)
        .collect();
    let lead = if after.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let right: String = format!("{lead}{}", flat(&after))
        .chars()
        .take(right_room)
        .collect();
    (left, mid, right)
}
