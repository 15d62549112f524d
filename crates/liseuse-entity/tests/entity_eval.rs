//! A ratchet on the entity engine's scores (as `shared/eval/score.py` computes them) on the seed and development
//! gold: it fails if F1 drops below what the engine reaches today, minus a hair, or if people are split or merged.
//! The shipped model is trained on these articles too (with WiNER train, see `examples/train.rs`): these figures
//! say that it learnt our convention, not how it does on unseen text (see `tests/entity_winer.rs` and the
//! README for that).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use liseuse_entity::score::{Gold, Pred, predictions, score, subset};
use liseuse_entity::{EntityIndex, analyse};

fn run(texts: &str, gold: &str) -> (Vec<Gold>, Vec<Pred>) {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let gold: Vec<Gold> =
        serde_json::from_str(&std::fs::read_to_string(root.join(gold)).unwrap()).unwrap();
    let names: BTreeSet<String> = gold.iter().map(|g| g.doc.clone()).collect();
    let docs: Vec<(String, String)> = names
        .into_iter()
        .map(|n| {
            let t = std::fs::read_to_string(root.join(texts).join(&n)).unwrap();
            (n, t)
        })
        .collect();
    let analysed: Vec<_> = docs.iter().map(|(_, t)| analyse(t)).collect();
    let index = EntityIndex::build(&analysed);
    let pred = predictions(&docs, &index);
    (gold, pred)
}

fn f1(gold: &[Gold], pred: &[Pred], labels: &[&str]) -> f64 {
    let pred: Vec<Pred> = pred
        .iter()
        .filter(|p| gold.iter().any(|g| g.doc == p.doc))
        .cloned()
        .collect();
    score(gold, &pred, labels).rows["ALL"].f1
}

const POL: &[&str] = &["PER", "ORG", "LOC"];

#[test]
fn seeds_scores_do_not_drop() {
    let (gold, pred) = run("seeds", "tests/fixtures/seeds.gold.json");
    let s = score(&gold, &pred, POL);
    // trained on, but among 867 articles and learnt in five orders whose weights are averaged: not by heart
    // (« Guide suprême », « Al-Aqsa » ORG); the issue asks 0.95
    for (label, min) in [
        ("PER", 0.985),
        ("ORG", 0.94),
        ("LOC", 0.995),
        ("ALL", 0.975),
    ] {
        assert!(
            s.rows[label].f1 >= min,
            "seeds {label} F1 {} < {min}",
            s.rows[label].f1
        );
    }
    assert!(f1(&gold, &pred, &["DATE"]) >= 0.99);
    assert!(
        s.grouping_complete >= 0.99 && s.grouping_pure >= 0.99,
        "{s:?}"
    );
}

#[test]
fn dev_scores_do_not_drop() {
    let (gold, pred) = run(
        "tests/fixtures/dev/texts",
        "tests/fixtures/dev/dev.gold.json",
    );
    let all = f1(&gold, &pred, POL);
    let fr = f1(&subset(&gold, "fr_"), &pred, POL);
    let en = f1(&subset(&gold, "en_"), &pred, POL);
    assert!(all >= 0.98, "dev F1 {all}");
    assert!(
        fr >= 0.98,
        "dev French F1 {fr} (spaCy fr_core_news_md: 0.868)"
    );
    assert!(en >= 0.98, "dev English F1 {en}");
    assert!(f1(&gold, &pred, &["DATE"]) >= 0.99);
    let s = score(&gold, &pred, POL);
    assert!(
        s.grouping_complete >= 0.99 && s.grouping_pure >= 0.99,
        "{s:?}"
    );
}

/// Every gold person of the seeds is found under one id, and no id holds two people.
#[test]
fn seeds_people_are_grouped_and_never_merged() {
    let (gold, pred) = run("seeds", "tests/fixtures/seeds.gold.json");
    let mut ids_of_person: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut people_of_id: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for g in gold.iter().filter(|g| g.label == "PER" && !g.optional) {
        let p = pred.iter().find(|p| {
            p.doc == g.doc
                && p.label == "PER"
                && ((p.start, p.end) == (g.start, g.end) || g.alt.contains(&(p.start, p.end)))
        });
        let p = p.unwrap_or_else(|| panic!("person mention not found: {} {:?}", g.doc, g.text));
        let id = p.entity.as_deref().unwrap_or("");
        ids_of_person.entry(&g.id).or_default().insert(id);
        people_of_id.entry(id).or_default().insert(&g.id);
    }
    for (person, ids) in &ids_of_person {
        assert_eq!(ids.len(), 1, "{person} is split over {ids:?}");
    }
    for (id, people) in &people_of_id {
        assert_eq!(people.len(), 1, "{id} merges {people:?}");
    }
    assert!(ids_of_person.len() >= 10);
}
