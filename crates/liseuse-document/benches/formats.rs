//! Reading each format: a 1 MB Markdown file rendered, a 1 MB saved web page reduced to its
//! article, and a 5 MB EPUB opened to its first chapter (what the first frame waits for) and
//! read whole (what follows in the background). `cargo bench --bench formats`.

use criterion::{Criterion, criterion_group, criterion_main};
use liseuse_document::{Document, format::epub};
use std::hint::black_box;
use std::io::{Cursor, Write};
use std::time::Duration;

const WORDS: &[&str] = &[
    "le",
    "maire",
    "de",
    "Toulouse",
    "a",
    "présenté",
    "budget",
    "la",
    "ville",
    "et",
    "les",
    "élus",
    "ont",
    "voté",
    "pour",
    "une",
    "réforme",
    "des",
    "écoles",
    "dans",
    "région",
    "Occitanie",
    "selon",
    "Agence",
    "France-Presse",
    "ministre",
    "Paris",
    "avec",
    "projet",
    "transports",
    "publics",
    "habitants",
    "quartier",
    "conseil",
    "municipal",
    "lundi",
];

/// Deterministic prose: `n` words with commas and full stops.
fn prose(seed: &mut u64, n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let w = WORDS[(*seed >> 33) as usize % WORDS.len()];
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
        if i % 17 == 16 {
            out.push('.');
        } else if i % 7 == 6 {
            out.push(',');
        }
    }
    out.push('.');
    out
}

fn markdown(bytes: usize) -> String {
    let mut seed = 1;
    let mut s =
        String::from("---\ntitle: Un long carnet\ndate: 2024-01-01\n---\n\n# Un long carnet\n\n");
    let mut i = 0;
    while s.len() < bytes {
        i += 1;
        s.push_str(&format!("## Partie {i}\n\n"));
        s.push_str(&format!(
            "{} *{}* **{}** [lien](https://exemple.fr/{i}).\n\n",
            prose(&mut seed, 60),
            prose(&mut seed, 4),
            prose(&mut seed, 3)
        ));
        s.push_str(&format!(
            "- {}\n- {}\n  1. {}\n\n",
            prose(&mut seed, 8),
            prose(&mut seed, 8),
            prose(&mut seed, 6)
        ));
        s.push_str(&format!(
            "> {}\n\n```\nfn f{i}() {{ println!(\"{i}\"); }}\n```\n\n",
            prose(&mut seed, 20)
        ));
        s.push_str("| a | b |\n|---|---|\n| 1 | 2 |\n\n");
    }
    s
}

fn web_page(bytes: usize) -> String {
    let mut seed = 2;
    let mut s = String::from(
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>Un long article | Le Journal</title>\
         <meta property=\"og:title\" content=\"Un long article\"><script>var x = 1;</script></head><body>\
         <header><nav><ul><li><a href=/>Accueil</a></li><li><a href=/p>Politique</a></li></ul></nav></header>\
         <main><article><h1>Un long article</h1>",
    );
    let mut i = 0;
    while s.len() < bytes * 9 / 10 {
        i += 1;
        s.push_str(&format!(
            "<h2>Partie {i}</h2><p>{} <em>{}</em> <a href=\"/a{i}\">{}</a>.</p><p>{}</p>",
            prose(&mut seed, 60),
            prose(&mut seed, 4),
            prose(&mut seed, 3),
            prose(&mut seed, 50)
        ));
        s.push_str(&format!("<div class=\"share-bar\"><a href=/s>Partager</a></div><blockquote><p>{}</p></blockquote><ul><li>{}</li><li>{}</li></ul>", prose(&mut seed, 15), prose(&mut seed, 6), prose(&mut seed, 6)));
    }
    s.push_str("</article><aside class=related>");
    while s.len() < bytes {
        s.push_str(&format!("<p><a href=/r>{}</a></p>", prose(&mut seed, 8)));
    }
    s.push_str("</aside></main><footer>© Le Journal</footer></body></html>");
    s
}

/// A book of about `bytes` bytes on disk (chapters deflated, as real books are).
fn book(bytes: usize) -> Vec<u8> {
    let mut seed = 3;
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file("mimetype", stored).unwrap();
    w.write_all(b"application/epub+zip").unwrap();
    w.start_file("META-INF/container.xml", deflated).unwrap();
    w.write_all(br#"<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#).unwrap();
    let mut written = 0;
    let mut chapters = 0;
    // Deflate packs this prose about 5:1.
    while written < bytes * 5 {
        chapters += 1;
        let mut x = format!(
            "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><h1>Chapitre {chapters}</h1>"
        );
        for _ in 0..150 {
            x.push_str(&format!("<p>{}</p>", prose(&mut seed, 120)));
        }
        x.push_str("</body></html>");
        written += x.len();
        w.start_file(format!("OEBPS/ch{chapters}.xhtml"), deflated)
            .unwrap();
        w.write_all(x.as_bytes()).unwrap();
    }
    let manifest: String = (1..=chapters)
        .map(|i| {
            format!("<item id=\"c{i}\" href=\"ch{i}.xhtml\" media-type=\"application/xhtml+xml\"/>")
        })
        .collect();
    let spine: String = (1..=chapters)
        .map(|i| format!("<itemref idref=\"c{i}\"/>"))
        .collect();
    w.start_file("OEBPS/content.opf", deflated).unwrap();
    w.write_all(format!("<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Un gros livre</dc:title></metadata><manifest>{manifest}</manifest><spine>{spine}</spine></package>").as_bytes()).unwrap();
    w.finish().unwrap().into_inner()
}

fn formats(c: &mut Criterion) {
    let md = markdown(1 << 20);
    let page = web_page(1 << 20);
    let epub_bytes = book(5 << 20);
    eprintln!(
        "markdown {} KB, web page {} KB, book {} KB",
        md.len() / 1024,
        page.len() / 1024,
        epub_bytes.len() / 1024
    );
    let mut g = c.benchmark_group("formats");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.bench_function("markdown_1mb", |b| {
        b.iter(|| Document::from_bytes("carnet.md", black_box(md.as_bytes())).unwrap())
    });
    g.bench_function("web_page_1mb", |b| {
        b.iter(|| Document::from_bytes("page.html", black_box(page.as_bytes())).unwrap())
    });
    g.bench_function("epub_5mb_first_chapter", |b| {
        b.iter(|| epub::first_chapter("livre.epub", black_box(&epub_bytes)).unwrap())
    });
    g.bench_function("epub_5mb_whole", |b| {
        b.iter(|| Document::from_bytes("livre.epub", black_box(&epub_bytes)).unwrap())
    });
    g.finish();
}

criterion_group!(benches, formats);
criterion_main!(benches);
