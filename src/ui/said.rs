//! What an entity said across the library (`"`): two lines a quotation, its article's title,
//! date and cue, then its words; the texts of the articles on screen are read on demand.

use super::{Theme, fit};
use crate::app::App;
use crate::app::overlay::said::SaidList;
use liseuse_document::collapse_spaces;
use liseuse_document::plural::counted;
use liseuse_document::sanitize;
use liseuse_entity::quote::QuoteKind;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, list: &SaidList, theme: &Theme) {
    let name = app
        .entities
        .index
        .entity(list.entity)
        .map_or("", |e| e.name());
    let indexing = app.entities.analysed < app.library.len();
    let title = format!(
        " What {} said · {}{} ",
        sanitize::one_line(name),
        counted(list.rows.len(), "quotation", "quotations"),
        if indexing { " so far (indexing)" } else { "" }
    );
    let inner = super::overlay_list(
        frame,
        area,
        &title,
        "Enter open · then n/N the next · Esc close",
        theme,
    );
    let width = usize::from(inner.width);
    let per_page = (usize::from(inner.height) / 2).max(1);
    let first = list.selected.saturating_sub(per_page.saturating_sub(1));
    let mut lines = Vec::new();
    if list.rows.is_empty() {
        lines.push(Line::styled(
            " No quotation found yet: the library is still being indexed.",
            theme.meta,
        ));
    }
    for (k, &(d, q)) in list.rows.iter().enumerate().skip(first).take(per_page) {
        let (d, q) = (d as usize, q as usize);
        let Some(quote) = app.entities.quotes.get(d, q) else {
            continue;
        };
        let base = if k == list.selected {
            theme.list_selected
        } else {
            theme.body
        };
        let article = app.library.articles.get(d);
        let title = article.map_or("", |a| a.title());
        let date = app
            .article_date(d)
            .map(|(w, _)| w.iso())
            .unwrap_or_default();
        let text = article.and_then(|a| a.doc.as_ref()).map(|doc| &doc.text);
        let flat = |r: std::ops::Range<usize>| {
            text.and_then(|t| t.get(r))
                .map(|s| collapse_spaces(&sanitize::display(s)))
        };
        // A cue that is only punctuation (the colon before the words) says nothing here.
        let cue = quote
            .cue()
            .and_then(|(a, b)| flat(a as usize..b as usize))
            .filter(|c| c.chars().any(char::is_alphanumeric))
            .map(|c| format!(" · {c}"))
            .unwrap_or_default();
        let head = format!("{}{}{cue}", fit(title, width / 2), date_part(&date));
        lines.push(Line::from(Span::styled(
            fit(&head, width),
            base.patch(theme.meta),
        )));
        let words = flat(quote.range()).unwrap_or_else(|| "…".to_string());
        // Reported speech is the writer's wording: in quotation marks it would pass for the
        // speaker's own words.
        let words = match quote.kind {
            QuoteKind::Direct => format!("« {words} »"),
            QuoteKind::Indirect => format!("reported: {words}"),
        };
        lines.push(Line::from(vec![
            Span::styled("  ", base),
            Span::styled(
                fit(&words, width.saturating_sub(2)),
                base.patch(theme.quotation),
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn date_part(date: &str) -> String {
    if date.is_empty() {
        String::new()
    } else {
        format!(" · {date}")
    }
}
