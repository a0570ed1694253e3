//! End-to-end tests, in one test binary to keep link time down.

mod server;
mod support;
