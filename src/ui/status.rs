//! The status bar: where the reader is, what is happening, and the keys that matter most.

use super::{Theme, fit};
use crate::action::Action;
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = usize::from(area.width);
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
    let hints_w: usize = hints.iter().map(|s| s.width()).sum();

    if let Some(input) = &app.input {
        let text = format!(
            " {}{}█",
            input.prompt(),
            crate::sanitize::display(&input.text)
        );
        let shown = fit(&text, width);
        frame.render_widget(Paragraph::new(shown).style(theme.status_key), area);
        return;
    }
    let left = match (&app.message, &app.reader, app.mention_status()) {
        (Some(m), _, _) => m.clone(),
        (None, Some(_), Some(following)) => following,
        (None, Some(r), None) => format!("{} · {}", r.doc.title, r.position_label()),
        (None, None, _) => String::new(),
    };
    let loaded = app.library.loaded();
    let mut progress = if loaded < app.library.len() {
        format!(" reading {loaded}/{} ", app.library.len())
    } else {
        String::new()
    };
    let analysed = app.entities.analysed;
    if loaded == app.library.len() && analysed < app.library.len() {
        progress.push_str(&format!(" indexing {analysed}/{} ", app.library.len()));
    }
    if let Some(s) = &app.search {
        let at = s.current.map_or("-".to_string(), |i| (i + 1).to_string());
        // Typed in a long article, only the matches ahead are known until Enter.
        let of = if s.partial {
            "…".to_string()
        } else {
            s.matches.len().to_string()
        };
        progress.push_str(&format!(
            " /{} {at}/{of} · n next match ",
            crate::sanitize::display(&s.query)
        ));
    }
    let room = width.saturating_sub(hints_w + progress.chars().count() + 2);
    let left = fit(&left, room);
    let used = 1 + unicode_width::UnicodeWidthStr::width(left.as_str()) + progress.chars().count();
    let fill = width.saturating_sub(used + hints_w);
    let mut spans = vec![
        Span::styled(format!(" {left}"), theme.status),
        Span::styled(progress, theme.status_key),
        Span::styled(" ".repeat(fill), theme.status),
    ];
    spans.extend(hints);
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
}
