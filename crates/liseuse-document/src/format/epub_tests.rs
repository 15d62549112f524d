use super::*;
use std::io::Write;

/// A small book: two chapters, a cover with no text, a table of contents.
pub(crate) fn book(extra_spine: &str) -> Vec<u8> {
    let opf = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>Le Tour du monde</dc:title><dc:creator>Jules Verne</dc:creator>
<dc:date>1873-01-30</dc:date><dc:publisher>Hetzel</dc:publisher></metadata>
<manifest>
<item id="cover" href="text/cover.xhtml" media-type="application/xhtml+xml"/>
<item id="c1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>
<item id="c2" href="text/ch%202.xhtml" media-type="application/xhtml+xml"/>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="evil" href="../../../etc/passwd" media-type="application/xhtml+xml"/>
</manifest>
<spine><itemref idref="cover"/><itemref idref="c1"/><itemref idref="c2"/>{extra_spine}</spine>
</package>"#
    );
    let files: Vec<(&str, String)> = vec![
        ("META-INF/container.xml", r#"<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#.to_string()),
        ("OEBPS/content.opf", opf),
        ("OEBPS/text/cover.xhtml", "<html><body><img src='c.jpg' alt='cover'/></body></html>".to_string()),
        ("OEBPS/text/ch1.xhtml", "<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><body><h1>Chapitre I</h1><p>Phileas Fogg habitait <em>Saville-row</em>.</p><p>Passepartout arriva.</p></body></html>".to_string()),
        ("OEBPS/text/ch 2.xhtml", "<html><body><h2>Chapitre II</h2><p>Le pari fut tenu au Reform-Club.</p></body></html>".to_string()),
        ("OEBPS/nav.xhtml", "<html><body><nav epub:type='toc'><ol><li><a href='text/ch1.xhtml'>I. Fogg et Passepartout</a></li><li><a href='text/ch%202.xhtml#s'>II. Le pari</a></li></ol></nav></body></html>".to_string()),
    ];
    zip_of(&files)
}

