//! Fetching news (issue 26) against servers on 127.0.0.1 that serve fixtures and misbehave on
//! purpose; no test touches the network.

mod api;
mod cli;
mod hostile;
mod server;
