//! Where a library's memory goes, stage by stage, counted by the allocator (not RSS, which
//! also holds the binary, stacks and the allocator's spare room):
//! `cargo run --release --example memory_stages -- DIR`.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; only sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(now, Relaxed);
        // SAFETY: as for `System::alloc`, with the caller's layout.
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        // SAFETY: `p` came from `alloc` above with this layout.
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn mb(n: usize) -> String {
    format!("{:.1} MB", n as f64 / 1e6)
}

fn stage(name: &str, before: usize) -> usize {
    let now = LIVE.load(Relaxed);
    println!(
        "{name:<34} {:>10} (live {}, peak so far {})",
        mb(now.saturating_sub(before)),
        mb(now),
        mb(PEAK.load(Relaxed))
    );
    now
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: memory_stages DIR");
        return;
    };
    let _ = liseuse_entity::analyse("Paris");
    let base = stage("gazetteers", 0);
    let found = match liseuse_library::discover(&[dir.into()]) {
        Ok(f) => f,
        Err(e) => return eprintln!("{e}"),
    };
    let at = stage("file list", base);
    let docs: Vec<_> = found
        .entries
        .iter()
        .filter_map(|e| liseuse_library::load(e).ok())
        .collect();
    let text: usize = docs.iter().map(|d| d.text.len()).sum();
    let at = stage(&format!("{} documents ({})", docs.len(), mb(text)), at);
    let per_doc: Vec<_> = docs
        .iter()
        .map(|d| liseuse_entity::analyse(&d.text))
        .collect();
    let entities: usize = per_doc.iter().map(|d| d.entities.len()).sum();
    let mentions: usize = per_doc.iter().map(|d| d.mentions.len()).sum();
    let at = stage(
        &format!("entities ({entities} local, {mentions} mentions)"),
        at,
    );
    let peak_before = LIVE.load(Relaxed);
    PEAK.store(peak_before, Relaxed);
    let index = liseuse_entity::EntityIndex::build(&per_doc);
    let _ = stage(
        &format!("corpus index ({} entities)", index.entities().len()),
        at,
    );
    println!(
        "{:<34} {:>10}",
        "merge's temporaries, at most",
        mb(PEAK.load(Relaxed) - LIVE.load(Relaxed))
    );
}
