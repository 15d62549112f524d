use super::*;

fn ids(ft: &FullText, q: &str) -> Vec<u64> {
    ft.candidates(q, 100)
        .map(|c| c.best.iter().map(|c| c.id).collect())
        .unwrap_or_default()
}

fn sorted(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v
}

fn small() -> FullText {
    let ft = FullText::open(None);
    ft.put(
        1,
        11,
        None,
        "",
        "Hamas",
        "Le Hamas a nié toute implication à Gaza.",
    );
    ft.put(
        2,
        22,
        None,
        "",
        "Téhéran",
        "À TÉHÉRAN, le président Raïssi a parlé.",
    );
    ft.put(
        3,
        33,
        None,
        "",
        "Cœur",
        "Un cœur léger ; l'économie française.",
    );
    ft.commit();
    ft
}

#[test]
fn words_are_found_whatever_their_case_and_accents() {
    let ft = small();
    assert_eq!(ids(&ft, "teheran"), [2]);
    assert_eq!(ids(&ft, "Téhéran"), [2]);
    assert_eq!(ids(&ft, "RAISSI"), [2]);
    assert_eq!(ids(&ft, "economie"), [3]);
    assert_eq!(ids(&ft, "cœur"), [3], "folded as the search folds: œ stays");
    assert_eq!(ids(&ft, "gaza"), [1]);
    assert_eq!(ids(&ft, "berlin"), Vec::<u64>::new());
}

#[test]
fn a_word_is_found_inside_words_and_a_phrase_by_its_words() {
    let ft = small();
    // A lone word anywhere in a word, as the search of an article finds it.
    assert_eq!(ids(&ft, "mas"), [1]);
    assert_eq!(sorted(ids(&ft, "le")), [1, 2, 3], "le, léger, implication…");
    // A phrase: the first word as a word's end, the last as a beginning, those between whole.
    assert_eq!(ids(&ft, "Hamas a nié"), [1]);
    assert_eq!(ids(&ft, "amas a ni"), [1]);
    assert_eq!(ids(&ft, "Hamas a parlé"), Vec::<u64>::new());
    assert_eq!(ids(&ft, "l'économie"), [3]);
    // No word: nothing to look up.
    assert_eq!(ft.candidates("« ; »", 10), None);
    assert_eq!(query_words("L'Économie, 2024"), ["l", "economie", "2024"]);
}

#[test]
fn the_best_come_first_and_the_newest_when_dated() {
    let ft = FullText::open(None);
    ft.put(
        1,
        1,
        None,
        "",
        "Un",
        "Macron parle. Rien d'autre ici, vraiment rien.",
    );
    ft.put(2, 2, None, "", "Deux", "Macron, Macron et encore Macron.");
    ft.put(3, 3, None, "", "Trois", "Personne.");
    ft.commit();
    let c = ft.candidates("macron", 10).unwrap();
    assert_eq!(c.total, 2);
    assert_eq!(c.best.iter().map(|c| c.id).collect::<Vec<_>>(), [2, 1]);
    assert!(c.best[0].score > c.best[1].score);
    // Dated: newest first, whatever the score.
    ft.put(
        1,
        1,
        Some(19_000),
        "",
        "Un",
        "Macron parle. Rien d'autre ici, vraiment rien.",
    );
    ft.put(
        2,
        2,
        Some(18_000),
        "",
        "Deux",
        "Macron, Macron et encore Macron.",
    );
    ft.commit();
    let c = ft.candidates("macron", 10).unwrap();
    assert_eq!(c.best.iter().map(|c| c.id).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(c.best[0].day, 19_000);
    let one = ft.candidates("macron", 1).unwrap();
    assert_eq!((one.best.len(), one.total), (1, 2));
}

#[test]
fn articles_added_changed_and_removed_are_followed() {
    let dir = tempfile::tempdir().unwrap();
    let ft = FullText::open(Some(dir.path()));
    assert!(ft.writes());
    ft.put(1, 10, None, "", "A", "Le Hamas à Gaza.");
    ft.put(2, 20, None, "", "B", "Berlin.");
    assert!(ft.has(1, 10));
    assert_eq!(
        ids(&ft, "gaza"),
        Vec::<u64>::new(),
        "searchable once committed"
    );
    ft.commit();
    assert_eq!(ids(&ft, "gaza"), [1]);
    // Changed: the old words go.
    ft.put(1, 11, None, "", "A", "Le Fatah à Ramallah.");
    ft.commit();
    assert_eq!(ids(&ft, "gaza"), Vec::<u64>::new());
    assert_eq!(ids(&ft, "ramallah"), [1]);
    assert!(ft.has(1, 11) && !ft.has(1, 10));
    // Removed.
    ft.remove(2);
    ft.put(3, 30, None, "", "C", "Berlin encore.");
    ft.commit();
    assert_eq!(ids(&ft, "berlin"), [3]);
    assert_eq!(ft.len(), 2);
    drop(ft);
    // A second start knows what is indexed, with which text.
    let ft = FullText::open(Some(dir.path()));
    assert!(ft.has(1, 11) && ft.has(3, 30) && !ft.has(2, 20));
    assert_eq!(ids(&ft, "ramallah"), [1]);
}

#[test]
fn a_second_liseuse_searches_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let first = FullText::open(Some(dir.path()));
    first.put(1, 1, None, "", "A", "Gaza.");
    first.commit();
    let second = FullText::open(Some(dir.path()));
    assert!(!second.writes());
    assert_eq!(ids(&second, "gaza"), [1]);
    second.put(2, 2, None, "", "B", "Gaza.");
    second.commit();
    assert_eq!(ids(&second, "gaza"), [1]);
}

