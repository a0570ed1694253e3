//! Names and text: when two spellings are one node ([`normalize`]), which
//! node a name a client types means ([`resolve`]), which skills, tools and
//! concepts a text names or describes ([`mentions`], [`concepts`],
//! [`descriptions`]), and which guide prose belongs to which node
//! ([`prose`]).

pub(in crate::graph) mod concepts;
pub(in crate::graph) mod descriptions;
pub mod mentions;
pub mod normalize;
pub(in crate::graph) mod prose;
pub mod resolve;
