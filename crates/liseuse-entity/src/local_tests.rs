use super::*;

#[test]
fn counts_are_written_as_format_writes_them() {
    for n in [
        0,
        1,
        9,
        10,
        99,
        100,
        4_096,
        65_535,
        1_000_000,
        u32::MAX - 1,
        u32::MAX,
    ] {
        let mut s = String::from("x");
        push_decimal(&mut s, n);
        assert_eq!(s, format!("x{n}"));
    }
}

#[test]
fn a_part_found_from_the_end_is_the_part_found_from_the_start() {
    for packed in [
        "",
        "\u{1f}",
        "a\u{1f}",
        "a",
        "a\u{1f}b",
        "a\u{1f}b\u{1f}",
        "a\u{1f}\u{1f}c\u{1f}",
        "Élysée\u{1f}loc:fr\u{1f}3,1\u{1f}",
    ] {
        let e = LocalEntity {
            label: Label::Loc,
            packed: packed.into(),
            variants: 1,
            keys: 1,
            person: HAS_COUNTS,
        };
        for i in 0..6 {
            assert_eq!(e.part_from_end(i), e.parts().nth(i), "{packed:?} {i}");
        }
    }
}

#[test]
fn every_part_reads_back() {
    let e = LocalEntity::new(
        Label::Per,
        &["Emmanuel Macron", "Macron"],
        &["per:emmanuel macron"],
        Some("macron"),
        Some("emmanuel"),
    );
    assert_eq!(
        e.variants().collect::<Vec<_>>(),
        ["Emmanuel Macron", "Macron"]
    );
    assert_eq!(e.keys().collect::<Vec<_>>(), ["per:emmanuel macron"]);
    assert_eq!((e.surname(), e.given()), (Some("macron"), Some("emmanuel")));
    assert_eq!(e.counts().collect::<Vec<_>>(), [1, 1]);
    assert!(std::mem::size_of::<LocalEntity>() <= 24);
    let c = LocalEntity::counted(
        Label::Org,
        &["Hamas", "HAMAS"],
        &[14, 2],
        &["org:hamas"],
        None,
        None,
    );
    assert_eq!(c.variants().collect::<Vec<_>>(), ["Hamas", "HAMAS"]);
    assert_eq!(c.keys().collect::<Vec<_>>(), ["org:hamas"]);
    assert_eq!(c.counts().collect::<Vec<_>>(), [14, 2]);
    assert_eq!((c.surname(), c.given()), (None, None));
    let p = LocalEntity::counted(
        Label::Per,
        &["Ali Khamenei", "Khamenei"],
        &[4, 8],
        &[],
        Some("khamenei"),
        Some("ali"),
    );
    assert_eq!((p.surname(), p.given()), (Some("khamenei"), Some("ali")));
    assert_eq!(p.counts().collect::<Vec<_>>(), [4, 8]);
    assert_eq!(std::mem::size_of::<DocMention>(), 12);
}

#[test]
fn a_mention_comes_back_from_its_level() {
    for confidence in 0..=100 {
        for label in Label::ALL {
            let m = DocMention::new(3, 9, label, confidence, 41);
            assert!(m.level() <= 31);
            assert_eq!(DocMention::with_level(3, 9, label, m.level(), 41), Some(m));
        }
    }
    assert_eq!(DocMention::with_level(0, 1, Label::Per, 32, 0), None);
    assert_eq!(DocMention::with_level(0, 1, Label::Per, 0, 1 << 25), None);
}

#[test]
fn missing_parts_and_empty_strings_stay_apart() {
    let e = LocalEntity::new(Label::Per, &["", "Dupont"], &[], None, Some("j"));
    assert_eq!(e.variants().collect::<Vec<_>>(), ["", "Dupont"]);
    assert_eq!(e.keys().count(), 0);
    assert_eq!((e.surname(), e.given()), (None, Some("j")));
    let none = LocalEntity::new::<&str>(Label::Org, &[], &[], None, None);
    assert_eq!(none.variants().count(), 0);
    assert_eq!(none.keys().count(), 0);
    let odd = LocalEntity::new(Label::Loc, &["a\u{1f}b"], &["loc:x"], None, None);
    assert_eq!(odd.variants().collect::<Vec<_>>(), ["a b"]);
    assert_eq!(odd.keys().collect::<Vec<_>>(), ["loc:x"]);
}

#[test]
fn parts_split_by_bytes_as_str_split_splits_them_either_way() {
    let texts = [
        "",
        "\u{1f}",
        "a",
        "a\u{1f}",
        "\u{1f}a",
        "a\u{1f}\u{1f}b",
        "Élysée\u{1f}per:macron\u{1f}3,1,",
        "« cgt »\u{1f}\u{1f}org:cgt\u{1f}日本\u{1f}",
        ",1,,2",
    ];
    for t in texts {
        for sep in ['\u{1f}', ','] {
            let ours: Vec<&str> = Split::new(t, sep as u8).collect();
            assert_eq!(ours, t.split(sep).collect::<Vec<_>>(), "{t:?} by {sep:?}");
            let back: Vec<&str> = Split::new(t, sep as u8).backward().collect();
            assert_eq!(back, t.rsplit(sep).collect::<Vec<_>>(), "{t:?} by {sep:?}");
        }
    }
    assert_eq!(Split::empty().count(), 0);
}
