//! The saved index's tests: written and read back, rebuilt without a merge, refused when damaged.
use super::*;

fn docs() -> Vec<DocEntities> {
    [
        "Le président Emmanuel Macron à Paris. Macron a parlé.",
        "Macron a parlé à Lyon le 3 mai 2024 avec Olaf Scholz.",
        "",
        "Olaf Scholz et le Hamas à Berlin. Scholz est parti.",
    ]
    .iter()
    .map(|t| liseuse_entity::analyse(t))
    .collect()
}

#[test]
fn an_index_is_rebuilt_from_its_articles_without_a_merge() {
    let docs = docs();
    let index = EntityIndex::build(&docs);
    let hashes: Vec<String> = (0..docs.len()).map(|i| i.to_string()).collect();
    let saved = SavedIndex::of(&index, &docs, hashes);
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(load(dir.path()), None);
    save(dir.path(), &saved).unwrap();
    let back = load(dir.path()).unwrap();
    // The maps are left as written until the rebuild.
    assert!(back.maps.is_empty() && back.unread.is_some());
    assert_eq!(
        (&back.hashes, &back.entities),
        (&saved.hashes, &saved.entities)
    );
    assert_eq!(back.clone().with_maps(), Some(saved.clone()));
    let counts = back.counts_only();
    assert_eq!(counts.entities(), index.entities());
    assert_eq!(counts.doc_count(), docs.len());
    let rebuilt = rebuild(back.clone(), docs.iter().map(Some)).unwrap();
    assert_eq!(rebuilt.entities(), index.entities());
    for d in 0..docs.len() {
        assert_eq!(rebuilt.doc_mentions(d), index.doc_mentions(d), "doc {d}");
    }
    for e in index.entities() {
        assert_eq!(rebuilt.occurrences(e.id), index.occurrences(e.id));
    }
    // An article missing or not the one saved: no index, the caller merges.
    let mut missing: Vec<Option<&DocEntities>> = docs.iter().map(Some).collect();
    missing[1] = None;
    assert!(rebuild(back.clone(), missing).is_none());
    assert!(rebuild(back.clone(), docs.iter().take(2).map(Some)).is_none());
    // Maps that cannot be read (the file's checksum holds them whole: made by hand here).
    let mut short = back.clone();
    short.unread = short.unread.map(|b| b[..b.len() / 2].into());
    assert!(rebuild(short, docs.iter().map(Some)).is_none());
}

#[test]
fn the_streamed_merge_saves_what_the_whole_one_does() {
    let docs = docs();
    let index = EntityIndex::build(&docs);
    let hashes: Vec<String> = (0..docs.len()).map(|i| i.to_string()).collect();
    let streamed =
        liseuse_entity::build_streamed(&mut liseuse_entity::InMemory(&docs), true).unwrap();
    let ids = streamed.local_ids.unwrap();
    assert!(ids.ids.iter().any(|&i| i != u32::MAX));
    assert_eq!(
        SavedIndex::with_ids(&streamed.index, ids, hashes.clone()),
        SavedIndex::of(&index, &docs, hashes)
    );
}

#[test]
fn the_maps_are_read_back_at_their_exact_size() {
    let docs = docs();
    let index = EntityIndex::build(&docs);
    let hashes: Vec<String> = (0..docs.len()).map(|i| i.to_string()).collect();
    let mut saved = SavedIndex::of(&index, &docs, hashes);
    // Enough for serde's own reservation (1 MB at most) to be outgrown.
    saved.maps.resize(300_000, 7);
    let back: SavedIndex = postcard::from_bytes(&postcard::to_stdvec(&saved).unwrap()).unwrap();
    assert_eq!(back.maps, saved.maps);
    assert_eq!(back.maps.capacity(), 300_000);
    // And as a warm start reads them: after the counts, by the rebuild.
    let dir = tempfile::tempdir().unwrap();
    save(dir.path(), &saved).unwrap();
    let back = load(dir.path()).and_then(SavedIndex::with_maps).unwrap();
    assert_eq!(back, saved);
    assert_eq!(back.maps.capacity(), 300_000);
}

#[test]
fn a_damaged_or_other_engine_index_is_ignored() {
    let docs = docs();
    let index = EntityIndex::build(&docs);
    let saved = SavedIndex::of(&index, &docs, vec![String::new(); docs.len()]);
    let dir = tempfile::tempdir().unwrap();
    save(dir.path(), &saved).unwrap();
    let path = dir.path().join(file_name());
    let good = std::fs::read(&path).unwrap();
    let mut bad = good.clone();
    let last = bad.len() - 1;
    bad[last] ^= 1;
    std::fs::write(&path, &bad).unwrap();
    assert_eq!(load(dir.path()), None);
    std::fs::write(&path, &good[..good.len() / 2]).unwrap();
    assert_eq!(load(dir.path()), None);
    let mut other = good.clone();
    other[8..12].copy_from_slice(&(ENGINE_VERSION + 1).to_le_bytes());
    std::fs::write(&path, &other).unwrap();
    assert_eq!(load(dir.path()), None);
    std::fs::write(&path, &good).unwrap();
    assert!(load(dir.path()).is_some());
}

/// The entities are packed in memory, not on disk: a saved index is written as it was
/// when every entity had a `String` a field (`EntityBuild`), and read back the same.
#[test]
fn entities_are_saved_as_they_were_before_they_were_packed() {
    let docs = docs();
    let index = EntityIndex::build(&docs);
    let packed = postcard::to_stdvec(index.entities()).unwrap();
    let fields: Vec<liseuse_entity::EntityBuild> =
        index.entities().iter().map(Entity::to_build).collect();
    assert!(fields.iter().any(|e| e.variants.len() > 1), "{fields:?}");
    assert_eq!(packed, postcard::to_stdvec(&fields).unwrap());
    let back: Vec<Entity> = postcard::from_bytes(&packed).unwrap();
    assert_eq!(back.as_slice(), index.entities());
}

/// Written as it is encoded, the file is what one payload in memory made: the header, the
/// payload's hash, the payload.
#[test]
fn the_file_is_its_header_hash_and_payload() {
    let docs = docs();
    let index = EntityIndex::build(&docs);
    let hashes: Vec<String> = (0..docs.len()).map(|i| i.to_string()).collect();
    let saved = SavedIndex::of(&index, &docs, hashes);
    let dir = tempfile::tempdir().unwrap();
    save(dir.path(), &saved).unwrap();
    let payload = postcard::to_stdvec(&saved).unwrap();
    let mut want = MAGIC.to_vec();
    want.extend_from_slice(&ENGINE_VERSION.to_le_bytes());
    want.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&payload).to_le_bytes());
    want.extend_from_slice(&payload);
    assert_eq!(std::fs::read(dir.path().join(file_name())).unwrap(), want);
}
