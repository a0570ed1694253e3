//! Provenance: where in the corpus a fact was read, down to the row.
//!
//! Edges carry every [`Source`] that stated them, and nodes read from one
//! row (a career rung, a trend) carry theirs, so any answer can point
//! back at the guide, section, row and line it came from, and
//! [`Source::row_in`] finds that row again without picking a list by hand.

use crate::guide::{Guide, Prose, Row, Section};
use serde::Serialize;

/// Where one fact was read: which guide, which section, which
/// row of it (a skill row, a tools-table category, a learning step, an
/// employer type …), which item of that row (the third company, the second
/// book), and the line the row starts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Index of the guide in [`SkillGraph::guides`](crate::graph::SkillGraph::guides).
    pub guide: u32,
    pub section: Section,
    /// 0-based row in the section's list.
    pub row: u32,
    /// 0-based item within the row, for rows that list several names.
    pub item: u32,
    /// 1-based line of the row in the guide file.
    pub line: u32,
}

impl Source {
    /// Row `row` of `section` in guide `guide`, starting on `line`.
    pub fn row(guide: usize, section: Section, row: usize, line: usize) -> Self {
        Self {
            guide: saturate(guide),
            section,
            row: saturate(row),
            item: 0,
            line: saturate(line),
        }
    }

    /// Where `prose` of guide `guide` was written.
    pub fn of(guide: usize, prose: Prose<'_>) -> Self {
        Self::row(guide, prose.section, prose.row, prose.line)
    }

    /// The same row, item `item`.
    pub fn item(self, item: usize) -> Self {
        Self {
            item: saturate(item),
            ..self
        }
    }

    /// The row as an index into the section's list.
    pub fn row_index(&self) -> usize {
        self.row as usize
    }

    /// The row this source points at, among `guides`; `None` for a posting.
    pub fn row_in(self, guides: &[std::sync::Arc<Guide>]) -> Option<Row<'_>> {
        guides
            .get(self.guide as usize)?
            .row(self.section, self.row_index())
    }
}

/// Guides, rows and lines never come near `u32::MAX`; if one did, pointing
/// at the last representable row beats failing the build.
fn saturate(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{CompileOptions, NodeData, SkillGraph};
    use crate::guide::{LoadOptions, load_dir};
    use std::path::Path;

    fn compiled(folder: &str) -> SkillGraph {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
        let corpus = load_dir(&root, &LoadOptions::default()).expect("the folder loads");
        SkillGraph::compile(corpus, CompileOptions { search: false })
    }

    /// Every source of every edge and node, guide sources only.
    fn sources(graph: &SkillGraph) -> Vec<Source> {
        let mut sources: Vec<Source> = graph
            .edges()
            .flat_map(|(_, _, edge)| edge.sources.iter().copied())
            .collect();
        sources.extend(graph.nodes().filter_map(|node| match &node.node().data {
            NodeData::CareerStage(stage) => Some(stage.source),
            NodeData::Trend(trend) => Some(trend.source),
            _ => None,
        }));
        sources.retain(|source| source.section != Section::Posting);
        sources
    }

    #[test]
    fn every_source_finds_the_row_it_was_read_from() {
        for folder in ["seeds", "tests/fixtures/drift"] {
            let graph = compiled(folder);
            let sources = sources(&graph);
            assert!(sources.len() > 100, "{folder}: {} sources", sources.len());
            for source in sources {
                // The line a source names (the row's, or its item's) lies
                // within its row: a row of the wrong list would not hold it.
                let row = source.row_in(graph.guides());
                let next = graph.guides()[source.guide as usize]
                    .row(source.section, source.row_index() + 1)
                    .map(Row::line);
                let line = source.line as usize;
                assert!(
                    row.is_some_and(|row| row.line() <= line)
                        && next.is_none_or(|next| line < next),
                    "{folder}: {source:?} is not within {row:?}"
                );
            }
        }
    }
}
