//! What a large library is promised, checked structurally (never by timing): a warm start
//! reads no article text before its counts are final; `F` answers from the full-text index
//! while it is built, and says how much of the library it holds.

use crate::common::headless::Headless;
use crate::library;
use liseuse::app::Overlay;

fn corpus_counts(s: &Headless) -> Vec<(String, usize, usize)> {
    let mut v: Vec<(String, usize, usize)> = s
        .app()
        .entities
        .index
        .entities()
        .iter()
        .map(|e| {
            (
                e.key().to_string(),
                e.mentions as usize,
                e.documents as usize,
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_warm_start_reads_no_article_text_before_its_counts_are_final() {
    let lib = library(60);
    let mut s = Headless::start(&[lib.root().to_path_buf()], 120, 40);
    s.settle();
    assert_eq!(s.texts_read(), 60, "a cold start reads every article once");
    let before = corpus_counts(&s);
    let saved = s
        .home
        .path()
        .join("cache")
        .join(liseuse_library::cache::index_file::file_name());
    s.wait_until("the merged index saved", |_| saved.exists());
    let (_, home) = s.finish();

    let mut s = Headless::start_in(home, &[lib.root().to_path_buf()], 120, 40, |_| {});
    s.wait_until("final counts", |a| {
        a.library.len() == 60
            && a.library.loaded() == 60
            && a.entities.analysed == 60
            && !a.entities.is_provisional()
    });
    assert_eq!(s.texts_read(), 0, "no article text read to index");
    assert_eq!(corpus_counts(&s), before);
    // The article shown is read to show it, and its mentions come with the index rebuilt
    // after the counts (the reader may show it before: on main too, asserted at once, this
    // failed two runs of four on a loaded machine).
    s.wait_until("the first article shown", |a| a.reader().is_some());
    s.wait_until("its mentions", |a| !a.entities.doc_mentions(0).is_empty());
    // And the full-text index answers at once, from the cache.
    s.keys("Fbudget<Enter>");
    s.wait_until(
        "the hits",
        |a| matches!(&a.overlay, Some(Overlay::Corpus(c)) if !c.searching && !c.hits.is_empty()),
    );
    let Some(Overlay::Corpus(c)) = &s.app().overlay else {
        unreachable!()
    };
    assert_eq!((c.indexed, c.articles), (60, 60));
    assert_eq!(s.texts_read(), 0);
}

#[test]
fn search_all_answers_while_the_index_is_built_and_says_so() {
    let lib = library(300);
    let mut s = Headless::start(&[lib.root().to_path_buf()], 120, 40);
    s.keys("Fbudget");
    s.wait_until(
        "a first answer",
        |a| matches!(&a.overlay, Some(Overlay::Corpus(c)) if !c.searching),
    );
    let first = s.screen();
    let Some(Overlay::Corpus(c)) = &s.app().overlay else {
        unreachable!()
    };
    if c.indexed < 300 {
        assert!(
            first.contains(&format!("{}/300 indexed so far", c.indexed)),
            "{first}"
        );
    }
    // Asked again as the index grows, until it holds every article.
    s.settle();
    s.wait_until(
        "every article searched",
        |a| matches!(&a.overlay, Some(Overlay::Corpus(c)) if !c.searching && c.indexed == 300),
    );
    let last = s.screen();
    assert!(!last.contains("indexed so far"), "{last}");
    assert!(last.contains("in 300 articles"), "{last}");
}

/// A key typed while background results flood in (a warm start of 100,000 articles queues
/// that many) is drawn by the frame that takes it in: that frame takes only a little of the
/// flood (it took 4,095 results), which comes in the frames after.
#[test]
fn a_key_typed_during_a_flood_of_background_results_is_drawn_before_the_flood() {
    use liseuse::app::Event;
    use liseuse::keys::keymap::{Key, KeyCode};
    let mut s = Headless::seeds(100, 30);
    s.settle();
    let of = 1_000_000;
    for done in 1..=20_000 {
        s.queue(Event::Analysing { index: 0, done, of });
    }
    s.queue(Event::Key(Key::plain(KeyCode::Char('?'))));
    s.step();
    assert!(
        matches!(s.app().overlay, Some(Overlay::Help(..))),
        "the key is taken first"
    );
    let taken = s.app().entities.progress.map_or(0, |(_, d, _)| d);
    assert!(taken <= 256, "{taken} of the flood taken in with the key");
    // The flood is not lost: the next frames take it in.
    s.wait_until("the flood taken in", |a| {
        a.entities.progress.is_some_and(|(_, d, _)| d == 20_000)
    });
}
