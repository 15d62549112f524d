//! Unit tests of the data directory choice and the versioned-file reader. The behaviour of the
//! stores across processes and faults is in `tests/bookmark_store`.

use std::path::{Path, PathBuf};

use super::file::{Loaded, load};
use super::*;

#[test]
fn store_data_dir_prefers_cli_then_env_then_platform() {
    let platform = || Some(PathBuf::from("/platform"));
    let got = choose_data_dir(Some(Path::new("/cli")), Some("/env".into()), platform);
    assert_eq!(got.ok(), Some(PathBuf::from("/cli")));
    let got = choose_data_dir(None, Some("/env".into()), platform);
    assert_eq!(got.ok(), Some(PathBuf::from("/env")));
    let got = choose_data_dir(None, Some("".into()), platform);
    assert_eq!(got.ok(), Some(PathBuf::from("/platform")));
    let got = choose_data_dir(None, None, || None);
    assert!(matches!(got, Err(StoreError::NoDataDir)));
}

#[test]
fn store_data_dir_creates_the_cli_dir() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let want = tmp.path().join("a/b");
    assert_eq!(data_dir(Some(&want)).ok(), Some(want.clone()));
    assert!(want.is_dir());
}

#[test]
fn store_load_reasons_are_one_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let p = tmp.path().join("x.json");
    let cases: [(&[u8], &str); 6] = [
        (b"{\"schema\":1,\"bookm", "truncated"),
        (b"{\"schema\":1}}", "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"{\"schema\":99}", "newer liseuse (schema 99"),
        (b"[1,2]", "no schema"),
        (b"", "truncated"),
    ];
    for (bytes, want) in cases {
        std::fs::write(&p, bytes).expect("write");
        match load::<serde_json::Value>(&p) {
            Loaded::Refused { reason, .. } => {
                assert!(reason.contains(want), "{reason:?} lacks {want:?}");
                assert!(!reason.contains('\n'), "{reason:?}");
            }
            _ => panic!("{bytes:?} accepted"),
        }
    }
}
