//! What the library's background work reports: an article read (or its beginning, for a long
//! one), the corpus index merged, a long analysis's progress, files changed under the watched
//! folders. The loader and the watcher send these through a [`Reporter`] to whatever listens
//! (the application turns each into an event of its own), and know nothing of the state they
//! feed.

use crate::IndexUpdate;
use liseuse_document::Document;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Sender;

/// One report of the library's background work.
#[derive(Debug)]
pub enum LibraryEvent {
    /// An article's text was read (or could not be), as asked by [`crate::loader::Loader::open`].
    Loaded {
        /// The article's index in the [`crate::Library`].
        index: usize,
        /// Its document, or why it cannot be read.
        result: Result<Arc<Document>, String>,
        /// When the file was last modified (seconds since 1970), if it says.
        modified: Option<i64>,
    },
    /// An article was checked against the cache, or read and analysed: what the list, the
    /// sidebar, `w` and `T` keep of it (its text is not kept).
    Described {
        /// The article's index in the [`crate::Library`].
        index: usize,
        /// What is kept of it (`error` set when it cannot be read).
        meta: Box<crate::cache::ArticleMeta>,
        /// The hash of the text its entities are found in.
        hash: String,
    },
    /// What a search across every article found so far.
    Hits(Box<crate::search_all::Answer>),
    /// The beginning of a long article, shown until `Loaded` brings the whole of it.
    Preview {
        /// The article's index in the [`crate::Library`].
        index: usize,
        /// Its beginning, marked as a preview ([`Document::preview`]).
        doc: Arc<Document>,
    },
    /// The corpus index merged again in the background.
    Indexed(Box<IndexUpdate>),
    /// Progress inside one long article's analysis: bytes done of its length.
    Analysing {
        /// The article's index in the [`crate::Library`].
        index: usize,
        /// Bytes analysed so far.
        done: u64,
        /// Bytes to analyse in all.
        of: u64,
    },
    /// Files under the watched folders changed: each path, and whether it is a regular file now.
    /// A path gone that was no article may have been a folder: what was under it is gone.
    FilesChanged(Vec<(PathBuf, bool)>),
    /// Folders walked again (named by an event, or all of them after events were lost): each
    /// folder and every article file under it now. The list takes it as the truth there.
    Rescanned(Vec<(PathBuf, Vec<PathBuf>)>),
    /// The cache could not give back what these articles (by index) were found to name: their
    /// records failed a checksum (a damaged file). Forgotten now; asked for again, they are
    /// read and analysed as new.
    CacheDamaged(Vec<usize>),
}

/// Where the loader and the watcher send their reports: a channel of any event a
/// [`LibraryEvent`] turns into (the application's own), so that they need not know it.
#[derive(Clone)]
pub struct Reporter(Arc<dyn Fn(LibraryEvent) -> Result<(), Gone> + Send + Sync>);

/// No one listens any more: the receiving end of the channel is gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gone;

impl Reporter {
    /// Reports onto `tx`, each event converted into the channel's own type.
    pub fn new<E: From<LibraryEvent> + Send + 'static>(tx: Sender<E>) -> Reporter {
        Reporter(Arc::new(move |event| {
            tx.send(E::from(event)).map_err(|_| Gone)
        }))
    }

    /// Sends `event`; `Err(Gone)` once no one listens.
    pub fn send(&self, event: LibraryEvent) -> Result<(), Gone> {
        (self.0)(event)
    }
}

impl std::fmt::Debug for Reporter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Reporter")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    /// An event of the listener's own, as the application has.
    #[derive(Debug, PartialEq)]
    enum Outer {
        Changed(usize),
        Other,
    }

    impl From<LibraryEvent> for Outer {
        fn from(e: LibraryEvent) -> Outer {
            match e {
                LibraryEvent::FilesChanged(paths) => Outer::Changed(paths.len()),
                _ => Outer::Other,
            }
        }
    }

    #[test]
    fn reports_arrive_converted_and_a_closed_channel_says_so() {
        let (tx, rx) = mpsc::channel::<Outer>();
        let reporter = Reporter::new(tx);
        let changed = vec![(PathBuf::from("a.txt"), true), (PathBuf::from("b"), false)];
        assert_eq!(reporter.send(LibraryEvent::FilesChanged(changed)), Ok(()));
        assert_eq!(rx.try_recv(), Ok(Outer::Changed(2)));
        drop(rx);
        assert_eq!(
            reporter.send(LibraryEvent::FilesChanged(Vec::new())),
            Err(Gone)
        );
    }
}
