//! Answer types of search and drawing: hits, and views of the graph ready
//! to draw, with their nodes, edges and picture.

use super::super::{NodeInterface, NodeKind, graph_of};
use crate::api::cost;
use crate::graph::export::GraphView as ExportView;
use crate::graph::export::{MAX_VIEW_EDGES, MAX_VIEW_NODES};
use crate::graph::{self, ListBound, NodeRef};
use async_graphql::{Context, Enum, ID, Object, SimpleObject};

/// A search result.
pub struct SearchHit<'g> {
    pub node: NodeRef<'g>,
    pub score: f32,
    pub snippet: String,
}

/// A node matching a full-text search, with its score and an excerpt.
#[Object]
impl<'g> SearchHit<'g> {
    /// The node found.
    async fn node(&self) -> NodeInterface<'g> {
        self.node.into()
    }

    /// Relevance (BM25 with the name boosted; an exact name match ranks first).
    async fn score(&self) -> f32 {
        self.score
    }

    /// A short excerpt of the text that matched.
    async fn snippet(&self) -> &str {
        &self.snippet
    }
}

/// The kinds of edge, spelled as in exports.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "graph::EdgeKind")]
pub enum EdgeKind {
    /// job → skill.
    #[graphql(name = "REQUIRES")]
    Requires,
    /// job → tool, weighted.
    #[graphql(name = "USES")]
    Uses,
    /// skill → tool its description names.
    #[graphql(name = "MENTIONS")]
    Mentions,
    /// job → job listed in `related_jobs`.
    #[graphql(name = "RELATED_TO")]
    RelatedTo,
    /// job → career stage.
    #[graphql(name = "HAS_STAGE")]
    HasStage,
    /// career stage → next stage.
    #[graphql(name = "NEXT")]
    Next,
    /// career stage → job it is named after.
    #[graphql(name = "LEADS_TO")]
    LeadsTo,
    /// job → team.
    #[graphql(name = "COLLABORATES_WITH")]
    CollaboratesWith,
    /// job → employer.
    #[graphql(name = "HIRED_BY")]
    HiredBy,
    /// job → learning resource.
    #[graphql(name = "LEARN_WITH")]
    LearnWith,
    /// job → trend.
    #[graphql(name = "FORESEES")]
    Foresees,
    /// compound skill → part.
    #[graphql(name = "COMPOSED_OF")]
    ComposedOf,
    /// job posting → a skill or tool it names.
    #[graphql(name = "ASKS_FOR")]
    AsksFor,
    /// job → a concept its guide uses, weighted by how specific it is.
    #[graphql(name = "INVOLVES")]
    Involves,
    /// skill → a concept its name means or contains.
    #[graphql(name = "EXPRESSES")]
    Expresses,
    /// concept → a broader concept.
    #[graphql(name = "BROADER")]
    Broader,
}

/// A node as drawn: an entry of a view, which points at its node.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct GraphNode {
    /// The entry's own id (`GraphNode:job:platform_engineer`), unique
    /// across types as client caches need; the node's id is `nodeId`.
    id: ID,
    /// The global id of the node drawn: what `edges` name as `source` and
    /// `target`, and what `node(id:)` takes.
    node_id: ID,
    /// The node's kind.
    kind: NodeKind,
    /// The name to show.
    label: String,
}

#[async_graphql::ComplexObject]
impl GraphNode {
    /// The node drawn, as its own type.
    async fn node<'ctx>(
        &self,
        ctx: &Context<'ctx>,
    ) -> async_graphql::Result<Option<NodeInterface<'ctx>>> {
        NodeInterface::by_id(ctx, &self.node_id)
    }

    /// Its name in each language (`ja`, `en`), or only in `lang`, as the
    /// node itself gives them.
    #[graphql(complexity = "cost::times(crate::guide::Language::ALL.len(), child_complexity)")]
    async fn labels(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A BCP 47 language tag (`en`, `ja`); all languages when left out.")]
        lang: Option<String>,
    ) -> async_graphql::Result<Vec<super::super::Label>> {
        let graph = graph_of(ctx)?;
        Ok(graph
            .node(&self.node_id)
            .map(|node| super::super::labels_of(node, lang.as_deref()))
            .unwrap_or_default())
    }
}

/// An edge as drawn.
#[derive(SimpleObject)]
pub struct GraphEdge {
    /// The source node's id.
    source: String,
    /// The target node's id.
    target: String,
    /// The edge's kind.
    kind: EdgeKind,
    /// The edge's weight (1 unless the kind defines one).
    weight: f64,
}

/// Turns to lay out a picture: one core fewer than the machine has (at
/// least one), shared by every request.
fn layout_turns() -> &'static tokio::sync::Semaphore {
    static TURNS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    TURNS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        tokio::sync::Semaphore::new(cores.saturating_sub(1).max(1))
    })
}

