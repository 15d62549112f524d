//! A web server on 127.0.0.1 (port 0) for the fetching tests and bench: it serves fixtures and
//! misbehaves on purpose (a byte a second, a body without end, silence, redirect loops, 503s
//! asking to wait). Every connection ends by itself: loops are bounded in bytes and time.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any misbehaving answer may last: the server stops by itself.
const LONGEST: Duration = Duration::from_secs(30);

#[derive(Clone)]
pub enum Route {
    Ok {
        ctype: String,
        body: Vec<u8>,
        headers: Vec<(String, String)>,
    },
    Status(u16, Vec<(String, String)>),
    Redirect(u16, String),
    /// Headers at once, then one byte every `every`.
    Slow(Duration, Vec<u8>),
    /// A body that never ends (until the client leaves, or the bounds).
    Endless,
    /// Reads the request and says nothing.
    Hang,
    /// 304 when `If-None-Match` is the ETag, else the body with it.
    Conditional {
        etag: String,
        body: Vec<u8>,
    },
    /// Waits, then answers as `then` (to count requests at once).
    Delay(Duration, Box<Route>),
    /// The first `times` requests get `status` with `Retry-After: secs`, then `then`.
    Busy {
        status: u16,
        secs: u64,
        times: usize,
        then: Box<Route>,
    },
}

