fn main() {
    let t = std::env::args().nth(1).unwrap_or_default();
    let t = std::fs::read_to_string(&t).unwrap_or(t);
    let d = liseuse::entity::analyse(&t);
    for m in &d.mentions {
        println!(
            "{} {:?} -> {}",
            m.label,
            &t[m.start..m.end],
            d.entities[m.local as usize].name
        );
    }
}
