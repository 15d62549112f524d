//! The corrections applied to an index built from two short articles.

use super::*;
use liseuse_entity as entity;

const TEXTS: [&str; 2] = [
    "Un\n\nEmmanuel Macron a reçu Olaf Scholz à Matignon. Le président Macron a parlé.\n",
    "Deux\n\nBrigitte Macron était à Paris avec Olaf Scholz et Macron.\n",
];

fn index() -> EntityIndex {
    let docs: Vec<_> = TEXTS.iter().map(|t| entity::analyse(t)).collect();
    EntityIndex::build(&docs)
}

fn surface(d: usize, r: Range<usize>) -> Option<String> {
    TEXTS.get(d)?.get(r).map(str::to_string)
}

fn named<'a>(i: &'a EntityIndex, name: &str) -> Option<&'a Entity> {
    i.entities()
        .iter()
        .find(|e| e.name() == name && e.mentions > 0)
}

#[test]
fn drop_label_merge_and_split() {
    let base = index();
    assert!(named(&base, "Olaf Scholz").is_some());
    let c = [
        Correction::Drop {
            name: "olaf scholz".into(),
        },
        Correction::Label {
            name: "Matignon".into(),
            label: Label::Org,
        },
    ];
    let i = apply(&base, &c, surface);
    assert!(
        named(&i, "Olaf Scholz").is_none(),
        "dropped, whatever the case"
    );
    assert!(
        i.doc_mentions(0)
            .iter()
            .all(|m| { TEXTS[0].get(m.range()) != Some("Olaf Scholz") })
    );
    if let Some(m) = named(&i, "Matignon") {
        assert_eq!(m.label, Label::Org);
    }
    // Every mention points at an entity that counts it.
    for e in i.entities() {
        assert_eq!(i.occurrences(e.id).len(), e.mentions as usize);
    }

    let merged = apply(
        &base,
        &[Correction::Merge {
            name: "Emmanuel Macron".into(),
            with: "Brigitte Macron".into(),
        }],
        surface,
    );
    let em = named(&merged, "Emmanuel Macron").expect("kept");
    assert!(em.variants().any(|v| v.contains("Brigitte")), "{em:?}");
    assert_eq!(em.documents, 2);

    let split = apply(
        &base,
        &[Correction::Split {
            name: "Macron".into(),
        }],
        surface,
    );
    let alone = split
        .entities()
        .iter()
        .find(|e| e.key().contains("split") && e.mentions > 0)
        .expect("a split entity");
    assert_eq!(fold_str(alone.name()), "macron");
    assert!(alone.mentions >= 2, "{alone:?}");
    assert!(apply(&base, &[], surface).entities().len() == base.entities().len());
}

/// Issue 28: a rename shows the entity under its new name; its names as written still find
/// it, a later correction may give the new name, and a merge keeps the name of the entity
/// kept, renamed or not.
#[test]
fn a_rename_names_the_entity_and_later_corrections_find_it_by_it() {
    let base = index();
    let macron = named(&base, "Emmanuel Macron").expect("Macron").clone();
    let renamed = apply(
        &base,
        &[Correction::Rename {
            name: "emmanuel macron".into(),
            to: " Le Président ".into(),
        }],
        surface,
    );
    let e = named(&renamed, "Le Président").expect("shown under its new name");
    assert_eq!(e.key(), macron.key());
    assert_eq!(
        (e.mentions, e.documents),
        (macron.mentions, macron.documents)
    );
    assert!(e.variants().any(|v| v == "Emmanuel Macron"), "{e:?}");
    assert!(named(&renamed, "Emmanuel Macron").is_none());

    // Named by its new name in later corrections: a type, then dropped.
    let c = [
        Correction::Rename {
            name: "Emmanuel Macron".into(),
            to: "Le Président".into(),
        },
        Correction::Label {
            name: "le president".into(),
            label: Label::Org,
        },
    ];
    let labelled = apply(&base, &c, surface);
    assert_eq!(
        named(&labelled, "Le Président").map(|e| e.label),
        Some(Label::Org)
    );
    let mut c = c.to_vec();
    c.push(Correction::Drop {
        name: "Le Président".into(),
    });
    let dropped = apply(&base, &c, surface);
    assert!(named(&dropped, "Le Président").is_none());
    assert!(
        dropped
            .entities()
            .iter()
            .all(|e| !e.variants().any(|v| v == "Emmanuel Macron"))
    );

    // Merged into another, it takes that one's name; another merged into it keeps the new.
    let into_other = apply(
        &base,
        &[
            Correction::Rename {
                name: "Emmanuel Macron".into(),
                to: "Le Président".into(),
            },
            Correction::Merge {
                name: "Olaf Scholz".into(),
                with: "Le Président".into(),
            },
        ],
        surface,
    );
    let scholz = named(&into_other, "Olaf Scholz").expect("kept");
    assert!(scholz.variants().any(|v| v == "Emmanuel Macron"));
    assert!(named(&into_other, "Le Président").is_none());
    let kept = apply(
        &base,
        &[
            Correction::Rename {
                name: "Emmanuel Macron".into(),
                to: "Le Président".into(),
            },
            Correction::Merge {
                name: "Le Président".into(),
                with: "Olaf Scholz".into(),
            },
        ],
        surface,
    );
    let p = named(&kept, "Le Président").expect("kept its new name");
    assert!(p.variants().any(|v| v == "Olaf Scholz"), "{p:?}");
    // A name another entity has is refused; its own names are not.
    let scholz = named(&base, "Olaf Scholz").unwrap();
    let conflict = rename_conflict(&base, macron.id, "OLAF SCHOLZ").map(|e| e.id);
    assert_eq!(conflict, Some(scholz.id));
    assert!(rename_conflict(&base, macron.id, "Emmanuel Macron").is_none());
    assert!(rename_conflict(&base, macron.id, "Le Président").is_none());
    // An empty name is no rename.
    let same = apply(
        &base,
        &[Correction::Rename {
            name: "Emmanuel Macron".into(),
            to: "  ".into(),
        }],
        surface,
    );
    assert!(named(&same, "Emmanuel Macron").is_some());
}
