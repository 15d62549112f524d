//! The search across every article, beside the event loop: a query typed is sent here and
//! the loop goes on; the hits come back as `Event::CorpusHits`. Queries typed faster than they
//! are answered are skipped for the newest, and a search overtaken by a newer query stops. Each
//! article's folded text is made once (on every core) and kept while its text stays the same.

use crate::event::{CorpusHit, Event};
use liseuse_document::Document;
use liseuse_document::search::{Folded, find_all};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};

/// Most hits kept: enough to read, bounded for huge libraries.
pub const MAX_HITS: usize = 2000;

struct Request {
    generation: u64,
    query: String,
    docs: Vec<(usize, Arc<Document>)>,
}

/// The handle the runtime sends queries to.
pub struct CorpusSearcher {
    jobs: Sender<Request>,
    latest: Arc<AtomicU64>,
}

/// Folded texts by article, with the text each was made from (a re-read article is folded
/// again).
type FoldCache = HashMap<usize, (Arc<Document>, Arc<Folded>)>;

impl CorpusSearcher {
    pub fn spawn(events: Sender<Event>) -> CorpusSearcher {
        let (jobs, rx) = mpsc::channel::<Request>();
        let latest = Arc::new(AtomicU64::new(0));
        let newest = latest.clone();
        std::thread::Builder::new()
            .name("corpus-search".into())
            .spawn(move || serve(&rx, &newest, &events))
            .ok();
        CorpusSearcher { jobs, latest }
    }

    pub fn search(&self, generation: u64, query: String, docs: Vec<(usize, Arc<Document>)>) {
        self.latest.fetch_max(generation, Ordering::SeqCst);
        let _ = self.jobs.send(Request {
            generation,
            query,
            docs,
        });
    }
}

fn serve(rx: &Receiver<Request>, latest: &AtomicU64, events: &Sender<Event>) {
    let cache: Mutex<FoldCache> = Mutex::new(HashMap::new());
    while let Ok(mut req) = rx.recv() {
        // Only the newest query waiting is worth answering.
        while let Ok(newer) = rx.try_recv() {
            req = newer;
        }
        let Some((hits, truncated, searched)) = search(&req, latest, &cache) else {
            continue;
        };
        let answer = Event::CorpusHits {
            generation: req.generation,
            hits,
            truncated,
            searched,
        };
        if events.send(answer).is_err() {
            return;
        }
    }
}

/// The hits of one query in list order; `None` when a newer query overtook it.
fn search(
    req: &Request,
    latest: &AtomicU64,
    cache: &Mutex<FoldCache>,
) -> Option<(Vec<CorpusHit>, bool, usize)> {
    let stale = || latest.load(Ordering::SeqCst) != req.generation;
    let folded_of = |i: usize, doc: &Arc<Document>| -> Arc<Folded> {
        let known = cache.lock().ok().and_then(|c| {
            c.get(&i)
                .filter(|(d, _)| Arc::ptr_eq(d, doc))
                .map(|(_, f)| f.clone())
        });
        known.unwrap_or_else(|| {
            let f = Arc::new(Folded::new(&doc.text));
            if let Ok(mut c) = cache.lock() {
                c.insert(i, (doc.clone(), f.clone()));
            }
            f
        })
    };
    let per_article: Vec<Option<(usize, Vec<std::ops::Range<usize>>)>> = req
        .docs
        .par_iter()
        .map(|(i, doc)| {
            if stale() {
                return None;
            }
            let folded = folded_of(*i, doc);
            Some((*i, find_all(&doc.text, &folded, &req.query)))
        })
        .collect();
    if stale() {
        return None;
    }
    let mut hits = Vec::new();
    let mut truncated = false;
    'all: for (article, ranges) in per_article.into_iter().flatten() {
        for range in ranges {
            if hits.len() >= MAX_HITS {
                truncated = true;
                break 'all;
            }
            hits.push(CorpusHit { article, range });
        }
    }
    Some((hits, truncated, req.docs.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn doc(text: &str) -> Arc<Document> {
        Arc::new(Document::from_text("a.txt", text.to_string()))
    }

    #[test]
    fn answers_the_newest_query_only_and_in_list_order() {
        let (tx, rx) = mpsc::channel();
        let s = CorpusSearcher::spawn(tx);
        let docs = vec![
            (3, doc("Titre\n\nLe Hamas a dit.")),
            (1, doc("Autre\n\nRien. Hamas encore, et hamas.")),
        ];
        s.search(1, "ha".into(), docs.clone());
        s.search(2, "hamas".into(), docs);
        let mut last = None;
        while let Ok(ev) = rx.recv_timeout(Duration::from_secs(10)) {
            if let Event::CorpusHits {
                generation, hits, ..
            } = ev
            {
                last = Some((generation, hits));
                if generation == 2 {
                    break;
                }
            }
        }
        let (generation, hits) = last.expect("an answer");
        assert_eq!(generation, 2);
        let articles: Vec<usize> = hits.iter().map(|h| h.article).collect();
        assert_eq!(articles, vec![3, 1, 1]);
    }
}
