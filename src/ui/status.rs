//! The status bar. On the right, what must always be seen: where the reader is (`38%`), what
//! `n` follows and where it is in it, the selection mode; on the left, the message or the
//! title, which gives way when the bar is short. The key hints go first when room is short.

use super::{Theme, fit};
use crate::app::{App, Follow};
use crate::keys::action::Action;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = usize::from(area.width);
    // A message that the bar cannot hold whole, or that a prompt would hide, is shown whole
    // just above it (and the bar shows the title again).
    let mut above_bar = false;
    if let Some((msg, more)) = app.status.current() {
        let room = width.saturating_sub(right_side(app).width() + 2);
        if app.input.is_some() || msg.width() > room {
            above_bar = true;
            let msg = if more > 0 {
                format!("{msg}  [{more} more: any key]")
            } else {
                msg.to_string()
            };
            above(frame, area, &msg, theme);
        }
    }
    if let Some(input) = &app.input {
        let text = format!(
            " {}{}█",
            input.prompt(),
            liseuse_document::sanitize::display(&input.text)
        );
        let note = input
            .note
            .as_ref()
            .map(|n| format!("  ({n})"))
            .unwrap_or_default();
        let note = fit(&note, width / 2);
        // The end of a long input is what is being typed: show that.
        let shown = tail_fit(&text, width.saturating_sub(note.width())) + &note;
        frame.render_widget(Paragraph::new(shown).style(theme.status_key), area);
        return;
    }
    let right = right_side(app);
    let mut hints: Vec<Span> = Vec::new();
    for (action, label) in [
        (Action::Help, "help"),
        (Action::FocusNext, "pane"),
        (Action::Quit, "quit"),
    ] {
        if let Some(k) = app.keymap.keys_for(action).first() {
            hints.push(Span::styled(format!(" {k}"), theme.status_key));
            hints.push(Span::styled(format!(" {label} "), theme.status));
        }
    }
    let hints_w: usize = hints.iter().map(Span::width).sum();
    let right_w = right.width();
    let left = left_side(app, above_bar);
    // The hints give way to a message that needs their room, and to a short bar.
    let whole = 1 + left.width() + right_w + hints_w <= width;
    let quiet = app.status.current().is_none() || above_bar;
    let keep_hints = whole || (quiet && width >= right_w + hints_w + 24);
    let hints_w = if keep_hints { hints_w } else { 0 };
    let room = width.saturating_sub(right_w + hints_w + 1);
    let left = fit(&left, room);
    let used = 1 + left.width() + right_w + hints_w;
    let fill = width.saturating_sub(used);
    let mut spans = vec![
        Span::styled(format!(" {left}"), theme.status),
        Span::styled(" ".repeat(fill), theme.status),
        Span::styled(right, theme.status_key),
    ];
    if keep_hints {
        spans.extend(hints);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
}

/// Draws `msg` wrapped on up to three rows right above the status bar.
fn above(frame: &mut Frame, bar: Rect, msg: &str, theme: &Theme) {
    let width = usize::from(bar.width.saturating_sub(2)).max(10);
    let shown = liseuse_document::sanitize::display(msg);
    let lines: Vec<Line> = textwrap::wrap(&shown, width)
        .into_iter()
        .take(3)
        .map(|l| Line::from(format!(" {l}")))
        .collect();
    let h = u16::try_from(lines.len()).unwrap_or(3).min(bar.y);
    if h == 0 {
        return;
    }
    let rect = Rect::new(bar.x, bar.y - h, bar.width, h);
    frame.render_widget(ratatui::widgets::Clear, rect);
    frame.render_widget(Paragraph::new(lines).style(theme.notice), rect);
}

/// The message, else the followed entity or the title.
fn left_side(app: &App, message_above: bool) -> String {
    if let Some((msg, more)) = app.status.current().filter(|_| !message_above) {
        return match more {
            0 => msg.to_string(),
            n => format!("{msg}  [{n} more: any key]"),
        };
    }
    if let Some(c) = app.count {
        return format!("count {c}");
    }
    if app.prefix.is_some() {
        return "a letter for the mark".to_string();
    }
    // On a quotation, who said it: what the reader wants to know there.
    if let Some(who) = app.speaker_at_cursor() {
        return match who {
            Some(name) => format!("said by {name}"),
            None => "speaker unknown".to_string(),
        };
    }
    // In a book, the chapter read first: the title is that of every chapter.
    if let Some((_, chapter)) = app.chapter_status() {
        return chapter;
    }
    match app.reader() {
        Some(r) => r.doc.title.clone(),
        None => String::new(),
    }
}

