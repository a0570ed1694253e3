//! skillgraph reads career guides into a typed graph of jobs, skills and
//! tools, and serves it over GraphQL.
//!
//! # Layout
//!
//! Data flows one way, and each module imports only those before it:
//!
//! - [`guide`]: guide files → plain records (front matter, sections, tables),
//!   with per-file errors and warnings. No graph, no GraphQL.
pub mod guide;
