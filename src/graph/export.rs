//! Views of the graph ready to draw, and their serialisations.
//!
//! A [`GraphView`] is the whole graph or the neighbourhood of one node; the
//! JSON form is `{"nodes":[{"id","kind","label",…}],"edges":[{"source",
//! "target","kind","weight"}]}` with ids and kinds spelled as in the graph.

use super::node::{NodeData, NodeKind};
use super::{NodeRef, SkillGraph};
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
}

/// An edge as drawn.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ViewEdge {
    pub source: String,
    pub target: String,
    pub kind: super::EdgeKind,
    pub weight: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
}

/// Nodes and the edges between them.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct GraphView {
    pub nodes: Vec<ViewNode>,
    pub edges: Vec<ViewEdge>,
}

impl ViewNode {
    /// The drawable form of a node.
    pub fn of(node: NodeRef<'_>) -> Self {
        let data = node.node();
        let mut view = ViewNode {
            id: data.id.clone(),
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
                view.job = Some(format!("job:{}", stage.job_slug));
            }
            NodeData::Resource(resource) => view.resource_type = Some(resource.kind),
            NodeData::Trend(trend) => view.job = Some(format!("job:{}", trend.job_slug)),
            NodeData::Employer(employer) => view.categories = employer.sectors.clone(),
            NodeData::Team(_) => {}
        }
        view
    }
}

impl GraphView {
    /// The whole graph.
    pub fn whole(graph: &SkillGraph) -> Self {
        let nodes = graph.nodes().map(ViewNode::of).collect();
        let edges = graph
            .edges()
            .map(|(source, target, edge)| ViewEdge {
                source: source.id().to_owned(),
                target: target.id().to_owned(),
                kind: edge.kind,
                weight: edge.weight,
                order: edge.order,
            })
            .collect();
        Self { nodes, edges }
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
        let start = graph.node(center)?;
        let allowed = |kind: NodeKind| kinds.is_none_or(|kinds| kinds.contains(&kind));
        let mut seen: HashSet<&str> = HashSet::from([start.id()]);
        let mut order: Vec<NodeRef<'_>> = vec![start];
        let mut queue = VecDeque::from([(start, 0usize)]);
        while let Some((node, distance)) = queue.pop_front() {
            if distance == depth {
                continue;
            }
            for neighbour in graph.neighbours(node) {
                if allowed(neighbour.kind()) && seen.insert(neighbour.id()) {
                    order.push(neighbour);
                    queue.push_back((neighbour, distance + 1));
                }
            }
        }
        let ids = seen;
        let nodes = order.into_iter().map(ViewNode::of).collect();
        let edges = graph
            .edges()
            .filter(|(source, target, _)| ids.contains(source.id()) && ids.contains(target.id()))
            .map(|(source, target, edge)| ViewEdge {
                source: source.id().to_owned(),
                target: target.id().to_owned(),
                kind: edge.kind,
                weight: edge.weight,
                order: edge.order,
            })
            .collect();
        Some(Self { nodes, edges })
    }

    /// The JSON form.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned())
    }
}
