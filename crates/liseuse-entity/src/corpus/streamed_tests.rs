use super::*;
use crate::{DocMention, EntityId, LocalEntity, analyse};

/// Every part of two indexes the same: entities (ids, keys, labels, names, variants, counts,
/// confidence), every document's mentions, every entity's occurrences.
fn assert_same(a: &EntityIndex, b: &EntityIndex) {
    assert_eq!(a.entities(), b.entities());
    assert_eq!(a.doc_count(), b.doc_count());
    assert_eq!(a.mention_count(), b.mention_count());
    for d in 0..a.doc_count() {
        assert_eq!(a.doc_mentions(d), b.doc_mentions(d), "document {d}");
    }
    for e in a.entities() {
        assert_eq!(
            a.occurrences(e.id).to_vec(),
            b.occurrences(e.id).to_vec(),
            "{}",
            e.key()
        );
    }
    let past = EntityId(a.entities().len() as u32);
    assert_eq!(a.occurrences(past).to_vec(), b.occurrences(past).to_vec());
}

/// The streamed build of `docs` is `build`'s, and its local ids are what the index's mentions say.
fn check(docs: &[DocEntities]) -> EntityIndex {
    let built = super::super::merge::build(docs);
    let streamed = build_streamed(&mut InMemory(docs), true).expect("every document is there");
    assert_same(&streamed.index, &built);
    let ids = streamed.local_ids.expect("asked for");
    assert_eq!(ids.starts.len(), docs.len() + 1);
    for (d, doc) in docs.iter().enumerate() {
        let mine = &ids.ids[ids.starts[d] as usize..ids.starts[d + 1] as usize];
        assert_eq!(mine.len(), doc.entities.len());
        let mut sorted = doc.mentions.clone();
        sorted.sort_by_key(|m| (m.start, m.end));
        let mut expected = vec![u32::MAX; doc.entities.len()];
        for (m, merged) in sorted.iter().zip(built.doc_mentions(d).iter()) {
            expected[m.local() as usize] = merged.entity().0;
        }
        assert_eq!(mine, expected.as_slice(), "document {d}");
    }
    streamed.index
}

fn texts(dir: &str) -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

#[test]
fn the_seeds_and_the_dev_texts_merge_alike_streamed() {
    let mut all: Vec<DocEntities> = texts("seeds").iter().map(|t| analyse(t)).collect();
    assert_eq!(all.len(), 2);
    let seeds = check(&all);
    assert!(seeds.entities().len() > 20);
    let dev: Vec<DocEntities> = texts("tests/fixtures/dev/texts")
        .iter()
        .map(|t| analyse(t))
        .collect();
    assert!(dev.len() >= 10);
    check(&dev);
    all.extend(dev);
    all.push(DocEntities::default());
    all.extend(all.clone());
    check(&all);
}

/// A small deterministic generator.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

const SURNAMES: &[&str] = &[
    "martin",
    "lefevre",
    "lefebvre",
    "dubois",
    "fontaine",
    "la fontaine",
    "benali",
    "haddad",
    "haddadi",
    "moreau",
    "de gaulle",
    "gaulle",
    "rousseau",
];
const GIVEN: &[&str] = &[
    "jean", "j", "marie", "m", "pierre", "p", "amina", "a", "luc",
];
/// People each named in full the one way: a surname alone finds its one bearer (« bruyere »
/// through « la bruyere »'s last word).
const SOLO: &[(&str, &str)] = &[("zidane", "zinedine"), ("la bruyere", "jean")];
/// Surnames alone: shared, of one bearer, of none.
const ALONE: &[&str] = &[
    "martin", "fontaine", "gaulle", "zidane", "bruyere", "inconnu",
];

