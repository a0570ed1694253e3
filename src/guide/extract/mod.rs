//! Reads each known section into its records.
//!
//! Guides write a section's items in one of a few layouts (sub-headings,
//! tables, bullet lists with `label: value` lines); [`layout`] says which
//! one a section uses, and each section's reader only says what an item
//! of each layout means. So a guide that writes its career ladder as a list
//! instead of a table still reads fully.
//!
//! # Layout
//!
//! - [`layout`]: which layout a section uses, its sub-headings, and which
//!   table column holds which field.
//! - [`lines`]: the lines of prose in blocks and list items, collected one
//!   way for every reader, and the `label: value` lines among them.
//! - one reader per section: [`duties`], [`skills`], [`teams`], [`stages`],
//!   [`trends`], [`learning`], [`employers`], [`interview`].
//!
//! The words that name labels and columns are in [`super::keywords`].

mod duties;
mod employers;
mod interview;
mod layout;
mod learning;
mod lines;
mod skills;
mod stages;
mod teams;
mod trends;

pub use duties::duties;
pub use employers::employer_types;
pub use interview::interview_questions;
pub use learning::learning_steps;
pub use lines::prose;
pub use skills::skills_and_tools;
pub use stages::stages;
pub use teams::teams;
pub use trends::trends;
