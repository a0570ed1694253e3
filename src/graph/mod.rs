//! Guides → the skill graph, and the questions asked of it.
//!
//! [`SkillGraph`] wraps a `petgraph::Graph` that is built once from a
//! [`Corpus`](crate::guide::Corpus) and never mutated, so readers share it
//! behind an `Arc` and take no lock. Callers name nodes by their stable
//! string ids (`job:platform_engineer`, `tool:kubernetes`) or by any
//! spelling of their name; `NodeIndex` never leaves this module.
//!
//! This is the only module that imports petgraph.

pub mod analytics;
mod build;
pub mod diagnostics;
pub mod edge;
pub mod export;
pub mod node;
pub mod normalize;
pub mod picture;
pub mod search;

pub use edge::{Edge, EdgeKind, UseSources};
pub use node::{
    EmployerNode, JobNode, Node, NodeData, NodeKind, ResourceNode, SkillNode, StageNode, TeamNode,
    ToolNode, TrendNode,
};

use crate::guide::{Corpus, Diagnostic, Guide};
use normalize::Canonicalizer;
use petgraph::Direction;
use petgraph::graph::{EdgeReference, Graph, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;
use std::time::SystemTime;

/// The typed, immutable graph of a corpus.
#[derive(Debug)]
pub struct SkillGraph {
    graph: Graph<Node, Edge>,
    by_id: HashMap<String, NodeIndex>,
    /// Node indexes of each kind, sorted by id, for stable pagination.
    by_kind: HashMap<NodeKind, Vec<NodeIndex>>,
    /// Keys of every slug, title and alias of a job.
    job_names: HashMap<String, NodeIndex>,
    /// Keys of every spelling of a skill or tool.
    skill_names: HashMap<String, NodeIndex>,
    tool_names: HashMap<String, NodeIndex>,
    skill_canon: Canonicalizer,
    tool_canon: Canonicalizer,
    guides: Vec<Guide>,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    loaded_at: SystemTime,
    /// Built on first use (or by [`SkillGraph::warm_up`]), since a graph
    /// that is never searched need not pay for it.
    search_index: OnceLock<search::SearchIndex>,
    /// Job profiles and the inverted index, built on first use.
    analytics: OnceLock<analytics::Analytics>,
    /// Finds known tool names in free text.
    tool_matcher: normalize::ToolMatcher,
    /// Spellings the guides used for each skill, tool, team and resource.
    spellings: diagnostics::Spellings,
}

/// A borrowed handle on one node of the graph.
#[derive(Clone, Copy)]
pub struct NodeRef<'g> {
    graph: &'g SkillGraph,
    index: NodeIndex,
}

/// A neighbour reached through an edge.
#[derive(Clone, Copy)]
pub struct Link<'g> {
    pub node: NodeRef<'g>,
    pub edge: &'g Edge,
}

impl std::fmt::Debug for NodeRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NodeRef({})", self.id())
    }
}

impl PartialEq for NodeRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.graph, other.graph) && self.index == other.index
    }
}

impl Eq for NodeRef<'_> {}

impl std::hash::Hash for NodeRef<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.index.hash(state);
    }
}

