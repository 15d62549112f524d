//! An article's path as the article cache's map by path keys it: the 16 bytes of its 128-bit
//! hash, not the `String` (24 bytes in each of the map's slots and a heap block of the path's
//! length: at 100,000 articles, 8 MB of a warm start's peak; the app's list holds every path
//! already). Two paths of a library sharing a hash (odds of one in 10^29 at 100,000 articles)
//! would only make the second one's check ask for the first one's stamp, which its own file
//! does not have: it is read again.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct PathKey(u128);

impl PathKey {
    pub(crate) fn of(path: &str) -> PathKey {
        PathKey(xxhash_rust::xxh3::xxh3_128(path.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_keyed_by_sixteen_bytes_that_tell_paths_apart() {
        assert_eq!(std::mem::size_of::<PathKey>(), 16);
        assert_eq!(PathKey::of("/news/a.html"), PathKey::of("/news/a.html"));
        assert_ne!(PathKey::of("/news/a.html"), PathKey::of("/news/b.html"));
        assert_ne!(PathKey::of(""), PathKey::of("/"));
    }
}
