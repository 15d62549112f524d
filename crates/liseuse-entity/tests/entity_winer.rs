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
    // today: PER 0.887, ORG 0.556, LOC 0.819, ALL 0.780 (spaCy fr_core_news_md on all of test: ALL 0.757). Moved
    // down (issue 28, from PER 0.88, ORG 0.575, ALL 0.78) for the model that learnt English from GUM and the
    // language of a text: chosen on WiNER train's held-out tenth (0.907 -> 0.910), nine-fold cross-validation
    // (0.872 -> 0.873), GUM in five folds and the English articles in three, never here. The rules of `mend/`
    // change nothing on this slice; the other model's ORG go from 70 right and 40 wrong to 69 and 50, its LOC from
    // 262 and 25 to 258 and 24, on 30 articles measured only (all of test: 0.759 -> 0.753)
    for (label, min) in [("PER", 0.88), ("ORG", 0.55), ("LOC", 0.81), ("ALL", 0.775)] {
        let f1 = s.rows[label].f1;
        assert!(f1 >= min, "WiNER test slice {label} F1 {f1} < {min}: {s:?}");
    }
}
