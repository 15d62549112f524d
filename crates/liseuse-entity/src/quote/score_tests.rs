use super::*;

fn row(start: usize, end: usize, names: &[&str], surnames: &[&str], optional: bool) -> GoldRow {
    GoldRow {
        doc: "d".into(),
        start,
        end,
        text: String::new(),
        kind: QuoteKind::Direct,
        speaker: names.first().map(|s| s.to_string()),
        speaker_names: names.iter().map(|s| s.to_string()).collect(),
        speaker_surnames: surnames.iter().map(|s| s.to_string()).collect(),
        optional,
        alt: vec![],
    }
}

#[test]
fn names_fold_as_the_python_scorer_folds_them() {
    assert_eq!(fold("Le général Hussein SALAMI"), "general hussein salami");
    assert_eq!(fold("l’opposition"), "opposition");
    assert_eq!(
        fold("De nombreux habitants, témoins"),
        "nombreux habitants temoins"
    );
    assert_eq!(fold("Jean-Marie Le Pen"), "jean marie le pen");
    let g = row(0, 10, &["Hossein Salami", "Salami"], &["Salami"], false);
    assert!(speaker_ok(Some("le général Hussein SALAMI"), &g));
    assert!(!speaker_ok(Some("Salamis"), &g));
    assert!(!speaker_ok(None, &g));
}

#[test]
fn matching_needs_half_of_each_and_drops_predictions_on_optional_rows() {
    let gold = vec![
        row(0, 100, &["A"], &[], false),
        row(200, 210, &["B"], &[], true),
    ];
    let docs: BTreeSet<String> = ["d".to_string()].into();
    let p = |s, e, n: &str| PredRow {
        doc: "d".into(),
        start: s,
        end: e,
        speaker: Some(n.into()),
        kind: QuoteKind::Direct,
    };
    let pred = vec![
        p(10, 90, "A"),
        p(0, 300, "A"),
        p(201, 209, "B"),
        p(400, 420, "C"),
    ];
    let res = score(&gold, &docs, &pred);
    let f = figures(&res, &gold, None);
    assert_eq!((f.tp, f.fp, f.fn_, f.speaker_ok), (1, 2, 0, 1));
    assert_eq!(res.dropped_on_optional, 1);
}
