//! Bodies read back from the cache in the order a merge or a warm start asks for them, a frame
//! at a time, the next frame read and decompressed ahead on a thread of its own.
// A file can make any offset or length: no indexing that could panic on one (see issue 9).
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use super::frame::Packed;
use super::log::{self, BodyAt};
use super::record::{self, Body};
use std::fs::File;

/// Where one body asked for is.
pub(super) enum Spot {
    Missing,
    Pending(Packed),
    Written(BodyAt, (u32, u32)),
}

/// Bodies to read, found in the cache: read in order, one frame held at a time.
pub struct BodyReader {
    pub(super) file: Option<File>,
    pub(super) spots: Vec<Spot>,
}

impl BodyReader {
    /// The bodies, in the order they were asked for (`None` where there is none or it cannot
    /// be read), read as the iterator is: memory holds a frame or two, not every body. The
    /// frames are read and decompressed on a thread of their own, a frame ahead of the one
    /// decoded (zstd takes a third of the time a merge or a warm start spends reading bodies).
    pub fn bodies(self) -> impl Iterator<Item = Option<Body>> {
        let BodyReader { file, spots } = self;
        // The frames in the order they are needed, each time another one is.
        let mut order: Vec<BodyAt> = Vec::new();
        for spot in &spots {
            if let Spot::Written(at, _) = spot
                && order.last() != Some(at)
            {
                order.push(*at);
            }
        }
        let (tx, rx) = std::sync::mpsc::sync_channel::<Option<Vec<u8>>>(1);
        let unpacking = std::thread::Builder::new()
            .name("cache-frames".into())
            .spawn(move || {
                for at in order {
                    let bytes = file
                        .as_ref()
                        .and_then(|f| log::read_body(f, at))
                        .and_then(|packed| record::unpack(&packed));
                    if tx.send(bytes).is_err() {
                        return;
                    }
                }
            });
        // Without that thread no frame comes: those bodies are `None` (the caller merges).
        drop(unpacking);
        let mut frame: Option<(BodyAt, Option<Vec<u8>>)> = None;
        spots.into_iter().map(move |spot| match spot {
            Spot::Missing => None,
            Spot::Pending(b) => b.body(),
            Spot::Written(at, within) => {
                if frame.as_ref().is_none_or(|(f, _)| *f != at) {
                    // The thread sends one frame for each change of frame, in this order.
                    frame = Some((at, rx.recv().ok().flatten()));
                }
                let (_, bytes) = frame.as_ref()?;
                record::decode_body(bytes.as_ref()?, within)
            }
        })
    }
}
