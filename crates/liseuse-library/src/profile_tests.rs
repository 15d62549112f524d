use super::*;
use liseuse_entity as entity;

#[test]
fn a_profile_finds_variants_and_lists_company_time_and_articles() {
    let texts = [
        "Un\n\nEmmanuel Macron a reçu Olaf Scholz.\n\nSelon Emmanuel Macron, rien.\n",
        "Deux\n\nEmmanuel Macron et Giorgia Meloni.\n",
    ];
    let paras: Vec<Vec<Range<usize>>> = texts
        .iter()
        .map(|t| {
            let mut at = 0;
            t.split_inclusive('\n')
                .map(|l| {
                    let r = at..at + l.len();
                    at += l.len();
                    r
                })
                .collect()
        })
        .collect();
    let analysed: Vec<_> = texts.iter().map(|t| entity::analyse(t)).collect();
    let index = EntityIndex::build(&analysed);
    let docs: Vec<ProfileDoc> = texts
        .iter()
        .zip(&paras)
        .enumerate()
        .map(|(i, (t, p))| ProfileDoc {
            path: if i == 0 { "a.txt" } else { "b.txt" },
            title: "t",
            text: t,
            paragraphs: p,
            date: Some((When::Month(2024, 1 + i as u32), Source::Line)),
            quotes: &[],
        })
        .collect();
    let found = find(&index, "MACRON", 0);
    assert_eq!(found.len(), 1, "a surname finds the person, case aside");
    let p = profile(&index, &docs, found[0], 0).unwrap();
    assert_eq!(p.label, "PER");
    assert_eq!(p.articles, 2);
    assert!(p.with.iter().any(|w| w.name.contains("Scholz")));
    assert_eq!(
        p.timeline,
        [("2024-01".to_string(), 2), ("2024-02".to_string(), 1)]
    );
    assert_eq!(p.in_articles.len(), 2);
    let text = to_text(&p);
    assert!(text.contains("mentions per month"), "{text}");
    assert!(find(&index, "", 0).is_empty());
}

/// Issue 28: the threshold the sidebar hides entities under holds in a profile: an entity
/// under it is not found, nor named beside another; 0 shows all.
#[test]
fn an_entity_under_the_threshold_is_neither_found_nor_named_beside() {
    use liseuse_entity::{EntityBuild, Label, Mention};
    let text = "Titre\n\nIsmail Haniyeh, le Bureau et Doha.\n";
    let entity = |id: u32, name: &str, label, confidence| EntityBuild {
        id: EntityId(id),
        key: format!("k{id}"),
        label,
        name: name.into(),
        variants: vec![name.into()],
        mentions: 1,
        documents: 1,
        confidence,
    };
    let index = EntityIndex::from_parts(
        vec![
            entity(0, "Ismail Haniyeh", Label::Per, 95),
            entity(1, "Bureau", Label::Org, 30),
            entity(2, "Doha", Label::Loc, 80),
        ],
        vec![vec![
            Mention::new(7, 21, Label::Per, 95, EntityId(0)),
            Mention::new(26, 32, Label::Org, 30, EntityId(1)),
            Mention::new(36, 40, Label::Loc, 80, EntityId(2)),
        ]],
        vec![vec![(0, 0)], vec![(0, 1)], vec![(0, 2)]],
    );
    let paras = [0..6, 7..text.len()];
    let docs = [ProfileDoc {
        path: "a.txt",
        title: "Titre",
        text,
        paragraphs: &paras,
        date: None,
        quotes: &[],
    }];
    assert!(find(&index, "bureau", 50).is_empty());
    assert_eq!(find(&index, "bureau", 0), [EntityId(1)]);
    let p = profile(&index, &docs, EntityId(0), 50).unwrap();
    let with: Vec<&str> = p.with.iter().map(|w| w.name.as_str()).collect();
    assert_eq!(with, ["Doha"]);
    let p = profile(&index, &docs, EntityId(0), 0).unwrap();
    assert_eq!(p.with.len(), 2);
    assert_eq!(p.confidence, 95);
}
