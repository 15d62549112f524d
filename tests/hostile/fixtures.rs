//! The hostile corpus: files built to break a terminal reader, each with what must happen.
//!
//! The small cases are also committed under `tests/fixtures/hostile/` (so they can be looked at
//! with `cat -v` and opened by hand); `committed_fixtures_match_the_generator` keeps the two the
//! same, and `LISEUSE_WRITE_FIXTURES=1 cargo test --test hostile committed` rewrites them. The
//! big cases (20 MB, a million lines) are only ever generated, into temp dirs.

use std::path::Path;

/// What liseuse must make of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// Opened as an article whose on-screen text shows each of these strings (placeholders for
    /// the controls, decoded text for the BOM cases).
    Shows(&'static [&'static str]),
    /// Opened, with no paragraph to show: the title falls back to the file name.
    NoText,
    /// Refused as binary, with a one-line reason.
    Binary,
}

pub struct Case {
    pub name: &'static str,
    pub bytes: Vec<u8>,
    pub expect: Expect,
    /// Too big to commit: generated into temp dirs only.
    pub big: bool,
}

fn case(name: &'static str, bytes: impl Into<Vec<u8>>, expect: Expect) -> Case {
    Case {
        name,
        bytes: bytes.into(),
        expect,
        big: false,
    }
}

/// Ordinary prose around the traps, so that a file is mostly text (a file where control bytes
/// are common is refused as binary, by design).
const PROSE: &str = "Le conseil municipal s'est réuni mardi soir pour examiner le budget de \
    l'année prochaine. Les débats ont porté sur la rénovation des écoles, l'entretien des routes \
    et le financement des associations sportives. Plusieurs élus ont demandé un calendrier plus \
    précis pour les travaux annoncés. La séance s'est terminée tard dans la nuit, sans vote.";

/// An article around `body`: a plain headline (so the file list never shows the payload), the
/// trap in the second paragraph, then ordinary prose.
fn article(title: &str, body: &str) -> Vec<u8> {
    format!("{title}\nAvant le piège. {body} Après le piège.\n{PROSE}\nFin de l'article.\n")
        .into_bytes()
}

