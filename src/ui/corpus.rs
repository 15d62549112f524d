//! Corpus-wide search results: one line of context per hit, the match aligned.

use super::{Theme, fit};
use crate::app::App;
use crate::app::overlay::CorpusSearch;
use liseuse_document::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, c: &CorpusSearch, theme: &Theme) {
    let more = if c.truncated { "+" } else { "" };
    let listed = app.library.len();
    let counted = liseuse_document::plural::counted;
    let mut title = match c.answered || c.query.is_empty() {
        true => format!(" Search all articles: {}{more} hits", c.hits.len()),
        // No count before the search has said any.
        false => String::from(" Search all articles"),
    };
    if !c.query.is_empty() && !c.no_word && c.answered {
        title.push_str(&format!(
            " in {}",
            counted(c.articles, "article", "articles")
        ));
        if c.searching {
            title.push_str(&format!(" ({} read…)", c.searched));
        }
        // Still being built: the answer is what the index holds so far.
        if c.indexed < listed {
            title.push_str(&format!(" · {}/{listed} indexed so far", c.indexed));
        }
    }
    title.push(' ');
    let inner = super::overlay_list(
        frame,
        area,
        &title,
        "Enter jump · / edit the query · Esc close",
        theme,
    );
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let first = c.selected.saturating_sub(rows.saturating_sub(1));
    let mut lines = Vec::new();
    if c.hits.is_empty() {
        let msg = if c.query.is_empty() {
            "Type to search every article."
        } else if c.no_word {
            "Type a word: the search looks words up."
        } else if c.searching {
            "Searching…"
        } else {
            "No match."
        };
        lines.push(Line::styled(msg, theme.meta));
    }
    for (i, hit) in c.hits.iter().enumerate().skip(first).take(rows) {
        let sel = i == c.selected;
        let base = if sel { theme.list_selected } else { theme.body };
        lines.push(kwic_line(
            &hit.title,
            &hit.context,
            hit.at.clone(),
            width,
            base,
            base.patch(theme.match_current),
            theme,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// One hit as a line: the article's title, then the text around the hit with the hit aligned
/// a third of the way in and drawn in `hit_style`.
pub fn kwic_line(
    title: &str,
    text: &str,
    hit: std::ops::Range<usize>,
    width: usize,
    base: ratatui::style::Style,
    hit_style: ratatui::style::Style,
    theme: &Theme,
) -> Line<'static> {
    let title_w = (width / 4).clamp(8, 30);
    let (left, mid, right) = kwic(text, hit, width.saturating_sub(title_w + 2));
    Line::from(vec![
        Span::styled(
            format!("{:<title_w$}", fit(title, title_w)),
            base.patch(theme.meta),
        ),
        Span::styled("  ", base),
        Span::styled(left, base),
        Span::styled(mid, hit_style),
        Span::styled(right, base),
    ])
}

/// Keyword in context: up to `width` cells with the match starting near the middle.
pub fn kwic(text: &str, r: std::ops::Range<usize>, width: usize) -> (String, String, String) {
    let flat = |s: &str| liseuse_document::collapse_spaces(&sanitize::display(s));
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
