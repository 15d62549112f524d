//! When an entity is named: a bar per day, month or year (ratatui's `BarChart`), the first,
//! selected and last periods named under it, and the articles naming it, oldest first, each
//! with its date and where that date comes from.

use super::{Theme, fit};
use crate::app::App;
use crate::app::overlay::TimelineView;
use liseuse_document::plural::counted;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, v: &TimelineView, theme: &Theme) {
    let name = app
        .entities
        .index
        .entity(v.of)
        .map_or(String::new(), |e| e.name().to_string());
    let t = &v.timeline;
    let per = match t.period {
        liseuse_library::timeline::Period::Day => "day",
        liseuse_library::timeline::Period::Month => "month",
        liseuse_library::timeline::Period::Year => "year",
    };
    let undated = match t.undated.len() {
        0 => String::new(),
        n => format!(" · {n} without a date"),
    };
    let title = format!(
        " {name} · mentions per {per} · {}{undated} ",
        counted(t.dated.len(), "dated article", "dated articles")
    );
    let inner = super::overlay_list(
        frame,
        area,
        &title,
        "Enter open the article · Esc close",
        theme,
    );
    if t.bins.is_empty() {
        let msg = if t.undated.is_empty() {
            "No article names it yet."
        } else {
            "No article naming it has a date (a date line, a date near its start, or a file's time)."
        };
        frame.render_widget(Paragraph::new(Line::styled(msg, theme.meta)), inner);
        let below = Rect::new(
            inner.x,
            inner.y + 2,
            inner.width,
            inner.height.saturating_sub(2),
        );
        draw_articles(frame, below, app, v, theme);
        return;
    }
    let chart_h = (inner.height / 2).clamp(3, 10);
    let selected_bin = v.selected_bin();
    let n = t.bins.len() as u16;
    let gap = u16::from(n * 2 <= inner.width);
    let bar_w = (inner.width / n.max(1)).saturating_sub(gap).clamp(1, 6);
    let bars: Vec<Bar> = t
        .bins
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let style = if Some(i) == selected_bin {
                theme.match_current
            } else {
                theme.heading
            };
            Bar::default()
                .value(b.mentions as u64)
                .style(style)
                .text_value(if bar_w >= 3 && b.mentions > 0 {
                    b.mentions.to_string()
                } else {
                    String::new()
                })
        })
        .collect();
    let chart = BarChart::new(bars).bar_width(bar_w).bar_gap(gap);
    let chart_area = Rect::new(inner.x, inner.y, inner.width, chart_h);
    frame.render_widget(chart, chart_area);
    // Under the bars: the first period, the selected one, the last.
    let first = t.bins.first().map_or("", |b| b.label.as_str());
    let last = t.bins.last().map_or("", |b| b.label.as_str());
    let sel = selected_bin
        .and_then(|i| t.bins.get(i))
        .map_or(String::new(), |b| {
            format!(
                "▲ {} · {}",
                b.label,
                counted(b.mentions, "mention", "mentions")
            )
        });
    let pad = usize::from(inner.width)
        .saturating_sub(first.chars().count() + last.chars().count() + sel.chars().count());
    let axis = Line::from(vec![
        Span::styled(first.to_string(), theme.meta),
        Span::raw(" ".repeat(pad / 2)),
        Span::styled(sel, theme.match_current),
        Span::raw(" ".repeat(pad - pad / 2)),
        Span::styled(last.to_string(), theme.meta),
    ]);
    frame.render_widget(
        Paragraph::new(axis),
        Rect::new(inner.x, inner.y + chart_h, inner.width, 1),
    );
    let list_y = inner.y + chart_h + 2;
    let below = Rect::new(
        inner.x,
        list_y,
        inner.width,
        inner.height.saturating_sub(chart_h + 2),
    );
    draw_articles(frame, below, app, v, theme);
}

/// The articles naming the entity, oldest first, then those with no date; the selected one
/// kept in view.
fn draw_articles(frame: &mut Frame, area: Rect, app: &App, v: &TimelineView, theme: &Theme) {
    let t = &v.timeline;
    let width = usize::from(area.width);
    let rows = usize::from(area.height);
    let first_row = v.selected.saturating_sub(rows.saturating_sub(1));
    let entries = t
        .dated
        .iter()
        .map(|x| (x.doc, x.when.iso(), x.mentions, x.source.as_str()))
        .chain(
            t.undated
                .iter()
                .map(|u| (u.doc, "—".to_string(), u.mentions, "no date")),
        );
    let lines: Vec<Line> = entries
        .enumerate()
        .skip(first_row)
        .take(rows)
        .map(|(i, (doc, when, mentions, source))| {
            let title = app.library.articles.get(doc).map_or("", |a| a.title());
            let base = if i == v.selected {
                theme.list_selected
            } else {
                theme.body
            };
            let head = format!("{when:<10}  {mentions:>3}× ");
            let tail = format!("  ({source})");
            let room = width.saturating_sub(head.chars().count() + tail.chars().count());
            Line::from(vec![
                Span::styled(head, base.patch(theme.meta)),
                Span::styled(fit(title, room), base),
                Span::styled(tail, base.patch(theme.meta)),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
