//! The longest list of each kind a compiled graph can answer, measured once
//! when it is compiled.
//!
//! A query's cost has to be known before it runs, and a list without a
//! `first` argument (a tool's skills, a job's related jobs) holds as many
//! items as the graph gives it. These maxima are what such a list is priced
//! by: exact for this graph, so a query is never refused for a list that
//! cannot be that long, and never let through for one that can.

use crate::graph::{EdgeKind, NodeData, NodeKind, SkillGraph};
use crate::guide::{Row, Section};
use petgraph::Direction;

/// A list whose longest length a graph knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListBound {
    /// The neighbours of one node along outgoing edges of a kind.
    Outgoing(EdgeKind),
    /// The neighbours of one node along incoming edges of a kind.
    Incoming(EdgeKind),
    /// The rows of one guide section, or the items of one row: duties,
    /// learning steps and their resources, employer types and their
    /// companies, interview questions, free sections, tool categories.
    GuideRows,
    /// The skills and tools one posting names, each mention counted.
    PostingMentions,
    /// Every node of a kind.
    Nodes(NodeKind),
    /// Every edge of a kind.
    Edges(EdgeKind),
    /// Every node.
    AllNodes,
    /// Every edge.
    AllEdges,
    /// The files that could not be read, and the warnings.
    Diagnostics,
}

/// The measured maxima of one graph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListBounds {
    outgoing: [usize; EdgeKind::ALL.len()],
    incoming: [usize; EdgeKind::ALL.len()],
    guide_rows: usize,
    posting_mentions: usize,
    nodes: [usize; NodeKind::ALL.len()],
    edges: [usize; EdgeKind::ALL.len()],
    all_nodes: usize,
    all_edges: usize,
    diagnostics: usize,
}

impl ListBounds {
    /// Measures `graph`: one pass over its nodes, edges and guides.
    pub fn measure(graph: &SkillGraph) -> Self {
        let mut bounds = Self {
            all_nodes: graph.graph.node_count(),
            all_edges: graph.graph.edge_count(),
            diagnostics: graph.errors.len().max(graph.warnings.len()),
            ..Self::default()
        };
        for edge in graph.graph.edge_weights() {
            bounds.edges[edge_slot(edge.kind)] += 1;
        }
        for index in graph.graph.node_indices() {
            let node = &graph.graph[index];
            bounds.nodes[node_slot(node.kind())] += 1;
            for (direction, maxima) in [
                (Direction::Outgoing, &mut bounds.outgoing),
                (Direction::Incoming, &mut bounds.incoming),
            ] {
                let mut degrees = [0usize; EdgeKind::ALL.len()];
                for edge in graph.graph.edges_directed(index, direction) {
                    degrees[edge_slot(edge.weight().kind)] += 1;
                }
                for (most, degree) in maxima.iter_mut().zip(degrees) {
                    *most = (*most).max(degree);
                }
            }
            if let NodeData::Posting(posting) = &node.data {
                bounds.posting_mentions = bounds.posting_mentions.max(posting.mentions.len());
            }
        }
        bounds.guide_rows = graph
            .guides
            .iter()
            .map(|guide| longest_row_list(guide))
            .max()
            .unwrap_or(0);
        bounds
    }

    /// The longest a list of this kind can be in the measured graph.
    pub fn of(&self, bound: ListBound) -> usize {
        match bound {
            ListBound::Outgoing(kind) => self.outgoing[edge_slot(kind)],
            ListBound::Incoming(kind) => self.incoming[edge_slot(kind)],
            ListBound::GuideRows => self.guide_rows,
            ListBound::PostingMentions => self.posting_mentions,
            ListBound::Nodes(kind) => self.nodes[node_slot(kind)],
            ListBound::Edges(kind) => self.edges[edge_slot(kind)],
            ListBound::AllNodes => self.all_nodes,
            ListBound::AllEdges => self.all_edges,
            ListBound::Diagnostics => self.diagnostics,
        }
    }
}

/// The longest list of rows a guide holds, or of items in one row.
fn longest_row_list(guide: &crate::guide::Guide) -> usize {
    Section::ALL
        .into_iter()
        .flat_map(|section| {
            let rows = guide.rows(section);
            std::iter::once(rows.clone().count()).chain(rows.map(Row::items))
        })
        .max()
        .unwrap_or(0)
}

/// Where `kind` counts: its place in [`EdgeKind::ALL`], which lists the
/// kinds in the order they are declared (a test holds it so). Read for
/// every edge twice, so it is not looked up.
fn edge_slot(kind: EdgeKind) -> usize {
    kind as usize
}

fn node_slot(kind: NodeKind) -> usize {
    NodeKind::ALL
        .iter()
        .position(|each| *each == kind)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::CompileOptions;

    #[test]
    fn every_edge_kind_counts_in_its_own_slot() {
        for (place, kind) in EdgeKind::ALL.into_iter().enumerate() {
            assert_eq!(edge_slot(kind), place, "{kind:?}");
        }
    }

    fn seeds() -> SkillGraph {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let corpus = crate::guide::load_dir(&root, &crate::guide::LoadOptions::default())
            .expect("the shipped seeds load");
        SkillGraph::compile(corpus, CompileOptions { search: false })
    }

    #[test]
    fn every_neighbour_list_is_within_its_measured_bound_and_one_reaches_it() {
        let graph = seeds();
        let bounds = graph.list_bounds();
        for kind in EdgeKind::ALL {
            let mut longest = (0, 0);
            for node in graph.nodes() {
                let (out, inc) = (node.outgoing(kind).len(), node.incoming(kind).len());
                assert!(out <= bounds.of(ListBound::Outgoing(kind)), "{kind:?}");
                assert!(inc <= bounds.of(ListBound::Incoming(kind)), "{kind:?}");
                longest = (longest.0.max(out), longest.1.max(inc));
            }
            assert_eq!(longest.0, bounds.of(ListBound::Outgoing(kind)), "{kind:?}");
            assert_eq!(longest.1, bounds.of(ListBound::Incoming(kind)), "{kind:?}");
        }
    }

    #[test]
    fn counts_match_the_graph_and_guide_rows_cover_every_section() {
        let graph = seeds();
        let bounds = graph.list_bounds();
        let stats = graph.stats();
        assert_eq!(bounds.of(ListBound::AllNodes), stats.nodes);
        assert_eq!(bounds.of(ListBound::AllEdges), stats.edges);
        assert_eq!(
            bounds.of(ListBound::Nodes(NodeKind::Job)),
            graph.nodes_of(NodeKind::Job).len()
        );
        for guide in graph.guides() {
            assert!(guide.duties.len() <= bounds.of(ListBound::GuideRows));
            assert!(guide.skills.len() <= bounds.of(ListBound::GuideRows));
        }
        assert!(bounds.of(ListBound::GuideRows) > 0);
    }
}
