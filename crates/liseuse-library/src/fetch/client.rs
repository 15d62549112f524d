//! The HTTP client: ureq with rustls (certificates always verified against the webpki roots),
//! redirects followed here rather than by ureq so that each hop is checked (http or https
//! only, no loop, at most [`Limits::max_redirects`]) and a permanent move can be told apart,
//! `Retry-After` honoured within a bound, one slot per request for politeness
//! ([`super::slots`]), bodies capped and decoded by [`super::body`].

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ureq::Agent;
use ureq::http::HeaderMap;
use url::Url;

use super::address::{host_key, normalize, resolve};
use super::error::{Failure, from_ureq};
use super::proxy::ProxyEnv;
use super::slots::Slots;

/// How far liseuse goes for one feed or page, and how politely.
#[derive(Debug, Clone)]
pub struct Limits {
    /// To reach a server (DNS and TCP and TLS).
    pub connect_timeout: Duration,
    /// For a whole exchange, the body included: a server sending a byte a second ends here.
    pub total_timeout: Duration,
    /// The largest body, once decoded.
    pub max_body: u64,
    /// Redirects followed at most.
    pub max_redirects: u32,
    /// Requests at a time to one server (host and port).
    pub per_host: usize,
    /// Requests at a time in all (also the number of fetching threads).
    pub in_all: usize,
    /// Items read from one feed in one pass (the first ones: feeds put the newest first).
    pub max_items: usize,
    /// Keys of items already seen kept per feed (at least the feed's own items).
    pub max_seen: usize,
    /// The longest `Retry-After` waited for before trying once more; a longer one is a failure
    /// that the next update respects.
    pub max_retry_wait: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(60),
            max_body: 20 * 1024 * 1024,
            max_redirects: 5,
            per_host: 2,
            in_all: 8,
            max_items: 500,
            max_seen: 2000,
            max_retry_wait: Duration::from_secs(10),
        }
    }
}

/// `liseuse/VERSION`, with what it is: servers' logs should say who came.
pub const USER_AGENT: &str = concat!(
    "liseuse/",
    env!("CARGO_PKG_VERSION"),
    " (terminal news reader; full articles of subscribed feeds)"
);

/// What is asked for: a feed or a page (the `Accept` header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Want {
    Feed,
    Page,
}

/// What a server sent back (a success or 304).
#[derive(Debug, Clone)]
pub struct Reply {
    /// The address after redirects.
    pub url: Url,
    /// Where permanent redirects (301, 308) from the start led, when they did.
    pub moved: Option<Url>,
    /// The HTTP status.
    pub status: u16,
    /// The server's `ETag`.
    pub etag: Option<String>,
    /// The server's `Last-Modified`.
    pub last_modified: Option<String>,
    /// The server's `Date`.
    pub date: Option<String>,
    /// The server's `Content-Type`.
    pub content_type: Option<String>,
    /// The body, decoded (gzip, deflate, brotli) and capped.
    pub body: Vec<u8>,
}

/// One client for a process: its slots hold across every run that shares it.
pub struct Client {
    direct: Agent,
    /// An agent per proxy address named by the environment.
    proxied: HashMap<String, Agent>,
    proxies: ProxyEnv,
    slots: Arc<Slots>,
    limits: Limits,
}

impl Client {
    /// A client with `limits`, the proxies of the environment (a proxy variable that is not a
    /// valid address is an error, said once here).
    pub fn new(limits: Limits) -> Result<Client, String> {
        Client::with_proxies(limits, ProxyEnv::from_env())
    }

    pub(crate) fn with_proxies(limits: Limits, proxies: ProxyEnv) -> Result<Client, String> {
        let mut proxied = HashMap::new();
        for p in [&proxies.http, &proxies.https].into_iter().flatten() {
            if !proxied.contains_key(p) {
                let proxy = ureq::Proxy::new(p)
                    .map_err(|e| format!("the proxy address {p} is not usable ({e})"))?;
                proxied.insert(p.clone(), agent(&limits, Some(proxy)));
            }
        }
        Ok(Client {
            direct: agent(&limits, None),
            proxied,
            slots: Slots::new(limits.per_host, limits.in_all),
            proxies,
            limits,
        })
    }

