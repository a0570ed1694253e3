//! The model: what a graph is made of. Node kinds and their data, edge
//! kinds, the ids clients see, where each fact was read ([`source`]), the
//! longest list of each kind that queries are priced by, and the deadline
//! long work checks. Nothing here reads text or answers a question.

pub(in crate::graph) mod bounds;
pub(in crate::graph) mod deadline;
pub mod edge;
pub(in crate::graph) mod id;
pub mod kind;
pub mod node;
pub(in crate::graph) mod source;
