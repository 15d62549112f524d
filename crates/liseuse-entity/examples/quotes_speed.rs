//! The quotation stage's throughput on one core over the files given, against the entity analysis it follows:
//! `cargo run --release -p liseuse-entity --example quotes_speed -- FILE... | @LIST`. Each text is analysed once (its entities
//! kept), then both stages are run again until a second has passed each, so that a small set is measured too.
//! `--quotes-only` runs only the quote stage's loop (for a profiler). `--once` runs each stage once over the texts
//! and times nothing: for `valgrind --tool=callgrind`, whose instruction counts of `liseuse_entity::analyse` and
//! `liseuse_entity::quote::find` (inclusive; with `--shared`, `analyse_tokens` and `quote::find_in_tokens`, what the
//! README reports) are the two stages' costs, stable on a loaded machine; it prints a digest of every quotation
//! found, the same for two builds that find the same. `--gen N` adds
//! N generated articles and `--gen-long MB` one generated article of MB megabytes (`benches/corpus.rs`, the bench's
//! inputs). `--shared`: what the library runs (`liseuse-library`'s `quotes::find`): the entity stage keeps its
//! tokens and the quotation stage reads them with the paragraphs given (`analyse_tokens`,
//! `quote::find_in_tokens`), instead of tokenising again; the paragraphs (each line, as a plain text's
//! `Document` gives them) are cut outside either stage, as a `Document` has them before both.
use std::time::Instant;

#[path = "../benches/corpus.rs"]
mod corpus;

fn main() {
    let mut paths: Vec<String> = Vec::new();
    let mut quotes_only = false;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<usize>().ok())
    };
    let (gen_n, gen_mb) = (number("--gen"), number("--gen-long"));
    let mut skip_next = false;
    for a in args.iter().cloned() {
        if skip_next {
            skip_next = false;
            continue;
        }
        if a == "--gen" || a == "--gen-long" {
            skip_next = true;
            continue;
        }
        if a.starts_with("--") {
            quotes_only |= a == "--quotes-only";
            continue;
        }
        match a.strip_prefix('@') {
            Some(list) => paths.extend(
                std::fs::read_to_string(list)
                    .unwrap_or_default()
                    .lines()
                    .map(str::to_string),
            ),
            None => paths.push(a),
        }
    }
    let mut texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    texts.extend(gen_n.map(corpus::articles).unwrap_or_default());
    texts.extend(gen_mb.map(corpus::long_article));
    if args.iter().any(|a| a == "--once") {
        // the lists and the model are decoded on first use, once a process: not part of either stage's cost. Both
        // languages' cue words, and the first names' genders (read at the first pronoun after a person's name)
        for warm in [
            "Le président Jean Martin a déclaré : « Nous partirons. » Il a ajouté : « Demain. »",
            "President John Smith said: \"We will leave.\" He added: \"Tomorrow, at dawn.\"",
        ] {
            let _ = liseuse_entity::quote::find(warm, &liseuse_entity::analyse(warm));
        }
        let mut n = 0;
        // a digest of every quotation found: two builds that find the same give the same
        let mut digest = 0xcbf2_9ce4_8422_2325u64;
        let shared = args.iter().any(|a| a == "--shared");
        for t in &texts {
            let qs = if shared {
                let paragraphs = lines(t);
                let (e, tokens) = liseuse_entity::analyse_tokens(t);
                liseuse_entity::quote::find_in_tokens(t, &e, &paragraphs, &tokens)
            } else {
                let e = liseuse_entity::analyse(t);
                liseuse_entity::quote::find(t, &e)
            };
            n += qs.len();
            for b in format!("{qs:?}").bytes() {
                digest = (digest ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
            }
        }
        println!(
            "{n} quotations in {} texts, digest {digest:016x}",
            texts.len()
        );
        return;
    }
    let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let ents: Vec<_> = texts.iter().map(|t| liseuse_entity::analyse(t)).collect();
    let time = |f: &dyn Fn() -> usize| {
        let t = Instant::now();
        let mut passes = 0;
        let mut n = 0;
        while passes == 0 || t.elapsed().as_secs_f64() < 1.0 {
            n += f();
            passes += 1;
        }
        (mb * passes as f64 / t.elapsed().as_secs_f64(), n / passes)
    };
    if std::env::args().any(|a| a == "--tokens") {
        let (t, n) = time(&|| {
            texts
                .iter()
                .map(|t| liseuse_entity::text::token::tokenize(t).len())
                .sum()
        });
        println!("tokenize {t:.1} MB/s ({n} tokens)");
    }
    let (q, nq) = time(&|| {
        texts
            .iter()
            .zip(&ents)
            .map(|(t, e)| liseuse_entity::quote::find(t, e).len())
            .sum()
    });
    if quotes_only {
        println!("quotes {q:.1} MB/s ({nq} quotations in {mb:.2} MB)");
        return;
    }
    let (a, _) = time(&|| {
        texts
            .iter()
            .map(|t| liseuse_entity::analyse(t).mentions.len())
            .sum()
    });
    println!(
        "analyse {a:.1} MB/s, quotes {q:.1} MB/s ({nq} quotations in {mb:.2} MB): the quote stage costs {:.3} of the analysis",
        a / q
    );
    // the same with the entity stage's tokens, as the library runs it: the analysis keeps them, the quotation
    // stage reads them with the paragraphs given
    let shared: Vec<_> = texts
        .iter()
        .map(|t| (lines(t), liseuse_entity::analyse_tokens(t)))
        .collect();
    let (qs, _) = time(&|| {
        texts
            .iter()
            .zip(&shared)
            .map(|(t, (p, (e, k)))| liseuse_entity::quote::find_in_tokens(t, e, p, k).len())
            .sum()
    });
    let (at, _) = time(&|| {
        texts
            .iter()
            .map(|t| liseuse_entity::analyse_tokens(t).1.len())
            .sum()
    });
    println!(
        "shared tokens: analyse_tokens {at:.1} MB/s, find_in_tokens {qs:.1} MB/s: the quote stage costs {:.3} of the analysis",
        at / qs
    );
}

/// Each line of `text` that holds something: a plain text's paragraphs when none is wrapped (those of the fixtures
/// and of `benches/corpus.rs`), as `quote::find` reads them too.
fn lines(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.trim_end_matches('\n').len();
        if end > start {
            out.push(start..end);
        }
        start += line.len();
    }
    out
}
