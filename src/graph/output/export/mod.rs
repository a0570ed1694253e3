//! Views of the graph ready to draw, the corpus report, and their
//! serialisations.
//!
//! A [`GraphView`] is the whole graph or the neighbourhood of one node,
//! written in the [`Format`] each drawing tool reads:
//!
//! - JSON ([`GraphView::to_json`]): `{"nodes":[{"id","kind","label",…}],
//!   "edges":[{"source","target","kind","weight"}]}`, ids and kinds spelled
//!   as in the graph; the form of the GraphQL `graph` answer too.
//! - Cytoscape.js elements ([`GraphView::to_cytoscape`]).
//! - Graphviz DOT ([`GraphView::to_dot`]).
//! - GraphML ([`GraphView::to_graphml`]), for networkx, Gephi, yEd.
//! - A Mermaid flowchart ([`GraphView::to_mermaid`]), for Markdown.
//!
//! Labels are Japanese and carry quotes, slashes, brackets and ampersands
//! (`SRE/運用チーム`, `Docker/Kubernetes実践ガイド`, `「CKA」`), so every text
//! format escapes by its own rules; `.ci/consumers/run.sh` checks each output
//! in the tool that reads it.
//!
//! A [`Report`] is what `check` tells a corpus editor: the counts, every
//! error and warning, and what to review.
//!
//! This file holds the view itself (what a picture or an export shows);
//! `formats.rs` writes it in each format, with each format's escaping, and
//! `report.rs` writes the report.

mod formats;
mod report;
#[cfg(test)]
mod tests;

pub use formats::Format;
pub(in crate::graph) use formats::xml_escape;
pub use report::{Report, ReportFormat};

use crate::graph::node::{NodeData, NodeKind};
use crate::graph::{NodeId, NodeRef, SkillGraph};
use crate::guide::{ResourceKind, SkillKind};
use serde::Serialize;
use std::collections::{HashSet, VecDeque};

/// A node as drawn: id, kind, label and the attributes of its kind.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ViewNode {
    pub id: String,
    pub kind: NodeKind,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_guide: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skill_type: Option<SkillKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<ResourceKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Where the career map places it (roles with ladders and their rungs),
    /// so that a tool that draws the export shows the compiled map.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<MapPoint>,
}

/// A box centre on the career map, in pixels.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct MapPoint {
    pub x: f64,
    pub y: f64,
}

/// An edge as drawn.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ViewEdge {
    pub source: String,
    pub target: String,
    pub kind: crate::graph::EdgeKind,
    pub weight: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
}

/// The most nodes a neighbourhood asked for over the API holds: more than
/// any picture can show, and few enough that its answer stays small
/// whatever the corpus (the nearest nodes are kept).
pub const MAX_VIEW_NODES: usize = 500;
/// The most edges such a neighbourhood holds.
pub const MAX_VIEW_EDGES: usize = 4 * MAX_VIEW_NODES;

/// Nodes and the edges between them.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct GraphView {
    pub nodes: Vec<ViewNode>,
    pub edges: Vec<ViewEdge>,
    /// Whether nodes or edges were left out to stay within a cap.
    #[serde(skip)]
    pub truncated: bool,
}

impl GraphView {
    /// The same view with each node labelled in `language` where the
    /// graph has a label in it (its own name otherwise), for a picture
    /// drawn in that language.
    pub fn in_language(&self, graph: &SkillGraph, language: crate::guide::Language) -> Self {
        let nodes = self
            .nodes
            .iter()
            .map(|node| {
                let label = graph
                    .node(&node.id)
                    .and_then(|found| found.node().labels().of(language).map(str::to_owned));
                ViewNode {
                    label: label.unwrap_or_else(|| node.label.clone()),
                    ..node.clone()
                }
            })
            .collect();
        Self {
            nodes,
            edges: self.edges.clone(),
            truncated: self.truncated,
        }
    }
}

