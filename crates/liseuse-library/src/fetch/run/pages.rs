//! A page's part of a run: fetched and kept, or the item's own text from its feed kept
//! instead, or one line saying why not.

use super::*;

impl Shared {
    pub(super) fn run_page(&self, job: PageJob) {
        let folder = job
            .run
            .as_ref()
            .map_or(PAGES_FOLDER, |r| r.folder.as_str())
            .to_string();
        let origin = Origin {
            feed: job.run.as_ref().map(|r| (r.url.as_str(), r.name.as_str())),
            item: job.item.as_ref(),
        };
        let stored = self.fetch_page(&job, origin, &folder);
        if let Some(run) = &job.run {
            if stored {
                run.new.fetch_add(1, Ordering::Relaxed);
            }
            if run.pending.fetch_sub(1, Ordering::AcqRel) == 1 && !self.cancelled() {
                let n = run.new.load(Ordering::Relaxed);
                self.feed_done(run, &format!("{n} new"));
            }
        } else {
            self.tally().done += 1;
            self.progress();
        }
    }

    /// Fetches and keeps one page (or the item's own text); true when an article was stored.
    fn fetch_page(&self, job: &PageJob, origin: Origin<'_>, folder: &str) -> bool {
        let direct = job.item.is_none();
        if let Ok(url) = &job.link
            && let Some((path, _)) = self.library.find(url.as_str())
        {
            if direct {
                self.emit(FetchEvent::Already {
                    path,
                    url: safe(url.as_str()),
                });
            }
            return false;
        }
        let fetched = job.link.clone().and_then(|url| {
            let reply = self
                .client
                .get(&url, Want::Page, (None, None), &self.cancel)?;
            let read = page::read(&reply)?;
            Ok((url, reply, read))
        });
        let content = job.item.as_ref().and_then(|i| i.content.as_deref());
        let what = match &job.link {
            Ok(u) => u.to_string(),
            Err(_) => job
                .item
                .as_ref()
                .and_then(|i| i.title.clone())
                .unwrap_or_else(|| String::from("an item")),
        };
        let article = match (fetched, job.item.as_ref(), content) {
            (Ok((url, reply, read)), item, content)
                if read.article || content.is_none() || item.is_none() =>
            {
                page::page_article(reply, &read, &url, origin, folder)
            }
            (Ok(_), Some(item), Some(text)) => {
                page::feed_article(item, text, "the page held no article", origin, folder)
            }
            (Err(Failure::Cancelled), ..) => return false,
            (Err(e), Some(item), Some(text)) => {
                self.emit(FetchEvent::Failed {
                    what: safe(&what),
                    why: safe(&format!("{e}; the feed's text is kept instead")),
                });
                let why = format!("the page could not be fetched: {e}");
                page::feed_article(item, text, &why, origin, folder)
            }
            (Err(e), item, _) => {
                self.page_failed(job, item, &what, &e.to_string(), e.is_transient());
                return false;
            }
            (Ok(_), ..) => return false,
        };
        let title = article.meta.title.clone();
        let from_feed = article.meta.from_feed.is_some();
        match self.library.put(article) {
            Ok(Put::Stored(path)) => {
                self.tally().summary.new += 1;
                self.emit(FetchEvent::Stored {
                    path,
                    url: safe(&what),
                    title: safe(&title),
                    feed: origin.feed.map(|f| safe(f.1)),
                    from_feed,
                });
                true
            }
            Ok(Put::Already(path)) => {
                if direct {
                    self.emit(FetchEvent::Already {
                        path,
                        url: safe(&what),
                    });
                }
                false
            }
            Err(why) => {
                self.page_failed(job, job.item.as_ref(), &what, &why, true);
                false
            }
        }
    }

    fn page_failed(&self, job: &PageJob, item: Option<&Item>, what: &str, why: &str, again: bool) {
        self.emit(FetchEvent::Failed {
            what: safe(what),
            why: safe(why),
        });
        match (&job.run, item) {
            (Some(run), Some(item)) if again => {
                run.retry
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(key(&item.key, 0));
            }
            (None, _) => self.tally().summary.pages_failed += 1,
            _ => {}
        }
    }
}
