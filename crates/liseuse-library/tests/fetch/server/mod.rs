//! A web server on 127.0.0.1 (port 0) for the fetching tests and bench: it serves fixtures and
//! misbehaves on purpose (a byte a second, a body without end, silence, redirect loops, 503s
//! asking to wait). Every connection ends by itself: loops are bounded in bytes and time.
#![allow(dead_code)]

mod pages;

// The tests and the bench each use a part of these.
#[allow(unused_imports)]
pub use pages::{article_page, news_corpus, news_corpus_dated, news_page, rss};

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
