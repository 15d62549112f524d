//! Fetching news (issue 26) against servers on 127.0.0.1 that serve fixtures and misbehave on
//! purpose; no test touches the network. The real binary's
//! commands are tested at the root (`tests/fetch/`), with this server.

mod api;
mod hostile;
mod run;
mod server;