impl<'g> NodeRef<'g> {
    /// The node's data.
    pub fn node(&self) -> &'g Node {
        &self.graph.graph[self.index]
    }

    /// The stable id (`tool:kubernetes`).
    pub fn id(&self) -> &'g str {
        &self.node().id
    }

    pub fn kind(&self) -> NodeKind {
        self.node().kind()
    }

    pub fn label(&self) -> &'g str {
        self.node().label()
    }

    /// The graph this node belongs to.
    pub fn graph(&self) -> &'g SkillGraph {
        self.graph
    }

    /// The guide a job, stage or trend was read from.
    pub fn guide(&self) -> Option<&'g Guide> {
        let index = match &self.node().data {
            NodeData::Job(job) => job.guide?,
            NodeData::CareerStage(stage) => stage.guide,
            NodeData::Trend(trend) => trend.guide,
            _ => return None,
        };
        self.graph.guides.get(index)
    }

    /// Neighbours along outgoing edges of `kind`, by edge order then id.
    pub fn outgoing(&self, kind: EdgeKind) -> Vec<Link<'g>> {
        self.links(kind, Direction::Outgoing)
    }

    /// Neighbours along incoming edges of `kind`, by edge order then id.
    pub fn incoming(&self, kind: EdgeKind) -> Vec<Link<'g>> {
        self.links(kind, Direction::Incoming)
    }

    fn links(&self, kind: EdgeKind, direction: Direction) -> Vec<Link<'g>> {
        let graph = self.graph;
        let mut links: Vec<Link<'g>> = graph
            .graph
            .edges_directed(self.index, direction)
            .filter(|edge| edge.weight().kind == kind)
            .map(|edge: EdgeReference<'g, Edge>| {
                let other = match direction {
                    Direction::Outgoing => edge.target(),
                    Direction::Incoming => edge.source(),
                };
                Link {
                    node: NodeRef {
                        graph,
                        index: other,
                    },
                    edge: edge.weight(),
                }
            })
            .collect();
        links.sort_by(|a, b| (a.edge.order, a.node.id()).cmp(&(b.edge.order, b.node.id())));
        links
    }
}

/// Node and edge counts by kind.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GraphStats {
    pub guides: usize,
    pub nodes: usize,
    pub edges: usize,
    pub nodes_by_kind: BTreeMap<String, usize>,
    pub edges_by_kind: BTreeMap<String, usize>,
}

impl SkillGraph {
    /// Builds the graph of a corpus.
    pub fn build(corpus: Corpus) -> Self {
        build::build(corpus)
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<NodeRef<'_>> {
        self.by_id.get(id).map(|&index| self.handle(index))
    }

