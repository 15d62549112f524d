//! Invented articles: people, organisations and places that no gazetteer holds, found from their context.

use liseuse_entity::{EntityIndex, Label, analyse, extract};

fn found(text: &str) -> Vec<(String, &'static str)> {
    extract(text)
        .iter()
        .map(|s| (text[s.start..s.end].to_string(), s.label.as_str()))
        .collect()
}

fn has(list: &[(String, &str)], text: &str, label: &str) -> bool {
    list.iter().any(|(t, l)| t == text && *l == label)
}

// How many of each test's expected mentions the engine finds today (learned engine, see README): a drop fails.
const MIN_FR: usize = 14;
const MIN_EN: usize = 9;
const MIN_FR_COURT: usize = 15;
const MIN_EN_STORM: usize = 9;
const MIN_PARTICLES: usize = 6;

/// A ratchet on invented text: at least `min` of the `expected` mentions are found (the learned engine does not
/// find them all; each failure message lists the misses).
fn at_least(found: &[(String, &str)], expected: &[(&str, &str)], min: usize) {
    let misses: Vec<&(&str, &str)> = expected.iter().filter(|(t, l)| !has(found, t, l)).collect();
    assert!(
        expected.len() - misses.len() >= min,
        "{} of {} found, {min} wanted; missed {misses:?} in {found:?}",
        expected.len() - misses.len(),
        expected.len()
    );
}

const FR: &str = "Vorland : le Front patriotique de Vorland conteste l’élection\n\
Le 12 mars 2031, la ministre des Finances Ludivine Karbowsky a reçu à Téhéran les dirigeants du Syndicat \
autonome des dockers (SAD). « Nous ne céderons pas », a déclaré Mme Karbowsky devant l’Assemblée fédérale. \
Le porte-parole du Mouvement pour la renaissance zolvienne, Théodore Brankovitch, a dénoncé jeudi « une \
manœuvre » de l’agence Kestrel. Selon le quotidien La Gazette d’Ulmor, Brankovitch a quitté la ville de \
Brelagne pour rejoindre la mer Zolvienne. Karbowsky a répondu que le détroit de Morvak restait ouvert. \
Les militants du Front patriotique de Vorland ont manifesté à Brelagne.";

#[test]
fn finds_unknown_french_names_from_context() {
    let f = found(FR);
    at_least(
        &f,
        &[
            ("Ludivine Karbowsky", "PER"),
            ("Karbowsky", "PER"),
            ("Théodore Brankovitch", "PER"),
            ("Brankovitch", "PER"),
            ("Syndicat autonome des dockers", "ORG"),
            ("Front patriotique de Vorland", "ORG"),
            ("Mouvement pour la renaissance zolvienne", "ORG"),
            ("SAD", "ORG"),
            ("Assemblée fédérale", "ORG"),
            ("Kestrel", "ORG"),
            ("Brelagne", "LOC"),
            ("détroit de Morvak", "LOC"),
            ("Téhéran", "LOC"),
            ("12 mars 2031", "DATE"),
            ("jeudi", "DATE"),
        ],
        MIN_FR,
    );
    // a title is not part of the span, a demonym is no mention
    assert!(
        !f.iter()
            .any(|(t, _)| t.starts_with("Mme") || t.contains("ministre")),
        "{f:?}"
    );
    assert!(!f.iter().any(|(t, _)| t == "zolvienne"), "{f:?}");
}

#[test]
fn groups_an_invented_person_and_an_acronym() {
    let d = analyse(FR);
    let index = EntityIndex::build(std::slice::from_ref(&d));
    let ent = |text: &str| {
        index
            .doc_mentions(0)
            .iter()
            .find(|m| &FR[m.range()] == text)
            .map(|m| m.entity())
    };
    assert_eq!(ent("Ludivine Karbowsky"), ent("Karbowsky"));
    assert_eq!(ent("Théodore Brankovitch"), ent("Brankovitch"));
    assert_ne!(ent("Karbowsky"), ent("Brankovitch"));
    assert_eq!(ent("Syndicat autonome des dockers"), ent("SAD"));
    let k = index.entity(ent("Karbowsky").unwrap_or(liseuse_entity::EntityId(u32::MAX)));
    assert_eq!(k.map(|e| e.name()), Some("Ludivine Karbowsky"));
    assert_eq!(k.map(|e| e.key()), Some("per-ludivine-karbowsky"));
}

const EN: &str = "Quorvex Systems chief resigns\n\
Monday, April 3, 2028\n\
The chief executive officer of Quorvex Systems, Delphine Abernathy-Slade, resigned on Monday, according to the \
Halvard Tribune. Abernathy-Slade, born in Toronto on May 5, 1979, had led the company since 2019. \
Senator Ignatius Plumtree said the board of Quorvex Systems had \"lost its way\". Quorvex's shares fell in \
Frankfurt and in Ostravel.";