/// What is always shown: background work, the selection mode, what `n` follows, the place.
fn right_side(app: &App) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(f) = app.fetching.label() {
        parts.push(f);
    }
    let loaded = app.library.loaded();
    let n = app.library.len();
    // An article is described once checked against the cache or read and analysed: one
    // count for both, as they come (the index's merges that bring them into the counts are
    // tens of seconds apart in a large library, and the count stood still between them);
    // "indexing" until the index holds them all; a long last one says how far its analysis is.
    if loaded.min(app.entities.analysed) < n {
        match app.entities.progress {
            Some((_, d, of)) if n == 1 || loaded + 1 == n => {
                parts.push(format!("indexing {}%", d * 100 / of.max(1)));
            }
            _ => parts.push(format!("indexing {loaded}/{n}")),
        }
    }
    if app.bookmarks.unsaved.is_some() {
        parts.push("⚠ not saved yet".to_string());
    }
    if app.reader().is_some_and(|r| r.selection.is_some()) {
        parts.push("-- SELECT -- b keeps, v stops".to_string());
    }
    if let Some(f) = app.reader().and_then(|r| r.filter.as_deref()) {
        // Only the paragraphs matching it are shown.
        parts.push(format!("&{}", fit(f, 16)));
    }
    if let Some(f) = following(app) {
        parts.push(f);
    }
    if let Some(r) = app.reader() {
        parts.push(r.position_label());
    }
    if parts.is_empty() {
        return String::new();
    }
    format!(" {} ", parts.join(" · "))
}

/// What `n` steps through now, and where the reader is in it.
fn following(app: &App) -> Option<String> {
    match app.follows()? {
        Follow::Mentions => return app.mention_status().map(|s| format!("n: {s}")),
        Follow::Passages => return app.passage_status().map(|s| format!("n: {s}")),
        Follow::Hits => return app.hit_status().map(|s| format!("n: {s}")),
        Follow::Quotes => return app.said_status().map(|s| format!("n: {s}")),
        Follow::Matches => {}
    }
    let s = app.reading.search.as_ref()?;
    let at = s.current.map_or("-".to_string(), |i| (i + 1).to_string());
    // Typed in a long article, only the matches ahead are known until Enter.
    let of = if s.partial {
        "…".to_string()
    } else {
        s.matches.len().to_string()
    };
    let query = fit(&s.query, 24);
    let way = if s.backward { '?' } else { '/' };
    Some(format!("n: {way}{query} {at}/{of}"))
}

/// The end of `s` in `width` cells, with an ellipsis in front when cut.
fn tail_fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out: Vec<char> = Vec::new();
    let mut w = 1;
    for c in s.chars().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out.into_iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_util::up;
    use crate::event::Event;
    use crate::keys::keymap::Keymap;
    use liseuse_library::{self as library, Library};

    #[test]
    fn indexing_counts_the_articles_described_before_the_index_takes_them_in() {
        let entries = library::seeds();
        let mut app = App::new(Library::new(entries.clone()), Keymap::default(), (120, 40));
        assert!(
            right_side(&app).contains("indexing 0/2"),
            "{}",
            right_side(&app)
        );
        let doc = library::load(&entries[0]).unwrap();
        let meta = liseuse_library::cache::ArticleMeta::of_document(&doc, None);
        let hash = liseuse_library::bookmark::content_hash(&doc.entity_text());
        up(
            &mut app,
            Event::Described {
                index: 0,
                meta: Box::new(meta),
                hash,
            },
        );
        // No index merged yet: the article counts, and the work is not done.
        assert!(
            right_side(&app).contains("indexing 1/2"),
            "{}",
            right_side(&app)
        );
    }
}
