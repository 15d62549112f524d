fn main() {
    let p = std::env::args().nth(1).unwrap();
    let t = std::fs::read_to_string(p).unwrap();
    for s in liseuse::entity::extract(&t) {
        println!("{:4} {:3} {}", s.label, s.confidence, &t[s.start..s.end]);
    }
}
