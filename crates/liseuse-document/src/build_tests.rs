use super::*;

#[test]
fn whitespace_collapses_and_blocks_are_separated() {
    let mut b = Builder::new();
    b.block(ParaKind::Heading, 2);
    b.push("  Un   titre \n", None);
    b.block(ParaKind::Body, 0);
    b.push("du ", None);
    b.style_on(Inline::STRONG);
    b.push("gras", None);
    b.style_off(Inline::STRONG);
    b.push(" ici", None);
    b.block(ParaKind::Body, 0);
    b.push("   ", None);
    let out = b.finish();
    assert_eq!(out.text, "Un titre\n\ndu gras ici");
    assert_eq!(out.paragraphs.len(), 2);
    assert_eq!(out.sections[0].title, "Un titre");
    assert_eq!(out.styles.len(), 1);
    assert_eq!(&out.text[out.styles[0].range.clone()], "gras");
}

#[test]
fn list_items_carry_their_markers_one_per_line() {
    let mut b = Builder::new();
    b.list_item(0, None);
    b.push("un", None);
    b.list_item(1, Some(3));
    b.push("deux", None);
    let out = b.finish();
    assert_eq!(out.text, "• un\n  3. deux");
    assert_eq!(marker_len("3. deux"), 3);
    assert_eq!(marker_len("deux"), 0);
    assert_eq!(out.paragraphs[1].level, 1);
}

#[test]
fn links_keep_their_text_range_and_url() {
    let mut b = Builder::new();
    b.push("voir ", None);
    b.link_start("https://example.org/");
    b.push(" le site ", None);
    b.link_end();
    b.push(".", None);
    let out = b.finish();
    assert_eq!(out.text, "voir le site .");
    let l = &out.links[0];
    assert_eq!(&out.text[l.range.clone()], "le site");
    assert_eq!(l.url, "https://example.org/");
}
