//! A ratchet on text the engine never trained on: the slice of WiNER-fr's test split copied into
//! `tests/fixtures/winer/` (30 articles, see its README), scored as `shared/eval/score.py` does, under WiNER's
//! conventions. It fails if F1 drops below what the engine reaches today, minus a hair.

use std::collections::BTreeSet;
use std::path::Path;

use liseuse_entity::score::{Gold, predictions, score};
use liseuse_entity::{EntityIndex, analyse};

#[test]
fn winer_test_slice_scores_do_not_drop() {
    let root =
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/winer");
    let gold: Vec<Gold> = serde_json::from_str(
        &std::fs::read_to_string(root.join("slice.gold.json")).expect("slice gold"),
    )
    .expect("gold rows");
    let names: BTreeSet<String> = std::fs::read_dir(root.join("texts"))
        .expect("slice texts")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 30);
    let docs: Vec<(String, String)> = names
        .into_iter()
        .map(|n| {
            let t = std::fs::read_to_string(root.join("texts").join(&n)).expect("text");
            (n, t)
        })
        .collect();
    let analysed: Vec<_> = docs.iter().map(|(_, t)| analyse(t)).collect();
    let index = EntityIndex::build(&analysed);
    let s = score(&gold, &predictions(&docs, &index), &["PER", "ORG", "LOC"]);
    // today: PER 0.879, ORG 0.573, LOC 0.826, ALL 0.787 (spaCy fr_core_news_md on all of test: ALL 0.757). Moved
    // down (issue 28) for the model that learnt English from GUM: chosen on WiNER train's held-out tenth (0.907
    // -> 0.910, PER 0.948 -> 0.953) and cross-validation (0.872 -> 0.872) and on GUM in folds, never here; the
    // rules of `mend.rs` change nothing here, the other model lost 3 of 145 PER (0.897) and one ORG
    for (label, min) in [("PER", 0.87), ("ORG", 0.565), ("LOC", 0.81), ("ALL", 0.78)] {
        let f1 = s.rows[label].f1;
        assert!(f1 >= min, "WiNER test slice {label} F1 {f1} < {min}: {s:?}");
    }
}