fn utf16(bom_le: bool, s: &str) -> Vec<u8> {
    let mut out = if bom_le {
        vec![0xff, 0xfe]
    } else {
        vec![0xfe, 0xff]
    };
    for u in s.encode_utf16() {
        out.extend(if bom_le {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    out
}

/// Every case, small ones first.
pub fn cases() -> Vec<Case> {
    use Expect::*;
    let c1: String = (0x80u32..=0x9f).filter_map(char::from_u32).collect();
    let c0: String = (0u8..0x20)
        .filter(|b| !matches!(b, b'\t' | b'\n' | b'\r'))
        .map(char::from)
        .chain(['\u{7f}'])
        .collect();
    let zalgo: String = std::iter::once('Z')
        .chain((0..400).map(|i| char::from_u32(0x300 + (i % 0x70)).unwrap_or('\u{301}')))
        .collect();
    let mut v = vec![
        case(
            "csi_cursor_and_clear.txt",
            article(
                "Titre CSI",
                "\x1b[2J\x1b[H\x1b[7777;7777Hpwned-csi\x1b[31;5;7mpwned-sgr\x1b[0m \
                 \x1b[?1049l\x1b[?25h\x1b[3J\x1b[1;999r\x1bc\x1b7\x1b8 fin",
            ),
            Shows(&["␛[7777;7777Hpwned-csi", "␛[?1049l", "␛c"]),
        ),
        case(
            "osc_title.txt",
            article(
                "Titre OSC",
                "\x1b]0;pwned-title\x07 \x1b]2;pwned-title2\x1b\\ \x1b]1;pwned-icon\x07",
            ),
            Shows(&["␛]0;pwned-title␇", "␛]2;pwned-title2␛\\"]),
        ),
        case(
            "osc52_clipboard.txt",
            article(
                "Titre presse-papiers",
                "\x1b]52;c;cHduZWQtY2xpcGJvYXJk\x07 \x1b]52;p;?\x07",
            ),
            Shows(&["␛]52;c;cHduZWQtY2xpcGJvYXJk␇"]),
        ),
        case(
            "osc8_hyperlink.txt",
            article(
                "Titre lien",
                "\x1b]8;;https://pwned.example/\x1b\\cliquez ici\x1b]8;;\x1b\\",
            ),
            Shows(&["␛]8;;https://pwned.example/␛\\cliquez"]),
        ),
        case(
            "dcs_apc_pm_sos.txt",
            article(
                "Titre DCS",
                "\x1bP+q544e\x1b\\ \x1bPpwned-dcs\x1b\\ \x1b_Gpwned-apc\x1b\\ \
                 \x1b^pwned-pm\x1b\\ \x1bXpwned-sos\x1b\\",
            ),
            Shows(&["␛Ppwned-dcs", "␛_Gpwned-apc", "␛^pwned-pm", "␛Xpwned-sos"]),
        ),
        case(
            "bracketed_paste_end.txt",
            article("Titre collage", "\x1b[201~pwned-paste\x1b[200~"),
            Shows(&["␛[201~pwned-paste"]),
        ),
        case(
            "c0_controls.txt",
            article("Titre C0", &format!("[{c0}] pwned-c0")),
            Shows(&["␀␁␂␃␄␅␆␇␈", "␛␜␝␞␟␡"]),
        ),
        case(
            "c1_controls_utf8.txt",
            article(
                "Titre C1",
                &format!("\u{9b}2J\u{9b}7777;7777Hpwned-c1 \u{9d}0;pwned-c1-title\u{9c} [{c1}]"),
            ),
            Shows(&["�2J�7777;7777Hpwned-c1", "�0;pwned-c1-title�"]),
        ),
        case(
            "cp1252_undefined_bytes.txt",
            b"Titre Windows\nUn caf\xe9 \x93chaud\x94 \x81\x8d\x8f\x90\x9d pwned-1252.\n".to_vec(),
            Shows(&["café “chaud”", "�����"]),
        ),
        case(
            "bidi_controls.txt",
            article(
                "Titre bidi",
                "admin\u{202E}nimda\u{202C} \u{202A}a\u{202B}b\u{202D}c \
                 \u{2066}d\u{2067}e\u{2068}f\u{2069} \u{200E}\u{200F}\u{061C}",
            ),
            Shows(&[
                "admin‹RLO›nimda‹PDF›",
                "‹LRE›a‹RLE›b‹LRO›c",
                "‹LRI›d‹RLI›e‹FSI›f‹PDI›",
            ]),
        ),
        case(
            "zero_width_and_combining.txt",
            article(
                "Titre marques",
                &format!(
                    "zéro\u{200b}largeur mot\u{2060}joint \u{feff}bom-au-milieu \
                     e\u{301}\u{302}\u{303} {zalgo} \u{34f}\u{180e} tag\u{e0001}\u{e0041} \
                     \u{fffe}\u{ffff}\u{e000} fin"
                ),
            ),
            Shows(&["Z\u{300}\u{301}", "fin"]),
        ),
        case(
            "emoji_zwj_and_cjk.txt",
            article(
                "Titre larges",
                &"👩‍👩‍👧‍👦 🏳️‍🌈 🧑🏽‍🚀 日本語の文章です。한국어 문장 ＡＢＣ１２３ 漢字かな交じり "
                    .repeat(20),
            ),
            // Joiners dropped, so every terminal agrees on the width.
            Shows(&["日本語の文章です。", "👩👩👧👦", "🏳🌈", "🧑🚀"]),
        ),
        case(
            "tabs.txt",
            "Titre tabulé\n\tindenté\tavec\t\ttabs\t\n\t\t\t\n".as_bytes(),
            Shows(&["indenté avec  tabs"]),
        ),
        case(
            "cr_only.txt",
            "Titre CR\rPremier paragraphe.\rSecond paragraphe.\r".as_bytes(),
            Shows(&["Premier paragraphe.", "Second paragraphe."]),
        ),
        case(
            "mixed_line_ends.txt",
            "Titre mixte\r\nun.\ndeux.\rtrois.\n\rquatre.\r\n\u{2028}cinq.\u{2029}six.\u{85}sept."
                .as_bytes(),
            Shows(&["un.", "trois.", "quatre.", "sept."]),
        ),
        case(
            "bom_utf8.txt",
            [b"\xef\xbb\xbf".as_slice(), "Été à Noël\nUn texte.\n".as_bytes()].concat(),
            Shows(&["Été à Noël", "Un texte."]),
        ),
        case(
            "bom_utf16le.txt",
            utf16(true, "Été à Noël\nUn texte en UTF-16.\n"),
            Shows(&["Été à Noël", "Un texte en UTF-16."]),
        ),
        case(
            "bom_utf16be.txt",
            utf16(false, "Été à Noël\nUn texte en UTF-16.\n"),
            Shows(&["Été à Noël", "Un texte en UTF-16."]),
        ),
        case(
            "utf16le_lone_surrogate.txt",
            [utf16(true, "Titre\nAvant "), vec![0x00, 0xd8], utf16(true, " après.\n")[2..].to_vec()]
                .concat(),
            Shows(&["Avant � après."]),
        ),
        case(
            "nul_bytes.txt",
            b"Titre NUL\nUn texte ordinaire avec un \x00 octet nul au milieu d'une phrase assez longue.\n"
                .to_vec(),
            Shows(&["un ␀ octet"]),
        ),
        case(
            "invalid_utf8_in_word.txt",
            [
                "Titre invalide\nUn café crème à la gare, un mot cass".as_bytes(),
                b"\xc3",
                " en deux et un émoji coupé ".as_bytes(),
                b"\xf0\x9f\x98",
                " là.\n".as_bytes(),
            ]
            .concat(),
            Shows(&["cass� en", "café crème", "coupé � là"]),
        ),
        case(
            "truncated_escape_at_end.txt",
            b"Titre fin\nLe fichier finit au milieu d'une s\xc3\xa9quence \x1b]0;pwned-tail".to_vec(),
            Shows(&["␛]0;pwned-tail"]),
        ),
        case("empty.txt", Vec::new(), NoText),
        case("only_spaces.txt", " ".repeat(10_000), NoText),
        case("only_nul.txt", vec![0u8; 4096], Binary),
        case(
            "utf16le_without_bom.txt",
            utf16(true, "Un texte UTF-16 sans marque d'ordre.\n")[2..].to_vec(),
            Binary,
        ),
    ];
    v.push(Case {
        name: "long_line_20mb.txt",
        bytes: vec![b'x'; 20 * 1024 * 1024],
        expect: Shows(&["xxxxxxxxxx"]),
        big: true,
    });
    v.push(Case {
        name: "empty_lines_1m.txt",
        bytes: vec![b'\n'; 1_000_000],
        expect: NoText,
        big: true,
    });
    v
}

/// Writes every case (or only the small ones) into `dir`.
pub fn write_all(dir: &Path, big: bool) -> Vec<Case> {
    let all: Vec<Case> = cases().into_iter().filter(|c| big || !c.big).collect();
    for c in &all {
        std::fs::write(dir.join(c.name), &c.bytes).unwrap();
    }
    all
}

/// Where the small cases are committed.
pub fn committed_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}
