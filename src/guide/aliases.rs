//! The alias file, `aliases.json` in the corpus folder.
//!
//! It is data, edited by people who curate the corpus: each table maps a
//! canonical name to the spellings that mean the same thing. The graph layer
//! decides how names are compared; this module only reads the file.

use super::levels::{CareerLevel, LevelWords};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The file name looked for at the root of a corpus folder.
pub const ALIAS_FILE: &str = "aliases.json";

/// Canonical names and their variants, by kind of thing.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Aliases {
    /// Free text for the people editing the file.
    #[serde(default, rename = "$comment")]
    pub comment: Option<serde_json::Value>,
    /// Tool name → other spellings. Every key is also part of the tool
    /// vocabulary searched for in free text, even with no variants.
    #[serde(default)]
    pub tools: BTreeMap<String, Vec<String>>,
    /// Skill name → other spellings.
    #[serde(default)]
    pub skills: BTreeMap<String, Vec<String>>,
    /// Job slug → other slugs and the titles it is known by.
    #[serde(default)]
    pub jobs: BTreeMap<String, Vec<String>>,
    /// Team name → other spellings.
    #[serde(default)]
    pub teams: BTreeMap<String, Vec<String>>,
    /// Learning resource title → other spellings.
    #[serde(default)]
    pub resources: BTreeMap<String, Vec<String>>,
    /// Terms that contain a slash but are one name (`CI/CD`).
    #[serde(default)]
    pub unsplittable: Vec<String>,
    /// Vendor words that may stand before or after a name without changing
    /// what it names: `Amazon DynamoDB` is `DynamoDB`.
    #[serde(default)]
    pub vendors: Affixes,
    /// Tool names that are ordinary words too (`Go`, `Rust`): found in free
    /// text only where the context says a tool is meant.
    #[serde(default)]
    pub ordinary_words: Vec<String>,
    /// Career level → the words in a rung's name that say it
    /// (`senior`: `シニア`, `Senior`, `Sr.`). Without this table the
    /// shipped seeds' words are used.
    #[serde(default)]
    pub levels: BTreeMap<CareerLevel, Vec<String>>,
}

/// Words written before (`Apache`) or after (`言語`) a name.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Affixes {
    /// Free text for the people editing the file.
    #[serde(default, rename = "$comment")]
    pub comment: Option<serde_json::Value>,
    /// Words before the name, followed by a space (`Apache`, `Google Cloud`).
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// Words after the name, with or without a space (`言語`, `language`).
    #[serde(default)]
    pub suffixes: Vec<String>,
    /// Prefixes whose products free text often names alone (`Spark` for
    /// `Apache Spark`); other vendors' products are often everyday words
    /// (`Run`, `Functions`) and are found only with their vendor.
    #[serde(default)]
    pub named_alone: Vec<String>,
}

impl Aliases {
    /// The words career levels are read with: this file's `levels`, or the
    /// shipped ones when it has none.
    pub fn level_words(&self) -> LevelWords {
        if self.levels.is_empty() {
            LevelWords::new(super::embedded::shipped_level_words())
        } else {
            LevelWords::new(&self.levels)
        }
    }

    /// Parses the file's text; the error carries the 1-based line.
    pub fn parse(text: &str) -> Result<Self, (usize, String)> {
        serde_json::from_str(text).map_err(|error| (error.line().max(1), error.to_string()))
    }
}
