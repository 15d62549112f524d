use super::*;

fn span(text: &str, word: &str, label: Label) -> Span {
    let start = text.find(word).unwrap();
    Span {
        start,
        end: start + word.len(),
        label,
        confidence: 90,
    }
}

#[test]
fn a_surname_alone_joins_the_person_named_in_full_even_before() {
    let text = "Khamenei a parlé. Ali Khamenei, guide, et Hassan Rohani. Rohani répond.";
    let mut spans = vec![
        span(text, "Khamenei", Label::Per),
        span(text, "Ali Khamenei", Label::Per),
        span(text, "Hassan Rohani", Label::Per),
    ];
    let r = text.rfind("Rohani").unwrap();
    spans.push(Span {
        start: r,
        end: r + 6,
        label: Label::Per,
        confidence: 80,
    });
    let d = group_spans(text, &spans);
    let ids: Vec<u32> = d.mentions.iter().map(|m| m.local()).collect();
    assert_eq!(ids, [0, 0, 1, 1]);
    assert_eq!(d.entities.len(), 2);
    assert!(d.mentions[3].confidence().abs_diff(80) <= 2);
    assert_eq!(d.entities[0].surname(), Some("khamenei"));
}

#[test]
fn a_surname_alone_is_the_most_named_bearer_or_the_nearest_when_all_are_near() {
    // a book: the hero named in full three times, his brother once, far away; « Holmes » alone is the hero
    // even right after the brother, unless both stand near in full (then the nearest)
    let filler = "Il pleuvait. ".repeat(200);
    let text = format!(
        "Sherlock Holmes arriva. Sherlock Holmes parla. {filler}Sherlock Holmes sortit. {filler}Mycroft Holmes              vint. Holmes se tut. {filler}Sherlock Holmes et Mycroft Holmes entrèrent. Holmes, le cadet, sourit."
    );
    let mut spans: Vec<Span> = Vec::new();
    for (at, w) in text.match_indices("Holmes") {
        let full = text[..at].ends_with("Sherlock ") || text[..at].ends_with("Mycroft ");
        let start = if full {
            text[..at - 1].rfind(' ').map_or(0, |s| s + 1)
        } else {
            at
        };
        let start = if start > at { 0 } else { start };
        spans.push(Span {
            start,
            end: at + w.len(),
            label: Label::Per,
            confidence: 90,
        });
    }
    let d = group_spans(&text, &spans);
    let name = |m: &DocMention| &text[m.range()];
    let of = |k: usize| d.mentions[k].local();
    let sherlock = of(0);
    let mycroft = d
        .mentions
        .iter()
        .find(|m| name(m) == "Mycroft Holmes")
        .unwrap()
        .local();
    assert_ne!(sherlock, mycroft);
    // « Holmes se tut », after Mycroft alone nearby: the most named, Sherlock
    assert_eq!(
        of(4),
        sherlock,
        "{:?}",
        d.mentions.iter().map(name).collect::<Vec<_>>()
    );
    // « Holmes, le cadet » after both in full: the nearest, Mycroft
    assert_eq!(of(7), mycroft);
}

#[test]
fn the_name_shown_is_the_one_a_reader_writes() {
    let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let hamas = v(&["Hamas", "Mouvement de la Résistance islamique"]);
    assert_eq!(display_name(Label::Org, &hamas, &[14, 2]), "Hamas");
    // written about as often: the fullest
    assert_eq!(
        display_name(Label::Org, &hamas, &[3, 2]),
        "Mouvement de la Résistance islamique"
    );
    let k = v(&["Khamenei", "Ali Khamenei", "A. Khamenei"]);
    assert_eq!(display_name(Label::Per, &k, &[8, 4, 5]), "Ali Khamenei");
    let day = v(&["Mercredi", "mercredi"]);
    assert_eq!(display_name(Label::Date, &day, &[1, 1]), "mercredi");
}

#[test]
fn metadata_gives_the_date_and_no_mention() {
    let text = "date 2024-03-06 Le Hamas a parlé mardi.\nSource: Reuters";
    let at = |w: &str, label| span(text, w, label);
    let spans = vec![
        at("2024-03-06", Label::Date),
        at("Hamas", Label::Org),
        at("mardi", Label::Date),
        at("Reuters", Label::Org),
    ];
    let meta = [5..15, text.find("Reuters").unwrap()..text.len()];
    let d = group_meta(text, &spans, &meta);
    let got: Vec<&str> = d.mentions.iter().map(|m| &text[m.range()]).collect();
    assert_eq!(got, ["Hamas", "mardi"]);
    // the weekday is the Tuesday before the article's date
    let e = &d.entities[d.mentions[1].local() as usize];
    assert!(
        e.keys().any(|k| k == "date:2024-03-05"),
        "{:?}",
        e.keys().collect::<Vec<_>>()
    );
}

#[test]
fn a_weekday_is_one_date_whatever_its_case() {
    // « Mercredi » opening a sentence and « mercredi » inside one: one day, dated or not
    for text in [
        "Mercredi, il a parlé. Il a redit mercredi ce qu'il pensait.",
        "Le 7 juin 2023. Mercredi, il a parlé. Il a redit mercredi ce qu'il pensait.",
    ] {
        let mut spans = Vec::new();
        if text.contains("juin") {
            spans.push(span(text, "7 juin 2023", Label::Date));
        }
        spans.push(span(text, "Mercredi", Label::Date));
        let s = text.find(" mercredi").unwrap() + 1;
        spans.push(Span {
            start: s,
            end: s + 8,
            label: Label::Date,
            confidence: 100,
        });
        let d = group_spans(text, &spans);
        let n = d.mentions.len();
        assert_eq!(
            d.mentions[n - 1].local(),
            d.mentions[n - 2].local(),
            "{text}"
        );
    }
}

#[test]
fn places_and_dates_by_key() {
    let text = "Téhéran, puis Teheran; le 5 juillet 2012 et July 5, 2012.";
    let spans = vec![
        span(text, "Téhéran", Label::Loc),
        span(text, "Teheran", Label::Loc),
        span(text, "5 juillet 2012", Label::Date),
        span(text, "July 5, 2012", Label::Date),
    ];
    let d = group_spans(text, &spans);
    let ids: Vec<u32> = d.mentions.iter().map(|m| m.local()).collect();
    assert_eq!(ids, [0, 0, 1, 1]);
}