impl ViewNode {
    /// The drawable form of a node.
    pub fn of(node: NodeRef<'_>) -> Self {
        let data = node.node();
        let mut view = ViewNode {
            id: data.id.to_string(),
            kind: data.kind(),
            label: data.label().to_owned(),
            slug: None,
            has_guide: None,
            skill_type: None,
            resource_type: None,
            order: None,
            job: None,
            categories: Vec::new(),
            aliases: data.aliases().to_vec(),
            position: node
                .graph()
                .map_position(node)
                .map(|at| MapPoint { x: at.x, y: at.y }),
        };
        match &data.data {
            NodeData::Job(job) => {
                view.slug = Some(job.slug.clone());
                view.has_guide = Some(job.guide.is_some());
            }
            NodeData::Skill(skill) => view.skill_type = Some(skill.kind),
            NodeData::Tool(tool) => view.categories = tool.categories.clone(),
            NodeData::CareerStage(stage) => {
                view.order = Some(stage.order);
                view.job = Some(NodeId::job(&stage.job_slug).to_string());
            }
            NodeData::Resource(resource) => view.resource_type = Some(resource.kind),
            NodeData::Trend(trend) => view.job = Some(NodeId::job(&trend.job_slug).to_string()),
            NodeData::Employer(employer) => view.categories = employer.sectors.clone(),
            NodeData::Team(_) | NodeData::Posting(_) | NodeData::Concept(_) => {}
        }
        view
    }
}

impl ViewEdge {
    /// The drawable form of an edge from `source` to `target`.
    pub fn of((source, target, edge): (NodeRef<'_>, NodeRef<'_>, &crate::graph::Edge)) -> Self {
        Self {
            source: source.id().to_owned(),
            target: target.id().to_owned(),
            kind: edge.kind,
            weight: edge.weight,
            order: edge.order,
        }
    }
}

/// Kinds a view leaves out unless asked for: a tool may be asked for by
/// thousands of postings, and a job uses hundreds of concepts.
pub const NOT_IN_VIEWS_UNASKED: [NodeKind; 2] = [NodeKind::Posting, NodeKind::Concept];

impl GraphView {
    /// The whole graph.
    pub fn whole(graph: &SkillGraph) -> Self {
        let nodes = graph.nodes().map(ViewNode::of).collect();
        let edges = graph.edges().map(ViewEdge::of).collect();
        Self {
            nodes,
            edges,
            truncated: false,
        }
    }

    /// The nodes within `depth` edges of `center` (either direction),
    /// restricted to `kinds` when given (the center is always kept), and
    /// every edge between them. `None` when there is no such node.
    pub fn neighborhood(
        graph: &SkillGraph,
        center: &str,
        depth: usize,
        kinds: Option<&[NodeKind]>,
    ) -> Option<Self> {
        Self::neighborhood_within(graph, center, depth, kinds, (usize::MAX, usize::MAX))
    }

    /// [`GraphView::neighborhood`], keeping at most `max_nodes` nodes (the
    /// nearest, in the order a breadth-first walk meets them) and
    /// `max_edges` edges; `truncated` says whether any was left out.
    pub fn neighborhood_within(
        graph: &SkillGraph,
        center: &str,
        depth: usize,
        kinds: Option<&[NodeKind]>,
        (max_nodes, max_edges): (usize, usize),
    ) -> Option<Self> {
        let start = graph.node(center)?;
        let mut truncated = false;
        let allowed = |kind: NodeKind| {
            kinds.map_or(!NOT_IN_VIEWS_UNASKED.contains(&kind), |kinds| {
                kinds.contains(&kind)
            })
        };
        let mut seen: HashSet<&str> = HashSet::from([start.id()]);
        let mut order: Vec<NodeRef<'_>> = vec![start];
        let mut queue = VecDeque::from([(start, 0usize)]);
        'walk: while let Some((node, distance)) = queue.pop_front() {
            if distance == depth {
                continue;
            }
            for neighbour in graph.neighbours(node) {
                if allowed(neighbour.kind()) && seen.insert(neighbour.id()) {
                    if order.len() == max_nodes {
                        truncated = true;
                        break 'walk;
                    }
                    order.push(neighbour);
                    queue.push_back((neighbour, distance + 1));
                }
            }
        }
        let mut edges: Vec<ViewEdge> = graph
            .edges_among(&order)
            .into_iter()
            .map(ViewEdge::of)
            .collect();
        if edges.len() > max_edges {
            edges.truncate(max_edges);
            truncated = true;
        }
        let nodes = order.into_iter().map(ViewNode::of).collect();
        Some(Self {
            nodes,
            edges,
            truncated,
        })
    }
}
