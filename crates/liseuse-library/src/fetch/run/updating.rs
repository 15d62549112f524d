//! A feed's part of a run: fetched, its new items queued, and once they are done (or it
//! failed) its record saved in `feeds.json`.

use super::*;

impl Shared {
    pub(super) fn run_feed(&self, feed: Feed) {
        let fetched = parse_web(&feed.url).and_then(|url| {
            let validators = (feed.etag.as_deref(), feed.last_modified.as_deref());
            self.client.get(&url, Want::Feed, validators, &self.cancel)
        });
        let reply = match fetched {
            Ok(r) => r,
            Err(Failure::Cancelled) => return,
            Err(e) => return self.feed_failed(&feed, &e),
        };
        let moved = reply.moved.as_ref().map(Url::to_string);
        if let Some(to) = &moved {
            self.emit(FetchEvent::Note {
                what: safe(feed.name()),
                note: safe(&format!(
                    "moved permanently to {to}: the subscription follows it"
                )),
            });
        }
        let parsed = if reply.status == 304 {
            None
        } else {
            let max = self.client.limits().max_items;
            match feed::parse(&reply.body, &reply.url, max) {
                Ok(p) => Some(p),
                Err(e) => return self.feed_failed(&feed, &e),
            }
        };
        let mut run = FeedRun {
            url: feed.url.clone(),
            moved,
            name: feed.name().to_string(),
            folder: feed.folder.clone(),
            etag: reply.etag.clone(),
            last_modified: reply.last_modified.clone(),
            total: feed.items,
            current: Vec::new(),
            pending: AtomicUsize::new(0),
            new: AtomicUsize::new(0),
            retry: Mutex::new(HashSet::new()),
        };
        let Some(parsed) = parsed else {
            return self.feed_done(&Arc::new(run), "not modified");
        };
        if feed.title.trim().is_empty()
            && let Some(t) = &parsed.title
        {
            run.name = t.clone();
        }
        let max = self.client.limits().max_items;
        if parsed.total > max {
            self.emit(FetchEvent::Note {
                what: safe(&run.name),
                note: format!("holds {} items: the first {max} are read", parsed.total),
            });
        }
        run.total = parsed.total;
        run.current = parsed.items.iter().map(|i| key(&i.key, 0)).collect();
        let seen: HashSet<&str> = feed.seen.iter().map(String::as_str).collect();
        let fresh: Vec<Item> = parsed
            .items
            .into_iter()
            .filter(|i| !seen.contains(key(&i.key, 0).as_str()))
            .collect();
        run.pending = AtomicUsize::new(fresh.len());
        let run = Arc::new(run);
        if fresh.is_empty() {
            return self.feed_done(&run, "0 new");
        }
        for item in fresh {
            let host = item.link.as_ref().map(host_key).unwrap_or_default();
            let job = PageJob {
                link: item.link.clone(),
                item: Some(item),
                run: Some(Arc::clone(&run)),
            };
            self.queue.push(host, Task::Page(job));
        }
    }

    fn feed_failed(&self, feed: &Feed, e: &Failure) {
        let at = crate::bookmark::rfc3339_utc(SystemTime::now());
        let mut why = e.to_string();
        match e {
            Failure::Gone => {
                why.push_str(": it will not be fetched again (`liseuse feed remove` drops it)")
            }
            Failure::Busy {
                retry_after: Some(d),
                ..
            } => why.push_str(&format!("; not fetched again before {} s", d.as_secs())),
            _ => {}
        }
        let saved = self.save_feed(&feed.url, |f| {
            f.last = Some(LastFetch {
                at: at.clone(),
                ok: false,
                result: e.to_string(),
                ..LastFetch::default()
            });
            match e {
                Failure::Gone => f.gone = Some(at.clone()),
                Failure::Busy {
                    retry_after: Some(d),
                    ..
                } => f.not_before = Some(now_secs() + d.as_secs()),
                _ => {}
            }
        });
        self.emit(FetchEvent::Failed {
            what: safe(feed.name()),
            why: safe(&why),
        });
        if let Err(why) = saved {
            self.emit(FetchEvent::Failed {
                what: String::from("feeds.json"),
                why: safe(&why),
            });
        }
        self.emit(FetchEvent::FeedDone {
            name: safe(feed.name()),
            new: 0,
            ok: false,
        });
        let mut t = self.tally();
        t.done += 1;
        t.summary.feeds_failed += 1;
        drop(t);
        self.progress();
    }

    pub(super) fn feed_done(&self, run: &Arc<FeedRun>, result: &str) {
        let retry = run
            .retry
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let current: Vec<String> = run
            .current
            .iter()
            .filter(|k| !retry.contains(*k))
            .cloned()
            .collect();
        // The articles' renames durable before their items are recorded as seen (when they
        // cannot be, the items are not recorded: the next update finds them in the library).
        let durable = self.library.sync().map_err(|why| {
            self.emit(FetchEvent::Failed {
                what: String::from("library"),
                why: safe(&why),
            })
        });
        let max_seen = self.client.limits().max_seen;
        let at = crate::bookmark::rfc3339_utc(SystemTime::now());
        let new = run.new.load(Ordering::Relaxed);
        let saved = self.save_feed(&run.url, |f| {
            if durable.is_err() {
                return;
            }
            if let Some(to) = &run.moved {
                f.url = to.clone();
            }
            if run.etag.is_some() || run.last_modified.is_some() {
                f.etag = run.etag.clone();
                f.last_modified = run.last_modified.clone();
            }
            if f.title.trim().is_empty() {
                f.title = run.name.clone();
            }
            f.items = run.total;
            if !current.is_empty() {
                let old: Vec<String> = f
                    .seen
                    .iter()
                    .filter(|k| !retry.contains(*k))
                    .cloned()
                    .collect();
                f.seen = merge_seen(&current, &old, max_seen);
            }
            f.not_before = None;
            f.last = Some(LastFetch {
                at: at.clone(),
                ok: true,
                result: result.to_string(),
                new,
                ..LastFetch::default()
            });
        });
        if let Err(why) = saved {
            self.emit(FetchEvent::Failed {
                what: String::from("feeds.json"),
                why: safe(&why),
            });
        }
        self.emit(FetchEvent::FeedDone {
            name: safe(&run.name),
            new,
            ok: true,
        });
        self.tally().done += 1;
        self.progress();
    }

    /// Changes the feed at `url` in `feeds.json` (a move to an address another subscription
    /// has already is not followed).
    fn save_feed(&self, url: &str, change: impl FnOnce(&mut Feed)) -> Result<(), String> {
        let mut store = self.feeds.lock().unwrap_or_else(PoisonError::into_inner);
        store.save(|feeds| {
            let others: HashSet<String> = feeds
                .iter()
                .filter(|f| f.url != url)
                .map(|f| f.url.clone())
                .collect();
            match feeds.iter_mut().find(|f| f.url == url) {
                Some(f) => {
                    let before = f.url.clone();
                    change(f);
                    if others.contains(&f.url) {
                        f.url = before;
                    }
                    (true, ())
                }
                None => (false, ()),
            }
        })
    }
}
