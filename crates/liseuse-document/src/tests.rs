use super::*;

const SEED_000: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../seeds/000_aae40d40de2e278c.txt"
));
const SEED_002: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../seeds/002_b42a582add091519.txt"
));

#[test]
fn seed_000_has_headline_and_dimmed_blurb() {
    let d = Document::from_text("000_aae40d40de2e278c.txt", SEED_000.to_string());
    assert!(
        d.title
            .starts_with("Qaani au commandant des « Brigades Al-Qassam »")
    );
    assert!(!d.title_from_name);
    assert_eq!(d.paragraphs[0].kind, ParaKind::Title);
    let last = d.paragraphs.last().unwrap();
    assert_eq!(last.kind, ParaKind::Blurb);
    assert!(d.text[last.range.clone()].contains("pop culture scholar"));
    assert!(
        d.paragraphs[1..d.paragraphs.len() - 1]
            .iter()
            .all(|p| p.kind != ParaKind::Title)
    );
}

#[test]
fn seed_002_date_and_source_are_metadata() {
    let d = Document::from_text("002_b42a582add091519.txt", SEED_002.to_string());
    assert_eq!(d.date.as_deref(), Some("2023-12"));
    assert_eq!(d.source.as_deref(), Some("Médias"));
    // the text keeps them where it has them: the entity engine is told not to look there
    let meta: Vec<&str> = d.meta.iter().map(|r| &d.text[r.clone()]).collect();
    assert_eq!(meta, ["2023-12", "Médias"]);
    // The first line is a sentence, not a headline: the title is its first words.
    assert!(d.title_from_name);
    assert_eq!(
        d.title,
        "Le président iranien Ibrahim Raïssi a insisté ce mercredi sur la…"
    );
    assert!(d.title.chars().count() <= 72);
    let first = d.paragraph_text(0);
    assert!(first.starts_with("Le président iranien"), "{first:?}");
    assert!(
        !d.paragraphs
            .iter()
            .any(|p| d.text[p.range.clone()].contains("Source:"))
    );
    assert_eq!(d.paragraphs.len(), 11);
    let heading = d
        .paragraphs
        .iter()
        .position(|p| p.kind == ParaKind::Heading);
    assert_eq!(heading, Some(4));
    assert!(d.paragraph_text(4).starts_with("La résistance n’a utilisé"));
}

#[test]
fn windows_1252_is_decoded_with_notice() {
    let d = Document::from_bytes("a.txt", b"Titre\nUn caf\xe9 \x93chaud\x94.\n").unwrap();
    assert!(d.text.contains("café “chaud”"));
    assert_eq!(d.notices.len(), 1);
    assert!(d.notices[0].contains("Windows-1252"));
}

#[test]
fn binary_is_refused() {
    let mut bytes = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec();
    bytes.extend(std::iter::repeat_n(0u8, 200));
    assert_eq!(
        Document::from_bytes("a.out", &bytes).unwrap_err(),
        DocError::Binary
    );
}

#[test]
fn paragraph_at_finds_the_paragraph() {
    let d = Document::from_text("x.txt", "Titre\nun\ndeux\n".to_string());
    assert_eq!(d.paragraph_at(0), 0);
    assert_eq!(d.paragraph_at(7), 1);
    assert_eq!(d.paragraph_at(10), 2);
    assert_eq!(d.paragraph_at(999), 2);
}

#[test]
fn first_words_cut_at_a_word_boundary() {
    assert_eq!(first_words("Un titre court.", 72), "Un titre court.");
    assert_eq!(first_words("un deux trois quatre", 12), "un deux…");
    assert_eq!(first_words("anticonstitutionnellement", 10), "anticonst…");
    assert_eq!(first_words("a, b c", 4), "a…");
}

#[test]
fn entity_text_blanks_code_and_keeps_offsets() {
    let d = Document::from_bytes(
        "a.md",
        "# Titre\n\nEmmanuel Macron a écrit `Paris::new()`.\n\n```\nJean Dupont\n```\n".as_bytes(),
    )
    .unwrap();
    let e = d.entity_text();
    assert_eq!(e.len(), d.text.len());
    assert!(e.contains("Emmanuel Macron"));
    assert!(!e.contains("Paris::new") && !e.contains("Jean Dupont"));
    assert!(d.text.contains("Jean Dupont"));
}

#[test]
fn sections_and_styles_are_found_by_offset() {
    let d = Document::from_bytes(
        "a.md",
        b"# T\n\n## Un\n\nun *mot* ici\n\n## Deux\n\ndeux [lien](http://x.org) fin\n",
    )
    .unwrap();
    let deux = d.text.find("deux ").unwrap();
    assert_eq!(
        d.sections
            .iter()
            .map(|s| s.title.as_str())
            .collect::<Vec<_>>(),
        ["Un", "Deux"]
    );
    assert_eq!(d.section_at(deux), Some(1));
    assert_eq!(d.section_at(0), None);
    let all = 0..d.text.len();
    assert_eq!(d.styles_in(&all).len(), 2);
    let l = &d.links_in(&(deux..d.text.len()))[0];
    assert_eq!(&d.text[l.range.clone()], "lien");
    assert_eq!(l.url, "http://x.org");
}

#[test]
fn a_transcript_keeps_its_turns_and_a_hard_wrapped_paragraph_is_joined() {
    let text = "Entretien : « La filière ne tiendra pas », prévient Solène Marchetti\n\
                Propos recueillis par Damien Loubière.\n\n\
                DAMIEN LOUBIÈRE. – Vous présidez depuis mars la Fédération. Qu’avez-vous dit ?\n\
                SOLÈNE MARCHETTI. – La vérité.\n\n\
                Le gouvernement a annoncé mardi une réforme des\n\
                retraites que les syndicats jugent injuste et\n\
                contre laquelle ils appellent à manifester.\n";
    let d = Document::from_text("x.txt", text.to_string());
    let paras: Vec<&str> = d
        .paragraphs
        .iter()
        .map(|p| &d.text[p.range.clone()])
        .collect();
    assert_eq!(
        d.title,
        "Entretien : « La filière ne tiendra pas », prévient Solène Marchetti"
    );
    assert!(paras.contains(&"Propos recueillis par Damien Loubière."));
    assert!(paras.contains(&"SOLÈNE MARCHETTI. – La vérité."));
    assert!(
        paras
            .iter()
            .any(|p| p.starts_with("DAMIEN LOUBIÈRE. –") && p.ends_with("dit ?"))
    );
    assert!(
        paras
            .iter()
            .any(|p| p.starts_with("Le gouvernement") && p.ends_with("manifester."))
    );
}
