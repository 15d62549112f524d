use super::*;

/// A made-up news page with what real ones carry around their article.
const PAGE: &str = r#"<!DOCTYPE html>
<html lang="fr"><head>
<meta charset="utf-8">
<title>Le conseil municipal adopte le budget | La Gazette du Lot</title>
<meta property="og:title" content="Le conseil municipal adopte le budget">
<meta property="og:site_name" content="La Gazette du Lot">
<meta property="article:published_time" content="2024-02-14T18:30:00+01:00">
<meta name="author" content="Lucie Ferrand">
<style>body { color: red }</style>
<script>var tracking = "<p>pas du texte</p>";</script>
</head><body>
<header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<div id="cookie-banner">Nous utilisons des cookies pour améliorer votre expérience.</div>
<main><article>
<h1>Le conseil municipal adopte le budget</h1>
<p class="chapo">Après trois heures de débat, les élus de Cahors ont voté le budget 2024 &amp; ses
annexes, malgré l’opposition de la liste « Cahors Demain ».</p>
<p>Le maire, Jean-Marc Vayssouze, a défendu un budget « de responsabilité » qui maintient les
taux d’imposition. L’investissement atteint <strong>12 millions d’euros</strong>, dont une grande
part pour la rénovation des écoles et de la voirie du centre-ville.</p>
<h2>Une opposition divisée</h2>
<p>Les élus de l’opposition ont dénoncé un <em>manque d’ambition</em> sur la transition
écologique et demandé un <a href="https://exemple.fr/plan">plan vélo</a> plus ambitieux pour la
ville et son agglomération, sans obtenir de vote sur leur amendement.</p>
<blockquote><p>Nous voterons contre ce budget qui ne prépare pas l’avenir.</p></blockquote>
<ul><li>écoles : 4 millions</li><li>voirie : 3 millions</li></ul>
<p>La séance s’est achevée peu avant minuit, dans une salle encore comble.</p>
</article>
<section class="comments"><h3>3 commentaires</h3><p>Bravo aux élus !</p></section>
</main>
<footer><p>© La Gazette du Lot — Mentions légales — Contact</p></footer>
</body></html>"#;

fn read(page: &str) -> Document {
    from_bytes("page.html", page.as_bytes()).unwrap()
}

#[test]
fn the_article_only_with_its_metadata() {
    let d = read(PAGE);
    assert_eq!(d.title, "Le conseil municipal adopte le budget");
    assert_eq!(d.date.as_deref(), Some("2024-02-14"));
    assert_eq!(d.author.as_deref(), Some("Lucie Ferrand"));
    assert_eq!(d.source.as_deref(), Some("La Gazette du Lot"));
    assert!(
        d.text
            .starts_with("Le conseil municipal adopte le budget\n\nAprès trois heures")
    );
    assert!(d.text.contains("budget 2024 & ses annexes"));
    assert!(d.text.contains("dans une salle encore comble."));
    for gone in [
        "Accueil",
        "cookies",
        "tracking",
        "Mentions légales",
        "color: red",
    ] {
        assert!(!d.text.contains(gone), "{gone} in {}", d.text);
    }
    assert_eq!(
        d.text
            .matches("Le conseil municipal adopte le budget")
            .count(),
        1
    );
}

#[test]
fn blocks_styles_and_links_are_kept() {
    let d = read(PAGE);
    let kinds: Vec<ParaKind> = d.paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(kinds[0], ParaKind::Title);
    assert!(kinds.contains(&ParaKind::Heading));
    assert!(kinds.contains(&ParaKind::Quote));
    assert!(
        d.text
            .contains("• écoles : 4 millions\n• voirie : 3 millions")
    );
    assert_eq!(d.sections[0].title, "Une opposition divisée");
    let link = &d.links[0];
    assert_eq!(&d.text[link.range.clone()], "plan vélo");
    assert_eq!(link.url, "https://exemple.fr/plan");
    assert!(
        d.styles
            .iter()
            .any(|s| &d.text[s.range.clone()] == "12 millions d’euros")
    );
}