impl Route {
    pub fn html(body: impl Into<Vec<u8>>) -> Route {
        Route::ok("text/html; charset=utf-8", body)
    }
    pub fn rss(body: impl Into<Vec<u8>>) -> Route {
        Route::ok("application/rss+xml", body)
    }
    pub fn ok(ctype: &str, body: impl Into<Vec<u8>>) -> Route {
        Route::Ok {
            ctype: ctype.to_string(),
            body: body.into(),
            headers: Vec::new(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Request {
    /// The request target as sent (absolute through a proxy).
    pub target: String,
    pub path: String,
    pub headers: HashMap<String, String>,
}

/// Requests waiting in a [`Route::Delay`] across one or more servers, and the most there ever
/// were.
#[derive(Default)]
pub struct Gauge {
    now: AtomicUsize,
    pub max: AtomicUsize,
}

impl Gauge {
    fn enter(&self) {
        let n = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.max.fetch_max(n, Ordering::SeqCst);
    }
    fn leave(&self) {
        self.now.fetch_sub(1, Ordering::SeqCst);
    }
}

pub struct Server {
    pub addr: SocketAddr,
    routes: Arc<Mutex<HashMap<String, Route>>>,
    log: Arc<Mutex<Vec<Request>>>,
    counts: Arc<Mutex<HashMap<String, usize>>>,
    pub gauge: Arc<Gauge>,
    stop: Arc<AtomicBool>,
}

impl Server {
    pub fn start() -> Server {
        Server::with_gauge(Arc::new(Gauge::default()))
    }

    pub fn with_gauge(gauge: Arc<Gauge>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let server = Server {
            addr,
            routes: Arc::default(),
            log: Arc::default(),
            counts: Arc::default(),
            gauge,
            stop: Arc::default(),
        };
        let (routes, log, counts, gauge, stop) = (
            Arc::clone(&server.routes),
            Arc::clone(&server.log),
            Arc::clone(&server.counts),
            Arc::clone(&server.gauge),
            Arc::clone(&server.stop),
        );
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (routes, log, counts, gauge, stop) = (
                    Arc::clone(&routes),
                    Arc::clone(&log),
                    Arc::clone(&counts),
                    Arc::clone(&gauge),
                    Arc::clone(&stop),
                );
                std::thread::spawn(move || {
                    let _ = serve(conn, &routes, &log, &counts, &gauge, &stop);
                });
            }
        });
        server
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn route(&self, path: &str, route: Route) -> &Server {
        self.routes.lock().unwrap().insert(path.to_string(), route);
        self
    }

    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().unwrap().clone()
    }

    pub fn hits(&self, path: &str) -> usize {
        self.requests().iter().filter(|r| r.path == path).count()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
    }
}

fn serve(
    conn: TcpStream,
    routes: &Mutex<HashMap<String, Route>>,
    log: &Mutex<Vec<Request>>,
    counts: &Mutex<HashMap<String, usize>>,
    gauge: &Gauge,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(conn.try_clone()?);
    let (mut line, mut headers) = read_head(&mut reader)?;
    if line.starts_with("CONNECT ") {
        // A proxy's tunnel: say yes, then serve the request that comes through it.
        let target = line
            .split_whitespace()
            .nth(1)
            .unwrap_or_default()
            .to_string();
        log.lock().unwrap().push(Request {
            target,
            path: String::new(),
            headers,
        });
        let mut out = conn.try_clone()?;
        out.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")?;
        (line, headers) = read_head(&mut reader)?;
    }
    let target = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    // Through a proxy the target is absolute: its path is what is routed.
    let path = match target.strip_prefix("http://") {
        Some(rest) => rest
            .find('/')
            .map_or("/".to_string(), |i| rest[i..].to_string()),
        None => target.clone(),
    };
    let req = Request {
        target,
        path: path.clone(),
        headers,
    };
    log.lock().unwrap().push(req.clone());
    let n = {
        let mut c = counts.lock().unwrap();
        let n = c.entry(path.clone()).or_insert(0);
        *n += 1;
        *n
    };
    let route = routes.lock().unwrap().get(&path).cloned();
    let mut out = conn;
    match route {
        Some(r) => answer(&mut out, r, &req, n, gauge, stop),
        None => head(&mut out, 404, "text/plain", Some(9), &[])
            .and_then(|_| out.write_all(b"not found")),
    }
}

fn read_head(
    reader: &mut BufReader<TcpStream>,
) -> std::io::Result<(String, HashMap<String, String>)> {
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    Ok((line, headers))
}

fn head(
    out: &mut TcpStream,
    code: u16,
    ctype: &str,
    len: Option<usize>,
    extra: &[(String, String)],
) -> std::io::Result<()> {
    let mut h = format!("HTTP/1.1 {code} X\r\nConnection: close\r\nContent-Type: {ctype}\r\n");
    if let Some(len) = len {
        h.push_str(&format!("Content-Length: {len}\r\n"));
    }
    for (k, v) in extra {
        h.push_str(&format!("{k}: {v}\r\n"));
    }
    h.push_str("\r\n");
    out.write_all(h.as_bytes())
}

fn answer(
    out: &mut TcpStream,
    route: Route,
    req: &Request,
    n: usize,
    gauge: &Gauge,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    let start = Instant::now();
    let live = || !stop.load(Ordering::SeqCst) && start.elapsed() < LONGEST;
    match route {
        Route::Ok {
            ctype,
            body,
            headers,
        } => {
            head(out, 200, &ctype, Some(body.len()), &headers)?;
            out.write_all(&body)
        }
        Route::Status(code, headers) => {
            let body = format!("status {code}");
            head(out, code, "text/plain", Some(body.len()), &headers)?;
            out.write_all(body.as_bytes())
        }
        Route::Redirect(code, to) => {
            head(out, code, "text/plain", Some(0), &[("Location".into(), to)])
        }
        Route::Slow(every, body) => {
            head(out, 200, "text/html", Some(body.len()), &[])?;
            for b in body {
                if !live() {
                    break;
                }
                out.write_all(&[b])?;
                out.flush()?;
                std::thread::sleep(every);
            }
            Ok(())
        }
        Route::Endless => {
            head(out, 200, "text/html", None, &[])?;
            out.write_all(b"<html><body>")?;
            let chunk = b"<p>again and again</p>".repeat(1000);
            let mut sent = 0usize;
            while live() && sent < (1 << 30) {
                out.write_all(&chunk)?;
                sent += chunk.len();
            }
            Ok(())
        }
        Route::Hang => {
            while live() {
                std::thread::sleep(Duration::from_millis(50));
                let mut probe = [0u8; 1];
                out.set_read_timeout(Some(Duration::from_millis(50)))?;
                if matches!(out.read(&mut probe), Ok(0)) {
                    break;
                }
            }
            Ok(())
        }
        Route::Conditional { etag, body } => {
            if req.headers.get("if-none-match") == Some(&etag) {
                head(
                    out,
                    304,
                    "application/rss+xml",
                    Some(0),
                    &[("ETag".into(), etag)],
                )
            } else {
                head(
                    out,
                    200,
                    "application/rss+xml",
                    Some(body.len()),
                    &[("ETag".into(), etag)],
                )?;
                out.write_all(&body)
            }
        }
        Route::Delay(wait, then) => {
            // Counted while waiting only: the answer is written after, so a client cannot have
            // it (and start another request) before this request stops counting.
            gauge.enter();
            std::thread::sleep(wait);
            gauge.leave();
            answer(out, *then, req, n, gauge, stop)
        }
        Route::Busy {
            status,
            secs,
            times,
            then,
        } => {
            if n <= times {
                head(
                    out,
                    status,
                    "text/plain",
                    Some(0),
                    &[("Retry-After".into(), secs.to_string())],
                )
            } else {
                answer(out, *then, req, n, gauge, stop)
            }
        }
    }
}

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
