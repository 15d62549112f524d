//! The usual proxy variables: `http_proxy` for http addresses, `https_proxy` for https ones
//! (upper-case names too, `all_proxy` for both), `no_proxy` for the hosts reached directly.

use url::Url;

/// The proxies the environment asks for, read once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ProxyEnv {
    pub(crate) http: Option<String>,
    pub(crate) https: Option<String>,
    no_proxy: Vec<String>,
}

impl ProxyEnv {
    pub(crate) fn from_env() -> ProxyEnv {
        ProxyEnv::from_lookup(|name| std::env::var(name).ok())
    }

    /// The lower-case name wins, as curl has it; empty values are unset.
    pub(crate) fn from_lookup(get: impl Fn(&str) -> Option<String>) -> ProxyEnv {
        let var = |lower: &str| {
            get(lower)
                .or_else(|| get(&lower.to_ascii_uppercase()))
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let all = var("all_proxy");
        ProxyEnv {
            http: var("http_proxy").or_else(|| all.clone()),
            https: var("https_proxy").or(all),
            no_proxy: var("no_proxy")
                .map(|v| {
                    v.split(',')
                        .map(|h| h.trim().trim_start_matches("*.").trim_start_matches('.'))
                        .filter(|h| !h.is_empty())
                        .map(str::to_ascii_lowercase)
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    /// The proxy for `url`, if any: none for this machine (a proxy's loopback is not ours),
    /// nor for a host on `no_proxy` (itself or a subdomain; `*` for every host).
    pub(crate) fn for_url(&self, url: &Url) -> Option<&str> {
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let loopback = host == "localhost"
            || host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback());
        let bypass = loopback
            || self.no_proxy.iter().any(|h| {
                h == "*"
                    || host == h
                    || host
                        .strip_suffix(h.as_str())
                        .is_some_and(|r| r.ends_with('.'))
            });
        if bypass {
            return None;
        }
        match url.scheme() {
            "https" => self.https.as_deref(),
            _ => self.http.as_deref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_scheme_has_its_proxy_and_no_proxy_wins() {
        let env = ProxyEnv::from_lookup(|n| match n {
            "http_proxy" => Some("http://p:3128".into()),
            "HTTPS_PROXY" => Some("http://s:3128".into()),
            "no_proxy" => Some("localhost, .internal.org,*.corp,127.0.0.1".into()),
            _ => None,
        });
        let u = |s: &str| Url::parse(s).unwrap();
        assert_eq!(
            env.for_url(&u("http://example.org/")),
            Some("http://p:3128")
        );
        assert_eq!(
            env.for_url(&u("https://example.org/")),
            Some("http://s:3128")
        );
        assert_eq!(env.for_url(&u("http://localhost:8080/")), None);
        assert_eq!(env.for_url(&u("http://a.internal.org/")), None);
        assert_eq!(env.for_url(&u("http://internal.org/")), None);
        assert_eq!(env.for_url(&u("http://x.corp/")), None);
        assert_eq!(env.for_url(&u("http://127.0.0.1:9/")), None);
        assert_eq!(
            env.for_url(&u("http://notinternal.org/")),
            Some("http://p:3128")
        );
        let none = ProxyEnv::from_lookup(|_| None);
        assert_eq!(none.for_url(&u("http://example.org/")), None);
        let star = ProxyEnv::from_lookup(|n| match n {
            "ALL_PROXY" => Some("http://a:1".into()),
            "NO_PROXY" => Some("*".into()),
            _ => None,
        });
        assert_eq!(star.for_url(&u("https://example.org/")), None);
    }
}
