//! What the server serves in the tests and the bench: article pages, RSS feeds, and a corpus of
//! feeds whose items are pages of their own.

use super::{Route, Server};

/// A page with an article in it (nav, aside and footer around), `n` making it unique.
pub fn article_page(n: usize, title: &str) -> String {
    let para = "Le conseil municipal a voté jeudi soir le budget de la ville, après un long débat sur \
                les transports publics et la rénovation des écoles du centre, selon plusieurs élus. ";
    format!(
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body><nav><a href=\"/\">Accueil</a> <a href=\"/monde\">Monde</a></nav>\
         <article><h1>{title}</h1><p>Article {n}. {}</p><p>{}</p><p>{}</p></article>\
         <aside>Lire aussi : autre chose</aside><footer>© Le Journal</footer></body></html>",
        para.repeat(2),
        para.repeat(3),
        para
    )
}

/// An RSS 2.0 feed titled `title` of `items` (title, link, guid, description).
pub fn rss(title: &str, items: &[(String, String, Option<String>, String)]) -> String {
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>{title}</title><link>/</link>"
    );
    for (t, link, guid, desc) in items {
        s.push_str(&format!("<item><title>{t}</title><link>{link}</link>"));
        if let Some(g) = guid {
            s.push_str(&format!("<guid>{g}</guid>"));
        }
        s.push_str(&format!("<description>{desc}</description></item>"));
    }
    s.push_str("</channel></rss>");
    s
}

/// A page the size of a real news page (about 60 KB: a menu of links, scripts, a sidebar, the
/// article's eight paragraphs, a footer), `n` making it unique.
pub fn news_page(n: usize) -> String {
    let menu: String = (0..150)
        .map(|i| format!("<li><a href=\"/rubrique/{i}\">Rubrique {i}</a></li>"))
        .collect();
    let script = format!(
        "<script>var data = {{\"id\": {n}, \"x\": \"{}\"}};</script>",
        "a".repeat(8000)
    );
    let para = |k: usize| {
        format!(
            "<p>Paragraphe {k} de l'article {n}. Le conseil municipal de Lyon a voté jeudi soir le \
             budget de la ville, après un long débat sur les transports publics et la rénovation \
             des écoles du centre, a indiqué Grégory Doucet, selon plusieurs élus de l'opposition \
             qui dénoncent « une fuite en avant » et demandent un audit à la Cour des comptes.</p>"
        )
    };
    let body: String = (0..8).map(para).collect();
    let side: String = (0..40)
        .map(|i| {
            format!("<li><a href=\"/a/{i}\">À lire aussi : un autre titre numéro {i}</a></li>")
        })
        .collect();
    format!(
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Budget de Lyon {n} - Le Journal</title>\
         <meta property=\"og:title\" content=\"Budget de Lyon, épisode {n}\">{script}</head><body>\
         <header><nav><ul>{menu}</ul></nav></header><main><article><h1>Budget de Lyon, épisode {n}</h1>{body}</article>\
         <aside><ul>{side}</ul></aside></main><footer><ul>{menu}</ul>© Le Journal</footer></body></html>"
    )
}

/// `feeds` feeds of `items` items each on `s`, every item's page a [`news_page`]; the feeds'
/// addresses.
pub fn news_corpus(s: &Server, feeds: usize, items: usize) -> Vec<String> {
    corpus(s, feeds, items, false)
}

/// [`news_corpus`] with each item dated (`pubDate`), a few a day through November and December
/// 2026, as a real feed's are: what the example serves, to be read by date.
pub fn news_corpus_dated(s: &Server, feeds: usize, items: usize) -> Vec<String> {
    corpus(s, feeds, items, true)
}

fn corpus(s: &Server, feeds: usize, items: usize, dated: bool) -> Vec<String> {
    (0..feeds)
        .map(|f| {
            let list: Vec<_> = (0..items)
                .map(|i| {
                    let n = f * items + i;
                    s.route(&format!("/f{f}/{i}.html"), Route::html(news_page(n)));
                    (
                        format!("Budget de Lyon, épisode {n}"),
                        format!("/f{f}/{i}.html"),
                        Some(format!("f{f}-{i}")),
                        format!("Résumé de l'épisode {n} : le conseil municipal a voté le budget."),
                    )
                })
                .collect();
            let mut feed = rss(&format!("Journal {f}"), &list);
            if dated {
                for i in 0..items {
                    let (month, day) = (11 + (f + i) % 2, 1 + (f * 7 + i * 3) % 30);
                    let date = format!("<pubDate>{}</pubDate>", rfc2822(2026, month, day));
                    let guid = format!("<guid>f{f}-{i}</guid>");
                    feed = feed.replacen(&guid, &format!("{guid}{date}"), 1);
                }
            }
            s.route(&format!("/f{f}.xml"), Route::rss(feed));
            s.url(&format!("/f{f}.xml"))
        })
        .collect()
}

/// `Sat, 05 Dec 2026 10:00:00 GMT`, the weekday found by Sakamoto's method.
fn rfc2822(y: usize, m: usize, d: usize) -> String {
    const T: [usize; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let yy = if m < 3 { y - 1 } else { y };
    let w = (yy + yy / 4 - yy / 100 + yy / 400 + T[m - 1] + d) % 7;
    format!("{}, {d:02} {} {y} 10:00:00 GMT", DAYS[w], MONTHS[m - 1])
}
