//! End-to-end tests, in one test binary to keep link time down.

mod examples;
mod graphql;
mod schema;
mod server;
mod support;
