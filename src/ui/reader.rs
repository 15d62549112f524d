//! The reader pane: the visible lines of the open article, styled by block kind.

use super::{Theme, highlight, pane};
use crate::app::reader::{BlockKind, LineText, VisualLine};
use crate::app::{App, Focus};
use liseuse_document::sanitize;
use liseuse_document::{Document, Inline};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::ops::Range;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Reader;
    let title = match app.open() {
        Some(i) => match app.library.row_of(i) {
            Some(row) => format!(" {}/{} ", row + 1, app.library.shown()),
            None => " Reader ".to_string(),
        },
        None => " Reader ".to_string(),
    };
    let block = pane(title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(reader) = app.reader() else {
        let msg = sanitize::display(&app.reader_placeholder()).into_owned();
        frame.render_widget(
            Paragraph::new(msg)
                .wrap(ratatui::widgets::Wrap { trim: false })
                .style(theme.meta),
            inner,
        );
        return;
    };
    let text = &reader.doc.text;
    let (_, _, indent) = app.text_layout();
    let lines: Vec<Line> = reader
        .visible()
        .into_iter()
        .map(|vl| {
            let on_cursor = focused && vl.pos == reader.cursor;
            let style = block_style(vl.kind, theme);
            let marked = match &vl.text {
                Some(LineText::Doc(r)) => reader.is_marked(r),
                _ => false,
            };
            let gutter = match (vl.pos == reader.cursor, marked) {
                (true, true) => "▌┃ ",
                (true, false) => "▌  ",
                (false, true) => " ┃ ",
                (false, false) => "   ",
            };
            let mut spans = vec![
                Span::raw(" ".repeat(indent)),
                Span::styled(gutter, theme.gutter),
            ];
            if vl.text.is_some() {
                spans.extend(block_prefix(&vl, theme));
            }
            match &vl.text {
                Some(LineText::Doc(_)) if vl.kind == BlockKind::Separator => {
                    let w = app.text_layout().0.saturating_sub(vl.indent).clamp(3, 24);
                    spans.push(Span::styled("─".repeat(w), theme.rule));
                }
                Some(LineText::Doc(r)) => {
                    let mut marks = inline_marks(&reader.doc, r, theme);
                    marks.extend(line_marks(app, r, theme));
                    spans.extend(highlight::spans(text, r.clone(), style, &marks));
                }
                Some(LineText::Own(s)) => {
                    spans.push(Span::styled(sanitize::display(s).into_owned(), style));
                }
                None => {}
            }
            let mut line = Line::from(spans);
            if reader.is_selected(vl.pos) {
                line = line.style(theme.selection);
            } else if on_cursor {
                line = line.style(theme.cursor_line);
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    super::scrollbar::draw(frame, inner, app, theme);
}

/// What stands before a line of a block: a quote's bars, a list's or a code block's indent.
fn block_prefix(vl: &VisualLine, theme: &Theme) -> Option<Span<'static>> {
    if vl.indent == 0 {
        return None;
    }
    if vl.kind == BlockKind::Quote {
        let bars = usize::from(vl.level.max(1));
        let mut s = "│ ".repeat(bars);
        s.extend(std::iter::repeat_n(' ', vl.indent.saturating_sub(2 * bars)));
        return Some(Span::styled(s, theme.quote));
    }
    Some(Span::raw(" ".repeat(vl.indent)))
}

/// The document's inline styles on one line (emphasis, strong, code, links), under entity
/// and search marks.
fn inline_marks(doc: &Document, line: &Range<usize>, theme: &Theme) -> Vec<(Range<usize>, Style)> {
    doc.styles_in(line)
        .iter()
        .map(|run| {
            let mut style = Style::default();
            if run.style.has(Inline::EMPHASIS) {
                style = style.add_modifier(Modifier::ITALIC);
            }
            if run.style.has(Inline::STRONG) {
                style = style.add_modifier(Modifier::BOLD);
            }
            if run.style.has(Inline::CODE) {
                style = style.patch(theme.code);
            }
            if run.style.has(Inline::LINK) {
                style = style.patch(theme.link);
            }
            (run.range.clone(), style)
        })
        .collect()
}

/// Styled ranges on one line: quotations, entity mentions, search matches (the current one
/// stronger).
fn line_marks(app: &App, line: &Range<usize>, theme: &Theme) -> Vec<(Range<usize>, Style)> {
    // Quotations first: entities and matches are drawn over them.
    let mut marks: Vec<(Range<usize>, Style)> = app
        .quotes_on(line)
        .into_iter()
        .map(|q| (q.range(), theme.quotation))
        .collect();
    if let Some(doc) = app.open() {
        let e = &app.entities;
        let mentions = e.doc_mentions(doc);
        for i in highlight::overlapping(&mentions, line, |m| m.range()) {
            let m = &mentions[i];
            if !e.shows(m.label()) {
                continue;
            }
            let mut style = theme.label(m.label());
            if e.selected == Some(m.entity()) {
                style = style.patch(theme.selected_entity);
            }
            marks.push((m.range(), style));
        }
    }
    if let Some(s) = &app.reading.search {
        for i in highlight::overlapping(&s.matches, line, |r| r.clone()) {
            let r = &s.matches[i];
            let style = if s.current == Some(i) {
                theme.match_current
            } else {
                theme.match_other
            };
            marks.push((r.clone(), style));
        }
    }
    marks
}

fn block_style(kind: BlockKind, theme: &Theme) -> Style {
    match kind {
        BlockKind::Title => theme.title,
        BlockKind::Meta => theme.meta,
        BlockKind::Notice => theme.notice,
        BlockKind::Body => theme.body,
        BlockKind::Heading => theme.heading,
        BlockKind::Blurb => theme.blurb,
        BlockKind::Quote => theme.quote,
        BlockKind::ListItem => theme.body,
        BlockKind::Code | BlockKind::Table => theme.code,
        BlockKind::Separator => theme.rule,
    }
}