/// Documents as the analysis makes them: people named in full sharing surnames (and spelled
/// apart), surnames alone (some with their document key, some bare), places and organisations
/// shared by key, keys with `?:` that stay in their document, empty documents.
fn generated(n: usize, seed: u64) -> Vec<DocEntities> {
    let mut rng = Rng(seed);
    (0..n)
        .map(|_| {
            if rng.below(9) == 0 {
                return DocEntities::default();
            }
            let mut entities = Vec::new();
            let mut mentions = Vec::new();
            let mut at = 0u32;
            for _ in 0..rng.below(8) {
                let local = entities.len() as u32;
                let e = match rng.below(6) {
                    0 | 1 => {
                        let (s, g) = if rng.below(4) == 0 {
                            SOLO[rng.below(SOLO.len())]
                        } else {
                            (SURNAMES[rng.below(SURNAMES.len())], GIVEN[rng.below(9)])
                        };
                        let name = format!("{g} {s}");
                        LocalEntity::counted(
                            Label::Per,
                            &[name.clone(), s.to_string()],
                            &[1 + rng.below(3) as u32, rng.below(2) as u32],
                            &[format!("per:{name}")],
                            Some(s),
                            Some(g),
                        )
                    }
                    2 => {
                        let s = ALONE[rng.below(ALONE.len())];
                        let keys = if rng.below(3) == 0 {
                            vec![]
                        } else {
                            vec![format!("per?:{s}")]
                        };
                        LocalEntity::new(Label::Per, &[s.to_string()], &keys, Some(s), None)
                    }
                    3 => {
                        let day = ["lundi", "mardi"][rng.below(2)];
                        LocalEntity::new(
                            Label::Date,
                            &[day.to_string()],
                            &[format!("date?:{day}")],
                            None,
                            None,
                        )
                    }
                    4 => {
                        let org = ["CGT", "Hamas", "ONU", "la CGT"][rng.below(4)];
                        let key = format!("org:{}", org.trim_start_matches("la ").to_lowercase());
                        LocalEntity::new(Label::Org, &[org.to_string()], &[key], None, None)
                    }
                    _ => {
                        let place = ["Paris", "Lyon", "Gaza"][rng.below(3)];
                        let keys = [format!("loc:{place}"), format!("loc:{}", place.len())];
                        LocalEntity::new(Label::Loc, &[place.to_string()], &keys, None, None)
                    }
                };
                let label = e.label;
                entities.push(e);
                for _ in 0..1 + rng.below(3) {
                    let len = 3 + rng.below(9) as u32;
                    // Some mentions written out of text order: the merge sorts them.
                    let start = if rng.below(5) == 0 { at / 2 } else { at };
                    mentions.push(DocMention::new(
                        start,
                        start + len,
                        label,
                        [40, 60, 90][rng.below(3)],
                        local,
                    ));
                    at += len + 2;
                }
            }
            DocEntities { mentions, entities }
        })
        .collect()
}

#[test]
fn a_generated_corpus_merges_alike_streamed() {
    for seed in 1..6 {
        let docs = generated(300, seed);
        let index = check(&docs);
        // What the corpus holds is what the test means to cover.
        let people = index.entities().iter().filter(|e| e.label == Label::Per);
        assert!(people.count() > 10);
        assert!(docs.iter().any(|d| d.entities.is_empty()));
        assert!(index.entities().iter().any(|e| e.documents > 20));
    }
    check(&[]);
    check(&[DocEntities::default(), DocEntities::default()]);
}

/// A source that records which pass asked and hands out its documents in `order` for pass 2.
struct Recorded<'a> {
    docs: &'a [DocEntities],
    second: Vec<usize>,
    passes: Vec<Pass>,
}

impl<'a> DocPasses for Recorded<'a> {
    type Doc = &'a DocEntities;
    fn pass(&mut self, pass: Pass) -> impl Iterator<Item = Option<Self::Doc>> + Send + '_ {
        self.passes.push(pass);
        let order: Vec<usize> = match pass {
            Pass::Links => (0..self.docs.len()).collect(),
            Pass::Mentions => self.second.clone(),
        };
        let docs = self.docs;
        order.into_iter().map(move |d| docs.get(d))
    }
}

#[test]
fn the_documents_are_read_once_what_pass_2_needs_kept_from_pass_1() {
    let docs = vec![
        analyse("Emmanuel Macron à Paris."),
        analyse("Olaf Scholz à Berlin, toujours."),
        analyse("Le Hamas et la CGT."),
    ];
    // Whatever a second reading would give, it is never asked for.
    for second in [vec![0, 1, 2], vec![1, 0, 2], vec![0, 1], vec![0, 1, 9]] {
        let mut source = Recorded {
            docs: &docs,
            second,
            passes: vec![],
        };
        assert_same(
            &build_streamed(&mut source, true).unwrap().index,
            &super::super::merge::build(&docs),
        );
        assert_eq!(source.passes, [Pass::Links]);
    }
}

#[test]
fn a_document_missing_in_the_first_pass_gives_no_index() {
    let docs = generated(20, 7);
    let mut gap = Recorded {
        docs: &docs,
        second: (0..20).collect(),
        passes: vec![],
    };
    // A first pass that ends early reads as a shorter corpus; a `None` in it is no index.
    struct Holed<'a>(&'a [DocEntities]);
    impl<'a> DocPasses for Holed<'a> {
        type Doc = &'a DocEntities;
        fn pass(&mut self, _: Pass) -> impl Iterator<Item = Option<Self::Doc>> + Send + '_ {
            let docs = self.0;
            (0..docs.len()).map(move |d| if d == 3 { None } else { docs.get(d) })
        }
    }
    assert!(build_streamed(&mut Holed(&docs), true).is_none());
    assert!(build_streamed(&mut gap, true).is_some());
}