    /// The job with this slug, alias slug, title or alias title.
    pub fn job(&self, name: &str) -> Option<NodeRef<'_>> {
        let key = normalize::key(name);
        self.job_names
            .get(&key)
            .or_else(|| self.job_names.get(&key.replace(' ', "_")))
            .map(|&index| self.handle(index))
    }

    /// The skill with this name or any of its spellings.
    pub fn skill(&self, name: &str) -> Option<NodeRef<'_>> {
        let key = self.skill_canon.resolve(name).key;
        self.skill_names
            .get(&key)
            .or_else(|| self.skill_names.get(&normalize::key(name)))
            .map(|&index| self.handle(index))
    }

    /// The tool with this name or any of its spellings.
    pub fn tool(&self, name: &str) -> Option<NodeRef<'_>> {
        let key = self.tool_canon.resolve(name).key;
        self.tool_names
            .get(&key)
            .or_else(|| self.tool_names.get(&normalize::key(name)))
            .map(|&index| self.handle(index))
    }

    /// Every node of `kind`, sorted by id.
    pub fn nodes_of(&self, kind: NodeKind) -> impl ExactSizeIterator<Item = NodeRef<'_>> + '_ {
        self.by_kind
            .get(&kind)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&index| self.handle(index))
    }

    /// Every node, in insertion order.
    pub fn nodes(&self) -> impl Iterator<Item = NodeRef<'_>> + '_ {
        self.graph.node_indices().map(|index| self.handle(index))
    }

    /// Every edge as (source, target, edge).
    pub fn edges(&self) -> impl Iterator<Item = (NodeRef<'_>, NodeRef<'_>, &Edge)> + '_ {
        self.graph.edge_references().map(|edge| {
            (
                self.handle(edge.source()),
                self.handle(edge.target()),
                edge.weight(),
            )
        })
    }

    /// The guides the graph was built from.
    pub fn guides(&self) -> &[Guide] {
        &self.guides
    }

    /// Files that could not be read.
    pub fn errors(&self) -> &[Diagnostic] {
        &self.errors
    }

    /// Problems that did not stop loading.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// When the graph was built.
    pub fn loaded_at(&self) -> SystemTime {
        self.loaded_at
    }

    /// How many nodes the graph holds (constant time, unlike [`stats`](Self::stats)).
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// How many edges the graph holds.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Counts of guides, nodes and edges by kind.
    pub fn stats(&self) -> GraphStats {
        let mut nodes_by_kind: BTreeMap<String, usize> = NodeKind::ALL
            .iter()
            .map(|kind| (kind.to_string(), 0))
            .collect();
        for node in self.graph.node_weights() {
            *nodes_by_kind.entry(node.kind().to_string()).or_default() += 1;
        }
        let mut edges_by_kind: BTreeMap<String, usize> = EdgeKind::ALL
            .iter()
            .map(|kind| (kind.to_string(), 0))
            .collect();
        for edge in self.graph.edge_weights() {
            *edges_by_kind.entry(edge.kind.to_string()).or_default() += 1;
        }
        GraphStats {
            guides: self.guides.len(),
            nodes: self.graph.node_count(),
            edges: self.graph.edge_count(),
            nodes_by_kind,
            edges_by_kind,
        }
    }

    /// Checks the graph's invariants; returns every violation found.
    pub fn verify(&self) -> Result<(), Vec<String>> {
        let mut problems = Vec::new();
        for index in self.graph.node_indices() {
            let node = &self.graph[index];
            if self.by_id.get(&node.id) != Some(&index) {
                problems.push(format!("{} is not indexed by its id", node.id));
            }
            if NodeKind::from_id(&node.id) != Some(node.kind()) {
                problems.push(format!(
                    "{} has kind {} but another id prefix",
                    node.id,
                    node.kind()
                ));
            }
            if node.label().trim().is_empty() {
                problems.push(format!("{} has an empty label", node.id));
            }
        }
        for edge in self.graph.edge_references() {
            let (source, target) = (&self.graph[edge.source()], &self.graph[edge.target()]);
            let kind = edge.weight().kind;
            if (source.kind(), target.kind()) != kind.endpoints() {
                problems.push(format!("{kind} joins {} to {}", source.id, target.id));
            }
            if !(edge.weight().weight.is_finite() && edge.weight().weight > 0.0) {
                problems.push(format!(
                    "{kind} {} → {} has weight {}",
                    source.id,
                    target.id,
                    edge.weight().weight
                ));
            }
            if edge.source() == edge.target() {
                problems.push(format!("{kind} loops on {}", source.id));
            }
        }
        for job in self.nodes_of(NodeKind::Job) {
            let orders: Vec<Option<u32>> = job
                .outgoing(EdgeKind::HasStage)
                .iter()
                .map(|l| l.edge.order)
                .collect();
            let expected: Vec<Option<u32>> = (1..=orders.len() as u32).map(Some).collect();
            if orders != expected {
                problems.push(format!("{} has stages ordered {orders:?}", job.id()));
            }
        }
        let indexed: usize = self.by_kind.values().map(Vec::len).sum();
        if indexed != self.graph.node_count() {
            problems.push(format!(
                "{indexed} nodes indexed by kind of {}",
                self.graph.node_count()
            ));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// The full-text index, built the first time it is needed.
    pub fn search_index(&self) -> &search::SearchIndex {
        self.search_index
            .get_or_init(|| search::SearchIndex::build(self))
    }

    /// Builds everything built lazily, so the first request is not slow.
    pub fn warm_up(&self) {
        self.analytics();
        self.search_index();
    }

    /// The best `limit` nodes for a full-text `query`.
    pub fn search(
        &self,
        query: &str,
        kinds: Option<&[NodeKind]>,
        limit: usize,
    ) -> Vec<search::SearchHit> {
        self.search_index().search(self, query, kinds, limit)
    }

    /// Every node joined to `node` by an edge of any kind, either direction.
    pub fn neighbours<'g>(&'g self, node: NodeRef<'g>) -> impl Iterator<Item = NodeRef<'g>> + 'g {
        self.graph
            .neighbors_undirected(node.index)
            .map(move |index| self.handle(index))
    }

    fn handle(&self, index: NodeIndex) -> NodeRef<'_> {
        NodeRef { graph: self, index }
    }
}
