use super::*;

fn doc(paras: usize) -> Arc<Document> {
    let mut t = String::from("Un titre\n");
    for i in 0..paras {
        t.push_str(&format!(
            "Paragraphe {i} avec quelques mots pour remplir une ligne ou deux.\n"
        ));
    }
    Arc::new(Document::from_text("t.txt", t))
}

fn texts(r: &Reader) -> Vec<String> {
    r.visible()
        .iter()
        .map(|l| match &l.text {
            Some(LineText::Doc(rg)) => r.doc.text[rg.clone()].to_string(),
            Some(LineText::Own(s)) => s.clone(),
            None => String::new(),
        })
        .collect()
}

#[test]
fn first_screen_shows_title_meta_and_text() {
    let r = Reader::new(doc(3), 40, 6);
    let t = texts(&r);
    assert_eq!(t[0], "Un titre");
    assert_eq!(t[1], "");
    assert_eq!(t[2], "t.txt");
    assert!(t[4].starts_with("Paragraphe 0"));
    assert_eq!(r.position_label(), "Top");
}

#[test]
fn cursor_scrolls_the_view() {
    let mut r = Reader::new(doc(20), 40, 5);
    r.down(4);
    assert_eq!(r.top, Pos::default());
    r.down(1);
    assert_eq!(r.top, Pos { block: 0, line: 1 });
    r.up(5);
    assert_eq!(r.top, Pos::default());
}

#[test]
fn bottom_fills_the_pane_and_page_moves_stop_at_the_ends() {
    let mut r = Reader::new(doc(20), 40, 5);
    r.to_bottom();
    assert_eq!(r.visible().len(), 5);
    assert_eq!(r.position_label(), "Bot");
    let top = r.top;
    r.page_down();
    assert_eq!(r.top, top);
    r.to_top();
    r.page_up();
    assert_eq!(r.top, Pos::default());
    r.page_down();
    assert!(r.top > Pos::default());
    assert!(r.cursor >= r.top);
}

#[test]
fn resize_keeps_the_paragraph() {
    let mut r = Reader::new(doc(30), 40, 5);
    r.down(30);
    let para = r.cursor.block;
    r.resize(20, 8);
    assert_eq!(r.cursor.block, para);
    assert!(r.visible().iter().any(|l| l.pos == r.cursor));
    for l in r.visible() {
        if let Some(LineText::Doc(rg)) = l.text {
            assert!(liseuse_document::sanitize::width(&r.doc.text[rg]) <= 20);
        }
    }
}

#[test]
fn goto_offset_shows_the_line_with_context() {
    let mut r = Reader::new(doc(50), 40, 10);
    let off = r.doc.text.find("Paragraphe 30").unwrap();
    r.goto_offset(off);
    let line = r.visible().into_iter().find(|l| l.pos == r.cursor).unwrap();
    match line.text {
        Some(LineText::Doc(rg)) => assert!(r.doc.text[rg].starts_with("Paragraphe 30")),
        other => panic!("cursor on {other:?}"),
    }
    assert!(r.cursor > r.top, "some context above");
}

#[test]
fn every_offset_finds_its_block_with_notices_after_the_headline() {
    let mut d = Document::from_text("t.txt", doc(400).text.clone());
    d.notices.push("un avertissement".into());
    d.notices.push("un autre".into());
    let mut r = Reader::new(Arc::new(d), 40, 10);
    r.scroll_to_offset(0);
    assert_eq!(
        r.top,
        Pos::default(),
        "the headline's offset is the headline"
    );
    for k in [0, 1, 57, 200, 350] {
        let off = r.doc.text.find(&format!("Paragraphe {k} ")).unwrap();
        r.scroll_to_offset(off);
        assert_eq!(r.offset_of(r.top), off, "paragraph {k}");
    }
}

#[test]
fn a_long_article_wraps_only_what_is_seen() {
    let r = Reader::new(doc(100_000), 60, 30);
    let _ = r.visible();
    assert!(r.cache.borrow().lines.len() < 40);
}

#[test]
fn markdown_blocks_are_laid_out_as_read() {
    let md = "# Titre\n\n- un point assez long pour passer à la ligne suivante\n- deux\n\n```\n    let a_very_long_identifier = 1;\n```\n\n> citée\n";
    let d = Arc::new(Document::from_bytes("n.md", md.as_bytes()).unwrap());
    let r = Reader::new(d, 24, 30);
    let lines = r.visible();
    let shown: Vec<(BlockKind, usize, String)> = lines
        .iter()
        .filter_map(|l| match &l.text {
            Some(LineText::Doc(rg)) => Some((l.kind, l.indent, r.doc.text[rg.clone()].to_string())),
            _ => None,
        })
        .collect();
    let items: Vec<_> = shown
        .iter()
        .filter(|s| s.0 == BlockKind::ListItem)
        .collect();
    // Continuation lines hang under the text, past the bullet.
    assert_eq!(items[0].1, 0);
    assert!(items[0].2.starts_with("• un point"));
    assert_eq!(items[1].1, 2);
    // No blank line between the items of a list.
    let blanks = lines
        .iter()
        .filter(|l| l.kind == BlockKind::ListItem && l.text.is_none());
    assert_eq!(blanks.count(), 1, "only after the list's last item");
    // Code is folded at the edge, its spaces kept, never re-flowed.
    let code: Vec<&str> = shown
        .iter()
        .filter(|s| s.0 == BlockKind::Code)
        .map(|s| s.2.as_str())
        .collect();
    assert_eq!(code.concat(), "    let a_very_long_identifier = 1;");
    assert!(code.len() > 1 && code[0].starts_with("    let"));
    assert!(
        shown
            .iter()
            .any(|s| s.0 == BlockKind::Quote && s.1 == 2 && s.2 == "citée")
    );
}