#[test]
fn block_starts_map_back_into_the_page() {
    let d = read(PAGE);
    let at = d.text.find("La séance").unwrap();
    assert!(PAGE[d.source_offset(at)..].starts_with("La séance"));
}

#[test]
fn a_page_without_an_article_shows_its_text_with_a_notice() {
    let d = read("<html><body><nav>Menu</nav><p>Bonjour.</p></body></html>");
    assert!(d.text.contains("Bonjour."));
    assert!(!d.text.contains("Menu"));
    assert_eq!(d.notices.len(), 1);
    assert!(d.title_from_name);
    assert_eq!(d.title, "page");
}

#[test]
fn sniffed_from_the_start() {
    assert!(looks_like_html(
        b"\n<!-- saved from url -->\n<!DOCTYPE HTML PUBLIC>"
    ));
    assert!(looks_like_html(b"<?xml version='1.0'?><html xmlns='x'>"));
    assert!(!looks_like_html(b"Un texte qui parle de <html>."));
}

/// Issue 23 item 12: a « Lire aussi » box between two paragraphs (a `<q>` named `lire_aussi`,
/// as a monthly's blog has it; a quote that is one in all but name) is not the article.
#[test]
fn read_also_boxes_are_left_out() {
    let box1 = r#"<q class="lire_aussi"> <div class="logo"><a href="https://exemple.fr/58769"><img src="a.jpg"></a></div>
Lire aussi Martine Bulard <span class="et">&amp;</span> Sung Il-kwon, « <a href="https://exemple.fr/58769">En Corée, la politique du rayon de soleil</a> », <i>Le Monde diplomatique</i>, juin 2018.</q>"#;
    let box2 = r#"<blockquote><strong>À lire aussi</strong> : <a href="https://exemple.fr/x">Le budget des écoles en débat</a></blockquote>"#;
    let page = PAGE
        .replace(
            "<h2>Une opposition divisée</h2>",
            &format!("{box1}<h2>Une opposition divisée</h2>"),
        )
        .replace("<ul><li>écoles", &format!("{box2}<ul><li>écoles"));
    let d = read(&page);
    assert!(!d.text.contains("Lire aussi"), "{}", d.text);
    assert!(!d.text.contains("rayon de soleil"), "{}", d.text);
    assert!(!d.text.contains("lire aussi"), "{}", d.text);
    assert!(
        d.text.contains("Nous voterons contre ce budget"),
        "{}",
        d.text
    );
    assert!(d.text.contains("dans une salle encore comble."));
}

/// A drop cap — the first letter in an element of its own before the paragraph (a news site's
/// « T » then « urkey, Poland… ») — is joined to the word it begins, wherever layout's
/// whitespace falls; a capital followed by a paragraph that starts a new sentence, or a
/// one-letter word with its space, stays as written.
#[test]
fn a_drop_cap_joins_the_word_it_begins() {
    let page = |body: &str| {
        format!(
            "<html><head><title>Quarantine list grows</title></head><body><article>\
             <h1>Quarantine list grows</h1><div class=\"body\">{body}\
             <p>The change takes effect on Saturday at four in the morning, the department said, \
             and travellers arriving after that will have to isolate for fourteen days.</p>\
             </div></article></body></html>"
        )
    };
    let joined = read(&page(
        "<span class=\"cap\">T</span>\n  <p><a href=\"/t\">urkey</a>, Poland and three islands \
         have been removed from the list of travel corridors, ministers announced.</p>",
    ));
    assert!(
        joined.text.contains("\n\nTurkey, Poland and three islands"),
        "{}",
        joined.text
    );
    let word = read(&page(
        "<span class=\"cap\">A</span><p> new list of travel corridors was published by \
         ministers on Thursday evening after a long meeting.</p>",
    ));
    assert!(
        word.text.contains("\n\nA new list of travel corridors"),
        "{}",
        word.text
    );
    let apart = read(&page(
        "<span>B</span><p>Ministers announced on Thursday that three islands have been removed \
         from the list of travel corridors.</p>",
    ));
    assert!(
        apart.text.contains("B\n\nMinisters announced"),
        "{}",
        apart.text
    );
}