pub(crate) fn zip_of(files: &[(&str, String)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file("mimetype", stored).unwrap();
    w.write_all(b"application/epub+zip").unwrap();
    for (name, text) in files {
        w.start_file(*name, deflated).unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn chapters_in_spine_order_under_the_books_title() {
    let bytes = book("");
    assert!(looks_like_epub(&bytes));
    assert_eq!(crate::detect("livre.epub", &bytes), crate::Format::Epub);
    let d = from_bytes("livre.epub", &bytes).unwrap();
    assert_eq!(d.title, "Le Tour du monde");
    assert_eq!(d.author.as_deref(), Some("Jules Verne"));
    assert_eq!(d.date.as_deref(), Some("1873-01-30"));
    assert_eq!(d.source.as_deref(), Some("Hetzel"));
    assert!(
        d.text
            .starts_with("Le Tour du monde\n\nChapitre I\n\nPhileas Fogg habitait Saville-row.")
    );
    assert!(d.text.ends_with("Le pari fut tenu au Reform-Club."));
    let titles: Vec<&str> = d.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["I. Fogg et Passepartout", "II. Le pari"]);
    assert_eq!(&d.text[d.sections[1].offset..][..12], "Chapitre II\n");
    let heads = d
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParaKind::Heading)
        .count();
    assert_eq!(heads, 2);
    assert!(d.notices.is_empty(), "{:?}", d.notices);
}

#[test]
fn the_first_chapter_comes_first_and_starts_the_whole() {
    let bytes = book("");
    let first = first_chapter("livre.epub", &bytes).unwrap();
    let whole = from_bytes("livre.epub", &bytes).unwrap();
    assert!(first.preview.is_some());
    assert!(first.text.ends_with("Passepartout arriva."));
    assert!(whole.text.starts_with(&first.text));
    assert_eq!(
        first.paragraphs[..],
        whole.paragraphs[..first.paragraphs.len()]
    );
}

#[test]
fn a_spine_pointing_outside_the_archive_is_skipped_with_a_notice() {
    let d = from_bytes(
        "livre.epub",
        &book(r#"<itemref idref="evil"/><itemref idref="nope"/>"#),
    )
    .unwrap();
    assert!(d.text.ends_with("Reform-Club."));
    assert_eq!(d.notices.len(), 2, "{:?}", d.notices);
    assert!(d.notices[0].contains("points outside the book"));
}

#[test]
fn broken_books_are_refused_with_a_reason() {
    let e = from_bytes("x.epub", b"PK\x03\x04 not really a zip").unwrap_err();
    assert!(e.to_string().starts_with("not a readable EPUB book"), "{e}");
    let no_container = zip_of(&[("a.txt", "x".to_string())]);
    let e = from_bytes("x.epub", &no_container).unwrap_err();
    assert!(e.to_string().contains("container.xml"), "{e}");
    let bad_xml = zip_of(&[(
        "META-INF/container.xml",
        "<container><rootfile full-path='a.opf'".to_string(),
    )]);
    let e = from_bytes("x.epub", &bad_xml).unwrap_err();
    assert!(e.to_string().contains("not valid XML"), "{e}");
}

#[test]
fn a_zip_bomb_is_refused() {
    // 300 MB of zeros deflate to a few hundred kilobytes.
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    w.start_file("META-INF/container.xml", deflated).unwrap();
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..40 {
        w.write_all(&zeros).unwrap();
    }
    let bytes = w.finish().unwrap().into_inner();
    assert!(bytes.len() < 1 << 20);
    let e = from_bytes("bomb.epub", &bytes).unwrap_err();
    assert!(e.to_string().contains("zip bomb"), "{e}");
}

/// A book whose table of contents nests sections inside its chapters (EPUB 3's nav, or EPUB
/// 2's NCX when `ncx`), with a colophon of line breaks as Standard Ebooks writes it.
pub(crate) fn nested_book(ncx: bool) -> Vec<u8> {
    let (toc_item, spine_toc) = if ncx {
        (
            r#"<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>"#,
            r#" toc="ncx""#,
        )
    } else {
        (
            r#"<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>"#,
            "",
        )
    };
    let opf = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Le Tour du monde</dc:title></metadata>
<manifest>
<item id="c1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>
<item id="c2" href="text/ch2.xhtml" media-type="application/xhtml+xml"/>
<item id="co" href="text/colophon.xhtml" media-type="application/xhtml+xml"/>
{toc_item}
</manifest>
<spine{spine_toc}><itemref idref="c1"/><itemref idref="c2"/><itemref idref="co"/></spine>
</package>"#
    );
    let nav = "<html xmlns:epub='http://www.idpf.org/2007/ops'><body>\
        <nav epub:type='landmarks'><ol><li><a href='text/ch2.xhtml'>Début</a></li></ol></nav>\
        <nav epub:type='toc'><ol>\
        <li><a href='text/ch1.xhtml'>I. Le départ</a><ol>\
          <li><a href='text/ch1.xhtml#pari'>1. Le pari</a></li>\
          <li><a href='text/ch1.xhtml#voyage'>2. Le voyage</a></li></ol></li>\
        <li><a href='text/ch2.xhtml'>II. Le retour</a></li>\
        <li><a href='text/colophon.xhtml'>Colophon</a></li></ol></nav></body></html>";
    let point = |id: &str, label: &str, src: &str, inner: &str| {
        format!(
            "<navPoint id='{id}'><navLabel><text>{label}</text></navLabel><content src='{src}'/>{inner}</navPoint>"
        )
    };
    let ncx_text = format!(
        "<?xml version='1.0'?><ncx xmlns='http://www.daisy.org/z3986/2005/ncx/'><navMap>{}{}{}</navMap></ncx>",
        point(
            "a",
            "I. Le départ",
            "text/ch1.xhtml",
            &(point("a1", "1. Le pari", "text/ch1.xhtml#pari", "")
                + &point("a2", "2. Le voyage", "text/ch1.xhtml#voyage", ""))
        ),
        point("b", "II. Le retour", "text/ch2.xhtml", ""),
        point("c", "Colophon", "text/colophon.xhtml", ""),
    );
    let files: Vec<(&str, String)> = vec![
        ("META-INF/container.xml", r#"<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#.to_string()),
        ("OEBPS/content.opf", opf),
        ("OEBPS/text/ch1.xhtml", "<html><body><h1>Le départ</h1><p>Phileas Fogg habitait Saville-row.</p>\
            <h2 id='pari'>Le pari</h2><p>Le pari fut tenu au Reform-Club.</p>\
            <section id='voyage'><h2>Le voyage</h2><p>Passepartout fit les malles.</p></section></body></html>".to_string()),
        ("OEBPS/text/ch2.xhtml", "<html><body><h1>Le retour</h1><p>Ils revinrent à Londres.</p></body></html>".to_string()),
        ("OEBPS/text/colophon.xhtml", "<html><body><p>This ebook was produced for<br/>\n\t<a href='https://standardebooks.org'>Standard Ebooks</a><br/>\n\tby<br/>\n\t<a href='https://x.org'>David</a>.</p></body></html>".to_string()),
        ("OEBPS/nav.xhtml", nav.to_string()),
        ("OEBPS/toc.ncx", ncx_text),
    ];
    zip_of(&files)
}

/// Issue 23: the table of contents nested as the book's, each entry where its `#fragment` is.
#[test]
fn the_table_of_contents_is_nested_as_the_books() {
    for ncx in [false, true] {
        let d = from_bytes("livre.epub", &nested_book(ncx)).unwrap();
        let toc: Vec<(&str, u8)> = d
            .sections
            .iter()
            .map(|s| (s.title.as_str(), s.level))
            .collect();
        assert_eq!(
            toc,
            [
                ("I. Le départ", 0),
                ("1. Le pari", 1),
                ("2. Le voyage", 1),
                ("II. Le retour", 0),
                ("Colophon", 0)
            ],
            "ncx: {ncx}"
        );
        let at = |i: usize| &d.text[d.sections[i].offset..];
        assert!(at(0).starts_with("Le départ\n"), "{ncx}: {:?}", at(0));
        assert!(at(1).starts_with("Le pari\n"), "{ncx}: {:?}", at(1));
        assert!(at(2).starts_with("Le voyage\n"), "{ncx}: {:?}", at(2));
        assert!(at(3).starts_with("Le retour\n"), "{ncx}: {:?}", at(3));
    }
}

/// Issue 23 item 13: a `<br/>` is a line break, and the source's indentation after it no text:
/// never two spaces.
#[test]
fn line_breaks_are_line_breaks_not_double_spaces() {
    let d = from_bytes("livre.epub", &nested_book(false)).unwrap();
    assert!(
        d.text
            .contains("This ebook was produced for\nStandard Ebooks\nby\nDavid."),
        "{:?}",
        d.text
    );
    assert!(!d.text.contains("  "), "{:?}", d.text);
    assert!(d.hard_breaks);
}