/// Which way a picture's layers run.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "crate::graph::picture::Direction")]
pub enum PictureDirection {
    /// Top to bottom (career ladders).
    TopDown,
    /// Left to right (neighbourhoods).
    LeftRight,
}

/// Nodes and edges ready for Cytoscape, D3 or Graphviz.
pub struct GraphView(pub ExportView);

/// Nodes and edges ready for Cytoscape, D3 or Graphviz, or drawn as SVG.
#[Object]
impl GraphView {
    /// A stable id for this answer: the same nodes and edges on the same
    /// corpus give the same id (a cache key, not a node id).
    async fn id(&self, ctx: &Context<'_>) -> async_graphql::Result<ID> {
        let mut drawn = Vec::new();
        for node in &self.0.nodes {
            drawn.extend_from_slice(node.id.as_bytes());
            drawn.push(0);
        }
        for edge in &self.0.edges {
            for part in [
                edge.source.as_str(),
                edge.target.as_str(),
                &edge.kind.to_string(),
            ] {
                drawn.extend_from_slice(part.as_bytes());
                drawn.push(0);
            }
        }
        Ok(super::super::answer_id(
            "GraphView",
            graph_of(ctx)?,
            &[&drawn],
        ))
    }

    /// The nodes, the center first.
    #[graphql(complexity = "cost::capped(MAX_VIEW_NODES, ListBound::AllNodes, child_complexity)")]
    async fn nodes(&self) -> Vec<GraphNode> {
        self.0
            .nodes
            .iter()
            .map(|n| GraphNode {
                id: ID(format!("GraphNode:{}", n.id)),
                node_id: ID(n.id.clone()),
                kind: n.kind.into(),
                label: n.label.clone(),
            })
            .collect()
    }

    /// Whether nodes or edges were left out to stay within the view's caps.
    async fn truncated(&self) -> bool {
        self.0.truncated
    }

    /// Every edge between them.
    #[graphql(complexity = "cost::capped(MAX_VIEW_EDGES, ListBound::AllEdges, child_complexity)")]
    async fn edges(&self) -> Vec<GraphEdge> {
        self.0
            .edges
            .iter()
            .map(|e| GraphEdge {
                source: e.source.clone(),
                target: e.target.clone(),
                kind: e.kind.into(),
                weight: e.weight,
            })
            .collect()
    }

    /// The view drawn as an SVG document (a layered, Graphviz-like layout,
    /// nodes coloured by kind, labels wrapped at word boundaries). Each
    /// node is a `<g data-node-id>` and each edge a `<g data-edge-source
    /// data-edge-target data-edge-kind>`, so a page can link what it shows.
    /// Null, with an error beside it, when it cannot be drawn:
    /// `BAD_USER_INPUT` above 120 nodes, `LAYOUT_FAILED` when the layout
    /// cannot place the view. The rest of the view is answered still.
    async fn svg(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Which way the layers run.",
            default_with = "PictureDirection::LeftRight"
        )]
        direction: PictureDirection,
        #[graphql(
            desc = "Label the nodes in this language (a BCP 47 tag: `en`, `ja`) where they have a label in it; their own names when left out."
        )]
        lang: Option<String>,
    ) -> async_graphql::Result<Option<String>> {
        use crate::graph::picture::render_svg;
        let relabelled = match lang.as_deref().map(crate::guide::Language::from_tag) {
            Some(Some(language)) => Some(self.0.in_language(graph_of(ctx)?, language)),
            _ => None,
        };
        let view = relabelled.as_ref().unwrap_or(&self.0);
        // Laying out a picture is the one field that computes for tens of
        // milliseconds at a stretch: it runs on the blocking pool, a core
        // short of all of them at once, so the threads that answer every
        // other request never wait for it.
        let direction = direction.into();
        let drawn = match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                let _turn = layout_turns().acquire().await;
                let view = view.clone();
                runtime
                    .spawn_blocking(move || render_svg(&view, direction))
                    .await
                    .map_err(|error| {
                        use async_graphql::ErrorExtensions;
                        crate::api::error::ApiError::Internal(error.to_string()).extend()
                    })?
            }
            Err(_) => render_svg(view, direction),
        };
        drawn.map(Some).map_err(|error| {
            use crate::api::error::ApiError;
            use crate::graph::picture::PictureError;
            use async_graphql::ErrorExtensions;
            match error {
                // Too many nodes is the request's to fix (fewer kinds, less
                // depth); a layout that fails is the server's fault.
                PictureError::TooLarge(_) => ApiError::BadArgument {
                    argument: "svg",
                    reason: error.to_string(),
                },
                PictureError::LayoutFailed => ApiError::LayoutFailed,
            }
            .extend()
        })
    }
}
