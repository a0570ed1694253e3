//! `careerMap`: roles and their rungs with the positions the compile gave
//! them, and the edges between them.

use super::super::{CareerStage, Job};
use super::EdgeKind;
use crate::api::cost;
use crate::graph::ListBound;
use crate::graph::analytics as graph_analytics;
use async_graphql::{Object, SimpleObject};

/// A box centre on the map, in pixels: x grows rightwards, y downwards.
#[derive(SimpleObject, Clone, Copy)]
pub struct MapPosition {
    /// Across: roles of one family stand in neighbouring columns.
    x: f64,
    /// Down: the highest level at the top, under a row of roles.
    y: f64,
}

impl From<graph_analytics::Position> for MapPosition {
    fn from(position: graph_analytics::Position) -> Self {
        Self {
            x: position.x,
            y: position.y,
        }
    }
}

/// A map of roles by family and level.
pub struct CareerMap<'g>(pub graph_analytics::CareerMap<'g>);

/// Roles and their rungs placed by family (across) and level (down), with
/// the edges between them. Places are the same for every client and every
/// replica reading the same files; a role added to or dropped from a family
/// moves only the later roles of that family.
#[Object]
impl<'g> CareerMap<'g> {
    /// How many roles matched, before `first` cut the list.
    async fn total_count(&self) -> usize {
        self.0.total
    }

    /// The map as an SVG picture: every box at the position answered
    /// (roles heading their columns, rungs at the row of their level) and
    /// straight edges. Each box is a `<g data-node-id>` (rungs also carry
    /// `data-level`), each edge a `<g data-edge-source data-edge-target
    /// data-edge-kind>`.
    #[graphql(complexity = "cost::map_picture()")]
    async fn picture(
        &self,
        #[graphql(
            desc = "Label the nodes in this language (a BCP 47 tag: `en`, `ja`) where they have a label in it; their own names when left out."
        )]
        lang: Option<String>,
    ) -> String {
        let language = lang.as_deref().and_then(crate::guide::Language::from_tag);
        crate::graph::picture::map_svg(&self.0, language)
    }

    /// The roles, by family and then by id, each heading its column.
    #[graphql(
        complexity = "cost::capped(crate::api::arguments::MAX_RESULTS as usize, ListBound::Nodes(crate::graph::NodeKind::Job), child_complexity)"
    )]
    async fn roles(&self) -> Vec<MapRole<'g>> {
        self.0.roles.iter().cloned().map(MapRole).collect()
    }

    /// Rung to rung (`NEXT`; `LEADS_TO`, to the rung of the role led to at
    /// the rung's level) and role to role (`RELATED_TO`), among the roles
    /// answered.
    #[graphql(
        complexity = "cost::capped(crate::graph::export::MAX_VIEW_EDGES, ListBound::AllEdges, child_complexity)"
    )]
    async fn edges(&self) -> Vec<MapEdge> {
        self.0
            .edges
            .iter()
            .map(|edge| MapEdge {
                source: edge.source.id().to_owned(),
                target: edge.target.id().to_owned(),
                kind: edge.kind.into(),
            })
            .collect()
    }
}

/// A role on the map.
pub struct MapRole<'g>(graph_analytics::MapRole<'g>);

/// A role on the map, heading its column, with its rungs below it.
#[Object]
impl<'g> MapRole<'g> {
    /// The role.
    async fn job(&self) -> Job<'g> {
        Job(self.0.job)
    }

    /// Where its box stands: the head of its column.
    async fn position(&self) -> MapPosition {
        self.0.position.into()
    }

    /// Its rungs, from the first up, each at the height of its level.
    #[graphql(
        complexity = "cost::list(ListBound::Outgoing(crate::graph::EdgeKind::HasStage), child_complexity)"
    )]
    async fn stages(&self) -> Vec<MapStage<'g>> {
        self.0
            .stages
            .iter()
            .map(|(stage, position)| MapStage {
                stage: CareerStage(*stage),
                position: (*position).into(),
            })
            .collect()
    }
}

/// A rung on the map.
#[derive(SimpleObject)]
pub struct MapStage<'g> {
    /// The rung (its `level` says its row).
    stage: CareerStage<'g>,
    /// Where its box stands.
    position: MapPosition,
}

/// An edge of the map, by the ids of the nodes it joins.
#[derive(SimpleObject)]
pub struct MapEdge {
    /// The source node's id.
    source: String,
    /// The target node's id.
    target: String,
    /// The edge's kind.
    kind: EdgeKind,
}
