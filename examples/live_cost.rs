//! What a watcher event costs on a big library: `cargo run --release --example live_cost -- DIR`
//! (a folder of articles, e.g. `target/bench-corpus/lib` from `gen_corpus`). Times the walk's
//! batches joining the list, then one file added in the middle, one removed, one re-created,
//! and a burst of 1,000 added at once. Nothing is written: the events are made up.
use liseuse::app::{App, Event};
use liseuse::keys::keymap::Keymap;
use liseuse_library::{Discovery, Library};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: live_cost DIR");
        return;
    };
    let found = match liseuse_library::discover(std::slice::from_ref(&dir)) {
        Ok(f) => f,
        Err(e) => return eprintln!("{e}"),
    };
    let n = found.entries.len();
    let mut entries = found.entries.into_iter();
    let first: Vec<_> = entries.by_ref().take(1).collect();
    let library = Library::under(vec![dir.clone()], first);
    let mut app = App::new(library, Keymap::default(), (120, 40));
    let t = Instant::now();
    let rest: Vec<_> = entries.collect();
    for batch in rest.chunks(512) {
        let ev = Event::Discovered(Discovery {
            entries: batch.to_vec(),
            skipped: Vec::new(),
        });
        app.update(ev, &mut Vec::new());
    }
    println!(
        "walk of {n} articles joining the list in batches of 512: {:.2} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let middle = app
        .library
        .at_row(n / 2)
        .map(|i| PathBuf::from(&app.library.articles[i].entry.path))
        .unwrap_or_default();
    let added = middle.with_file_name("zz-added-0042.txt");
    let time = |app: &mut App, what: &str, changes: Vec<(PathBuf, bool)>| {
        let t = Instant::now();
        app.update(Event::FilesChanged(changes), &mut Vec::new());
        println!("{what}: {:.3} ms", t.elapsed().as_secs_f64() * 1e3);
    };
    time(
        &mut app,
        "one added in the middle",
        vec![(added.clone(), true)],
    );
    time(&mut app, "one removed", vec![(middle.clone(), false)]);
    time(&mut app, "one re-created", vec![(middle.clone(), true)]);
    let burst: Vec<_> = (0..1000)
        .map(|k| (middle.with_file_name(format!("burst-{k}.txt")), true))
        .collect();
    time(&mut app, "1,000 added at once", burst.clone());
    let gone = burst.into_iter().map(|(p, _)| (p, false)).collect();
    time(&mut app, "the same 1,000 removed", gone);
    println!("{} articles listed", app.library.shown());
}
