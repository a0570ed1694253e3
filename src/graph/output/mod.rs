//! Outputs: the graph as other tools read it. [`search`] is the full-text
//! index, [`export`] the views and file formats, and [`picture`] the SVG
//! drawings.

pub mod export;
pub mod picture;
pub mod search;