    /// The limits it keeps.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    pub(crate) fn slots(&self) -> &Arc<Slots> {
        &self.slots
    }

    fn agent_for(&self, url: &Url) -> &Agent {
        self.proxies
            .for_url(url)
            .and_then(|p| self.proxied.get(p))
            .unwrap_or(&self.direct)
    }

    /// GET `url`, following redirects, with the validators of a previous fetch (`etag`,
    /// `last_modified`) if any. A success or 304 is a [`Reply`]; everything else a
    /// [`Failure`].
    pub(crate) fn get(
        &self,
        url: &Url,
        want: Want,
        validators: (Option<&str>, Option<&str>),
        cancel: &AtomicBool,
    ) -> Result<Reply, Failure> {
        let mut url = url.clone();
        let mut visited = HashSet::new();
        let mut moved: Option<Url> = None;
        let mut permanent_so_far = true;
        let mut hops = 0;
        let mut retried = false;
        loop {
            if cancel.load(Ordering::Relaxed) {
                return Err(Failure::Cancelled);
            }
            if !visited.insert(normalize(&url)) && !retried {
                return Err(Failure::RedirectLoop);
            }
            let slot = self
                .slots
                .acquire(&host_key(&url), cancel)
                .ok_or(Failure::Cancelled)?;
            let mut req = self.agent_for(&url).get(url.as_str()).header(
                "Accept",
                match want {
                    Want::Feed => {
                        "application/rss+xml, application/atom+xml, application/feed+json, \
                         application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, \
                         application/json;q=0.7, text/html;q=0.5, */*;q=0.1"
                    }
                    Want::Page => "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
                },
            );
            if let Some(etag) = validators.0 {
                req = req.header("If-None-Match", etag);
            }
            if let Some(date) = validators.1 {
                req = req.header("If-Modified-Since", date);
            }
            let response = req.call().map_err(|e| match (url.scheme(), from_ureq(e)) {
                // Broken before any answer on https: the handshake is what broke (a server
                // that speaks plain HTTP there, a middlebox).
                ("https", Failure::Io(why)) => Failure::Tls(why),
                (_, f) => f,
            })?;
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            match status {
                301 | 302 | 303 | 307 | 308 => {
                    drop(slot);
                    hops += 1;
                    if hops > self.limits.max_redirects {
                        return Err(Failure::TooManyRedirects(self.limits.max_redirects));
                    }
                    let next = header(&headers, "location")
                        .ok_or(Failure::BadRedirect)
                        .and_then(|l| resolve(&url, &l))?;
                    permanent_so_far &= matches!(status, 301 | 308);
                    if permanent_so_far {
                        moved = Some(next.clone());
                    }
                    url = next;
                    retried = false;
                }
                429 | 503 => {
                    drop(slot);
                    let wait = header(&headers, "retry-after").and_then(|v| retry_after(&v));
                    match wait {
                        Some(d) if !retried && d <= self.limits.max_retry_wait => {
                            if !sleep(d, cancel) {
                                return Err(Failure::Cancelled);
                            }
                            retried = true;
                        }
                        _ => {
                            return Err(Failure::Busy {
                                status,
                                retry_after: wait,
                            });
                        }
                    }
                }
                200..=299 | 304 => {
                    let body = if status == 304 {
                        Vec::new()
                    } else {
                        let encoding = header(&headers, "content-encoding");
                        let reader = response.into_body().into_reader();
                        super::body::read(
                            reader,
                            encoding.as_deref(),
                            self.limits.max_body,
                            cancel,
                        )?
                    };
                    drop(slot);
                    return Ok(Reply {
                        moved,
                        url,
                        status,
                        etag: header(&headers, "etag"),
                        last_modified: header(&headers, "last-modified"),
                        date: header(&headers, "date"),
                        content_type: header(&headers, "content-type"),
                        body,
                    });
                }
                410 => return Err(Failure::Gone),
                _ => return Err(Failure::Status(status)),
            }
        }
    }
}

fn agent(limits: &Limits, proxy: Option<ureq::Proxy>) -> Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .proxy(proxy)
        .user_agent(USER_AGENT)
        // Decoded here (`body.rs`), under the cap.
        .accept_encoding("gzip, deflate, br")
        .timeout_resolve(Some(limits.connect_timeout))
        .timeout_connect(Some(limits.connect_timeout))
        .timeout_global(Some(limits.total_timeout))
        .max_idle_connections_per_host(limits.per_host.max(1))
        .build()
        .new_agent()
}

/// A header's value as text (a value that is not visible ASCII is taken as bytes, lossily).
fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).trim().to_string())
        .filter(|v| !v.is_empty())
}

/// `Retry-After`: seconds, or an HTTP date.
pub(crate) fn retry_after(value: &str) -> Option<Duration> {
    if let Ok(secs) = value.trim().parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = chrono::DateTime::parse_from_rfc2822(value.trim()).ok()?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let secs = u64::try_from(when.timestamp())
        .unwrap_or(0)
        .saturating_sub(now);
    Some(Duration::from_secs(secs))
}

/// Sleeps `d`, waking to check `cancel`; false when cancelled.
pub(crate) fn sleep(d: Duration, cancel: &AtomicBool) -> bool {
    let end = Instant::now() + d;
    while Instant::now() < end {
        if cancel.load(Ordering::Relaxed) {
            return false;
        }
        std::thread::sleep((end - Instant::now()).min(Duration::from_millis(50)));
    }
    !cancel.load(Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(retry_after("120"), Some(Duration::from_secs(120)));
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon"), None);
        assert!(USER_AGENT.starts_with("liseuse/"));
    }
}
