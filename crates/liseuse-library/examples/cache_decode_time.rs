//! How long reading back every body of a cache's article log takes: `cache_decode_time CACHE_DIR [old]`
//! (`old`: a log of format 2, LZ4 and postcard, as before issue 27's cache-size work).
use liseuse_library::cache::{ENGINE_VERSION, log, record, store::FORMAT};
use std::time::{Duration, Instant};

#[derive(serde::Deserialize)]
struct OldBody {
    entities: liseuse_entity::DocEntities,
    sections: Vec<(String, Vec<u8>)>,
}

/// A quotation as section `quotes-v1` of format 2 wrote it (postcard).
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct OldQuote {
    start: u32,
    end: u32,
    kind: liseuse_entity::quote::QuoteKind,
    cue: Option<(u32, u32)>,
    local: Option<u32>,
    mention: Option<(u32, u32)>,
    described: Option<Box<str>>,
    confidence: u8,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = std::path::Path::new(&args[1]);
    let old = args.get(2).is_some_and(|a| a == "old");
    let path = dir.join(format!("articles-v{ENGINE_VERSION}.log"));
    let (frames, _) = log::scan(&path, ENGINE_VERSION, if old { 2 } else { FORMAT });
    let file = std::fs::File::open(&path).unwrap();
    let (mut t_heads, mut t_read, mut t_unpack, mut t_decode, mut t_quotes) = (
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
    );
    let mut n = 0usize;
    let mut sizes = [0usize; 7];
    for frame in &frames {
        let t = Instant::now();
        let heads: Vec<record::Head> = if old {
            postcard::from_bytes(&frame.head).unwrap()
        } else {
            record::decode_heads(&frame.head).unwrap()
        };
        t_heads += t.elapsed();
        let t = Instant::now();
        let packed = log::read_body(&file, frame.body).unwrap();
        t_read += t.elapsed();
        let t = Instant::now();
        let body = if old {
            lz4_flex::block::decompress_size_prepended(&packed).unwrap()
        } else {
            record::unpack(&packed).unwrap()
        };
        t_unpack += t.elapsed();
        if !old && std::env::var_os("SIZES").is_some() {
            let lz = lz4_flex::block::compress(&body).len();
            let z1 = zstd::bulk::compress(&body, 1).unwrap().len();
            let z3 = zstd::bulk::compress(&body, 3).unwrap().len();
            let zm = zstd::bulk::compress(&body, -3).unwrap().len();
            sizes[0] += body.len();
            sizes[1] += lz;
            sizes[2] += z1;
            sizes[3] += z3;
            sizes[4] += zm;
            sizes[5] += packed.len();
            sizes[6] += frame.head.len();
        }
        for h in &heads {
            let t = Instant::now();
            let (entities, sections) = if old {
                let bytes = &body[h.body.0 as usize..(h.body.0 + h.body.1) as usize];
                let b: OldBody = postcard::from_bytes(bytes).unwrap();
                (b.entities, b.sections)
            } else {
                let b = record::decode_body(&body, h.body).unwrap();
                (b.entities, b.sections)
            };
            t_decode += t.elapsed();
            let t = Instant::now();
            let q = if old {
                postcard::from_bytes::<Vec<OldQuote>>(&sections[0].1)
                    .unwrap()
                    .len()
            } else {
                liseuse_library::quotes::decode(&sections, &entities)
                    .unwrap()
                    .len()
            };
            t_quotes += t.elapsed();
            n += q + entities.mentions.len();
        }
    }
    println!("raw, lz4, zstd1, zstd3, zstd-3, as written, heads as written: {sizes:?}");
    println!(
        "{} frames: heads {:?}, read+check {:?}, decompress {:?}, bodies {:?}, quotations {:?} ({n})",
        frames.len(),
        t_heads,
        t_read,
        t_unpack,
        t_decode,
        t_quotes
    );
}
