//! The file list: one article per two rows, its title (after `▸` for the open article, `•` for
//! one never opened) and a detail line (its date, its source, who it is about).

use super::{Theme, fit, pane};
use crate::app::list::Sort;
use crate::app::{App, Focus};
use liseuse_library::Article;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::List;
    let by_date = match app.list.sort {
        Sort::Date => " · by date",
        Sort::Path => "",
    };
    let title = if app.list.is_filtered() {
        format!(
            " Articles {}/{} · {}{by_date} ",
            app.list_len(),
            app.library.shown(),
            app.list.filtered_by()
        )
    } else {
        format!(" Articles {}{by_date} ", app.library.shown())
    };
    let title = fit(&title, usize::from(area.width.saturating_sub(2)));
    let block = pane(title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height) / App::LIST_ITEM_ROWS;
    let mut lines = Vec::with_capacity(usize::from(inner.height));
    let open = app.open();
    let shown = app
        .list
        .rows(&app.library)
        .iter()
        .skip(app.list.top)
        .take(rows);
    for (i, article) in shown.filter_map(|&i| Some((i, app.library.articles.get(i)?))) {
        let mut title_style = if open == Some(i) {
            theme.list_open
        } else {
            theme.list_title
        };
        let mut detail_style = theme.list_detail;
        if i == app.list.selected {
            title_style = title_style.patch(theme.list_selected);
            detail_style = detail_style.patch(theme.list_selected);
        }
        let marker = if open == Some(i) {
            "▸"
        } else if app.list.is_unread(&article.entry.path) {
            "•"
        } else {
            " "
        };
        let head = format!("{marker}{}", fit(article.title(), width.saturating_sub(1)));
        let detail = format!(
            "  {}",
            fit(&detail(app, i, article), width.saturating_sub(2))
        );
        lines.push(Line::from(Span::styled(pad(head, width), title_style)));
        lines.push(Line::from(Span::styled(pad(detail, width), detail_style)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The second row: date and source where known, or what went wrong, or that it is still being
/// read.
fn detail(app: &App, index: usize, article: &Article) -> String {
    if article.removed {
        return "⚠ deleted from disk".to_string();
    }
    if let Some(err) = &article.error {
        return format!("⚠ {err}");
    }
    let (date, source, notices, name) = match (&article.doc, &article.meta) {
        (Some(doc), _) => (
            doc.date.as_deref(),
            doc.source.as_deref(),
            // A preview's only notice is that the rest is on its way.
            !doc.notices.is_empty() && doc.preview.is_none(),
            doc.name.as_str(),
        ),
        (None, Some(meta)) => (
            meta.date.as_deref(),
            meta.source.as_deref(),
            meta.notices,
            article.entry.name.as_str(),
        ),
        (None, None) => return "…".to_string(),
    };
    // The date first: it is short and of one width, a source's name is neither.
    let mut parts = Vec::new();
    if let Some(d) = date
        .map(str::to_string)
        .or_else(|| name_date(&article.entry.name))
    {
        parts.push(d);
    }
    if let Some(s) = source {
        parts.push(s.to_string());
    }
    if notices {
        parts.push("⚠".to_string());
    }
    let people = app.entities.people_in(index);
    if !people.is_empty() {
        let full: Vec<&str> = people
            .iter()
            .take(3)
            .filter_map(|(id, _)| app.entities.index.entity(*id))
            .map(|e| e.name())
            .collect();
        let names = short_names(&full);
        let n = app.entities.people_count(index);
        parts.push(format!(
            "{}: {}",
            liseuse_document::plural::counted(n, "person", "people"),
            names.join(", ")
        ));
    }
    if parts.is_empty() {
        parts.push(name.to_string());
    }
    parts.join(" · ")
}

/// The date a file name starts with (`2026-05-05-…`, as fetched articles are named).
fn name_date(name: &str) -> Option<String> {
    let d = name.get(..10)?;
    let shape = d.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    shape.then(|| d.to_string())
}

/// A person's surname for the list: the last word of the name.
/// The people's surnames (« Le Pen », not « Pen »), or their full names where two would read the same
/// (« Jean-Marie Le Pen, Marine Le Pen », not « Le Pen, Le Pen »).
fn short_names(full: &[&str]) -> Vec<String> {
    let short: Vec<&str> = full.iter().map(|n| liseuse_entity::surname_in(n)).collect();
    short
        .iter()
        .zip(full)
        .map(|(s, f)| {
            let shared = short.iter().filter(|t| t.eq_ignore_ascii_case(s)).count() > 1;
            if shared { f } else { s }.to_string()
        })
        .collect()
}

/// Pads with spaces to the full width, so a selection highlight spans the row.
fn pad(mut s: String, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(s.as_str());
    s.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    s
}

#[cfg(test)]
mod tests {
    use super::short_names;

    #[test]
    fn surnames_keep_their_particle_and_two_alike_read_in_full() {
        assert_eq!(
            short_names(&["Jean-Marie Le Pen", "Marine Le Pen", "Louis Aliot"]),
            ["Jean-Marie Le Pen", "Marine Le Pen", "Aliot"]
        );
        assert_eq!(
            short_names(&["Ron De Santis", "Barack Obama"]),
            ["De Santis", "Obama"]
        );
    }
}
