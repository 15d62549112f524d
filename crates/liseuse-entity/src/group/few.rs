//! A short list held in place while it has one item: most groups of a document have one key and one form, and
//! a vector for each was two small allocations a group (freed with the document, in bulk).
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use std::ops::{Deref, DerefMut};

/// A list read as a slice: none, one item in place, or a vector from the second on.
#[derive(Clone, Debug, Default)]
pub(crate) enum Few<T> {
    #[default]
    Empty,
    One(T),
    Many(Vec<T>),
}

impl<T> Few<T> {
    pub fn push(&mut self, x: T) {
        *self = match std::mem::take(self) {
            Few::Empty => Few::One(x),
            Few::One(a) => Few::Many(vec![a, x]),
            Few::Many(mut v) => {
                v.push(x);
                Few::Many(v)
            }
        };
    }
}

impl<T> Deref for Few<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        match self {
            Few::Empty => &[],
            Few::One(a) => std::slice::from_ref(a),
            Few::Many(v) => v,
        }
    }
}

impl<T> DerefMut for Few<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        match self {
            Few::Empty => &mut [],
            Few::One(a) => std::slice::from_mut(a),
            Few::Many(v) => v,
        }
    }
}

impl<T> IntoIterator for Few<T> {
    type Item = T;
    type IntoIter = std::iter::Chain<std::option::IntoIter<T>, std::vec::IntoIter<T>>;
    fn into_iter(self) -> Self::IntoIter {
        match self {
            Few::Empty => None.into_iter().chain(Vec::new()),
            Few::One(a) => Some(a).into_iter().chain(Vec::new()),
            Few::Many(v) => None.into_iter().chain(v),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_as_the_vector_it_stands_for() {
        let mut f: Few<u32> = Few::default();
        let mut v: Vec<u32> = Vec::new();
        assert_eq!(&*f, &v[..]);
        for x in [3, 1, 4, 1, 5] {
            f.push(x);
            v.push(x);
            assert_eq!(&*f, &v[..]);
        }
        if let Some(x) = f.get_mut(1) {
            *x = 9;
        }
        v[1] = 9;
        assert_eq!(f.into_iter().collect::<Vec<_>>(), v);
        let mut one = Few::default();
        one.push("a");
        assert_eq!(one.into_iter().collect::<Vec<_>>(), ["a"]);
    }
}
