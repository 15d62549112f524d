//! Web addresses: only `http` and `https` are ever fetched, whoever names them (the command
//! line, the feed list, a feed's item, a redirect), and one page has one key however it was
//! written.

use url::Url;

use super::error::Failure;

/// `text` as an address liseuse may fetch: http or https with a host. A bare `example.org/feed`
/// is read as `https://example.org/feed` (what a person typing it means).
pub fn parse_web(text: &str) -> Result<Url, Failure> {
    let text = text.trim();
    let url = match Url::parse(text) {
        Ok(u) => u,
        Err(url::ParseError::RelativeUrlWithoutBase) if !text.is_empty() => {
            Url::parse(&format!("https://{text}")).map_err(|_| bad(text))?
        }
        Err(_) => return Err(bad(text)),
    };
    check(url)
}

/// `href` (an item's link, a redirect's `Location`, a page's feed link) resolved against the
/// address it was found at; only http and https pass.
pub fn resolve(base: &Url, href: &str) -> Result<Url, Failure> {
    let url = base.join(href.trim()).map_err(|_| bad(href))?;
    check(url)
}

fn check(mut url: Url) -> Result<Url, Failure> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Failure::Scheme(url.scheme().to_string()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(bad(url.as_str()));
    }
    // A fragment names a place in the page, not another page.
    url.set_fragment(None);
    Ok(url)
}

fn bad(text: &str) -> Failure {
    Failure::BadAddress(text.chars().take(200).collect())
}

/// The form that makes two spellings of one address one key: the URL parser already lowers
/// the scheme and host, drops a default port and resolves `..`; the fragment is gone
/// ([`check`]).
pub fn normalize(url: &Url) -> String {
    url.as_str().to_string()
}

/// A server, for politeness: host and port (two servers on one machine are two).
pub fn host_key(url: &Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or_default(),
        url.port_or_known_default().unwrap_or(0)
    )
}

/// The key of an address in the library: 12 hex digits of its xxh3 hash (`attempt` > 0 for the
/// next choice when two addresses share one, which 48 bits make rare).
pub fn key(address: &str, attempt: u32) -> String {
    let mut h = xxhash_rust::xxh3::xxh3_64(address.as_bytes());
    if attempt > 0 {
        h = xxhash_rust::xxh3::xxh3_64_with_seed(address.as_bytes(), u64::from(attempt));
    }
    format!("{:012x}", h & 0xffff_ffff_ffff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_web_is_fetched() {
        assert!(parse_web("http://example.org/a").is_ok());
        assert!(parse_web("  HTTPS://Example.ORG:443/a#top ").is_ok());
        assert_eq!(
            normalize(&parse_web("HTTPS://Example.ORG:443/a/../b#top").unwrap()),
            "https://example.org/b"
        );
        assert_eq!(
            parse_web("example.org/feed").unwrap().as_str(),
            "https://example.org/feed"
        );
        for bad in [
            "file:///etc/passwd",
            "ftp://example.org/",
            "javascript:alert(1)",
            "data:text/html,hi",
            "",
        ] {
            assert!(parse_web(bad).is_err(), "{bad}");
        }
        let base = parse_web("http://example.org/news/feed.xml").unwrap();
        assert_eq!(
            resolve(&base, "../a/1.html").unwrap().as_str(),
            "http://example.org/a/1.html"
        );
        assert!(matches!(
            resolve(&base, "file:///etc/passwd"),
            Err(Failure::Scheme(_))
        ));
    }

    #[test]
    fn keys_are_stable_and_short() {
        assert_eq!(key("http://a/", 0), key("http://a/", 0));
        assert_ne!(key("http://a/", 0), key("http://a/", 1));
        assert_eq!(key("http://a/", 0).len(), 12);
        let u = parse_web("http://127.0.0.1:8080/x").unwrap();
        assert_eq!(host_key(&u), "127.0.0.1:8080");
        assert_eq!(
            host_key(&parse_web("https://example.org/").unwrap()),
            "example.org:443"
        );
    }
}
