use super::*;

const NOTE: &str = "---
title: \"Notes de lecture\"
date: 2024-03-05
author: Claire Dubois
---

# Notes de lecture

Un paragraphe avec *de l’emphase*, du **gras** et un [lien](https://exemple.fr/a \"titre\").

## La suite

- premier point
- second point
  1. sous-point
  2. autre

> Une citation
> sur deux lignes.

```rust
fn main() {
    println!(\"Jean Dupont\");
}
```

| Ville | Habitants |
|-------|----------:|
| Lyon  | 522 000 |

![Une photo du port](port.jpg)

---

Fin.
";

fn doc() -> Document {
    render("notes.md", NOTE)
}

fn para(d: &Document, kind: ParaKind) -> Vec<&str> {
    d.paragraphs
        .iter()
        .filter(|p| p.kind == kind)
        .map(|p| &d.text[p.range.clone()])
        .collect()
}

#[test]
fn front_matter_gives_metadata_and_the_heading_is_the_headline() {
    let d = doc();
    assert_eq!(d.title, "Notes de lecture");
    assert!(!d.title_from_name);
    assert_eq!(d.date.as_deref(), Some("2024-03-05"));
    assert_eq!(d.author.as_deref(), Some("Claire Dubois"));
    assert_eq!(d.paragraphs[0].kind, ParaKind::Title);
    assert!(d.text.starts_with("Notes de lecture\n\nUn paragraphe"));
    assert!(!d.text.contains("title:"));
}

#[test]
fn no_markup_character_reaches_the_text() {
    let d = doc();
    for mark in ["**", "](", "```", "# ", "> ", "|--", "![", "---"] {
        assert!(!d.text.contains(mark), "{mark:?} in {}", d.text);
    }
}

#[test]
fn blocks_have_their_kinds() {
    let d = doc();
    assert_eq!(para(&d, ParaKind::Heading), ["La suite"]);
    assert_eq!(
        d.paragraphs
            .iter()
            .find(|p| p.kind == ParaKind::Heading)
            .unwrap()
            .level,
        2
    );
    assert_eq!(
        para(&d, ParaKind::ListItem),
        [
            "• premier point",
            "• second point",
            "1. sous-point",
            "2. autre"
        ]
    );
    assert!(
        d.text
            .contains("• second point\n  1. sous-point\n  2. autre")
    );
    assert_eq!(para(&d, ParaKind::Quote), ["Une citation sur deux lignes."]);
    assert_eq!(
        para(&d, ParaKind::Code),
        ["fn main() {\n    println!(\"Jean Dupont\");\n}"]
    );
    assert_eq!(para(&d, ParaKind::Separator), ["* * *"]);
    let table = para(&d, ParaKind::Table);
    assert!(table[0].starts_with("Ville │ Habitants\n───"), "{table:?}");
    assert!(d.text.contains("Une photo du port"));
    assert_eq!(d.sections.len(), 1);
    assert_eq!(d.sections[0].title, "La suite");
}

#[test]
fn styles_and_links() {
    let d = doc();
    let styled: Vec<(&str, Inline)> = d
        .styles
        .iter()
        .map(|s| (&d.text[s.range.clone()], s.style))
        .collect();
    assert!(styled.contains(&("de l’emphase", Inline::EMPHASIS)));
    assert!(styled.contains(&("gras", Inline::STRONG)));
    assert!(styled.contains(&("lien", Inline::LINK)));
    assert_eq!(d.links.len(), 1);
    assert_eq!(d.links[0].url, "https://exemple.fr/a");
    assert_eq!(&d.text[d.links[0].range.clone()], "lien");
}

#[test]
fn rendered_offsets_map_to_the_source() {
    let d = doc();
    let at = d.text.find("second point").unwrap();
    let src = d.source_offset(at);
    assert_eq!(&NOTE[src..src + 12], "second point");
    let at = d.text.find("Fin.").unwrap();
    assert_eq!(&NOTE[d.source_offset(at)..][..4], "Fin.");
    assert!(d.source_map.runs() < 40, "{}", d.source_map.runs());
}

#[test]
fn without_heading_the_title_is_the_first_words() {
    let d = render(
        "x.md",
        "Un texte sans titre qui commence par une phrase assez longue pour être coupée quelque part.\n",
    );
    assert!(d.title_from_name);
    assert!(d.title.ends_with('…') && d.title.starts_with("Un texte sans titre"));
    let d = render("vide.md", "");
    assert_eq!(d.title, "vide");
    assert!(d.paragraphs.is_empty());
}

#[test]
fn a_heading_after_text_is_not_the_headline() {
    let d = render("x.md", "Intro.\n\n# Titre\n\nTexte.\n");
    assert_eq!(d.title, "Titre");
    assert_eq!(d.paragraphs[1].kind, ParaKind::Heading);
}

#[test]
fn html_in_markdown_leaves_no_tags() {
    let d = render(
        "x.md",
        "Avant <span class=\"x\">dedans</span> après.\n\n<div>\nbloc <!-- note -->\n</div>\n",
    );
    assert!(!d.text.contains('<'), "{}", d.text);
    assert!(d.text.contains("dedans") && d.text.contains("bloc"));
}

/// Issue 23 item 17: the front matter's title opens the text, as a web page's does (`liseuse
/// cat` prints it), once even when the first heading repeats it.
#[test]
fn the_front_matter_title_opens_the_text() {
    let d = render("x.md", "---\ntitle: Le titre\n---\n\nUn paragraphe.\n");
    assert_eq!(d.title, "Le titre");
    assert!(
        d.text.starts_with("Le titre\n\nUn paragraphe."),
        "{}",
        d.text
    );
    assert_eq!(d.paragraphs[0].kind, ParaKind::Title);

    let d = render(
        "x.md",
        "---\ntitle: Le titre\n---\n\n# Autre chose\n\nTexte.\n",
    );
    assert!(
        d.text.starts_with("Le titre\n\nAutre chose\n\nTexte."),
        "{}",
        d.text
    );
    assert_eq!(d.paragraphs[1].kind, ParaKind::Heading);
    assert_eq!(d.sections.len(), 1);

    let d = render(
        "x.md",
        "---\ntitle: Le titre\n---\n\n# Le titre\n\nTexte [lien](https://x.fr).\n",
    );
    assert!(d.text.starts_with("Le titre\n\nTexte lien."), "{}", d.text);
    assert_eq!(d.links.len(), 1);
    assert_eq!(&d.text[d.links[0].range.clone()], "lien");
    assert!(d.sections.is_empty());
}
