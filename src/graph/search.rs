//! Full-text search over node labels and the guides' text.

use super::{NodeKind, SkillGraph};

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// The node's id.
    pub id: String,
    pub score: f32,
    /// A short excerpt around the match.
    pub snippet: String,
}

/// The search index of one graph, built on first use.
#[derive(Debug, Default)]
pub struct SearchIndex {}

impl SearchIndex {
    /// Indexes every node of `graph`.
    pub fn build(_graph: &SkillGraph) -> Self {
        SearchIndex {}
    }

    /// The best `limit` hits for `query`, optionally only of `kinds`.
    pub fn search(
        &self,
        _graph: &SkillGraph,
        _query: &str,
        _kinds: Option<&[NodeKind]>,
        _limit: usize,
    ) -> Vec<SearchHit> {
        Vec::new()
    }
}
