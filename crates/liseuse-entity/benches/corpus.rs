//! A deterministic generator of realistic French news articles, shared by the benchmarks and
//! `examples/gen_corpus.rs`.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

/// A small linear congruential generator: the same corpus on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() as usize) % xs.len()]
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() as usize) % (hi - lo + 1)
    }
}

const GIVEN: &[&str] = &[
    "Jean",
    "Marie",
    "Pierre",
    "Sophie",
    "Ahmed",
    "Fatima",
    "Luc",
    "Claire",
    "Karim",
    "Anne",
    "Paul",
    "Julie",
    "Hassan",
    "Nadia",
    "Marc",
    "Isabelle",
    "Olivier",
    "Léa",
    "Youssef",
    "Camille",
    "François",
    "Hélène",
    "Thomas",
    "Inès",
    "Nicolas",
    "Élodie",
    "Mohammed",
    "Chloé",
    "Antoine",
    "Amina",
];
const SURNAMES: &[&str] = &[
    "Martin",
    "Bernard",
    "Dubois",
    "Lefèvre",
    "Moreau",
    "Benali",
    "Girard",
    "Rousseau",
    "Mercier",
    "Haddad",
    "Fontaine",
    "Chevalier",
    "Mansouri",
    "Garnier",
    "Lambert",
    "Faure",
    "Rahmani",
    "Bonnet",
    "Perrin",
    "Morel",
    "Guérin",
    "Boucher",
    "Roux",
    "Nasser",
    "Leclerc",
    "Gauthier",
    "Barbier",
    "Aubert",
    "Khalil",
    "Renaud",
];
const PLACES: &[&str] = &[
    "Paris",
    "Lyon",
    "Marseille",
    "Toulouse",
    "Bordeaux",
    "Lille",
    "Nantes",
    "Strasbourg",
    "Bruxelles",
    "Genève",
    "Montréal",
    "Alger",
    "Tunis",
    "Dakar",
    "Madrid",
    "Berlin",
    "Rome",
    "Londres",
    "Washington",
    "Pékin",
    "Moscou",
    "Le Caire",
    "Beyrouth",
    "Bamako",
    "Abidjan",
];
const ORGS: &[&str] = &[
    "l’Agence France-Presse",
    "le ministère de l’Intérieur",
    "la Commission européenne",
    "le Parti socialiste",
    "l’Organisation mondiale de la santé",
    "la Banque de France",
    "le Conseil constitutionnel",
    "l’Assemblée nationale",
    "la CGT",
    "l’ONU",
    "Reuters",
    "le Fonds monétaire international",
    "Médecins sans frontières",
    "la SNCF",
];
const ROLES: &[&str] = &[
    "le ministre",
    "la ministre",
    "le président",
    "la présidente",
    "le porte-parole",
    "la directrice",
    "le maire",
    "le député",
    "la sénatrice",
    "le général",
];
const VERBS: &[&str] = &[
    "a déclaré",
    "a affirmé",
    "a annoncé",
    "a rappelé",
    "a estimé",
    "a souligné",
    "a dénoncé",
    "a précisé",
    "a indiqué",
    "a regretté",
];
const CLAUSES: &[&str] = &[
    "que la situation restait préoccupante",
    "que les négociations reprendraient dans les prochains jours",
    "que le gouvernement prendrait ses responsabilités",
    "qu’aucune décision n’avait encore été prise",
    "que le budget serait examiné avant la fin de l’année",
    "que les habitants attendaient des réponses concrètes",
    "que la réforme ne serait pas retirée",
    "que l’enquête se poursuivait",
    "que les conditions de sécurité s’étaient dégradées",
    "que le dialogue restait la seule voie possible",
];
const MONTHS: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const DAYS: &[&str] = &[
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

fn person(r: &mut Rng) -> String {
    format!("{} {}", r.pick(GIVEN), r.pick(SURNAMES))
}

fn sentence(r: &mut Rng, out: &mut String, cast: &[String]) {
    let who = &cast[r.range(0, cast.len() - 1)];
    match r.range(0, 4) {
        0 => {
            let _ = write!(
                out,
                "{} {who} {} {}.",
                cap(r.pick(ROLES)),
                r.pick(VERBS),
                r.pick(CLAUSES)
            );
        }
        1 => {
            let surname = who.rsplit(' ').next().unwrap_or(who);
            let _ = write!(
                out,
                "Selon {}, {surname} {} à {} {} « {} ».",
                r.pick(ORGS),
                r.pick(VERBS),
                r.pick(PLACES),
                r.pick(DAYS),
                r.pick(CLAUSES)
            );
        }
        2 => {
            let _ = write!(
                out,
                "Le {} {}, {} s’est rendu à {} pour rencontrer des représentants de {}.",
                r.range(1, 28),
                r.pick(MONTHS),
                who,
                r.pick(PLACES),
                r.pick(ORGS)
            );
        }
        3 => {
            let _ = write!(
                out,
                "Interrogé par {}, {who} {} {} et {}.",
                r.pick(ORGS),
                r.pick(VERBS),
                r.pick(CLAUSES),
                r.pick(CLAUSES)
            );
        }
        _ => {
            let _ = write!(
                out,
                "À {}, les discussions entre {} et {} {} {}.",
                r.pick(PLACES),
                r.pick(ORGS),
                r.pick(ORGS),
                r.pick(VERBS),
                r.pick(CLAUSES)
            );
        }
    }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

fn article(r: &mut Rng, paragraphs: usize) -> String {
    let cast: Vec<String> = (0..4).map(|_| person(r)).collect();
    let mut s = format!(
        "{} : {} {} à {}\n",
        r.pick(PLACES),
        cast[0],
        r.pick(VERBS),
        r.pick(PLACES)
    );
    for _ in 0..paragraphs {
        for k in 0..r.range(3, 5) {
            if k > 0 {
                s.push(' ');
            }
            sentence(r, &mut s, &cast);
        }
        s.push('\n');
    }
    s.push_str("Source: Agence\n");
    s
}

/// Writes `n` articles into `dir` (nested folders of 100) and returns their total size.
pub fn write_library(dir: &Path, n: usize) -> std::io::Result<usize> {
    let mut r = Rng(2023);
    let mut bytes = 0;
    for i in 0..n {
        let folder = dir
            .join(format!("{:03}", i / 100))
            .join(format!("{:02}", (i / 10) % 10));
        std::fs::create_dir_all(&folder)?;
        let text = article(&mut r, 12);
        bytes += text.len();
        std::fs::write(folder.join(format!("article-{i:05}.txt")), text)?;
    }
    Ok(bytes)
}

/// `n` articles in memory.
pub fn articles(n: usize) -> Vec<String> {
    let mut r = Rng(2023);
    (0..n).map(|_| article(&mut r, 12)).collect()
}

/// One article of about `mb` megabytes, one sentence a paragraph.
pub fn long_article(mb: usize) -> String {
    let mut r = Rng(77);
    let mut long = String::with_capacity(mb << 20);
    long.push_str("Le très long rapport\n");
    let cast: Vec<String> = (0..12).map(|_| person(&mut r)).collect();
    while long.len() < mb << 20 {
        sentence(&mut r, &mut long, &cast);
        long.push('\n');
    }
    long
}
