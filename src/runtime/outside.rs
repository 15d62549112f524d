//! Handing a link to the world outside: the web browser, run detached (its own process group,
//! no terminal input, its output never reaching ours), and the terminal's clipboard (OSC 52),
//! asked only where the terminal is known to take it.

use std::io;
use std::process::{Command, Stdio};

/// Opens `url` (an http or https address) in the browser: `browser` if given, else
/// `$BROWSER` (a `:`-separated list of commands, the first that starts is used; `%s` in one
/// is the address, else the address comes last), else the desktop's opener (`xdg-open`,
/// `open` on macOS). Returns at once; the browser is never waited for.
pub fn browse(url: &str, browser: Option<&str>) -> Result<(), String> {
    let configured = browser
        .map(str::to_string)
        .or_else(|| std::env::var("BROWSER").ok())
        .filter(|b| !b.trim().is_empty());
    let candidates: Vec<String> = match &configured {
        Some(b) => b.split(':').map(str::to_string).collect(),
        None if cfg!(target_os = "macos") => vec!["open".into()],
        None => vec!["xdg-open".into()],
    };
    let mut tried = Vec::new();
    for command in &candidates {
        let words: Vec<&str> = command.split_whitespace().collect();
        let Some((program, args)) = words.split_first() else {
            continue;
        };
        match spawn(program, args, url) {
            Ok(()) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => tried.push(*program),
            Err(e) => {
                return Err(format!(
                    "could not start the browser {program}: {}",
                    liseuse_library::plain_io_error(&e)
                ));
            }
        }
    }
    Err(match configured {
        Some(_) => format!(
            "no browser of $BROWSER could be started ({})",
            tried.join(", ")
        ),
        None => format!("no browser found ({}): set $BROWSER", candidates.join(", ")),
    })
}

fn spawn(program: &str, args: &[&str], url: &str) -> io::Result<()> {
    let mut cmd = Command::new(program);
    let mut placed = false;
    for a in args {
        if a.contains("%s") {
            placed = true;
            cmd.arg(a.replace("%s", url));
        } else {
            cmd.arg(a);
        }
    }
    if !placed {
        cmd.arg(url);
    }
    cmd.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    {
        // Its own process group: Ctrl-C and Ctrl-Z in our terminal are not its.
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let mut child = cmd.spawn()?;
    // Reaped when it ends (an opener returns at once, a browser may run for hours).
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// Whether the terminal takes a copy from a program (OSC 52): `Ok` when it is known to, else
/// why not, to be said. Inside tmux, tmux decides (`set-clipboard on`).
pub fn clipboard() -> Result<(), String> {
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    if std::env::var_os("TMUX").is_some() {
        let setting = Command::new("tmux")
            .args(["show-options", "-sv", "set-clipboard"])
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default();
        return match setting.as_str() {
            "on" => Ok(()),
            _ => Err("tmux passes a copy on only with `set -s set-clipboard on`".into()),
        };
    }
    if std::env::var_os("STY").is_some() {
        return Err("GNU screen does not pass a copy on (OSC 52)".into());
    }
    let term = var("TERM");
    let program = var("TERM_PROGRAM");
    let known_term = [
        "kitty",
        "alacritty",
        "foot",
        "wezterm",
        "ghostty",
        "contour",
    ]
    .iter()
    .any(|t| term.contains(t));
    let known_program = ["WezTerm", "iTerm.app", "ghostty"].contains(&program.as_str());
    let known_var = [
        "KITTY_WINDOW_ID",
        "WEZTERM_PANE",
        "ALACRITTY_WINDOW_ID",
        "WT_SESSION",
    ]
    .iter()
    .any(|k| std::env::var_os(k).is_some());
    if known_term || known_program || known_var {
        Ok(())
    } else {
        Err("this terminal is not known to take a copy from a program (OSC 52)".into())
    }
}

/// The OSC 52 sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{encoded}\x07")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_base64_between_its_markers() {
        assert_eq!(osc52("https://a.fr/"), "\x1b]52;c;aHR0cHM6Ly9hLmZyLw==\x07");
    }

    #[test]
    fn a_browser_that_is_not_there_is_said() {
        let e = browse(
            "https://a.fr/",
            Some("/nonexistent/liseuse-browser:/also/not"),
        )
        .unwrap_err();
        assert!(e.contains("/nonexistent/liseuse-browser"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn the_address_takes_the_place_of_percent_s() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("browser.sh");
        std::fs::write(
            &script,
            "#!/bin/sh\nprintf '%s|%s' \"$1\" \"$2\" > \"$0.out\"\n",
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        let cmd = format!("{} --new-tab=%s last", script.display());
        browse("https://a.fr/x", Some(&cmd)).unwrap();
        let written = dir.path().join("browser.sh.out");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let mut got = String::new();
        while !got.ends_with("last") && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
            got = std::fs::read_to_string(&written).unwrap_or_default();
        }
        assert_eq!(got, "--new-tab=https://a.fr/x|last");
    }
}
