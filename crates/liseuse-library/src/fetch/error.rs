//! What can go wrong fetching one feed or one page, each said in one line.

use std::fmt;
use std::time::Duration;

/// Why a feed or a page could not be had. `Display` is one plain line; it may hold text a
/// server chose (a content type, a TLS reason), so it is shown through `sanitize`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Not an address at all.
    BadAddress(String),
    /// An address of another kind than http or https (`file:`, `ftp:`, `javascript:`…).
    Scheme(String),
    /// The host name is unknown (DNS).
    HostNotFound,
    /// Nothing answers there (refused, unreachable).
    Refused(String),
    /// TLS failed: the certificate did not verify, or the handshake broke.
    Tls(String),
    /// No answer in time: `what` of the exchange timed out.
    Timeout(&'static str),
    /// An HTTP status that is not a success (404, 500…).
    Status(u16),
    /// 410: the server says it is gone for good.
    Gone,
    /// 429 or 503, asking to come back later (the wait, when said and longer than we wait).
    Busy {
        /// 429 or 503.
        status: u16,
        /// How long the server asked to wait, if it said.
        retry_after: Option<Duration>,
    },
    /// The body went past the cap (decoded size).
    TooLarge(u64),
    /// A redirect back to an address already visited.
    RedirectLoop,
    /// More redirects than allowed.
    TooManyRedirects(u32),
    /// A redirect without a usable `Location`.
    BadRedirect,
    /// A `Content-Encoding` we cannot decode, or a body that does not decode.
    Encoding(String),
    /// The body is not a feed: what it is instead.
    NotAFeed(String),
    /// A feed that does not parse.
    InvalidFeed(String),
    /// A page of a kind liseuse does not read (an image, a PDF): its content type.
    NotAnArticle(String),
    /// The connection broke or another I/O error.
    Io(String),
    /// The run was cancelled.
    Cancelled,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::BadAddress(a) => write!(f, "not a web address: {a}"),
            Failure::Scheme(s) => write!(f, "only http and https addresses are fetched, not {s}:"),
            Failure::HostNotFound => write!(f, "host not found (DNS)"),
            Failure::Refused(why) => write!(f, "could not connect ({why})"),
            Failure::Tls(why) => write!(f, "secure connection failed ({why})"),
            Failure::Timeout(what) => write!(f, "timed out ({what})"),
            Failure::Status(code) => write!(f, "the server answered {code} {}", reason(*code)),
            Failure::Gone => write!(f, "gone for good (410)"),
            Failure::Busy {
                status,
                retry_after: Some(d),
            } => write!(
                f,
                "the server is busy ({status}) and asks to come back in {}",
                wait(*d)
            ),
            Failure::Busy { status, .. } => write!(f, "the server is busy ({status})"),
            Failure::TooLarge(cap) => write!(f, "larger than {} MB", cap / (1024 * 1024)),
            Failure::RedirectLoop => write!(f, "redirect loop"),
            Failure::TooManyRedirects(n) => write!(f, "more than {n} redirects"),
            Failure::BadRedirect => write!(f, "a redirect without a usable address"),
            Failure::Encoding(why) => write!(f, "could not decode the body ({why})"),
            Failure::NotAFeed(what) => write!(f, "not a feed ({what})"),
            Failure::InvalidFeed(why) => write!(f, "not a valid feed ({why})"),
            Failure::NotAnArticle(kind) => write!(f, "not an article ({kind})"),
            Failure::Io(why) => write!(f, "{why}"),
            Failure::Cancelled => write!(f, "cancelled"),
        }
    }
}

impl Failure {
    /// A failure worth trying again at the next update (the page may come back); a
    /// permanent one (404, not an article, a bad address) is not.
    pub fn is_transient(&self) -> bool {
        match self {
            Failure::Status(code) => *code >= 500 || *code == 408,
            Failure::HostNotFound
            | Failure::Refused(_)
            | Failure::Tls(_)
            | Failure::Timeout(_)
            | Failure::Busy { .. }
            | Failure::Io(_)
            | Failure::Cancelled => true,
            _ => false,
        }
    }
}

fn reason(code: u16) -> &'static str {
    match code {
        400 => "(bad request)",
        401 => "(authorisation needed)",
        403 => "(forbidden)",
        404 => "(not found)",
        405 => "(method not allowed)",
        406 => "(not acceptable)",
        408 => "(request timeout)",
        451 => "(unavailable for legal reasons)",
        500 => "(server error)",
        502 => "(bad gateway)",
        504 => "(gateway timeout)",
        _ => "",
    }
}

fn wait(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        0..=119 => format!("{s} s"),
        120..=7199 => format!("{} min", s / 60),
        _ => format!("{} h", s / 3600),
    }
}

/// A ureq error in our words.
pub(crate) fn from_ureq(e: ureq::Error) -> Failure {
    use ureq::Error as E;
    match e {
        E::HostNotFound => Failure::HostNotFound,
        E::ConnectionFailed => Failure::Refused("connection failed".into()),
        E::Timeout(t) => Failure::Timeout(timeout_name(t)),
        E::Tls(why) => Failure::Tls(why.to_string()),
        E::Rustls(e) => Failure::Tls(e.to_string()),
        E::BadUri(u) => Failure::BadAddress(u),
        E::TooManyRedirects => Failure::TooManyRedirects(0),
        E::RedirectFailed => Failure::BadRedirect,
        E::BodyExceedsLimit(n) => Failure::TooLarge(n),
        E::Io(io) => from_io(&io),
        E::Protocol(p) => Failure::Io(format!("not a valid HTTP answer ({p})")),
        other => Failure::Io(other.to_string()),
    }
}

pub(crate) fn from_io(e: &std::io::Error) -> Failure {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::ConnectionRefused => Failure::Refused("connection refused".into()),
        K::ConnectionReset | K::ConnectionAborted | K::BrokenPipe => {
            Failure::Io("the connection was closed".into())
        }
        K::UnexpectedEof => Failure::Io("the connection was closed before the end".into()),
        K::TimedOut | K::WouldBlock => Failure::Timeout("reading"),
        _ => Failure::Io(crate::store::describe_io(e)),
    }
}

fn timeout_name(t: ureq::Timeout) -> &'static str {
    use ureq::Timeout as T;
    match t {
        T::Resolve => "looking up the host",
        T::Connect => "connecting",
        T::SendRequest | T::SendBody | T::PerWrite => "sending the request",
        T::RecvResponse => "waiting for the answer",
        T::RecvBody | T::PerRead => "reading the answer",
        T::Global | T::PerCall => "the whole exchange",
        _ => "the exchange",
    }
}