#[test]
fn a_damaged_index_is_started_anew() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join(dir_name());
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("meta.json"), b"{ not json").unwrap();
    let ft = FullText::open(Some(dir.path()));
    ft.put(1, 1, None, "", "A", "Gaza.");
    ft.commit();
    assert_eq!(ids(&ft, "gaza"), [1]);
}

#[test]
fn an_article_s_path_is_kept_and_an_older_format_s_index_removed() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join(format!("fulltext-v{}", FORMAT - 1));
    std::fs::create_dir_all(&old).unwrap();
    std::fs::write(old.join("meta.json"), b"{}").unwrap();
    let mine = dir.path().join("fulltext-notes");
    std::fs::create_dir_all(&mine).unwrap();
    let ft = FullText::open(Some(dir.path()));
    assert!(!old.exists(), "the older index is gone");
    assert!(mine.exists(), "what is not an index of ours stays");
    ft.put(1, 1, None, "/lib/a.txt", "A", "Gaza.");
    ft.put(2, 2, None, "", "B", "Gaza.");
    ft.commit();
    assert_eq!(ft.path_of(1).as_deref(), Some("/lib/a.txt"));
    assert_eq!(ft.path_of(2).as_deref(), Some(""));
    assert_eq!(ft.path_of(3), None);
}

#[test]
fn batched_operations_keep_their_order() {
    // More than a batch, an article changed and another removed inside one: each article once,
    // as last told.
    let ft = FullText::open(None);
    let n = 3 * BATCH as u64 + 5;
    for id in 1..=n {
        ft.put(id, id, None, "", "", &format!("commun x{id}y"));
    }
    ft.put(7, 70, None, "", "", "commun nouveau");
    ft.remove(9);
    ft.put(n + 1, n + 1, None, "", "", "commun dernier");
    ft.put(n + 1, n + 2, None, "", "", "commun ultime");
    ft.commit();
    let c = ft.candidates("commun", 10_000).unwrap();
    assert_eq!(c.total as u64, n, "one document an article");
    assert_eq!(ids(&ft, "x7y"), Vec::<u64>::new());
    assert_eq!(ids(&ft, "nouveau"), [7]);
    assert_eq!(ids(&ft, "x9y"), Vec::<u64>::new());
    assert_eq!(ids(&ft, "dernier"), Vec::<u64>::new());
    assert_eq!(ids(&ft, "ultime"), [n + 1]);
    assert!(ft.has(7, 70) && !ft.has(9, 9) && ft.has(n + 1, n + 2));
    assert_eq!(ft.len() as u64, n);
}

/// A first indexing merges nothing as it goes (a segment a commit), and once the library is
/// indexed its segments are merged into one; the answers are the same.
#[test]
fn a_first_indexing_is_merged_once_at_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let ft = FullText::open(Some(dir.path()));
    for i in 0..12u64 {
        ft.put(i, i, None, "", "Titre", &format!("Le mot{i} et Gaza."));
        ft.commit();
    }
    let segments = |ft: &FullText| ft.reader.searcher().segment_readers().len();
    assert_eq!(segments(&ft), 12, "no merge while indexing");
    assert_eq!(ids(&ft, "mot7"), [7]);
    ft.retain(&(0..12).collect());
    ft.commit();
    ft.settle();
    let ft = FullText::open(Some(dir.path()));
    assert_eq!(segments(&ft), 1, "merged once indexed");
    assert_eq!(ids(&ft, "mot7"), [7]);
    assert_eq!(sorted(ids(&ft, "gaza")), (0..12).collect::<Vec<_>>());
    // A later start merges as usual: its index was not empty.
    assert!(!ft.cold.on.load(std::sync::atomic::Ordering::SeqCst));
}
