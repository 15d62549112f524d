use super::*;

/// Rows as plain lists, read back through every way in.
fn check(rows: &[Vec<u32>]) {
    let mut flat = Vec::new();
    let mut starts = vec![0u32];
    for r in rows {
        flat.extend_from_slice(r);
        starts.push(flat.len() as u32);
    }
    let places = Places::from_flat(&flat, starts.clone());
    let built = Places::build(starts.windows(2).map(|w| w[1] - w[0]), |put| {
        for (r, w) in starts.windows(2).enumerate() {
            for &g in &flat[w[0] as usize..w[1] as usize] {
                put(r, g);
            }
        }
    });
    // Built as given or from the flat rows: the same encoding.
    assert_eq!(
        (&built.bytes, &built.blocks, &built.row_starts),
        (&places.bytes, &places.blocks, &places.row_starts)
    );
    assert_eq!(places.len(), flat.len());
    for (r, want) in rows.iter().enumerate() {
        let row = places.row(r);
        assert_eq!(row.len(), want.len(), "row {r}");
        assert_eq!(row.iter().collect::<Vec<_>>(), *want, "row {r}");
        let by_get: Vec<u32> = (0..row.len()).filter_map(|k| row.get(k)).collect();
        assert_eq!(by_get, *want, "row {r} by get");
        assert_eq!(row.get(want.len()), None);
        for k in [0, 1, 5, 31, 32, 33, 63, 64, 100, want.len()] {
            let from = row.from(k);
            let rest = want.get(k..).unwrap_or(&[]);
            assert_eq!(from.iter().collect::<Vec<_>>(), rest, "row {r} from {k}");
            assert_eq!(from.get(0), rest.first().copied());
            // Every cut, through the blocks' heads and a walk in one.
            for cut in rest.iter().copied().step_by(7).chain([0, 1, u32::MAX]) {
                let want_k = rest.partition_point(|&g| g < cut);
                assert_eq!(
                    from.partition_point(|g| g < cut),
                    want_k,
                    "row {r} from {k} < {cut}"
                );
                let want_k = rest.partition_point(|&g| g <= cut);
                assert_eq!(from.partition_point(|g| g <= cut), want_k);
            }
        }
    }
    assert!(places.row(rows.len()).is_empty());
    assert_eq!(places.row(rows.len()).iter().count(), 0);
}

#[test]
fn rows_read_back_whatever_their_sizes_and_gaps() {
    // Empty rows between others, rows across a block's start, one-place rows.
    check(&[]);
    check(&[vec![], vec![], vec![]]);
    check(&[vec![7], vec![], vec![0, 1, 2], vec![], vec![u32::MAX]]);
    let row = |n: u32, step: u32, from: u32| (0..n).map(|i| from + i * step).collect::<Vec<_>>();
    check(&[
        row(31, 1, 0),
        row(3, 5, 2),
        row(40, 2, 1),
        vec![],
        row(70, 3, 9),
    ]);
    // Differences over a byte, over two bytes (u16), and near the top of u32.
    check(&[
        vec![
            0,
            200,
            70_000,
            70_001,
            5_000_000,
            300_000_000,
            u32::MAX - 1,
            u32::MAX,
        ],
        row(50, 65_537, 3),
    ]);
    // One huge row, then rows that start mid-block.
    let mut rows = vec![row(10_000, 3, 5)];
    rows.extend((0..40).map(|i| row(i % 7, 1 + i, i * 11)));
    check(&rows);
}

#[test]
fn the_encoding_is_smaller_than_four_bytes_a_place_for_close_places() {
    let flat: Vec<u32> = (0..10_000).map(|i| i * 3).collect();
    let places = Places::from_flat(&flat, vec![0, 10_000]);
    assert!(
        places.heap_bytes() < 10_000 * 4 / 3,
        "{}",
        places.heap_bytes()
    );
}

#[test]
fn rows_given_interleaved_are_built_as_given_in_order() {
    // Two rows whose places come in corpus order, one of each in turn.
    let places = Places::build([3, 2], |put| {
        for (r, g) in [(0, 1), (1, 2), (0, 3), (1, 900), (0, 100_000)] {
            put(r, g);
        }
        // Past a row's count: left out.
        put(1, 901);
    });
    assert_eq!(places.row(0).iter().collect::<Vec<_>>(), [1, 3, 100_000]);
    assert_eq!(places.row(1).iter().collect::<Vec<_>>(), [2, 900]);
}
