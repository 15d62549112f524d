use clap::Parser;
use liseuse::app::{App, Effect};
use liseuse::cli::{Cli, Command};
use liseuse::keymap::Keymap;
use liseuse::library::{self, Discovery, Library};
use liseuse::{loader, term, ui};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Entities { .. }) => Err("entities: not available yet".to_string()),
        None => open(&cli.paths).and_then(|d| run(d).map_err(|e| e.to_string())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("liseuse: {e}");
            ExitCode::from(2)
        }
    }
}

/// Finds the articles before the terminal is touched, so a bad path is a plain one-line error.
fn open(paths: &[PathBuf]) -> Result<Discovery, String> {
    if paths.is_empty() {
        return Ok(Discovery {
            entries: library::seeds(),
            skipped: Vec::new(),
        });
    }
    library::discover(paths)
}

fn run(found: Discovery) -> std::io::Result<()> {
    let (mut terminal, _guard) = term::enter()?;
    let size = terminal.size()?;
    let (tx, rx) = mpsc::channel();
    term::spawn_input(tx.clone());
    loader::spawn(found.entries.clone(), tx);

    let mut app = App::new(
        Library::new(found.entries),
        Keymap::default(),
        (size.width, size.height),
    );
    if let Some(first) = found.skipped.first() {
        let more = found.skipped.len() - 1;
        app.message = Some(if more > 0 {
            format!("{first} (and {more} more)")
        } else {
            first.clone()
        });
    }
    let theme = ui::Theme::from_env();
    loop {
        terminal.draw(|f| ui::draw(f, &app, &theme))?;
        let Ok(first) = rx.recv() else { break };
        let mut effects = app.update(first);
        // Take whatever else is already waiting before drawing again: a burst of keys or
        // background results costs one frame, not one each.
        while effects.is_empty() {
            match rx.try_recv() {
                Ok(ev) => effects = app.update(ev),
                Err(_) => break,
            }
        }
        if effects.contains(&Effect::Quit) {
            break;
        }
    }
    Ok(())
}
