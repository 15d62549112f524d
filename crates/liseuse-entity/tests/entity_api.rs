//! The public API of the entity engine: spans, the two stages, the export formats.

use liseuse_entity::export::{ExportDoc, to_json, to_tsv};
use liseuse_entity::{DocEntities, EntityIndex, Label, analyse, extract};
use proptest::prelude::*;

const A: &str = " date 2023-12 Le président iranien Ibrahim Raïssi a reçu à Téhéran le ministre\tqatari. Raïssi a parlé.\n";
const B: &str = "Le président Ibrahim Raïssi est arrivé au Caire le 7 octobre.\n";

#[test]
fn spans_are_sorted_disjoint_and_on_char_boundaries() {
    let spans = extract(A);
    assert!(spans.windows(2).all(|w| w[0].end <= w[1].start));
    for s in &spans {
        assert!(A.is_char_boundary(s.start) && A.is_char_boundary(s.end) && s.start < s.end);
    }
    let texts: Vec<(&str, Label)> = spans
        .iter()
        .map(|s| (&A[s.start..s.end], s.label))
        .collect();
    assert_eq!(
        texts,
        [
            ("2023-12", Label::Date),
            ("Ibrahim Raïssi", Label::Per),
            ("Téhéran", Label::Loc),
            ("Raïssi", Label::Per)
        ]
    );
}

#[test]
fn labels_print_and_parse() {
    for l in Label::ALL {
        assert_eq!(Label::parse(l.as_str()), Some(l));
        assert_eq!(
            serde_json::to_string(&l).unwrap(),
            format!("\"{}\"", l.as_str())
        );
    }
}

#[test]
fn the_document_stage_round_trips_through_serde() {
    let d = analyse(A);
    let json = serde_json::to_string(&d).unwrap();
    let back: DocEntities = serde_json::from_str(&json).unwrap();
    assert_eq!(back, d);
}

#[test]
fn the_index_merges_documents_and_counts() {
    let index = EntityIndex::build(&[analyse(A), analyse(B)]);
    let raissi = index
        .entities()
        .iter()
        .find(|e| e.name() == "Ibrahim Raïssi")
        .unwrap();
    assert_eq!(raissi.key(), "per-ibrahim-raissi");
    assert_eq!((raissi.mentions, raissi.documents), (3, 2));
    assert_eq!(
        raissi.variants().collect::<Vec<_>>(),
        ["Ibrahim Raïssi", "Raïssi"]
    );
    let occ = index.occurrences(raissi.id).to_vec();
    assert_eq!(occ.len(), 3);
    assert!(occ.windows(2).all(|w| w[0] <= w[1]));
    for (d, i) in occ {
        assert_eq!(
            index.doc_mentions(d as usize)[i as usize].entity(),
            raissi.id
        );
    }
    assert!(index.entity(raissi.id).is_some());
    assert!(index.doc_mentions(9).is_empty());
}

#[test]
fn json_export_has_the_agreed_shape() {
    let index = EntityIndex::build(&[analyse(A), analyse(B)]);
    let docs = [
        ExportDoc {
            path: "a.txt",
            title: "A",
            text: A,
        },
        ExportDoc {
            path: "b.txt",
            title: "B",
            text: B,
        },
    ];
    let raw = to_json(&docs, &index);
    assert!(raw.starts_with(r#"{"documents":[{"path":"a.txt","title":"A","mentions":[{"start":6,"end":13,"text":"2023-12","label":"DATE","entity":"date-2023-12","confidence":100,"shown":true}"#), "{raw}");
    assert!(raw.contains(r#"{"id":"per-ibrahim-raissi","label":"PER","name":"Ibrahim Raïssi","variants":["Ibrahim Raïssi","Raïssi"],"mentions":3,"documents":2,"confidence":"#), "{raw}");
    assert!(raw.ends_with(r#"],"min_confidence":50}"#), "{raw}");
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let d0 = &v["documents"][0];
    assert_eq!(d0["path"], "a.txt");
    assert_eq!(d0["title"], "A");
    let m0 = &d0["mentions"][0];
    assert_eq!(
        (m0["start"].as_u64(), m0["end"].as_u64()),
        (Some(6), Some(13))
    );
    assert_eq!(m0["text"], "2023-12");
    assert_eq!(m0["label"], "DATE");
    let e0 = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "per-ibrahim-raissi")
        .unwrap();
    assert_eq!(e0["documents"], 2);
}

#[test]
fn tsv_export_escapes_tabs_and_newlines() {
    let text = "Le président Ibrahim\tRaïssi";
    let index = EntityIndex::build(&[analyse(text)]);
    let docs = [ExportDoc {
        path: "dir\twith tab/x.txt",
        title: "",
        text,
    }];
    let tsv = to_tsv(&docs, &index);
    let mut lines = tsv.lines();
    assert_eq!(
        lines.next(),
        Some("path\tstart\tend\tlabel\tentity\ttext\tconfidence\tshown")
    );
    for l in lines {
        assert_eq!(l.split('\t').count(), 8, "{l}");
        assert!(l.starts_with("dir\\twith tab/x.txt\t"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn never_panics_and_stays_on_boundaries(s in "(\\PC|[ \\n'’«».,()A-Z]){0,200}") {
        let spans = extract(&s);
        for w in spans.windows(2) {
            prop_assert!(w[0].end <= w[1].start);
        }
        for sp in &spans {
            prop_assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end) && sp.start < sp.end);
        }
        let d = analyse(&s);
        let _ = EntityIndex::build(&[d.clone(), d]);
    }
}
