//! The Relay `Node` interface.

use super::{CareerStage, Concept, Employer, Job, Posting, Resource, Skill, Team, Tool, Trend};
use crate::graph::{NodeKind, NodeRef};
use async_graphql::{ID, Interface};

/// Any object with a global id, fetchable with `node(id:)`.
#[derive(Interface)]
#[graphql(
    name = "Node",
    field(
        name = "id",
        ty = "ID",
        desc = "The global id (`job:platform_engineer`, `tool:kubernetes`)."
    ),
    field(
        name = "node_kind",
        ty = "super::NodeKind",
        desc = "What kind of node it is, one field for a client that draws any node rather than a table of `__typename`s (`kind` is a skill's or a resource's own kind)."
    ),
    field(
        name = "label",
        ty = "&'g str",
        desc = "The name it is drawn by, as the corpus writes it: what `name` or `title` answers, on every kind of node alike."
    )
)]
pub enum NodeInterface<'g> {
    Job(Job<'g>),
    Skill(Skill<'g>),
    Tool(Tool<'g>),
    CareerStage(CareerStage<'g>),
    Team(Team<'g>),
    Employer(Employer<'g>),
    Resource(Resource<'g>),
    Trend(Trend<'g>),
    Posting(Posting<'g>),
    Concept(Concept<'g>),
}

impl<'g> From<NodeRef<'g>> for NodeInterface<'g> {
    fn from(node: NodeRef<'g>) -> Self {
        match node.kind() {
            NodeKind::Job => NodeInterface::Job(Job(node)),
            NodeKind::Skill => NodeInterface::Skill(Skill(node)),
            NodeKind::Tool => NodeInterface::Tool(Tool(node)),
            NodeKind::CareerStage => NodeInterface::CareerStage(CareerStage(node)),
            NodeKind::Team => NodeInterface::Team(Team(node)),
            NodeKind::Employer => NodeInterface::Employer(Employer(node)),
            NodeKind::Resource => NodeInterface::Resource(Resource(node)),
            NodeKind::Trend => NodeInterface::Trend(Trend(node)),
            NodeKind::Posting => NodeInterface::Posting(Posting(node)),
            NodeKind::Concept => NodeInterface::Concept(Concept(node)),
        }
    }
}

impl<'g> NodeInterface<'g> {
    /// The node with global id `id` in the request's graph, if any: what
    /// `node(id:)` answers, and what entries pointing at a node resolve.
    pub fn by_id(
        ctx: &async_graphql::Context<'g>,
        id: &str,
    ) -> async_graphql::Result<Option<Self>> {
        Ok(super::graph_of(ctx)?.node(id).map(Self::from))
    }
}