#[test]
fn finds_unknown_english_names_from_context() {
    let f = found(EN);
    at_least(
        &f,
        &[
            ("Quorvex Systems", "ORG"),
            ("Delphine Abernathy-Slade", "PER"),
            ("Abernathy-Slade", "PER"),
            ("Halvard Tribune", "ORG"),
            ("Ignatius Plumtree", "PER"),
            ("Toronto", "LOC"),
            ("Frankfurt", "LOC"),
            ("Ostravel", "LOC"),
            ("Monday, April 3, 2028", "DATE"),
            ("May 5, 1979", "DATE"),
        ],
        MIN_EN,
    );
    assert!(!f.iter().any(|(t, _)| t.starts_with("Senator")), "{f:?}");
}

#[test]
fn people_sharing_a_surname_stay_apart() {
    let text = "Le sénateur Aurélien Vasquelle a battu Martine Vasquelle, sa cousine. Plus tard, Aurélien \
                Vasquelle a remercié ses électeurs. Vasquelle a promis de revenir.";
    let d = analyse(text);
    let index = EntityIndex::build(std::slice::from_ref(&d));
    let ids: Vec<_> = index
        .doc_mentions(0)
        .iter()
        .filter(|m| m.label() == Label::Per)
        .map(|m| (&text[m.range()], m.entity()))
        .collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert_ne!(ids[0].1, ids[1].1, "{ids:?}");
    assert_eq!(ids[0].1, ids[2].1, "{ids:?}");
    // a surname alone goes to the person named last before it
    assert_eq!(ids[3].1, ids[2].1, "{ids:?}");
}

#[test]
fn across_documents_spellings_and_accents_merge() {
    let a =
        analyse("Le ministre Hossein Amir Abdollahian est arrivé à Paris. Abdollahian a parlé.");
    let b =
        analyse("Le ministre Abdullahian a rencontré le président Ebrahim Raïssi. Raissi a souri.");
    let index = EntityIndex::build(&[a, b]);
    let per: Vec<_> = index
        .entities()
        .iter()
        .filter(|e| e.label == Label::Per)
        .collect();
    let abd: Vec<_> = per
        .iter()
        .filter(|e| e.variants().any(|v| v.contains("Abd")))
        .collect();
    assert_eq!(abd.len(), 1, "{per:?}");
    assert_eq!(abd[0].documents, 2);
    let rai: Vec<_> = per
        .iter()
        .filter(|e| e.variants().any(|v| v.contains("Ra")))
        .collect();
    assert_eq!(rai.len(), 1, "{per:?}");
    assert_eq!(rai[0].name(), "Ebrahim Raïssi");
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap_or_default()
}

#[test]
fn invented_french_court_report() {
    let text = fixture("invented_fr_proces.txt");
    let f = found(&text);
    at_least(
        &f,
        &[
            ("Hugues Dartignac", "PER"),
            ("Dartignac", "PER"),
            ("Clarisse Vandembroucke", "PER"),
            ("Patrick Ollivro", "PER"),
            ("Ollivro", "PER"),
            ("Étienne Marsolier", "PER"),
            ("Parquet national financier", "ORG"),
            ("Agence France-Presse", "ORG"),
            ("Vertiflux", "ORG"),
            ("Crédit agricole", "ORG"),
            ("France Inter", "ORG"),
            ("Bordeaux", "LOC"),
            ("Gironde", "LOC"),
            ("5 novembre 2019", "DATE"),
            ("vendredi", "DATE"),
        ],
        MIN_FR_COURT,
    );
    assert!(
        !f.iter()
            .any(|(t, _)| t.starts_with("Me ") || t.starts_with("M. ")),
        "{f:?}"
    );
}

#[test]
fn invented_english_storm_report() {
    let text = fixture("invented_en_storm.txt");
    let f = found(&text);
    at_least(
        &f,
        &[
            ("Melissa Tranfield", "PER"),
            ("Tranfield", "PER"),
            ("Raymond Okonkwo-Baptiste", "PER"),
            ("Okonkwo-Baptiste", "PER"),
            ("Mark Carney", "PER"),
            ("National Weather Service", "ORG"),
            ("Federal Emergency Management Agency", "ORG"),
            ("Northgrid Energy", "ORG"),
            ("Maine", "LOC"),
            ("Augusta", "LOC"),
            ("Nova Scotia", "LOC"),
            ("Sunday, February 11, 2029", "DATE"),
        ],
        MIN_EN_STORM,
    );
    // « Storm Halvor » is tagged a person by the learned engine: a storm is no entity, but nothing in its
    // French training data says so (see README, Entity extraction, what it does not know)
}

#[test]
fn french_particle_names_and_bodies_named_after_places() {
    let text = "Charles de Gaulle et Dominique de Villepin ont parlé à la Ville de Paris. Villepin a souri. \
                L'Etat a versé 3 millions, selon l'INSEE. VIDÉO. Selon Le Monde et France Inter, rien ne change.";
    let f = found(text);
    at_least(
        &f,
        &[
            ("Charles de Gaulle", "PER"),
            ("Dominique de Villepin", "PER"),
            ("Villepin", "PER"),
            ("Ville de Paris", "ORG"),
            ("INSEE", "ORG"),
            ("Le Monde", "ORG"),
            ("France Inter", "ORG"),
        ],
        MIN_PARTICLES,
    );
    assert!(!f.iter().any(|(t, _)| t == "VIDÉO"), "{f:?}");
}
