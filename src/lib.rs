//! skillgraph reads career guides (Markdown with a JSON front matter) into a
//! typed graph of jobs, skills, tools, career stages, teams, employers,
//! learning resources and trends, and serves it over GraphQL.
//!
//! # Layout
//!
//! Data flows one way, and each module imports only those before it:
//!
//! - [`guide`]: guide files → plain records (front matter, sections, tables),
//!   with per-file errors and warnings. No graph, no GraphQL.
//! - [`graph`]: records → [`graph::SkillGraph`], an immutable petgraph with
//!   canonical names, typed nodes and edges, and the analytics over it.
//!   The only module that imports petgraph.
//! - [`api`]: GraphQL types as borrowed handles over the graph, and the one
//!   schema builder. The only module that imports async-graphql.
//! - [`server`]: axum routes, content negotiation, limits, metrics, reload
//!   and graceful shutdown; subscriptions over WebSocket, whose protocol
//!   async-graphql-axum speaks (the server's one use of async-graphql).
//!
//! `main.rs` is the `skillgraph` command: `serve`, `check`, `export`, `schema`.

pub mod api;
pub mod graph;
pub mod guide;
pub mod server;
