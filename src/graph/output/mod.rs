//! Outputs: the graph as other tools read it. [`search`] is the full-text
//! index, [`suggestions`] the names found by what they begin with,
//! [`export`] the views and file formats, and [`picture`] the SVG drawings.

pub mod export;
pub mod picture;
pub mod search;
pub mod suggestions;
