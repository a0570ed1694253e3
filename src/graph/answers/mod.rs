//! Answers: what the graph is asked. [`analytics`] holds the job profiles,
//! neighbour lists, recommendations, transitions and the posting board,
//! all built at compile time; [`changes`] compares two compiles; and
//! [`diagnostics`] is what a corpus editor should review.

pub mod analytics;
pub mod changes;
pub mod diagnostics;
