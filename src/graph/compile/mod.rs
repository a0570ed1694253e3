//! The compile: from a corpus source to a graph. [`load`] is the one path
//! every caller takes, [`build`] plans each guide on every core and inserts
//! its nodes and edges in guide order, and [`postings`] adds the job
//! postings beside the guides.

pub(in crate::graph) mod build;
pub(in crate::graph) mod load;
pub(in crate::graph) mod postings;
